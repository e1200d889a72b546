from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

#: The checkout: read for its README, CI script and sources, never imported. The code under
#: test is the installed `byline` package (tests/test_packaging.py checks).
ROOT = Path(__file__).resolve().parent.parent
#: Where subprocesses run: outside the checkout, so only the installed package can be imported.
OUTSIDE = Path(tempfile.gettempdir())


@pytest.fixture(autouse=True)
def byline_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own config and data directory."""
    home = tmp_path / "byline-home"
    monkeypatch.setenv("BYLINE_HOME", str(home))
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
