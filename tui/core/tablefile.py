"""TinyDB-format files that never lose what they hold: written atomically and durably (through a
symbolic link to its target), changed under a file lock, read again only when another process
changed them, and never overwritten when they cannot be read. Stale temporary files of killed
writers are swept. The store (store.py) and the library (library.py) are made of these files.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import orjson
from filelock import FileLock, Timeout
from tinydb.storages import Storage

from .atomic import sweep, write_atomically
from .errors import StoreError


class DamagedStore(Exception):
    """A file exists but is not one this Byline can read."""


# -- files --------------------------------------------------------------------------------------
def _target(path: Path) -> Path:
    """Where a write lands: the target of a symbolic link (the link itself stays), else the path."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def write_atomic(path: Path, payload: bytes, durable: bool = True) -> None:
    """Replace a store file (or its target, when it is a link) by `payload`, all or nothing
    (atomic.py); a new file is readable by its owner only. A failure is a StoreError."""
    try:
        write_atomically(path, payload, durable=durable, private=True)
    except OSError as exc:
        raise StoreError(f"could not save to {path}: {exc.strerror or exc}") from None


def write_new(path: Path, data: dict, durable: bool = True) -> None:
    """A new store file of these tables, written atomically: no lock, since no other Byline
    knows its name yet (a new article's file, named by a new id: bulk.py)."""
    write_atomic(path, _dumps(data), durable)


#: A JSON number orjson would read as a float (beyond 64 bits): such files are read with json.
_BIG_NUMBER = re.compile(rb"[:\[,]\s*-?\d{19,}")


def _loads(raw: bytes, exact: bool = True) -> tuple[object, bool]:
    """JSON with orjson; what only Python's json reads as written (numbers beyond 64 bits, NaN)
    is read with json instead, and flagged so it is written back the same way. Not `exact`: a
    number beyond 64 bits may be read as a float (a quicker read that will not be written back)."""
    if not exact or not _BIG_NUMBER.search(raw):
        try:
            return orjson.loads(raw), False
        except orjson.JSONDecodeError:
            pass
    try:
        return json.loads(raw.decode("utf-8")), True
    except (ValueError, RecursionError) as exc:
        raise DamagedStore(f"is not valid JSON ({str(exc)[:120]})") from None


def _dumps(data: dict, exotic: bool = False) -> bytes:
    """JSON for a store file. A file name that is not valid UTF-8 (Latin-1 bytes from an old
    archive) is held as a string with lone surrogates, which UTF-8 cannot carry: such a file is
    written with \\u escapes, which JSON (and TinyDB) read back as the very same name."""
    if not exotic:
        try:
            return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
        except (TypeError, orjson.JSONEncodeError):
            pass
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True).encode("ascii")


def _tables(raw: bytes, exact: bool = True) -> tuple[dict | None, bool]:
    if not raw.strip():
        return None, False
    data, exotic = _loads(raw, exact)
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise DamagedStore("is not a Byline store file (TinyDB tables)")
    return data, exotic


