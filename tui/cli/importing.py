"""`byline import`: read a w3c or jsonl export back into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

WORD = "import"
USAGE = """byline import EXPORT [--article ARTICLE]
                                  read a w3c or jsonl export back into the store"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("export", help="a w3c (JSON-LD) or jsonl export")
    p.add_argument("--article", help="the article to attach the annotations to (default: the article Byline "
                                     "knows by the path or text hash the export names)")


def run(opts: argparse.Namespace) -> int:
    from ..core.export.importing import finder_for, import_file
    from ..core.sources import load_article
    from ..core.store import Store

    article = load_article(opts.article) if opts.article else None
    store = Store()
    result = import_file(Path(opts.export), article, store, finder_for(store))
    print(result.summary(), file=sys.stderr)
    return 1 if result.unsaved else 0
