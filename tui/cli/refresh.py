"""`byline refresh`: fetch every feed followed and add its new stories to the library, analysed
and unread. Quiet unless something failed (for cron); a progress bar on a terminal. Exit status:
0 every feed refreshed; 1 some feeds failed; 2 all failed (or none is followed)."""

from __future__ import annotations

import argparse
import json
import sys

WORD = "refresh"
USAGE = """byline refresh [--jobs N] [--format text|json]
                                  fetch the feeds followed, add new stories unread; quiet
                                  unless a feed failed: exit 1 when some did, 2 when all did"""


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Fetch every feed followed (conditional requests, one at a time per site) and add its new "
        "stories to the library, analysed and unread. Prints nothing unless something failed; "
        "--format json prints a summary. Exit status: 0 every feed refreshed; 1 some feeds failed; "
        "2 every feed failed."
    )
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="processes to analyse with (default 1; 0: one per core)"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds to wait for a feed or page")
    p.add_argument("--progress", action="store_true", help=argparse.SUPPRESS)  # plain lines, for the app
    p.add_argument("--model", help="spaCy pipeline to use")


def run(opts: argparse.Namespace) -> int:
    from ..core.errors import BylineError
    from ..core.feeds_refresh import refresh
    from ..core.sources.fetch import TIMEOUT
    from ..core.visible import one_line
    from .add import _Progress
    from .library import open_library, warn

    if opts.jobs < 0:
        raise BylineError("--jobs takes a number of processes, 1 or more (0: one per core)")
    if opts.timeout is not None and not 0 < opts.timeout <= 600:
        raise BylineError("--timeout takes the seconds to wait, more than 0 and at most 600")
    library = open_library()
    bar = _Progress(2) if sys.stderr.isatty() and not opts.progress else None

    def progress(what: str, done: int, total: int) -> None:
        if opts.progress:
            print(f"[{done}/{total}] {one_line(what)}", file=sys.stderr, flush=True)
        elif bar is not None and bar.bar is not None:
            bar.bar.update(bar.task, completed=done, total=total, description=one_line(what)[:60])

    try:
        report = refresh(library, opts.model, opts.jobs, opts.timeout or TIMEOUT, progress)
    finally:
        if bar is not None:
            bar.close()
    warn(library)
    for outcome in report.feeds:
        if outcome.error:
            print(f"byline: feed {outcome.id}: {outcome.error}", file=sys.stderr)
        for line in [*outcome.failed_items, *outcome.kept_feed_text]:
            print(f"byline: warning: {line}", file=sys.stderr)
    if opts.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    elif opts.progress or report.failed:
        print(
            f"added {report.added} article{'s' if report.added != 1 else ''} from {len(report.feeds)} "
            f"feed{'s' if len(report.feeds) != 1 else ''}"
            + (f"; {len(report.failed)} failed" if report.failed else ""),
            file=sys.stderr,
        )
    return report.status
