"""The store: the library's articles and their annotations, in TinyDB files that never lose a note.

Layout (schema 2), one folder (`byline locate` prints it):

    index.json           every article: its id, where it came from, text hash, metadata, counts
    articles/<id>.json   one article's annotations (a file per article: a change rewrites only it)
    texts/<id>.txt       the article's text as read, so it reopens when its file or page is gone
    catalogue.sqlite3    derived: counts, people, quotes, notes, search (catalogue.py, library.py)
    deleted/             the annotation files of deleted articles, kept

Every file is in TinyDB's format (tables of documents keyed by number; TinyDB(path) reads it), and:
- is written atomically and durably: a temporary file beside it, fsync, rename, fsync of its
  folder. A file that is a symbolic link (a synced folder) has its target replaced, the link kept;
- changes under its own file lock, read-modify-write, so two running copies never overwrite each
  other. What a Store last read or wrote is kept and read again only when the file changed;
- is read record by record: a damaged record is reported (`Store.skipped`, one line with its id),
  left out of what is shown, and kept in the file as it was;
- is never overwritten when it cannot be read (not JSON, not tables) or comes from a newer Byline:
  the Store that meets one turns read-only, and `Store.problem` says which file and what to do
  (a damaged article file is met only when that article is opened).
Temporary files of killed writers are swept. The one-file store of schema 1 (annotations.json)
is migrated on first start and kept beside the new folder as a backup.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from . import store_files as files
from .annotation import Annotation, new_id, now
from .atomic import sweep
from .errors import StoreError
from .paths import stored_path
from .rebuild import RECOVERED, orphan_id, rebuild_records
from .records import Bad, annotation_from, article_record, check_annotation, record_name
from .sources import Article
from .store_files import _file_key, _locations, _read_only_mount, _schema, article_fields, moved_anchors
from .tablefile import AtomicJSONStorage, DamagedStore, TableFile, read_tables, write_atomic
from .visible import one_line

__all__ = ["AtomicJSONStorage", "DamagedStore", "Store", "annotation_from", "article_fields", "write_atomic"]

SCHEMA_VERSION = 2
LEGACY_SCHEMA = 1
ANNOTATIONS = "annotations"
ARTICLES = "articles"
META = "meta"
INDEX = "index.json"


# -- the store ----------------------------------------------------------------------------------
class Store:
    """Articles and their annotations, shared safely between running copies of Byline.

    `Store(path)`: `path` is the store's folder (default: `paths.store_dir()`); a `.json` path is
    a store of schema 1, migrated into the folder of the same name without `.json`."""

    def __init__(self, path: Path | str | None = None, lock_timeout: float = 15.0) -> None:
        root, legacy = _locations(path)
        self.path = root
        self.readonly = False
        self.problem: str | None = None
        #: why nothing can be written though everything can be read (a read-only mount, a
        #: colleague's folder, a full quota): set with `readonly`, never with `problem`
        self.unwritable: str | None = None
        #: one line per damaged record left out (its file and id); the records stay in their files
        self.skipped: list[str] = []
        #: one line per thing the user should know (a migration done, an old store left alone)
        self.notices: list[str] = []
        self.lock_timeout = lock_timeout
        self._files: dict[str, TableFile] = {}
        self._home: dict[str, str] = {}  # annotation id -> article id, for delete()
        self._swept: set[Path] = set()
        self._orphans: dict = {}  # what the folder keeps that the index does not list (rebuild.py)
        self.index = TableFile(root / INDEX, lock_timeout)
        try:
            root.mkdir(parents=True, exist_ok=True)
            if legacy is not None and (legacy.exists() or legacy.is_symlink()):
                from .migrate import migrate

                migrate(self, legacy)
            if self.readonly:
                return
            with self.index.locked():
                data = self.index.load()
                if not data:
                    data = self._new_index()
        except DamagedStore as exc:
            self.refuse(self.index.path, str(exc))
            return
        except (StoreError, OSError) as exc:
            if not self._read_only_folder(root, exc):
                self.refuse(root, f"cannot be used ({getattr(exc, 'strerror', None) or exc})")
            return
        if self._check_schema(data, self.index.path):
            self.sweep_once(root)

    def _read_only_folder(self, root: Path, exc: Exception) -> bool:
        """When the folder cannot be written (but may be read): read it without a lock (every
        write replaces a file whole, so a read is never torn) and turn read-only, saying so
        once. False when that is not why it failed."""
        if not root.is_dir() or os.access(root, os.W_OK) and not _read_only_mount(root):
            return False
        self.readonly = True
        self.unwritable = one_line(
            f"the library {root} cannot be written ({getattr(exc, 'strerror', None) or 'read-only'}): "
            "Byline reads it, but nothing is saved (notes, tags, articles added) until it can write there"
        )
        self.notices.append(self.unwritable)
        try:
            data = self.index.load()
        except DamagedStore as damaged:
            self.refuse(self.index.path, str(damaged))
            return True
        self._check_schema(data, self.index.path)
        return True

    @property
    def why_readonly(self) -> str:  # the one line that says why nothing can be saved
        return self.problem or self.unwritable or "the store is read-only"

    def _new_index(self) -> dict:
        """A new index (locked): empty, or made again from what the folder keeps (rebuild.py)."""
        records = rebuild_records(self.path, _file_key)
        data = {
            META: {"1": {"schema": SCHEMA_VERSION, "created": now()}},
            ARTICLES: {str(i): record for i, record in enumerate(records, 1)},
        }
        self.index.write(data)
        if records:
            self.notices.append(
                one_line(
                    f"the library's index {self.index.path} was missing: made again from the {len(records)} "
                    f"article{'s' if len(records) != 1 else ''} kept in {self.path}, with every note; titles, "
                    f"sources and paths come back as each is opened or added again"
                )
            )
        return data

    # -- state ----------------------------------------------------------------------------------
    def refuse(self, file: Path, why: str) -> None:
        """Make the store read-only because `file` cannot be written safely (never touching it)."""
        if self.readonly:
            return
        self.readonly = True
        then = (
            "Byline then makes the index again from the article files and texts beside it, with every note"
            if file == self.index.path
            else "to start again"
        )
        self.problem = one_line(
            f"store file {file} {why}; it was left untouched and Byline is read-only: "
            f"move that file aside (or restore a backup); {then}"
        )

    def skip(self, file: Path, what: str, why: str) -> None:
        line = one_line(f"{file}: skipped {what}: {why}; it is kept in the file as it was")
        if line not in self.skipped:
            self.skipped.append(line)

    def _check_schema(self, data: dict, file: Path) -> bool:
        schema = _schema(data)
        if data.get(META, {}).get("1") is not None and (isinstance(schema, bool) or not isinstance(schema, int)):
            self.skip(file, "the meta record", f"it is damaged; read as schema {SCHEMA_VERSION}")
        elif isinstance(schema, int) and schema > SCHEMA_VERSION:
            self.refuse(file, f"was written by a newer Byline (schema {schema})")
            return False
        return True

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(self.why_readonly)

    def sweep_once(self, folder: Path) -> None:
        """Sweep a folder's stale temporary files, once per Store."""
        if folder not in self._swept:
            self._swept.add(folder)
            sweep(folder)

    def table_file(self, name: str, durable: bool = True) -> TableFile:
        """A file of the store's folder by name (the library's side indexes)."""
        if name not in self._files:
            self._files[name] = TableFile(self.path / name, self.lock_timeout, durable)
        return self._files[name]

    def article_path(self, key: str) -> Path:
        return self.path / ARTICLES / f"{_file_key(key)}.json"

    def text_path(self, key: str) -> Path:
        return self.path / "texts" / f"{_file_key(key)}.txt"

    def article_file(self, key: str) -> TableFile:
        return self.table_file(f"{ARTICLES}/{_file_key(key)}.json")

    # -- the index ------------------------------------------------------------------------------
    def records(self) -> list[dict]:
        """Every readable article record of the index (damaged ones skipped and reported)."""
        if self.readonly and not self.index.loaded:
            return []
        try:
            data = self.index.load()
        except DamagedStore as exc:
            self.refuse(self.index.path, str(exc))
            return []
        return [record for _, record in self._records(data)]

    def _records(self, data: dict) -> list[tuple[str, dict]]:
        found = []
        for doc, raw in data.get(ARTICLES, {}).items():
            try:
                found.append((doc, article_record(raw)))
            except Bad as bad:
                self.skip(self.index.path, record_name(raw, doc, "article"), str(bad))
        return found

    def article_id(self, article: Article) -> tuple[str, bool]:
        """The id under which an article's annotations are kept, and whether its text changed
        since it was last opened. Known by path first (an edited file keeps its notes), then by
        content hash (a moved or copied file, standard input, a page). A new article, or a
        changed text, is kept in the library (index record and text)."""
        path = stored_path(article.path) if article.path else None
        answer: tuple[str, bool] | None = None

        def find(records: list[tuple[str, dict]]) -> tuple[str, dict] | None:
            if path:
                hit = next(((d, r) for d, r in records if r.get("path") == path), None)
                if hit:
                    return hit
            return next(((d, r) for d, r in records if r["sha256"] == article.sha256), None)

        if self.readonly:
            found = find([(str(i), r) for i, r in enumerate(self.records())])
            return (found[1]["id"], found[1]["sha256"] != article.sha256) if found else (new_id(), False)

        def change(data: dict) -> bool:
            nonlocal answer
            records = self._records(data)
            found = find(records)
            if found is None:
                known = {r["id"] for _, r in records}
                key = orphan_id(self.path, known, article.sha256, _file_key, self._orphans) or new_id()
                self.put_text(key, article.text)
                self.index.insert(
                    data,
                    ARTICLES,
                    {
                        "id": key,
                        "path": path,
                        "sha256": article.sha256,
                        **article_fields(article),
                        "added": now(),
                        "seen": now(),
                    },
                )
                answer = (key, False)
                return True
            _, record = found
            key, changed = record["id"], record["sha256"] != article.sha256
            answer = (key, changed)
            recovered = record.pop(RECOVERED, None) is not None  # made again without its metadata
            fields = (
                article_fields(article)
                if changed or recovered
                else {k: v for k, v in article_fields(article).items() if v and not record.get(k)}
            )
            if path and record.get("path") != path:
                fields["path"] = path
            if changed or not self.text_path(key).exists():
                self.put_text(key, article.text)
            if not changed and not fields:
                return False
            record.update(fields, sha256=article.sha256, seen=now())
            return True

        self._writable()
        try:
            self.index.modify(change)
        except DamagedStore as exc:
            self.refuse(self.index.path, f"became unreadable ({exc})")
            raise StoreError(self.problem) from None
        assert answer is not None
        return answer

    def update_records(self, changes: dict[str, dict]) -> int:
        """Set fields of article records, by article id, in one write; returns how many were found."""
        self._writable()
        count = 0

        def change(data: dict) -> bool:
            nonlocal count
            for _, record in self._records(data):
                fields = changes.get(record["id"])
                if fields is not None and any(record.get(k) != v for k, v in fields.items()):
                    record.update(fields)
                    count += 1
            return count > 0

        self.index.modify(change)
        return count

    def remove_article(self, key: str) -> bool:
        """Take an article out of the index; its annotation file moves to deleted/ and its text goes."""
        self._writable()
        removed = False

        def change(data: dict) -> bool:
            nonlocal removed
            table = data.get(ARTICLES, {})
            docs = [doc for doc, record in self._records(data) if record["id"] == key]
            for doc in docs:
                del table[doc]
            removed = bool(docs)
            return removed

        self.index.modify(change)
        file = self.article_file(key)
        with file.locked():
            files.mark_deleted(self.path, _file_key(key))  # a reader open on it finds out at its next write
            files.set_aside(self.path, file.path)
        with contextlib.suppress(OSError):
            self.text_path(key).unlink()
        return removed

    # -- texts ----------------------------------------------------------------------------------
    def put_text(self, key: str, text: str) -> None:
        path = self.text_path(key)
        path.parent.mkdir(exist_ok=True)
        self.sweep_once(path.parent)
        write_atomic(path, text.encode("utf-8"))

    def text(self, key: str, sha256: str | None = None) -> str | None:
        """The article's text as read, or None when it is not kept (or not the one of `sha256`)."""
        try:
            text = self.text_path(key).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if sha256 is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
            return None
        return text

    # -- annotations ----------------------------------------------------------------------------
    def _article_tables(self, key: str, file: TableFile) -> dict | None:
        """An article file's tables; None when it cannot be read (the store turns read-only)."""
        try:
            data = file.load()
        except DamagedStore as exc:
            self.refuse(file.path, str(exc))
            return None
        return data if self._check_schema(data, file.path) else None

    def _valid(self, key: str, file: TableFile, data: dict) -> Iterable[tuple[str, Annotation]]:
        for doc, raw in data.get(ANNOTATIONS, {}).items():
            try:
                ann = annotation_from(raw)
            except Bad as bad:
                self.skip(file.path, record_name(raw, doc, "annotation"), str(bad))
                continue
            ann.article = key
            self._home[ann.id] = key
            yield doc, ann

    def annotations(self, article_id: str) -> list[Annotation]:
        file = self.article_file(article_id)
        data = self._article_tables(article_id, file)
        found = [ann for _, ann in self._valid(article_id, file, data)] if data else []
        found.sort(key=lambda a: (a.orphan, a.start, a.end))
        return found

    def count_notes(self, article_id: str, report: bool = True) -> int | None:
        """How many of an article's annotations are notes (not corrections); None when unreadable."""
        file = self.article_path(article_id)
        try:
            data, _ = read_tables(file, exact=False)
        except DamagedStore:
            return None
        count = 0
        for doc, raw in (data or {}).get(ANNOTATIONS, {}).items():
            try:
                count += (check_annotation(raw).get("kind") or "annotation") == "annotation"
            except Bad as bad:
                if report:
                    self.skip(file, record_name(raw, doc, "annotation"), str(bad))
        return count

    def _modify_article(self, key: str, change: Callable[[TableFile, dict], object]) -> None:
        self._writable()
        file = self.article_file(key)
        file.path.parent.mkdir(exist_ok=True)
        self.sweep_once(file.path.parent)

        def edit(data: dict) -> object:
            if not self._check_schema(data, file.path):
                raise StoreError(self.problem)
            data.setdefault(META, {}).setdefault("1", {"schema": SCHEMA_VERSION, "article": key, "created": now()})
            data.setdefault(ANNOTATIONS, {})
            return change(file, data)

        try:
            file.modify(edit)
        except DamagedStore as exc:
            self.refuse(file.path, str(exc))
            raise StoreError(self.problem) from None
        if files.was_deleted(self.path, _file_key(key)):  # another Byline deleted it while it was open
            with file.locked():
                kept = files.set_aside(self.path, file.path)
            raise StoreError(one_line(f"{files.DELETED_MEANWHILE} {kept or self.path / 'deleted'}"))

    def add(self, annotation: Annotation) -> Annotation:
        def change(file: TableFile, data: dict) -> None:
            if annotation.id in file.ids(data, ANNOTATIONS)[0]:
                raise StoreError(f"an annotation with id {one_line(annotation.id)} is already stored")
            file.insert(data, ANNOTATIONS, annotation.to_dict())

        self._modify_article(annotation.article, change)
        self._home[annotation.id] = annotation.article
        return annotation

    def put(self, annotation: Annotation) -> Annotation:
        """Save a changed annotation (or bring back a deleted one)."""

        def change(file: TableFile, data: dict) -> None:
            doc = file.ids(data, ANNOTATIONS)[0].get(annotation.id)
            if doc is None:
                file.insert(data, ANNOTATIONS, annotation.to_dict())
            else:
                data[ANNOTATIONS][doc] = annotation.to_dict()

        self._modify_article(annotation.article, change)
        self._home[annotation.id] = annotation.article
        return annotation

    def delete(self, annotation: str | Annotation, article: str | None = None) -> None:
        """Delete an annotation, by itself or by its id (its article is then the one it was read
        from, or else looked for)."""
        if isinstance(annotation, Annotation):
            annotation_id, article = annotation.id, article or annotation.article
        else:
            annotation_id = annotation
        key = article or self._home.get(annotation_id) or self._find_home(annotation_id)
        if key is None:
            return

        def change(file: TableFile, data: dict) -> bool:
            keys = file.ids(data, ANNOTATIONS)[0]
            doc = keys.pop(annotation_id, None)
            return doc is not None and data[ANNOTATIONS].pop(doc, None) is not None

        self._modify_article(key, change)

    def _find_home(self, annotation_id: str) -> str | None:
        """The article whose file holds an annotation (files that cannot be read are passed over)."""
        for record in self.records():
            try:
                data, _ = read_tables(self.article_path(record["id"]), exact=False)
            except DamagedStore:
                continue
            table = (data or {}).get(ANNOTATIONS, {})
            if any(isinstance(raw, dict) and raw.get("id") == annotation_id for raw in table.values()):
                return record["id"]
        return None

    def add_many(self, annotations: Iterable[Annotation]) -> int:
        """Insert several annotations, one write per article (imports); an annotation whose whole
        id is already stored is left alone."""
        by_article: dict[str, list[Annotation]] = {}
        for ann in annotations:
            by_article.setdefault(ann.article, []).append(ann)
        added = 0
        for key, group in by_article.items():

            def change(file: TableFile, data: dict, group=group) -> bool:
                nonlocal added
                keys, before = file.ids(data, ANNOTATIONS)[0], added
                for ann in group:
                    if ann.id not in keys:
                        file.insert(data, ANNOTATIONS, ann.to_dict())
                        added += 1
                return added > before

            self._modify_article(key, change)
            self._home.update((ann.id, key) for ann in group)
        return added

    def reanchor(self, article_id: str, text: str) -> list[Annotation]:
        """Find every annotation of an article again in its (changed) text, in one write.

        Found ones get their anchor moved; lost ones are kept as orphans, never dropped."""
        result: list[Annotation] = []
        self._modify_article(
            article_id, lambda file, data: moved_anchors(self._valid(article_id, file, data), data, text, result)
        )
        result.sort(key=lambda a: (a.orphan, a.start, a.end))
        return result

    def close(self) -> None:
        """Nothing to close: every change is on disk when its call returns."""
