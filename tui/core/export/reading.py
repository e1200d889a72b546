"""What every importer shares: reading an export file, ids, offsets, selectors to anchors, and
what an importer found.

An export comes from outside: any JSON value may sit anywhere in it. Nothing here trusts a type:
an offset is an int or nothing, a quote is a string or nothing, and what cannot be read is an
ExportError with one line for the user, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import stat
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..anchor import Anchor, locate, make_anchor
from ..annotation import Annotation
from ..entity_types import REJECTED
from ..errors import ExportError
from ..visible import one_line

#: The exports `byline import` reads, as its messages name them.
EXPECTED = "a w3c (JSON-LD), jsonl, json or csv export of Byline"
#: An export larger than this is refused: 100,000 annotations take about 60 MB.
MAX_EXPORT_BYTES = 256 * 2**20
#: Offsets past this cannot be in an article (sources refuse larger files).
MAX_OFFSET = 2**40
#: An entity type in a correction: a model code such as PERSON, GPE or REJECTED.
ENTITY_CODE = re.compile(r"[A-Z][A-Z_]{0,31}")
#: A quote's kind in a correction, or REJECTED (not a quote).
QUOTE_KINDS = ("direct", "partial", "indirect", REJECTED)
#: The longest actor name a correction may carry.
MAX_NAME = 200


@dataclass
class Found:
    """What an importer read from one article's part of an export."""

    annotations: list[Annotation] = field(default_factory=list)
    #: items that are no annotation Byline can keep (no passage, no label, no note; wrong shape)
    skipped: int = 0
    #: items whose id came twice in the export (the first is kept)
    repeated: int = 0

    def add(self, annotation: Annotation, seen: dict[str, Annotation]) -> None:
        if annotation.id in seen:
            self.repeated += 1
            return
        seen[annotation.id] = annotation
        self.annotations.append(annotation)

    @classmethod
    def of(cls, items, read: Callable[[object], Annotation | None]) -> Found:
        """What `read` makes of each item: an annotation kept once per id, or a skipped item."""
        found, seen = cls(), dict[str, Annotation]()
        for item in items:
            annotation = read(item)
            if annotation is None:
                found.skipped += 1
            else:
                found.add(annotation, seen)
        return found


#: One item of an export with what it names: (article sources, text hashes, the item).
NamedItem = tuple[set[str], set[str], Any]


@dataclass(frozen=True)
class Importer:
    """How `byline import` reads a format back, declared beside the format in the registry."""

    #: each item of the parsed export (as read_export gives it) with the articles it names
    items: Callable[[Any], Iterable[NamedItem]]
    #: the annotations in the items that go to one article: read(items, article_key, text)
    read: Callable[[list, str, str], Found]


def named(source: str | None, sha256: str | None, item: Any) -> NamedItem:
    """An item that names (at most) one source and one text hash."""
    return ({source} if source else set(), {sha256} if sha256 else set(), item)


def unnamed_items(rows: Iterable[Any]) -> Iterator[NamedItem]:
    """Items that name no article (a spreadsheet's rows): `--article` says which."""
    return (named(None, None, row) for row in rows)


def each_record(read_one: Callable[[Any, str, str], Found]) -> Callable[[list, str, str], Found]:
    """An importer's `read` over records that are each read on their own (JSON documents, JSON
    Lines): one Found, each annotation once by id."""

    def read(records: list, article_key: str, text: str) -> Found:
        total = Found()
        seen: dict[str, Annotation] = {}
        for record in records:
            found = read_one(record, article_key, text)
            total.skipped += found.skipped
            total.repeated += found.repeated
            for annotation in found.annotations:
                total.add(annotation, seen)
        return total

    return read


def stable_id(raw_id: object, fallback: str) -> str:
    """The id an imported annotation is kept under: the whole id it came with (a UUID as its 32
    hex digits, anything else hashed whole, so two ids never merge), else one derived from
    `fallback` (what the annotation is), so importing it again finds it again."""
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raw_id = None
    if isinstance(raw_id, int):
        raw_id = str(raw_id)
    if raw_id and raw_id.strip():
        match = re.fullmatch(
            r"(?:urn:uuid:)?([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
            r"[0-9a-fA-F]{12})",
            raw_id.strip(),
        )
        if match:
            return uuid.UUID(match.group(1)).hex
        ours = re.fullmatch(r"urn:byline:([A-Za-z0-9_-]{1,64})", raw_id.strip())
        if ours:  # an id of ours that is no UUID (see w3c.annotation_uri)
            return ours.group(1)
        return uuid.uuid5(uuid.NAMESPACE_URL, raw_id).hex
    return uuid.uuid5(uuid.NAMESPACE_URL, fallback).hex


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(value) -> str | None:
    """`value` if it is a string, else None."""
    return value if isinstance(value, str) else None


