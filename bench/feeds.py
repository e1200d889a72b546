"""Refreshing feeds: 2 feeds x 20 stories from a local server, the time and the requests made, and
a second refresh that must fetch no page at all.

    python bench/feeds.py [--items N] [--jobs N]

A server on 127.0.0.1 serves two RSS feeds (with an ETag, answering 304 when it matches) and one
page per story, and counts every request. The reference, in the same run: `byline add` of the
same story pages (core.batch.analyze_many with the same jobs: fetch, read, analyse; then kept)
into another library. Then `refresh` twice into a library of its own: the first fetches and analyses every
story, the second should be two 304s. Prints times, request counts and the ratio of the first
refresh to the reference.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = (
    "harbour council ferry strike union vote minister budget bridge river court judge police report "
    "hospital school teachers farmers market prices shipping port storm flood rescue mayor election "
    "contract workers talks deal fares island winter summer engineers inspectors cracks repairs"
).split()
NAMES = ["Ada Lund", "Piet Holm", "Ilse Varga", "Ines Darrow", "Tomas Berg", "Mira Sand"]


def story(rng: random.Random, n: int) -> tuple[str, str]:
    """A made-up story: its title and its page."""
    title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {rng.choice(WORDS)} in Velmora, story {n}"
    paragraphs = []
    for _ in range(8):
        who = rng.choice(NAMES)
        words = " ".join(rng.choice(WORDS) for _ in range(24))
        paragraphs.append(f"<p>{who} said the {words} would change by {rng.randint(2, 90)} per cent.</p>")
    page = (
        f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(paragraphs)
        + "</article></body></html>"
    )
    return title, page


def site(items: int) -> dict[str, tuple[str, bytes]]:
    rng = random.Random(18)
    paths: dict[str, tuple[str, bytes]] = {}
    for feed in ("a", "b"):
        entries = []
        for i in range(items):
            title, page = story(rng, i)
            path = f"/{feed}/story/{i}"
            paths[path] = ("text/html; charset=utf-8", page.encode())
            entries.append(f"<item><title>{title}</title><link>BASE{path}</link><guid>BASE{path}</guid></item>")
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>{"".join(entries)}</channel></rss>'
        paths[f"/{feed}/feed.xml"] = ("application/rss+xml", rss.encode())
    return paths


class Server:
    def __init__(self, items: int) -> None:
        self.paths = site(items)
        self.counts: Counter[str] = Counter()
        self.not_modified = 0
        bench = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                bench.counts["feeds" if self.path.endswith(".xml") else "pages"] += 1
                found = bench.paths.get(self.path)
                if found is None:
                    self.send_error(404)
                    return
                media, body = found
                body = body.replace(b"BASE", bench.base.encode())
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if self.headers.get("If-None-Match") == etag:
                    bench.not_modified += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def take(self) -> tuple[int, int, int]:
        counts, self.counts = self.counts, Counter()
        not_modified, self.not_modified = self.not_modified, 0
        return counts["feeds"], counts["pages"], not_modified


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=1)
    opts = parser.parse_args(argv)
    server = Server(opts.items)
    home = tempfile.mkdtemp(prefix="byline-bench-feeds-")
    os.environ["BYLINE_HOME"] = f"{home}/reference"  # each its own analysis cache

    from byline.tui.core.batch import analyze_many
    from byline.tui.core.feeds_refresh import follow, refresh
    from byline.tui.core.library import Library
    from byline.tui.core.nlp import load_model

    load_model()  # loaded once, not timed
    pages = [f"{server.base}{p}" for p in server.paths if "/story/" in p]
    started = time.perf_counter()
    results = analyze_many(pages, jobs=opts.jobs)
    Library().add_many((r.article, r.analysis) for r in results if r.error is None and r.article is not None)
    reference = time.perf_counter() - started
    server.take()
    os.environ["BYLINE_HOME"] = f"{home}/feeds"
    library = Library()
    for feed in ("a", "b"):
        follow(library, f"{server.base}/{feed}/feed.xml")
    server.take()
    runs = []
    for _ in range(2):
        started = time.perf_counter()
        report = refresh(library, jobs=opts.jobs)
        runs.append((time.perf_counter() - started, report, server.take()))
    print(f"{len(pages)} stories in 2 feeds from 127.0.0.1; --jobs {opts.jobs}; load average {os.getloadavg()[0]:.1f}")
    print(f"  reference: byline add of the {len(pages)} pages   {reference:6.2f} s")
    for name, (seconds, report, (feeds, page_requests, not_modified)) in zip(("first", "second"), runs, strict=True):
        print(
            f"  {name} refresh {seconds:6.2f} s  ({seconds / reference:.2f}x the reference): added {report.added}, "
            f"{feeds} feed requests ({not_modified} answered 304), {page_requests} page requests"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
