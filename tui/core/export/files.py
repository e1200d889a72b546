"""Writing an export to the files the user named, and to no other.

- Only the paths the user named are written (a format's second file, such as brat's text, only when
  asked for).
- The article being exported, Byline's config and its data folder are never written, not even
  with `force`: an export must not destroy what it reads.
- An existing file is replaced only with `force` (the command line's `--force`; the app asks
  first), atomically: a temporary file beside it, then a rename, so a failed write leaves the old
  file whole. A symbolic link keeps pointing where it did: its target is replaced.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..atomic import sweep, write_atomically
from ..errors import ExportError
from ..paths import resolved
from ..visible import one_line


class OutputExists(ExportError):
    """The output file exists and overwriting it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{one_line(str(path))} already exists: add --force to overwrite it")
        self.path = path


def one_file(output: str | Path, with_text: bool = False) -> list[Path]:
    """The file an export of one file writes: the path the user named."""
    return [Path(output).expanduser()]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        resolved(path).relative_to(resolved(folder))
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def protected(path: Path, article_path: Path | None, extra: tuple[Path, ...] = ()) -> str | None:
    """Why `path` must never be written by an export, or None."""
    from ..paths import config_file, data_dir

    if article_path is not None and (_same(path, article_path) or resolved(path) == resolved(article_path)):
        return "it is the article being exported"
    if any(_same(path, p) or resolved(path) == resolved(p) for p in extra):
        return "it is an input of this export"
    if _same(path, config_file()) or resolved(path) == resolved(config_file()):
        return "it is Byline's config file"
    if _inside(path, data_dir()):
        return "it is inside Byline's data folder"
    return None


def check_outputs(
    paths: list[Path], article_path: Path | None, force: bool = False, extra: tuple[Path, ...] = ()
) -> None:
    """Raise ExportError before anything is written if any of `paths` may not be written."""
    for path in paths:
        shown = one_line(str(path))
        why = protected(path, article_path, extra)
        if why:
            raise ExportError(f"refusing to write {shown}: {why}")
        if path.is_symlink() and _loop(path):
            raise ExportError(f"{shown} is a loop of symbolic links: give a file name to write")
        if path.is_dir():
            raise ExportError(f"{shown} is a folder: give a file name to write")
        if path.exists() and regular_file(path) and not force:
            raise OutputExists(path)


def _loop(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def regular_file(path: Path) -> bool:
    """Whether `path` is a regular file (not a device, a pipe or a folder)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def write_export(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` so that a reader sees the old file or the new one
    (atomic.py), after sweeping what a killed export to it left; a device or a pipe the user named
    (/dev/null, a FIFO) has nothing to replace and is just written."""
    target = resolved(path) if path.is_symlink() else path
    if target.exists() and not regular_file(target):
        with open(target, "wb") as fh:
            fh.write(data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target.parent, name=target.name, settle=0)  # an export's writer is this machine's
    write_atomically(target, data)


def write_outputs(
    outputs: list[tuple[Path, bytes]], article_path: Path | None, force: bool = False, extra: tuple[Path, ...] = ()
) -> list[Path]:
    """Check every output first, then write them; the files written, in order."""
    check_outputs([p for p, _ in outputs], article_path, force, extra)
    written = []
    for path, data in outputs:
        try:
            write_export(path, data)
        except OSError as exc:
            raise ExportError(f"cannot write {one_line(str(path))}: {exc.strerror or exc}") from None
        written.append(path)
    return written
