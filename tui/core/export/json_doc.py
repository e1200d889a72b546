"""The analysis and the annotations in one JSON document, and reading its annotations back."""

from __future__ import annotations

from collections.abc import Iterator

from ..anchor import Anchor
from ..annotation import Annotation
from ..bundle import Bundle, article_meta
from .jsonl import record_names
from .jsontext import dumps
from .reading import (
    JSON_SCHEMA,
    Found,
    Importer,
    NamedItem,
    anchor_in,
    as_list,
    each_record,
    fix_fields,
    named,
    reader_annotation,
    span_of,
    text_of,
)


def render_json(b: Bundle) -> str:
    data = {
        "schema": JSON_SCHEMA,
        "article": {**article_meta(b.article), "text": b.article.text},
        "analysis": b.analysis.to_dict() if b.analysis else None,
        "labels": [{"name": lab.name, "key": lab.key, "color": lab.color} for lab in b.labels],
        # `tagged` is the passage as it was tagged; `passage_changed` says the text under the
        # anchor (anchor.exact) differs from it: the article was edited there since.
        "annotations": [
            {**a.to_dict(), "tagged": a.tagged, "passage_changed": a.passage_changed} for a in b.annotations
        ],
    }
    return dumps(data, indent=1) + "\n"


def document_names(doc) -> dict:
    """The article a JSON export names, in the shape of a jsonl record (meta, text), so both are
    known the same way: by URL or source, and by the hash of the text it carries."""
    article = doc.get("article") if isinstance(doc, dict) else None
    if not isinstance(article, dict):
        article = {}
    return {"meta": article, **({"text": article["text"]} if isinstance(article.get("text"), str) else {})}


def annotations_from_json(doc, article_key: str, text: str) -> Found:
    """The annotations and corrections of a JSON export, placed in `text` (found again by their
    words and context when the text is not the one they were made on; else kept as orphans)."""
    records = as_list(doc.get("annotations") if isinstance(doc, dict) else None)
    return Found.of(records, lambda record: _annotation(record, article_key, text))


def _annotation(record, article_key: str, text: str) -> Annotation | None:
    if not isinstance(record, dict):
        return None
    labels = list(dict.fromkeys(x for x in as_list(record.get("labels")) if isinstance(x, str) and x.strip()))
    note = text_of(record.get("note")) or ""
    fields = None
    if record.get("kind") == "correction":
        # an older Byline wrote entity corrections without `fix`
        fields = fix_fields({"fix": "entity", **record} if not record.get("fix") else record)
        if fields is None:
            return None
    where = record.get("anchor") if isinstance(record.get("anchor"), dict) else {}
    anchor, orphan = anchor_in(text, where, where)
    if anchor is None:
        if fields is not None or not (labels or note):
            return None  # a correction needs its passage; an empty record is nothing to keep
        anchor, orphan = Anchor("", "", "", 0, 0), True
    what = f"{anchor.exact}|{span_of(where)}|{labels}|{note}|{fields}"
    ann = reader_annotation(
        record.get("id"), what, article_key, anchor, orphan, labels, note, text_of(record.get("tagged")), fields
    )
    for stamp in ("created", "modified"):
        if isinstance(record.get(stamp), str) and len(record[stamp]) <= 64:
            setattr(ann, stamp, record[stamp])
    return ann


def named_items(doc) -> Iterator[NamedItem]:
    """A JSON export is one item: the document, with the article it names."""
    yield named(*record_names(document_names(doc)), doc)


IMPORTER = Importer(named_items, each_record(annotations_from_json))