def offset(value) -> int | None:
    """A character offset: a non-negative whole number (an int, or a float with no fraction),
    else None. NaN, infinities, strings, booleans and absurd sizes are no offsets."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int) and 0 <= value <= MAX_OFFSET:
        return value
    return None


def span_of(position) -> tuple[int, int] | None:
    """(start, end) from a {"start", "end"} mapping, when both are offsets in order."""
    if not isinstance(position, dict):
        return None
    start, end = offset(position.get("start")), offset(position.get("end"))
    if start is None or end is None or end < start:
        return None
    return start, end


def anchor_in(text: str, quote, position) -> tuple[Anchor | None, bool]:
    """An anchor in `text` from a TextQuoteSelector and a TextPositionSelector, either of which
    may be missing or malformed: (anchor, orphan). The anchor is None only when the export gives
    no passage at all; a passage that cannot be found is an orphan anchor that keeps its words."""
    quote = quote if isinstance(quote, dict) else {}
    span = span_of(position)
    exact = text_of(quote.get("exact")) or ""
    if not exact and span is not None and span[0] < span[1] <= len(text):
        exact = text[span[0] : span[1]]
    if not exact:
        return None, True
    start = span[0] if span is not None else 0
    wanted = Anchor(
        exact, text_of(quote.get("prefix")) or "", text_of(quote.get("suffix")) or "", start, start + len(exact)
    )
    found = locate(wanted, text)
    if found is None:
        start = min(start, len(text))
        return Anchor(exact, wanted.prefix, wanted.suffix, start, min(start + len(exact), len(text))), True
    return make_anchor(text, *found), False


def fix_fields(data) -> dict | None:
    """The fields of a correction (fix, entity, actor, quote) from a record, when they make one."""
    if not isinstance(data, dict):
        return None
    fix = data.get("fix")
    actor = text_of(data.get("actor")) or ""
    kind = text_of(data.get("quote")) or ""
    entity = data.get("entity")
    if fix == "entity" and isinstance(entity, str) and ENTITY_CODE.fullmatch(entity):
        return {"fix": fix, "entity": entity}
    if fix in ("merge", "speaker", "split", "quote") and len(actor) <= MAX_NAME:
        if fix == "quote" and kind not in QUOTE_KINDS:
            return None
        return {"fix": fix, "actor": actor if fix != "split" else "", "quote": kind if fix == "quote" else ""}
    return None


def reader_annotation(
    raw_id: object,
    what: str,
    article_key: str,
    anchor: Anchor,
    orphan: bool,
    labels: list[str],
    note: str,
    tagged: str | None,
    fields: dict | None,
) -> Annotation:
    """An annotation of an export as Byline keeps it: its labels and note, or a correction when
    `fields` (fix_fields) are given; its id the one it came with, else one derived from `what`."""
    ann = Annotation(
        id=stable_id(raw_id, what),
        article=article_key,
        anchor=anchor,
        labels=list(dict.fromkeys(labels)),
        note=note,
        orphan=orphan,
        tagged=tagged or None,
    )
    if fields is not None:
        ann.kind = "correction"
        for name, value in fields.items():
            setattr(ann, name, value)
    return ann


def entity_fix(ann_id: str, article_key: str, anchor: Anchor, orphan: bool, entity: str) -> Annotation:
    """A correction of an export: the words at `anchor` are an entity of type `entity` (or none)."""
    return Annotation(
        id=ann_id, article=article_key, anchor=anchor, kind="correction", entity=entity, fix="entity", orphan=orphan
    )


#: What our JSON export calls itself (json_doc writes it).
JSON_SCHEMA = "byline.export/1"
#: The first columns of our CSV export (csv_rows writes them): what an import needs.
CSV_COLUMNS = ["id", "labels", "note", "start", "end", "passage"]


def is_json_export(data) -> bool:
    """Whether parsed JSON is our own JSON export (or a document of its shape)."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("annotations"), list)
        and (data.get("schema") == JSON_SCHEMA or isinstance(data.get("article"), dict))
    )


