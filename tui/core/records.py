"""What a stored record must be: each one is checked on its own, so one damaged record is reported
(what is wrong, and its id) and left out, never the end of the whole file."""

from __future__ import annotations

from .annotation import Annotation
from .visible import one_line


class Bad(ValueError):
    """A record that is not what it should be; the message says what is wrong."""


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Bad(f"its {what} is not a whole number")
    return value


def _str(value: object, what: str, default: str | None = None) -> str:
    if value is None and default is not None:
        return default
    if not isinstance(value, str):
        raise Bad(f"its {what} is not text")
    return value


def annotation_from(raw: object) -> Annotation:
    """An Annotation from a stored record, or Bad saying what is wrong with it. Every field is
    checked for what it must be; then Annotation.from_dict reads it (fields added later too)."""
    data = {k: v for k, v in check_annotation(raw).items() if v is not None or k == "entity"}
    try:
        return Annotation.from_dict({"article": "", **data})
    except (KeyError, TypeError, ValueError) as exc:
        raise Bad(f"it cannot be read ({type(exc).__name__})") from None


def check_annotation(raw: object) -> dict:
    """The record, when it is a readable annotation; else Bad saying what is wrong with it."""
    if not isinstance(raw, dict):
        raise Bad(f"it is {type(raw).__name__ if raw is not None else 'null'}, not a record")
    if not _str(raw.get("id"), "id"):
        raise Bad("its id is empty")
    _str(raw.get("article"), "article", "")
    anchor = raw.get("anchor")
    if not isinstance(anchor, dict):
        raise Bad("its anchor is missing")
    start, end = _int(anchor.get("start"), "start"), _int(anchor.get("end"), "end")
    if not 0 <= start <= end:
        raise Bad("its anchor's start and end are out of order")
    for name, what in (("exact", "passage"), ("prefix", "prefix"), ("suffix", "suffix")):
        _str(anchor.get(name), what, "" if name != "exact" else None)
    labels = raw.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise Bad("its labels are not a list of text")
    for name in ("note", "kind", "created", "modified", "fix", "actor", "quote"):
        _str(raw.get(name), name, "")
    if raw.get("entity") is not None:
        _str(raw.get("entity"), "entity")
    if not isinstance(raw.get("orphan", False), bool):
        raise Bad("its orphan flag is not true or false")
    return raw


def article_record(raw: object) -> dict:
    if not isinstance(raw, dict):
        raise Bad(f"it is {type(raw).__name__ if raw is not None else 'null'}, not a record")
    if not _str(raw.get("id"), "id"):
        raise Bad("its id is empty")
    _str(raw.get("sha256"), "text hash")
    if raw.get("path") is not None:
        _str(raw.get("path"), "path")
    return raw


def record_name(raw: object, doc: str, what: str) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return (
        f"{what} {one_line(ident)[:80]!r}"
        if isinstance(ident, str) and ident
        else f"{what} record {one_line(doc)[:20]}"
    )
