"""Analysis in a separate process, started before the UI, so spaCy's import and load run on
another core while Textual starts and shows the text (threads would share one core: the GIL).

An article analysed before by the same pipeline and extraction code comes from the analysis
cache instead (cache.py): no process, no spaCy, the result at once. Each analysis made here is
kept in the cache for next time."""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection

from .sources import Article
from .errors import BylineError
from .model import Analysis


def _child(conn: Connection, article: Article, model: str | None) -> None:
    from .analysis import analyze
    from .nlp import default_model

    try:
        name = model or default_model()
        analysis = analyze(article, name)
        conn.send(("ok", analysis.to_dict()))
        from .cache import store

        store(article, name, analysis)
    except BylineError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - the parent shows it as a notification
        conn.send(("error", f"analysis failed: {type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class Prefetch:
    """One article's analysis, running in a forked process, or found in the cache."""

    def __init__(self, article: Article, model: str | None, cached: Analysis | None = None) -> None:
        self.cached = cached
        if cached is not None:
            return
        ctx = multiprocessing.get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_child, args=(child_end, article, model), daemon=True)
        self._process.start()
        child_end.close()

    @classmethod
    def start(cls, article: Article, model: str | None) -> "Prefetch | None":
        """The cached analysis, else one started in a process, else None where fork is not
        available (the app then analyses in a thread)."""
        from .cache import cached

        found = cached(article, model)
        if found is not None:
            return cls(article, model, found)
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        try:
            return cls(article, model)
        except OSError:
            return None

    def result(self) -> Analysis | None:
        """Wait for the analysis; None if the process died without one (analyse again here).

        Raises BylineError with the child's message when the analysis failed."""
        if self.cached is not None:
            return self.cached
        try:
            status, payload = self._conn.recv()
        except (EOFError, OSError):
            return None
        finally:
            self._conn.close()
            self._process.join(timeout=1)
        if status == "error":
            raise BylineError(payload)
        return Analysis.from_dict(payload)

    def cancel(self) -> None:
        if self.cached is None and self._process.is_alive():
            self._process.terminate()
