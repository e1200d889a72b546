"""Strings from outside (imported notes and labels, actor names, file names, config colours) are
shown as text: no escape, control sequence or bell reaches the terminal, a label the config does
not know is still listed, a colour that is not a colour is drawn neutral (issue 12, the reader)."""

from __future__ import annotations

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, Label, new_id
from byline.tui.core.model import Actor
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from byline.widgets.side_panel import SidePanel
from tests.app.fixed import TEXT, fixed_analysis, fixed_app, span
from tests.app.helpers import wait_for_analysis

HOSTILE = "\x1b]0;pwned\x07 \x1b[31mred\x1b[0m \x9b2J \x07bell"
RAW = ("\x1b", "\x9b", "\x07")


def seeded(tmp_path, *annotations_of) -> tuple:
    """An article file with annotations stored for it (as an import would have left them)."""
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    store = Store()
    key, _ = store.article_id(article)
    store.add_many([make(key) for make in annotations_of])
    return article, store


def note(passage: str, **fields):
    def make(key: str) -> Annotation:
        return Annotation(id=new_id(), article=key, anchor=make_anchor(TEXT, *span(passage)), **fields)

    return make


async def screen_text(pilot) -> str:
    await pilot.pause(0.2)
    return pilot.app.export_screenshot().replace("&#160;", " ")


async def test_escape_codes_in_notes_labels_and_actor_names_never_reach_the_terminal(tmp_path):
    article, _ = seeded(tmp_path, note("A senior official", labels=[f"evil{HOSTILE}"], note=f"see {HOSTILE}"))
    analysis = fixed_analysis()
    analysis.actors.append(
        Actor("evil", f"Anna{HOSTILE}Berg", "PERSON", [f"role{HOSTILE}"], [f"aka{HOSTILE}"], [span("Residents")])
    )
    app = fixed_app(article=article, analysis=analysis)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await wait_for_analysis(pilot)
        for keys in (("M",), ("A",), ("V",), ("Q",)):
            await pilot.press(*keys)
            shown = await screen_text(pilot)
            assert not any(c in shown for c in RAW), keys
        await pilot.press("M", "tab")
        panel = screen.query_one(SidePanel)
        notes = panel.query_one("#note-list")
        prompt = str(notes.get_option_at_index(0).prompt)
        assert "␛]0;pwned␇" in prompt and not any(c in prompt for c in RAW)
        app.notify(f"imported {HOSTILE}", title=HOSTILE)
        assert not any(c in n.message + n.title for n in app._notifications for c in RAW)


async def test_a_file_name_with_escape_codes_is_shown_as_text(tmp_path):
    path = tmp_path / "story\x1b[2J\x07.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = fixed_app(article=load_article(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("I")  # the status line shows the title; the article info, the file too
        await pilot.pause()
        shown = await screen_text(pilot)
        assert not any(c in shown for c in RAW)
        from tests.app.test_reader import rendered

        info = rendered(app.screen.query_one("#info-table").content, width=400)
        assert "story␛[2J␇.txt" in info and not any(c in info for c in RAW)


async def test_a_label_the_config_does_not_know_is_listed_in_a_neutral_colour(tmp_path):
    article, _ = seeded(tmp_path, note("A senior official", labels=["from-another-team"], note="imported"))
    app = fixed_app(article=article)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        await pilot.press("M")
        await pilot.pause()
        notes = screen.query_one(SidePanel).query_one("#note-list")
        assert notes.option_count == 1
        assert "from-another-team" in str(notes.get_option_at_index(0).prompt)
        assert str(screen.query_one(SidePanel).tabs.get_tab("notes").label) == "Notes 1"


async def test_a_label_colour_that_is_not_a_colour_never_crashes_the_reader(tmp_path):
    article, _ = seeded(tmp_path, note("A senior official", labels=["odd"], note="x"))
    app = fixed_app(article=article)
    app.labels = ()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        screen.labels = (Label("odd", "1", "bold link https://example.org"), Label("worse", "2", "not a colour"))
        screen.query_one(SidePanel).label_colours = {lab.name: lab.color for lab in screen.labels}
        screen.annotations = screen.annotations  # paint again with those colours
        await pilot.press("M")
        screen.query_one("#article").move_to_offset(span("Residents")[0])
        await pilot.press("s", "2", "f1", "escape")
        shown = await screen_text(pilot)
        assert "odd" in shown and app.is_running


async def test_an_actor_name_with_a_line_break_stays_on_its_row():
    analysis = fixed_analysis()
    analysis.actors[0].name = "Lena\nOkafor"
    app = fixed_app(analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        actors = screen.query_one("#actor-list")
        first = str(actors.get_option_at_index(0).prompt).splitlines()[0]
        assert "Lena Okafor" in first


async def test_names_in_the_correction_dialogs_are_text_not_markup():
    from textual.widgets import OptionList

    from byline.tui.screens.entity_dialog import MergeActor

    analysis = fixed_analysis()
    analysis.actors[0].name = "[bold]Lena[/bold] Okafor"
    app = fixed_app(analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        screen.query_one("#article").move_to_offset(span("Okafor-Brandt")[0])
        await pilot.press("E")
        choices = app.screen.query_one(OptionList)
        merge = next(i for i, request in app.screen._requests.items() if isinstance(request, MergeActor))
        choices.highlighted = choices.get_option_index(merge)
        await pilot.press("enter")
        await pilot.pause()
        assert "[bold]Lena[/bold] Okafor" in await screen_text(pilot)
