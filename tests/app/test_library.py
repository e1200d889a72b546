"""The Library and People screens, driven by keys as a reader would."""

from __future__ import annotations

import pytest
from textual import on
from textual.app import App
from textual.widgets import DataTable, OptionList

from byline.tui.core.library import Library
from byline.tui.core.sources import from_text
from byline.tui.core.store import Store
from byline.tui.screens.confirm import ConfirmDialog
from byline.tui.screens.library import LibraryScreen
from byline.tui.screens.people import PeopleScreen
from byline.tui.screens.requests import OpenArticle, ShowPerson
from byline.tui.screens.voices import LibraryVoicesScreen

BRIDGE = (
    "Bridge delayed again\n\nMayor Ines Darrow said on Monday that the Kessel bridge would open in May. "
    "“We will not cut corners,” Darrow said.\n"
)
FERRY = (
    "Ferry fares rise\n\nThe Harbour Authority raised fares by 12 per cent. Mayor Ines Darrow called the rise "
    "“a tax on islanders”.\n"
)
WEATHER = "Snow in the hills\n\nSnow fell overnight in the northern hills, forecasters said.\n"


class Host(App):
    """The two library screens in modes, as the app has them; records what they ask to open."""

    CSS_PATH = ["../../styles/app.tcss", "../../styles/library.tcss"]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.opened: list[OpenArticle] = []

    def on_mount(self) -> None:
        self.add_mode("library", lambda: LibraryScreen(self.library))
        self.add_mode("people", lambda: PeopleScreen(self.library))
        self.add_mode("voices", lambda: LibraryVoicesScreen(self.library))
        self.switch_mode("library")

    def action_library(self) -> None:
        self.switch_mode("library")

    def action_people(self) -> None:
        self.switch_mode("people")

    def action_voices(self) -> None:
        self.switch_mode("voices")

    @on(OpenArticle)
    @on(ShowPerson)
    def _open(self, message) -> None:
        self.opened.append(message)


@pytest.fixture
def library(analyse, tmp_path):
    lib = Library(Store(tmp_path / "store"))
    for text, site in ((BRIDGE, "Harbour Gazette"), (FERRY, "Island Times"), (WEATHER, "Harbour Gazette")):
        article = from_text(text, f"<{site}>", site=site)
        lib.add(article, analyse(text))
    return lib


async def loaded(pilot, screen_type):
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, screen_type) and (
            getattr(screen, "loaded", False) or getattr(screen, "people", None) or getattr(screen, "found", None)
        ):
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError(f"{screen_type.__name__} did not load")


def titles(table: DataTable) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_the_library_lists_sorts_filters_and_opens(library):
    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        assert sorted(titles(table)) == ["Bridge delayed again", "Ferry fares rise", "Snow in the hills"]
        bridge = titles(table).index("Bridge delayed again")
        row = [str(c) for c in table.get_row_at(bridge)]
        assert row[1] == "Harbour Gazette" and int(row[3]) == len(BRIDGE.split()) and int(row[5]) >= 2
        # sort by title: s moves the sort from date to the next columns
        while screen.sort_key != "title":
            await pilot.press("s")
        assert titles(table) == sorted(titles(table))
        await pilot.press("r")
        assert titles(table) == sorted(titles(table), reverse=True)
        # filter as you type
        await pilot.press("slash", *"harbour")
        assert sorted(titles(table)) == ["Bridge delayed again", "Snow in the hills"]
        await pilot.press("enter")  # back to the table
        assert table.has_focus
        table.move_cursor(row=titles(table).index("Snow in the hills"))
        await pilot.press("enter")
        await pilot.pause()
        (request,) = app.opened
        assert library.open(request.entry_id).title == "Snow in the hills" and request.at is None


