"""The store: the library's articles and their annotations, in TinyDB files that never lose a note.

Layout (schema 3), one folder (`byline locate` prints it):

    articles/<id>.json   one article: its record (id, where it came from, text hash, metadata),
                         its annotations and corrections; adding or changing one rewrites only it
    texts/<id>.txt       the article's text as read, so it reopens when its file or page is gone
    analyses/<id>.json   derived: what the model found in it
    catalogue.sqlite3    derived: the list, counts, people, quotes, notes, search (indexing.py)
    people-merges.json   the user's merges and splits of people across the library
    deleted/             the annotation files of deleted articles, kept

Schema 2's index.json (every record, rewritten whole on each add) moves into the article files on
first start (migrate.move_index), kept as index.v2-backup.json.

Every file is in TinyDB's format (tables of documents keyed by number; TinyDB(path) reads it), and:
- is written atomically and durably: a temporary file beside it, fsync, rename, fsync of its
  folder. A file that is a symbolic link (a synced folder) has its target replaced, the link kept;
- changes under its own file lock, read-modify-write, so two running copies never overwrite each
  other. What a Store last read or wrote is kept and read again only when the file changed;
- is read record by record: a damaged record is reported (`Store.skipped`, one line with its id),
  left out of what is shown, and kept in the file as it was;
- is never overwritten when it cannot be read (not JSON, not tables) or comes from a newer Byline:
  the Store that meets one turns read-only, and `Store.problem` says which file and what to do
  (a damaged article file is met when that article is written).
Temporary files of killed writers are swept. The one-file store of schema 1 (annotations.json)
is migrated on first start and kept beside the new folder as a backup.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import store_files as files
from .annotation import Annotation, new_id, now
from .atomic import sweep
from .catalogue import FILE as CATALOGUE
from .catalogue import Catalogue, failed_line
from .errors import StoreError
from .indexing import sync
from .model import Analysis
from .paths import stored_path
from .rebuild import RECOVERED
from .records import Bad, annotation_from, record_name
from .sources import Article
from .store_files import _file_key, _locations, _read_only_mount, _schema, article_fields, moved_anchors, own_meta
from .tablefile import AtomicJSONStorage, DamagedStore, TableFile, write_atomic
from .visible import one_line

__all__ = ["AtomicJSONStorage", "DamagedStore", "Store", "annotation_from", "article_fields", "write_atomic"]

SCHEMA_VERSION = 3
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
        self._catalogue: Catalogue | None = None
        self._looked = False
        #: the records of a schema 2 index.json that could not be moved (a read-only folder)
        self.legacy_records: dict[str, dict] = {}
        #: schema 2's list of every article, moved into the article files on first start
        self.index = TableFile(root / INDEX, lock_timeout)
        self.lock = TableFile(root / "store", lock_timeout)  # held while an article is added
        try:
            root.mkdir(parents=True, exist_ok=True)
            if legacy is not None and (legacy.exists() or legacy.is_symlink()):
                from .migrate import migrate

                migrate(self, legacy)
            if self.readonly:
                return
            with self.lock.locked():  # a folder that cannot be written fails here
                if self.index.path.exists() or self.index.path.is_symlink():
                    from .migrate import move_index

                    move_index(self)
        except (StoreError, OSError) as exc:
            from .migrate import read_only_folder

            if not read_only_folder(self, root, exc, _read_only_mount(root)):
                self.refuse(root, f"cannot be used ({getattr(exc, 'strerror', None) or exc})")
            return
        if not self.readonly:
            self.sweep_once(root)

    @property
    def why_readonly(self) -> str:  # the one line that says why nothing can be saved
        return self.problem or self.unwritable or "the store is read-only"

    # -- state ----------------------------------------------------------------------------------
    def refuse(self, file: Path, why: str) -> None:
        """Make the store read-only because `file` cannot be written safely (never touching it)."""
        if self.readonly:
            return
        self.readonly = True
        then = "to start again"
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

    # -- the articles -------------------------------------------------------------------------
    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of the folder (catalogue.py), up to date with the article files added,
        replaced or removed (a read-only folder, or one whose catalogue cannot be written, gets
        one in memory)."""
        if self._catalogue is None:
            path = self.path / CATALOGUE
            try:
                self._catalogue = Catalogue(path, readonly=self.readonly)
            except (sqlite3.Error, OSError) as exc:
                self.catalogue_failed(exc)
                self._catalogue = Catalogue(path, memory=True)
            if self._catalogue.notice:
                self.notices.append(one_line(self._catalogue.notice))
        try:
            sync(self, self._catalogue)
        except sqlite3.Error as exc:  # a full disk: derived data, made in memory meanwhile
            self.catalogue_failed(exc)
            self._catalogue = Catalogue(self.path / CATALOGUE, memory=True)
            sync(self, self._catalogue)
        return self._catalogue

    def new_catalogue(self) -> Catalogue:
        """An empty catalogue in place of the one there is (its file removed): for a rebuild."""
        if self._catalogue is not None:
            self._catalogue.close()
        self._catalogue = Catalogue.fresh(self.path / CATALOGUE, self.readonly)
        return self._catalogue

    def look(self) -> Catalogue:
        """The catalogue, once per Store with a stat of every article file: a file another program
        wrote in place (its folder unchanged) is indexed again too."""
        cat = self.catalogue
        if not self._looked:
            self._looked = True
            try:
                sync(self, cat, look=True)
            except sqlite3.Error as exc:
                self.catalogue_failed(exc)
        return cat

    def catalogue_failed(self, exc: Exception) -> None:
        """Say once that the catalogue could not be written (what the user wrote is kept)."""
        if (line := failed_line(self.path / CATALOGUE, exc)) not in self.notices:
            self.notices.append(line)

    def records(self) -> list[dict]:
        """Every article's record, oldest first."""
        return self.catalogue.records()

    def record(self, key: str) -> dict | None:
        return self.catalogue.record(key)

    def _put_record(self, key: str, record: dict, analysis: Analysis | None = None) -> None:
        """Keep an article's record in its file (made when there is none), then index it."""

        def change(file: TableFile, data: dict) -> bool:
            files.put_record(data, key, record, SCHEMA_VERSION, now())
            return True

        self._modify_article(key, change, analysis=analysis)

    def article_id(self, article: Article, analysis: Analysis | None = None) -> tuple[str, bool]:
        """The id under which an article's annotations are kept, and whether its text changed
        since it was last opened. Known by path first (an edited file keeps its notes), then by
        content hash (a moved or copied file, standard input, a page). A new article, or a
        changed text, is kept in the library (its record and text); `analysis` (of its text) is
        what the catalogue counts."""
        path = stored_path(article.path) if article.path else None

        def find() -> dict | None:
            cat = self.catalogue
            ids = (cat.ids_where("path", path) if path else []) or cat.ids_where("sha256", article.sha256)
            return cat.record(ids[0]) if ids else None

        if self.readonly:
            found = find()
            return (found["id"], found["sha256"] != article.sha256) if found else (new_id(), False)
        self._writable()
        with self.lock.locked():
            record = find()
            if record is None:
                key = new_id()
                fields = {"id": key, "path": path, "sha256": article.sha256, **article_fields(article)}
                self.put_text(key, article.text)  # first: the record is indexed with it
                self._put_record(key, {**fields, "added": now(), "seen": now()}, analysis)
                return key, False
            key, changed = record["id"], record["sha256"] != article.sha256
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
            if changed or fields or recovered:
                try:
                    self._put_record(key, {**record, **fields, "sha256": article.sha256, "seen": now()}, analysis)
                except StoreError:
                    if not self.problem:
                        raise  # its file cannot be read: the store is read-only, the article still opens
            elif analysis is not None:
                self.index_again(key, analysis)
            return key, changed

    def update_records(self, changes: dict[str, dict]) -> int:
        """Set fields of article records, by article id; returns how many changed."""
        self._writable()
        count = 0
        for key, fields in changes.items():
            record = self.record(key)
            if record is not None and any(record.get(k) != v for k, v in fields.items()):
                self._put_record(key, {**record, **fields})
                count += 1
        return count

    def remove_article(self, key: str) -> bool:
        """Take an article out of the library: its file moves to deleted/ and its text goes."""
        self._writable()
        removed = self.record(key) is not None
        file = self.article_file(key)
        with self.indexing() as cat, file.locked():
            files.mark_deleted(self.path, _file_key(key))  # a reader open on it finds out at its next write
            files.set_aside(self.path, file.path)
            with contextlib.suppress(OSError):
                self.text_path(key).unlink()
            if cat is not None:
                cat.remove(key)
        return removed

    def index_again(self, key: str, analysis: Analysis | None = None) -> None:
        """Index one article again (with this analysis of its text)."""
        with self.indexing() as cat:
            record = cat.record(key) if cat is not None else None
            if cat is not None and record is not None:
                from .indexing import index_article

                index_article(self, cat, key, record, analysis)

    @contextlib.contextmanager
    def indexing(self) -> Iterator[Catalogue | None]:
        """Around a write of this Store: the catalogue to update at once (None when it is not
        open), and when it was up to date before, up to date after (other writers are found
        by the stat of the files). A catalogue that cannot be written is said, never raised."""
        cat = self._catalogue
        try:
            from .indexing import folder_stamp, settle

            fresh = cat is not None and cat.get_meta("stamp") == folder_stamp(self)
            yield cat
            if cat is not None and fresh:
                settle(self, cat)
        except sqlite3.Error as exc:
            self.catalogue_failed(exc)
            self._catalogue = None

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

    def _valid(self, key: str, path: Path, data: dict) -> Iterable[tuple[str, Annotation]]:
        for doc, raw in data.get(ANNOTATIONS, {}).items():
            try:
                ann = annotation_from(raw)
            except Bad as bad:
                self.skip(path, record_name(raw, doc, "annotation"), str(bad))
                continue
            ann.article = key
            self._home[ann.id] = key
            yield doc, ann

    def annotations(self, article_id: str) -> list[Annotation]:
        file = self.article_file(article_id)
        data = self._article_tables(article_id, file)
        found = [ann for _, ann in self._valid(article_id, file.path, data)] if data else []
        found.sort(key=lambda a: (a.orphan, a.start, a.end))
        return found

    def annotations_in(self, key: str, path: Path, data: dict) -> list[Annotation]:
        """The annotations of an article file's tables, as read already (damaged ones said)."""
        return sorted((ann for _, ann in self._valid(key, path, data)), key=lambda a: (a.orphan, a.start, a.end))

    def _modify_article(
        self,
        key: str,
        change: Callable[[TableFile, dict], object],
        notes: bool = False,
        analysis: Analysis | None = None,
    ) -> None:
        """Change an article's file under its lock, then its entry in the catalogue: only its
        notes when `notes` (a note changed, not a correction: what its analysis counts is the same)."""
        self._writable()
        file = self.article_file(key)
        file.path.parent.mkdir(exist_ok=True)
        self.sweep_once(file.path.parent)

        def edit(data: dict) -> object:
            if not self._check_schema(data, file.path):
                raise StoreError(self.problem)
            own_meta(data, key, SCHEMA_VERSION, now())
            data.setdefault(ANNOTATIONS, {})
            return change(file, data)

        with self.indexing() as cat:
            try:
                file.modify(edit)
            except DamagedStore as exc:
                self.refuse(file.path, str(exc))
                raise StoreError(self.problem) from None
            if cat is not None and not files.was_deleted(self.path, _file_key(key)):
                from .indexing import index_article, index_notes, record_in

                if not (notes and index_notes(self, cat, key, self.annotations(key))):
                    record, _, read = record_in(self, file.path.name)
                    if record is not None:
                        index_article(self, cat, key, record, analysis, read)
        if files.was_deleted(self.path, _file_key(key)):  # another Byline deleted it while it was open
            with file.locked():
                kept = files.set_aside(self.path, file.path)
            raise StoreError(one_line(f"{files.DELETED_MEANWHILE} {kept or self.path / 'deleted'}"))

    def add(self, annotation: Annotation) -> Annotation:
        def change(file: TableFile, data: dict) -> None:
            if annotation.id in file.ids(data, ANNOTATIONS)[0]:
                raise StoreError(f"an annotation with id {one_line(annotation.id)} is already stored")
            file.insert(data, ANNOTATIONS, annotation.to_dict())

        self._modify_article(annotation.article, change, notes=annotation.kind != "correction")
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

        self._modify_article(annotation.article, change, notes=annotation.kind != "correction")
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

        self._modify_article(key, change, notes=isinstance(annotation, Annotation) and annotation.kind != "correction")

    def _find_home(self, annotation_id: str) -> str | None:
        """The article whose file holds an annotation, as the catalogue knows it."""
        row = self.catalogue.db.execute("SELECT article FROM notes WHERE id = ?", (annotation_id,)).fetchone()
        return row[0] if row else None

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
            article_id, lambda file, data: moved_anchors(self._valid(article_id, file.path, data), data, text, result)
        )
        result.sort(key=lambda a: (a.orphan, a.start, a.end))
        return result
