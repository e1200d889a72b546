"""`byline [FILE | URL | ID | -]`: open the reader on an article: a file, a web page, a library
article (by its path as added, even when the file is gone, or by its id), or standard input."""

from __future__ import annotations

import argparse
import os
import sys

from ..core.errors import BylineError


def _library_has_articles() -> bool:
    from ..core.library import Library

    try:
        return bool(Library().entries())
    except BylineError:
        return True  # the library screen says what is wrong with it


def build_app(file: str | None, model: str | None = None):
    """Open the article and make the app; the analysis starts first, in another process, which
    loads spaCy while the article is read (and Textual starts and shows the text), unless the
    analysis is in the cache. With no article named: the library when it holds articles, else
    the bundled sample."""
    from ..core.nlp import default_model
    from ..core.prefetch import Prefetch

    model = model or default_model()
    if file is None and _library_has_articles():
        from ..app import BylineApp

        return BylineApp(None, model=model)
    ahead = Prefetch.ahead(model)
    try:
        article = _article(file)
    except BaseException:
        if ahead is not None:
            ahead.cancel()
        raise
    prefetch = ahead.of(article) if ahead is not None else Prefetch.start(article, model)
    from ..app import BylineApp

    return BylineApp(article, model=model, prefetch=prefetch)


def _article(file: str | None):
    from ..core.opening import open_location
    from ..core.sources import load_article, seed_path

    return open_location(file) if file is not None else load_article(seed_path())


def keys_from_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    if sys.stdin.isatty():
        return
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise BylineError("the article came on standard input and there is no terminal to read keys from") from None
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False, encoding="utf-8")  # noqa: SIM115 - fd 0 lives as long as we do


def run(opts: argparse.Namespace) -> int:
    app = build_app(opts.file, opts.model)
    if opts.file == "-":
        keys_from_terminal()
    app.run()
    return app.return_code or 0
