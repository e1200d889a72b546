"""Text that came from outside (articles, imported notes and labels, config, file names) is shown
as text: control and escape characters become visible pictures, never reach the terminal."""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, the C1 controls (0x80-0x9f; 0x9b is a one-byte CSI), and
#: lone surrogates (a file name's undecodable bytes, a JSON "\\ud800"): no terminal can be sent one.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


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
    return re.sub(r"[\n\r\t]", " ", visible(text))
