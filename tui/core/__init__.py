"""The UI-free heart of Byline: loading, analysis, the annotation store, anchoring and export.

Imports neither Textual nor (at import time) spaCy, so scripts can use it on its own.
"""

from .analysis import analyze
from .sources import Article, load_article
from .errors import BylineError
from .model import Analysis

__all__ = ["Analysis", "Article", "BylineError", "analyze", "load_article"]
