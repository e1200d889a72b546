"""What the reader may set in config.toml: key remaps and labels."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BylineError
from .paths import config_file


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
