"""`byline library`: list the articles of the library, for people and for scripts."""

from __future__ import annotations

import argparse
import json
import sys

WORD = "library"
USAGE = """byline library [--format text|json]
                                  list the articles of the library (title, site, date, counts)"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text")


def open_library():
    """The library, with what its store skipped or could not read said on standard error; a
    store that cannot be read at all is an error (exit 2)."""
    from ..core.errors import StoreError
    from ..core.library import Library

    library = Library()
    if library.readonly and not library.store.records():
        raise StoreError(library.problem or "the library cannot be read")
    return library


def warn(library) -> None:
    """Say what the store skipped, moved or could not read (one line each)."""
    for line in [*library.store.notices, *library.skipped, *([library.problem] if library.problem else [])]:
        print(f"byline: warning: {line}", file=sys.stderr)


def _cell(value: object, width: int) -> str:
    from ..core.visible import one_line

    text = "–" if value is None else one_line(str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def run(opts: argparse.Namespace) -> int:
    library = open_library()
    entries = library.entries()
    warn(library)
    if opts.format == "json":
        print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1))
        return 0
    if not entries:
        print("The library is empty: byline add PATH|URL ... adds articles", file=sys.stderr)
        return 0
    print(f"{'title':<44} {'site':<22} {'date':<10} {'words':>6} {'actors':>6} {'quotes':>6} {'notes':>5}  id")
    for e in entries:
        print(f"{_cell(e.title, 44):<44} {_cell(e.site, 22):<22} {_cell(e.date[:10], 10):<10} "
              f"{_cell(e.words, 6):>6} {_cell(e.actors, 6):>6} {_cell(e.quotes, 6):>6} {_cell(e.notes, 5):>5}  {e.id[:12]}")
    return 0
