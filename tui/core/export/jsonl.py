"""Prodigy / doccano span records (one line per article), and reading them back."""

from __future__ import annotations

from collections.abc import Iterator

from ..anchor import Anchor
from ..annotation import Annotation
from ..bundle import Bundle, article_meta
from ..entity_types import REJECTED
from ..sources import text_hash
from .jsontext import dumps
from .reading import (
    ENTITY_CODE,
    Found,
    Importer,
    NamedItem,
    anchor_in,
    as_list,
    each_record,
    entity_fix,
    fix_fields,
    named,
    reader_annotation,
    span_of,
    stable_id,
    text_of,
)


def render_jsonl(b: Bundle) -> str:
    """One record: the text, the model's entities and the reader's spans (labels, notes, entity
    corrections) in the Prodigy/doccano shape; the reader's other corrections, and orphans (no
    place in this text), in lists of their own so that an import brings every annotation back."""
    entity_fixes = [c for c in b.corrections if c.correction == "entity"]
    spans = [{"start": s, "end": e, "label": label, "source": "model"} for s, e, label in b.entity_spans()]
    corrected = {(c.start, c.end) for c in entity_fixes}
    spans = [s for s in spans if (s["start"], s["end"]) not in corrected]
    for c in entity_fixes:
        if c.entity != REJECTED:
            spans.append(
                {"start": c.start, "end": c.end, "label": c.entity, "source": "reader", "id": c.id, "correction": True}
            )
    for a in b.notes:
        if a.orphan:
            continue
        for label in a.labels or ["NOTE"]:
            # note_only: the span carries a note and no label (a label may be called NOTE, too)
            span = {
                "start": a.start,
                "end": a.end,
                "label": label,
                "source": "reader",
                "id": a.id,
                "note_only": not a.labels,
            }
            if a.note:
                span["note"] = a.note
            if a.passage_changed:  # the article was edited here since: what was tagged, and that
                span["tagged"], span["changed"] = a.tagged, True
            spans.append(span)
    spans.sort(key=lambda s: (s["start"], s["end"]))  # stable: an annotation's labels keep their order
    record = {
        "text": b.article.text,
        "spans": spans,
        "rejected": [{"start": c.start, "end": c.end, "id": c.id} for c in entity_fixes if c.entity == REJECTED],
        "corrections": [
            {"start": c.start, "end": c.end, "id": c.id, "fix": c.correction, "actor": c.actor, "quote": c.quote}
            for c in b.corrections
            if c.correction not in ("entity", "")
        ],
        "orphans": [
            {
                "id": a.id,
                "exact": a.anchor.exact,
                "prefix": a.anchor.prefix,
                "suffix": a.anchor.suffix,
                "start": a.start,
                "end": a.end,
                "labels": list(a.labels),
                "note": a.note,
                "tagged": a.tagged,
                **(
                    {"fix": a.correction, "entity": a.entity, "actor": a.actor, "quote": a.quote}
                    if a.kind == "correction"
                    else {}
                ),
            }
            for a in b.annotations
            if a.orphan
        ],
        "meta": article_meta(b.article),
    }
    return dumps(record) + "\n"


def record_names(record) -> tuple[str | None, str | None]:
    """(source, text sha256) a jsonl record names its article by; the text it carries counts."""
    if not isinstance(record, dict):
        return None, None
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    source = meta.get("url") if isinstance(meta.get("url"), str) else meta.get("source")
    sha = meta.get("sha256") if isinstance(meta.get("sha256"), str) else None
    if isinstance(record.get("text"), str):
        sha = text_hash(record["text"])
    return (source if isinstance(source, str) else None), sha


def _passage(base: str, text: str, span) -> tuple[Anchor | None, bool]:
    """The anchor of [start, end) of the record's text `base`, found again in the article `text`."""
    place = span_of(span)
    if place is None or not place[0] < place[1] <= len(base):
        return None, True
    return anchor_in(text, {"exact": base[place[0] : place[1]]}, {"start": place[0], "end": place[1]})


