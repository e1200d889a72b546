"""`byline quotes --speaker NAME`: every quote of one person or organisation across the library."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

WORD = "quotes"
USAGE = """byline quotes --speaker NAME [--format text|json]
                                  every quote of NAME across the library"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--speaker", required=True, help="a name or alias, as an article has it")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(opts: argparse.Namespace) -> int:
    from ..core.visible import one_line
    from .library import open_library, warn

    library = open_library()
    people = library.find(opts.speaker)
    warn(library)
    if not people:
        close = library.suggest(opts.speaker)
        hint = f"; did you mean {', '.join(one_line(n) for n in close)}?" if close else ""
        print(f"byline: no one called {one_line(opts.speaker)!r} in the library{hint}", file=sys.stderr)
        return 1
    if opts.format == "json":
        data = {"speaker": opts.speaker, "people": [
            {"name": p.name, "type": p.type, "aliases": p.aliases, "roles": p.roles, "articles": p.articles,
             "quotes": [asdict(q) for q in p.quotes]} for p in people]}
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    for person in people:
        quotes, articles = len(person.quotes), len(person.articles)
        print(f"{one_line(person.name)} ({person.type.lower()}): {quotes} quote{'s' if quotes != 1 else ''} "
              f"in {articles} article{'s' if articles != 1 else ''}" + (f"; also {', '.join(map(one_line, person.aliases))}"
                                                      if person.aliases else ""))
        for q in person.quotes:
            print(f"  “{one_line(q.text)}” — {one_line(q.title)} [{q.kind}] ({q.article[:12]}:{q.start}-{q.end})")
    return 0
