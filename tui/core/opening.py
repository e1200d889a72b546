"""What the command line opens (the reader, export, voices, import --article): a file, a URL,
"-", or an article of the library by the path it was added from or its id. Light on purpose:
the library (and its store) is imported only when a name is no file, so opening a file starts
as fast as reading it."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ArticleError
from .sources import Article


def open_location(location: str | Path, *, timeout: float | None = None) -> Article:
    """What the command line opens (the reader, export, voices): a file, a URL or "-" as
    load_article reads it; else the library's article that the location names by its path as
    added (the file may be gone since), its id, or the start of its id, from the text the
    library kept."""
    from .paths import store_dir
    from .sources import is_url, load_article

    name = str(location)
    kwargs = {} if timeout is None else {"timeout": timeout}
    if name == "-" or is_url(name) or not name or _exists(name) or not store_dir().is_dir():
        return load_article(location, **kwargs)
    from .library import Library

    library = Library()
    key = library.lookup(name)
    if key is None:
        try:
            return load_article(location, **kwargs)
        except ArticleError as exc:
            if library.problem:
                raise ArticleError(f"{exc}; the library could not be searched for it: {library.problem}") from None
            raise ArticleError(f"{exc}, and no article of the library has that path or id") from None
    return library.open(key)


def _exists(name: str) -> bool:
    try:
        return os.path.lexists(Path(name).expanduser())
    except (OSError, ValueError, RuntimeError):
        return False
