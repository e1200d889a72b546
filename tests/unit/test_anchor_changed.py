"""A tagged passage the article edited since: found again with its exact bounds, and known to
have changed (the words that were tagged are kept, the exports say both)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from byline.tui.core.anchor import locate, make_anchor
from byline.tui.core.annotation import Annotation
from byline.tui.core.export import render
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store

TEXT = (
    "Ferry terminal opening put back\n\n"
    "The opening of the Norvik ferry terminal was delayed, according to its spokeswoman. "
    "The port authority put the cost at 830 million kroner.\n\n"
    "Traders in Halvik welcomed the news.\n"
)
DELAY = "The opening of the Norvik ferry terminal was delayed, according to its spokeswoman."
COST = "The port authority put the cost at 830 million kroner."
EDITED = TEXT.replace("delayed", "postponed").replace("830", "840")


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


@pytest.mark.parametrize(
    "passage, grown",
    [
        (
            "The vote was delayed, according to its spokeswoman.",
            "The vote was postponed, according to its spokeswoman.",
        ),
        (
            "The launch, delayed twice, will go ahead, said its spokeswoman.",
            "The launch, postponed twice, will go ahead, said its spokeswoman.",
        ),
        (
            "Officials said the bridge opening was delayed by a month.",
            "Officials said the bridge opening was postponed by a month.",
        ),
    ],
)
@pytest.mark.parametrize("before, after", [("", ""), ("Intro.\n\n", " Next one."), ("A first line. ", "\n\nEnd.")])
def test_a_passage_that_grew_keeps_its_last_character(passage, grown, before, after):
    text = before + passage + after
    edited = text.replace(passage, grown)
    found = locate(make_anchor(text, *span(text, passage)), edited)
    assert found is not None and edited[found[0] : found[1]] == grown


def test_a_passage_that_shrank_ends_where_it_ends():
    text = "Intro.\n\nThe councillor said the ferry fares would be raised sharply next year. Then rain.\n"
    passage = "The councillor said the ferry fares would be raised sharply next year."
    edited = text.replace("raised sharply", "raised")
    found = locate(make_anchor(text, *span(text, passage)), edited)
    assert found is not None and edited[found[0] : found[1]] == passage.replace("raised sharply", "raised")


def test_a_passage_tagged_inside_a_word_is_not_widened_to_the_word():
    text = "The harbourmaster said the pier was unsafe and would close in May. Nothing else.\n"
    passage = "bourmaster said the pier was unsafe and would cl"
    edited = text.replace("unsafe", "dangerous")
    found = locate(make_anchor(text, *span(text, passage)), edited)
    assert found is not None and edited[found[0] : found[1]] == passage.replace("unsafe", "dangerous")


def test_the_annotation_knows_its_passage_changed_and_keeps_what_was_tagged():
    ann = Annotation(id="x", article="a", anchor=make_anchor(TEXT, *span(TEXT, COST)), labels=["needs-check"])
    assert ann.tagged == COST and not ann.passage_changed
    moved = ann.changed(anchor=make_anchor(EDITED, *locate(ann.anchor, EDITED)))
    assert moved.passage == COST.replace("830", "840")
    assert moved.tagged == COST and moved.passage_changed
    again = Annotation.from_dict(moved.to_dict())
    assert again.tagged == COST and again.passage_changed


def test_a_record_of_an_older_byline_learns_the_change_when_reanchored():
    record = {
        "id": "x",
        "article": "a",
        "anchor": make_anchor(TEXT, *span(TEXT, COST)).to_dict(),
        "labels": [],
        "note": "",
        "kind": "annotation",
        "entity": None,
        "created": "2024-01-01T00:00:00+00:00",
        "modified": "2024-01-01T00:00:00+00:00",
        "orphan": False,
    }
    old = Annotation.from_dict(record)
    assert old.to_dict() == record and not old.passage_changed  # read and written back as it was
    old.anchor = make_anchor(EDITED, *locate(old.anchor, EDITED))
    assert old.passage_changed and old.to_dict()["tagged"] == COST


@pytest.fixture
def reopened(tmp_path):
    """Two sentences tagged, the file edited in both, the article opened again."""
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    session = Session.open(load_article(path), Store(tmp_path / "store"))
    session.add(session.new(span(TEXT, DELAY), labels=["claim"]))
    session.add(session.new(span(TEXT, COST), labels=["needs-check"]))
    session.save_all()
    path.write_text(EDITED, encoding="utf-8")
    return Session.open(load_article(path), Store(tmp_path / "store")), path


def test_reopening_an_edited_article_places_both_exactly_and_flags_the_change(reopened):
    session, _ = reopened
    delay, cost = sorted(session.notes, key=lambda a: a.start)
    assert delay.passage == DELAY.replace("delayed", "postponed") and delay.end == span(EDITED, delay.passage)[1]
    assert cost.passage == COST.replace("830", "840") and cost.labels == ["needs-check"]
    assert (delay.tagged, cost.tagged) == (DELAY, COST)
    assert delay.passage_changed and cost.passage_changed and not any(a.orphan for a in session.annotations)


def test_the_change_is_still_known_the_next_time(reopened, tmp_path):
    _, path = reopened
    session = Session.open(load_article(path), Store(tmp_path / "store"))
    assert all(a.passage_changed for a in session.notes)
    assert {a.tagged for a in session.notes} == {DELAY, COST}


def test_the_exports_say_what_was_tagged_and_that_it_changed(reopened):
    session, _ = reopened
    bundle = session.bundle()
    rows = list(csv.DictReader(io.StringIO(render("csv", bundle).decode())))
    by_tag = {row["tagged"]: row for row in rows}
    assert by_tag[COST]["passage"] == COST.replace("830", "840") and by_tag[COST]["changed"] == "yes"
    assert int(by_tag[DELAY]["end"]) == span(EDITED, DELAY.replace("delayed", "postponed"))[1]
    doc = json.loads(render("json", bundle))
    assert {(a["tagged"], a["passage_changed"]) for a in doc["annotations"]} == {(DELAY, True), (COST, True)}
    record = json.loads(render("jsonl", bundle))
    reader = [s for s in record["spans"] if s["source"] == "reader"]
    assert {(s["tagged"], s["changed"]) for s in reader} == {(DELAY, True), (COST, True)}
    brief = render("md", bundle).decode()
    assert brief.count("Changed since it was tagged") == 2 and "830 million kroner" in brief


def test_an_unchanged_passage_is_not_flagged_in_the_exports(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    session = Session.open(load_article(path), Store(tmp_path / "store"))
    session.add(session.new(span(TEXT, COST), labels=["key-fact"]))
    bundle = session.bundle()
    assert [row["changed"] for row in csv.DictReader(io.StringIO(render("csv", bundle).decode()))] == [""]
    assert "tagged" not in json.loads(render("jsonl", bundle))["spans"][-1]
    assert "Changed since" not in render("md", bundle).decode()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_an_import_keeps_what_was_tagged(reopened, tmp_path, fmt):
    from byline.tui.core.export.importing import import_file

    session, path = reopened
    export = tmp_path / f"notes.{fmt}"
    export.write_bytes(render(fmt, session.bundle()))
    elsewhere = Store(tmp_path / "elsewhere")
    article = load_article(path)
    assert import_file(export, article, elsewhere).added == 2
    back = elsewhere.annotations(elsewhere.article_id(article)[0])
    assert {(a.tagged, a.passage) for a in back} == {
        (DELAY, DELAY.replace("delayed", "postponed")),
        (COST, COST.replace("830", "840")),
    }
    assert all(a.passage_changed for a in back)


def test_an_older_record_keeps_what_was_tagged_on_disk_once_reanchored(tmp_path):
    """A record written before `tagged` existed learns the old words when its passage moves, and
    keeps them for every later opening, not only for the session that re-anchored it."""
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    store = Store(tmp_path / "store")
    session = Session.open(load_article(path), store)
    session.add(session.new(span(TEXT, COST), labels=["needs-check"]))
    session.save_all()
    (article_file,) = (tmp_path / "store" / "articles").glob("*.json")
    data = json.loads(article_file.read_text())
    for record in data["annotations"].values():
        record.pop("tagged", None)  # as an older Byline wrote it
    article_file.write_text(json.dumps(data))
    path.write_text(EDITED, encoding="utf-8")
    Session.open(load_article(path), Store(tmp_path / "store"))  # re-anchors and writes
    again = Session.open(load_article(path), Store(tmp_path / "store"))
    (cost,) = again.notes
    assert cost.passage_changed and cost.tagged == COST
