"""`byline notes`: every note and correction across the library, newest first."""

from __future__ import annotations

import argparse
import sys

WORD = "notes"
USAGE = """byline notes [--label L] [--words W] [--article ID] [--since DATE]
             [--format text|json|csv]
                                  every note and correction across the library, newest first"""


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "List the notes and corrections of every article, newest first: with a label, holding some words "
        "(in the note, its passage or the article's title), of one article, changed since a date."
    )
    p.add_argument("--label", help="only notes with this label (needs-check, claim, …)")
    p.add_argument("--words", default="", help="only notes holding these words")
    p.add_argument("--article", help="only the notes of this article (its path as added, or its id)")
    p.add_argument("--since", help="only notes changed on or after this date (2024-05-31)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")


def run(opts: argparse.Namespace) -> int:
    import json

    from ..core.errors import ArticleError
    from ..core.search import check_date
    from ..core.visible import one_line
    from .library import open_library, warn

    library = open_library()
    warn(library)
    article = None
    if opts.article is not None:
        article = library.lookup(opts.article)
        if article is None:
            raise ArticleError(f"{one_line(opts.article)!r} is no article of the library")
    if opts.since is not None:
        check_date(opts.since, "--since ")
    found = library.notes(label=opts.label, words=opts.words, article=article, since=opts.since)
    if opts.format == "json":
        print(json.dumps([n.to_dict() for n in found], ensure_ascii=False, indent=1))
    elif opts.format == "csv":
        import csv

        from ..core.export.csv_rows import cell

        writer = csv.writer(sys.stdout, lineterminator="\n", quoting=csv.QUOTE_ALL)
        columns = ("modified", "article", "title", "kind", "labels", "note", "passage", "start", "end", "orphan", "id")
        writer.writerow(columns)
        for n in found:
            row = {**n.to_dict(), "labels": "; ".join(n.labels), "orphan": "yes" if n.orphan else ""}
            writer.writerow([cell(row[c]) for c in columns])
    else:
        if not found:
            print("byline: no notes match", file=sys.stderr)
        for n in found:
            what = ", ".join(n.labels) or ("correction" if n.kind == "correction" else "note")
            lost = " (passage lost)" if n.orphan else ""
            print(f"{n.modified[:16].replace('T', ' ')}  {one_line(n.title)[:50]}  [{one_line(what)}]{lost}")
            print(f"  “{one_line(n.passage)[:100]}”")
            if n.note.strip():
                for line in n.note.splitlines() or [""]:
                    print(f"    {one_line(line)}")
    return 0 if found else 1
