"""The core is a library: importing it loads neither Textual nor spaCy."""

import subprocess
import sys

from tests.conftest import ROOT


def test_core_imports_without_textual_or_spacy():
    code = (
        "import sys, tui.core, tui.core.analysis, tui.core.actors, tui.core.quotes, tui.core.numbers;"
        "bad = [m for m in ('textual', 'spacy') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"tui.core imported {result.stdout.strip()}"
