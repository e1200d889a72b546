from __future__ import annotations

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