def csv_rows(raw: str) -> list[dict] | None:
    """The rows of a CSV export of ours (a header with our columns first), else None. Raises
    csv.Error on a file that starts like one and then is not CSV. A spreadsheet's byte order mark
    (the --excel export's) is read past."""
    raw = raw.removeprefix("\ufeff")
    lines = raw.splitlines()
    if not lines or next(csv.reader([lines[0]]), [])[: len(CSV_COLUMNS)] != CSV_COLUMNS:
        return None
    # a cell may be as long as the file (a long note): csv refuses cells over 131,072 by default
    csv.field_size_limit(max(csv.field_size_limit(), len(raw) + 1))
    return list(csv.DictReader(io.StringIO(raw)))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse(raw: str):
    """JSON with NaN and Infinity read as null, huge integers as null (no value can make an offset
    out of them, and none can make the parser raise anything but ValueError), and every lone
    surrogate ("\\ud800", which no UTF-8 file or terminal can hold) as U+FFFD."""
    data = json.loads(
        raw, parse_constant=lambda _: None, parse_int=lambda digits: int(digits) if len(digits) <= 20 else None
    )
    return _whole_characters(data) if "\\u" in raw else data


def _whole_characters(data):
    """`data` with lone surrogates in its strings (keys too) replaced, without recursion (the
    parser allows nesting deeper than Python's stack)."""

    def fix(value):
        if isinstance(value, str) and _SURROGATE.search(value):
            return _SURROGATE.sub("\ufffd", value)
        return value

    root = [fix(data)]
    stack = [(root, 0)]
    while stack:
        holder, key = stack.pop()
        value = holder[key]
        if isinstance(value, list):
            for i, item in enumerate(value):
                value[i] = fix(item)
                if isinstance(value[i], (list, dict)):
                    stack.append((value, i))
        elif isinstance(value, dict):
            for name in list(value):
                item = fix(value.pop(name)) if _SURROGATE.search(name) else fix(value[name])
                value[fix(name)] = item
                if isinstance(item, (list, dict)):
                    stack.append((value, fix(name)))
    return root[0]


def read_export(path: Path) -> tuple[str, list | dict]:
    """("w3c" | "jsonl" | "json" | "csv", parsed data) of the export file the user named."""
    shown = one_line(str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ExportError(f"{shown}: no such file") from None
    except OSError as exc:
        raise ExportError(f"{shown} cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{shown} is a folder; give the export file")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{shown} is not a regular file; give the export file")
    if info.st_size > MAX_EXPORT_BYTES:
        raise ExportError(
            f"{shown} is too large to be an export ({info.st_size / 2**20:.0f} MiB; at most "
            f"{MAX_EXPORT_BYTES // 2**20} MiB)"
        )
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ExportError(f"{shown} cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ExportError(f"{shown} is not UTF-8 text; expected {EXPECTED}") from None
    if not raw.strip():
        raise ExportError(f"{shown} is empty: there is nothing to import")
    try:
        whole = _parse(raw)
    except RecursionError:
        raise ExportError(f"{shown} is nested too deeply to be an export") from None
    except ValueError:
        pass
    else:
        if is_json_export(whole):
            return "json", whole
        if isinstance(whole, dict) and "spans" in whole and "text" in whole:
            return "jsonl", [whole]  # a JSONL export of a single article is one JSON object
        if isinstance(whole, list) and whole and all(isinstance(x, dict) and "spans" in x for x in whole):
            return "jsonl", whole
        if isinstance(whole, (dict, list)):
            return "w3c", whole
        raise ExportError(f"{shown} holds a single JSON value, not annotations; expected {EXPECTED}")
    try:
        rows = csv_rows(raw)
    except csv.Error as exc:
        raise ExportError(f"{shown} starts like a CSV export of Byline but cannot be read as CSV ({exc})") from None
    if rows is not None:
        return "csv", rows
    records = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _parse(line)
        except RecursionError:
            raise ExportError(f"{shown}: line {number} is nested too deeply to be an export") from None
        except ValueError:
            raise ExportError(f"{shown}: line {number} is not JSON; expected {EXPECTED}") from None
        if not isinstance(record, dict):
            raise ExportError(f"{shown}: line {number} is not a JSON object; expected a jsonl export")
        records.append(record)
    if not any("spans" in record for record in records):
        return "w3c", records  # W3C annotations, one per line
    return "jsonl", records
