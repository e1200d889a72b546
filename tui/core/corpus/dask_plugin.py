"""The Dask worker plugin that readies each worker for Byline as it joins the cluster (imported
only where Dask is used: distributed is a heavy import)."""

from __future__ import annotations

import ctypes
import os
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from distributed.metrics import time

#: A worker's diagnostics that wake its event loop while the analysis runs: the statistical
#: profiler walks the running task's Python stack every 10 ms, which cost pure-Python work such
#: as Byline's rules about a third of its time; the tick, every 20 ms, only measures how late
#: the event loop is. Idle, they kept about 3.5 % of a core busy in each worker (bench/corpus.py's
#: machine), and each wake takes the GIL from the analysis. The memory monitor and the
#: heartbeat, which the cluster needs, run on.
PAUSED = ("profile", "profile-cycle", "tick", "ticks")

#: glibc's mallopt parameters (malloc.h) and its initial mmap threshold.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, MMAP_DEFAULT = -1, -3, 128 * 1024
#: While a run lasts: freed memory is kept for the next batch up to this much, and blocks up to
#: half of it come from the heap (glibc's largest mmap threshold), not from fresh mmaps.
KEEP = 64 * 2**20


def _mallopt(param: int, value: int) -> bool:
    """Set a glibc malloc parameter of this process; False where there is no glibc."""
    try:
        return bool(ctypes.CDLL(None).mallopt(param, value))
    except (AttributeError, OSError):
        return False


class LoadPipeline(WorkerPlugin):
    """Each worker loads the pipeline when it starts (and when it joins later), so the first
    batch it is given costs what the others do; `analyze_batch` finds it loaded. While the
    plugin is registered (a Byline run), the worker's profiler and tick are paused, and its
    memory is kept for the next batch (below); all is as it was when the run unregisters it.

    Dask's nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536, so that memory freed
    is handed back to the system at once; for glibc that also fixes at 128 KiB the size from
    which a block is a fresh mmap. spaCy's arrays for a batch are bigger: every one was mapped,
    faulted in page by page and unmapped again, which cost the analysis about a fifth more CPU
    (bench/corpus.py's machine: 13 times the page faults, ten times the system time). While
    the run lasts, such a worker keeps up to KEEP of freed memory for the next batch."""

    name = "byline-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model
        self.paused: list[str] = []
        self.trim: int | None = None  # the worker's own trim threshold, to put back

    def setup(self, worker: Any) -> None:
        from ..nlp import load_model

        load_model(self.model)
        callbacks = getattr(worker, "periodic_callbacks", {})
        for name in PAUSED:
            callback = callbacks.get(name)
            if callback is not None and callback.is_running():
                callback.stop()
                self.paused.append(name)
        trim = os.environ.get("MALLOC_TRIM_THRESHOLD_", "")
        if trim.isdigit() and int(trim) < KEEP and _mallopt(M_TRIM_THRESHOLD, KEEP):
            _mallopt(M_MMAP_THRESHOLD, KEEP // 2)
            self.trim = int(trim)

    def teardown(self, worker: Any) -> None:
        callbacks = getattr(worker, "periodic_callbacks", {})
        if "tick" in self.paused and hasattr(worker, "_last_tick"):
            worker._last_tick = time()  # else its first tick would report the pause as a stall
        for name in self.paused:
            if name in callbacks:
                callbacks[name].start()
        self.paused = []
        if self.trim is not None:  # as the variable had set them (glibc's thresholds then stay fixed)
            _mallopt(M_TRIM_THRESHOLD, self.trim)
            _mallopt(M_MMAP_THRESHOLD, MMAP_DEFAULT)
            self.trim = None
