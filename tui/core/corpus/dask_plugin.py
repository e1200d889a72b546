"""The Dask worker plugin that loads the spaCy pipeline once in each worker, as it joins the
cluster (imported only where Dask is used: distributed is a heavy import)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class LoadPipeline(WorkerPlugin):
    """Each worker loads the pipeline when it starts (and when it joins later), so the first
    batch it is given costs what the others do; `analyze_batch` finds it loaded."""

    name = "byline-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from ..nlp import load_model

        load_model(self.model)
