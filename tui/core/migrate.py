"""Moving a store of schema 1 (one annotations.json holding every article and annotation) into the
library's folder, once, on the first start of a Byline that has the library.

Under the old file's own lock (an older Byline still running waits) and the index's: every
annotation goes to its article's file, every article to the index, with its text when its file
still holds the same text; the index is written last, so a migration cut short runs again. The
old file is then renamed to a backup beside it, never changed. A damaged or newer old file is
left alone and the store is read-only, as before.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from filelock import FileLock

from .annotation import now
from .atomic import sweep
from .rebuild import rebuild_records
from .records import Bad, article_record, record_name
from .store_files import _file_key
from .tablefile import DamagedStore, Locked, read_tables
from .visible import one_line

#: The store.Store being opened (not imported: the store imports this module when it needs it).
Store = Any

META, ARTICLES, ANNOTATIONS = "meta", "articles", "annotations"
LEGACY_SCHEMA = 1


def backup_path(legacy: Path) -> Path:
    """annotations.json -> annotations.v1-backup.json (a time is added if that exists already)."""
    path = legacy.with_name(f"{legacy.stem}.v1-backup{legacy.suffix}")
    if path.exists() or path.is_symlink():
        from time import strftime

        path = legacy.with_name(f"{legacy.stem}.v1-backup-{strftime('%Y%m%dT%H%M%S')}{legacy.suffix}")
    return path


def _backup(legacy: Path) -> Path:
    backup = backup_path(legacy)
    legacy.rename(backup)
    return backup


def migrate(store: Store, legacy: Path) -> None:
    """Move the old one-file store `legacy` into `store`'s folder (nothing when already done)."""
    with Locked(FileLock(str(legacy) + ".lock", timeout=store.lock_timeout), legacy), store.index.locked():
        try:
            raw = legacy.read_bytes()
        except FileNotFoundError:
            return  # another copy of Byline has just moved it
        except OSError as exc:
            store.refuse(legacy, f"cannot be read ({exc.strerror or exc})")
            return
        digest = hashlib.sha256(raw).hexdigest()
        current = store.index.load() or _moved_index(store)
        if current:
            meta = current.get(META, {}).get("1")
            done = meta.get("migrated") if isinstance(meta, dict) else None
            if isinstance(done, dict) and done.get("sha256") == digest:
                _backup(legacy)  # a migration cut short after the index was written
            else:
                store.notices.append(
                    f"{legacy} is a store of an older Byline, left untouched: {store.path} "
                    f"already holds a store (import its notes with an export, or move it aside)"
                )
            return
        try:
            data, _ = read_tables(legacy)
        except DamagedStore as exc:
            store.refuse(legacy, str(exc))
            return
        data = data or {}
        meta = data.get(META, {}).get("1")
        schema = meta.get("schema", LEGACY_SCHEMA) if isinstance(meta, dict) else LEGACY_SCHEMA
        if isinstance(schema, int) and not isinstance(schema, bool) and schema > LEGACY_SCHEMA:
            store.refuse(legacy, f"was written by a newer Byline (schema {schema})")
            return
        try:
            _move(store, legacy, data, digest, meta)
        except _Abort:
            return


class _Abort(Exception):
    """A file the migration must write cannot be read: it stops, and the old file stays."""


def _move(store: Store, legacy: Path, data: dict, digest: str, meta: object) -> None:
    left = 0
    records = []
    for doc, raw in data.get(ARTICLES, {}).items():
        try:
            records.append(article_record(raw))
        except Bad as bad:
            left += 1
            store.skip(legacy, record_name(raw, doc, "article"), str(bad))
    groups: dict[str, list[dict]] = {}
    for doc, raw in data.get(ANNOTATIONS, {}).items():
        key = raw.get("article") if isinstance(raw, dict) else None
        if isinstance(key, str) and key:
            groups.setdefault(key, []).append(raw)
        else:
            left += 1
            store.skip(legacy, record_name(raw, doc, "annotation"), "it names no article")
    moved = sum(_move_annotations(store, key, group) for key, group in groups.items())
    index = {}
    for i, record in enumerate(records, start=1):
        text = _text_of(store, record)
        fields = {
            "source": record.get("path") or "",
            "added": record.get("seen") or now(),
            "words": len(text.split()) if text is not None else None,
        }
        index[str(i)] = {**fields, **record}
    created = meta.get("created") if isinstance(meta, dict) and isinstance(meta.get("created"), str) else now()
    store.index.write(
        {
            META: {
                "1": {"schema": 2, "created": created, "migrated": {"from": str(legacy), "sha256": digest, "at": now()}}
            },
            ARTICLES: index,
        }
    )
    with store.lock.locked():
        move_index(store, quiet=True)
    backup = _backup(legacy)
    sweep(legacy.parent)
    store.notices.append(
        f"moved the annotation store {legacy} into the library at {store.path} ({len(records)} articles, "
        f"{moved} annotations); the old file is kept as {backup.name}"
        + (f"; {left} damaged records were not moved and are kept in that backup" if left else "")
    )


