"""Quote marks as archives and typewritten copy write them, and a quote handed on by "but":
invented sentences through the real pipeline."""

from __future__ import annotations

import pytest


def _quotes(analysis):
    return [(q.kind, q.text, q.speaker) for q in analysis.quotes]


@pytest.mark.parametrize("opening", ["''", "``"])
def test_two_character_marks_are_double_quotes(analyse, opening):
    a = analyse(
        f"{opening}The timetable is thin around the edges,'' said Anna Keller, an analyst at the "
        f"harbour board. {opening}I wouldn't call it a plan. There are no real changes.''\n"
    )
    assert _quotes(a) == [
        ("direct", "The timetable is thin around the edges", "Anna Keller"),
        ("direct", "I wouldn't call it a plan. There are no real changes.", "Anna Keller"),
    ]


def test_an_apostrophe_inside_a_quote_in_two_character_marks_does_not_end_it(analyse):
    a = analyse("Mayor Tom Brask spoke on Monday.\n\n''Nobody here is a guest,'' the mayor added. ''We're Halden.''\n")
    assert [(kind, text) for kind, text, _ in _quotes(a)] == [
        ("direct", "Nobody here is a guest"),
        ("direct", "We're Halden."),
    ]
    assert {speaker for *_, speaker in _quotes(a)} == {"Tom Brask"}


def test_a_quote_after_said_but_is_the_speakers_own_words(analyse):
    a = analyse(
        '"I like the captain," Mayor Tom Brask said, but "when it comes to money, the captain spends '
        "other people's.\"\n"
    )
    assert _quotes(a) == [
        ("direct", "I like the captain", "Tom Brask"),
        ("direct", "when it comes to money, the captain spends other people's.", "Tom Brask"),
    ]


def test_quotes_signed_by_a_dash_and_a_name_are_that_persons(analyse):
    a = analyse(
        "Readers wrote to us about the ferry.\n\n"
        "\u201cThe ferry is always late. I have missed three meetings this month.\u201d \u2015 Anna Keller\n"
        "\u201cNobody at the council listens to us. They should take the ferry themselves.\u201d\u2015 Tom Brask.\n"
        "\u201cI love the new boats.\u201d \u2014\u00a0Mara Vint, Halden\n"
    )
    assert [speaker for *_, speaker in _quotes(a)] == ["Anna Keller", "Tom Brask", "Mara Vint"]


def test_a_signature_the_model_took_for_no_name_is_still_the_speaker(analyse):
    a = analyse(
        "Readers wrote to us about the ferry.\n\n"
        "\u201cThe ferry is always late.\u201d \u2015 Anna Keller\n"
        "\u201cNobody at the council listens to us.\u201d \u2015\u00a0Christina Lastra.\n"
        "\u201cIt works well enough.\u201d \u2014 The Associated Press\n"
    )
    speakers = [speaker for *_, speaker in _quotes(a)]
    assert speakers[:2] == ["Anna Keller", "Christina Lastra"]
    assert speakers[2] != "The Associated Press"


def test_a_dash_after_a_quote_that_goes_on_in_the_writers_words_signs_nothing(analyse):
    a = analyse(
        "Mayor Tom Brask spoke first. He called the plan \u201ca good start\u201d \u2014 Anna Keller, "
        "who chairs the board, was less sure.\n"
    )
    assert [speaker for kind, _, speaker in _quotes(a) if kind != "indirect"] == ["Tom Brask"]


def test_a_transcript_label_naming_no_one_in_the_story_still_names_the_speaker(analyse):
    a = analyse(
        "On Sunday's broadcast, Mayor Anna Keller said the ferry would run. Partial transcript:\n\n"
        "\"BRASK: Let's start with the ferry. Will it run on Sunday?\n\n"
        '"KELLER: Well, look, the ferry will run. The crew has agreed to work.\n\n'
        '"BRASK: If I may, because we have limited time. Will the fares go up?\n\n'
        '"KELLER: The fares will not go up this year.\n\n'
        '"But the truth is that the harbour board has to decide next year.\n'
    )
    assert [(text.split(".")[0], speaker) for kind, text, speaker in _quotes(a) if kind == "direct"] == [
        ("Let's start with the ferry", "Brask"),
        ("Well, look, the ferry will run", "Anna Keller"),
        ("If I may, because we have limited time", "Brask"),
        ("The fares will not go up this year", "Anna Keller"),
        ("But the truth is that the harbour board has to decide next year", "Anna Keller"),
    ]


