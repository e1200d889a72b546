"""`byline quotes --speaker NAME`: every quote of one person or organisation across the library.

In the text output, only words the speaker said verbatim (direct and partial quotes) are in
quotation marks; reported speech is the writer's paraphrase and is shown without them, called
"reported" as on the screens. A fragment quoted inside a reported clause of the same speaker is
shown under that clause, not as a second quote. The JSON output keeps the analysis' kind values
("direct", "partial", "indirect" for reported) for scripts, and lists every quote."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

WORD = "quotes"
USAGE = """byline quotes --speaker NAME [--format text|json]
                                  every quote of NAME across the library"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--speaker", required=True, help="a name or alias, as an article has it")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: verbatim words in quotation marks, reported speech without; json: every quote, "
        "its kind as the analysis names it (direct, partial, indirect = reported)",
    )


def folded(quotes: list) -> list[tuple[object, list]]:
    """Each quote with the quotes that are part of it: one act of speech, shown and counted as
    one (core/speech.py)."""
    from ..core.speech import acts

    return acts(quotes)


def quote_lines(quotes: list) -> list[str]:
    from ..core.report import quote_kind_word, quoted
    from ..core.visible import one_line

    lines = []
    for q, inside in folded(quotes):
        lines.append(
            f"  {quoted(q)} — {one_line(q.title)} [{quote_kind_word(q.kind)}] ({q.article[:12]}:{q.start}-{q.end})"
        )
        lines += [f"      ↳ {quote_kind_word(part.kind)}: {quoted(part)}" for part in inside]
    return lines


def run(opts: argparse.Namespace) -> int:
    from ..core.export.jsontext import dumps
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
        data = {
            "speaker": opts.speaker,
            "people": [
                {
                    "name": p.name,
                    "type": p.type,
                    "aliases": p.aliases,
                    "roles": p.roles,
                    "articles": p.articles,
                    "quotes": [asdict(q) for q in p.quotes],
                }
                for p in people
            ],
        }
        print(dumps(data, indent=1))
        return 0
    for person in people:
        quotes, articles = len(folded(person.quotes)), len(person.articles)
        also = f"; also {', '.join(map(one_line, person.aliases))}" if person.aliases else ""
        print(
            f"{one_line(person.name)} ({person.type.lower()}): {quotes} quote{'s' if quotes != 1 else ''} "
            f"in {articles} article{'s' if articles != 1 else ''}{also}"
        )
        for line in quote_lines(person.quotes):
            print(line)
    return 0
