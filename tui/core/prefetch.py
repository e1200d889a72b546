"""Analysis in a separate process, started before the UI, so spaCy's import and load run on
another core while Textual starts and shows the text (threads would share one core: the GIL)."""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection

from .sources import Article
from .errors import BylineError
from .model import Analysis


def _child(conn: Connection, article: Article, model: str | None) -> None:
    from .analysis import analyze

    try:
        conn.send(("ok", analyze(article, model).to_dict()))
    except BylineError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - the parent shows it as a notification
        conn.send(("error", f"analysis failed: {type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class Prefetch:
    """One article's analysis, running in a forked process."""

    def __init__(self, article: Article, model: str | None) -> None:
        ctx = multiprocessing.get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_child, args=(child_end, article, model), daemon=True)
        self._process.start()
        child_end.close()

    @classmethod
    def start(cls, article: Article, model: str | None) -> "Prefetch | None":
        """Start one, or None where fork is not available (the app then analyses in a thread)."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        try:
            return cls(article, model)
        except OSError:
            return None

    def result(self) -> Analysis | None:
        """Wait for the analysis; None if the process died without one (analyse again here).

        Raises BylineError with the child's message when the analysis failed."""
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
        if self._process.is_alive():
            self._process.terminate()
