"""Keeping the catalogue (catalogue.py) up to date with the store's files.

The user's data is the article files (articles/<id>.json: the article's record and its notes and
corrections) and the kept texts; what the model found comes from the analysis given, else the
analysis cache, else what was kept beside the article (analyses/<id>.json), else what the catalogue
itself kept. Every correction is applied (corrections.corrected) before anything is counted. One
article is indexed in one transaction; `sync` indexes the files whose stat changed since the
catalogue last saw them and drops the articles whose file is gone.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from . import people_merges
from .cache import latest
from .catalogue import CHECKPOINT_PAGES, Catalogue, dir_stamp, stamp_of
from .catalogue_rows import Indexed, contents, note_row
from .corrections import corrected
from .library_people import summary as people_summary
from .model import Analysis
from .rebuild import recovered_record
from .records import Bad, article_record
from .store_files import _file_key, meta_of
from .tablefile import DamagedStore, read_tables, write_atomic
from .voices import from_summary

if TYPE_CHECKING:
    from .annotation import Annotation
    from .store_view import StoreView

ARTICLES = "articles"
BATCH = 200  # articles indexed per transaction when many are
PARALLEL = 2000  # a rebuild of at least this many articles is made by worker processes
WINDOW = 2000  # articles handed to the workers at a time


def analysis_path(store: StoreView, key: str) -> Path:
    return store.path / "analyses" / f"{_file_key(key)}.json"


def keep_analysis(store: StoreView, key: str, raw: dict) -> None:
    """What the model found in an article, kept beside it: the catalogue is made again from it
    without spaCy when the analysis cache was cleared (derived data: not fsynced)."""
    path = analysis_path(store, key)
    try:
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, orjson.dumps(raw), durable=False)
    except OSError:
        pass  # the cache and the catalogue still have it


def kept_analysis(store: StoreView, key: str) -> dict | None:
    try:
        data = orjson.loads(analysis_path(store, key).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def raw_analysis(
    store: StoreView, cat: Catalogue | None, key: str, sha256: str, given: Analysis | None
) -> Analysis | None:
    """The model's own analysis of an article's text, from wherever it is kept."""
    if given is not None and given.sha256 == sha256:
        return given
    found = latest(sha256)
    if found is not None:
        return found
    for kept in (kept_analysis(store, key), cat.raw(key) if cat is not None else None):
        if kept and kept.get("sha256") == sha256:
            return from_summary(kept)
    return None


def index_article(
    store: StoreView,
    cat: Catalogue,
    key: str,
    record: dict,
    analysis: Analysis | None = None,
    read: Read | None = None,
    db: sqlite3.Connection | None = None,
    bulk: bool = False,
) -> None:
    """Put one article in the catalogue as the user sees it: its record, its notes, and what its
    analysis found with every correction applied (one transaction, or within `db`'s). `read` is
    its file as read already."""
    cat.put(key, indexed(store, cat, key, record, analysis, read), db, bulk)


def indexed(
    store: StoreView,
    cat: Catalogue | None,
    key: str,
    record: dict,
    analysis: Analysis | None = None,
    read: Read | None = None,
    text: str | None = None,
) -> Indexed:
    """What one article puts in the catalogue (no catalogue needed but as the last place its
    analysis may be kept); `text` is its kept text, when it was just written."""
    path = store.article_path(key)
    file_stamp = stamp_of(path)
    if read is None:
        read = read_file(path)
    said = len(store.skipped)
    annotations = store.annotations_in(key, path, read.data) if read.data else []
    skipped = store.skipped[said:]  # kept with the article, said where it is listed
    del store.skipped[said:]
    sha256 = record.get("sha256") or ""
    text = store.text(key, sha256) if text is None else text
    raw = raw_analysis(store, cat, key, sha256, analysis)
    summary: dict | None = None
    model_said: dict = {}
    if raw is not None:
        now = corrected(raw, [a for a in annotations if a.kind == "correction"], text) if text else raw
        model_said = people_summary(raw)  # the same as the corrected one's when nothing is corrected
        summary = {**(model_said if now is raw else people_summary(now)), "figures": len(now.numbers)}
    found = contents(key, record, file_stamp, summary, annotations, text)
    found.damaged, found.skipped, found.file = read.damaged, skipped, path.name
    if raw is not None:
        found.raw = {**model_said, "mentions": {a.id: [list(m) for m in a.mentions] for a in raw.actors}}
        if analysis is not None and not store.readonly:
            keep_analysis(store, key, found.raw)
    return found


def index_notes(store: StoreView, cat: Catalogue, key: str, annotations: list[Annotation]) -> bool:
    """An article whose notes changed, not its corrections: only its notes again (False when
    the catalogue does not hold it yet)."""
    return cat.put_notes(key, [note_row(a) for a in annotations], stamp_of(store.article_path(key)))


def folder_stamp(store: StoreView) -> str:
    """What changes when an article file is added, replaced or removed, or a merge of people is made."""
    return f"{dir_stamp(store.path / ARTICLES)}|{people_merges.stamp(store)}"


def settle(store: StoreView, cat: Catalogue, stamp: str | None = None) -> None:
    """After articles were indexed: who is who across them, and the stamp of what was seen."""
    cat.set_overrides(people_merges.groups(store, cat))
    with cat.transaction() as db:
        cat.set_meta(db, "stamp", stamp or folder_stamp(store))


def sync(store: StoreView, cat: Catalogue, force: bool = False, look: bool = False, empty: bool = False) -> int:
    """Bring the catalogue up to date with the article files: index the files whose stat changed,
    drop the articles whose file is gone; every file again when `force` (into an `empty`
    catalogue: the people counted once at the end). Two stats when no file
    was added, replaced or removed, unless `look`: a stat of every file (a file another program
    wrote in place). Returns how many articles were indexed again."""
    stamp = folder_stamp(store)
    if not (force or look) and cat.get_meta("stamp") == stamp:
        return 0
    names = _article_files(store)
    legacy = store.legacy_records  # a schema 2 index that could not be moved (a read-only folder)
    for key in legacy:
        names.setdefault(f"{_file_key(key)}.json", None)
    known = cat.files()
    stale = [
        name
        for name, path in names.items()
        if force or (old := known.get(name)) is None or path is None or old[1] is None or old[1] != stamp_of(path)
    ]
    gone = [key for name, (key, _) in known.items() if name not in names]
    empty = empty or (not known and bool(stale))  # made again (damaged, another version's): whole
    with _bulk(cat) if empty else contextlib.nullcontext():
        if force and empty and len(stale) >= PARALLEL:  # asked for (a rebuild): never behind a script's back
            stale = _index_in_parallel(store, cat, stale)  # what it could not do is done here, below
        for start in range(0, max(len(stale), 1), BATCH):
            with cat.transaction() as db:
                if start == 0:
                    for key in gone:
                        cat.forget(db, key)
                for name in stale[start : start + BATCH]:
                    record, key, read = record_in(store, name)
                    if record is None:
                        continue
                    old = known.get(name)
                    if old is not None and old[0] != key:
                        cat.forget(db, old[0])
                    index_article(store, cat, key, record, read=read, db=db, bulk=empty)
        if empty:
            cat.count_people()
    settle(store, cat, stamp)
    return len(stale)


@contextlib.contextmanager
def _bulk(cat: Catalogue) -> Iterator[None]:
    """A catalogue made whole: no fsyncs (a crash meanwhile leaves a catalogue made again next
    time), a large page cache, few and large checkpoints (10,000 articles: 31 s -> 18 s); SQLite's
    own settings again after, even when it fails (the app keeps this connection)."""
    for pragma in ("synchronous=OFF", "cache_size=-200000", "wal_autocheckpoint=10000"):
        cat.db.execute(f"PRAGMA {pragma}")
    try:
        yield
    finally:
        for pragma in ("synchronous=NORMAL", "cache_size=-2000", f"wal_autocheckpoint={CHECKPOINT_PAGES}"):
            cat.db.execute(f"PRAGMA {pragma}")


def not_in_a_spawned_script() -> None:
    """Raise in a rebuild's worker process that is running a script without a main guard again
    (spawn does so): it must not remove the catalogue its parent is making (the parent, seeing
    its workers die, makes it without them)."""
    import multiprocessing

    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise RuntimeError("a script that rebuilds the library needs `if __name__ == '__main__':`")


def _index_in_parallel(store: StoreView, cat: Catalogue, names: list[str]) -> list[str]:
    """Many articles into an emptied catalogue: their rows made by worker processes (pure work on
    the files), written here, BATCH per transaction. Returns the names it could not index when a
    worker died (in a script without a main guard, at once): the caller indexes those itself."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = max(2, min(4, os.cpu_count() or 2))
    context = multiprocessing.get_context("spawn")  # never fork a process that may hold threads
    written = 0
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_worker, initargs=(type(store), str(store.path))
        ) as pool:
            # a window at a time, the next one made while this one is written: memory stays bounded
            windows = [names[i : i + WINDOW] for i in range(0, len(names), WINDOW)]
            following = pool.map(_rows_of, windows[0], chunksize=32) if windows else iter(())
            for i in range(len(windows)):
                done = following
                following = pool.map(_rows_of, windows[i + 1], chunksize=32) if i + 1 < len(windows) else iter(())
                while batch := [found for _, found in zip(range(BATCH), done, strict=False)]:
                    with cat.transaction() as db:
                        for found in batch:
                            if found is not None:
                                cat.put(found[0], found[1], db, bulk=True)
                    written += len(batch)
    except (BrokenProcessPool, OSError):  # a worker died (in a script without a main guard, at its start)
        return names[written:]
    return []


