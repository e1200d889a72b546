"""Where Byline keeps its config and data: platformdirs paths, or all under $BYLINE_HOME."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BylineError

APP = "byline"


def config_dir() -> Path:
    home = os.environ.get("BYLINE_HOME")
    if home:
        return Path(home).expanduser() / "config"
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    home = os.environ.get("BYLINE_HOME")
    if home:
        return Path(home).expanduser() / "data"
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def store_file() -> Path:
    return data_dir() / "annotations.json"


def locations() -> dict[str, Path]:
    return {"config": config_file(), "data": data_dir(), "store": store_file()}


@dataclass
class Config:
    """What the reader may set in config.toml."""

    keymap: dict[str, str] = field(default_factory=dict)
    labels: list[dict] = field(default_factory=list)


def load_config(path: Path | None = None) -> Config:
    """Read config.toml; a missing file is the default config, a broken one an error."""
    path = path or config_file()
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BylineError(f"config file {path} cannot be read: {exc}") from None
    keys = data.get("keys", {})
    labels = data.get("labels", [])
    if not isinstance(keys, dict) or not isinstance(labels, list):
        raise BylineError(f"config file {path}: [keys] must be a table and [[labels]] a list")
    return Config(keymap={str(k): str(v) for k, v in keys.items()}, labels=labels)
