"""`byline import`: read a w3c, jsonl, json or csv export back into the store.

An export that yields no annotation (not ours, or empty) is one line and exit status 2; an
import that could not save what it read is exit status 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

WORD = "import"
USAGE = """byline import EXPORT [--article ARTICLE]
                                  read a w3c, jsonl, json or csv export back into the store"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("export", help="a w3c (JSON-LD), jsonl, json or csv export of Byline")
    p.add_argument(
        "--article",
        help="the article to attach the annotations to: a file, a URL, or a library "
        "article's path or id (default: the article Byline "
        "knows by the path, URL or text hash the export names; a csv export names "
        "none, so it needs --article)",
    )


def run(opts: argparse.Namespace) -> int:
    from ..core.export.importing import finder_for, import_file
    from ..core.opening import open_location
    from ..core.store import Store

    article = open_location(opts.article) if opts.article is not None else None
    store = Store()
    result = import_file(Path(opts.export), article, store, finder_for(store))
    print(result.summary(), file=sys.stderr)
    return 1 if result.unsaved else 0
