"""One spreadsheet row per annotation."""

from __future__ import annotations

import csv
import io

from ..bundle import Bundle
from ..visible import visible

#: What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading `'`
    (the OWASP rule), which spreadsheets hide and do not run. Every cell is also quoted, so a
    spreadsheet that splits on `;` cannot start a new, live cell inside one; and control
    characters are made visible, as everywhere a string from outside is shown."""
    text = visible("" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


#: The columns. `passage` is the text under the annotation now; `tagged` the passage as it was
#: tagged, and `changed` says "yes" when the article was edited there since.
HEADER = ["id", "labels", "note", "start", "end", "passage", "created", "modified", "orphan", "tagged", "changed"]


def render_csv(b: Bundle) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    for a in b.notes:
        labels = ";".join(cell(label) for label in a.labels)
        row = [a.id, labels, a.note, a.start, a.end, a.passage, a.created, a.modified, "yes" if a.orphan else "",
               a.tagged, "yes" if a.passage_changed else ""]
        writer.writerow([cell(v) for v in row])
    return buf.getvalue()
