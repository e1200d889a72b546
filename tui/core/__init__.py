"""The UI-free heart of Byline: loading, analysis, the annotation store, anchoring and export.

Imports neither Textual nor (at import time) spaCy, so scripts can use it on its own:

    from byline.tui.core import load_article, analyze
    analysis = analyze(load_article("story.html"))

The names below are loaded when first used, so importing one part of the core (the reader
imports many) does not import the rest.
"""

from __future__ import annotations

from importlib import import_module

_WHERE = {
    "analyze": ".analysis",
    "Article": ".sources",
    "load_article": ".sources",
    "BylineError": ".errors",
    "Analysis": ".model",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
