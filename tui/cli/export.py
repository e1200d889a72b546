"""`byline export`: write an article's analysis and annotations in another tool's format."""

from __future__ import annotations

import argparse
import sys

WORD = "export"
USAGE = """byline export [FILE] --format F [-o PATH]
                                  export annotations (md, w3c, json, jsonl, spacy, csv, brat)"""


def configure(p: argparse.ArgumentParser) -> None:
    from ..core.export import FORMATS

    p.add_argument("file", nargs="?", help="the article (default: the bundled sample)")
    p.add_argument("--format", "-f", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", help="where to write (default: standard output; brat and spacy need a path)")
    p.add_argument("--model", help="spaCy pipeline to use")


def run(opts: argparse.Namespace) -> int:
    from ..core.analysis import analyze
    from ..core.annotation import labels_from_config
    from ..core.errors import ExportError
    from ..core.export import get, render, write_files
    from ..core.config import load_config
    from ..core.session import Session
    from ..core.sources import load_article, seed_path
    from ..core.store import Store

    fmt = get(opts.format)
    to_stdout = opts.output is None or opts.output == "-"
    if to_stdout and fmt.files_only:
        raise ExportError(f"the {fmt.name} export is written to files: give a path with -o")
    article = load_article(opts.file if opts.file else seed_path())
    store = Store()
    if store.readonly:
        print(f"byline: warning: {store.problem}", file=sys.stderr)
    session = Session.open(article, store, labels_from_config(load_config().labels))
    if fmt.name != "csv":
        session.set_analysis(analyze(article, opts.model))
    if to_stdout:
        sys.stdout.buffer.write(render(fmt.name, session.bundle()))
        sys.stdout.flush()
        return 0
    for path in write_files(fmt.name, session.bundle(), opts.output):
        print(f"wrote {path}", file=sys.stderr)
    return 0
