"""Corrections that teach, from the reader: E on the place to correct, the panel follows at once,
they survive a restart, undo takes them back, and exports carry the corrected analysis."""

from __future__ import annotations

import json

from textual.widgets import OptionList

from byline.tui.core.entity_types import REJECTED
from byline.tui.core.sources import load_article
from byline.tui.screens.actor_picker import ActorPicker
from byline.tui.screens.entity_dialog import (
    ChangeKind,
    ChangeSpeaker,
    Correction,
    CorrectionDialog,
    MergeActor,
    NewQuote,
    Retype,
    SplitName,
)
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from tests.app.fixed import TEXT, fixed_analysis, fixed_app, span
from tests.app.helpers import saved, wait_for_analysis


async def correct(pilot, choice: Correction | type) -> None:
    """E, then pick `choice` in the correction menu: that request, or the first of that kind."""
    await pilot.press("E")
    dialog = pilot.app.screen
    assert isinstance(dialog, CorrectionDialog)
    choices = dialog.query_one(OptionList)
    found = [
        option_id
        for option_id, request in dialog._requests.items()
        if (isinstance(request, choice) if isinstance(choice, type) else request == choice)
    ]
    assert found, f"{choice} is not offered"
    choices.highlighted = choices.get_option_index(found[0])
    await pilot.press("enter")
    await pilot.pause()


def names(screen) -> list[str]:
    return [a.name for a in screen.analysis.actors]


async def test_merge_two_actors_then_undo(tmp_path):
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        view.move_to_offset(span("Okafor-Brandt")[0])
        await pilot.press("E")
        assert isinstance(app.screen, CorrectionDialog)
        await pilot.press("escape")
        await correct(pilot, MergeActor)
        assert isinstance(app.screen, ActorPicker)
        await pilot.press(*"lena", "enter")
        await pilot.pause()
        assert "Okafor-Brandt" not in names(screen)
        okafor = next(a for a in screen.analysis.actors if a.name == "Lena Okafor")
        assert span("Okafor-Brandt") in {tuple(m) for m in okafor.mentions} and "Okafor-Brandt" in okafor.aliases
        tabs = screen.query_one(SidePanel).tabs
        assert str(tabs.get_tab("actors").label) == f"Actors {len(fixed_analysis().actors) - 1}"
        assert str(tabs.get_tab("notes").label) == "Notes 0", "a correction is not a note"
        await saved(pilot)
        await pilot.press("u")
        assert "Okafor-Brandt" in names(screen)


async def test_split_a_name_off_and_it_survives_a_restart(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    for run in range(2):
        app = fixed_app(article=load_article(path))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await wait_for_analysis(pilot)
            if run == 0:
                screen.query_one(ArticleView).move_to_offset(span("Rell", 1)[0])
                await correct(pilot, SplitName)
                await saved(pilot)
            rell = next(a for a in screen.analysis.actors if a.name == "Rell")
            assert [tuple(m) for m in rell.mentions] == [span("Rell", 1)]
            dredging = next(q for q in screen.analysis.quotes if "dredging" in q.text)
            assert dredging.speaker == "Rell", "the quote the name introduces goes with it"


async def test_give_a_quote_another_speaker_and_another_kind():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        view.move_to_offset(span("the vote would be close")[0] + 4)
        await correct(pilot, ChangeSpeaker)
        await pilot.press(*"ada", "enter")
        await pilot.pause()
        close = next(q for q in screen.analysis.quotes if "vote would be close" in q.text)
        assert close.speaker == "Ada Rell" and not close.anonymous
        where = (close.start, close.end)
        await correct(pilot, ChangeKind(where, "direct"))
        close = next(q for q in screen.analysis.quotes if "vote would be close" in q.text)
        assert close.kind == "direct"
        quotes = screen.query_one("#quote-list", OptionList)
        assert any("Ada Rell" in str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count))
        await correct(pilot, ChangeKind(where, REJECTED))
        assert not any("vote would be close" in q.text for q in screen.analysis.quotes)


async def test_mark_a_missed_quote_from_a_selection_and_export_it(tmp_path):
    app = fixed_app()
    out = tmp_path / "corrected.json"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        view.select_span(*span("costs had doubled"))
        await correct(pilot, NewQuote(span("costs had doubled"), "indirect"))
        await pilot.press(*"okafor-b", "enter")
        await pilot.pause()
        added = next(q for q in screen.analysis.quotes if q.text == "costs had doubled")
        assert added.kind == "indirect" and added.speaker == "Okafor-Brandt"
        assert not view.selecting, "a correction ends the selection"
        await pilot.press("ctrl+o")
        formats = app.screen.query_one("#export-formats", OptionList)
        formats.highlighted = formats.get_option_index("json")
        await pilot.pause()
        path_box = app.screen.query_one("#export-path")
        path_box.value = str(out)
        path_box.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    exported = json.loads(out.read_text())
    assert any(
        q["text"] == "costs had doubled" and q["speaker"] == "Okafor-Brandt" for q in exported["analysis"]["quotes"]
    )


async def test_o_attaches_only_orphans():
    app = fixed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        view.move_to_offset(span("Dunmore", 2)[0])
        await correct(pilot, Retype(span("Dunmore", 2), REJECTED))
        view.move_to_offset(span("A senior official")[0])
        await pilot.press("s", "1")
        view.move_to_offset(span("Residents")[0])
        await pilot.press("s", "M", "tab")
        notes = screen.query_one("#note-list", OptionList)
        before = {a.id: (a.start, a.end) for a in screen.annotations}
        for row in range(notes.option_count):
            notes.highlighted = row
            await pilot.press("o")
        await pilot.pause()
        assert {a.id: (a.start, a.end) for a in screen.annotations} == before
        assert "Dunmore" not in [e.text for e in screen.analysis.entities if e.start == span("Dunmore", 2)[0]]
        assert any("Only an orphan" in n.message for n in app._notifications)
