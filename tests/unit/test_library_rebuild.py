"""A library whose index is gone (moved aside because it was damaged, as Byline advises): the index
is made again from the article and text files, so every note comes back under the same article;
a damaged index is never written over."""

from __future__ import annotations

import os
import subprocess

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


def test_a_missing_index_is_made_again_and_every_note_comes_back(tmp_path, analyse):
    folder = tmp_path / "store"
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    article = load_article(path)
    library = Library(Store(folder))
    key = library.add(article, analyse(article.text))
    library.store.add(note(key, article.text, "Ada Lund", "check her title"))
    other = library.add(load_article_text(tmp_path, "tides.txt", TIDES))
    os.replace(folder / "index.json", tmp_path / "index.aside.json")

    again = Library(Store(folder))
    assert any("made again" in line and "2 articles" in line for line in again.store.notices)
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


def load_article_text(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_article(path)


def test_a_damaged_index_is_never_rebuilt_over_and_says_what_moving_it_aside_does(tmp_path):
    folder = tmp_path / "store"
    store = Store(folder)
    key, _ = store.article_id(load_article_text(tmp_path, "tides.txt", TIDES))
    (folder / "index.json").write_bytes(b"{damaged")
    again = Store(folder)
    assert again.readonly and (folder / "index.json").read_bytes() == b"{damaged"
    assert "makes the index again from the article files" in again.problem
    assert again.records() == []


def test_the_command_line_finds_the_notes_again_after_the_index_is_moved_aside(byline_home, tmp_path):
    story = tmp_path / "harbour.txt"
    story.write_text(HARBOUR, encoding="utf-8")
    store = Store()
    key, _ = store.article_id(load_article(story))
    store.add(note(key, HARBOUR, "Ada Lund", "check her title"))
    index = byline_home / "data" / "library" / "index.json"
    index.write_bytes(b"{damaged")
    refused = byline("library")
    assert refused.returncode == 2 and "move that file aside" in refused.stderr
    os.replace(index, tmp_path / "index.damaged.json")  # what the message advises

    listed = byline("library")
    assert listed.returncode == 0 and key[:12] in listed.stdout and "Harbour deal signed" in listed.stdout
    assert "made again" in listed.stderr
    exported = byline("export", str(story), "--format", "csv")
    assert exported.returncode == 0 and "check her title" in exported.stdout
    added = byline("add", str(story))
    assert added.returncode == 0 and "added 0 articles" in added.stderr  # the same article, not a new one


def test_an_index_made_anew_before_the_rebuild_still_finds_the_same_article_by_its_text(tmp_path):
    """A new index was started already (an older Byline, or notes taken since): the same text
    added again is the article kept in the folder, with its notes, not a new one."""
    folder = tmp_path / "store"
    store = Store(folder)
    harbour = load_article_text(tmp_path, "harbour.txt", HARBOUR)
    key, _ = store.article_id(harbour)
    store.add(note(key, HARBOUR, "Ada Lund", "check her title"))
    os.replace(folder / "index.json", tmp_path / "index.aside.json")
    (folder / "index.json").write_bytes(Store(tmp_path / "elsewhere").index.path.read_bytes())  # an empty index
    fresh = Store(folder)
    other, _ = fresh.article_id(load_article_text(tmp_path, "tides.txt", TIDES))
    assert [r["id"] for r in fresh.records()] == [other]  # the harbour article is not listed

    again, changed = fresh.article_id(harbour)
    assert (again, changed) == (key, False)
    assert [a.note for a in fresh.annotations(again)] == ["check her title"]
    assert Library(fresh).entry(key).path == str((tmp_path / "harbour.txt").resolve())


def test_notes_whose_text_is_not_kept_are_found_by_the_text_their_analysis_was_made_from(tmp_path, analyse):
    folder = tmp_path / "store"
    library = Library(Store(folder))
    harbour = load_article_text(tmp_path, "harbour.txt", HARBOUR)
    key = library.add(harbour, analyse(harbour.text))
    library.store.add(note(key, HARBOUR, "Ada Lund", "check her title"))
    library.store.text_path(key).unlink()  # an article kept before texts were
    os.replace(folder / "index.json", tmp_path / "index.aside.json")
    again = Store(folder)
    (record,) = again.records()
    assert record["id"] == key and record["sha256"] == harbour.sha256
    assert again.article_id(harbour) == (key, False)
    assert [a.note for a in again.annotations(key)] == ["check her title"]
    assert Library(again).open(key).text == HARBOUR  # and its text is kept again