def test_two_apostrophes_with_nothing_open_close_no_quote(analyse):
    a = analyse("Anna Keller said the workers'' pay was late.\n")
    assert [kind for kind, *_ in _quotes(a)] == ["indirect"]


@pytest.mark.parametrize(
    "text",
    [
        "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. Tom Brask suggested saving more.\n",
        "The mayor spoke on Sunday.\n\n'All Bets Are Off.'\n\nEight years ago, the mayor ran for office.\n",
        'Rep. Robert C. "Bobby" Scott threw open his back yard.\n',
    ],
)
def test_titles_subheadings_and_nicknames_where_a_quote_would_stand_are_no_quotes(analyse, text):
    assert [q for q in analyse(text).quotes if q.kind == "direct"] == []


def test_title_case_words_someone_says_are_still_a_quote(analyse):
    a = analyse(
        '"Good Morning," Anna Keller said to the crowd. "Absolutely." Then Tom Brask left. '
        "He stammered, \u201cI \u2026 I \u2026\u201d\n"
    )
    assert [text for kind, text, _ in _quotes(a) if kind == "direct"] == [
        "Good Morning",
        "Absolutely.",
        "I \u2026 I \u2026",
    ]


def test_quote_marks_around_the_whole_reported_clause_are_a_quotation(analyse):
    a = analyse(
        "The harbour board says on its website that \u201cthere were problems with the sound in the hall.\u201d "
        "Mayor Anna Keller said the town has become \u201cmore interested in the ferry than in the people.\u201d\n"
    )
    kinds = {text: kind for kind, text, _ in _quotes(a) if kind != "indirect"}
    assert kinds == {
        "there were problems with the sound in the hall.": "direct",
        "more interested in the ferry than in the people.": "partial",
    }


def test_nested_quote_marks_and_signatures_the_model_misread(analyse):
    a = analyse(
        "Readers wrote.\n\n"
        "\u201cAs a young woman, I\u2019d rather live in what he calls \u201chell\u201d than live in a world where "
        "he is mayor.\u201d \u2015 Adriana Rodarte\n"
        "\u201cHe is someone no one wants as mayor.\u201d \u2015 Christina Lastra\n"
    )
    assert [(kind, text[:12], speaker) for kind, text, speaker in _quotes(a)] == [
        ("direct", "As a young w", "Adriana Rodarte"),
        ("direct", "He is someon", "Christina Lastra"),
    ]


def test_a_name_the_model_begins_at_the_dash_before_it_is_named_without_it(nlp):
    from spacy.tokens import Span

    from byline.tui.core.analysis import analyze_doc, parse
    from byline.tui.core.sources import from_text

    article = from_text(
        "Title\n\nReaders wrote.\n\n\u201cHe is no leader.\u201d \u2015\u00a0Christina N Luis Olidem\n", "<test>"
    )
    doc = parse(article.text, nlp)
    start = article.text.index("\u2015")
    name = doc.char_span(start, len(article.text.rstrip()), alignment_mode="expand")
    doc.ents = [e for e in doc.ents if e.end <= name.start or e.start >= name.end] + [
        Span(doc, name.start, name.end, "PERSON")  # as the model tagged it in a real page
    ]
    a = analyze_doc(doc, article, "test")
    assert [x.name for x in a.actors] == ["Christina N Luis Olidem"]
    assert [q.speaker for q in a.quotes] == ["Christina N Luis Olidem"]


