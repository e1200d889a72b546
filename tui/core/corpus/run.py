"""One corpus run: read the items, skip what an earlier run did, batch the rest, hand the
batches to a runner and each outcome to the output, as it comes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..visible import one_line
from .engine import Outcome, Runner
from .inputs import Item

#: Articles sent to a worker at once: enough for full `nlp.pipe` batches, few enough that
#: every worker has work to the end of a small corpus.
BATCH_SIZE = 8


@dataclass
class Summary:
    """What a run did."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0  # done by an earlier run
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)


class Sink(Protocol):
    """Where a run's outcomes go (core/corpus/output.py, or the command line's printer)."""

    def done(self) -> set[str]:
        """The ids an earlier run finished, to skip."""
        ...

    def add(self, outcome: Outcome, source: str) -> None: ...


def run_corpus(
    items: Iterable[Item],
    runner: Runner,
    sink: Sink,
    batch_size: int = BATCH_SIZE,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Analyse every item not done before; each outcome goes to `sink`, then to `on_outcome`
    (a progress bar). An item whose id came earlier in this run is an error line."""
    summary = Summary()
    started = time.monotonic()
    done = sink.done()
    seen: set[str] = set()
    sources: dict[int, str] = {}

    def finished(outcome: Outcome) -> None:
        source = sources.pop(outcome.seq, outcome.id)
        sink.add(outcome, source)
        if outcome.error is None:
            summary.analysed += 1
        else:
            summary.failed += 1
            if len(summary.first_errors) < 3:
                summary.first_errors.append(outcome.error)
        if on_outcome is not None:
            on_outcome(outcome)

    def batches() -> Iterator[list[Item]]:
        batch: list[Item] = []
        seq = 0
        for item in items:
            if item.id in done:
                summary.skipped += 1
                continue
            item = replace(item, seq=seq)
            seq += 1
            sources[item.seq] = item.source or item.id
            if item.id in seen:
                error = f"{one_line(item.source or item.id)}: the id {one_line(item.id)!r} came before; this one is left out"
                finished(Outcome(item.id, None, None, error, item.seq))
                continue
            seen.add(item.id)
            if item.error is not None:  # nothing to send to a worker
                finished(Outcome(item.id, None, None, item.error, item.seq))
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    for outcomes in runner.run(batches()):
        for outcome in outcomes:
            finished(outcome)
    summary.seconds = time.monotonic() - started
    return summary
