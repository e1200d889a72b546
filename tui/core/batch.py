"""Many articles at once: load and analyse a list of files and URLs, over several processes.

`byline add` builds the library on `stream_many`, which gives each result as it finishes and
keeps none: memory stays flat however many articles there are (a few are in flight at once).
`analyze_many` is the same as a list in input order. The spaCy pipeline is loaded once: in this
process for one job; with more, in this process before the workers are forked (they share it),
or once in each worker where fork is not available. An input that fails is a Result with an
error; the others go on. (Corpora of records, crawls and clusters: core/corpus.)
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError, BylineError
from .model import Analysis
from .paths import resolved
from .sources import ARTICLE_SUFFIXES, Article, is_url, load_article
from .sources.fetch import TIMEOUT
from .visible import one_line


@dataclass
class Result:
    """What became of one input: its article and analysis, or the one line saying why not."""

    location: str
    article: Article | None
    analysis: Analysis | None
    error: str | None
    index: int = 0  # its place in the list given to analyze_many

    @property
    def ok(self) -> bool:
        return self.error is None


def expand(inputs: list[str]) -> list[str]:
    """Folders become the article files inside them (.txt .md .markdown .html .htm, at any depth,
    hidden ones left out, in name order); files, URLs and "-" are kept as given. The same file
    named twice is kept once, where it first appears. A folder with no articles is kept, so
    that it is reported."""
    out: list[str] = []
    seen: set[str] = set()

    def keep(location: str, key: str) -> None:
        if key not in seen:
            seen.add(key)
            out.append(location)

    for location in inputs:
        path = Path(location).expanduser()
        if not location.strip():  # "" is no folder (Path would make it "."): reported when read
            keep(location, location)
            continue
        if location == "-" or is_url(location) or not _is_dir(path):
            keep(location, location if location == "-" or is_url(location) else _key(path))
            continue
        found = sorted(_articles_in(path))
        if not found:
            keep(location, _key(path))
        for file in found:
            keep(str(file), _key(file))
    return out


def _articles_in(folder: Path) -> list[Path]:
    """Article files under a folder; hidden files and folders left out, links to folders not
    followed (a link loop must not hang us)."""
    found = []
    for root, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            file = Path(root, name)
            if not name.startswith(".") and file.suffix.lower() in ARTICLE_SUFFIXES and file.is_file():
                found.append(file)
    return found


def _is_dir(path: Path) -> bool:
    """Whether a name is a folder; a name no file can have (too long, a link loop) is not."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _key(path: Path) -> str:
    try:
        return str(resolved(path))
    except OSError:
        return str(path)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_many(
    locations: list[str],
    model: str | None = None,
    jobs: int = 0,
    on_done: Callable[[Result], None] | None = None,
    timeout: float = TIMEOUT,
) -> list[Result]:
    """Load and analyse every location; results in input order (all of them kept: for a few
    articles; `stream_many` for many). `on_done` is called as each input finishes, in the order
    they finish (for a progress bar)."""
    results = []
    for result in stream_many(locations, model, jobs, timeout):
        if on_done is not None:
            on_done(result)
        results.append(result)
    return sorted(results, key=lambda r: r.index)


def stream_many(
    locations: list[str], model: str | None = None, jobs: int = 0, timeout: float = TIMEOUT
) -> Iterator[Result]:
    """Load and analyse every location, giving each Result as it finishes (its `index` is its
    place in `locations`). `jobs` processes (0: one per core; 1: in this process). Standard
    input ("-") is read here, first. Raises BylineError only when no pipeline can be loaded."""
    from .nlp import default_model, load_model

    name = model or default_model()
    tasks = [_Task(i, location, None, name, timeout) for i, location in enumerate(locations)]
    pending = []
    for task in tasks:  # standard input belongs to this process
        if task.location == "-":
            try:
                task.article = load_article("-")
            except BylineError as exc:
                yield Result("-", None, None, str(exc), task.index)
                continue
        pending.append(task)
    if not pending:
        return
    jobs = min(jobs or default_jobs(), len(pending))
    if jobs <= 1:  # pages are fetched before the pipeline loads: a fetch's deadline is the command's
        for task in [t for t in pending if t.article is None and is_url(t.location)]:
            try:
                task.article = _load(task.location, task.timeout)
            except BylineError as exc:
                pending.remove(task)
                yield Result(task.location, None, None, str(exc), task.index)
        if not pending:
            return
    load_model(name)  # a missing pipeline is one error for all, before any work; forked workers share it
    if jobs <= 1:
        for task in pending:
            yield _run(task)
    else:
        yield from _in_processes(pending, jobs, name)


