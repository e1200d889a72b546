"""One spreadsheet row per annotation."""

from __future__ import annotations

import csv
import io

from ..bundle import Bundle


def render_csv(b: Bundle) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "labels", "note", "start", "end", "passage", "created", "modified", "orphan"])
    for a in b.notes:
        writer.writerow([a.id, ";".join(a.labels), a.note, a.start, a.end, a.passage, a.created, a.modified,
                         "yes" if a.orphan else ""])
    return buf.getvalue()
