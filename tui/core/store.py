"""The annotation store: a TinyDB file that never loses a note.

- Every change is written before it returns, atomically: a temporary file, fsync, rename
  (TinyDB's own JSONStorage rewrites the file in place, so a crash could leave half a file).
- A file lock around each read-modify-write, so two running instances never overwrite each
  other's changes.
- A schema version. A damaged or unreadable file, or one from a newer Byline, is never
  overwritten: the store opens read-only and says, in one line, where the file is and what to do.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Iterable

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage

from .anchor import locate, make_anchor
from .annotation import Annotation, new_id, now
from .sources import Article
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
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise DamagedStore(f"is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise DamagedStore("is not a Byline annotation store")
        return data

    def write(self, data: dict) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            payload = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
            with open(tmp, "wb") as fh:
                fh.write(payload)
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
        self._cache: dict | None = None
        self._cache_stat: tuple[int, int, int] | None = None
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

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _load(self) -> dict:
        """The file's data, under the lock. What this store wrote last is kept in memory and
        used again while the file is the one it wrote (same inode, time and size): only another
        process's write makes it read the file again."""
        stat = self._stat()
        if self._cache is not None and stat is not None and stat == self._cache_stat:
            return self._cache
        data = self._db.storage.read() or {}
        self._cache, self._cache_stat = data, stat
        return data

    def _modify(self, change) -> None:
        """One locked read-modify-write of the whole file: `change(tables)` edits the dict.

        The same file layout TinyDB reads (tables of documents keyed by id), in one atomic write
        per change, where going through TinyDB's tables would read it twice."""
        with self._locked():
            storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
            try:
                data = self._load()
            except DamagedStore as exc:
                self._open_readonly(f"became unreadable ({exc})")
                raise StoreError(self.problem) from None
            self._cache = None  # edited in place below: trusted again only once written
            data.setdefault(META, {}).setdefault("1", {"schema": SCHEMA_VERSION, "created": now()})
            if change(data) is not False:
                storage.write(data)
            self._cache, self._cache_stat = data, self._stat()

    def _read(self) -> dict:
        if self.readonly:
            return self._db.storage.read() or {}
        try:
            with _LockContext(self._lock, self.path):
                return self._load()
        except DamagedStore as exc:
            self._open_readonly(str(exc))
            return {}

    # -- articles -------------------------------------------------------------------------
    def article_id(self, article: Article) -> tuple[str, bool]:
        """The id under which an article's annotations are kept, and whether its text changed
        since it was last opened. Known by path first (an edited file keeps its notes), then by
        content hash (a moved or copied file, or standard input)."""
        path = str(article.path) if article.path else None
        answer: tuple[str, bool] | None = None

        def find(records: dict) -> tuple[str, dict] | None:
            if path:
                hit = next(((k, r) for k, r in records.items() if r.get("path") == path), None)
                if hit:
                    return hit
            return next(((k, r) for k, r in records.items() if r.get("sha256") == article.sha256), None)

        def change(data: dict) -> bool:
            nonlocal answer
            records = data.setdefault(ARTICLES, {})
            found = find(records)
            if found is not None:
                key, record = found
                changed = record.get("sha256") != article.sha256
                answer = (record["id"], changed)
                if changed or (path and record.get("path") != path):
                    record.update(sha256=article.sha256, path=path or record.get("path"), seen=now())
                    return True
                return False
            record_id = new_id()
            records[str(_doc_id(record_id))] = {"id": record_id, "path": path, "sha256": article.sha256,
                                                "title": article.title, "seen": now()}
            answer = (record_id, False)
            return True

        if self.readonly:
            found = find(self._read().get(ARTICLES, {}))
            return (found[1]["id"], found[1].get("sha256") != article.sha256) if found else (new_id(), False)
        self._modify(change)
        assert answer is not None
        return answer

    # -- annotations ----------------------------------------------------------------------
    def annotations(self, article_id: str) -> list[Annotation]:
        table = self._read().get(ANNOTATIONS, {})
        found = [Annotation.from_dict(d) for d in table.values() if d.get("article") == article_id]
        found.sort(key=lambda a: (a.orphan, a.start, a.end))
        return found

    def add(self, annotation: Annotation) -> Annotation:
        def change(data: dict) -> None:
            table = data.setdefault(ANNOTATIONS, {})
            key = str(_doc_id(annotation.id))
            if key in table:
                raise StoreError(f"an annotation with id {annotation.id} is already stored")
            table[key] = annotation.to_dict()

        self._modify(change)
        return annotation

    def put(self, annotation: Annotation) -> Annotation:
        """Save a changed annotation (or bring back a deleted one)."""
        self._modify(lambda data: data.setdefault(ANNOTATIONS, {}).__setitem__(str(_doc_id(annotation.id)), annotation.to_dict()))
        return annotation

    def delete(self, annotation_id: str) -> None:
        def change(data: dict) -> bool:
            return data.setdefault(ANNOTATIONS, {}).pop(str(_doc_id(annotation_id)), None) is not None

        self._modify(change)

    def add_many(self, annotations: Iterable[Annotation]) -> int:
        """Insert several annotations in one write (imports); existing ids are left alone."""
        added = 0

        def change(data: dict) -> bool:
            nonlocal added
            table = data.setdefault(ANNOTATIONS, {})
            for ann in annotations:
                key = str(_doc_id(ann.id))
                if key not in table:
                    table[key] = ann.to_dict()
                    added += 1
            return added > 0

        self._modify(change)
        return added

    def reanchor(self, article_id: str, text: str) -> list[Annotation]:
        """Find every annotation of an article again in its (changed) text, in one write.

        Found ones get their anchor moved; lost ones are kept as orphans, never dropped."""
        result: list[Annotation] = []

        def change(data: dict) -> bool:
            table = data.get(ANNOTATIONS, {})
            dirty = False
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
                table[key] = ann.to_dict()
                result.append(ann)
            return dirty

        self._modify(change)
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
