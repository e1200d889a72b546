"""Loading an article: from a path or standard input to clean, displayable text.

The loaded text is what every offset refers to (analysis, annotations, exports), so all
normalisation happens here, once, and keeps one character for one character wherever it can.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError

#: Larger files are refused: a news article is tens of kilobytes, this is a hundred times more.
MAX_BYTES = 8 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    """An article as the reader sees it."""

    text: str
    source: str
    title: str
    path: Path | None = None

    @property
    def sha256(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _visible_control(match: re.Match[str]) -> str:
    """Show a control character (an escape code's ESC, a bell) as its Unicode picture, 1:1."""
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def clean_text(raw: str) -> str:
    """Normalise line ends and make control characters visible instead of live."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _CONTROL.sub(_visible_control, text)
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


def title_of(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""


def from_text(raw: str, source: str, path: Path | None = None) -> Article:
    text = clean_text(raw)
    if not text:
        raise ArticleError(f"{source} is empty: there is no article to read")
    return Article(text=text, source=source, title=title_of(text), path=path)


def load_article(path: str | Path) -> Article:
    """Open `path` (or standard input for "-"), raising ArticleError with a one-line reason."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return from_text(decode(data, "standard input"), "<stdin>")
    p = Path(path).expanduser()
    if not p.exists():
        raise ArticleError(f"{p}: no such file")
    if p.is_dir():
        raise ArticleError(f"{p} is a directory; give an article file (.txt or .md)")
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return from_text(decode(data, str(p)), str(p), p.resolve())


def seed_path() -> Path:
    """The bundled sample article, the default when no file is given."""
    from importlib.resources import files

    return Path(str(files("byline.seeds") / "nato_riga.txt"))
