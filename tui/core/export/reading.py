"""What every importer shares: stable ids, selectors to anchors, reading an export file."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..anchor import Anchor, locate, make_anchor
from ..errors import ExportError


def stable_id(raw_id: str | None, fallback: str) -> str:
    if raw_id:
        match = re.fullmatch(r"(?:urn:uuid:)?([0-9a-fA-F-]{32,36})", raw_id.strip())
        if match:
            try:
                return uuid.UUID(match.group(1)).hex
            except ValueError:
                pass
        return uuid.uuid5(uuid.NAMESPACE_URL, raw_id).hex
    return uuid.uuid5(uuid.NAMESPACE_URL, fallback).hex


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def source_to_path(source: str | None) -> Path | None:
    if not source or source.startswith("urn:"):
        return None
    if source.startswith("file:"):
        return Path(unquote(urlparse(source).path))
    if "://" in source:
        return None
    return Path(source)


def anchor_in(text: str, quote: dict | None, position: dict | None) -> tuple[Anchor | None, bool]:
    """An anchor in `text` from W3C selectors; (anchor, orphan)."""
    start = int(position.get("start", 0)) if position else 0
    end = int(position.get("end", start)) if position else start
    exact = (quote or {}).get("exact") or (text[start:end] if position and 0 <= start < end <= len(text) else "")
    if not exact:
        return None, True
    wanted = Anchor(exact, (quote or {}).get("prefix", ""), (quote or {}).get("suffix", ""), start, end or start + len(exact))
    span = locate(wanted, text)
    if span is None:
        return wanted, True
    return make_anchor(text, *span), False


def read_export(path: Path) -> tuple[str, object]:
    """("w3c" | "jsonl", parsed data)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportError(f"{path} cannot be read as UTF-8 text ({exc})") from None
    try:
        data = json.loads(raw)
    except ValueError:
        pass
    else:
        if isinstance(data, dict) and "spans" in data and "text" in data:
            return "jsonl", [data]  # a JSONL export of a single article is one JSON object
        return "w3c", data
    records = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise ExportError(f"{path}: line {number} is not JSON; expected a w3c (JSON-LD) or jsonl export") from None
        if not isinstance(record, dict):
            raise ExportError(f"{path}: line {number} is not a JSON object")
        records.append(record)
    if not records:
        raise ExportError(f"{path} holds no annotations")
    return "jsonl", records
