"""`byline export`: write an article's analysis and annotations in another tool's format."""

from __future__ import annotations

import argparse
import sys

from . import article_argument

WORD = "export"
USAGE = """byline export [ARTICLE] --format F [-o PATH] [--force] [--with-text] [--excel]
                                  export (md, html, w3c, json, jsonl, spacy, csv, brat, voices)"""


def configure(p: argparse.ArgumentParser) -> None:
    from ..core.export import FORMATS

    article_argument(p, "the bundled sample")
    p.add_argument("--format", "-f", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", help="where to write (default or -: standard output; brat and spacy need a path)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file (never the article)")
    p.add_argument(
        "--with-text", action="store_true", help="brat: also write the .txt its offsets index, beside the .ann"
    )
    p.add_argument(
        "--excel",
        action="store_true",
        help="csv, voices: start with a UTF-8 byte order mark, so Excel shows “—” and accents as written",
    )
    p.add_argument("--model", help="spaCy pipeline to use")


def warn(message: str) -> None:
    from ..core.visible import one_line

    print(f"byline: warning: {one_line(message)}", file=sys.stderr)


def run(opts: argparse.Namespace) -> int:
    from ..core.annotation import labels_from_config
    from ..core.cache import analysis_of
    from ..core.config import load_config
    from ..core.errors import ExportError, StoreError
    from ..core.export import REGISTRY, SPREADSHEETS, get, planned_outputs, render, write_files
    from ..core.export.files import check_outputs
    from ..core.opening import open_location
    from ..core.session import Session
    from ..core.sources import load_article, seed_path
    from ..core.store import Store
    from ..core.visible import one_line

    fmt = get(opts.format)
    to_stdout = opts.output is None or opts.output == "-"
    if to_stdout and fmt.files_only:
        raise ExportError(f"the {fmt.name} export is written to files: give a path with -o")
    if opts.excel and fmt.name not in SPREADSHEETS:
        raise ExportError(f"--excel is for the CSV exports ({', '.join(SPREADSHEETS)})")
    if opts.with_text and not fmt.with_text:
        takers = " or ".join(f"the {f.name} export ({f.with_text})" for f in REGISTRY.values() if f.with_text)
        raise ExportError(f"--with-text is for {takers}")
    article = open_location(opts.file) if opts.file is not None else load_article(seed_path())
    if not to_stdout:  # refuse a bad output before the slow part
        check_outputs(planned_outputs(fmt.name, opts.output, opts.with_text), article.path, opts.force)
    config = load_config()
    for problem in config.warnings:
        warn(problem)
    store = Store()
    session = Session.open(article, store, labels_from_config(config.labels))
    if store.problem:  # the index or this article's file cannot be read: its notes are unknown
        raise StoreError(f"nothing exported: {store.problem}")
    # Records the store could not read are left out of the export: say which, and exit 1.
    skipped = list(store.skipped)
    for problem in skipped:
        warn(f"left out of the export: {problem}")
    if fmt.needs_analysis:
        session.set_analysis(analysis_of(article, opts.model))
    if to_stdout:
        sys.stdout.buffer.write(render(fmt.name, session.bundle(), excel=opts.excel))
        sys.stdout.flush()
        return 1 if skipped else 0
    written = write_files(
        fmt.name, session.bundle(), opts.output, force=opts.force, with_text=opts.with_text, excel=opts.excel
    )
    for path in written:
        print(f"wrote {one_line(str(path))}", file=sys.stderr)
    note = fmt.note(written, article.text) if fmt.note is not None else None
    if note:
        warn(note)
    return 1 if skipped else 0