async def test_deleting_asks_first(library):
    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=titles(table).index("Ferry fares rise"))
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(library.entries()) == 3 and table.row_count == 3
        await pilot.press("d", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Ferry fares rise" not in titles(table)
        assert [e.title for e in library.entries()].count("Ferry fares rise") == 0


async def test_people_merge_across_articles_and_a_quote_opens_its_article(library):
    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("P")
        screen = await loaded(pilot, PeopleScreen)
        darrow = next(p for p in screen.people if p.name == "Ines Darrow")
        assert len(darrow.articles) == 2 and len(darrow.quotes) >= 2
        await pilot.press("slash", *"darrow", "enter")
        assert screen.current is darrow or screen.current.name == "Ines Darrow"
        await pilot.press("enter")  # into the quotes
        quotes = screen.query_one("#person-quotes", OptionList)
        assert quotes.has_focus and quotes.option_count == len(darrow.quotes)
        wanted = next(i for i, q in enumerate(screen.current.quotes) if "corners" in q.text)
        quotes.highlighted = wanted
        await pilot.press("enter")
        await pilot.pause()
        (request,) = app.opened
        quote = screen.current.quotes[wanted]
        article = library.open(request.entry_id)
        assert article.title == "Bridge delayed again" and article.text[request.at :].startswith(quote.text[:10])


async def test_voices_across_the_library_and_anonymous_sourcing_per_site(library):
    app = Host(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, LibraryScreen)
        app.switch_mode("voices")
        screen = await loaded(pilot, LibraryVoicesScreen)
        darrow = next(v for v in screen.found.voices.voices if v.speaker == "Ines Darrow")
        assert darrow.articles == 2
        rows = screen.query_one("#library-voice-list", OptionList)
        assert rows.option_count == len(screen.found.voices.voices)
        assert "2 articles" in str(rows.get_option_at_index(screen.shown.index(darrow)).prompt)
        sites = screen.query_one("#sites-table", DataTable)
        assert {str(sites.get_row_at(i)[0]) for i in range(sites.row_count)} == {"Harbour Gazette", "Island Times"}
        await pilot.press("slash", *"darrow", "enter")
        assert screen.shown == [darrow] and rows.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert [m.name for m in app.opened] == ["Ines Darrow"]


async def test_the_library_screens_offer_their_own_commands_in_the_palette(library):
    from byline.tui.keys import KEYS

    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        for mode, scope in (("library", "library"), ("people", "people"), ("voices", "voices")):
            app.switch_mode(mode)
            await pilot.pause()
            titles = {c.title for c in app.screen.palette_commands()}
            assert {k.description for k in KEYS if k.scope == scope} == titles
        # and they run: "People and organisations across the library" from the library's palette
        app.switch_mode("library")
        await loaded(pilot, LibraryScreen)
        command = next(c for c in app.screen.palette_commands() if c.title.startswith("People and organisations"))
        await command.callback()
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)


async def test_byline_with_a_library_opens_it_and_reads_from_it(analyse, tmp_path):
    """The whole round from the keyboard: library, reader, back, People, a quote, the reader at it."""
    from byline.tui.screens.reader import ReaderScreen
    from byline.widgets.article_view import ArticleView

    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=titles(table).index("Bridge delayed again"))
        await pilot.press("enter")
        for _ in range(300):
            if isinstance(app.screen, ReaderScreen) and app.screen.analysis is not None:
                break
            await pilot.pause(0.02)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.title == "Bridge delayed again"
        assert any(a.name == "Ines Darrow" for a in reader.analysis.actors)  # from the cache
        await pilot.press("L")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("P")
        people = await loaded(pilot, PeopleScreen)
        await pilot.press("slash", *"ines darrow", "enter", "enter")
        quotes = people.query_one("#person-quotes", OptionList)
        wanted = next(i for i, q in enumerate(people.current.quotes) if "islanders" in q.text)
        quotes.highlighted = wanted
        await pilot.press("enter")
        for _ in range(300):
            if (
                isinstance(app.screen, ReaderScreen)
                and app.screen.article.title == "Ferry fares rise"
                and app.screen.analysis is not None
            ):
                break
            await pilot.pause(0.02)
        reader = app.screen
        assert reader.article.title == "Ferry fares rise"
        await pilot.pause()
        view = reader.query_one(ArticleView)
        start = FERRY.index("a tax on islanders")
        assert abs(view.cursor_offset - start) <= 1 and view.marks and view.marks[0][0] == start


