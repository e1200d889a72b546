"""Where Byline keeps its config and data: platformdirs paths, or all under $BYLINE_HOME."""

from __future__ import annotations

import os
from pathlib import Path

APP = "byline"


def _home(part: str) -> Path | None:
    home = os.environ.get("BYLINE_HOME")
    return Path(home).expanduser() / part if home else None


def _platform(kind: str) -> Path:
    import platformdirs

    return getattr(platformdirs, f"user_{kind}_path")(APP, appauthor=False)


def config_dir() -> Path:
    return _home("config") or _platform("config")


def data_dir() -> Path:
    return _home("data") or _platform("data")


def cache_dir() -> Path:
    """Analyses that can be made again: safe to delete."""
    return _home("cache") or _platform("cache")


def log_dir() -> Path:
    """Reports of Byline's own failures (a bug, not the user's input), to send with a bug report."""
    return _home("log") or _platform("log")


def config_file() -> Path:
    return config_dir() / "config.toml"


def store_dir() -> Path:
    """The library and its annotations: a folder of TinyDB files (store.py describes the layout)."""
    return data_dir() / "library"


def legacy_store_file() -> Path:
    """The one-file store of Byline before the library (schema 1), migrated on first start."""
    return data_dir() / "annotations.json"


def locations() -> dict[str, Path]:
    return {"config": config_file(), "data": data_dir(), "store": store_dir(), "cache": cache_dir(), "log": log_dir()}


def resolved(path: Path) -> Path:
    """`path` made absolute with its symbolic links followed, never an error: a link loop (which
    Path.resolve raises RuntimeError for) is left as it is, and the read or write that meets it
    says so in one line."""
    return Path(os.path.realpath(Path(path).expanduser()))


def stored_path(path: Path | str) -> str:
    """How the library keeps a file's path: the name as text, any bytes that are not UTF-8 (a
    Latin-1 `café.txt` from an old archive) written as `\\xe9`, so every file, JSON and SQLite
    table can hold it and every command finds the file again by it."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
