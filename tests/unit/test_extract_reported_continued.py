"""Reported speech that goes on past where the parse ends it, and a speaker described twice:
invented sentences through the real pipeline."""

from __future__ import annotations

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
