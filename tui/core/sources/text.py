"""Plain-text articles: bytes from a file or standard input to clean, displayable text.

The loaded text is what every offset refers to (analysis, annotations, exports), so all
normalisation happens here, once, and keeps one character for one character wherever it can.
Other loaders (Markdown, HTML) end here too, with `from_text`.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from ..errors import ArticleError
from ..visible import one_line, visible
from .article import Article, title_of
from .decode import MAX_BYTES, decode, too_large

__all__ = ["MAX_BYTES", "clean_text", "from_text", "load", "read_file", "read_stdin"]

#: Unicode's own line and paragraph separators: str.splitlines() and some widgets break lines
#: there, our offsets would not; they become plain line ends (one character for one).
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def clean_text(raw: str) -> str:
    """Normalise line ends and make control characters visible instead of live."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").translate(_SEPARATORS)
    if not text.strip():
        return ""  # white space only (form feeds too): nothing to read
    return visible(text).strip("\n") + "\n"


def from_text(raw: str, source: str, path: Path | None = None, **meta) -> Article:
    """An Article from decoded text; `meta` are Article's metadata fields (title, url, ...)."""
    text = clean_text(raw)
    if not text:
        raise ArticleError(f"{display_name(source)} is empty: there is no article to read")
    title = meta.pop("title", None) or title_of(text)
    return Article(text=text, source=source, title=title, path=path, **meta)


def display_name(source: str) -> str:
    """How an input is named in messages: visible, on one line."""
    return "standard input" if source == "<stdin>" else one_line(source)


def read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large("standard input", None)
    return data


def read_file(path: Path) -> bytes:
    """The bytes of an article file, or ArticleError with a reason (its real size when too large)."""
    name = one_line(str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArticleError(f"{name}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{name} is a directory; give an article file")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise too_large(name, info.st_size)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:  # it grew while we read, or it is a pipe or a device
        raise too_large(name, None)
    return data


def load(data: bytes, source: str, path: Path | None = None) -> Article:
    """A plain-text article from its bytes."""
    name = display_name(source)
    if not data.strip():
        raise ArticleError(f"{name} is empty: there is no article to read")
    decoded = decode(data, name)
    return from_text(decoded.text, source, path, warnings=decoded.warnings)
