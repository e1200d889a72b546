"""One open article: edits show at once, reach the disk in order, and a failed write never
leaves the reader looking at something that is not kept."""

from __future__ import annotations

import threading

import pytest

from byline.tui.core.errors import StoreError
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store

TEXT = "Title\n\nFirst paragraph with a claim in it. Second sentence.\n\nLast paragraph.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def span(passage: str) -> tuple[int, int]:
    start = TEXT.index(passage)
    return start, start + len(passage)


def stored(session: Session) -> list:
    return Store(session.store.path).annotations(session.key)


def test_an_edit_shows_at_once_and_reaches_the_disk_when_written(tmp_path, article):
    session = Session.open(article, Store(tmp_path / "db.json"))
    session.add(session.new(span("a claim"), labels=["claim"]))
    assert [a.labels for a in session.annotations] == [["claim"]]
    assert stored(session) == [] and session.unsaved == 1
    session.save_next()
    assert [a.labels for a in stored(session)] == [["claim"]] and session.unsaved == 0


def test_undo_and_redo_every_kind_of_change(tmp_path, article):
    session = Session.open(article, Store(tmp_path / "db.json"))
    first = session.new(span("a claim"), labels=["claim"])
    session.add(first)
    changed = first.changed(note="why?")
    session.change(first, changed)
    session.delete(changed)
    session.save_all()
    assert stored(session) == [] and session.annotations == []
    session.undo()
    session.save_all()
    assert stored(session)[0].note == "why?" == session.annotations[0].note
    session.undo()
    session.save_all()
    assert stored(session)[0].note == ""
    session.undo()
    session.save_all()
    assert stored(session) == []
    session.redo()
    session.redo()
    session.save_all()
    assert stored(session)[0].note == "why?"
    assert session.history.can_redo


def test_writes_from_many_threads_keep_their_order(tmp_path, article):
    session = Session.open(article, Store(tmp_path / "db.json"))
    note = session.new(span("a claim"), labels=["claim"])
    session.add(note)
    for i in range(20):
        before = session.annotations[0]
        session.change(before, before.changed(note=f"version {i}"))
    threads = [threading.Thread(target=session.save_next) for _ in range(21)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert stored(session)[0].note == "version 19"


def test_a_failed_write_reloads_what_the_store_holds(tmp_path, article):
    session = Session.open(article, Store(tmp_path / "db.json"))
    session.add(session.new(span("a claim"), labels=["claim"]))
    session.save_all()
    session.add(session.new(span("Second sentence"), labels=["opinion"]))
    assert len(session.annotations) == 2

    def full_disk(annotation):
        raise StoreError("could not save: No space left on device")

    session.store.add = full_disk
    with pytest.raises(StoreError):
        session.save_next()
    assert [a.labels for a in session.annotations] == [["claim"]]
    assert session.unsaved == 0 and not session.history.can_redo
    session.undo()  # the failed step is forgotten: undo takes back the first tag
    assert session.annotations == []


def test_a_read_only_store_refuses_the_edit_before_showing_it(tmp_path, article):
    db = tmp_path / "db.json"
    db.write_text("{ damaged")
    session = Session.open(article, Store(db))
    with pytest.raises(StoreError):
        session.add(session.new(span("a claim"), labels=["claim"]))
    assert session.annotations == [] and session.unsaved == 0


def test_corrections_change_the_analysis(tmp_path, article, analyse):
    session = Session.open(article, Store(tmp_path / "db.json"))
    session.set_analysis(analyse(TEXT))
    assert session.analysis is not None
    names = {a.name for a in session.analysis.actors}
    session.add(session.new(span("Last paragraph"), kind="correction", entity="ORG"))
    assert {a.name for a in session.analysis.actors} == names | {"Last paragraph"}


def test_corrections_are_kept_changed_in_place_and_undone(tmp_path, article, analyse):
    from byline.tui.core.entity_types import REJECTED

    session = Session.open(article, Store(tmp_path / "db.json"))
    session.set_analysis(analyse(TEXT))
    session.correct_entity(span("Last paragraph"), "ORG")
    session.correct_entity(span("Last paragraph"), "PERSON")  # the same place: changed, not added
    assert len(session.corrections) == 1 and session.corrections[0].entity == "PERSON"
    assert session.notes == []
    session.set_quote(span("Second sentence"), "indirect", "Someone Else")
    assert any(q.text == "Second sentence" and q.speaker == "Someone Else" for q in session.analysis.quotes)
    session.set_quote(span("Second sentence"), REJECTED)
    assert not any(q.text == "Second sentence" for q in session.analysis.quotes)
    session.save_all()
    again = Session.open(article, Store(tmp_path / "db.json"))
    again.set_analysis(analyse(TEXT))
    assert {c.correction for c in again.corrections} == {"entity", "quote"}
    assert not any(q.text == "Second sentence" for q in again.analysis.quotes)
    session.undo()  # "not a quote" taken back: the quote the reader marked is there again
    assert any(q.text == "Second sentence" and q.kind == "indirect" for q in session.analysis.quotes)
    session.undo()  # and the marking itself
    assert not any(q.text == "Second sentence" for q in session.analysis.quotes)


def test_the_same_correction_twice_is_refused(tmp_path, article):
    from byline.tui.core.errors import BylineError

    session = Session.open(article, Store(tmp_path / "db.json"))
    session.merge_actor(span("Last paragraph"), "Anna Berg")
    with pytest.raises(BylineError):
        session.merge_actor(span("Last paragraph"), "Anna Berg")


def test_only_an_orphan_can_be_attached(tmp_path, article):
    from byline.tui.core.errors import BylineError

    session = Session.open(article, Store(tmp_path / "db.json"))
    placed = session.new(span("a claim"), labels=["claim"])
    session.add(placed)
    with pytest.raises(BylineError):
        session.attach(placed, span("Second sentence"))
    lost = session.new(span("Last paragraph"), labels=["question"], orphan=True)
    session.add(lost)
    session.attach(lost, span("Second sentence"))
    found = next(a for a in session.annotations if a.id == lost.id)
    assert not found.orphan and found.passage == "Second sentence"
