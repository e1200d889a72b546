"""Our own CSV export of a note longer than 131,072 characters (csv's default cell limit) is
imported back whole."""

from __future__ import annotations

import csv
import io

from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store

from .test_cli import byline


def test_a_csv_with_a_note_of_200000_characters_imports_back(tmp_path, byline_home):
    story = tmp_path / "story.txt"
    story.write_text("The harbour board met on Monday. The pier will cost 12 million euros.\n", encoding="utf-8")
    article = load_article(story)
    session = Session.open(article, Store())
    note = "A long note. " * 16_000  # 208,000 characters
    session.add(session.new((4, 18), labels=["claim"], note=note))
    session.save_all()
    exported = byline("export", str(story), "-f", "csv", "-o", str(tmp_path / "notes.csv"))
    assert exported.returncode == 0, exported.stderr.decode()
    other = {"BYLINE_HOME": str(tmp_path / "other-home")}
    imported = byline("import", str(tmp_path / "notes.csv"), "--article", str(story), env=other)
    assert imported.returncode == 0, imported.stderr.decode()
    assert "imported 1 new annotation" in imported.stderr.decode()
    again = byline("export", str(story), "-f", "csv", env=other)
    csv.field_size_limit(1_000_000)  # this test reads the export back itself
    rows = list(csv.DictReader(io.StringIO(again.stdout.decode())))
    assert [row["note"] for row in rows if row["note"]] == [note]
