"""The keys terminal users already have in their hands (less, vim, lazygit), the panel's filter
that says it is on, the correction menu that fits the place, and the note handed to $EDITOR."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

from textual.color import Color
from textual.content import Content
from textual.widgets import OptionList

from byline.tui.core.speaker_hints import likely_speakers
from byline.tui.screens.actor_picker import ActorPicker
from byline.tui.screens.article_info import ArticleInfo
from byline.tui.screens.entity_dialog import (
    ChangeKind,
    ChangeSpeaker,
    ChooseType,
    CorrectionDialog,
    MergeActor,
    NewQuote,
    Retype,
)
from byline.tui.screens.note_editor import NoteEditor
from byline.tui.screens.reader import ReaderScreen
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from tests.app.fixed import TEXT, fixed_analysis, fixed_app, span
from tests.app.helpers import saved, wait_for_analysis


async def ready(pilot):
    screen = await wait_for_analysis(pilot)
    return screen, screen.query_one(ArticleView)


async def test_less_and_vim_moves_in_the_article():
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("Mayor")[0])
        start = view.cursor_location
        await pilot.press("l", "l")
        assert view.cursor_location == (start[0], start[1] + 2)
        await pilot.press("h")
        assert view.cursor_location == (start[0], start[1] + 1)
        await pilot.press("dollar_sign")
        assert view.cursor_location[1] > start[1] + 1
        await pilot.press("0")
        assert view.cursor_location[1] == 0
        await pilot.press("g", "ctrl+d")
        down = view.cursor_location
        assert down > (0, 0)
        await pilot.press("ctrl+u")
        assert view.cursor_location < down
        await pilot.press("space")
        paged = view.cursor_location
        await pilot.press("ctrl+b")
        assert view.cursor_location < paged


async def test_q_and_backspace_go_back_through_the_screens_then_q_quits():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("L")  # the library
        await pilot.pause()
        assert app.current_mode == "library"
        await pilot.press("backspace")
        await pilot.pause()
        assert app.current_mode == "reader" and isinstance(app.screen, ReaderScreen)
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("R")  # back to the article from the library: reader, library, reader
        await pilot.pause()
        assert app.current_mode == "reader"
        app.screen.query_one(ArticleView).focus()
        await pilot.press("backspace")  # in the article too (its text area would take the key)
        await pilot.pause()
        assert app.current_mode == "library"
        await pilot.press("q")
        await pilot.pause()
        assert app.current_mode == "reader"
        await pilot.press("q")  # nothing before: q quits
        await pilot.pause()
    assert app.return_code is not None


async def test_slash_finds_in_the_article_from_the_panel_and_f_filters_the_list():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        panel = screen.query_one(SidePanel)
        await pilot.press("A", "tab", "slash", *"rell")  # typed in one burst after /
        assert screen.query_one("#find").has_focus and screen.query_one("#find").value == "rell"
        assert panel.filter_of("actors") == "", "a find never goes into a panel filter"
        await pilot.press("escape", "tab", "f", *"rell", "enter")
        actors = screen.query_one("#actor-list", OptionList)
        assert actors.option_count == 2 and actors.has_focus
        assert view.target == ("", None, 0), "typing in a filter finds nothing in the article"
        assert "filter “rell”" in str(panel.border_title) and panel.has_class("-filtered")
        await pilot.press("escape")  # clears the filter, stays in the list
        assert panel.filter_of("actors") == "" and actors.option_count == len(fixed_analysis().actors)
        assert str(panel.border_title) == "Actors" and actors.has_focus
        await pilot.press("escape")  # no filter: back to the article
        assert view.has_focus


async def test_a_filter_that_looks_like_markup_is_shown_as_typed():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _ = await ready(pilot)
        panel = screen.query_one(SidePanel)
        await pilot.press("A", "tab", "f", *"[/]", "enter")  # "[/]" as markup closes nothing: an error
        await pilot.pause()
        assert "filter “[/]”" in Content.from_markup(panel.border_title or "").plain
        assert app.return_code is None, "the app is still running"


async def test_the_focused_pane_is_framed_in_the_accent_colour():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        panel = screen.query_one(SidePanel)
        accent = Color.parse(app.current_theme.accent)

        def framed(widget) -> bool:  # the frame drawn in the accent colour (to a rounding)
            colour = widget.styles.border_top[1]
            return all(abs(a - b) <= 2 for a, b in zip(colour.rgb, accent.rgb, strict=True))

        assert framed(view) and not framed(panel)
        await pilot.press("tab")
        assert framed(panel) and not framed(view)


async def test_grouped_quotes_keep_their_speaker_and_every_line_through_a_filter():
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await ready(pilot)
        panel = screen.query_one(SidePanel)
        await pilot.press("S", "tab", "f", *"dredging", "enter")
        quotes = screen.query_one("#quote-list", OptionList)
        shown = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        assert shown[0].startswith("Tomas Rell") and "dredging" in shown[1], "the speaker's heading stays"
        await pilot.press("escape")
        await pilot.pause()
        # every row is drawn in full after the filter is cleared: the last line of each is there
        rendered = "\n".join(quotes.render_line(y).text for y in range(quotes.size.height))
        assert "“We have waited long enough”" in rendered
        assert panel.filter_of("quotes") == ""


async def test_the_correction_menu_is_in_one_order_and_fits_the_place():
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("Rell", 1)[0])  # a mention of an actor, inside a quote's sentence
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        kinds = [type(r) for r in dialog._requests.values()]
        assert kinds.index(ChooseType) < kinds.index(MergeActor)
        assert Retype in kinds and NewQuote not in kinds, "no selection: no missed quote"
        await pilot.press("escape")
        # a selection that is no quote: a quote the analysis missed (and a name it missed)
        view.select_span(*span("costs had doubled"))
        await pilot.press("E")
        requests = list(app.screen._requests.values())
        assert [type(r) for r in requests] == [NewQuote, NewQuote, NewQuote, ChooseType]
        # at 80x24 the whole menu and its keys line are on screen
        help_line = app.screen.query_one(".dialog-help")
        assert help_line.region.bottom <= 24 and help_line.region.height == 1
        await pilot.press("escape")
        view.move_to_offset(span("The dredging")[0] + 5)  # in a quote, on no entity
        await pilot.press("E")
        kinds = [type(r) for r in app.screen._requests.values()]
        assert kinds[0] is ChangeSpeaker and ChangeKind in kinds and ChooseType not in kinds


async def test_who_said_it_lists_the_likely_speakers_first():
    text = TEXT
    analysis = fixed_analysis()
    # "…," Rell said: the subject of the reporting verb first
    assert likely_speakers(analysis, text, *span("The dredging is not finished"))[0] == "Tomas Rell"
    # Okafor told reporters
    assert likely_speakers(analysis, text, *span("We have waited long enough"))[0] == "Lena Okafor"
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("The dredging")[0] + 5)
        await pilot.press("E")
        dialog = app.screen
        option = next(i for i, r in dialog._requests.items() if isinstance(r, ChangeSpeaker))
        choices = dialog.query_one(OptionList)
        choices.highlighted = choices.get_option_index(option)
        await pilot.press("enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ActorPicker)
        names = picker.query_one("#picker-names", OptionList)
        rows = [str(names.get_option_at_index(i).prompt).strip() for i in range(names.option_count)]
        assert rows[0] == "likely" and rows[1] == "Tomas Rell"
        assert rows.index("everyone, by name") < rows.index("Dunmore")
        await pilot.press(*"ada")  # filtered as you type, across both
        rows = [str(names.get_option_at_index(i).prompt).strip() for i in range(names.option_count)]
        assert "Ada Rell" in rows and "Tomas Rell" not in rows


@contextmanager
def editor(tmp_path):
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\nwith open(sys.argv[1], 'a', encoding='utf-8') as f:\n    f.write('\\nfrom the editor')\n",
        encoding="utf-8",
    )
    old = os.environ.get("VISUAL")
    os.environ["VISUAL"] = f"{sys.executable} {script}"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("VISUAL", None)
        else:
            os.environ["VISUAL"] = old


async def test_ctrl_e_hands_the_note_to_the_editor_and_reads_it_back(tmp_path, monkeypatch):
    from contextlib import nullcontext

    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, view = await ready(pilot)
        monkeypatch.setattr(app, "suspend", lambda: nullcontext())  # headless: no terminal to give up
        view.move_to_offset(span("Residents")[0])
        await pilot.press("s", "a", *"typed here")
        assert isinstance(app.screen, NoteEditor)
        hint = app.screen.query_one(".dialog-help")
        assert hint.region.bottom <= 24, "the keys line is on screen at 80x24"
        with editor(tmp_path):
            await pilot.press("ctrl+e")  # the text area's own ctrl+e (end of line) must not take it
            await pilot.pause()
        assert app.screen.query_one("#note-text").text == "typed here\nfrom the editor"
        await pilot.press("ctrl+s")
        await saved(pilot)
        (note,) = [a for a in screen.annotations if a.note]
        assert note.note == "typed here\nfrom the editor"
        # the Notes tab keeps its lines
        await pilot.press("M")
        notes = screen.query_one("#note-list", OptionList)
        shown = str(notes.get_option_at_index(0).prompt)
        assert "  typed here\n  from the editor" in shown


async def test_article_info_shows_every_field_and_the_status_line_the_title():
    from byline.tui.core.sources import from_text

    article = from_text(
        TEXT,
        "https://news.example/dunmore",
        url="https://news.example/dunmore?id=7",
        site="The Dunmore Post",
        authors=("Ines Darrow",),
        published="2024-05-03",
        kind="html",
    )
    app = fixed_app(article=article)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await ready(pilot)
        status = str(screen.query_one("#status").render())
        assert status.startswith("Harbour vote splits Dunmore") and "The Dunmore Post" in status
        await pilot.press("I")
        assert isinstance(app.screen, ArticleInfo)
        from tests.app.test_reader import rendered

        shown = rendered(app.screen.query_one("#info-table").content, width=70)
        for value in ("Harbour vote splits Dunmore", "The Dunmore Post", "2024-05-03", "Ines Darrow"):
            assert value in shown
        assert "https://news.example/dunmore?id=7" in shown.replace(" ", "")
        await pilot.press("q")
        assert app.screen is screen


async def test_every_dialog_fits_80x24_with_its_keys_line_in_sight():
    from byline.tui.screens.export_dialog import ExportDialog

    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, view = await ready(pilot)

        def fits() -> None:
            dialog = app.screen.query_one(".dialog")
            hint = app.screen.query_one(".dialog-help")
            assert dialog.region.y >= 0 and dialog.region.bottom <= 24, type(app.screen).__name__
            assert dialog.region.y < hint.region.y < dialog.region.bottom - 1, type(app.screen).__name__
            listed = app.screen.query(OptionList)
            for options in listed:  # a list shows rows (it scrolls inside), never a sliver
                assert options.region.height >= 3 and options.region.bottom <= hint.region.y

        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ExportDialog)
        fits()
        await pilot.press("escape", "I")
        assert isinstance(app.screen, ArticleInfo)
        fits()
        await pilot.press("escape")
        view.move_to_offset(span("The dredging")[0] + 5)
        await pilot.press("E")
        fits()
        choices = app.screen.query_one(OptionList)
        choices.highlighted = choices.get_option_index(
            next(i for i, r in app.screen._requests.items() if isinstance(r, ChangeSpeaker))
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        fits()


async def test_who_said_it_takes_no_one_named_or_a_name_typed_in():
    """The picker's choice reaches the quote: "no one named" leaves it unattributed, a name typed
    in (no actor of the article) becomes its speaker."""
    app = fixed_app()
    dredging = span("The dredging is not finished")

    async def who_said(pilot, view) -> ActorPicker:
        view.move_to_offset(dredging[0] + 5)
        await pilot.press("E")
        choices = app.screen.query_one(OptionList)
        choices.highlighted = choices.get_option_index(
            next(i for i, r in app.screen._requests.items() if isinstance(r, ChangeSpeaker))
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        return app.screen

    def speaker(screen) -> str | None:
        (quote,) = [q for q in screen.analysis.quotes if (q.start, q.end) == dredging]
        return quote.speaker

    async with app.run_test(size=(100, 30)) as pilot:
        screen, view = await ready(pilot)
        assert speaker(screen) == "Tomas Rell"
        picker = await who_said(pilot, view)
        names = picker.query_one("#picker-names", OptionList)
        names.focus()
        names.highlighted = names.option_count - 1  # the last row: no one named
        assert "no one named" in str(names.get_option_at_index(names.highlighted).prompt)
        await pilot.press("enter")
        await saved(pilot)
        assert not speaker(screen)
        await who_said(pilot, view)
        await pilot.press(*"The harbour master", "enter")
        await saved(pilot)
        assert speaker(screen) == "The harbour master"


async def test_keys_typed_in_one_burst_after_slash_filter_every_library_screen():
    """`/nato` typed fast (or pasted) on the Library, People and Voices screens filters: no letter
    after the `/` runs the screen's own keys (`a` add, `o` open, `t` dates …)."""
    from textual import events

    from byline.tui.app import BylineApp
    from byline.tui.core.library import Library
    from byline.tui.core.sources import from_text

    Library().add_many(
        [(from_text(TEXT, "harbour.txt"), None), (from_text("Nato meets\n\nIn Riga.\n", "nato.txt"), None)]
    )
    app = BylineApp(None, model="fixed", keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        for mode, field_id in (("library", "#library-query"), ("people", "#people-query"), ("voices", "#voices-query")):
            await app.switch_mode(mode)
            await pilot.pause(0.3)
            for key, char in [("slash", "/"), *((c, c) for c in "nato")]:
                app.post_message(events.Key(key, char))  # queued together, like a paste
            await pilot.pause()
            await pilot.pause()
            field = app.screen.query_one(field_id)
            assert field.value == "nato" and field.has_focus, mode
            assert len(app.screen_stack) == 1, f"{mode}: a letter opened a dialog"
            await pilot.press("escape")


async def test_escape_leaves_people_and_voices_after_clearing_their_filter():
    from byline.tui.app import BylineApp
    from byline.tui.core.library import Library
    from byline.tui.core.sources import from_text

    Library().add(from_text(TEXT, "harbour.txt"), None)
    app = BylineApp(None, model="fixed", keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        for key, mode, field_id in (("P", "people", "#people-query"), ("V", "voices", "#voices-query")):
            await pilot.press(key)
            await pilot.pause(0.3)
            assert app.current_mode == mode
            await pilot.press("slash", *"okafor", "enter")  # enter keeps the filter, back in the list
            await pilot.pause()
            await pilot.press("escape")
            assert app.current_mode == mode and app.screen.query_one(field_id).value == "", "escape cleared it"
            await pilot.press("escape")
            await pilot.pause()
            assert app.current_mode == "library", f"escape with no filter on left {mode}"


async def test_f6_and_f7_reach_the_library_from_the_article():
    """The help says f6 (search the library) and f7 (notes across it) work everywhere: the
    article's text area has f6 and f7 of its own (select the line, select all), which took them."""
    app = fixed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("f6")
        await pilot.pause(0.2)
        assert app.current_mode == "search"
        await app.switch_mode("reader")
        await pilot.pause(0.2)
        app.screen.query_one(ArticleView).focus()
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause(0.2)
        assert app.current_mode == "notes"
