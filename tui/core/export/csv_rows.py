"""One spreadsheet row per item: each of the reader's annotations, then each quote and figure of
the analysis, every row with the article's title, source and URL, so rows from many articles can
sit in one sheet; and reading the annotations back (the other rows are the analysis': an import
leaves them)."""

from __future__ import annotations

import csv
import io

from ..annotation import Annotation
from ..bundle import Bundle
from ..visible import visible
from .reading import CSV_COLUMNS, Found, anchor_in, stable_id

#: What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The columns. `passage` is the text under the annotation now; `tagged` the passage as it was
#: tagged, and `changed` says "yes" when the article was edited there since.
#: An import knows the file by its first columns (CSV_COLUMNS), which older exports have too.
HEADER = [
    *CSV_COLUMNS,
    "created",
    "modified",
    "orphan",
    "tagged",
    "changed",
    "item",  # annotation | quote | figure
    "speaker",
    "kind",  # a quote's kind (direct, partial, reported), a figure's (count, money, …)
    "sourcing",  # a quote's kind of source: named, unnamed (a description) or anonymous (granted)
    "paragraph",
    "article",
    "source",
    "url",
]
#: What Excel needs to read a CSV file as UTF-8 ("—" and "é" intact): the --excel export starts so.
BOM = "\ufeff"
ANALYSIS_ITEMS = ("quote", "figure")


def cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading `'`
    (the OWASP rule), which spreadsheets hide and do not run. Every cell is also quoted, so a
    spreadsheet that splits on `;` cannot start a new, live cell inside one; and control
    characters are made visible, as everywhere a string from outside is shown."""
    text = visible("" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def uncell(text: str) -> str:
    """A cell's text as it was before `cell` guarded it against formulas."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def render_csv(b: Bundle) -> str:
    from ..report import quote_kind_word
    from .places import Places

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    art = b.article
    places = Places(art.text)
    about = [art.title, art.source, art.url or ""]
    for a in b.notes:
        labels = ";".join(cell(label) for label in a.labels)
        row: list[object] = [
            a.id,
            labels,
            a.note,
            a.start,
            a.end,
            a.passage,
            a.created,
            a.modified,
            "yes" if a.orphan else "",
            a.tagged,
            "yes" if a.passage_changed else "",
            "annotation",
            "",
            "",
            "",
            "" if a.orphan else places.paragraph(a.start),
            *about,
        ]
        writer.writerow([cell(v) for v in row])
    analysis = b.analysis
    for q in analysis.quotes if analysis is not None else []:
        where = places.paragraph(q.start)
        row = [
            "",
            "",
            "",
            q.start,
            q.end,
            q.text,
            "",
            "",
            "",
            "",
            "",
            "quote",
            q.speaker or "",
            quote_kind_word(q.kind),
            q.source or "",
        ]
        writer.writerow([cell(v) for v in [*row, where, *about]])
    for n in analysis.numbers if analysis is not None else []:
        row = ["", "", "", n.start, n.end, n.text, "", "", "", "", "", "figure", "", n.kind, ""]
        writer.writerow([cell(v) for v in [*row, places.paragraph(n.start), *about]])
    return buf.getvalue()


def annotations_from_csv(rows: list[dict], article_key: str, text: str) -> Found:
    """The annotations of a CSV export placed in `text`: by the passage and where it was, found
    again by its words if the text changed, else kept as orphans. A row's labels were joined
    with ';' (a label holding one comes back as two); control characters come back as their
    visible pictures, as the export wrote them."""
    mine = [row for row in rows if not (isinstance(row, dict) and row.get("item") in ANALYSIS_ITEMS)]
    return Found.of(mine, lambda row: _row(row, article_key, text))


def _number(value) -> int | None:
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 12 else None


def _row(row: object, article_key: str, text: str) -> Annotation | None:
    if not isinstance(row, dict):
        return None

    def field(name: str) -> str:
        value = row.get(name)
        return uncell(value) if isinstance(value, str) else ""

    labels = list(dict.fromkeys(x for x in (uncell(part) for part in field("labels").split(";")) if x.strip()))
    note, passage = field("note"), field("passage")
    start, end = _number(row.get("start")), _number(row.get("end"))
    if not passage or not (labels or note):
        return None
    anchor, orphan = anchor_in(text, {"exact": passage}, {"start": start, "end": end})
    if anchor is None:
        return None
    ann = Annotation(
        id=stable_id(field("id"), f"{passage}|{start}|{end}|{labels}|{note}"),
        article=article_key,
        anchor=anchor,
        labels=labels,
        note=note,
        orphan=orphan,
        tagged=field("tagged") or None,
    )
    for stamp in ("created", "modified"):
        if field(stamp) and len(field(stamp)) <= 64:
            setattr(ann, stamp, field(stamp))
    return ann
