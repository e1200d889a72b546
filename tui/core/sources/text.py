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
from ..visible import shown_name, visible
from .article import Article, title_of
from .decode import MAX_BYTES, decode, too_large

__all__ = ["MAX_BYTES", "clean_text", "from_text", "load", "read_file", "read_stdin"]

#: Unicode's own line and paragraph separators: str.splitlines() and some widgets break lines
#: there, our offsets would not; they become plain line ends (one character for one).
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


#: A line longer than this is no paragraph of an article (a news paragraph is a few hundred
#: characters): it is broken at a sentence end, so that no part of Byline (the parse, the rules,
#: the article pane) pays for one enormous line.
LONG_LINE = 10_000
_SENTENCE_ENDS = (". ", "? ", "! ", '." ', ".\u201d ", "?\u201d ", "!\u201d ", ".\u2019 ", '?" ', '!" ')


def break_long_lines(text: str, limit: int = LONG_LINE) -> str:
    """Break every line longer than `limit` at its last sentence end (else its last space) within
    each stretch of `limit` characters: that space becomes a line break, one character for one,
    so every offset into the text stays what it was. A stretch with no space stays as it is."""
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text
    chars = list(text)
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pos = start
        while end - pos > limit:
            lo, hi = pos + limit // 2, pos + limit
            cut = max(
                (text.rfind(mark, lo, hi) + len(mark) - 1 for mark in _SENTENCE_ENDS if text.rfind(mark, lo, hi) >= 0),
                default=-1,
            )
            if cut < 0:
                cut = text.rfind(" ", pos + 1, hi)
            if cut <= pos:
                pos = hi  # no space in a whole stretch: nothing to break at here
                continue
            chars[cut] = "\n"
            pos = cut + 1
        start = end + 1
    return "".join(chars)


def clean_text(raw: str) -> str:
    """Normalise line ends, make control characters visible instead of live, and break lines no
    article has (see LONG_LINE); one character for one throughout."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").translate(_SEPARATORS)
    if not text.strip():
        return ""  # white space only (form feeds too): nothing to read
    return break_long_lines(visible(text).strip("\n") + "\n")


def from_text(raw: str, source: str, path: Path | None = None, **meta) -> Article:
    """An Article from decoded text; `meta` are Article's metadata fields (title, url, ...)."""
    text = clean_text(raw)
    if not text:
        raise ArticleError(f"{display_name(source)} is empty: there is no article to read")
    title = meta.pop("title", None) or title_of(text)
    # `source` names the input in messages, exports and the index: visible text (a file name's
    # undecodable bytes as U+FFFD); `path` keeps the name as the bytes it is, to open it again
    return Article(text=text, source=visible(source), title=title, path=path, **meta)


def display_name(source: str) -> str:
    """How an input is named in messages: visible, on one line."""
    return "standard input" if source == "<stdin>" else shown_name(source)


def read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large("standard input", None)
    return data


def read_file(path: Path) -> bytes:
    """The bytes of an article file, or ArticleError with a reason (its real size when too large)."""
    name = shown_name(str(path))
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
