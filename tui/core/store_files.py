"""The store's files: where they are, what names they have, what a record of an article keeps,
and moving annotations to where their passages are now (store.py uses these)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from .anchor import locate, make_anchor
from .annotation import Annotation
from .bundle import article_meta
from .sources import Article

META = "meta"
ANNOTATIONS = "annotations"
_SAFE_KEY = re.compile(r"[A-Za-z0-9_]{1,64}")


def _file_key(key: str) -> str:
    """A file name for an article id: the id itself when it is plain, else its hash."""
    return key if _SAFE_KEY.fullmatch(key) else "h-" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:40]


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _schema(data: dict) -> object:
    meta = data.get(META, {}).get("1")
    return meta.get("schema") if isinstance(meta, dict) else None


def readable(record: object, key: str) -> bool:
    """Whether an article file's record can be read, and is the record of article `key`."""
    from .records import Bad, article_record

    try:
        return article_record(record).get("id") == key
    except Bad:
        return False


def meta_of(data: dict) -> dict | None:
    """An article file's own meta record: the first of its meta table that is a record (a
    damaged one is kept as it is, and passed over)."""
    table = data.get(META)
    return next((m for m in table.values() if isinstance(m, dict)), None) if isinstance(table, dict) else None


def own_meta(data: dict, key: str, schema: int, created: str) -> dict:
    """The meta record of an article file to write into (made when there is none)."""
    table = data.setdefault(META, {})
    meta = meta_of(data)
    if meta is None:
        free = max((int(k) for k in table if k.isdigit() and len(k) < 19), default=0) + 1
        while str(free) in table:
            free += 1
        meta = table[str(free)] = {}
    for field, value in (("schema", schema), ("article", key), ("created", created)):
        meta.setdefault(field, value)
    return meta


def put_record(data: dict, key: str, record: dict, schema: int, created: str) -> None:
    """Set the record of article `key` in its file's tables (a damaged one kept beside it, as it was)."""
    meta = own_meta(data, key, schema, created)
    if "record" in meta and not readable(meta["record"], key):
        meta.setdefault("damaged records", []).append(meta["record"])
    meta.update(record={**record, "id": key}, schema=schema)


def new_article(key: str, path: str | None, article: Article, schema: int, when: str) -> dict:
    """The tables of the file of an article new to the library: its record, no annotations yet
    (what Store.article_id writes for one; bulk.py writes many)."""
    data: dict = {}
    own_meta(data, key, schema, when)
    data[ANNOTATIONS] = {}
    record = {"id": key, "path": path, "sha256": article.sha256, **article_fields(article), "added": when}
    put_record(data, key, {**record, "seen": when}, schema, when)
    return data


def article_fields(article: Article) -> dict:
    """What the index keeps of an article beside its id, path and hash: metadata and word count."""
    fields = article_meta(article)
    del fields["sha256"]  # kept beside the id
    return {**fields, "words": len(article.text.split())}


def _locations(path: Path | str | None) -> tuple[Path, Path | None]:
    """The store's folder, and the one-file store of schema 1 to migrate into it."""
    from .paths import legacy_store_file, store_dir

    if path is None:
        return store_dir(), legacy_store_file()
    path = Path(path)
    if path.suffix == ".json":
        return path.with_suffix(""), path
    if path.is_file():
        return path.with_name(path.name + ".store"), path
    return path, (legacy_store_file() if path == store_dir() else path.with_suffix(".json"))


def moved_anchors(found: Iterable[tuple[str, Annotation]], data: dict, text: str, result: list[Annotation]) -> bool:
    """Move each annotation of an article file's tables to where its passage is in `text` (an
    orphan when it is gone), collecting them in `result`; whether anything moved."""
    dirty = False
    table = data[ANNOTATIONS]
    for doc, ann in list(found):
        span = locate(ann.anchor, text)
        if span is None:
            if not ann.orphan:
                ann.orphan, dirty = True, True
        else:
            anchor = make_anchor(text, *span)
            if anchor != ann.anchor or ann.orphan:
                ann.anchor, ann.orphan, dirty = anchor, False, True
        if table[doc].get("anchor") != ann.anchor.to_dict() or table[doc].get("orphan", False) != ann.orphan:
            # only what moved: fields this Byline does not know stay as they were
            kept = {"tagged": ann.tagged} if "tagged" not in table[doc] and ann.passage_changed else {}
            table[doc] = {**table[doc], "anchor": ann.anchor.to_dict(), "orphan": ann.orphan, **kept}
        result.append(ann)
    return dirty


def set_aside(root: Path, path: Path) -> Path | None:
    """Move an article's annotation file into the store's deleted/ (under its lock, which the
    caller holds); where it went, or None when there was none."""
    import time

    if not path.exists():
        return None
    trash = root / "deleted"
    trash.mkdir(exist_ok=True)
    kept = trash / f"{path.stem}.{time.strftime('%Y%m%dT%H%M%S')}.{time.time_ns()}.json"
    os.replace(path, kept)
    return kept


DELETED_MEANWHILE = "this article was deleted from the library by another Byline; the change was kept with its notes in"


def mark_deleted(root: Path, file_key: str) -> None:
    """The mark remove_article leaves: this article was deleted, its notes are in deleted/."""
    (root / ".gone").mkdir(exist_ok=True)
    (root / ".gone" / file_key).touch()


def was_deleted(root: Path, file_key: str) -> bool:
    return (root / ".gone" / file_key).exists()