def test_a_title_right_after_the_kind_of_work_it_names_is_no_quote(analyse):
    a = analyse(
        "Tom Keller sat for an interview this month on Mr. King's show, “Politicking.” Democrats seized upon it.\n\n"
        "Anna Berg talked about the film “Deep Water” on Monday.\n\n"
        "“Good Morning,” Anna Berg said to the crew.\n"
    )
    assert [q.text for q in a.quotes] == ["Good Morning"]


def test_a_quote_whose_opening_mark_was_lost_begins_after_the_attribution(analyse):
    a = analyse(
        'Mayor Tom Brask spoke on Monday.\n\n"The bridge was always about the town," Brask said. It was '
        'never about the money, nothing personal. I just want the ferry back on time.".\n'
    )
    assert _quotes(a) == [
        ("direct", "The bridge was always about the town", "Tom Brask"),
        ("direct", "It was never about the money, nothing personal. I just want the ferry back on time.", "Tom Brask"),
    ]


def test_two_single_marks_typed_as_one_open_a_quote(analyse):
    a = analyse("Anna Keller spoke.\n\n“We will win,” Keller said. ‘’Nobody wins in a strike, we all lose.”\n")
    assert [text for _, text, _ in _quotes(a)] == ["We will win", "Nobody wins in a strike, we all lose."]


def test_a_stray_opening_mark_between_the_sentences_of_a_quote_does_not_split_it(analyse):
    a = analyse(
        "Anna Keller spoke.\n\n“That is a dangerous thing to do. “It evokes a negative reaction,” Keller said.\n"
    )
    assert [text for _, text, _ in _quotes(a)] == ["That is a dangerous thing to do. “It evokes a negative reaction"]


def test_curly_marks_inside_straight_ones_are_a_quote_in_the_quote(analyse):
    a = analyse(
        'Pollster Pat Dell spoke on the radio.\n\n"I will read you the question: “Do you think the ferry is '
        'late?” Forty-three, yes; forty-four, no. The rest did not say."\n'
    )
    assert [text for _, text, _ in _quotes(a)] == [
        "I will read you the question: “Do you think the ferry is late?” Forty-three, yes; forty-four, no. "
        "The rest did not say."
    ]


def test_a_stray_straight_mark_after_a_curly_quote_quotes_nothing(analyse):
    a = analyse(
        "Anna Keller spoke.\n\n“It never crossed my mind,” she said, and a reason was the idea that U.S. "
        'Supreme Court judges may have been bribed."\n'
    )
    assert [text for _, text, _ in _quotes(a)] == ["It never crossed my mind"]


def test_a_programme_on_air_and_a_thing_called_by_name_are_no_ones_words(analyse):
    a = analyse(
        "“If we blame each other, this could last a long time,” Anna Keller said on CBS’ “Face the Nation.”\n\n"
        'The company withdrew a market-research app called "Screenwise Meter" last year. '
        'Tom Baker called the plan "a disaster" on Monday.\n'
    )
    assert [text for _, text, _ in _quotes(a)] == ["If we blame each other, this could last a long time", "a disaster"]


def test_a_lost_opening_mark_is_not_found_after_an_abbreviation(analyse):
    a = analyse(
        "“We will not close the school,” said Sen. Ana Ruiz at a rally in Dover. It was never about the "
        "money, nothing personal.” The crowd cheered.\n"
    )
    assert [text for _, text, _ in _quotes(a)] == [
        "We will not close the school",
        "It was never about the money, nothing personal.",
    ]


def test_an_unclosed_straight_mark_does_not_swallow_the_curly_quotes_after_it(analyse):
    a = analyse('The union called it "a betrayal. “We are flooded again,” Tom Jones said.\n')
    assert ("direct", "We are flooded again", "Tom Jones") in _quotes(a)


def test_a_question_and_its_answer_with_a_lost_closing_mark_are_two_speakers(analyse):
    a = analyse("Tom Jones asked, “Why now? “Because we must,” Anna Park replied.\n")
    assert [(text, speaker) for _, text, speaker in _quotes(a)] == [
        ("Why now?", "Tom Jones"),
        ("Because we must", "Anna Park"),
    ]
