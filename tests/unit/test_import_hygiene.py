"""The core is a library: importing it loads neither Textual nor spaCy."""

import subprocess
import sys

from tests.conftest import OUTSIDE


def test_core_imports_without_textual_or_spacy():
    code = (
        "import sys, byline.tui.core, byline.tui.core.analysis, byline.tui.core.extract, byline.tui.core.extract.actors, byline.tui.core.extract.quotes, byline.tui.core.extract.numbers;"
        "bad = [m for m in ('textual', 'spacy') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=OUTSIDE, capture_output=True, text=True)
    assert result.returncode == 0, f"byline.tui.core imported {result.stdout.strip()}"
