"""Reported speech with quoted words in it, and where a reported clause ends: invented sentences
through the real pipeline."""

from __future__ import annotations

from byline.tui.core.voices import voices

OPENING = "Title\n\nSenator Anna Keller and Mayor Tom Brask met in Halden on Monday.\n\n"


def _quotes(analysis, kind: str | None = None):
    return [(q.kind, q.text, q.speaker, q.cue) for q in analysis.quotes if kind is None or q.kind == kind]


def test_what_a_speaker_calls_someone_in_quoted_words_is_reported_with_the_quotation(analyse):
    text = OPENING + "Keller called the harbour plan a \u201creckless gamble\u201d and a \u201cdebt trap.\u201d\n"
    a = analyse(text)
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    assert clause.text.startswith("the harbour plan a \u201creckless gamble") and "debt trap" in clause.text
    assert clause.speaker == "Anna Keller" and clause.cue == "called"
    # the quoted words are part of that one act of speech: one reported quote, no partial apart
    (voice,) = voices(a, text).voices
    assert (voice.count("reported"), voice.count("partial")) == (1, 0)


def test_described_as_in_quoted_words_is_reported_too(analyse):
    a = analyse(
        OPENING + "Brask described the ferry as \u201ca floating ruin\u201d that \u201cnobody would board.\u201d\n"
    )
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    assert clause.text.startswith("the ferry as") and clause.speaker == "Tom Brask"


def test_one_quoted_name_is_a_partial_quote_and_no_reported_clause(analyse):
    a = analyse(OPENING + "Brask described the ferry as \u201cunusual.\u201d\n")
    assert [(q.kind, q.speaker) for q in a.quotes] == [("partial", "Tom Brask")], _quotes(a)


def test_a_name_given_without_quote_marks_reports_nothing(analyse):
    assert _quotes(analyse(OPENING + "Brask called the vote close.\n")) == []


def test_quoted_words_beside_what_a_verb_of_naming_names_are_no_one_s(analyse):
    a = analyse(OPENING + "Dr. Lem Otto has been called a charlatan by rivals for selling \u201cmiracle\u201d pills.\n")
    assert not any(q.speaker == "Lem Otto" for q in a.quotes), _quotes(a)


def test_a_reported_clause_ends_where_the_speaker_goes_on_arguing(analyse):
    a = analyse(
        OPENING + "Keller said the harbour plan was too costly, arguing that the port could never repay the loan.\n"
    )
    said = next(q for q in a.quotes if q.cue == "said")
    assert said.text == "the harbour plan was too costly"
    arguing = next(q for q in a.quotes if q.cue == "arguing")
    assert arguing.text == "the port could never repay the loan" and arguing.speaker == "Anna Keller"


def test_a_reported_clause_ends_where_someone_else_speaks(analyse):
    a = analyse(
        OPENING + "Brask said the bridge would open in May, and council members warned that costs were rising.\n"
    )
    said = next(q for q in a.quotes if q.cue == "said")
    assert said.text == "the bridge would open in May" and said.speaker == "Tom Brask"
    warned = next(q for q in a.quotes if q.cue == "warned")
    assert warned.text == "costs were rising" and warned.speaker == "council members"


def test_a_that_the_parse_took_for_an_adverb_is_no_part_of_what_was_written(analyse):
    a = analyse(
        OPENING + "Keller wrote in the small hours that Brask was \u201cdisgusting\u201d and \u201ca con\u201d.\n"
    )
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    assert clause.text.startswith("Brask was") and clause.speaker == "Anna Keller"


def test_the_name_the_parse_sets_beside_the_object_is_still_what_it_was_called(analyse):
    a = analyse(
        OPENING + "Brask called the 1996 harbour master \u201cCaptain Rust\u201d and \u201cAdmiral Leak\u201d "
        "as examples of waste.\n"
    )
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    assert clause.text.startswith("the 1996 harbour master") and "Admiral Leak" in clause.text
    assert clause.speaker == "Tom Brask"


def test_calling_on_someone_to_act_is_a_demand_reported(analyse):
    a = analyse(OPENING + "Keller called on the council to stop the dredging.\n")
    assert ("indirect", "the council to stop the dredging", "Anna Keller", "called on") in _quotes(a)


def test_calling_on_a_day_reports_nothing(analyse):
    assert _quotes(analyse(OPENING + "Brask called on Tuesday.\n")) == []


def test_what_is_blamed_on_is_reported(analyse):
    a = analyse(OPENING + "Keller blamed the delays on \u201cdecades of neglect\u201d by the port.\n")
    # what she blamed them on, not who neglected the port
    assert not any(q.text == "the port" for q in a.quotes), _quotes(a)
    assert any("decades of neglect" in q.text and q.speaker == "Anna Keller" for q in a.quotes)


def test_the_writer_s_own_aside_reports_no_one(analyse):
    a = analyse(OPENING + "It is worth noting that the ferry never ran. It goes without saying that fares rose.\n")
    assert _quotes(a) == []


def test_who_speaks_is_no_part_of_what_they_say(analyse):
    a = analyse(
        OPENING + "Experts say the old dam is weak.\n\n"
        "\u201cIf it does not give way this year, it will at some point, probably sooner rather than later,\u201d "
        "said Anna Keller, an engineer who is head of the Harbour Safety Board at the Institute of Ports.\n"
    )
    # not a reported clause "Anna Keller, an engineer ...", nor the experts' words
    assert not any("an engineer" in q.text for q in a.quotes), _quotes(a)
    (direct,) = [q for q in a.quotes if q.kind == "direct"]
    assert direct.speaker == "Anna Keller"


def test_a_second_speaker_joined_by_and_keeps_their_own_words(analyse):
    a = analyse(
        OPENING + "Keller emphasized that Halden's repairs were not complete, "
        "and dock workers' unions warned that the council was losing critical leverage.\n"
    )
    stressed = next(q for q in a.quotes if q.cue == "emphasized")
    assert stressed.text == "Halden's repairs were not complete" and stressed.speaker == "Anna Keller"
    warned = next(q for q in a.quotes if q.cue == "warned")
    assert warned.text == "the council was losing critical leverage" and warned.speaker != "Anna Keller"


def test_calling_a_meeting_names_no_one(analyse):
    a = analyse(OPENING + "The rules let Brask call a \u201cspecial session\u201d of the council at any time.\n")
    assert not any("special session" in q.text for q in a.quotes), _quotes(a)


def test_a_name_given_in_doubled_apostrophes_is_quoted_words_too(analyse):
    text = OPENING + "Keller called the ferry ''a floating ruin'' and ''a rust bucket'' at the hearing.\n"
    a = analyse(text)
    (clause,) = [q for q in a.quotes if q.kind == "indirect"]
    assert clause.text.startswith("the ferry ''a floating ruin") and clause.speaker == "Anna Keller"


def test_quoted_words_in_a_clause_of_when_are_not_what_the_verb_reports(analyse):
    a = analyse(
        OPENING + "Keller said nothing at all while Brask went on about \u201cthe golden age of ferries.\u201d\n"
    )
    assert not any(q.speaker == "Anna Keller" and "golden age" in q.text for q in a.quotes), _quotes(a)


def test_a_second_name_coordinated_with_the_first_is_the_speaker_s_too(analyse):
    a = analyse(OPENING + "Keller called the plan \u201cbold\u201d and based on \u201cone giant guess.\u201d\n")
    assert any(q.speaker == "Anna Keller" and "one giant guess" in q.text for q in a.quotes), _quotes(a)
