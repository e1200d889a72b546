"""Who said it, third round: pronouns that agree with their speaker, reporting verbs no list
knows, the names of works and scare quotes that nobody said, credits set in Markdown or in the
body, and a name listed with places. Invented sentences throughout, through the real pipeline."""

from __future__ import annotations

import pytest


def only(analysis, starts, kind=None):
    found = [q for q in analysis.quotes if q.text.startswith(starts) and (kind is None or q.kind == kind)]
    assert len(found) == 1, [(q.kind, q.text, q.speaker) for q in analysis.quotes]
    return found[0]


def test_she_said_after_he_said_is_the_woman_named_before(analyse):
    a = analyse(
        "Title\n\nAnn Roe spoke to the council on Monday. Her colleague Tom Baker had argued for a delay.\n\n"
        "\u201cWe waited long enough,\u201d he said. \u201cPeople deserve to see the numbers,\u201d she said.\n"
    )
    assert only(a, "We waited").speaker == "Tom Baker"
    assert only(a, "People deserve").speaker == "Ann Roe"


def test_she_said_is_not_the_man_last_quoted(analyse):
    a = analyse(
        "Title\n\nAnn Roe, the mayor, met the council on Monday.\n\n"
        "\u201cThe plan is late,\u201d Tom Baker said. \u201cIt was late in May,\u201d he said.\n\n"
        "\u201cPeople deserve to see the numbers,\u201d she said.\n"
    )
    assert only(a, "People deserve").speaker == "Ann Roe"


@pytest.mark.parametrize("verb", ["interjected", "scoffed", "shot back", "chimed in"])
def test_a_verb_no_list_knows_is_learned_from_the_attribution(analyse, verb):
    a = analyse(
        f"Title\n\n\u201cWe will not wait,\u201d Tom Baker said.\n\n\u201cThat is not true,\u201d Ann Roe {verb}.\n"
    )
    q = only(a, "That is not true")
    assert q.speaker == "Ann Roe" and q.cue == verb.split()[0]


def test_a_new_sentence_after_a_question_is_no_attribution(analyse):
    a = analyse(
        "Title\n\n\u201cWe will not wait,\u201d Tom Baker said.\n\n\u201cIs that true?\u201d Ann Roe walked out.\n"
    )
    assert only(a, "Is that true").cue is None


@pytest.mark.parametrize(
    "sentence",
    [
        "In an interview on the network\u2019s \u201cMorning Hour\u201d programme, Ann Roe said the bridge would open.",
        "Ann Roe recalled reading \u201cThe Long Road Home\u201d as a student.",
        "Ann Roe spoke on \u201cThe Evening Show\u201d about the bridge.",
    ],
)
def test_the_name_of_a_work_near_a_verb_of_saying_is_no_quote(analyse, sentence):
    a = analyse("Title\n\n" + sentence + "\n")
    assert [q.text for q in a.quotes if q.kind != "indirect"] == []


def test_what_a_speaker_calls_someone_stays_a_quote(analyse):
    a = analyse("Title\n\nMayor Ann Roe called the plan \u201cA Disgrace\u201d on Monday.\n")
    assert only(a, "A Disgrace").speaker == "Ann Roe"


def test_a_so_called_word_is_a_scare_quote_even_in_reported_speech(analyse):
    a = analyse("Title\n\nThe so-called \u201creform\u201d will cost millions, Mayor Ann Roe said on Monday.\n")
    assert [q.kind for q in a.quotes] == ["indirect"]


def test_her_statement_is_the_woman_the_story_is_about(analyse):
    a = analyse(
        "Title\n\nEnvironment Minister Ana Holm cancelled the sessions after a call with Mayor Eva Lind.\n\n"
        "\u201cI have heard stories of people afraid to attend events,\u201d her statement read.\n"
    )
    assert only(a, "I have heard").speaker == "Ana Holm"


@pytest.mark.parametrize(
    "byline",
    ["*By Jane Doe, Staff Reporter*", "_By Jane Doe_", "**By Jane Doe**"],
)
def test_a_byline_in_markdown_is_a_credit(analyse, byline):
    a = analyse(f"Bridge reopens\n\n{byline}\n\nMayor Ann Roe said the bridge would reopen in May.\n")
    assert [(c.name, c.kind) for c in a.credits] == [("Jane Doe", "author")]
    assert "Jane Doe" not in {x.name for x in a.actors}


@pytest.mark.parametrize(
    "line, credit",
    [
        ("The Associated Press contributed to this report.", ("The Associated Press", "agency")),
        ("Kari Holm contributed reporting.", ("Kari Holm", "author")),
    ],
)
def test_a_contribution_line_in_the_body_is_a_credit(analyse, line, credit):
    a = analyse(f"Bridge reopens\n\nMayor Ann Roe said the bridge would reopen in May.\n\n{line}\n")
    assert (credit[0], credit[1]) in [(c.name, c.kind) for c in a.credits]
    assert credit[0] not in {x.name for x in a.actors}


def test_a_name_the_model_took_for_a_person_listed_with_places_is_a_place(analyse):
    a = analyse("Title\n\nSessions in Toronto, Ottawa, Whitby and Barrie were cancelled, the minister said.\n")
    assert {x.name: x.type for x in a.actors}["Barrie"] == "GPE"


@pytest.mark.parametrize(
    "sentence, pieces",
    [
        ("The new bridge, she added, will cost far more than planned.", ["The new bridge", "will cost far more"]),
        ("Climate change, she often says, is the greatest threat to the city.", ["Climate change", "is the greatest"]),
    ],
)
def test_reported_speech_around_an_attribution_between_commas(analyse, sentence, pieces):
    a = analyse("Title\n\nMayor Ann Roe spoke on Monday.\n\n" + sentence + "\n")
    found = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.text[: len(piece)] for q, piece in zip(found, pieces, strict=False)] == pieces
    assert len(found) == len(pieces)
    assert {q.speaker for q in found} == {"Ann Roe"}


@pytest.mark.parametrize(
    "heading",
    ["Ann Roe Said To Weigh Second Run", "Why Ann Roe Warns Of A Long Winter", "Why Ann Roe Warns of a Long Winter"],
)
def test_a_verb_of_speech_in_a_title_case_heading_is_no_part_of_a_name(analyse, heading):
    a = analyse(f"{heading}\n\nMayor Ann Roe spoke in Halden on Monday.\n")
    people = [x.name for x in a.actors if x.type == "PERSON"]
    assert people == ["Ann Roe"]


def test_a_name_and_a_he_inside_the_quoted_words_are_not_the_speaker(analyse):
    a = analyse(
        "Title\n\nMayor Ann Roe spoke on Monday. \u201cI met Tom Baker last week and he agreed,\u201d she said. "
        "\u201cWe will fix it,\u201d she added.\n"
    )
    assert only(a, "I met Tom Baker").speaker == "Ann Roe"
    assert only(a, "We will fix it").speaker == "Ann Roe"


@pytest.mark.parametrize("line", ["Follow Pam Key on Twitter @pamkeyNEN", '"Follow Pam Key on Twitter @pamkeyNEN."'])
def test_a_follow_line_is_the_authors_credit_not_a_quote(analyse, line):
    a = analyse(f'Bridge reopens\n\nMayor Ann Roe spoke on Sunday.\n\n"ROE: The bridge will reopen in May.\n\n{line}\n')
    assert [(c.name, c.kind) for c in a.credits] == [("Pam Key", "author")]
    assert [q.text for q in a.quotes] == ["The bridge will reopen in May."]