def read_tables(path: Path, exact: bool = True) -> tuple[dict | None, bool]:
    """A TinyDB file's tables (None when it is missing or empty), and whether it needs Python's json."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, False
    except OSError as exc:
        raise DamagedStore(f"cannot be read ({exc.strerror or exc})") from None
    return _tables(raw, exact)


class Locked:
    def __init__(self, lock: FileLock, path: Path) -> None:
        self.lock, self.path = lock, path

    def __enter__(self) -> Locked:
        try:
            self.lock.acquire()
        except Timeout:
            raise StoreError(f"store file {self.path} is busy: another Byline holds its lock") from None
        except OSError as exc:
            raise StoreError(f"store file {self.path} cannot be locked ({exc.strerror or exc})") from None
        return self

    def __exit__(self, *exc) -> None:
        self.lock.release()


class TableFile:
    """One TinyDB-format file: its lock, and what was last read or written while it is unchanged."""

    def __init__(self, path: Path, timeout: float = 15.0, durable: bool = True) -> None:
        self.path, self.durable = path, durable
        self.lock = FileLock(str(path) + ".lock", timeout=timeout)
        self._data: dict | None = None
        self._stat: tuple | None = None
        self._exotic = False
        self._swept_target = False
        self._raw: bytes | None = None  # as read, until it is known to hold no number orjson changes
        #: per table, the document key of each id, and the next free key (built when first asked)
        self._ids: dict[str, tuple[dict[str, str], list[int]]] = {}

    def locked(self) -> Locked:
        return Locked(self.lock, self.path)

    def _stat_now(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_ino, st.st_dev, st.st_mtime_ns, st.st_ctime_ns, st.st_size

    @property
    def loaded(self) -> bool:
        """Whether the file's tables are at hand (read, or written, and not found damaged)."""
        return self._data is not None

    @property
    def version(self) -> tuple | None:
        """The file as last loaded or written (inode, times, size): another value, other contents."""
        return self._stat

    def load(self, exact: bool = False) -> dict:
        """The tables (raises DamagedStore). Under the lock for a read-modify-write; a read
        without it is safe too, since every write replaces the file whole.

        `exact` (a read to write back): numbers only Python's json reads as written (beyond 64
        bits, NaN) are kept so; a plain read may take them as floats, and is quicker."""
        stat = self._stat_now()
        if self._data is None or stat != self._stat:
            self._data, self._stat, self._exotic, self._ids, self._raw = {}, stat, False, {}, None
            if stat is not None:
                try:
                    raw = self.path.read_bytes()
                except FileNotFoundError:
                    raw = b""
                except OSError as exc:
                    self._data = None
                    raise DamagedStore(f"cannot be read ({exc.strerror or exc})") from None
                self._raw = raw
                self._data = None
                data, self._exotic = _tables(raw, exact=False)
                self._data = data or {}
                if self._exotic:
                    self._raw = None  # read by json already: exact
        if exact and self._raw is not None:
            raw, self._raw = self._raw, None
            if _BIG_NUMBER.search(raw):
                self._data, self._ids = None, {}
                data, self._exotic = _tables(raw, exact=True)
                self._data = data or {}
        return self._data

    def modify(self, change: Callable[[dict], object]) -> None:
        """One locked read-modify-write: `change(tables)` edits them in place; False: nothing to write."""
        with self.locked():
            data = self.load(exact=True)
            self._data = None  # edited in place below: trusted again only once written
            if change(data) is False:
                self._data = data
                return
            self.write(data)

    def write(self, data: dict) -> None:
        self._data, self._raw = None, None
        if not self._swept_target and os.path.islink(self.path):
            target = _target(self.path)  # a synced folder: only this file's own leftovers
            sweep(target.parent, name=target.name)
            self._swept_target = True
        write_atomic(self.path, _dumps(data, self._exotic), self.durable)
        self._data, self._stat = data, self._stat_now()

    def ids(self, tables: dict, name: str) -> tuple[dict[str, str], list[int]]:
        """The document key of each id in a table, and [the next free key] (kept while unchanged)."""
        if name not in self._ids or self._data is not None and tables is not self._data:
            table = tables.get(name, {})
            keys = {
                raw["id"]: doc for doc, raw in table.items() if isinstance(raw, dict) and isinstance(raw.get("id"), str)
            }
            # keys as TinyDB makes them; a hand-edited key of thousands of digits is no number
            # Python will convert (and no key we would ever make): it is passed over
            top = max((int(doc) for doc in table if doc.isascii() and doc.isdigit() and len(doc) <= 18), default=0)
            self._ids[name] = (keys, [top + 1])
        return self._ids[name]

    def insert(self, tables: dict, name: str, record: dict) -> str:
        keys, free = self.ids(tables, name)
        table = tables.setdefault(name, {})
        while str(free[0]) in table:  # a key written by hand ("007" is not 7, "7" is)
            free[0] += 1
        doc = str(free[0])
        free[0] += 1
        table[doc] = record
        if isinstance(record.get("id"), str):
            keys[record["id"]] = doc
        return doc


class AtomicJSONStorage(Storage):
    """TinyDB storage over the same files: `TinyDB(path, storage=AtomicJSONStorage)` reads and
    writes a store file the way the store does (scripts and tests)."""

    def __init__(self, path: str | Path, **_: object) -> None:
        self.path = Path(path)

    def read(self) -> dict | None:
        return read_tables(self.path)[0]

    def write(self, data: dict) -> None:
        write_atomic(self.path, _dumps(data))
