"""W3C Web Annotation (JSON-LD): the collection we write, and any W3C annotations we read back."""

from __future__ import annotations

import json
import uuid

from ..annotation import Annotation
from ..bundle import Bundle, source_uri
from .reading import anchor_in, as_list, stable_id

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def w3c_annotation(ann: Annotation, source: str) -> dict:
    body = [{"type": "TextualBody", "purpose": "tagging", "value": label} for label in ann.labels]
    if ann.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": ann.note, "format": "text/plain"})
    if ann.kind == "correction" and ann.entity:
        body.append({"type": "TextualBody", "purpose": "classifying", "value": f"entity:{ann.entity}"})
    motivation = "classifying" if ann.kind == "correction" else "commenting" if ann.note else "tagging" if ann.labels else "highlighting"
    return {
        "id": f"urn:uuid:{uuid.UUID(ann.id)}",
        "type": "Annotation",
        "motivation": motivation,
        "created": ann.created,
        "modified": ann.modified,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": ann.anchor.exact, "prefix": ann.anchor.prefix,
                 "suffix": ann.anchor.suffix},
                {"type": "TextPositionSelector", "start": ann.anchor.start, "end": ann.anchor.end},
            ],
        },
    }


def render_w3c(b: Bundle) -> str:
    source = source_uri(b.article)
    items = [w3c_annotation(a, source) for a in b.annotations]
    collection = {
        "@context": W3C_CONTEXT,
        "id": f"urn:sha256:{b.article.sha256}",
        "type": "AnnotationCollection",
        "label": b.article.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def w3c_items(data) -> list[dict]:
    if isinstance(data, list):
        return [x for x in data if isinstance(x, dict)]
    if not isinstance(data, dict):
        return []
    kind = data.get("type")
    if kind == "AnnotationCollection" or "first" in data:
        first = data.get("first") or {}
        items = first.get("items") if isinstance(first, dict) else None
        return [x for x in (items or data.get("items") or []) if isinstance(x, dict)]
    if kind == "AnnotationPage":
        return [x for x in data.get("items", []) if isinstance(x, dict)]
    return [data]


def target_source(item: dict) -> str | None:
    for target in as_list(item.get("target")):
        if isinstance(target, str):
            return target
        if isinstance(target, dict) and isinstance(target.get("source"), str):
            return target["source"]
    return None


def _selectors(item: dict) -> tuple[dict | None, dict | None]:
    quote = position = None
    for target in as_list(item.get("target")):
        if not isinstance(target, dict):
            continue
        for sel in as_list(target.get("selector")):
            if isinstance(sel, dict):
                if sel.get("type") == "TextQuoteSelector":
                    quote = sel
                elif sel.get("type") == "TextPositionSelector":
                    position = sel
    return quote, position


def annotations_from_w3c(data, article_key: str, text: str) -> list[Annotation]:
    found = []
    for n, item in enumerate(w3c_items(data)):
        quote, position = _selectors(item)
        anchor, orphan = anchor_in(text, quote, position)
        if anchor is None:
            continue
        labels, notes, entity = [], [], None
        for body in as_list(item.get("body")) + as_list(item.get("bodyValue")):
            if isinstance(body, str):
                notes.append(body)
                continue
            if not isinstance(body, dict):
                continue
            value = body.get("value")
            if not isinstance(value, str):
                continue
            purpose = body.get("purpose") or item.get("motivation")
            if purpose == "tagging":
                labels.append(value)
            elif purpose == "classifying" and value.startswith("entity:"):
                entity = value.split(":", 1)[1]
            else:
                notes.append(value)
        ann = Annotation(
            id=stable_id(item.get("id"), f"{anchor.exact}|{anchor.start}|{'|'.join(labels)}|{n}"),
            article=article_key, anchor=anchor, labels=labels, note="\n\n".join(notes),
            kind="correction" if entity else "annotation", entity=entity, orphan=orphan,
        )
        if isinstance(item.get("created"), str):
            ann.created = item["created"]
        if isinstance(item.get("modified"), str):
            ann.modified = item["modified"]
        found.append(ann)
    return found
