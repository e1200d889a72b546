"""Analysis in a separate process, started before the UI, so spaCy's import and load run on
another core while Textual starts and shows the text (threads would share one core: the GIL).

The reader's process starts it first thing (`Prefetch.ahead`), before the article is even read:
spaCy loads while the file is read or the page downloads, and the article follows by a pipe.
An article analysed before by the same pipeline and extraction code comes from the analysis
cache instead (cache.py): the process, if started, is stopped, and the result is there at once.
Each analysis made here is kept in the cache for next time, and what it found in the library
(library.py)."""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from .errors import BylineError

if TYPE_CHECKING:  # pragma: no cover - imported when used: the process starts before them
    from .model import Analysis
    from .sources import Article
    from .store import Store

#: Seconds a closing reader waits for the process to keep what it made (cache, library).
KEEPING = 5.0


def _child(conn: Connection, articles: Connection, model: str | None) -> None:
    from .analysis import analyze
    from .nlp import default_model, load_model

    try:
        name = model or default_model()
        try:
            load_model(name)  # while the parent reads the article and looks in the cache
        except Exception:  # noqa: BLE001 - said when the article comes: analyze loads it again
            pass
        try:
            article = articles.recv()
        except EOFError:
            return  # the analysis was in the cache, or the reader is gone
        analysis = analyze(article, name)
        conn.send(("ok", analysis.to_dict()))
        keep_analysis(article, name, analysis)
    except BylineError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - the parent shows it as a notification
        conn.send(("error", f"analysis failed: {type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def keep_analysis(article: Article, model: str, analysis: Analysis, store: Store | None = None) -> None:
    """After the reader has its analysis: keep it in the cache, and what it found in the library
    of `store` (its counts and people). Best effort: the reader works without, and a read-only or
    busy library says so itself. A prefetch does this in its process, off the reader's way."""
    from . import cache
    from .library import Library

    try:
        cache.store(article, model, analysis)
        Library(store).add(article, analysis)
    except Exception:  # noqa: BLE001 - a read-only or busy store: the session says so itself
        pass


class Prefetch:
    """One article's analysis, running in a forked process, or found in the cache.

    The app's own process never imports spaCy (analyses come from these processes or the
    cache), so a fork from the running app copies no model state; where a process cannot be
    started, the app analyses in a thread instead."""

    def __init__(self, model: str | None, cached: Analysis | None = None, method: str = "fork") -> None:
        self.model = model
        self.cached = cached
        self._received = False
        self.cancelled = False  # stopped by `cancel`: nobody will read the analysis
        if cached is not None:
            return
        ctx = multiprocessing.get_context(method)
        self._conn, child_end = ctx.Pipe(duplex=False)
        articles, self._articles = ctx.Pipe(duplex=False)
        process = ctx.Process  # type: ignore[attr-defined]  # every start method's context has it; typeshed's BaseContext not
        self._process = process(target=_child, args=(child_end, articles, model), daemon=True)
        self._process.start()
        child_end.close()
        articles.close()

    @classmethod
    def ahead(cls, model: str | None, method: str = "fork") -> Prefetch | None:
        """A process that imports spaCy and loads the pipeline now, before the article is read;
        `of` hands it the article. None where no process can be started (`method`: fork or spawn)."""
        if method not in multiprocessing.get_all_start_methods():
            return None
        try:
            return cls(model, method=method)
        except (OSError, ValueError):  # no process (limits, or file descriptors a host app hides)
            return None

    @classmethod
    def start(cls, article: Article, model: str | None, method: str = "fork") -> Prefetch | None:
        """The cached analysis, else one started in a process, else None where that is not
        available (the app then analyses in a thread)."""
        from .cache import cached

        found = cached(article, model)
        if found is not None:
            return cls(model, found)
        ahead = cls.ahead(model, method)
        return ahead._send(article) if ahead is not None else None

    def of(self, article: Article) -> Prefetch:
        """Analyse `article`, or serve its analysis from the cache and stop the process."""
        from .cache import cached

        found = cached(article, self.model)
        if found is not None:
            self.cancel()
            self._conn.close()
            self._articles.close()
            self.cached, self.cancelled = found, False
            return self
        return self._send(article)

    def _send(self, article: Article) -> Prefetch:
        """Hand the process its article (not in the cache: looked for already)."""
        try:
            self._articles.send(article)
        except OSError:  # the process is gone already: result() says so, the app analyses itself
            pass
        self._articles.close()
        return self

    def result(self) -> Analysis | None:
        """Wait for the analysis; None if the process died without one (analyse again here).

        Raises BylineError with the child's message when the analysis failed. The process goes
        on a moment to keep the analysis (cache, library); `finished` waits for that."""
        if self.cached is not None:
            return self.cached
        try:
            status, payload = self._conn.recv()
        except (EOFError, OSError):
            self._process.join(timeout=1)
            return None
        finally:
            self._conn.close()
        self._received = True
        if status == "error":
            raise BylineError(payload)
        from .model import Analysis

        return Analysis.from_dict(payload)

    def finished(self, timeout: float | None = None) -> bool:
        """Wait until the process has kept what it made; whether it has ended."""
        if self.cached is not None:
            return True
        self._process.join(timeout)
        return not self._process.is_alive()

    def leave(self) -> None:
        """The reader is closing: stop an analysis nobody will read; one that was read, wait a
        moment while its process keeps it (a daemon, which Python stops at exit: a quit just
        after the panel filled lost the analysis, and the article was analysed again)."""
        self.cancel()
        if self._received:
            self.finished(KEEPING)

    def cancel(self) -> None:
        """Stop an analysis nobody will read (once it was read, let the process keep it)."""
        if self.cached is None and not self._received and self._process.is_alive():
            self.cancelled = True
            self._process.terminate()
