"""`byline search`: find words across the library: article texts, titles, quotes and notes."""

from __future__ import annotations

import argparse
import json
import sys

WORD = "search"
USAGE = """byline search QUERY [--format text|json] [--limit N]
                                  words, "phrases" and prefix* across every article, quote and
                                  note; filters speaker: label: site: kind: after: before:"""


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        'Search the library: words, "phrases" and prefixes (ferr*), ranked best first, each with its '
        "article, date and the matching words in context. Filters: speaker:NAME (quotes by them), "
        "label:LABEL (notes tagged so), site:SITE, kind:text|title|quote|note, after:DATE, before:DATE "
        "(2024-05-31, 2024-05 or 2024). Exit status: 0 found, 1 nothing found, 2 a query that cannot be read."
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for (several words: all of them)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")


def run(opts: argparse.Namespace) -> int:
    from ..core.errors import BylineError
    from ..core.visible import one_line, shown_name
    from .library import open_library, warn

    query = " ".join(opts.query)
    if not query.strip():
        raise BylineError("give some words to look for")
    if not 1 <= opts.limit <= 10_000:
        raise BylineError("--limit takes a number from 1 to 10000")
    library = open_library()
    warn(library)
    hits = library.search(query, limit=opts.limit)
    if opts.format == "json":
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return 0 if hits else 1
    if not hits:
        print(f"byline: nothing in the library matches {shown_name(query)!r}", file=sys.stderr)
        return 1
    for h in hits:
        said = f" — {one_line(h.who)}" if h.who else ""
        tags = f" [{one_line(h.labels)}]" if h.labels else ""
        print(f"{one_line(h.title)[:70]} · {h.date or '—'}{' · ' + one_line(h.site) if h.site else ''}")
        print(f"  {h.kind}{said}{tags}: {one_line(h.snippet)}  ({h.article[:12]}:{h.offset})")
    return 0
