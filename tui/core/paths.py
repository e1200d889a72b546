"""Where Byline keeps its config and data: platformdirs paths, or all under $BYLINE_HOME."""

from __future__ import annotations

import os
from pathlib import Path


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
