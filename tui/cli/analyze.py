"""`byline analyze`: print or write the analysis of articles without the reader.

One article: its analysis as a report (text) or one JSON document. Several, a folder, or a
corpus file (JSON Lines, CSV, Parquet, WARC): the work goes in batches to `--jobs` local
processes or to the workers of a Dask cluster (`--scheduler`). Without `--output` the results
are JSON Lines (or text reports) on standard output in input order, and an input that fails is
one line on standard error. With `--output` they are written as work completes, in shards, to a
JSON Lines file or (`--format parquet`) a folder of tables; a failed article is one line in the
errors file beside them; a run started again skips what is done. The exit status is 2 when any
article failed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import Any

WORD = "analyze"
USAGE = """byline analyze INPUT... [--format text|json|jsonl|parquet] [-o PATH] [--jobs N]
               [--scheduler ADDRESS] [--text-field NAME] ...
                                  print the analysis without the reader; INPUT is a file,
                                  a folder, a URL, -, or a corpus (.jsonl .csv .parquet .warc);
                                  several: JSON Lines, one per article; -o writes shards"""


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Analyse articles without the reader. A corpus is a folder, a JSON Lines, CSV or Parquet "
        "file with a text field, or a WARC file of a crawl. With --output the results are written "
        "as work completes, failed articles go to an errors file, and a run started again skips "
        "what is done."
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="article file, folder, http(s) URL, - for standard input, or a corpus file "
        "(.jsonl .ndjson .csv .tsv .parquet .warc .warc.gz)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "parquet"),
        help="one article: text (default) or json; several: jsonl (default) or text; "
        "parquet: tables of articles, quotes, actors and figures in the --output folder",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write results here as work completes (a .jsonl file, or a folder for parquet); "
        "a run started again skips the articles already there",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes for several articles (default: one per core; 1: this process)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="analyse on a running Dask cluster, e.g. tcp://10.0.0.5:8786 (its workers need byline installed)",
    )
    p.add_argument("--batch", type=int, default=0, metavar="N", help="articles sent to a worker at once (default 8)")
    p.add_argument("--shard-size", type=int, default=0, metavar="N", help="articles per output shard (default 500)")
    for name, default in (
        ("text", "text"),
        ("id", "id"),
        ("url", "url"),
        ("title", "title"),
        ("date", "date"),
        ("site", "site"),
    ):
        p.add_argument(
            f"--{name}-field",
            default=default,
            metavar="NAME",
            help=f"the field of a JSON Lines, CSV or Parquet record with the article's {name} (default: {default})",
        )
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds to wait for a web page")
    p.add_argument("--model", help="spaCy pipeline to use")


def run(opts: argparse.Namespace) -> int:
    from ..core.corpus.inputs import kind_of
    from ..core.errors import BylineError
    from ..core.limits import work_limits

    _, timeout = work_limits(opts.jobs, opts.timeout)
    if opts.batch < 0 or opts.shard_size < 0:
        raise BylineError("--batch and --shard-size take a number of articles, 1 or more")
    if opts.format == "parquet" and not opts.output:
        raise BylineError("--format parquet writes a folder of tables: name it with --output DIR")
    if opts.output and opts.format in ("text", "json"):
        raise BylineError(f"--output writes jsonl or parquet, not {opts.format}")
    single = len(opts.inputs) == 1 and kind_of(opts.inputs[0]) == "article"
    if single and not opts.output and not opts.scheduler:
        return _one(opts.inputs[0], opts.format or "text", opts.model, timeout)
    if opts.format == "json":
        raise BylineError("--format json is for one article; several are jsonl (one JSON document a line)")
    return _corpus(opts, timeout)


def _corpus(opts: argparse.Namespace, timeout: float) -> int:
    from ..core.batch import default_jobs
    from ..core.corpus.engine import Cluster, InProcess, Processes, Runner
    from ..core.corpus.inputs import Fields, read_items
    from ..core.corpus.output import JsonLinesFile, Output, ParquetFolder, versions
    from ..core.corpus.run import BATCH_SIZE, Sink, run_corpus
    from ..core.nlp import default_model, load_model

    fields = Fields(
        text=opts.text_field,
        id=opts.id_field,
        url=opts.url_field,
        title=opts.title_field,
        date=opts.date_field,
        site=opts.site_field,
    )
    model = opts.model or default_model()
    sink: Sink
    if opts.output:
        path = Path(opts.output).expanduser()
        made = versions(model)
        output: Output = (
            ParquetFolder(path, made, opts.shard_size or 500)
            if opts.format == "parquet"
            else JsonLinesFile(path, made, opts.shard_size or 500)
        )
        sink = output
    else:
        sink = _Printer(opts.format or "jsonl", model)
    items = read_items(opts.inputs, fields)
    first = next(items, None)  # a corpus that cannot be read says so before the pipeline loads
    items = itertools.chain([first] if first is not None else [], items)
    progress = _Progress(opts.inputs, fields, sink) if sys.stderr.isatty() else None
    runner: Runner
    if opts.scheduler:
        runner = Cluster(opts.scheduler, model, timeout)
    else:
        jobs = opts.jobs or default_jobs()
        load_model(model)  # a missing pipeline is one error for all, before any work
        runner = InProcess(model, timeout) if jobs <= 1 else Processes(jobs, model, timeout)
    finished = False
    try:
        summary = run_corpus(
            items,
            runner,
            sink,
            opts.batch or BATCH_SIZE,
            on_outcome=progress.step if progress else None,
        )
        finished = True
    finally:
        if progress is not None:
            progress.close()
        if finished and isinstance(runner, Processes):
            runner.finish()
        else:
            runner.close()
        if opts.output:
            output.close()  # what was analysed is kept, even when interrupted
            if not finished:
                print(
                    f"stopped: {output.written} articles written this run; the same command goes on from there",
                    file=sys.stderr,
                )
    if opts.output:
        _summarise(summary, output)
    return 2 if summary.failed or not (summary.analysed or summary.skipped) else 0


def _summarise(summary: Any, output: Any) -> None:
    from ..core.visible import one_line

    rate = summary.analysed / summary.seconds if summary.seconds else 0.0
    before = f"; {summary.skipped} done before" if summary.skipped else ""
    failed = f"; {summary.failed} failed (one line each in {output.errors.path})" if summary.failed else ""
    print(
        one_line(
            f"analysed {summary.analysed} article{'s' if summary.analysed != 1 else ''} "
            f"in {summary.seconds:.0f} s ({rate:.2f} articles/s){before}{failed}"
        ),
        file=sys.stderr,
    )


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


class _Printer:
    """Standard output: results in input order as they arrive (they finish in any order);
    a failure is one line on standard error."""

    def __init__(self, fmt: str, model: str) -> None:
        from ..core.corpus.output import versions

        self.fmt = fmt
        self.waiting: dict = {}
        self.next = 0
        self.versions = versions(model) if fmt == "jsonl" else (None, None)

    def done(self) -> set[str]:
        return set()

    def add(self, outcome, source: str) -> None:
        from ..core.corpus.output import record
        from ..core.export.jsontext import dumps
        from ..core.report import text_report
        from ..core.visible import one_line

        self.waiting[outcome.seq] = outcome
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
                sys.stdout.write(dumps(record(item.id, item, self.versions)) + "\n")
            sys.stdout.flush()


class _Progress:
    """A bar on standard error: articles done of all, articles per second, time left."""

    def __init__(self, inputs: list[str], fields, sink) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from ..core.corpus.inputs import count_items

        self.bar = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            _speed_column(),
            TextColumn("left"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]}"),
            console=Console(file=getattr(sys.stderr, "stream", sys.stderr)),  # the terminal: its codes are no text
            transient=True,
        )
        total = max(0, count_items(inputs, fields) - len(sink.done()))
        self.failed = 0
        self.task = self.bar.add_task("", total=total or None, failed="")
        self.bar.start()

    def step(self, outcome) -> None:
        if outcome.error is not None:
            self.failed += 1
        self.bar.update(self.task, advance=1, failed=f"{self.failed} failed" if self.failed else "")

    def close(self) -> None:
        self.bar.stop()


def _speed_column():  # rich is imported only where a bar is shown
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Speed(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.2f} articles/s")

    return Speed()