_WORKER: dict[str, StoreView] = {}


def _worker(kind: Callable[[Path], StoreView], root: str) -> None:
    _WORKER["store"] = kind(Path(root))


def _rows_of(name: str) -> tuple[str, Indexed] | None:
    store = _WORKER["store"]
    record, key, read = record_in(store, name)
    return (key, indexed(store, None, key, record, read=read)) if record is not None else None


def _article_files(store: StoreView) -> dict[str, Path | None]:
    try:
        with os.scandir(store.path / ARTICLES) as entries:
            return {e.name: Path(e.path) for e in entries if e.name.endswith(".json") and not e.name.startswith(".")}
    except OSError:
        return {}


@dataclass
class Read:
    """An article file as read: its tables (None when there is no file or it cannot be read)."""

    data: dict | None
    damaged: bool = False


def read_file(path: Path) -> Read:
    try:
        data, _ = read_tables(path, exact=False)
    except DamagedStore:
        return Read(None, damaged=True)
    return Read(data)


def record_in(store: StoreView, name: str) -> tuple[dict | None, str, Read]:
    """The article record an article file holds, its article id, and the file as read. A file
    without one (written before records moved into the article files, whose index was lost) gets
    one made again from the folder (rebuild.py): its notes are listed, its title comes back when
    it is opened again."""
    path = store.path / ARTICLES / name
    stem = name[: -len(".json")]
    read = read_file(path)
    meta = meta_of(read.data or {}) or {}
    named = meta.get("article")
    key: str = named if isinstance(named, str) and named else stem
    try:
        record: dict | None = article_record(meta.get("record") or store.legacy_records.get(key))
    except Bad:
        record = None
    if record is None or record.get("id") != key:
        if not read.data and not read.damaged and key not in store.legacy_records:
            return None, key, read  # no file (it went meanwhile), nothing listed
        created = meta.get("created")
        record = recovered_record(store.path, key, created if isinstance(created, str) else None, _file_key)
    return record, key, read
