"""The annotation store: a TinyDB file that never loses a note.

- Every change is written before it returns, atomically: a temporary file, fsync, rename
  (TinyDB's own JSONStorage rewrites the file in place, so a crash could leave half a file).
- A file lock around each read-modify-write, so two running instances never overwrite each
  other's changes.
- A schema version. A damaged or unreadable file, or one from a newer Byline, is never
  overwritten: the store opens read-only and says, in one line, where the file is and what to do.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Iterable

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from .anchor import locate, make_anchor
from .annotation import Annotation, new_id, now
from .article import Article
from .errors import StoreError

SCHEMA_VERSION = 1
ANNOTATIONS = "annotations"
ARTICLES = "articles"
META = "meta"


class DamagedStore(Exception):
    """The file exists but is not a store this Byline can read."""


class AtomicJSONStorage(Storage):
    """TinyDB storage that replaces the file atomically and durably on every write."""

    def __init__(self, path: str | Path, **_: object) -> None:
        self.path = Path(path)

    def read(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DamagedStore(f"cannot be read: {exc.strerror or exc}") from None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise DamagedStore(f"is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise DamagedStore("is not a Byline annotation store")
        return data

    def write(self, data: dict) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"could not save to {self.path}: {exc.strerror or exc}") from None
        try:
            fd = os.open(self.path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)

    def close(self) -> None:
        pass


def _doc_id(annotation_id: str) -> int:
    return int(annotation_id[:15], 16)


class Store:
    """Articles and their annotations, shared safely between running instances."""

    def __init__(self, path: Path | None = None, lock_timeout: float = 15.0) -> None:
        from .paths import store_file

        self.path = Path(path) if path else store_file()
        self.readonly = False
        self.problem: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._open_readonly(f"its folder cannot be created ({exc.strerror or exc})")
            return
        self._lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout)
        try:
            with self._lock:
                data = AtomicJSONStorage(self.path).read()
        except DamagedStore as exc:
            self._open_readonly(str(exc))
            return
        except Timeout:
            self._open_readonly("it is locked by another process that does not let go")
            return
        schema = ((data or {}).get(META) or {}).get("1", {}).get("schema", SCHEMA_VERSION)
        if not isinstance(schema, int) or schema > SCHEMA_VERSION:
            self._open_readonly(f"it was written by a newer Byline (schema {schema})")
            return
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)

    def _open_readonly(self, why: str) -> None:
        self.readonly = True
        self.problem = (
            f"annotation store {self.path} {why}; it was left untouched and Byline is read-only: "
            f"move that file aside (or restore a backup) to start a new store"
        )
        self._lock = None
        self._db = TinyDB(storage=MemoryStorage)

    # -- helpers --------------------------------------------------------------------------
    def _locked(self):
        if self.readonly:
            raise StoreError(self.problem or "the annotation store is read-only")
        return _LockContext(self._lock, self.path)

    def _ensure_meta(self) -> None:
        meta = self._db.table(META)
        if meta.get(doc_id=1) is None:
            meta.insert(Document({"schema": SCHEMA_VERSION, "created": now()}, doc_id=1))

    def _read(self) -> dict:
        if self.readonly:
            return self._db.storage.read() or {}
        try:
            with _LockContext(self._lock, self.path):
                return AtomicJSONStorage(self.path).read() or {}
        except DamagedStore as exc:
            self._open_readonly(str(exc))
            return {}

    # -- articles -------------------------------------------------------------------------
    def article_id(self, article: Article) -> tuple[str, bool]:
        """The id under which an article's annotations are kept, and whether its text changed
        since it was last opened. Known by path first (an edited file keeps its notes), then by
        content hash (a moved or copied file, or standard input)."""
        path = str(article.path) if article.path else None
        records = self._read().get(ARTICLES, {})
        found = None
        if path:
            found = next(((k, r) for k, r in records.items() if r.get("path") == path), None)
        if found is None:
            found = next(((k, r) for k, r in records.items() if r.get("sha256") == article.sha256), None)
        if found is not None:
            key, record = found
            changed = record.get("sha256") != article.sha256
            if not self.readonly and (changed or (path and record.get("path") != path)):
                with self._locked():
                    self._db.table(ARTICLES).update(
                        {"sha256": article.sha256, "path": path or record.get("path"), "seen": now()},
                        doc_ids=[int(key)],
                    )
            return record["id"], changed
        record_id = new_id()
        if not self.readonly:
            with self._locked():
                self._ensure_meta()
                self._db.table(ARTICLES).insert(
                    Document(
                        {"id": record_id, "path": path, "sha256": article.sha256, "title": article.title, "seen": now()},
                        doc_id=_doc_id(record_id),
                    )
                )
        return record_id, False

    def articles(self) -> list[dict]:
        return list(self._read().get(ARTICLES, {}).values())

    # -- annotations ----------------------------------------------------------------------
    def annotations(self, article_id: str) -> list[Annotation]:
        table = self._read().get(ANNOTATIONS, {})
        found = [Annotation.from_dict(d) for d in table.values() if d.get("article") == article_id]
        found.sort(key=lambda a: (a.orphan, a.start, a.end))
        return found

    def get(self, annotation_id: str) -> Annotation | None:
        data = self._read().get(ANNOTATIONS, {}).get(str(_doc_id(annotation_id)))
        return Annotation.from_dict(data) if data else None

    def add(self, annotation: Annotation) -> Annotation:
        with self._locked():
            self._ensure_meta()
            table = self._db.table(ANNOTATIONS)
            table.insert(Document(annotation.to_dict(), doc_id=_doc_id(annotation.id)))
        return annotation

    def put(self, annotation: Annotation) -> Annotation:
        """Save a changed annotation (or bring back a deleted one)."""
        with self._locked():
            table = self._db.table(ANNOTATIONS)
            doc_id = _doc_id(annotation.id)
            if table.contains(doc_id=doc_id):
                table.update(annotation.to_dict(), doc_ids=[doc_id])
            else:
                table.insert(Document(annotation.to_dict(), doc_id=doc_id))
        return annotation

    def delete(self, annotation_id: str) -> None:
        with self._locked():
            table = self._db.table(ANNOTATIONS)
            doc_id = _doc_id(annotation_id)
            if table.contains(doc_id=doc_id):
                table.remove(doc_ids=[doc_id])

    def add_many(self, annotations: Iterable[Annotation]) -> int:
        """Insert several annotations in one write (imports); existing ids are left alone."""
        with self._locked():
            self._ensure_meta()
            storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
            data = storage.read() or {}
            table = data.setdefault(ANNOTATIONS, {})
            added = 0
            for ann in annotations:
                key = str(_doc_id(ann.id))
                if key not in table:
                    table[key] = ann.to_dict()
                    added += 1
            if added:
                storage.write(data)
                self._db.table(ANNOTATIONS).clear_cache()
        return added

    def reanchor(self, article_id: str, text: str) -> list[Annotation]:
        """Find every annotation of an article again in its (changed) text, in one write.

        Found ones get their anchor moved; lost ones are kept as orphans, never dropped."""
        with self._locked():
            storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
            data = storage.read() or {}
            table = data.get(ANNOTATIONS, {})
            result, dirty = [], False
            for key, raw in table.items():
                if raw.get("article") != article_id:
                    continue
                ann = Annotation.from_dict(raw)
                span = locate(ann.anchor, text)
                if span is None:
                    if not ann.orphan:
                        ann.orphan, dirty = True, True
                else:
                    anchor = make_anchor(text, *span)
                    if anchor != ann.anchor or ann.orphan:
                        ann.anchor, ann.orphan, dirty = anchor, False, True
                if dirty:
                    table[key] = ann.to_dict()
                result.append(ann)
            if dirty:
                storage.write(data)
                self._db.table(ANNOTATIONS).clear_cache()
        result.sort(key=lambda a: (a.orphan, a.start, a.end))
        return result

    def close(self) -> None:
        self._db.close()


class _LockContext:
    def __init__(self, lock: FileLock | None, path: Path) -> None:
        self.lock, self.path = lock, path

    def __enter__(self):
        if self.lock is None:
            return self
        try:
            self.lock.acquire()
        except Timeout:
            raise StoreError(f"annotation store {self.path} is busy: another Byline holds its lock") from None
        return self

    def __exit__(self, *exc) -> None:
        if self.lock is not None:
            self.lock.release()
