"""What the reader remembers (theme, reading position per article, the last tab), a damaged
memory that is no error, and an export that asks before it overwrites."""

from __future__ import annotations

from byline.tui.core.sources import load_article
from byline.tui.core.state import State, load_state, save_state, state_file
from byline.widgets.article_view import ArticleView
from byline.widgets.side_panel import SidePanel
from tests.app.fixed import TEXT, fixed_app, span
from tests.app.helpers import wait_for_analysis


def article_file(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


async def test_theme_position_and_tab_are_remembered(tmp_path):
    article = article_file(tmp_path)
    app = fixed_app(article=article)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t", "V")
        screen.query_one(ArticleView).move_to_offset(span("Residents")[0])
        await pilot.pause()
    again = fixed_app(article=article)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        await pilot.pause()
        assert again.current_theme.dark is not dark
        assert screen.query_one(SidePanel).tabs.active == "voices"
        assert screen.query_one(ArticleView).cursor_offset == span("Residents")[0]


async def test_a_damaged_memory_is_ignored(tmp_path):
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_bytes(b"\x00{ not json \xff")
    app = fixed_app(article=article_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        assert view.cursor_offset == 0
        assert not [n for n in app._notifications if n.severity == "error"]
        view.move_to_offset(span("Residents")[0])
        await pilot.pause()
    assert list(load_state().positions.values()) == [span("Residents")[0]], "a good file in its place"


def test_the_state_file_keeps_only_sane_values(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"theme": 3, "tab": "notes", "positions": {"a": 12, "b": -4, "c": "x", "d": true}}')
    state = load_state(path)
    assert state.theme is None and state.tab == "notes" and state.positions == {"a": 12}
    assert state.position("a", 5) == 5 and state.position("zzz", 100) == 0
    assert save_state(State(theme="textual-light"), tmp_path / "no" / "such" / "dir" / "state.json")
    assert not save_state(State(), tmp_path / "state.json" / "inside-a-file")


async def test_export_asks_before_overwriting(tmp_path):
    out = tmp_path / "brief.md"
    out.write_text("my own notes, not an export\n")
    app = fixed_app(article=article_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("ctrl+o")
        dialog = app.screen
        path_box = dialog.query_one("#export-path")
        path_box.value = str(out)
        path_box.focus()
        await pilot.press("enter")
        await pilot.pause()
        warning = dialog.query_one("#export-warning")
        assert app.screen is dialog and warning.display
        assert "already there" in str(warning.render())
        assert out.read_text() == "my own notes, not an export\n"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not dialog
    assert out.read_text().startswith("#")
