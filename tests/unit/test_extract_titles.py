"""Abbreviated ranks and titles before a name ("Cpl.", "Det. Sgt.") do not end the sentence:
invented sentences through the real pipeline."""

from __future__ import annotations


def test_a_quote_signed_by_a_detective_sergeant_is_hers(analyse):
    a = analyse(
        "Title\n\nA report filed by RCMP officer Cpl. Douglas Green noted the change. "
        '"We looked everywhere," Det. Sgt. Ann Lee said.\n'
    )
    assert [(q.speaker, q.text) for q in a.quotes if q.kind == "direct"] == [("Ann Lee", "We looked everywhere")]


def test_what_was_reported_goes_on_past_a_rank_to_the_name(analyse):
    a = analyse(
        "Title\n\nAccording to the Crown, a report filed by Cpl. Douglas Green noted the change in elevation.\n"
    )
    # (what the report noted is reported too, inside the Crown's words)
    assert ("Crown", "a report filed by Cpl. Douglas Green noted the change in elevation") in [
        (q.speaker, q.text) for q in a.quotes
    ]


def test_a_rank_is_the_role_of_the_person_it_names(analyse):
    a = analyse("Title\n\nMayor Anna Keller said Sgt. Tom Brask and Capt. Anna Berg had found the boat.\n")
    roles = {actor.name: actor.roles for actor in a.actors}
    assert roles["Tom Brask"] == ["Sgt."] and roles["Anna Berg"] == ["Capt."]


def test_a_rank_that_ends_a_sentence_still_ends_it(nlp):
    from byline.tui.core.extract.tokenizer import keep_titles

    doc = keep_titles(nlp)("He was promoted to Sgt. The next year he left the force.")
    assert [s.text for s in doc.sents] == ["He was promoted to Sgt.", "The next year he left the force."]


def test_markup_left_in_a_text_does_not_stick_to_a_name(analyse):
    a = analyse(
        "Title\n\nSenator Anna Keller spoke on Monday.\n\n"
        '<tweet tweet-author="x" tweet-date="y">Keller said that for young people, “the real rate is 51 percent.”\n'
    )
    assert [x.name for x in a.actors if x.type == "PERSON"] == ["Anna Keller"]
    assert {q.speaker for q in a.quotes} == {"Anna Keller"}