def analyze_articles(
    articles: list[Article], model: str | None = None, jobs: int = 0, on_done: Callable[[Result], None] | None = None
) -> list[Result]:
    """Analyse articles already read (a feed's stories), as `analyze_many` does its inputs;
    each Result's location is the article's source."""
    from .nlp import default_model, load_model

    name = model or default_model()
    tasks = [_Task(i, article.source, article, name, TIMEOUT) for i, article in enumerate(articles)]
    results: list[Result | None] = [None] * len(tasks)

    def done(result: Result) -> None:
        results[result.index] = result
        if on_done is not None:
            on_done(result)

    if tasks:
        load_model(name)
        jobs = min(jobs or default_jobs(), len(tasks))
        if jobs <= 1:
            for task in tasks:
                done(_run(task))
        else:
            for result in _in_processes(tasks, jobs, name):
                done(result)
    return [r for r in results if r is not None]


@dataclass
class _Task:
    index: int
    location: str
    article: Article | None  # already loaded (standard input)
    model: str
    timeout: float


def _run(task: _Task) -> Result:
    """Load and analyse one input; every failure becomes the Result's error line."""
    from .analysis import analyze

    article = task.article
    try:
        if article is None:
            article = _load(task.location, task.timeout)
        return Result(task.location, article, analyze(article, task.model), None, task.index)
    except BylineError as exc:
        return Result(task.location, article, None, str(exc), task.index)
    except MemoryError:
        return Result(
            task.location, article, None, f"{one_line(task.location)}: not enough memory to analyse it", task.index
        )
    except Exception as exc:  # noqa: BLE001 - one input's bug must not stop the others
        return Result(
            task.location,
            article,
            None,
            f"{one_line(task.location)}: analysis failed ({type(exc).__name__}: {one_line(str(exc))[:200]})",
            task.index,
        )


def _load(location: str, timeout: float) -> Article:
    path = Path(location).expanduser()
    if location.strip() and location != "-" and not is_url(location) and path.is_dir():
        suffixes = " ".join(ARTICLE_SUFFIXES)
        raise ArticleError(f"{one_line(location)}: no article files ({suffixes}) in this folder")
    return load_article(location, timeout=timeout)


def _worker_start(model: str) -> None:
    """In each worker: leave ctrl+c to the parent, which stops the workers itself; have the
    pipeline (inherited when forked, loaded here otherwise)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .nlp import load_model

    load_model(model)


def _in_processes(tasks: list[_Task], jobs: int, model: str) -> Iterator[Result]:
    """Results as they finish, with at most two inputs per worker in flight: a finished result
    is handed on and dropped, never kept until the end."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start, initargs=(model,))
    finished_all = False
    try:
        todo = iter(tasks)
        running: dict[Future, _Task] = {}

        def fill() -> None:
            while len(running) < 2 * jobs:
                task = next(todo, None)
                if task is None:
                    return
                running[executor.submit(_run, task)] = task

        fill()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                task = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    result = Result(
                        task.location,
                        None,
                        None,
                        f"{one_line(task.location)}: the analysing process died (out of memory?)",
                        task.index,
                    )
                yield result
            fill()
        finished_all = True
    finally:
        if finished_all:
            executor.shutdown(wait=True)
        else:  # interrupted (ctrl+c, a closed pipe): the workers stop now, not after their article
            processes = list((getattr(executor, "_processes", None) or {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                if process.is_alive():
                    process.terminate()