def annotations_from_jsonl(record, article_key: str, text: str) -> Found:
    """The reader's annotations of one jsonl record (spans with labels and notes, corrections,
    orphans) placed in `text`. The model's own spans are not annotations and are not counted."""
    found, seen, merged = Found(), dict[str, Annotation](), dict[str, Annotation]()
    if not isinstance(record, dict):
        found.skipped += 1
        return found
    base = record.get("text")
    if not isinstance(base, str):
        base = text

    def keep(ann: Annotation | None) -> None:
        if ann is None:
            found.skipped += 1
        else:
            found.add(ann, seen)

    for span in as_list(record.get("spans")):
        if isinstance(span, dict) and span.get("source") == "model":
            continue
        label = span.get("label") if isinstance(span, dict) else None
        if not isinstance(label, str) or span.get("source") != "reader":
            found.skipped += 1
            continue
        anchor, orphan = _passage(base, text, span)
        key = stable_id(span.get("id"), f"{span_of(span)}|{label}")
        if anchor is None or (span.get("correction") is True and not ENTITY_CODE.fullmatch(label)):
            found.skipped += 1
            continue
        if span.get("correction") is True:
            keep(entity_fix(key, article_key, anchor, orphan, label))
            continue
        ann = merged.get(key)
        if ann is None:
            tagged = span.get("tagged") if isinstance(span.get("tagged"), str) else None
            ann = merged[key] = Annotation(
                id=key, article=article_key, anchor=anchor, orphan=orphan, tagged=tagged or None
            )
            keep(ann)
        note_only = span.get("note_only") is True or ("note_only" not in span and label == "NOTE")
        if label.strip() and not note_only and label not in ann.labels:
            ann.labels.append(label)
        if isinstance(span.get("note"), str) and span["note"]:
            ann.note = span["note"]
    for rejected in as_list(record.get("rejected")):
        anchor, orphan = _passage(base, text, rejected)
        keep(
            None
            if anchor is None
            else entity_fix(
                stable_id(rejected.get("id"), f"{span_of(rejected)}|rejected"), article_key, anchor, orphan, REJECTED
            )
        )
    for fixed in as_list(record.get("corrections")):
        anchor, orphan = _passage(base, text, fixed)
        fields = fix_fields(fixed)
        keep(
            None
            if anchor is None or fields is None
            else Annotation(
                id=stable_id(fixed.get("id"), f"{span_of(fixed)}|{fields}"),
                article=article_key,
                anchor=anchor,
                kind="correction",
                orphan=orphan,
                **fields,
            )
        )
    for lost in as_list(record.get("orphans")):
        keep(_orphan(lost, article_key, text))
    return found


def _orphan(data, article_key: str, text: str) -> Annotation | None:
    """An orphan of the export: found again if its passage is in `text`, else kept as an orphan."""
    if not isinstance(data, dict):
        return None
    exact = data.get("exact") if isinstance(data.get("exact"), str) else ""
    labels = [x for x in as_list(data.get("labels")) if isinstance(x, str) and x.strip()]
    note = text_of(data.get("note")) or ""
    fields = fix_fields(data) if "fix" in data else None
    if not exact and (fields or not (labels or note)):
        return None
    if exact:
        anchor, orphan = anchor_in(text, data, data)
    else:
        anchor, orphan = Anchor("", "", "", 0, 0), True
    assert anchor is not None
    what = f"{exact}|{span_of(data)}|{labels}|{note}|{fields}"
    return reader_annotation(
        data.get("id"), what, article_key, anchor, orphan, labels, note, text_of(data.get("tagged")), fields
    )


def named_items(records: list) -> Iterator[NamedItem]:
    """Each record of a JSONL export with the article it names."""
    for record in records:
        yield named(*record_names(record), record)


IMPORTER = Importer(named_items, each_record(annotations_from_jsonl))
