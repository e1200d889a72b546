"""Plain-text articles: bytes from a file or standard input to clean, displayable text.

The loaded text is what every offset refers to (analysis, annotations, exports), so all
normalisation happens here, once, and keeps one character for one character wherever it can.
Other loaders (Markdown, HTML) end here too, with `from_text`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..errors import ArticleError
from ..visible import visible
from .article import Article, title_of

#: Larger files are refused: a news article is tens of kilobytes, this is a hundred times more.
MAX_BYTES = 8 * 1024 * 1024


def clean_text(raw: str) -> str:
    """Normalise line ends and make control characters visible instead of live."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = visible(text)
    return text.strip("\n") + "\n" if text.strip() else ""


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 when it is, else the encoding charset-normalizer is sure of."""
    if not data.strip():
        raise ArticleError(f"{name} is empty: there is no article to read")
    if len(data) > MAX_BYTES:
        raise ArticleError(
            f"{name} is too large ({len(data) / 1e6:.1f} MB; at most {MAX_BYTES // 2**20} MiB): is it really an article?"
        )
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name} looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ArticleError(f"{name} is not text in any encoding Byline can recognise")
    text = str(best)
    printable = sum(ch.isprintable() or ch in "\n\t" for ch in text)
    if printable < 0.95 * len(text):
        raise ArticleError(f"{name} looks like a binary file, not text")
    return text


def from_text(raw: str, source: str, path: Path | None = None, **meta) -> Article:
    """An Article from decoded text; `meta` are Article's metadata fields (title, url, ...)."""
    text = clean_text(raw)
    if not text:
        raise ArticleError(f"{source} is empty: there is no article to read")
    title = meta.pop("title", None) or title_of(text)
    return Article(text=text, source=source, title=title, path=path, **meta)


def read_stdin() -> bytes:
    return sys.stdin.buffer.read(MAX_BYTES + 1)


def read_file(path: Path) -> bytes:
    """The bytes of an article file (at most MAX_BYTES + 1), or ArticleError with a reason."""
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleError(f"{path} is a directory; give an article file")
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def load(data: bytes, source: str, path: Path | None = None) -> Article:
    """A plain-text article from its bytes."""
    name = "standard input" if source == "<stdin>" else source
    return from_text(decode(data, name), source, path)
