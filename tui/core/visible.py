"""Text that came from outside (articles, imported notes and labels, config, file names) is shown
as text: control and escape characters become visible pictures, never reach the terminal.

`visible()` is the one function that decides it; `VisibleOutput` puts every write of a command to
the terminal through it (and through the terminal's own encoding, whatever it is), so no line a
command prints can carry an escape code, a lone surrogate of an undecodable file name, or a
character the terminal cannot encode."""

from __future__ import annotations

import codecs
import re
from typing import Any, TextIO

#: C0 controls but tab and newline, DEL, the C1 controls (0x80-0x9f; 0x9b is a one-byte CSI), and
#: lone surrogates (a file name's undecodable bytes, a JSON "\\ud800"): no terminal can be sent one.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BREAKS = re.compile(r"[\n\r\t]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, one for one
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # a C1 control or a lone surrogate has no picture of its own


def visible(text: str) -> str:
    """`text` with every control character but tab and newline made visible, one for one, so
    offsets into it stay those of the original."""
    return _CONTROL.sub(_picture, text)


def one_line(text: str) -> str:
    """`visible(text)` on one line: line breaks and tabs become spaces (list rows, titles)."""
    return _BREAKS.sub(" ", visible(text))


#: How much of a name (a path, a URL) a message shows: a URL of 5,000 characters is no message.
NAME_LIMIT = 160


def shown_name(text: str, limit: int = NAME_LIMIT) -> str:
    """A name for a message: `one_line`, its middle cut with "…" when longer than `limit`, so
    both its start (the site, the folder) and its end (the file) stay."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    half = (limit - 1) // 2
    return line[:half] + "…" + line[-(limit - 1 - half) :]


def _utf(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "utf-8").name.startswith("utf")
    except LookupError:
        return False


class VisibleOutput:
    """A terminal stream (standard output or error) whose every write goes through `visible()`,
    and through the stream's encoding with "?" for what it cannot encode (a Latin-1 or ASCII
    terminal): a command never fails halfway because of what it prints. Anything else (the byte
    `buffer` an export writes to, `isatty`, `fileno`) is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        encoding = getattr(stream, "encoding", None)
        self._encoding = None if _utf(encoding) else encoding

    def write(self, text: str) -> int:
        shown = visible(text)
        if self._encoding:
            shown = shown.encode(self._encoding, "replace").decode(self._encoding, "replace")
        self.stream.write(shown)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
