"""The command line reaches a library article whose file is gone: by the path it was added from,
by its id, or by the start of its id as `byline library` prints it; in the reader, in export and
in voices alike. A start that is more than one article's id is one line and status 2."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from tests.conftest import byline_here

STORY = (
    "Harbour deal signed\n\nMayor Ada Lund said on Monday the harbour deal in Oskarsvik was signed. "
    '"It is done and it is fair," Lund said. Dockworkers will vote on Friday.\n'
)


def byline(*args: str) -> subprocess.CompletedProcess:
    return byline_here(*args)


@pytest.fixture
def gone(tmp_path):
    """`byline add copy.txt`, a note on it, then `rm copy.txt`: (its path, its id)."""
    copy = tmp_path / "copy.txt"
    copy.write_text(STORY, encoding="utf-8")
    assert byline("add", str(copy)).returncode == 0
    (record,) = Store().records()
    start = STORY.index("Ada Lund")
    Store().add(Annotation(new_id(), record["id"], make_anchor(STORY, start, start + 8), note="check her title"))
    copy.unlink()
    return copy, record["id"]


def csv_notes(output: str) -> list[str]:
    return [row["note"] for row in csv.DictReader(io.StringIO(output)) if row["item"] == "annotation"]


def test_export_and_voices_reach_an_article_whose_file_is_gone_by_its_path(gone):
    copy, _ = gone
    exported = byline("export", str(copy), "-f", "csv")
    assert exported.returncode == 0, exported.stderr
    assert csv_notes(exported.stdout) == ["check her title"]
    voices = byline("voices", str(copy), "--format", "json")
    assert voices.returncode == 0, voices.stderr
    assert "Lund" in json.dumps(json.loads(voices.stdout))


def test_the_id_byline_library_prints_is_accepted_everywhere(gone):
    _, key = gone
    listed = byline("library").stdout.splitlines()[1]
    printed = listed.split()[-1]
    assert printed == key[:12]
    for name in (printed, key):
        exported = byline("export", name, "-f", "csv")
        assert exported.returncode == 0 and csv_notes(exported.stdout) == ["check her title"], name
    assert byline("voices", printed, "--format", "csv").returncode == 0


def test_the_reader_opens_an_article_whose_file_is_gone_from_the_librarys_text(gone):
    from byline.tui.cli.read import build_app

    copy, key = gone
    for name in (str(copy), key[:12]):
        app = build_app(name)
        assert app.article.text == STORY and app.article.path == copy.resolve()


def test_an_id_start_shared_by_two_articles_is_one_line_and_status_2(tmp_path, monkeypatch, capsys):
    from byline.tui.cli import main
    from byline.tui.core import store as store_module

    ids = iter(["abcd1111" + "0" * 24, "abcd2222" + "0" * 24])
    monkeypatch.setattr(store_module, "new_id", lambda: next(ids))
    for name, text in (("one.txt", STORY), ("two.txt", STORY.replace("Friday", "Sunday"))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        Store().article_id(load_article(tmp_path / name))
    capsys.readouterr()
    assert main(["export", "abcd", "-f", "csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "abcd" in err and "2 library articles" in err and "Traceback" not in err
    assert main(["export", "abcd2", "-f", "csv"]) == 0  # more of it is one article


def test_a_name_that_is_neither_a_file_nor_in_the_library_still_says_no_such_file(gone, tmp_path):
    result = byline("export", str(tmp_path / "other.txt"), "-f", "csv")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "no such file" in result.stderr and "library" in result.stderr


def test_the_readers_help_says_what_it_opens():
    out = byline("--help").stdout
    assert "byline [FILE | URL | ID | -]" in out and "library article" in out


def test_a_relative_name_is_the_file_it_names_from_the_working_folder(tmp_path):
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    (here / "copy.txt").write_text(STORY, encoding="utf-8")

    def run(folder, *args):
        return subprocess.run(
            [sys.executable, "-m", "byline.tui", *args],
            capture_output=True,
            text=True,
            cwd=folder,
            env=dict(os.environ),
            timeout=300,
        )

    assert run(here, "add", "copy.txt").returncode == 0
    (here / "copy.txt").unlink()
    assert run(here, "voices", "copy.txt", "--format", "csv").returncode == 0
    there = run(elsewhere, "voices", "copy.txt", "--format", "csv")
    assert there.returncode == 2 and "no such file" in there.stderr  # another folder's copy.txt is not this one


def test_an_import_attaches_to_a_library_article_by_its_id(gone, tmp_path):
    _, key = gone
    exported = byline("export", key[:12], "-f", "jsonl")
    assert exported.returncode == 0, exported.stderr
    dump = tmp_path / "notes.jsonl"
    dump.write_text(exported.stdout.replace("check her title", "check her title again"), encoding="utf-8")
    imported = byline("import", str(dump), "--article", key[:12])
    assert imported.returncode == 0, imported.stderr
    assert "already there" in imported.stderr or "imported" in imported.stderr
    again = byline("export", key[:12], "-f", "csv")
    assert "check her title" in csv_notes(again.stdout)
