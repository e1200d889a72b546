"""The Dask worker plugin that readies each worker for Byline as it joins the cluster (imported
only where Dask is used: distributed is a heavy import)."""

from __future__ import annotations

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


class LoadPipeline(WorkerPlugin):
    """Each worker loads the pipeline when it starts (and when it joins later), so the first
    batch it is given costs what the others do; `analyze_batch` finds it loaded. While the
    plugin is registered (a Byline run), the worker's profiler and tick are paused; they run
    again when the run unregisters the plugin."""

    name = "byline-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model
        self.paused: list[str] = []

    def setup(self, worker: Any) -> None:
        from ..nlp import load_model

        load_model(self.model)
        callbacks = getattr(worker, "periodic_callbacks", {})
        for name in PAUSED:
            callback = callbacks.get(name)
            if callback is not None and callback.is_running():
                callback.stop()
                self.paused.append(name)

    def teardown(self, worker: Any) -> None:
        callbacks = getattr(worker, "periodic_callbacks", {})
        if "tick" in self.paused and hasattr(worker, "_last_tick"):
            worker._last_tick = time()  # else its first tick would report the pause as a stall
        for name in self.paused:
            if name in callbacks:
                callbacks[name].start()
        self.paused = []
