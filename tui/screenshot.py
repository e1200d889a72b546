"""Make the README screenshot from the real app: `python -m byline.tui.screenshot [OUT.svg] [--light]`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def take(out: Path, light: bool = False, size: tuple[int, int] = (120, 40)) -> Path:
    """The sample with a tagged sentence and an actor's mentions marked, in a throwaway store."""
    import os
    import tempfile

    os.environ["BYLINE_HOME"] = tempfile.mkdtemp(prefix="byline-shot-")
    from byline.tui.app import BylineApp
    from byline.tui.core.nlp import default_model
    from byline.tui.core.sources import load_article, seed_path
    from byline.tui.screens.reader import ReaderScreen

    app = BylineApp(load_article(seed_path()), model=default_model(), keymap={})
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        for _ in range(600):
            if isinstance(screen, ReaderScreen) and screen.analysis is not None:
                break
            await pilot.pause(0.05)
            screen = app.screen
        if light:
            app.theme = "textual-light"
        for _ in range(4):
            await pilot.press("right_curly_bracket")
        await pilot.press("s", "1")
        await pilot.press("tab")
        for _ in range(6):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause(0.3)
        app.clear_notifications()
        await pilot.pause(0.1)
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0] if args else ".github/screenshot.svg")
    asyncio.run(take(out, light="--light" in argv))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
