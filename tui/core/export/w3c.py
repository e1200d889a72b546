"""W3C Web Annotation (JSON-LD): the collection we write, and any W3C annotations we read back."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from urllib.parse import quote

from ..anchor import Anchor
from ..annotation import Annotation
from ..bundle import Bundle, source_uri
from .jsontext import dumps
from .reading import (
    ENTITY_CODE,
    MAX_NAME,
    QUOTE_KINDS,
    Found,
    Importer,
    NamedItem,
    anchor_in,
    as_list,
    named,
    span_of,
    stable_id,
)

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation_uri(annotation_id: str) -> str:
    """An annotation's id as a URI: urn:uuid: for ours (32 hex digits), urn:byline: otherwise."""
    try:
        return f"urn:uuid:{uuid.UUID(hex=annotation_id)}"
    except ValueError:
        return f"urn:byline:{quote(annotation_id, safe='')}"


def correction_value(ann: Annotation) -> str | None:
    """A correction as a `classifying` body's value: entity:TYPE, merge:ACTOR, split:,
    speaker:ACTOR, quote:KIND:ACTOR."""
    fix = ann.correction
    if fix == "entity":
        return f"entity:{ann.entity}"
    if fix in ("merge", "speaker"):
        return f"{fix}:{ann.actor}"
    if fix == "split":
        return "split:"
    if fix == "quote":
        return f"quote:{ann.quote}:{ann.actor}"
    return None


def w3c_annotation(ann: Annotation, source: str) -> dict:
    body = [{"type": "TextualBody", "purpose": "tagging", "value": label} for label in ann.labels]
    if ann.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": ann.note, "format": "text/plain"})
    fixed = correction_value(ann) if ann.kind == "correction" else None
    if fixed is not None:
        body.append({"type": "TextualBody", "purpose": "classifying", "value": fixed})
    motivation = (
        "classifying"
        if ann.kind == "correction"
        else "commenting"
        if ann.note
        else "tagging"
        if ann.labels
        else "highlighting"
    )
    return {
        "id": annotation_uri(ann.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": ann.created,
        "modified": ann.modified,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": ann.anchor.exact,
                    "prefix": ann.anchor.prefix,
                    "suffix": ann.anchor.suffix,
                },
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
    return dumps(collection, indent=2) + "\n"


#: How many chained pages of a collection are followed at most.
MAX_PAGES = 10_000


def w3c_items(data) -> tuple[list, str | None]:
    """The annotations of a W3C document (one annotation, a list, a page, or a collection with
    embedded pages), as they stand (any JSON value), and the text hash the collection names."""
    if isinstance(data, list):
        return data, None
    if not isinstance(data, dict):
        return [], None
    named = _hash_of(data.get("id"))
    kind = data.get("type")
    if kind == "AnnotationCollection" or "first" in data:
        items, page, pages = list(as_list(data.get("items"))), data.get("first"), 0
        while isinstance(page, dict) and pages < MAX_PAGES:
            items += as_list(page.get("items"))
            page, pages = page.get("next"), pages + 1
        return items, named
    if kind == "AnnotationPage":
        return as_list(data.get("items")), named
    return [data], None


def _hash_of(value) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"urn:sha256:[0-9a-f]{64}", value):
        return value.removeprefix("urn:sha256:")
    return None


def target_source(item) -> str | None:
    """The article an annotation names as its target (a file: URI, a URL, urn:sha256:...)."""
    if not isinstance(item, dict):
        return None
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
                if sel.get("type") == "TextQuoteSelector" and quote is None:
                    quote = sel
                elif sel.get("type") == "TextPositionSelector" and position is None:
                    position = sel
    return quote, position


def _bodies(item: dict) -> tuple[list[str], list[str], dict | None]:
    """(labels, notes, the correction's fields) from an annotation's bodies."""
    labels, notes, fix = [], [], None
    for body in as_list(item.get("body")) + as_list(item.get("bodyValue")):
        if isinstance(body, str):
            notes.append(body)
            continue
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        value = body["value"]
        purpose = body.get("purpose") or item.get("motivation")
        if purpose == "tagging":
            if value.strip() and value not in labels:
                labels.append(value)
        elif purpose == "classifying" and (parsed := parse_correction(value)) is not None:
            fix = parsed
        elif value.strip() or (purpose == "commenting" and value):  # a note of ours comes back as it was
            notes.append(value)
    return labels, notes, fix


def parse_correction(value: str) -> dict | None:
    """The fields of a correction from its `classifying` value (see `correction_value`), or None."""
    fix, _, rest = value.partition(":")
    if fix == "entity" and ENTITY_CODE.fullmatch(rest):
        return {"fix": "entity", "entity": rest}
    if fix in ("merge", "speaker") and len(rest) <= MAX_NAME and (rest or fix == "speaker"):
        return {"fix": fix, "actor": rest}
    if fix == "split" and not rest:
        return {"fix": "split"}
    if fix == "quote":
        kind, _, actor = rest.partition(":")
        if kind in QUOTE_KINDS and len(actor) <= MAX_NAME:
            return {"fix": "quote", "quote": kind, "actor": actor}
    return None


def annotation_from_w3c(item, article_key: str, text: str) -> Annotation | None:
    """One W3C annotation as ours, or None when it holds nothing Byline can keep. A passage that
    cannot be found, or none at all, makes an orphan that keeps its labels and note."""
    if not isinstance(item, dict):
        return None
    quote_sel, position = _selectors(item)
    anchor, orphan = anchor_in(text, quote_sel, position)
    labels, notes, fix = _bodies(item)
    if anchor is None:
        if fix or not (labels or notes):
            return None  # a correction needs its passage; and an empty item is nothing to keep
        anchor = Anchor("", "", "", 0, 0)
    what = json.dumps([anchor.exact, span_of(position), labels, notes, fix], ensure_ascii=False)
    ann = Annotation(
        id=stable_id(item.get("id"), what),
        article=article_key,
        anchor=anchor,
        labels=labels,
        note="\n\n".join(notes),
        orphan=orphan,
    )
    if fix is not None:
        ann.kind = "correction"
        ann.entity = fix.get("entity")
        ann.fix, ann.actor, ann.quote = fix["fix"], fix.get("actor", ""), fix.get("quote", "")
    for stamp in ("created", "modified"):
        if isinstance(item.get(stamp), str) and len(item[stamp]) <= 64:
            setattr(ann, stamp, item[stamp])
    return ann


def annotations_from_w3c(items: list, article_key: str, text: str) -> Found:
    """Every annotation of `items` (from `w3c_items`) placed in `text`."""
    return Found.of(items, lambda item: annotation_from_w3c(item, article_key, text))


def named_items(data) -> Iterator[NamedItem]:
    """Each annotation of a W3C export with the source it targets and the collection's text hash."""
    items, collection_hash = w3c_items(data)
    for item in items:
        yield named(target_source(item), collection_hash, item)


IMPORTER = Importer(named_items, annotations_from_w3c)
