"""Search and Notes across the library, and people merged on the People screen: as a user presses keys."""

from __future__ import annotations

from textual.widgets import OptionList

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.library import Library
from byline.tui.screens.finding import NotesScreen, SearchScreen
from byline.tui.screens.library import LibraryScreen
from byline.tui.screens.people import PeopleScreen
from byline.tui.screens.reader import ReaderScreen
from tests.app.test_library import BRIDGE, app_over_a_library, loaded


async def until(pilot, check, what: str, tries: int = 300):
    for _ in range(tries):
        if check():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(what)


async def test_a_word_found_only_in_a_body_opens_its_article_there(analyse):
    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("F")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"Kessel")
        results = screen.query_one("#search-list", OptionList)
        await until(pilot, lambda: results.option_count > 0, "no result")
        assert screen.rows[0].title == "Bridge delayed again" and "[Kessel]" in screen.rows[0].snippet
        await pilot.press("enter", "enter")  # to the list, then open
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the article did not open")
        reader = app.screen
        assert reader.article.title == "Bridge delayed again"
        at = BRIDGE.index("Kessel")
        await until(pilot, lambda: reader.session is not None, "no session")
        view = reader.query_one("ArticleView")
        assert view.document.get_index_from_location(view.cursor_location) == at


async def test_a_needs_check_note_is_found_on_the_notes_screen(analyse):
    app = app_over_a_library(analyse)
    library = Library()
    key = next(e.id for e in library.entries() if e.title == "Bridge delayed again")
    start = BRIDGE.index("open in May")
    library.store.add(
        Annotation(
            id=new_id(),
            article=key,
            anchor=make_anchor(BRIDGE, start, start + len("open in May")),
            labels=["needs-check"],
            note="which May?",
        )
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("N")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        await pilot.press(*"label:needs-check")
        await until(pilot, lambda: len(screen.rows) == 1 and screen.field.value == "label:needs-check", "no note")
        assert screen.rows[0].passage == "open in May" and screen.rows[0].note == "which May?"
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the article did not open")


async def test_escape_leaves_a_search_that_found_nothing(analyse):
    app = app_over_a_library(analyse)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot, LibraryScreen)
        for key, screen_type in (("N", NotesScreen), ("F", SearchScreen)):
            await pilot.press(key)
            screen = app.screen
            assert isinstance(screen, screen_type)
            await pilot.press(*"zzqx")
            await until(pilot, lambda screen=screen: screen.field.value == "zzqx" and not screen.rows, "a match")
            await pilot.press("escape", "escape")  # the words cleared, then back: never stuck in the field
            await until(
                pilot, lambda: isinstance(app.screen, LibraryScreen), f"escape stayed on {screen_type.__name__}"
            )


async def test_two_people_merged_on_the_people_screen_are_one_and_undo_parts_them(analyse):
    from byline.tui.core.sources import from_text

    app = app_over_a_library(analyse)
    library = Library()
    text = "Council meets\n\nMayor Ines M. Darrow spoke to the council. “The budget is fine,” Darrow said.\n"
    library.add(from_text(text, "<x>"), analyse(text))
    other = "Port news\n\nInes Darow, the mayor, visited the port. “Ships are welcome,” Darow said.\n"
    library.add(from_text(other, "<y>"), analyse(other))
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot, LibraryScreen)
        await pilot.press("P")
        screen = await loaded(pilot, PeopleScreen)
        names = [p.name for p in screen.shown]
        assert "Ines Darrow" in names and "Ines Darow" in names
        assert not any(n == "Ines M. Darrow" for n in names)  # a middle initial is the same person
        people = screen.query_one("#people-list", OptionList)
        people.highlighted = names.index("Ines Darow")
        await pilot.press("space")
        people.highlighted = [p.name for p in screen.shown].index("Ines Darrow")
        await pilot.pause()
        await pilot.press("m")
        await until(pilot, lambda: "Ines Darow" not in [p.name for p in screen.shown], "not merged")
        assert any("Ships are welcome" in q.text for q in Library().quotes_by("Ines Darrow"))
        await pilot.press("u")
        await until(pilot, lambda: "Ines Darow" in [p.name for p in screen.shown], "not undone")
