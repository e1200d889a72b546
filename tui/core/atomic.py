"""Writing a file atomically, and sweeping what killed writers left: the one home of both rules.

A file is replaced through a temporary file beside it, `.NAME.PID.TID.tmp`, then a rename, so a
reader sees the old file or the new one and a failed write leaves the old file whole. A symbolic
link keeps pointing where it did: its target is replaced. The store, the library, the analysis
cache, the reader's remembered state and the exports all write this way.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import re
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

#: A temporary file is stale when its writer's process is gone (and it is a few seconds old), or
#: when it is older than this even though its process id is in use again.
STALE_AFTER = 600.0
#: A temporary file younger than this is left alone even when its process is gone: too young to
#: judge (a writer in another process namespace, on a shared folder, may still rename it).
SETTLE = 2.0
_TMP = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d{1,10})\.(?P<tid>\d{1,24})\.tmp")


def temporary_for(target: Path) -> Path:
    """The temporary file this process and thread write before replacing `target`."""
    return target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return pid < 2**22 and not isinstance(pid, bool)
    return True


def _writer_of(entry: str, name: str | None) -> int | None:
    """The process id in a temporary file's name, when it is one of ours (of the file `name` when
    given; a temporary named before threads were in the name, `.NAME.PID.tmp`, counts too)."""
    if name is None:
        match = _TMP.fullmatch(entry)
    else:
        match = re.fullmatch(rf"\.{re.escape(name)}\.(?P<pid>\d{{1,10}})(?:\.\d{{1,24}})?\.tmp", entry)
    return int(match["pid"]) if match else None


def sweep(folder: Path, older_than: float = STALE_AFTER, name: str | None = None, settle: float = SETTLE) -> int:
    """Remove the temporary files killed writers left in `folder`: only ours (by their name, and
    only those of the file `name` when given: a folder shared with others), only when their
    process is gone (and they are older than `settle` seconds), or when they are older than any
    write could take. Returns how many were removed."""
    removed, clock = 0, time.time()
    try:
        names = os.listdir(folder)  # names only: a folder of 100,000 articles in a third less time
    except OSError:
        return 0
    for entry in names:
        pid = _writer_of(entry, name)
        if pid is None:
            continue
        path = os.path.join(folder, entry)
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                continue
            age = clock - info.st_mtime
            if age > older_than or ((settle <= 0 or age > settle) and not _alive(pid)):
                os.unlink(path)
                removed += 1
        except OSError:
            continue
    return removed


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(path: Path, payload: bytes, *, durable: bool = True, private: bool = False) -> None:
    """Replace `path` (or its target, when it is a link) by `payload`, all or nothing.

    `durable`: on disk before this returns (the file and its folder synced). A replaced file keeps
    its permissions; a new one is readable by its owner only when `private`, else as the umask
    says. Raises OSError; the temporary file is gone either way."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    tmp = temporary_for(target)
    try:
        try:
            mode: int | None = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            mode = 0o600 if private else None
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o666 if mode is None else mode)
        with open(fd, "wb") as fh:
            fh.write(payload)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_folder(target.parent)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # no C library to ask, or no syncfs(2) in it (not Linux)
        return None


def sync_file_system(folder: Path) -> None:
    """Make durable every write to the file system that holds `folder`: files written with
    `durable=False`, and their renames, are on disk when this returns: one syncfs(2) for a batch
    (the journal committed once; 300 new files on ext4: 0.07 s, against 0.5 s by an fsync of
    each and of its folder); os.sync() where there is no syncfs. Raises OSError."""
    syncfs = _syncfs()
    if syncfs is None:
        os.sync()
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error))
    finally:
        os.close(fd)
