"""`byline library`: list the articles of the library, for people and for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..core.library import Library

WORD = "library"
USAGE = """byline library [--format text|json] [--rebuild]
                                  list the articles of the library (title, site, date, counts);
                                  exit 1 when an article file cannot be read (listed on stderr);
                                  --rebuild makes the catalogue again from the articles"""

#: The date column: the publication date, else the day the article was added, marked so.
ADDED = "added "


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "List the library's articles, newest first. The date is the publication date when the "
        "article gives one, else the day it was added (text: 'added 2024-05-02'; json: 'published' "
        "and 'added' apart, and 'date' with 'date_kind'). Exit status: 0 every article listed; 1 when some article "
        "or record cannot be read (one line each on standard error, the rest listed); 2 when the "
        "library cannot be read at all."
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="make the library's catalogue (counts, people, quotes, notes, search) again from the article "
        "files, their notes and corrections and the kept analyses, then list",
    )


def open_library():
    """The library, with what its store skipped or could not read said on standard error; a
    store that cannot be read at all is an error (exit 2)."""
    from ..core.errors import StoreError
    from ..core.library import Library

    library = Library()
    if library.problem and not library.store.records():
        raise StoreError(library.problem or "the library cannot be read")
    return library


def warn(library, listing: bool = False) -> bool:
    """Say what the store skipped, moved or could not read (one line each); whether anything
    could not be read (what was moved or made again is news, not a failure)."""
    damaged = [
        *library.skipped,
        *(library.damaged_records if listing else []),
        *getattr(library, "damaged", []),
        *([library.problem] if library.problem else []),
    ]
    for line in [*library.store.notices, *damaged]:
        print(f"byline: warning: {line}", file=sys.stderr)
    return bool(damaged)


class Kept:
    """What a run of `byline add` (of inputs or of analyses) keeps, batch by batch, and the line
    that says so. The library is counted, not read whole (2 s at 100,000 articles): each batch
    says which of its articles are new."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.before = library.count()
        self.keys: set[str] = set()
        self.new: set[str] = set()

    def add(self, items: list[tuple]) -> None:
        batch = self.library.add_batch(items)
        self.keys.update(batch.keys)
        self.new.update(batch.new)

    def status(self, failed: int, refused: bool = False) -> int:
        """Say in one line the articles kept, those of them new to the library, how many it holds
        now; the exit status: 0, 1 when some inputs failed (what was added is kept), 2 when nothing
        was added. `refused`: the store refused a write, so what it kept is counted back."""
        total = self.library.count() if refused else self.before + len(self.new)
        new = total - self.before
        kept = len(self.keys - self.new) + new
        again = f", {kept - new} already there" if kept > new else ""
        print(
            f"added {new} article{'s' if new != 1 else ''} to the library ({total} in all{again})"
            + (f"; {failed} failed" if failed else ""),
            file=sys.stderr,
        )
        if not failed:
            return 0
        return 1 if kept else 2


def _cell(value: object, width: int) -> str:
    from ..core.visible import one_line

    text = "–" if value is None else one_line(str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def run(opts: argparse.Namespace) -> int:
    import time

    library = open_library()
    if opts.rebuild:
        started = time.perf_counter()
        count = library.rebuild()
        print(
            f"byline: catalogue made again: {count} article{'s' if count != 1 else ''} in "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    entries = library.entries()
    status = 1 if warn(library, listing=True) else 0
    if opts.format == "json":
        print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1))
        return status
    if not entries:
        print("The library is empty: byline add PATH|URL ... adds articles", file=sys.stderr)
        return status
    print(f"{'title':<44} {'site':<22} {'date':<16} {'words':>6} {'actors':>6} {'quotes':>6} {'notes':>5}  id")
    for e in entries:
        date = e.date[:10] if e.date_kind == "published" else (ADDED + e.added[:10] if e.added else None)
        print(
            f"{_cell(e.title, 44):<44} {_cell(e.site, 22):<22} {_cell(date, 16):<16} "
            f"{_cell(e.words, 6):>6} {_cell(e.actors, 6):>6} {_cell(e.quotes, 6):>6} {_cell(e.notes, 5):>5}  {e.id[:12]}"
        )
    return status
