"""`byline analyze`: print the analysis of articles without the reader.

One article: its analysis as a report (text) or one JSON document. Several (or a folder): JSON
Lines, one analysis per line in the order given, the model loaded once and the work spread over
`--jobs` processes. An input that fails is one line on standard error; the others go on, and the
exit status is 2 when any failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

WORD = "analyze"
USAGE = """byline analyze INPUT... [--format text|json|jsonl] [--jobs N] [--timeout S]
                                  print the analysis without the reader; INPUT is a file,
                                  a folder, a URL or -; several: JSON Lines, one per article"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="article file, folder of articles, http(s) URL, or - for standard input",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        help="one article: text (default) or json; several: jsonl (default) or text",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes for several articles (default: one per core; 1: this process)",
    )
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds to wait for a web page")
    p.add_argument("--model", help="spaCy pipeline to use")


def record(result) -> dict:
    """One article's line: the analysis as `--format json` prints it, with the article's metadata."""
    return {**result.analysis.to_dict(), "article": result.article.metadata()}


def run(opts: argparse.Namespace) -> int:
    from ..core.batch import Result, analyze_many, expand
    from ..core.errors import BylineError
    from ..core.sources.fetch import TIMEOUT

    if opts.jobs < 0:
        raise BylineError("--jobs takes a number of processes, 1 or more (0: one per core)")
    if opts.timeout is not None and not 0 < opts.timeout <= 600:
        raise BylineError("--timeout takes the seconds to wait for a web page, more than 0 and at most 600")
    timeout = opts.timeout or TIMEOUT
    locations = expand(opts.inputs)
    single = len(locations) == 1 and not Path(opts.inputs[0]).is_dir() and len(opts.inputs) == 1
    if single:
        return _one(locations[0], opts.format or "text", opts.model, timeout)
    out = _Ordered(len(locations), opts.format or "jsonl")
    results: list[Result] = analyze_many(locations, opts.model, opts.jobs, on_done=out.add, timeout=timeout)
    return 2 if any(r.error for r in results) or not results else 0


def _one(location: str, fmt: str, model: str | None, timeout: float) -> int:
    from ..core.analysis import analyze
    from ..core.export.jsontext import dumps
    from ..core.report import text_report
    from ..core.sources import load_article

    article = load_article(location, timeout=timeout)
    _warn(article)
    result = analyze(article, model)
    if fmt == "text":
        sys.stdout.write(text_report(result))
    else:
        data = {**result.to_dict(), "article": article.metadata()}
        print(dumps(data, indent=None if fmt == "jsonl" else 1))
    return 0


def _warn(article) -> None:
    from ..core.visible import one_line

    for warning in article.warnings:
        print(f"byline: warning: {one_line(warning)}", file=sys.stderr)


class _Ordered:
    """Prints results in input order as they arrive (they finish in any order)."""

    def __init__(self, total: int, fmt: str) -> None:
        self.fmt = fmt
        self.waiting: dict = {}
        self.next = 0
        self.total = total

    def add(self, result) -> None:
        from ..core.export.jsontext import dumps
        from ..core.report import text_report
        from ..core.visible import one_line

        self.waiting[result.index] = result
        while self.next in self.waiting:
            item = self.waiting.pop(self.next)
            self.next += 1
            if item.error:
                print(f"byline: {one_line(item.error)}", file=sys.stderr, flush=True)
                continue
            _warn(item.article)
            if self.fmt == "text":
                sys.stdout.write(text_report(item.analysis) + "\n")
            else:
                sys.stdout.write(dumps(record(item)) + "\n")
            sys.stdout.flush()
