"""The store at library scale: 1,000 articles and 20,000 annotations.

    python bench/library.py [--articles N] [--notes K] [--adds A]

Builds, in a temporary BYLINE_HOME, N articles (invented text, each with an analysis summary of
invented people and quotes) and K annotations spread over them, then measures in the same run:
- adding one annotation, as the reader does (one Store; lock, atomic write, fsync): p50/p95, on
  one article and on a different article each time; beside TinyDB's own JSONStorage inserting
  into one table of K annotations (no lock, no fsync, rewrites in place) as the reference;
- listing the library (what the Library screen needs: title, site, date, words, actors, quotes,
  notes per row): a new Library the first time (notes counted from each article file) and again
  (counts reused; only changed files counted), and after one note was added;
- the people across the library (merged) and one speaker's quotes;
- the Library screen of the real app, from its start to every row painted.
Targets (issue 10): add p95 <= 20 ms, the Library screen open <= 0.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
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
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--adds", type=int, default=200)
    opts = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="byline-bench-"))
    os.environ["BYLINE_HOME"] = str(tmp / "home")

    from tinydb import TinyDB

    from byline.tui.core.anchor import make_anchor
    from byline.tui.core.annotation import Annotation, new_id
    from byline.tui.core.library import Library
    from byline.tui.core.store import Store

    rng = random.Random(7)
    t = time.perf_counter()
    library = Library()
    articles = []
    for chunk in range(0, opts.articles, 100):
        made = [make_article(i, rng) for i in range(chunk, min(opts.articles, chunk + 100))]
        keys = library.add_many(made)
        articles += [(key, article.text) for key, (article, _) in zip(keys, made, strict=False)]
    per_article = opts.notes // opts.articles

    def note(key: str, text: str, n: int) -> Annotation:
        start = (n * 37) % (len(text) - 60)
        return Annotation(
            id=new_id(),
            article=key,
            anchor=make_anchor(text, start, start + 20 + n % 40),
            labels=["claim"] if n % 2 else ["needs-check", "key-fact"],
            note=f"note {n}" if n % 3 else "",
        )

    for key, text in articles:
        library.store.add_many(note(key, text, n) for n in range(per_article))
    built = time.perf_counter() - t
    size = sum(p.stat().st_size for p in library.store.path.rglob("*") if p.is_file())
    print(
        f"library: {opts.articles:,} articles, {per_article * opts.articles:,} annotations, "
        f"{size / 1e6:.1f} MB in {library.store.path} (built in {built:.1f} s)"
    )

    store = Store()
    key, text = articles[len(articles) // 2]
    store.annotations(key)  # the reader has the article open
    same = []
    for n in range(opts.adds):
        ann = note(key, text, 10_000 + n)
        t = time.perf_counter()
        store.add(ann)
        same.append(time.perf_counter() - t)
    spread = []
    for n in range(opts.adds):
        other, other_text = rng.choice(articles)
        ann = note(other, other_text, 20_000 + n)
        t = time.perf_counter()
        store.add(ann)
        spread.append(time.perf_counter() - t)

    reference_db = TinyDB(tmp / "reference.json")
    table = reference_db.table("annotations")
    table.insert_multiple(
        note(k, x, n).to_dict()
        for n, (k, x) in enumerate(articles[i % len(articles)] for i in range(per_article * opts.articles))
    )
    ref = []
    for n in range(min(opts.adds, 50)):
        doc = note(key, text, 30_000 + n).to_dict()
        t = time.perf_counter()
        table.insert(doc)
        ref.append(time.perf_counter() - t)

    print(
        f"add one, the open article (Byline):         p50 {ms(statistics.median(same))}   p95 {ms(percentile(same, 95))}"
    )
    print(
        f"add one, another article each time (Byline): p50 {ms(statistics.median(spread))}   "
        f"p95 {ms(percentile(spread, 95))}"
    )
    print(
        f"add one (TinyDB JSONStorage, one table, reference): p50 {ms(statistics.median(ref))}   "
        f"p95 {ms(percentile(ref, 95))}"
    )
    print(
        f"ratio p95 Byline (another article) / reference: {percentile(spread, 95) / percentile(ref, 95):.3f}x"
        f"   target p95 <= 20 ms: {'met' if percentile(spread, 95) <= 0.020 else 'NOT met'}"
    )

    t = time.perf_counter()
    rows = Library().entries()
    cold = time.perf_counter() - t
    t = time.perf_counter()
    rows = Library().entries()
    warm = time.perf_counter() - t
    store.add(note(key, text, 40_000))
    t = time.perf_counter()
    rows = Library().entries()
    changed = time.perf_counter() - t
    assert len(rows) == opts.articles and sum(r.notes for r in rows) == per_article * opts.articles + 2 * opts.adds + 1
    print(f"list the library ({len(rows):,} rows), a new Library:                {ms(cold)}")
    print(f"list the library again:                                          {ms(warm)}")
    print(
        f"list the library after one note was added:                       {ms(changed)}"
        f"   target <= 500 ms: {'met' if max(warm, changed) <= 0.5 else 'NOT met'}"
    )

    t = time.perf_counter()
    Library().people(limit=500)
    page = time.perf_counter() - t
    t = time.perf_counter()
    people = Library().people()
    merged = time.perf_counter() - t

    print(
        f"people across the library: the People screen's first page (500 of {len(people):,}): {ms(page)};  "
        f"everyone with every appearance and quote: {ms(merged)}"
    )
    warm_library = Library()
    speakers, times = [p.name for p in people[:50]], []
    for name in speakers:
        t = time.perf_counter()
        warm_library.quotes_by(name)
        times.append(time.perf_counter() - t)
    print(
        f"one speaker's quotes (byline quotes --speaker), {len(speakers)} speakers: p50 {ms(statistics.median(times))}   "
        f"p95 {ms(percentile(times, 95))}   target p95 <= 200 ms: {'met' if percentile(times, 95) <= 0.2 else 'NOT met'}"
    )
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
    for query in queries * 3:
        t = time.perf_counter()
        warm_library.search(query, limit=50)
        times.append(time.perf_counter() - t)
    print(
        f"search ({len(queries)} queries x 3, 50 results): p50 {ms(statistics.median(times))}   p95 {ms(percentile(times, 95))}"
        f"   target p95 <= 200 ms: {'met' if percentile(times, 95) <= 0.2 else 'NOT met'}"
    )
    t = time.perf_counter()
    newest = warm_library.notes(limit=200)
    first_notes = time.perf_counter() - t
    t = time.perf_counter()
    tagged = warm_library.notes(label="needs-check", limit=200)
    by_label = time.perf_counter() - t
    print(
        f"notes across the library, newest 200: {ms(first_notes)};  tagged needs-check: {ms(by_label)}"
        f"   ({len(newest)}, {len(tagged)} rows)"
    )
    t = time.perf_counter()
    count = Library().rebuild()
    print(f"the catalogue made again whole (library --rebuild), {count:,} articles: {time.perf_counter() - t:.1f} s")

    shown, every = asyncio.run(open_library_screen(opts.articles))
    print(
        f"the Library screen (app start, 120x40, to its first rows painted): {ms(shown)}"
        f"   target <= 500 ms: {'met' if shown <= 0.5 else 'NOT met'}"
    )
    print(f"  and to all {opts.articles:,} rows in the table: {ms(every)}")
    return 0


async def open_library_screen(count: int) -> tuple[float, float]:
    """From making the app to the Library screen painted with its rows (what `byline` with no
    argument shows, headless at 120x40), and to every row in the table."""
    from byline.tui.app import BylineApp
    from byline.tui.core.nlp import default_model
    from byline.tui.screens.library import LibraryScreen

    start = time.perf_counter()
    app = BylineApp(None, model=default_model(), keymap={})
    drawn: list[float] = []
    async with app.run_test(size=(120, 40)):
        while not (isinstance(app.screen, LibraryScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        table = app.screen.query_one("#library-table")
        draw = table.render_line

        def spy(y: int):  # the first line the table draws with rows in it
            if table.row_count and not drawn:
                drawn.append(time.perf_counter())
            return draw(y)

        table.render_line = spy
        while not drawn:
            await asyncio.sleep(0.001)
        elapsed = drawn[0] - start
        while table.row_count < count:
            await asyncio.sleep(0.002)
        every = time.perf_counter() - start
    return elapsed, every


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
