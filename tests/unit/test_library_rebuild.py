"""A library whose article files lost their records (a library of schema 2, whose one list of
articles, index.json, is gone) or whose list is damaged: every article with a file or a kept text
is listed again under its own id, with every note, and the same text opened again gets its path,
source and title back; a damaged list is kept aside as it was, never written over."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.library import Library
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from tests.conftest import byline_here

HARBOUR = (
    "Harbour deal signed\n\nMayor Ada Lund said on Monday the harbour deal in Oskarsvik was signed. "
    '"It is done," Lund said. Dockworkers will vote on Friday.\n'
)
TIDES = "Tide tables change\n\nThe harbour office in Velmora printed new tide tables for the summer season.\n"


def note(key: str, text: str, passage: str, words: str) -> Annotation:
    start = text.index(passage)
    return Annotation(new_id(), key, make_anchor(text, start, start + len(passage)), note=words)


def byline(*args: str) -> subprocess.CompletedProcess:
    return byline_here(*args)


def load_article_text(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_article(path)


def lose_records(folder: Path) -> None:
    """What a library of schema 2 whose index.json was lost looks like: article files that hold
    notes but no record, and no catalogue."""
    for path in (folder / "articles").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["meta"]["1"].pop("record")
        data["meta"]["1"]["schema"] = 2
        path.write_text(json.dumps(data), encoding="utf-8")
    for path in folder.glob("catalogue.sqlite3*"):
        path.unlink()


def test_article_files_without_their_records_are_listed_again_with_every_note(tmp_path, analyse):
    folder = tmp_path / "store"
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    article = load_article(path)
    library = Library(Store(folder))
    key = library.add(article, analyse(article.text))
    library.store.add(note(key, article.text, "Ada Lund", "check her title"))
    other = library.add(load_article_text(tmp_path, "tides.txt", TIDES))
    lose_records(folder)

    again = Library(Store(folder))
    entries = {e.id: e for e in again.entries()}
    assert set(entries) == {key, other}
    assert entries[key].title == "Harbour deal signed" and entries[key].notes == 1
    assert entries[key].actors is not None and entries[key].actors >= 1  # what its analysis found
    assert [a.note for a in again.store.annotations(key)] == ["check her title"]
    assert again.open(key).text == HARBOUR  # its text is kept: it opens though nothing names its file

    # the same text opened again is the same article, with its path and source back
    assert again.store.article_id(load_article(path)) == (key, False)
    entry = again.entry(key)
    assert entry.path == str(path.resolve()) and entry.source == str(path)
    assert len(again.people()) >= 1 and any(key in p.articles for p in again.people())
    assert Library(Store(folder)).entry(key).path == str(path.resolve())  # kept in its file again


def test_the_command_line_keeps_every_note_when_the_list_of_an_older_byline_is_damaged(byline_home, tmp_path):
    story = tmp_path / "harbour.txt"
    story.write_text(HARBOUR, encoding="utf-8")
    store = Store()
    key, _ = store.article_id(load_article(story))
    store.add(note(key, HARBOUR, "Ada Lund", "check her title"))
    lose_records(store.path)
    index = byline_home / "data" / "library" / "index.json"
    index.write_bytes(b"{damaged")

    listed = byline("library")
    assert listed.returncode == 0 and key[:12] in listed.stdout and "Harbour deal signed" in listed.stdout
    assert "index.damaged.json" in listed.stderr and (index.parent / "index.damaged.json").read_bytes() == b"{damaged"
    exported = byline("export", str(story), "--format", "csv")
    assert exported.returncode == 0 and "check her title" in exported.stdout
    added = byline("add", str(story))
    assert added.returncode == 0 and "added 0 articles" in added.stderr  # the same article, not a new one


def test_notes_whose_text_is_not_kept_are_found_by_the_text_their_analysis_was_made_from(tmp_path, analyse):
    folder = tmp_path / "store"
    library = Library(Store(folder))
    harbour = load_article_text(tmp_path, "harbour.txt", HARBOUR)
    key = library.add(harbour, analyse(harbour.text))
    library.store.add(note(key, HARBOUR, "Ada Lund", "check her title"))
    library.store.text_path(key).unlink()  # an article kept before texts were
    lose_records(folder)
    again = Store(folder)
    (record,) = again.records()
    assert record["id"] == key and record["sha256"] == harbour.sha256
    assert again.article_id(harbour) == (key, False)
    assert [a.note for a in again.annotations(key)] == ["check her title"]
    assert Library(again).open(key).text == HARBOUR  # and its text is kept again
