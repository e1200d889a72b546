"""Prodigy / doccano span records (one line per article), and reading them back."""

from __future__ import annotations

import json

from ..annotation import Annotation
from ..entity_types import REJECTED
from ..bundle import Bundle
from .reading import anchor_in, stable_id


def render_jsonl(b: Bundle) -> str:
    spans = [{"start": s, "end": e, "label": label, "source": "model"} for s, e, label in b.entity_spans()]
    corrected = {(c.start, c.end) for c in b.corrections}
    spans = [s for s in spans if (s["start"], s["end"]) not in corrected]
    for c in b.corrections:
        if c.entity != REJECTED:
            spans.append({"start": c.start, "end": c.end, "label": c.entity, "source": "reader", "id": c.id,
                          "correction": True})
    for a in b.notes:
        if a.orphan:
            continue
        for label in a.labels or ["NOTE"]:
            span = {"start": a.start, "end": a.end, "label": label, "source": "reader", "id": a.id}
            if a.note:
                span["note"] = a.note
            spans.append(span)
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    record = {
        "text": b.article.text,
        "spans": spans,
        "rejected": [{"start": c.start, "end": c.end, "id": c.id} for c in b.corrections if c.entity == REJECTED],
        "meta": {"source": b.article.source, "title": b.article.title, "sha256": b.article.sha256},
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def annotations_from_jsonl(records: list[dict], article_key: str, text: str) -> list[Annotation]:
    merged: dict[str, Annotation] = {}
    for record in records:
        for span in record.get("spans", []):
            if span.get("source") != "reader":
                continue
            start, end = int(span["start"]), int(span["end"])
            base_text = record.get("text") or text
            anchor, orphan = anchor_in(text, {"exact": base_text[start:end]}, {"start": start, "end": end})
            if anchor is None:
                continue
            key = stable_id(span.get("id"), f"{start}|{end}|{span.get('label')}")
            if span.get("correction"):
                merged[key] = Annotation(id=key, article=article_key, anchor=anchor, kind="correction",
                                         entity=span.get("label"), orphan=orphan)
                continue
            ann = merged.setdefault(key, Annotation(id=key, article=article_key, anchor=anchor, orphan=orphan))
            label = span.get("label")
            if label and label != "NOTE" and label not in ann.labels:
                ann.labels.append(label)
            if span.get("note"):
                ann.note = span["note"]
        for rejected in record.get("rejected", []):
            start, end = int(rejected["start"]), int(rejected["end"])
            anchor, orphan = anchor_in(text, {"exact": (record.get("text") or text)[start:end]}, {"start": start, "end": end})
            if anchor is not None:
                key = stable_id(rejected.get("id"), f"{start}|{end}|rejected")
                merged[key] = Annotation(id=key, article=article_key, anchor=anchor, kind="correction",
                                         entity=REJECTED, orphan=orphan)
    return list(merged.values())
