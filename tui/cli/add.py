"""`byline add`: keep files, folders and web pages in the library, analysed.

Files already analysed by this pipeline and extraction code come from the analysis cache at once;
the others are analysed over `--jobs` processes (core/batch.py), each analysis kept in the cache
and each article, with what it found, in the library. Progress on standard error: a bar on a
terminal, a line per article otherwise. An input that fails is one line; the others go on. Then
one summary line ("added 4 articles to the library (9 in all); 2 failed") and the exit status:
0 when every input is in the library, 1 when some are and some failed (a partial success: what
was added is kept), 2 when none could be added.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

WORD = "add"
USAGE = """byline add INPUT... [--jobs N] [--timeout S] | --analyses RESULTS
                                  keep articles in the library, analysed; INPUT is a file,
                                  a folder, a URL or -; exit 1 when some failed, 2 when all did;
                                  RESULTS: what byline analyze --output wrote (no spaCy needed)"""

#: The library is written at most this often while articles arrive (and once at the end).
FLUSH_EVERY = 1.0


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Keep articles in the library, analysed. An input that cannot be added is one line on "
        "standard error and the others go on; the last line sums up ('added 4 articles to the "
        "library (9 in all); 2 failed'). Exit status: 0 every input is in the library; 1 some "
        "were added and some failed; 2 none could be added."
    )
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="article file, folder of articles, http(s) URL, or - for standard input",
    )
    p.add_argument(
        "--analyses",
        metavar="RESULTS",
        help="bring in articles analysed by `byline analyze --output` (a JSON Lines file or a "
        "Parquet folder) as they are, without analysing them again",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to analyse with (default: one per core; 1: this process)",
    )
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds to wait for a web page")
    p.add_argument("--model", help="spaCy pipeline to use")


class _Progress:
    """A bar when standard error is a terminal, else one plain line per article."""

    def __init__(self, total: int) -> None:
        self.total, self.count = total, 0
        self.bar = None
        if sys.stderr.isatty() and total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("adding"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                # the terminal itself: the bar's own codes must not be made visible text
                console=Console(file=getattr(sys.stderr, "stream", sys.stderr)),
                transient=True,
            )
            self.task = self.bar.add_task("", total=total)
            self.bar.start()

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def step(self, line: str | None, error: str | None = None) -> None:
        self.count += 1
        if error:
            self.say(f"byline: {error}")
        elif error is None and self.bar is None:  # "" : counted, said already
            self.say(f"[{self.count}/{self.total}] {line}")
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=line or "")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _cached_files(locations: list[str], model: str) -> dict[str, tuple]:
    """The files among `locations` that need no analysis: (article, cached analysis), or
    (None, None, error) for a file that cannot be read (no pipeline is loaded for it)."""
    from ..core.cache import cached
    from ..core.errors import BylineError
    from ..core.sources import is_url, load_article

    found: dict[str, tuple] = {}
    for location in locations:
        if location == "-" or is_url(location) or not Path(location).expanduser().is_file():
            continue
        try:
            article = load_article(location)
        except BylineError as exc:
            found[location] = (None, None, str(exc))
            continue
        analysis = cached(article, model)
        if analysis is not None:
            found[location] = (article, analysis, None)
    return found


def run(opts: argparse.Namespace) -> int:
    from ..core import cache
    from ..core.batch import expand, stream_many
    from ..core.errors import BylineError, StoreError
    from ..core.limits import work_limits
    from ..core.nlp import default_model
    from ..core.visible import one_line
    from .library import Kept, open_library, warn

    if opts.analyses is not None or not opts.inputs:
        from .analyses import add_analyses

        if opts.inputs or opts.analyses is None:
            raise BylineError(
                "give articles to add, or --analyses RESULTS, not both"
                if opts.inputs
                else "give articles to add (files, folders, URLs, -) or --analyses RESULTS"
            )
        return add_analyses(opts.analyses, _Progress)
    _, timeout = work_limits(opts.jobs, opts.timeout)
    model = opts.model or default_model()
    library = open_library()
    if library.readonly:
        raise StoreError(library.store.why_readonly)
    locations = expand(opts.inputs)
    ready = _cached_files(locations, model)
    kept = Kept(library)
    progress = _Progress(len(locations))
    pending: list[tuple] = []
    failed = 0
    last = time.monotonic()
    cannot_save: list[str] = []  # the store refused a write (a full disk): said once, the rest fail

    def flush() -> None:
        nonlocal last, failed
        if pending:
            try:
                kept.add(pending)
            except StoreError as exc:
                failed += len(pending)
                if not cannot_save:
                    cannot_save.append(str(exc))
                    progress.say(f"byline: {one_line(str(exc))}")
            pending.clear()
        last = time.monotonic()

    def done(location: str, article, analysis, error: str | None) -> None:
        nonlocal failed
        if error is None and cannot_save:
            error = ""  # nothing more can be kept: counted, not said again
        if error is not None:
            failed += 1
            progress.step(None, error)
            return
        for warning in article.warnings:
            progress.say(f"byline: warning: {warning}")
        cache.store(article, model, analysis)
        pending.append((article, analysis))
        progress.step(one_line(article.title or location)[:60])
        if time.monotonic() - last >= FLUSH_EVERY:
            flush()

    try:
        for location, (article, analysis, error) in ready.items():
            done(location, article, analysis, error)
        todo = [loc for loc in locations if loc not in ready]
        if todo:
            for r in stream_many(todo, model, opts.jobs, timeout=timeout):
                done(r.location, r.article, r.analysis, r.error)
    finally:
        progress.close()
        flush()  # what was analysed is kept, even when interrupted
    warn(library)
    return kept.status(failed, refused=bool(cannot_save))  # what the store refused: counted back
