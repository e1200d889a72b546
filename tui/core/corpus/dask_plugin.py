"""The Dask worker plugin that readies each worker for Byline as it joins the cluster (imported
only where Dask is used: distributed is a heavy import)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

#: The worker's statistical profiler: it walks the running task's Python stack every 10 ms,
#: which costs pure-Python work such as Byline's rules about a third of its time (bench/corpus.py).
PROFILER = ("profile", "profile-cycle")


class LoadPipeline(WorkerPlugin):
    """Each worker loads the pipeline when it starts (and when it joins later), so the first
    batch it is given costs what the others do; `analyze_batch` finds it loaded. While the
    plugin is registered (a Byline run), the worker's profiler is paused; it runs again when
    the run unregisters the plugin."""

    name = "byline-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model
        self.paused: list[str] = []

    def setup(self, worker: Any) -> None:
        from ..nlp import load_model

        load_model(self.model)
        callbacks = getattr(worker, "periodic_callbacks", {})
        for name in PROFILER:
            callback = callbacks.get(name)
            if callback is not None and callback.is_running():
                callback.stop()
                self.paused.append(name)

    def teardown(self, worker: Any) -> None:
        callbacks = getattr(worker, "periodic_callbacks", {})
        for name in self.paused:
            if name in callbacks:
                callbacks[name].start()
        self.paused = []
