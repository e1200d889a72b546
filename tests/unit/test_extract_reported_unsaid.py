"""Verbs of saying that report nothing said, and what is still reported beside them: invented
sentences through the real pipeline."""

from __future__ import annotations


def _reported(analysis):
    return [(q.text, q.speaker) for q in analysis.quotes if q.kind == "indirect"]


def test_speech_that_is_only_needed_or_required_is_not_reported(analyse):
    a = analyse(
        "The bill would require local police to tell the state when someone dies in custody.\n\n"
        "The governor would need a majority to confirm judges and other appointments.\n\n"
        "Mayor Anna Keller said the ferry would run on Sunday.\n"
    )
    assert _reported(a) == [("the ferry would run on Sunday", "Anna Keller")]


def test_speech_after_went_on_or_forced_to_is_reported_with_who_was_forced(analyse):
    a = analyse(
        "Mayor Anna Keller went on to say that the ferry would run on Sunday.\n\n"
        "The committee forced Tom Brask, who was under questioning, to admit that the harbour board "
        "had lost the money.\n"
    )
    assert _reported(a) == [
        ("the ferry would run on Sunday", "Anna Keller"),
        ("the harbour board had lost the money", "Tom Brask"),
    ]


def test_a_verb_joined_to_a_refused_one_is_refused_too(analyse):
    a = analyse("This week, the mayor declined to threaten the union or even directly declare it responsible.\n")
    assert _reported(a) == []


def test_everything_someone_says_is_the_subject_not_what_they_said(analyse):
    a = analyse(
        "Everything Keller says is a lie unless proven otherwise.\n\n"
        "The council vowed to reverse what Tom Brask said is the harbour's decline.\n"
    )
    assert _reported(a) == [("is the harbour's decline", "Tom Brask")]


def test_why_something_is_written_is_not_what_was_written(analyse):
    a = analyse("I write this because I know those who are not careful.\n")
    assert _reported(a) == []


def test_admitting_a_country_to_an_alliance_is_not_an_admission(analyse):
    a = analyse(
        "The senators voted for admitting Finland and Sweden to the alliance in 2023.\n\n"
        "Tom Brask admitted the theft of the harbour funds.\n"
    )
    assert _reported(a) == [("the theft of the harbour funds", "Tom Brask")]


def test_a_thing_that_reveals_a_thing_has_said_nothing(analyse):
    a = analyse(
        "The section of the hearing devoted to housing revealed a deep gulf between the candidates.\n\n"
        "The mayor revealed the new budget for the pier.\n"
    )
    assert _reported(a) == [("the new budget for the pier", "mayor")]


def test_what_a_speaker_agrees_to_do_is_not_what_they_said(analyse):
    a = analyse(
        "In the end, the company agreed to pay the workers in full.\n\n"
        "The crew, the company agreed, had worked the extra hours.\n"
    )
    assert [text for text, _ in _reported(a)] == ["The crew", "had worked the extra hours"]


def test_a_plea_in_court_is_not_a_report(analyse):
    a = analyse(
        "Keller is no stranger to the court system, she pleaded guilty to the same charge in 2011.\n\n"
        "Tom Brask pleaded with the council to keep the ferry running.\n"
    )
    assert _reported(a) == []


def test_a_clause_before_a_verb_with_its_own_object_is_not_its_report(analyse):
    a = analyse(
        "Every time, there is a limited number of boats available in a given zone, they tweet it out.\n\n"
        "The ferry will run on Sunday, the harbour board tweeted.\n"
    )
    assert [text for text, _ in _reported(a)] == ["The ferry will run on Sunday"]


def test_whom_a_vote_confirms_in_office_is_not_a_report(analyse):
    a = analyse(
        "Republican senators are eager to get back to confirming the president's judicial nominees.\n\n"
        "The police confirmed the death of a second sailor on Tuesday.\n"
    )
    assert [text for text, _ in _reported(a)] == ["the death of a second sailor on Tuesday"]


def test_what_was_denied_as_refused_was_not_said(analyse):
    a = analyse(
        "The provincial government has denied a request by the school district to replace the school. "
        "The court denied the suspect bail. The minister denied the claims about the ferry contract.\n"
    )
    assert [(q.text, q.speaker) for q in a.quotes] == [("the claims about the ferry contract", "minister")]