def _move_annotations(store: Store, key: str, group: list[dict]) -> int:
    """Add an article's annotations to its file (records as they were, damaged ones too)."""
    file = store.article_file(key)
    file.path.parent.mkdir(exist_ok=True)
    moved = 0

    def change(tables: dict) -> bool:
        nonlocal moved
        tables.setdefault(META, {}).setdefault("1", {"schema": 2, "article": key, "created": now()})
        known = file.ids(tables, ANNOTATIONS)[0]
        for raw in group:
            if raw.get("id") not in known:
                file.insert(tables, ANNOTATIONS, raw)
                moved += 1
        return moved > 0

    try:
        file.modify(change)
    except DamagedStore as exc:
        store.refuse(file.path, str(exc))
        raise _Abort from None
    return moved


def _text_of(store: Store, record: dict) -> str | None:
    """Keep the article's text when its file still holds the text the record was made from."""
    kept = store.text(record["id"], record["sha256"])
    if kept is not None or not record.get("path") or not Path(record["path"]).is_file():
        return kept  # only a regular file is read: never a URL, a pipe or a device the record names
    from .errors import BylineError
    from .sources import load_article

    try:
        article = load_article(record["path"])
    except (BylineError, OSError):
        return None
    if article.sha256 != record["sha256"]:
        return None
    store.put_text(record["id"], article.text)
    return article.text


def legacy_records(store: Store) -> dict[str, dict]:
    """The readable records of a schema 2 index.json, by article id (damaged ones skipped and
    said); empty when there is none or it cannot be read."""
    try:
        data = store.index.load()
    except DamagedStore:
        return {}
    found: dict[str, dict] = {}
    for doc, raw in (data or {}).get(ARTICLES, {}).items():
        try:
            record = article_record(raw)
        except Bad as bad:
            store.skip(store.index.path, record_name(raw, doc, "article"), str(bad))
            continue
        found.setdefault(record["id"], record)
    return found


def _moved_index(store: Store) -> dict:
    """The schema 2 index as it was moved into the article files (what it said it migrated)."""
    try:
        data, _ = read_tables(store.path / "index.v2-backup.json", exact=False)
    except DamagedStore:
        return {}
    return data or {}


def move_index(store: Store, quiet: bool = False) -> None:
    """Schema 2 kept every article's record in index.json, rewritten whole on each add; each record
    now lives in its article's own file. Moved once, under the store's lock (the file of an
    article that has its record already keeps it), then index.json is kept beside as
    index.v2-backup.json. A damaged index is kept as it was, beside, and the articles are listed
    again from the folder (rebuild.py): no note is lost either way."""
    index = store.index.path
    if not (index.exists() or index.is_symlink()):
        return  # another copy of Byline moved it just now
    try:
        data = store.index.load()
    except DamagedStore as exc:
        kept = _aside(index, "damaged")
        store.notices.append(
            one_line(
                f"the library's index {index} {exc}: kept as {kept.name}; the articles kept in {store.path} "
                f"are listed again from their files, with every note"
            )
        )
        return
    meta = (data or {}).get(META, {}).get("1")
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > 3:
        store.refuse(index, f"was written by a newer Byline (schema {schema})")
        return
    records = list(legacy_records(store).values()) if data else rebuild_records(store.path, _file_key)
    for record in records:
        if not _has_record(store, record["id"]):
            store._put_record(record["id"], record)
    kept = _aside(index, "v2-backup")
    if records and not quiet:
        store.notices.append(
            one_line(
                f"the library's list of articles moved into each article's file; the old {index.name} is kept as {kept.name}"
            )
        )


def _has_record(store: Store, key: str) -> bool:
    try:
        data, _ = read_tables(store.article_path(key), exact=False)
    except DamagedStore:
        return True  # never written over: its notes stay as they are, its record is made again
    meta = (data or {}).get(META, {}).get("1")
    return isinstance(meta, dict) and isinstance(meta.get("record"), dict)


def _aside(index: Path, what: str) -> Path:
    path = index.with_name(f"index.{what}.json")
    if path.exists() or path.is_symlink():
        from time import strftime

        path = index.with_name(f"index.{what}-{strftime('%Y%m%dT%H%M%S')}.json")
    os.replace(index, path)
    return path


def read_only_folder(store: Store, root: Path, exc: Exception, read_only_mount: bool) -> bool:
    """When the folder cannot be written (but may be read): read it without a lock (every write
    replaces a file whole, so a read is never torn) and turn read-only, saying so once. False
    when that is not why it failed."""
    if not root.is_dir() or os.access(root, os.W_OK) and not read_only_mount:
        return False
    store.readonly = True
    store.unwritable = one_line(
        f"the library {root} cannot be written ({getattr(exc, 'strerror', None) or 'read-only'}): "
        "Byline reads it, but nothing is saved (notes, tags, articles added) until it can write there"
    )
    store.notices.append(store.unwritable)
    store.legacy_records = legacy_records(store)
    return True
