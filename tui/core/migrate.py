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
from pathlib import Path
from typing import Any

from filelock import FileLock

from .annotation import now
from .atomic import sweep
from .records import Bad, article_record, record_name
from .tablefile import DamagedStore, Locked, read_tables

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
        current = store.index.load()
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
