"""brat standoff: an .ann file of text-bound annotations and notes."""

from __future__ import annotations

import re

from ..bundle import Bundle
from ..visible import one_line


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
