"""The library at scale: 1,000, 10,000 and 100,000 articles with ten annotations each.

    python bench/library.py [--articles 1000 10000 100000] [--notes 10] [--adds 100]

For each size, in a temporary BYLINE_HOME: the library is laid down in bulk (each article's file
with its record and annotations, its kept text and its analysis, written directly), then the
catalogue is made whole by `Library.rebuild()` (what `byline library --rebuild` does), and on it
are measured, in the same run:
- adding one analysed article (`Library.add`, the analysis made beforehand): p50/p95; beside it,
  as the reference, rewriting one JSON list of every article's record with an fsync (what each
  add cost before the records moved into the article files);
- adding one annotation (`Store.add`: lock, atomic write, fsync, the catalogue updated): p50/p95;
  beside TinyDB's own JSONStorage inserting into one table of every annotation as the reference;
- the Library screen of the real app (headless, 120x40) from its start to its first rows painted;
  the first page of the People screen (`Library.people(limit=500)`), the Notes screen
  (`Library.notes(limit=200)`) and a Search (`Library.search`, 50 results): what those screens
  read before their first rows;
- one speaker's quotes (`byline quotes --speaker`: `Library.quotes_by`) and searches: p50/p95;
- the memory of the app with the Library open (peak RSS of a process of its own).
Targets (issue 17, at 100,000 articles): adds p95 <= 20 ms, screens <= 0.5 s to first rows,
quotes and search p95 <= 0.2 s, a rebuild under 10 minutes, the app under 1 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = [
    "Ada",
    "Bela",
    "Carmen",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hana",
    "Ivo",
    "Jonas",
    "Kiri",
    "Lena",
    "Milos",
    "Nadia",
    "Oskar",
    "Petra",
    "Quentin",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Vera",
    "Wim",
    "Yara",
]
LAST = [
    "Lund",
    "Okafor",
    "Brandt",
    "Varga",
    "Holm",
    "Duarte",
    "Prado",
    "Kowal",
    "Lindqvist",
    "Moreau",
    "Sato",
    "Novak",
    "Haddad",
    "Ferreira",
    "Berg",
    "Castell",
    "Dunmore",
    "Eriksen",
    "Galli",
    "Ibarra",
]
ORGS = ["Harbour Council", "Velmora Rail", "Northern Union", "Alder Bank", "Tullin Water", "Coastal Guard"]
SITES = ["Velmora Gazette", "Alder Post", "Tullin Times", "Coast Daily"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def lay_down(folder: Path, count: int, notes: int, rng: random.Random) -> list[tuple[str, str]]:
    """Write a library of `count` articles in bulk, as Byline keeps them (no catalogue yet)."""
    from byline.tui.core.anchor import make_anchor
    from byline.tui.core.annotation import Annotation, new_id, now
    from byline.tui.core.library_people import summary
    from byline.tui.core.store import SCHEMA_VERSION
    from byline.tui.core.store_files import article_fields
    from byline.tui.core.tablefile import write_atomic

    for sub in ("articles", "texts", "analyses"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        article, analysis = make_article(i, rng)
        key, text = new_id(), article.text
        record = {"id": key, "path": None, "sha256": article.sha256, **article_fields(article)}
        record.update(added=now(), seen=now())
        anns = {}
        for n in range(notes):
            start = (n * 37) % (len(text) - 60)
            ann = Annotation(
                id=new_id(),
                article=key,
                anchor=make_anchor(text, start, start + 20 + n % 40),
                labels=["claim"] if n % 2 else ["needs-check", "key-fact"],
                note=f"note {n}" if n % 3 else "",
            )
            anns[str(n + 1)] = ann.to_dict()
        meta = {"schema": SCHEMA_VERSION, "article": key, "created": now(), "record": record}
        data = {"meta": {"1": meta}, "annotations": anns}
        write_atomic(folder / "articles" / f"{key}.json", json.dumps(data).encode(), durable=False)
        write_atomic(folder / "texts" / f"{key}.txt", text.encode(), durable=False)
        raw = {**summary(analysis), "mentions": {a.id: [list(m) for m in a.mentions] for a in analysis.actors}}
        write_atomic(folder / "analyses" / f"{key}.json", json.dumps(raw).encode(), durable=False)
        made.append((key, text))
    os.sync()
    return made


def measure(count: int, notes: int, adds: int) -> dict[str, float]:
    from tinydb import TinyDB

    from byline.tui.core.anchor import make_anchor
    from byline.tui.core.annotation import Annotation, new_id
    from byline.tui.core.library import Library
    from byline.tui.core.store import Store
    from byline.tui.core.tablefile import write_atomic

    tmp = Path(tempfile.mkdtemp(prefix="byline-bench-"))
    os.environ["BYLINE_HOME"] = str(tmp / "home")
    rng = random.Random(7)
    store = Store()
    t = time.perf_counter()
    articles = lay_down(store.path, count, notes, rng)
    laid = time.perf_counter() - t
    fig: dict[str, float] = {}
    t = time.perf_counter()
    held = Library(Store()).rebuild()
    fig["rebuild"] = time.perf_counter() - t
    assert held == count, (held, count)
    size = sum(p.stat().st_size for p in store.path.rglob("*") if p.is_file())
    print(
        f"\n== {count:,} articles, {count * notes:,} annotations, {size / 1e6:.0f} MB "
        f"(laid down in {laid:.0f} s); catalogue made whole in {fig['rebuild']:.1f} s "
        f"({fig['rebuild'] / count * 1000:.2f} ms per article)"
    )

    library = Library(Store())
    new = [make_article(count + i, rng) for i in range(adds)]
    times = []
    for article, analysis in new:
        t = time.perf_counter()
        library.add(article, analysis)
        times.append(time.perf_counter() - t)
    fig["add article p50"], fig["add article p95"] = statistics.median(times), percentile(times, 95)
    records = [library.store.record(key) for key, _ in articles[: min(count, 100_000)]]
    listing = tmp / "index.json"
    ref = []
    for _ in range(3):  # the reference: one list of every record, rewritten whole with an fsync
        t = time.perf_counter()
        write_atomic(listing, json.dumps({"articles": dict(enumerate(records))}).encode())
        ref.append(time.perf_counter() - t)
    fig["add article ref"] = statistics.median(ref)

    def note(key: str, text: str, n: int) -> Annotation:
        start = (n * 37) % (len(text) - 60)
        return Annotation(id=new_id(), article=key, anchor=make_anchor(text, start, start + 25), labels=["claim"])

    times = []
    for n in range(adds):
        key, text = rng.choice(articles)
        ann = note(key, text, 1000 + n)
        t = time.perf_counter()
        library.store.add(ann)
        times.append(time.perf_counter() - t)
    fig["add note p50"], fig["add note p95"] = statistics.median(times), percentile(times, 95)
    table = TinyDB(tmp / "reference.json").table("annotations")
    table.insert_multiple(note(k, x, n).to_dict() for n, (k, x) in enumerate(articles[: min(count, 20_000)] * notes))
    ref = []
    for n in range(10):
        doc = note(*articles[0], 5000 + n).to_dict()
        t = time.perf_counter()
        table.insert(doc)
        ref.append(time.perf_counter() - t)
    fig["add note ref"] = statistics.median(ref)

    fresh = Library(Store())
    t = time.perf_counter()
    people = fresh.people(limit=500)
    fig["people page"] = time.perf_counter() - t
    t = time.perf_counter()
    fresh.notes(limit=200)
    fig["notes page"] = time.perf_counter() - t
    t = time.perf_counter()
    fresh.search("harbour council", limit=50)
    fig["search page"] = time.perf_counter() - t
    times = []
    for person in people[:40]:
        t = time.perf_counter()
        fresh.quotes_by(person.name)
        times.append(time.perf_counter() - t)
    fig["quotes p50"], fig["quotes p95"] = statistics.median(times), percentile(times, 95)
    queries = [
        "council",
        "harbour minutes",
        '"before the vote"',
        "househ*",
        "budget site:Gazette",
        "item speaker:Lund",
        "claim label:needs-check",
        "district after:2024-06",
        "figures before:2024-03",
        "vote kind:quote",
    ]
    times = []
    for query in queries * 2:
        t = time.perf_counter()
        fresh.search(query, limit=50)
        times.append(time.perf_counter() - t)
    fig["search p50"], fig["search p95"] = statistics.median(times), percentile(times, 95)
    probe = subprocess.run(
        [sys.executable, __file__, "--screen"], capture_output=True, text=True, env=os.environ, timeout=600
    )
    shown, screen, rss = (float(v) for v in probe.stdout.split()[-3:]) if probe.returncode == 0 else (float("nan"),) * 3
    if probe.returncode:
        print(probe.stderr[-2000:])
    fig["app start"], fig["library screen"], fig["memory MB"] = shown, screen, rss
    return fig


ROWS = [
    ("add one analysed article p95", "add article p95", "add article ref", 0.020),
    ("add one annotation p95", "add note p95", "add note ref", 0.020),
    ("app start to the Library's first rows", "app start", None, 1.0),
    ("Library screen, mounted to first rows", "library screen", None, 0.5),
    ("People screen's first page", "people page", None, 0.5),
    ("Notes screen's first page", "notes page", None, 0.5),
    ("Search screen's first results", "search page", None, 0.5),
    ("quotes --speaker p95", "quotes p95", None, 0.2),
    ("search p95", "search p95", None, 0.2),
    ("rebuild, whole (s)", "rebuild", None, 600),
    ("memory with the Library open (MB)", "memory MB", None, 1000),
]


def report(sizes: list[int], figs: list[dict[str, float]]) -> None:
    print("\n" + "what".ljust(36) + "".join(f"{n:>14,}" for n in sizes) + "   growth" + "   ref ratio   target")
    for label, key, ref, target in ROWS:
        values = [f[key] for f in figs]
        seconds = not (key == "rebuild" or key.startswith("memory"))
        cells = "".join(f"{v * 1000:11.1f} ms" if seconds else f"{v:14.1f}" for v in values)
        growth = f"{values[-1] / values[0]:7.1f}x" if len(values) > 1 and values[0] else "      -"
        ratio = f"{figs[-1][key] / figs[-1][ref]:9.3f}x" if ref else "         -"
        met = "met" if values[-1] <= target else "NOT met"
        print(f"{label:<36}{cells}  {growth}  {ratio}   <= {target:g}{' s' if seconds else ''} {met}")
    print(
        "reference (last size): one JSON list of every record rewritten with fsync "
        f"{figs[-1]['add article ref'] * 1000:.1f} ms; TinyDB insert {figs[-1]['add note ref'] * 1000:.1f} ms"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--notes", type=int, default=10, help="annotations per article")
    parser.add_argument("--adds", type=int, default=100)
    parser.add_argument("--screen", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args(argv)
    if opts.screen:
        shown, screen = asyncio.run(open_library_screen())
        print(shown, screen, peak_memory_mb())
        return 0
    figs = [measure(n, opts.notes, opts.adds) for n in opts.articles]
    report(opts.articles, figs)
    return 0


def peak_memory_mb() -> float:
    """This process's peak resident memory. Not `getrusage`'s ru_maxrss: Linux carries the
    parent's high-water mark across the fork and exec that started this probe, so it would
    count the bench's own memory (the 1,000,000-annotation TinyDB reference) as the app's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: the best there is

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024 * 1024)


