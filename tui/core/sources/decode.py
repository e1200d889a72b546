"""Bytes to text, for every loader: a byte-order mark, then what the source declared, then
UTF-16/32 recognised by their zero bytes, then UTF-8 (a few bad bytes replaced, with a warning),
then the encoding charset-normalizer is sure of. What none of them reads is refused in one line.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import ArticleError

#: Larger inputs are refused: a news article is tens of kilobytes, this is a hundred times more.
MAX_BYTES = 8 * 1024 * 1024

#: Byte-order marks, longest first (UTF-32-LE's mark begins with UTF-16-LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: How much of the input the zero-byte test looks at.
_SAMPLE = 8192
#: Zero bytes a text may have (shown as ␀) when it is valid UTF-8 otherwise; binary data has more.
_STRAY_NULS = 2


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def size_text(size: int) -> str:
    """A byte count as people read it: "52.0 MB", "840 kB"."""
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    if size >= 1_000:
        return f"{size / 1e3:.0f} kB"
    return f"{size} bytes"


def too_large(name: str, size: int | None) -> ArticleError:
    """The one-line refusal of an input over MAX_BYTES; `size` is its real size when known."""
    limit = f"at most {MAX_BYTES // 2**20} MiB"
    said = size_text(size) if size is not None else f"more than {MAX_BYTES // 2**20} MiB"
    return ArticleError(f"{name} is too large ({said}; {limit}): is it really an article?")


def decode(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode an article's bytes; `declared` is the charset its source named (HTTP, <meta>)."""
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name, f"{name} says it is {encoding.upper()} but is not")
    if declared:
        found = _declared(data, declared)
        if found is not None:
            return found
    wide = _wide_encoding(data[:_SAMPLE])
    if wide is not None:
        try:
            return Decoded(data.decode(wide), wide)
        except UnicodeDecodeError:
            pass
    nuls = data[:_SAMPLE].count(0)
    if nuls > _STRAY_NULS:
        raise ArticleError(f"{name} looks like a binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")  # a stray NUL is shown as ␀
    except UnicodeDecodeError:
        if nuls:
            raise ArticleError(f"{name} looks like a binary file, not text") from None
    return _mostly_utf8(data, name) or _detected(data, name)


def _strict(data: bytes, encoding: str, name: str, message: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        raise ArticleError(message) from None


#: Codecs Python calls text encodings that are no character set a page can be written in: they
#: encode domain names or Python literals, or fail on every byte. Declared, they are not declared.
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"})


def text_codec(declared: str) -> str | None:
    """The codec a declared charset (HTTP, `<meta>`) names, when it is a character encoding
    Python has; None for an unknown name, a bytes-to-bytes codec (`rot13`, `hex`, `base64`,
    `zlib`) or a codec that is no charset (`undefined`, `punycode`): the charset is then taken
    as not declared, and found from the bytes."""
    try:
        info = codecs.lookup(declared.strip().strip("\"'"))
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.replace("_", "-") in _NOT_CHARSETS:
        return None
    return info.name


def _declared(data: bytes, declared: str) -> Decoded | None:
    """The declared charset, when it is a character encoding and the bytes are in it; else None
    (guess)."""
    encoding = text_codec(declared)
    if encoding is None or encoding in ("utf-16", "utf-32"):
        return None  # unknown, not text, or without a mark the byte order is ours to find
    try:
        return Decoded(data.decode(encoding), encoding)
    except (UnicodeError, LookupError, ValueError):
        return None


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the zero bytes fall: text in
    those encodings has a zero in the same place of nearly every unit, binary data does not."""
    if len(sample) < 4:
        return None
    for width, le, be in ((4, "utf-32-le", "utf-32-be"), (2, "utf-16-le", "utf-16-be")):
        units = len(sample) // width
        if units < 2:
            continue
        counts = [sample[k : units * width : width].count(0) for k in range(width)]
        if width == 4:
            if counts[2] == counts[3] == units and counts[1] >= 0.9 * units and counts[0] < 0.1 * units:
                return le
            if counts[0] == counts[1] == units and counts[2] >= 0.9 * units and counts[3] < 0.1 * units:
                return be
        else:
            if counts[1] >= 0.6 * units and counts[0] < 0.05 * units:
                return le
            if counts[0] >= 0.6 * units and counts[1] < 0.05 * units:
                return be
    return None


def _mostly_utf8(data: bytes, name: str) -> Decoded | None:
    """UTF-8 with a few bad bytes (a stray Latin-1 byte, a cut-off character) stays UTF-8: decoding
    the whole text as another encoding would turn every accented letter into mojibake. It is
    UTF-8 when it has more valid multi-byte characters than bad bytes."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())  # a real U+FFFD in the file is no bad byte
    good = len(text) - len(text.encode("ascii", "ignore")) - replaced
    if bad <= 0 or good < bad:
        return None
    noun = "byte sequence" if bad == 1 else "byte sequences"
    return Decoded(text, "utf-8", (f"{name}: {bad} invalid UTF-8 {noun} shown as \ufffd",))


def _detected(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ArticleError(f"{name} is not text in any encoding Byline can recognise")
    text = str(best)
    printable = sum(ch.isprintable() or ch in "\n\t\r" for ch in text)
    if printable < 0.95 * len(text):
        raise ArticleError(f"{name} looks like a binary file, not text")
    return Decoded(text, best.encoding)
