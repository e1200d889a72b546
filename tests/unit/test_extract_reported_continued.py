"""Reported speech that goes on past where the parse ends it, and a speaker described twice:
invented sentences through the real pipeline."""

from __future__ import annotations

from byline.tui.core.voices import voices

OPENING = "Title\n\nSenator Anna Keller and Mayor Tom Brask met in Halden on Monday.\n\n"


def _quotes(analysis, kind: str | None = None):
    return [(q.kind, q.text, q.speaker) for q in analysis.quotes if kind is None or q.kind == kind]


def test_two_titles_under_one_article_are_the_one_person_they_describe(analyse):
    a = analyse(
        OPENING + "Keller arrived late. The senator and former harbour master said she would go "
        "\u201cstraight to the fishermen.\u201d\n"
    )
    assert {q.speaker for q in a.quotes} == {"Anna Keller"}, _quotes(a)


def test_two_titles_each_with_an_article_are_two_people(analyse):
    a = analyse(OPENING + "The mayor and the senator said the ferry was late.\n")
    (clause,) = a.quotes
    assert clause.speaker in ("Tom Brask and Anna Keller", "Anna Keller and Tom Brask")


def test_two_titles_before_a_name_are_that_persons(analyse):
    a = analyse(
        OPENING + "On Monday, the former fisheries minister and current Liberal mayoral nominee "
        "Anna Keller said the pier was unsafe.\n"
    )
    assert _quotes(a) == [("indirect", "the pier was unsafe", "Anna Keller")]


def test_a_quoted_clause_joined_to_the_report_goes_on_with_it(analyse):
    text = OPENING + (
        "Keller insists that the ferry is \u201ca floating disgrace\u201d but "
        "\u201cno one on the council will admit it.\u201d\n"
    )
    a = analyse(text)
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    assert clause.text.startswith("the ferry is") and "no one on the council" in clause.text, _quotes(a)
    assert clause.speaker == "Anna Keller"
    # both quoted pieces are part of that one act of speech
    (voice,) = voices(a, text).voices
    assert (voice.count("reported"), voice.count("partial")) == (1, 0)


def test_a_quotation_of_its_own_after_the_report_is_not_joined_to_it(analyse):
    a = analyse(OPENING + "Keller claimed the ferry was late but \u201cI will not wait for it any longer.\u201d\n")
    assert [q.text for q in a.quotes if q.kind == "indirect"] == ["the ferry was late"], _quotes(a)