async def test_from_an_article_to_the_library_and_into_another(analyse):
    from byline.tui.app import BylineApp
    from byline.tui.screens.reader import ReaderScreen

    model, articles = analysed_library(analyse)
    app = BylineApp(articles[0], model=model, keymap={})
    async with app.run_test(size=(120, 36)) as pilot:
        first = app.screen
        assert isinstance(first, ReaderScreen) and first.article.title == "Bridge delayed again"
        await pilot.press("L")
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=titles(table).index("Ferry fares rise"))
        await pilot.press("enter")
        for _ in range(300):
            if isinstance(app.screen, ReaderScreen) and app.screen.article.title == "Ferry fares rise":
                break
            await pilot.pause(0.02)
        assert app.screen.article.title == "Ferry fares rise" and app.title == "Byline — Ferry fares rise"
        await pilot.press("L")
        await pilot.press("R")  # back to the article being read
        assert isinstance(app.screen, ReaderScreen) and app.screen.article.title == "Ferry fares rise"


async def test_escape_clears_a_filter_and_goes_back_to_its_list_on_every_library_screen(library):
    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        await pilot.press("slash", *"bridge", "escape")
        assert isinstance(app.focused, DataTable) and len(titles(app.focused)) == 3
        assert screen.query_one("#library-query").value == ""
        await pilot.press("P")
        people = await loaded(pilot, PeopleScreen)
        await pilot.press("slash", *"darrow", "enter", "V")  # enter keeps it; V reaches the screen
        assert isinstance(await loaded(pilot, LibraryVoicesScreen), LibraryVoicesScreen)
        assert people.query_one("#people-query").value == "darrow"
        await pilot.press("slash", *"ines", "escape")
        assert app.focused.id == "library-voice-list"


async def test_tab_into_a_persons_quotes_and_enter_opens_one(library):
    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("P")
        screen = await loaded(pilot, PeopleScreen)
        await pilot.press("slash", *"darrow", "escape", "tab", "enter")
        await pilot.pause()
        (request,) = app.opened
        first = screen.current.quotes[0]
        assert (request.entry_id, request.at) == (first.article, first.start)


