"""A `byline` command run in a process of its own (adding, refreshing the feeds from the app):
its progress lines are handed on one by one as they come, so the screen that started it goes
on reading; spaCy, the pages and the writes all happen in that process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from .visible import one_line

#: Error lines of the job kept for the last message (the others are in its output).
MAX_ERRORS = 3


def run_byline(
    args: list[str], on_line: Callable[[str], None], started: Callable[[subprocess.Popen], None] | None = None
) -> tuple[int, str]:
    """Run `byline ARGS`, calling `on_line` with each line it writes; its exit status and what to
    tell the user at the end (its last line, and its first errors). `started` is handed the
    process (to interrupt it: SIGINT, and it keeps what it finished)."""
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "byline.tui", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
    except OSError as exc:
        return 2, f"byline could not be started ({exc.strerror or exc})"
    if started is not None:
        started(process)
    errors: list[str] = []
    last = ""
    assert process.stdout is not None
    for raw in process.stdout:
        line = one_line(raw.rstrip("\n"))
        if not line:
            continue
        last = line
        if line.startswith("byline: ") and len(errors) < MAX_ERRORS:
            errors.append(line.removeprefix("byline: "))
        on_line(line)
    status = process.wait()
    if last.startswith("byline: ") and errors and errors[-1] == last.removeprefix("byline: "):
        errors.pop()
        last = last.removeprefix("byline: ")
    return status, "\n".join([last, *errors]).strip()
