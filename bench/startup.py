"""Startup: time to the first frame with text and to highlights, beside raw spaCy.

    python bench/startup.py [ARTICLE] [--runs N]

Each figure is wall-clock time from launching a fresh Python process: the reference process
imports spaCy, loads the pipeline and parses the article; the Byline process starts the real app
headless at 120x40 and notes when the article text is on screen and when the screen has painted
the highlights and the side panel (the first refresh after the analysis is set): once
in a new BYLINE_HOME (cold), and again on the same article (its analysis cached).
Prints medians and ratios to the reference measured in the same run.

Python's bytecode: an installed Byline has its modules compiled (pip does it at install; an
editable install writes them on its first run). With PYTHONDONTWRITEBYTECODE set, as on some
build machines, every start compiles Byline's sources again (spaCy's and Textual's are compiled
at install): the extraction modules alone took 0.13-0.21 s of CPU to import in the analysis
process, against 0.05 s from bytecode (five runs each, December 2026). So the processes measured
here may write their bytecode, and a first round, not counted, writes it; `--no-bytecode`
measures with the environment as it is instead (bytecode already written is still read).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RAW = """
import sys, time
import spacy
from byline.tui.core.nlp import default_model
nlp = spacy.load(default_model())
nlp(open(sys.argv[1], encoding="utf-8").read())
print(time.time())
"""

APP = """
import asyncio, json, sys, time
launched = float(sys.argv[2])

async def main():
    from byline.tui.cli.read import build_app
    app = build_app(sys.argv[1])
    from byline.tui.screens.reader import ReaderScreen
    from byline.widgets.article_view import ArticleView
    first = ready = None
    async with app.run_test(size=(120, 40)) as pilot:
        while ready is None:
            screen = app.screen
            if first is None and isinstance(screen, ReaderScreen):
                views = screen.query(ArticleView)
                if views and views.first().size.height > 0 and views.first().text:
                    first = time.time()
            if isinstance(screen, ReaderScreen) and screen.analysis is not None:
                painted = asyncio.Event()
                app.call_after_refresh(painted.set)  # the screen's next paint: highlights and panel
                await painted.wait()
                ready = time.time()
            await asyncio.sleep(0.005)
    print(json.dumps({"first": first - launched, "ready": ready - launched, "spacy": "spacy" in sys.modules}))

asyncio.run(main())
"""


def run(code: str, *args: str, home: str | None = None, bytecode: bool = True) -> tuple[float, str]:
    """Run `code` in a fresh Python; `bytecode`: it may write (and so read) its bytecode."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    if home is not None:
        env["BYLINE_HOME"] = home
    launched = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args, str(launched)],
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return launched, out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "seeds" / "nato_riga.txt"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE as set: every start compiles Byline"
    )
    opts = parser.parse_args(argv)
    runs, article = opts.runs, opts.article
    bytecode = not opts.no_bytecode
    if bytecode:  # a round not counted: the bytecode is written, as an install has it
        run(RAW, article)
        with tempfile.TemporaryDirectory(prefix="byline-startup-") as home:
            run(APP, article, home=home)
    raw, first, cold, cached, imported = [], [], [], [], []
    for _ in range(runs):
        launched, out = run(RAW, article, bytecode=bytecode)
        raw.append(float(out.strip()) - launched)
        with tempfile.TemporaryDirectory(prefix="byline-startup-") as home:
            # cold: a new home, nothing analysed; then the same article again, from the cache
            _, out = run(APP, article, home=home, bytecode=bytecode)
            data = json.loads(out)
            first.append(data["first"])
            cold.append(data["ready"])
            _, out = run(APP, article, home=home, bytecode=bytecode)
            data = json.loads(out)
            cached.append(data["ready"])
            imported.append(data["spacy"])
    r, f, c, h = (statistics.median(x) for x in (raw, first, cold, cached))
    compiled = (
        "bytecode as installed"
        if bytecode
        else f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}"
    )
    print(f"article: {article} ({runs} runs, medians, each in a new BYLINE_HOME; {compiled})")
    print(f"raw spaCy (process start, import, load, parse): {r:.3f} s")
    print(f"byline first frame with text:                   {f:.3f} s  ({f / r:.2f}x raw)")
    print(f"byline panel, cold (nothing cached):            {c:.3f} s  ({c / r:.2f}x raw, raw {c - r:+.3f} s)")
    print(
        f"byline panel, reopened (analysis cached):       {h:.3f} s  ({h / r:.2f}x raw)"
        f"{'  spaCy imported!' if any(imported) else '  spaCy not imported'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