async def open_library_screen() -> tuple[float, float]:
    """From making the app to the Library screen painted with its first rows (what `byline` with
    no argument shows, headless at 120x40)."""
    from byline.tui.app import BylineApp
    from byline.tui.core.nlp import default_model
    from byline.tui.screens.library import LibraryScreen

    start = time.perf_counter()
    app = BylineApp(None, model=default_model(), keymap={})
    drawn: list[float] = []
    async with app.run_test(size=(120, 40)):
        while not (isinstance(app.screen, LibraryScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        mounted = time.perf_counter()
        table = app.screen.query_one("#library-table")
        draw = table.render_line

        def spy(y: int):  # the first line the table draws with rows in it
            if table.row_count and not drawn:
                drawn.append(time.perf_counter())
            return draw(y)

        table.render_line = spy
        while not drawn:
            await asyncio.sleep(0.001)
        screen = app.screen
        while not screen.loaded:  # the whole list read: the memory it takes is counted
            await asyncio.sleep(0.01)
    return drawn[0] - start, drawn[0] - mounted


def make_article(i: int, rng: random.Random):
    """An invented article and an analysis summary of its people, organisations and quotes."""
    from byline.tui.core.model import Actor, Analysis, Quote
    from byline.tui.core.sources import from_text

    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(8)]
    orgs = rng.sample(ORGS, 3)
    paragraphs = []
    for n in range(12):
        who, org = people[n % 8], orgs[n % 3]
        paragraphs.append(
            f'"We will report on item {i}-{n} before the vote," {who} said on behalf of {org}. '
            f"The figures for district {n} were {rng.randint(10, 900)} households and "
            f"{rng.randint(2, 60)} per cent of the budget, according to the council minutes."
        )
    text = f"Story {i}: the council and the harbour\n\n" + "\n\n".join(paragraphs) + "\n"
    article = from_text(
        text,
        f"https://news.example/{i}",
        url=f"https://news.example/{i}",
        site=SITES[i % len(SITES)],
        authors=(f"{rng.choice(FIRST)} {rng.choice(LAST)}",),
        published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        kind="html",
    )
    body = article.text
    actors, quotes = [], []
    for j, name in enumerate(dict.fromkeys(people + orgs)):
        spots = [m.start() for m in re.finditer(re.escape(name), body)]
        actors.append(
            Actor(
                f"a{j}",
                name,
                "ORG" if name in orgs else "PERSON",
                [],
                [name.split()[-1]] if name in people else [],
                [(s, s + len(name)) for s in spots],
            )
        )
    for n in range(12):
        start = body.index(f"We will report on item {i}-{n}")
        end = body.index('"', start)
        speaker = people[n % 8]
        quotes.append(
            Quote(start, end, body[start:end], "direct", speaker, next(a.id for a in actors if a.name == speaker))
        )
    return article, Analysis(article.source, article.title, article.sha256, "bench", actors=actors, quotes=quotes)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
