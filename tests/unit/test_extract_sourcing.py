"""Three kinds of source, counted apart by researchers of sourcing: named (an actor the article
names), unnamed (described by role or institution) and anonymous (anonymity granted or stated).
Invented sentences throughout, through the real pipeline."""

from __future__ import annotations

import json

import pytest

from byline.tui.core.model import Analysis, Quote

OPENING = "Title\n\nMinister Hana Ostrova arrived in Halden on Monday.\n\n"


def only(analysis, starts):
    found = [q for q in analysis.quotes if q.text.startswith(starts)]
    assert len(found) == 1, [(q.kind, q.text, q.speaker, q.source) for q in analysis.quotes]
    return found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "A nurse who asked not to be named said the ward was full.",
        "Speaking on condition of anonymity, an official said the ward was full.",
        "A source familiar with the talks said the ward was full.",
        "Two people briefed on the plan said the ward was full.",
        "An aide, who was not authorized to speak publicly, said the ward was full.",
        "Hospital sources said the ward was full.",
    ],
)
def test_a_source_granted_anonymity_is_anonymous(analyse, sentence):
    q = only(analyse(OPENING + sentence + "\n"), "the ward was full")
    assert q.source == "anonymous" and q.speaker_actor is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Fire officials said the ward was full.",
        "City staff said the ward was full.",
        "The ministry said the ward was full.",
        "A nurse said the ward was full.",
    ],
)
def test_a_source_described_by_role_or_institution_is_unnamed(analyse, sentence):
    q = only(analyse(OPENING + sentence + "\n"), "the ward was full")
    assert q.source == "unnamed"


def test_a_named_source_is_named(analyse):
    q = only(analyse(OPENING + "Ostrova said the ward was full.\n"), "the ward was full")
    assert q.source == "named" and q.speaker == "Hana Ostrova"


def test_the_same_anonymous_source_quoted_again_stays_anonymous(analyse):
    a = analyse(
        OPENING + "A senior official, who asked not to be named, said the talks had stalled. "
        "\u201cNobody is ready,\u201d the official said.\n"
    )
    assert only(a, "the talks had stalled").source == "anonymous"
    assert only(a, "Nobody is ready").source == "anonymous"


def test_anonymity_granted_in_the_next_sentence_is_that_sentence_s_source(analyse):
    a = analyse(
        OPENING + "Fire officials said the road would stay closed. "
        "A nurse, who asked not to be named, said the ward was full.\n"
    )
    assert only(a, "the road would stay closed").source == "unnamed"
    assert only(a, "the ward was full").source == "anonymous"


def test_anonymity_in_the_quoted_words_is_not_the_sources(analyse):
    a = analyse(OPENING + "\u201cNobody here wants to stay anonymous,\u201d a nurse said.\n")
    assert only(a, "Nobody here wants").source == "unnamed"


def test_a_relative_named_just_before_is_that_person(analyse):
    a = analyse(
        "Title\n\nAnn Roe moved to Halden with her father, Tom Roe, in 2010.\n\nHer father said the move was hard.\n"
    )
    q = only(a, "the move was hard")
    assert q.speaker == "Tom Roe" and q.source == "named"


def test_the_kind_is_in_the_json_and_old_caches_still_read(analyse):
    a = analyse(OPENING + "A nurse who asked not to be named said the ward was full.\n")
    data = json.loads(json.dumps(a.to_dict()))
    assert data["quotes"][0]["source"] == "anonymous"
    assert Analysis.from_dict(data).quotes[0].source == "anonymous"
    for q in data["quotes"]:  # an analysis cached before the field existed
        del q["source"]
    (old,) = Analysis.from_dict(data).quotes
    assert old.source == "unnamed" and old.anonymous
    assert Quote(0, 4, "word", "direct", "Hana Ostrova", "hana-ostrova").source == "named"
    assert Quote(0, 4, "word", "direct").source is None
