"""Where articles come from: one loader per kind of input, behind `load(location) -> Article`.

A location is a path, or "-" for standard input. The loader is chosen by what the input is, so
every kind ends in the same Article whose text all offsets refer to.
"""

from __future__ import annotations

from pathlib import Path

from .article import Article, text_hash, title_of
from .text import from_text, read_file, read_stdin
from . import text as _text

__all__ = ["Article", "from_text", "load_article", "seed_path", "text_hash", "title_of"]


def load_article(location: str | Path) -> Article:
    """Open an article, raising ArticleError with a one-line reason when it cannot be read."""
    if str(location) == "-":
        return _text.load(read_stdin(), "<stdin>")
    path = Path(location).expanduser()
    data = read_file(path)
    return _text.load(data, str(path), path.resolve())


def seed_path() -> Path:
    """The bundled sample article, the default when no file is given."""
    from importlib.resources import files

    return Path(str(files("byline.seeds") / "nato_riga.txt"))
