"""Analysing a corpus in batches: one pure function, and the runners that spread it.

`analyze_batch(items, model)` loads each item's article, parses the texts of the whole batch
through one `nlp.pipe` stream and reads each parse with Byline's rules. It depends on nothing
but its arguments and the installed pipeline (loaded once per process), so it runs the same in
this process, in local worker processes, on the workers of a Dask cluster, or as a Spark or Ray
UDF. An item that fails is an Outcome with its one-line error; the others go on.

Runners take an iterable of batches and give back the outcomes of each batch as it finishes,
never keeping more than a few batches in flight: memory stays flat whatever the corpus's size.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import BylineError
from ..model import Analysis
from ..sources import Article
from ..sources.fetch import TIMEOUT
from ..visible import one_line
from .inputs import Item, carried, to_article

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

#: Paragraphs handed to spaCy at once (each at most analysis.MAX_CHUNK characters).
PIPE_BATCH = 64

#: One batch parsed at a time in a process. The analysis holds the GIL, so a second thread (a
#: Dask worker with --nthreads 2) would gain nothing but a second batch's memory; and a memory
#: zone belongs to the whole vocabulary, so another thread's parse inside it would lose its
#: strings when it ends.
_PARSING = threading.Lock()
_warmed: set[int] = set()  # the pipelines (by id) whose first batch filled the tokenizer's cache


@dataclass
class Outcome:
    """What became of one item: its article and analysis, or the one line saying why not."""

    id: str
    article: Article | None
    analysis: Analysis | None
    error: str | None
    seq: int = 0  # its place in the corpus, for output in input order

    @property
    def ok(self) -> bool:
        return self.error is None


def analyze_batch(items: list[Item], model: str | None = None, timeout: float = TIMEOUT) -> list[Outcome]:
    """Analyse a batch of items: one Outcome each, in the same order."""
    from ..nlp import default_model, load_model

    name = model or default_model()
    nlp = load_model(name)
    outcomes: list[Outcome | None] = [None] * len(items)
    loaded: list[tuple[int, Article]] = []
    for i, item in enumerate(items):
        try:
            loaded.append((i, to_article(item, timeout)))
        except BylineError as exc:
            outcomes[i] = Outcome(item.id, None, None, str(exc), item.seq)
        except Exception as exc:  # noqa: BLE001 - one input's bug must not stop the others
            outcomes[i] = Outcome(item.id, None, None, _failed(item.source or item.id, "reading", exc), item.seq)
    with _transient_strings(nlp):
        docs: dict[int, Doc] = {}
        try:
            docs = dict(parse_many([a.text for _, a in loaded], nlp))
        except Exception:  # noqa: BLE001 - one text spaCy cannot take: parse them one by one below
            docs = {}
        for n, (i, article) in enumerate(loaded):
            outcomes[i] = _read(items[i], article, docs.pop(n, None), nlp, name)
        del docs  # no parse outlives the zone
    return [o for o in outcomes if o is not None]


@contextmanager
def _transient_strings(nlp: Language) -> Iterator[None]:
    """Parse a batch so that the pipeline forgets the words it met in it: every new word,
    name and number goes into spaCy's vocabulary for good, so a worker that reads a year of
    news grows without end (about 2 KiB an article here). Inside `nlp.memory_zone()` they are
    dropped when the batch is read (the outcomes hold plain strings, no parse). The zone also
    stops the tokenizer's cache from filling, so a process's first batch is parsed outside
    one, to fill it with the common words."""
    with _PARSING:
        if id(nlp) in _warmed:
            with nlp.memory_zone():
                yield
        else:
            _warmed.add(id(nlp))
            yield


def _read(item: Item, article: Article, doc: Doc | None, nlp: Language, model: str) -> Outcome:
    """Byline's rules on one parse (made here when the batch's parse failed)."""
    from ..analysis import analyze_doc, parse

    try:
        if doc is None:
            doc = parse(article.text, nlp)
        return Outcome(item.id, article, analyze_doc(doc, article, model), None, item.seq)
    except BylineError as exc:
        return Outcome(item.id, article, None, str(exc), item.seq)
    except MemoryError:
        return Outcome(item.id, article, None, f"{one_line(article.source)}: not enough memory to analyse it", item.seq)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the others
        return Outcome(item.id, article, None, _failed(article.source, "analysis", exc), item.seq)


def _failed(name: str, what: str, exc: BaseException) -> str:
    return f"{one_line(name)}: {what} failed ({type(exc).__name__}: {one_line(str(exc))[:200]})"


def parse_many(texts: list[str], nlp: Language) -> Iterator[tuple[int, Doc]]:
    """(index, parse) of each text, as `analysis.parse` parses it (paragraph by paragraph, joined
    into one Doc whose offsets are the text's), with the paragraphs of all the texts in one
    stream through `nlp.pipe`: the pipeline's batches are full whatever the articles' lengths.
    A text with nothing to parse has no parse here."""
    import numpy
    from spacy.tokens import Doc

    from ..analysis import paragraphs

    pieces = ((chunk, i) for i, text in enumerate(texts) for chunk in paragraphs(text))
    current, parts = 0, list[Doc]()

    def joined() -> Doc:
        if len(parts) == 1:
            return parts[0]
        doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
        assert doc.text == texts[current], "paragraph join changed the text"
        return doc

    for doc, i in nlp.pipe(pieces, as_tuples=True, batch_size=PIPE_BATCH):
        doc.tensor = numpy.zeros((0,), dtype="float32")  # our rules read parses, not vectors
        if i != current and parts:
            yield current, joined()
            parts = []
        current = i
        parts.append(doc)
    if parts:
        yield current, joined()


# -- runners ---------------------------------------------------------------------------------


class Runner:
    """Runs `analyze_batch` over batches; `run` gives each batch's outcomes as it finishes."""

    #: batches in flight at once: enough to keep every worker busy, few enough for flat memory
    window = 1

    def run(self, batches: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        raise NotImplementedError

    def close(self) -> None:
        """Stop what is still running (ctrl+c, a closed pipe): never wait for it."""


class InProcess(Runner):
    """In this process: one batch after another."""

    def __init__(self, model: str, timeout: float = TIMEOUT) -> None:
        self.model, self.timeout = model, timeout

    def run(self, batches: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield analyze_batch(batch, self.model, self.timeout)


def _worker_start(model: str) -> None:
    from ..batch import _worker_start as start

    start(model)


class Processes(Runner):
    """Local worker processes: forked after the pipeline is loaded here (they share it), or
    started fresh where fork is not available (each loads it once)."""

    def __init__(self, jobs: int, model: str, timeout: float = TIMEOUT) -> None:
        from ..nlp import load_model

        self.jobs, self.model, self.timeout = jobs, model, timeout
        self.window = 2 * jobs
        load_model(model)  # before forking: the workers share it
        self.executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self.executor = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=_worker_start, initargs=(self.model,)
            )
        return self.executor

    def run(self, batches: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        def submit(batch: list[Item]) -> Future:
            return self._pool().submit(analyze_batch, batch, self.model, self.timeout)

        def died(batch: list[Item]) -> list[Outcome]:
            why = "the analysing process died (out of memory?)"
            return [Outcome(i.id, None, None, f"{one_line(i.source or i.id)}: {why}", i.seq) for i in batch]

        yield from _windowed(batches, submit, self.window, died, self._broken)

    def _broken(self) -> None:
        """A worker died: the pool cannot be used again; the next batch starts a new one."""
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def close(self) -> None:
        if self.executor is None:
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        self.executor = None

    def finish(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.executor = None


def _windowed(
    batches: Iterable[list[Item]],
    submit: Callable[[list[Item]], Future],
    window: int,
    died: Callable[[list[Item]], list[Outcome]],
    broken: Callable[[], None],
) -> Iterator[list[Outcome]]:
    """At most `window` batches in flight; each batch's outcomes as it finishes. When a process
    dies, every batch of its pool is lost with it: their articles are tried again one at a time,
    each alone in the pool, so that only the article that kills a process (a text that takes
    all the memory) is reported, never its neighbours."""
    source = iter(batches)
    suspects: list[list[Item]] = []  # one article each, run alone
    running: dict[Future, list[Item]] = {}
    alone: set[Future] = set()

    def fill() -> None:
        if suspects:
            if not running:
                suspect = suspects.pop()
                future = submit(suspect)
                running[future] = suspect
                alone.add(future)
            return
        while len(running) < window:
            batch = next(source, None)
            if batch is None:
                return
            running[submit(batch)] = batch

    fill()
    while running:
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        lost = False
        for future in finished:
            batch = running.pop(future)
            was_alone = future in alone
            alone.discard(future)
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                lost = True
                if not (was_alone and len(batch) == 1):
                    suspects.extend([item] for item in reversed(batch))
                    continue
                outcomes = died(batch)
            except Exception as exc:  # noqa: BLE001 - a batch that could not travel: its articles fail, the run goes on
                outcomes = [Outcome(i.id, None, None, _failed(i.source or i.id, "analysis", exc), i.seq) for i in batch]
            yield outcomes
        if lost:  # the pool is broken: what ran in it is tried again, one article at a time
            for batch in running.values():
                suspects.extend([item] for item in reversed(batch))
            running.clear()
            alone.clear()
            broken()
        fill()


class Cluster(Runner):
    """The workers of a running Dask distributed cluster, reached through its scheduler."""

    def __init__(self, address: str, model: str, timeout: float = TIMEOUT, connect: float = 10) -> None:
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - a broken install
            raise BylineError("Dask distributed is not installed; reinstall byline") from None
        self.model, self.timeout = model, timeout
        _check_address(address)
        try:
            self.client = Client(address, timeout=connect, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BylineError(
                f"cannot reach the Dask scheduler at {one_line(address)} ({one_line(str(exc))[:160]})"
            ) from None
        try:
            from .dask_plugin import LoadPipeline

            self.client.register_plugin(LoadPipeline(model), name=LoadPipeline.name)
        except Exception as exc:  # noqa: BLE001 - a worker that cannot load the pipeline
            self.client.close()
            raise BylineError(
                f"the cluster's workers cannot load the pipeline {model!r}: {one_line(str(exc))[:200]}"
            ) from None
        threads = sum(self.client.nthreads().values()) or 1
        self.window = 2 * threads

    def run(self, batches: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        from distributed import as_completed

        source = iter(batches)
        retry: list[list[Item]] = []
        running: dict[Any, list[Item]] = {}
        pending = as_completed(loop=self.client.loop)

        def submit(batch: list[Item] | None = None) -> bool:
            batch = batch or (retry.pop() if retry else next(source, None))
            if batch is None:
                return False
            batch = [carried(item) for item in batch]  # the workers may be on other machines
            future = self.client.submit(analyze_batch, batch, self.model, self.timeout, pure=False)
            running[future.key] = batch
            pending.add(future)
            return True

        for _ in range(self.window):
            if not submit():
                break
        for future in pending:
            batch = running.pop(future.key)
            if future.status == "error":  # the batch killed its workers, or a bug: find which article
                exc = future.exception()
                future.release()
                if len(batch) > 1:
                    retry.extend([item] for item in reversed(batch))
                    submit()
                    continue
                why = f"the cluster could not analyse it ({type(exc).__name__}: {one_line(str(exc))[:160]})"
                outcomes = [Outcome(i.id, None, None, f"{one_line(i.source or i.id)}: {why}", i.seq) for i in batch]
            else:
                try:
                    outcomes = future.result()
                except Exception as exc:  # noqa: BLE001 - cancelled: the scheduler is gone
                    raise BylineError(
                        f"lost the Dask cluster ({type(exc).__name__}: {one_line(str(exc))[:160]}); what was "
                        "analysed is kept: run the same command again to go on"
                    ) from None
                future.release()
            yield outcomes
            submit()

    def close(self) -> None:
        """Unregister the plugin (the workers' profilers run again), then leave the cluster."""
        from .dask_plugin import LoadPipeline

        try:
            self.client.unregister_worker_plugin(LoadPipeline.name)
        except Exception:  # noqa: BLE001 - a cluster already gone: nothing to give back
            pass
        self.client.close()


def _check_address(address: str) -> None:
    """A scheduler's address as Dask writes it (tcp://host:8786, host:8786), or one line."""
    from distributed.comm import parse_address, parse_host_port

    try:
        _, location = parse_address(address)
        parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise BylineError(
            f"{one_line(address)} is no scheduler address ({one_line(str(exc))[:120]}); "
            "give one such as tcp://10.0.0.5:8786"
        ) from None