async def test_a_long_question_wraps_inside_its_dialog_at_80_columns(analyse, tmp_path):
    from textual.geometry import Region

    lib = Library(Store(tmp_path / "store"))
    title = "Harbour authority and island ferry operators reach a late deal on winter fares and timetables"
    lib.add(from_text(title + "\n\nThe deal was signed on Friday.\n", "<long>"), analyse(title + "\n\nThe deal.\n"))
    app = Host(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("d")
        label = app.screen.query_one("#confirm-question")
        lines = label.render_lines(Region(0, 0, label.size.width, label.size.height))
        shown = " ".join(strip.text.strip() for strip in lines)
        assert "timetables" in shown and shown.rstrip().endswith("?"), shown
        assert label.region.right <= app.screen.query_one("#confirm-dialog").region.right


async def test_at_80_columns_the_counts_give_way_before_titles_are_cut(library):
    app = Host(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width, "Notes must not be off-screen"
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        assert widths["site"] == len("Harbour Gazette") and widths["title"] >= 28
        assert "actors" not in widths and "quotes" not in widths and "notes" in widths
        assert "feed" not in widths  # no article came from a feed
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        wide = {str(c.key.value): c.width for c in table.columns.values()}
        assert {"actors", "quotes"} <= set(wide) and wide["title"] > widths["title"]


async def test_an_empty_site_column_gives_its_room_to_the_titles(analyse, tmp_path):
    lib = Library(Store(tmp_path / "store"))
    lib.add(from_text(BRIDGE, "<bridge>"), analyse(BRIDGE))
    app = Host(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        assert "site" not in widths and widths["title"] >= 30 and "actors" in widths
        assert titles(table) == ["Bridge delayed again"]


async def test_every_sortable_column_shows_its_arrow_whole(library):
    app = Host(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        seen = set()
        for _ in range(12):
            await pilot.press("s")
            column = next(c for c in table.columns.values() if str(c.key.value) == screen.sort_key)
            label = str(column.label)
            assert label.endswith((" ▲", " ▼")) and column.width >= len(label), (screen.sort_key, label)
            seen.add(screen.sort_key)
        assert seen == {str(c.key.value) for c in table.columns.values()}


async def test_j_and_k_move_and_escape_clears_the_filter(library):
    app = Host(library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("slash", *"ferry", "enter")
        assert titles(table) == ["Ferry fares rise"] and table.has_focus
        await pilot.press("escape")
        assert table.row_count == 3 and screen.query_one("#library-query").value == ""


async def test_a_publication_date_and_a_day_added_are_told_apart(analyse, tmp_path):
    lib = Library(Store(tmp_path / "store"))
    lib.add(from_text(BRIDGE, "<bridge>", published="2024-05-02"), analyse(BRIDGE))
    lib.add(from_text(FERRY, "<ferry>"), analyse(FERRY))
    app = Host(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)

        def dates():
            return {
                str(table.get_row_at(i)[0]): table.get_cell_at((i, screen.columns.index("date")))
                for i in range(table.row_count)
            }

        shown = dates()
        assert str(shown["Bridge delayed again"]) == "2024-05-02" and not shown["Bridge delayed again"].style
        assert shown["Ferry fares rise"].style == "dim"
        status = str(screen.query_one("#library-status").render())
        assert "grey: added" in status and "by published date" in status
        assert titles(table) == ["Ferry fares rise", "Bridge delayed again"]  # today's added day is newer
        await pilot.press("t")  # the day each was added, and sorted by it
        today = {e.title: e.added[:10] for e in lib.entries()}
        assert {t: str(d) for t, d in dates().items()} == today
        heading = str(next(c for c in table.columns.values() if str(c.key.value) == "date").label)
        assert heading == "Added ▼" and "by added date" in str(screen.query_one("#library-status").render())
        assert titles(table) == ["Ferry fares rise", "Bridge delayed again"]  # the ferry was added last


def analysed_library(analyse):
    """This test's own library (BYLINE_HOME), as the app's: the bridge and ferry stories, each
    analysed and cached. Returns the pipeline's name and the two articles."""
    from byline.tui.core.cache import store as keep
    from byline.tui.core.nlp import default_model

    library, model, articles = Library(), default_model(), []
    for text, site in ((BRIDGE, "Harbour Gazette"), (FERRY, "Island Times")):
        article, analysis = from_text(text, f"<{site}>", site=site), analyse(text)
        analysis.model = model
        keep(article, model, analysis)
        library.add(article, analysis)
        articles.append(article)
    return model, articles


def app_over_a_library(analyse):
    """The real app over an analysed library, starting on the Library screen."""
    from byline.tui.app import BylineApp

    model, _ = analysed_library(analyse)
    return BylineApp(None, model=model, keymap={})


async def test_enter_on_a_voice_shows_that_person_even_before_people_was_opened(analyse):
    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("V")
        voices = await loaded(pilot, LibraryVoicesScreen)
        voices.query_one("#library-voice-list", OptionList).highlighted = next(
            i for i, v in enumerate(voices.shown) if v.speaker == "Ines Darrow"
        )
        await pilot.press("enter")
        people = await loaded(pilot, PeopleScreen)
        assert people.query_one("#people-query").value == "Ines Darrow"
        assert people.current is not None and people.current.name == "Ines Darrow"


async def test_deleting_the_article_open_in_the_reader_closes_the_reader(analyse):
    from byline.tui.screens.reader import ReaderScreen

    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await loaded(pilot, LibraryScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=titles(table).index("Bridge delayed again"))
        await pilot.press("enter")
        for _ in range(300):
            if isinstance(app.screen, ReaderScreen) and app.screen.session is not None:
                break
            await pilot.pause(0.02)
        await pilot.press("L")
        table.move_cursor(row=titles(table).index("Bridge delayed again"))
        await pilot.press("d", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert "Bridge delayed again" not in titles(table)
        await pilot.press("R")  # back to the reader: there is none, no note can go astray
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("No article is open" in n.message for n in app._notifications)
