"""Reported speech that goes on past where the parse ends it, and a speaker described twice:
invented sentences through the real pipeline."""

from __future__ import annotations

from byline.tui.core.voices import voices

OPENING = "Title\n\nSenator Anna Keller and Mayor Tom Brask met in Halden on Monday.\n\n"


def _quotes(analysis, kind: str | None = None):
    return [(q.kind, q.text, q.speaker) for q in analysis.quotes if kind is None or q.kind == kind]


def _one_act(analyse, text: str):
    """The one reported clause of `text`, checked to carry its quoted words as one act of speech."""
    a = analyse(text)
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    (voice,) = voices(a, text).voices
    assert (voice.count("reported"), voice.count("partial")) == (1, 0), _quotes(a)
    return clause


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
        "Keller is claiming that the ferry is \u201ca floating disgrace\u201d but "
        "\u201cnobody wants to hear about it.\u201d\n"
    )
    clause = _one_act(analyse, text)  # both quoted pieces are part of it
    assert clause.text.startswith("the ferry is") and "nobody wants to hear" in clause.text
    assert clause.speaker == "Anna Keller"


def test_a_quotation_of_its_own_after_the_report_is_not_joined_to_it(analyse):
    a = analyse(OPENING + "Keller claimed the ferry was late but \u201cI will not wait for it any longer.\u201d\n")
    assert [q.text for q in a.quotes if q.kind == "indirect"] == ["the ferry was late"], _quotes(a)


def test_a_report_goes_on_after_its_attribution(analyse):
    a = analyse(
        OPENING
        + "Ticket sales fell sharply, the harbour office said in its yearly review, and most of the island routes ran late.\n"
    )
    assert _quotes(a, "indirect") == [
        ("indirect", "Ticket sales fell sharply", "harbour office"),
        ("indirect", "most of the island routes ran late", "harbour office"),
    ]


def test_an_attribution_at_the_end_reports_only_what_is_before_it(analyse):
    a = analyse(OPENING + "Ticket sales fell sharply, the harbour office said in its yearly review.\n")
    assert [q.text for q in a.quotes] == ["Ticket sales fell sharply"]


def test_after_a_quotation_and_its_attribution_the_story_goes_on_in_the_writers_words(analyse):
    a = analyse(OPENING + "\u201cThe ferry is ours,\u201d Keller said, and soon the boats were leaving the harbour.\n")
    assert _quotes(a) == [("direct", "The ferry is ours", "Anna Keller")]


def test_a_report_goes_on_in_a_clause_about_those_it_names(analyse):
    # "those", "most", "nobody": a subject that is no person acting, unlike "and she left the room"
    a = analyse(
        OPENING
        + "Ticket sales fell sharply, the harbour office said in its yearly review, and those on the island routes fell further.\n"
    )
    assert [q.text for q in a.quotes] == ["Ticket sales fell sharply", "those on the island routes fell further"]


def test_what_was_said_after_when_it_was_said_is_the_report(analyse):
    # the parse hangs "that Keller was ..." on the hours, as a relative clause
    text = OPENING + ("Brask tweeted in the early hours that Keller was \u201clazy\u201d and \u201ca fraud.\u201d\n")
    clause = _one_act(analyse, text)
    assert clause.text.startswith("Keller was \u201clazy") and clause.speaker == "Tom Brask"


def test_a_relative_clause_of_the_day_reports_nothing(analyse):
    assert _quotes(analyse(OPENING + "Keller spoke on the day that the ferry sank.\n")) == []


def test_a_clause_joined_to_the_report_keeps_its_quoted_words(analyse):
    text = OPENING + (
        "Brask said the pier had been closed for repairs, and there was \u201cno sign\u201d of the contractor.\n"
    )
    clause = _one_act(analyse, text)
    assert clause.text.endswith("there was \u201cno sign\u201d of the contractor")


def test_to_tell_with_no_one_told_is_to_make_out(analyse):
    assert _quotes(analyse(OPENING + "It is hard to tell whether the ferry will sail.\n")) == []
    told = analyse(OPENING + "Keller will tell the council that the ferry is late.\n")
    assert _quotes(told) == [("indirect", "the ferry is late", "Anna Keller")]


def test_a_dateline_is_not_who_speaks(analyse):
    a = analyse(
        OPENING + "HALDEN -- Senator Keller, visiting the fish market on Monday, said the town needed a new pier.\n"
    )
    assert _quotes(a) == [("indirect", "the town needed a new pier", "Anna Keller")]


def test_a_report_ends_where_someone_else_is_reported_after_and(analyse):
    a = analyse(
        OPENING + "The distance between what Keller says the new pier will cost and what engineers say "
        "it will cost keeps growing.\n"
    )
    assert ("indirect", "the new pier will cost", "Anna Keller") in _quotes(a), _quotes(a)
    # a verb of saying that reports nothing of its own goes on with the report
    a = analyse(OPENING + "Brask said the guards left the shed when it caught fire and the harbour crew responded.\n")
    assert [q.text for q in a.quotes] == ["the guards left the shed when it caught fire and the harbour crew responded"]


def test_a_second_verb_of_saying_after_but_has_the_first_ones_speaker(analyse):
    a = analyse(
        OPENING + "Keller said on Monday that she believes the audit should be published but said "
        "\u201cthe board must choose the date.\u201d\n"
    )
    assert {q.speaker for q in a.quotes} == {"Anna Keller"}, _quotes(a)
