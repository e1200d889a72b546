"""brat standoff: an .ann file of text-bound annotations and notes."""

from __future__ import annotations

import re
from pathlib import Path

from ..bundle import Bundle
from ..errors import ExportError
from ..visible import one_line
from .files import regular_file


def _brat_fragments(text: str, start: int, end: int) -> str:
    parts, pos = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            lo = pos + (len(line) - len(line.lstrip()))
            hi = pos + len(line.rstrip())
            parts.append(f"{lo} {hi}")
        pos += len(line) + 1
    return ";".join(parts)


def _brat_type(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", label) or "Note"


def render_brat(b: Bundle) -> str:
    text = b.article.text
    lines, t = [], 0
    for start, end, label in b.entity_spans():
        t += 1
        lines.append(f"T{t}\t{_brat_type(label)} {_brat_fragments(text, start, end)}\t{text[start:end]}")
    notes = 0
    for a in b.notes:
        if a.orphan or not a.passage.strip():
            continue
        for label in a.labels or ["Note"]:
            t += 1
            shown = " ".join(text[a.start : a.end].split("\n"))
            lines.append(f"T{t}\t{_brat_type(label)} {_brat_fragments(text, a.start, a.end)}\t{shown}")
            if a.note:
                notes += 1
                lines.append(f"#{notes}\tAnnotatorNotes T{t}\t{one_line(' '.join(a.note.split()))}")
    return "\n".join(lines) + ("\n" if lines else "")


def brat_paths(output: str | Path, with_text: bool = False) -> list[Path]:
    """The .ann file (and, when asked for, the .txt beside it) a brat export writes.

    `-o story.txt` names the text file itself, which counts as asking for it. A folder, or a
    name that ends in a separator, is refused: brat's two files are named after a file."""
    raw = str(output)
    path = Path(raw).expanduser()
    if not raw.strip():
        raise ExportError("brat needs a file name to write, such as -o story.ann")
    if raw.endswith(("/", "\\")) or path.name in ("", ".", "..") or path.is_dir():
        raise ExportError(
            f"{one_line(raw)} is a folder: give brat a file name, such as {one_line(str(path / 'story.ann'))}"
        )
    if path.exists() and not path.is_file():
        raise ExportError(f"{one_line(raw)} is not a file: give brat a file name, such as story.ann")
    named_text = path.suffix == ".txt"
    base = path.with_suffix("") if path.suffix in (".ann", ".txt") else path
    found = [base.with_name(base.name + ".ann")]
    if with_text or named_text:
        found.append(base.with_name(base.name + ".txt"))
    return found


def brat_text_note(ann: Path, text: str) -> str | None:
    """What a brat user must know about the text beside `ann`: brat shows an .ann over the .txt
    of the same name, and the offsets index Byline's text (line ends, encoding and control
    characters normalised), so that file must hold exactly that text."""
    txt = ann.with_suffix(".txt")
    shown = one_line(str(txt))
    if not txt.exists():
        return f"brat needs {shown} beside it with the article's text: add --with-text to write it"
    if not regular_file(txt):
        return f"{shown} beside it is not a regular file: brat cannot read the article from it"
    try:
        same = txt.read_bytes() == text.encode("utf-8")
    except OSError:
        same = False
    if same:
        return None
    return (
        f"{shown} beside it is not the text the offsets index (Byline normalises line ends, "
        f"encoding and control characters): export under another name with --with-text"
    )


def brat_note(written: list[Path], text: str) -> str | None:
    """After an export of the .ann alone: what the user must know about the .txt beside it."""
    return brat_text_note(written[0], text) if len(written) == 1 else None
