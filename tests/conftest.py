from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

#: The checkout: read for its README, CI script and sources, never imported. The code under
#: test is the installed `byline` package (tests/test_packaging.py checks).
ROOT = Path(__file__).resolve().parent.parent
#: Where subprocesses run: outside the checkout, so only the installed package can be imported.
OUTSIDE = Path(tempfile.gettempdir())


def run_byline(
    *args: str,
    home: Path | None = None,
    stdin: bytes | str | None = None,
    timeout: float = 300,
    cwd: Path = OUTSIDE,
    env: dict | None = None,
    text: bool = True,
) -> subprocess.CompletedProcess:
    """`byline ARGS` in its own process, as a user runs it: outside the checkout, with this test's
    BYLINE_HOME (or `home`), output captured."""
    environment = {**os.environ, **(env or {})}
    if home is not None:
        environment["BYLINE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "byline.tui", *args],
        input=stdin,
        capture_output=True,
        text=text,
        cwd=cwd,
        env=environment,
        timeout=timeout,
    )


def byline_here(
    *args: str,
    home: Path | None = None,
    stdin: bytes | str | None = None,
    cwd: Path = OUTSIDE,
    env: dict | None = None,
    text: bool = True,
    timeout: float = 300,
) -> subprocess.CompletedProcess:
    """`byline ARGS` run in this process, for tests about what a command does rather than about
    the process (its encoding, signals, a closed pipe: those use `run_byline`). The same
    arguments and result as `run_byline`; spaCy is loaded once per test process instead of once
    per command. Standard input and output are pipes' stand-ins: UTF-8, not a terminal.
    Work is done in this process (`--jobs` 1); a command asked for more processes, or for a
    cluster, runs as `run_byline` (workers are not forked from the test process)."""
    jobs = [a.split("=", 1)[1] for a in args if a.startswith("--jobs=")]
    jobs += [b for a, b in zip(args, args[1:], strict=False) if a == "--jobs"]
    if any(j != "1" for j in jobs) or any(a.startswith("--scheduler") for a in args):
        return run_byline(*args, home=home, stdin=stdin, timeout=timeout, cwd=cwd, env=env, text=text)
    from byline.tui.cli import commands, main
    from byline.tui.core import batch

    if not args or args[0] not in commands():  # the reader: a terminal app, in a process of its own
        return run_byline(*args, home=home, stdin=stdin, timeout=timeout, cwd=cwd, env=env, text=text)

    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    saved_streams, saved_argv = (sys.stdin, sys.stdout, sys.stderr), sys.argv
    raw = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape"),
        io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.argv = ["byline", *args]
    default_jobs, batch.default_jobs = batch.default_jobs, lambda: 1
    try:
        os.environ.update(env or {})
        if home is not None:
            os.environ["BYLINE_HOME"] = str(home)
        os.chdir(cwd)
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse: --help, a usage error
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
    finally:
        for stream in streams:
            stream.detach()  # leaves `out` and `err` open to be read
        batch.default_jobs = default_jobs
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)

    def shown(data: bytes) -> str | bytes:  # as subprocess.run(text=True) decodes a pipe
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict").read() if text else data

    return subprocess.CompletedProcess(["byline", *args], status, shown(out.getvalue()), shown(err.getvalue()))


@pytest.fixture(scope="session")
def shared_analyses(tmp_path_factory) -> Path:
    """One analysis cache for the whole run (every xdist worker's too). The cache is keyed by the
    text's hash, the pipeline and the extraction code, so an analysis one test made is exactly
    what another would make: sharing it only saves loading spaCy and analysing again."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' temporary folders sit side by side
    folder = base / "shared-analyses"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def byline_home(tmp_path, monkeypatch, request) -> Path:
    """Every test gets its own config and data directory. Its analysis cache is the run's shared
    one, unless the test is marked `private_cache` (tests of the cache itself)."""
    home = tmp_path / "byline-home"
    monkeypatch.setenv("BYLINE_HOME", str(home))
    if request.node.get_closest_marker("private_cache") is None:
        shared = request.getfixturevalue("shared_analyses")
        (home / "cache").mkdir(parents=True)
        (home / "cache" / "analyses").symlink_to(shared, target_is_directory=True)
    return home


@pytest.fixture(scope="session")
def nlp():
    from byline.tui.core.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def analyse(nlp):
    """Analyse a text with the real spaCy model: analyse("...") -> Analysis."""
    from byline.tui.core.analysis import analyze_doc, parse
    from byline.tui.core.sources import from_text

    def run(text: str):
        article = from_text(text, "<test>")
        return analyze_doc(parse(article.text, nlp), article, "test")

    return run


@pytest.fixture(scope="session")
def seed_analysis(analyse):
    from byline.tui.core.sources import seed_path

    return analyse(seed_path().read_text(encoding="utf-8"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow first: with pytest-xdist, the long ones start while the short ones fill
    the gaps, instead of one of them ending the run alone on one core."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
