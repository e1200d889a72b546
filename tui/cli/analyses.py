"""`byline add --analyses RESULTS`: bring articles analysed elsewhere (`byline analyze
--output`, on a cluster perhaps) into the library as they are, without loading spaCy.

Read a shard at a time and handed to the library in batches (`Library.add_batch`, bulk.py), so
memory stays flat and a library of any size takes the whole archive at the same pace. A batch
holds a million small objects alive (its analyses and the catalogue rows made of them), so the
cycle collector is paused meanwhile and run once between batches (it walked them 29 times in
4,000 articles: 1 ms of CPU an article). An
analysis made by this very pipeline and extraction code also goes into the analysis cache, so
the reader opens those articles at once.
The summary line and exit status are those of `byline add`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Articles handed to the library at once.
CHUNK = 1000


def add_analyses(location: str, bar: Callable[[int], Any]) -> int:
    """Add every article of RESULTS; `bar(total)` makes `byline add`'s progress display."""
    import gc

    from ..core import cache
    from ..core.cache import extraction_version, model_version
    from ..core.collector import cycle_collector_paused
    from ..core.corpus.results import read_results
    from ..core.errors import StoreError
    from ..core.visible import one_line
    from .library import Kept, open_library, warn

    library = open_library()
    if library.readonly:
        raise StoreError(library.problem or "the library is read-only")
    kept = Kept(library)
    progress = bar(_count(location))
    pending: list[tuple] = []
    failed = 0
    current: dict[str, tuple[str | None, str]] = {}

    def flush() -> None:
        if pending:
            kept.add(pending)
            pending.clear()
            gc.collect()  # what cycles the batch left: at most one batch's wait

    def cacheable(model: str, versions: tuple[str | None, str | None]) -> bool:
        if model not in current:
            current[model] = (model_version(model), extraction_version())
        return current[model][0] is not None and versions == current[model]

    with cycle_collector_paused():
        try:
            for found in read_results(location):
                if found.error is not None or found.article is None or found.analysis is None:
                    failed += 1
                    progress.step(None, one_line(found.error or found.id))
                    continue
                if cacheable(found.analysis.model, found.versions):
                    cache.store(found.article, found.analysis.model, found.analysis)
                pending.append((found.article, found.analysis))
                progress.step(one_line(found.article.title or found.id)[:60])
                if len(pending) >= CHUNK:
                    flush()
        finally:
            progress.close()
            flush()  # what was read is kept, even when interrupted
    warn(library)
    return kept.status(failed)


def _count(location: str) -> int:
    """How many articles the results hold (a Parquet footer, or the lines of a file): for the bar."""
    from pathlib import Path

    path = Path(location).expanduser()
    try:
        if path.is_dir():
            import pyarrow.parquet as pq

            return sum(pq.ParquetFile(f).metadata.num_rows for f in (path / "articles").glob("part-*.parquet"))
        with open(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except Exception:  # noqa: BLE001 - only the bar's total: reading reports what is wrong
        return 0
