"""Notes written in a reader while another Byline deletes the article are kept where the notes
of deleted articles are (deleted/), and the writer is told so in one line: never written to a
file nobody lists."""

from __future__ import annotations

import json

import pytest

from byline.tui.core.errors import StoreError
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text("The harbour board met on Monday. The pier will cost 12 million euros.\n", encoding="utf-8")
    return path


def kept_notes(store: Store) -> list[str]:
    notes = []
    for path in (store.path / "deleted").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        notes += [raw.get("note", "") for raw in data.get("annotations", {}).values()]
    return notes


def test_a_note_written_after_another_byline_deleted_the_article_is_kept(story):
    reader = Session.open(load_article(story), Store())
    first = reader.new((4, 18), labels=["claim"], note="written before")
    reader.add(first)
    reader.save_all()
    other = Store()  # another Byline, deleting the article from the Library screen
    assert other.remove_article(reader.key)
    late = reader.new((20, 30), labels=["claim"], note="written after the delete")
    with pytest.raises(StoreError, match="deleted from the library by another Byline"):
        reader.add(late)
        reader.save_all()
    assert sorted(kept_notes(Store())) == ["written after the delete", "written before"]
    assert not (Store().path / "articles").exists() or not list((Store().path / "articles").glob("*.json"))
