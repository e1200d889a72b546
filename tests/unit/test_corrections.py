"""The reader's corrections on top of the real model's analysis: entity types, merged actors,
names split off, quote speakers and kinds, missed quotes. Invented people and places."""

from __future__ import annotations

import pytest

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.corrections import corrected
from byline.tui.core.entity_types import REJECTED

TEXT = (
    "Bridge talks stall\n\n"
    "Lena Okafor, the mayor of Dunmore, met engineers on Monday. \u201cThe bridge will open,\u201d the mayor said. "
    "Ms. Okafor-Brandt later told the council that costs had doubled. Tomas Rell said the plan was a gamble.\n\n"
    "The port authority chief, Tomas Rell, disagreed with her. \u201cThe dredging is not finished,\u201d Rell said. "
    "Councillor Ada Rell, his sister, backed the mayor.\n"
)


def span(passage: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(passage, start + 1)
    return start, start + len(passage)


def fix(passage: str | tuple[int, int], nth: int = 0, **fields) -> Annotation:
    start, end = passage if isinstance(passage, tuple) else span(passage, nth)
    return Annotation(id=new_id(), article="a", anchor=make_anchor(TEXT, start, end), kind="correction", **fields)


@pytest.fixture(scope="module")
def analysis(analyse):
    return analyse(TEXT)


def actor(analysis, name):
    return next((a for a in analysis.actors if a.name == name), None)


def quote(analysis, words):
    return next((q for q in analysis.quotes if words in q.text), None)


def test_no_corrections_leave_the_analysis_as_it_is(analysis):
    assert corrected(analysis, [], TEXT) is analysis


def test_the_model_analysis_is_never_changed(analysis):
    before = analysis.to_dict()
    corrected(
        analysis, [fix("Lena Okafor", entity=REJECTED), fix("Okafor-Brandt", fix="merge", actor="Lena Okafor")], TEXT
    )
    assert analysis.to_dict() == before


def test_entity_type_and_rejection(analysis):
    assert actor(analysis, "Dunmore") is not None
    result = corrected(analysis, [fix("Dunmore", entity="GPE"), fix("Lena Okafor", entity=REJECTED)], TEXT)
    assert actor(result, "Dunmore").type == "GPE"
    assert not any(e.text == "Lena Okafor" for e in result.entities)
    assert span("Lena Okafor") not in {tuple(m) for a in result.actors for m in a.mentions}


def test_merge_two_actors_into_one(analysis):
    okafor, brandt = actor(analysis, "Lena Okafor"), actor(analysis, "Okafor-Brandt")
    assert okafor is not None and brandt is not None, "the model keeps the two names apart"
    result = corrected(analysis, [fix("Okafor-Brandt", fix="merge", actor="Lena Okafor")], TEXT)
    merged = actor(result, "Lena Okafor")
    assert actor(result, "Okafor-Brandt") is None
    assert span("Okafor-Brandt") in {tuple(m) for m in merged.mentions}
    assert {tuple(m) for m in okafor.mentions} <= {tuple(m) for m in merged.mentions}
    assert "Okafor-Brandt" in merged.aliases
    entity = next(e for e in result.entities if (e.start, e.end) == span("Okafor-Brandt"))
    assert entity.actor == merged.id
    assert len(result.actors) == len(analysis.actors) - 1


def test_merge_moves_the_quotes_of_the_merged_actor(analysis):
    rell = actor(analysis, "Tomas Rell")
    quoted = [q for q in analysis.quotes if q.speaker_actor == rell.id]
    assert quoted, "the model attributes a quote to Tomas Rell"
    result = corrected(analysis, [fix("Tomas Rell", fix="merge", actor="Ada Rell")], TEXT)
    ada = actor(result, "Ada Rell")
    assert all(
        q.speaker_actor == ada.id and q.speaker == "Ada Rell"
        for q in result.quotes
        if (q.start, q.end) in {(x.start, x.end) for x in quoted}
    )


def test_merge_into_an_actor_that_is_not_there_changes_nothing(analysis):
    result = corrected(analysis, [fix("Okafor-Brandt", fix="merge", actor="Nobody Here")], TEXT)
    assert [a.name for a in result.actors] == [a.name for a in analysis.actors]


def test_split_a_name_off_its_actor(analysis):
    rell = actor(analysis, "Tomas Rell")
    written_rell = [m for m in rell.mentions if TEXT[m[0] : m[1]] == "Rell"]
    assert written_rell, "the model groups the bare surname with Tomas Rell"
    result = corrected(analysis, [fix(tuple(written_rell[0]), fix="split")], TEXT)
    alone = actor(result, "Rell")
    assert alone is not None and {tuple(m) for m in alone.mentions} == {tuple(m) for m in written_rell}
    tomas = actor(result, "Tomas Rell")
    assert tomas is not None and "Rell" not in tomas.aliases
    assert not {tuple(m) for m in written_rell} & {tuple(m) for m in tomas.mentions}
    # the quote the bare surname introduces goes with it
    dredging = quote(result, "dredging")
    assert dredging is not None and dredging.speaker == "Rell"


def test_split_of_the_only_way_an_actor_is_written_changes_nothing(analysis):
    ada = actor(analysis, "Ada Rell")
    result = corrected(analysis, [fix(tuple(ada.mentions[0]), fix="split")], TEXT)
    assert [a.name for a in result.actors] == [a.name for a in analysis.actors]


def test_give_a_quote_another_speaker(analysis):
    bridge = quote(analysis, "The bridge will open")
    assert bridge is not None
    result = corrected(analysis, [fix((bridge.start, bridge.end), fix="speaker", actor="Lena Okafor")], TEXT)
    changed = quote(result, "The bridge will open")
    assert changed.speaker == "Lena Okafor" and changed.speaker_actor == actor(result, "Lena Okafor").id
    nobody = corrected(analysis, [fix((bridge.start, bridge.end), fix="speaker", actor="")], TEXT)
    assert quote(nobody, "The bridge will open").speaker is None


def test_a_speaker_correction_follows_a_merge(analysis):
    bridge = quote(analysis, "The bridge will open")
    result = corrected(
        analysis,
        [
            fix((bridge.start, bridge.end), fix="speaker", actor="Okafor-Brandt"),
            fix("Okafor-Brandt", fix="merge", actor="Lena Okafor"),
        ],
        TEXT,
    )
    assert quote(result, "The bridge will open").speaker_actor == actor(result, "Lena Okafor").id


def test_change_a_quote_kind_and_reject_a_quote(analysis):
    dredging = quote(analysis, "dredging")
    assert dredging is not None and dredging.kind == "direct"
    result = corrected(analysis, [fix((dredging.start, dredging.end), fix="quote", quote="partial")], TEXT)
    assert quote(result, "dredging").kind == "partial"
    gone = corrected(analysis, [fix((dredging.start, dredging.end), fix="quote", quote=REJECTED)], TEXT)
    assert quote(gone, "dredging") is None and len(gone.quotes) == len(analysis.quotes) - 1


def test_mark_a_quote_the_model_missed(analysis):
    assert quote(analysis, "backed the mayor") is None
    result = corrected(analysis, [fix("backed the mayor", fix="quote", quote="indirect", actor="Ada Rell")], TEXT)
    added = quote(result, "backed the mayor")
    assert added is not None and added.kind == "indirect"
    assert added.speaker == "Ada Rell" and added.speaker_actor == actor(result, "Ada Rell").id
    assert [q.start for q in result.quotes] == sorted(q.start for q in result.quotes)


def test_orphaned_and_out_of_range_corrections_are_left_out(analysis):
    lost = fix("Okafor-Brandt", fix="merge", actor="Lena Okafor")
    lost.orphan = True
    beyond = Annotation(
        id=new_id(), article="a", anchor=make_anchor(TEXT, 0, 5), kind="correction", fix="quote", quote="direct"
    )
    beyond.anchor.start, beyond.anchor.end = len(TEXT) + 10, len(TEXT) + 20
    result = corrected(analysis, [lost, beyond], TEXT)
    assert actor(result, "Okafor-Brandt") is not None and len(result.quotes) == len(analysis.quotes)


def test_old_entity_corrections_still_read(analysis):
    old = {
        "id": new_id(),
        "article": "a",
        "anchor": make_anchor(TEXT, *span("Dunmore")).to_dict(),
        "labels": [],
        "note": "",
        "kind": "correction",
        "entity": "GPE",
        "created": "2024-01-01T00:00:00+00:00",
        "modified": "2024-01-01T00:00:00+00:00",
        "orphan": False,
    }
    loaded = Annotation.from_dict(old)
    assert loaded.correction == "entity" and loaded.to_dict() == old
    assert actor(corrected(analysis, [loaded], TEXT), "Dunmore").type == "GPE"


def test_new_corrections_round_trip_through_a_record():
    c = fix("Okafor-Brandt", fix="merge", actor="Lena Okafor")
    again = Annotation.from_dict(c.to_dict())
    assert again == c and again.correction == "merge" and again.describe() == "is Lena Okafor"
