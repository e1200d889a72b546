"""`byline quotes --speaker NAME`: every quote of one person or organisation across the library;
`byline quotes --all`: every quote in the library, one row each (text, JSON or CSV for a sheet).

In the text output, only words the speaker said verbatim (direct and partial quotes) are in
quotation marks; reported speech is the writer's paraphrase and is shown without them, called
"reported" as on the screens. A fragment quoted inside a reported clause of the same speaker is
shown under that clause, not as a second quote. The JSON output keeps the analysis' kind values
("direct", "partial", "indirect" for reported) for scripts, and lists every quote."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.library_people import QuoteRef

WORD = "quotes"
USAGE = """byline quotes (--speaker NAME | --all) [--format text|json|csv] [--excel]
                                  every quote of NAME, or every quote, across the library"""

#: The columns of `byline quotes --all --format csv`, one row per quote.
CSV_COLUMNS = ["article", "site", "published", "url", "speaker", "kind", "paragraph", "text", "start", "end", "id"]


def configure(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--speaker", help="a name or alias, as an article has it")
    which.add_argument("--all", action="store_true", help="every quote in the library, one row each")
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text: verbatim words in quotation marks, reported speech without; json: every quote, "
        "its kind as the analysis names it (direct, partial, indirect = reported); csv (with --all): "
        "one row per quote with its article's title, site, date and URL",
    )
    p.add_argument("--excel", action="store_true", help="csv: start with a UTF-8 byte order mark, for Excel")


def folded(quotes: list[QuoteRef]) -> list[tuple[QuoteRef, list[QuoteRef]]]:
    """Each quote with the quotes that are part of it: one act of speech, shown and counted as
    one (core/speech.py)."""
    from ..core.speech import acts

    return acts(quotes)


def quote_lines(quotes: list[QuoteRef]) -> list[str]:
    from ..core.report import quote_kind_word, quoted
    from ..core.visible import one_line

    lines = []
    for q, inside in folded(quotes):
        lines.append(
            f"  {quoted(q)} — {one_line(q.title)} [{quote_kind_word(q.kind)}] ({q.article[:12]}:{q.start}-{q.end})"
        )
        lines += [f"      ↳ {quote_kind_word(part.kind)}: {quoted(part)}" for part in inside]
    return lines


def every_quote(library) -> list[dict]:
    """Every quote the library's analyses hold, in the library's order of articles, then of the
    text: each with its article's title, site, date and URL."""
    from ..core.export.places import Places
    from ..core.library_people import _quotes
    from ..core.report import quote_kind_word

    entries = {e.id: e for e in library.entries()}
    rows = []
    for key, summary in library.summaries():
        entry = entries.get(key)
        if entry is None:
            continue
        places = None
        for q in sorted(_quotes(summary), key=lambda q: (q["start"], q["end"])):
            if places is None:
                try:
                    places = Places(library.open(key).text)
                except Exception:  # noqa: BLE001 - the text is gone or unreadable: no paragraph numbers
                    places = Places("")
            rows.append(
                {
                    "article": entry.title,
                    "site": entry.site or "",
                    "published": entry.published or "",
                    "url": entry.url or entry.source,
                    "speaker": q["speaker"] or "",
                    "kind": quote_kind_word(q["kind"]),
                    "paragraph": places.paragraph(q["start"]) if places.paragraphs > 1 else "",
                    "text": q["text"],
                    "start": q["start"],
                    "end": q["end"],
                    "id": key,
                }
            )
    return rows


def run_all(opts: argparse.Namespace, library) -> int:
    import csv
    import io

    from ..core.export.csv_rows import BOM, cell
    from ..core.export.jsontext import dumps
    from ..core.visible import one_line

    rows = every_quote(library)
    if opts.format == "json":
        print(dumps({"quotes": rows}, indent=1))
    elif opts.format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow([cell(row[c]) for c in CSV_COLUMNS])
        sys.stdout.write((BOM if opts.excel else "") + buf.getvalue())
    else:
        for row in rows:
            who = one_line(row["speaker"]) or "unattributed"
            words = one_line(row["text"])
            shown = words if row["kind"] == "reported" else f"“{words}”"
            print(f"{who}: {shown} [{row['kind']}] — {one_line(row['article'])} ({row['id'][:12]}:{row['start']})")
    return 0


def run(opts: argparse.Namespace) -> int:
    from ..core.export.jsontext import dumps
    from ..core.visible import one_line
    from .library import open_library, warn

    if opts.excel and opts.format != "csv":
        print("byline: --excel is for --format csv", file=sys.stderr)
        return 2
    if opts.format == "csv" and not opts.all:
        print("byline: --format csv is for --all (one row per quote)", file=sys.stderr)
        return 2
    library = open_library()
    if opts.all:
        warn(library)
        return run_all(opts, library)
    people = library.find(opts.speaker, appearances=opts.format == "json")  # the text needs only the counts
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
    for person in people:  # the library's one rule of what a quote and an article count (Person.counts)
        also = f"; also {', '.join(map(one_line, person.aliases))}" if person.aliases else ""
        print(f"{one_line(person.name)} ({person.type.lower()}): {person.counts}{also}")
        for line in quote_lines(person.quotes):
            print(line)
    return 0
