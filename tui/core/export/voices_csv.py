"""The voices export: who is quoted and how much, one row per voice (CSV), for a spreadsheet."""

from __future__ import annotations

import csv
import io

from ..bundle import Bundle
from ..errors import ExportError
from ..voices import Voices, voices
from .csv_rows import cell

CSV_COLUMNS = (
    "speaker",
    "actor_type",
    "roles",
    "quotes",
    "direct",
    "partial",
    "reported",
    "words",
    "share",
    "source",
    "articles",
)


def to_csv(found: Voices) -> str:
    """One row per voice, for a spreadsheet (cells that would run as formulas are neutralised)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for voice in found.voices:
        row = voice.to_dict()
        row["roles"] = "; ".join(row["roles"])
        writer.writerow([cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()


def render_voices(b: Bundle) -> str:
    """The voices of the article, one row per voice (CSV)."""
    if b.analysis is None:
        raise ExportError("the voices export needs the analysis; it is not there yet")
    return to_csv(voices(b.analysis, b.article.text))
