"""A reader you can live in (issue 13): the cursor line, vim selection and motions, find, focus,
the layout at any terminal size, and the help. Each test is a defect a reader ran into, or a new
command, driven by keys."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from byline.tui.screens.note_editor import NoteEditor
from byline.widgets.article_view import ArticleView
from byline.widgets.find_bar import FindBar
from byline.widgets.side_panel import SidePanel
from byline.widgets.status_line import StatusLine
from tests.app.fixed import TEXT, fixed_app, span
from tests.app.helpers import saved, wait_for_analysis


async def ready(pilot, size=None):
    screen = await wait_for_analysis(pilot)
    return screen, screen.query_one(ArticleView)


def row_of(view: ArticleView, offset: int) -> int:
    """The screen row (in the view) where the character at `offset` is drawn."""
    return view.wrapped_document.location_to_offset(view.location_of(offset)).y - view.scroll_offset.y


def bg_at(view: ArticleView, offset: int):
    """The background the character at `offset` is drawn with, cursor line included."""
    y = row_of(view, offset)
    x = view.wrapped_document.location_to_offset(view.location_of(offset)).x + view.gutter_width
    strip = view.render_line(y)
    seen = 0
    for segment in strip:
        if seen + len(segment.text) > x:
            return segment.style.bgcolor
        seen += len(segment.text)
    raise AssertionError("offset not drawn")


# -- 1. the cursor line keeps the highlights ----------------------------------------------------
async def test_the_cursor_paragraph_keeps_its_entity_colours_and_stays_visible():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await ready(pilot)
        okafor, plain = span("Lena Okafor")[0], span("said on Tuesday")[0]
        view.move_to_offset(span("Residents")[0])  # elsewhere
        await pilot.pause()
        entity_away, plain_away = bg_at(view, okafor), bg_at(view, plain)
        assert entity_away != plain_away
        view.move_to_offset(plain)  # the cursor into the paragraph
        await pilot.pause()
        entity_here, plain_here = bg_at(view, okafor), bg_at(view, plain + 5)
        assert entity_here != plain_here, "the entity keeps its colour on the cursor line"
        assert plain_here != plain_away, "the cursor line is still visible"


# -- 2. selection in the vim sense -----------------------------------------------------------------
async def test_a_label_ends_the_selection_and_the_next_digit_labels_nothing_stretched():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        view.move_to_offset(span("The port authority")[0])
        await pilot.press("v", "w", "w", "w")
        chosen = view.text[slice(*view.selected_span)]
        await pilot.press("1")
        assert not view.selecting and view.selected_span is None
        await pilot.press("right_curly_bracket", "right_curly_bracket", "2")
        assert [a.passage for a in screen.annotations] == [chosen]
        assert chosen.startswith("The port authority") and len(chosen) < 30
        assert any("Select a passage first" in n.message for n in app._notifications)
        await saved(pilot)


async def test_v_starts_a_new_selection_wherever_you_are_and_escape_clears_it():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("Councillor")[0])
        await pilot.press("v", "w", "w")
        assert view.text[slice(*view.selected_span)] == "Councillor Ada R"
        await pilot.press("v")  # a second v: a new selection from here, not off
        assert view.selecting
        assert view.text[slice(*view.selected_span)] == "R", "the character under the cursor"
        await pilot.press("e")
        assert view.text[slice(*view.selected_span)] == "Rell"
        await pilot.press("escape")
        assert not view.selecting and view.selected_span is None


async def test_the_character_under_the_cursor_is_selected_and_w_crosses_abbreviations():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("in 44 B.C.")[0])
        await pilot.press("w", "w")
        assert view.text[view.cursor_offset :].startswith("B.C. style")
        await pilot.press("w")
        assert view.text[view.cursor_offset :].startswith("style"), "w goes over B.C. in one step"
        await pilot.press("b", "v", "e")
        assert view.text[slice(*view.selected_span)] == "B.C.", "the full stop under the cursor is selected"
        await pilot.press("escape", "b", "b", "v", "e", "e", "e")
        assert view.text[slice(*view.selected_span)] == "44 B.C. style"


async def test_a_chosen_item_is_selected_until_the_next_move():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("Ada Rell")[0])
        await pilot.press("enter")
        assert view.text[slice(*view.selected_span)] == "Ada Rell" and not view.selecting
        await pilot.press("j")
        assert view.selected_span is None, "moving drops it, never stretches it"
        await pilot.press("s")
        assert view.selected_span is not None
        await pilot.press("w")
        assert view.selected_span is None


async def test_sentence_and_paragraph_selections_stop_at_the_text():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await ready(pilot)
        view.move_to_offset(span("A senior official")[0])
        await pilot.press("v", "right_parenthesis")
        assert view.text[slice(*view.selected_span)] == "A senior official said the vote would be close."
        await pilot.press("escape")
        view.move_to_offset(span("A senior official")[0])
        await pilot.press("v", "right_curly_bracket")
        assert view.text[slice(*view.selected_span)].endswith("close.")
        await pilot.press("escape")
        view.move_to_offset(span("The port authority")[0])
        await pilot.press("v", "right_curly_bracket")
        assert view.text[slice(*view.selected_span)].endswith("costs had doubled.")


# -- 4. find ---------------------------------------------------------------------------------------
async def test_find_counts_matches_and_n_steps_through_them():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        status = screen.query_one(StatusLine)
        await pilot.press("slash")
        bar = screen.query_one(FindBar)
        assert bar.has_focus and bar.has_class("-open")
        await pilot.press(*"dunmore")
        count = TEXT.lower().count("dunmore")
        assert status.position == f"“dunmore” 1 of {count}"
        assert view.cursor_offset == TEXT.index("Dunmore")
        await pilot.press("enter")
        assert view.has_focus and not bar.has_class("-open")
        await pilot.press("n")
        assert status.position == f"“dunmore” 2 of {count}"
        assert view.cursor_offset == span("Dunmore", 1)[0]
        await pilot.press("N", "N")
        assert status.position == f"“dunmore” {count} of {count}", "N wraps round"
        await pilot.press("escape")
        assert status.position == ""
        await pilot.press("ctrl+f")
        assert bar.has_focus
        await pilot.press(*"zzz")
        assert "no match" in status.position
        await pilot.press("escape")
        assert view.has_focus and not bar.has_class("-open")


async def test_a_find_that_stops_at_its_limit_says_there_are_more(monkeypatch):
    from byline.tui.screens import reader

    count = TEXT.lower().count("dunmore")
    assert count > 2
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _ = await ready(pilot)
        status = screen.query_one(StatusLine)
        monkeypatch.setattr(reader, "MAX_MATCHES", 2)
        await pilot.press("slash", *"dunmore")
        assert status.position == "“dunmore” 1 of 2+"
        await pilot.press("enter", "N")
        assert status.position == "“dunmore” 2 of 2+"
        monkeypatch.setattr(reader, "MAX_MATCHES", count)
        await pilot.press("escape", "slash", *"dunmore")
        assert status.position.endswith(f" of {count}"), "all found: no +"


async def test_with_an_actor_marked_n_goes_through_its_mentions():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        view.move_to_offset(span("Dunmore", 1)[0])
        await pilot.press("enter")
        status = screen.query_one(StatusLine)
        assert status.position == "Dunmore 2 of 3"
        await pilot.press("escape", "n")
        assert "Nothing to go to" in list(app._notifications)[-1].message
        await pilot.press("A", "tab")
        actors = screen.query_one("#actor-list", OptionList)
        actors.highlighted = [a.name for a in screen.analysis.actors].index("Dunmore")
        await pilot.press("enter")
        assert status.position == "Dunmore 1 of 3"
        await pilot.press("n", "n")
        assert status.position == "Dunmore 3 of 3" and view.cursor_offset == span("Dunmore", 2)[0]


async def test_typing_in_a_side_panel_list_never_runs_reader_commands():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        view.move_to_offset(span("Councillor")[0])
        await pilot.press("s", "tab")
        assert screen.query_one("#actor-list").has_focus
        await pilot.press(*"1axuEv")
        await pilot.press("ctrl+o")  # not a printable key: export is still there
        assert screen.annotations == () and not isinstance(app.screen, NoteEditor)
        assert app.screen is not screen
        await pilot.press("escape")
        assert app.screen is screen


@pytest.mark.slow
async def test_every_list_filters_as_you_type():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _ = await ready(pilot)
        panel = screen.query_one(SidePanel)
        for tab, list_id, query, expected in (
            ("actors", "actor-list", "rell", 2),
            ("quotes", "quote-list", "dredging", 1),
            ("voices", "voice-list", "unnamed", 1),
            ("numbers", "number-list", "berths", 1),
        ):
            await pilot.press({"actors": "A", "quotes": "Q", "voices": "V", "numbers": "F"}[tab], "tab", "f")
            assert screen.query_one(f"#{tab}-filter").has_focus
            await pilot.press(*query)
            shown = panel.query_one(f"#{list_id}", OptionList)
            assert shown.option_count == expected, tab
            await pilot.press("enter")
            assert shown.has_focus
            await pilot.press("tab")


# -- 5, 6. layout and focus -----------------------------------------------------------------------
async def test_at_80x24_the_article_is_full_width_and_header_and_legend_are_whole():
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, view = await ready(pilot)
        assert screen.has_class("-narrow")
        assert view.content_region.width >= 72
        legend = screen.query_one("#legend")
        assert legend.region.width == 80 and sum(s.region.width + 1 for s in legend.children) <= 80
        status = screen.query_one(StatusLine)
        assert status.region.width == 80 and status.render().cell_len <= 78
        panel = screen.query_one(SidePanel)
        assert panel.region.y > view.region.y and panel.region.width == 80
        await pilot.press("p")
        assert not panel.display and view.region.height > 15
        await pilot.press("A")
        assert panel.display and view.has_focus


async def test_on_a_wide_terminal_lines_keep_a_comfortable_measure():
    app = fixed_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen, view = await ready(pilot)
        assert not screen.has_class("-narrow")
        assert 80 <= view.content_region.width - view.gutter_width <= 100
        longest = max(len(view.render_line(y).text.rstrip()) for y in range(view.size.height))
        assert longest <= 100
        assert screen.query_one(SidePanel).region.width > 100


async def test_tab_keys_show_a_tab_and_tab_moves_the_focus():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        panel = screen.query_one(SidePanel)
        await pilot.press("Q")
        assert panel.tabs.active == "quotes" and view.has_focus
        await pilot.press("tab")
        assert screen.query_one("#quote-list").has_focus
        await pilot.press("M")
        assert panel.tabs.active == "notes" and screen.query_one("#note-list").has_focus
        await pilot.press("tab")
        assert view.has_focus


# -- 8. help, notifications, the note editor ------------------------------------------------------
async def test_help_scrolls_with_the_keyboard_to_its_last_row():
    from byline.tui.screens.help import HelpBody

    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        body = app.screen.query_one(HelpBody)
        assert body.has_focus and body.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y < body.max_scroll_y
        table = app.screen.query_one("#help-table")
        assert table.region.right <= body.region.right


async def test_notifications_stay_clear_of_the_article_text():
    from textual.widgets._toast import Toast

    app = fixed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen, view = await ready(pilot)
        app.notify("A fairly long notification that would once have covered the article's right edge")
        await pilot.pause(0.2)
        toast = [w for w in app.screen.walk_children() if isinstance(w, Toast)][-1]
        assert toast.region.x >= screen.query_one("#article-column").region.right


async def test_the_note_editor_leaves_the_passage_in_sight():
    app = fixed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen, view = await ready(pilot)
        view.move_to_offset(span("A senior official")[0])
        await pilot.press("s", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.pause()
        dialog = app.screen.query_one("#note-dialog")
        y = view.region.y + row_of(view, span("A senior official")[0])
        assert view.region.y <= y < dialog.region.y
        await pilot.press(*"check the minutes", "ctrl+s")
        await saved(pilot)
        assert view.selected_span is None, "a note ends the selection"
        assert [a.note for a in screen.annotations] == ["check the minutes"]
        rows = [view.render_line(y).text for y in range(view.size.height)]
        assert any(r.startswith("▌✎") for r in rows), "the margin shows the annotation has a note"


async def test_list_commands_run_from_the_palette_on_the_list_shown():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _ = await ready(pilot)
        await pilot.press("Q")
        command = next(c for c in app.get_system_commands(screen) if c.title.startswith("Filter this list as you type"))
        await command.callback()
        await pilot.pause()
        assert screen.query_one("#quotes-filter").has_focus


async def test_label_passages_never_look_like_entities_in_either_theme():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await ready(pilot)
        view.move_to_offset(span("Residents")[0])
        await pilot.press("s", "1", "escape", "g")  # claim: the same colour as a person by default
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            labelled = view.get_line(view.location_of(span("vote in May")[0])[0]).get_style_at_offset(
                app.console, view.location_of(span("vote in May")[0])[1]
            )
            entities = {view._style(kind).bgcolor for kind in ("person", "org", "place", "group", "number")}
            assert labelled.bgcolor not in entities, theme
            assert labelled.color is not None and labelled.color != view.rich_style.color, theme


async def test_the_title_is_readable_in_either_theme():
    from textual.color import Color

    def luminance(colour: Color) -> float:
        def channel(c: int) -> float:
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _, view = await ready(pilot)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            title = Color.from_rich_color(view.get_component_rich_style("article-view--title").color)
            ground = view.background_colors[1]
            lighter, darker = sorted((luminance(title), luminance(ground)), reverse=True)
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, f"{theme}: title contrast below WCAG AA"


async def test_keys_typed_in_one_burst_after_slash_go_into_the_find_bar():
    from textual import events

    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _ = await ready(pilot)
        for key, char in [("slash", "/"), *((c, c) for c in "Vote"), ("space", " "), *((c, c) for c in "in")]:
            app.post_message(events.Key(key, char))  # queued together, like a paste or a fast typist
        await pilot.pause()
        await pilot.pause()
        bar = screen.query_one(FindBar)
        assert bar.value == "Vote in" and bar.has_focus
        assert screen.query_one(SidePanel).tabs.active != "voices", "V went to the bar, not to the reader"
