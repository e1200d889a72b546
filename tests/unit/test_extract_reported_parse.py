"""Reported clauses the parse gets half wrong: invented sentences through the real pipeline."""

from __future__ import annotations


def _reported(analysis):
    return [(q.text, q.speaker) for q in analysis.quotes if q.kind == "indirect"]


def test_a_clause_whose_verb_the_tagger_takes_for_a_participle_is_still_reported(analyse):
    a = analyse(
        "Councillor Tom Brask said that claim smacked of hypocrisy, because the council had "
        "questioned the harbour board for years.\n"
    )
    assert _reported(a) == [("claim smacked of hypocrisy", "Tom Brask")]


def test_a_participle_describing_a_noun_is_no_reported_clause(analyse):
    a = analyse("Councillor Tom Brask said nothing about the plan approved by the board.\n")
    assert _reported(a) == []


def test_a_report_before_a_semicolon_is_not_what_the_next_clause_agreed_to(analyse):
    a = analyse("Mayor Anna Keller said the ferry would run on Sunday; the crew had agreed to work.\n")
    assert _reported(a) == [("the ferry would run on Sunday", "Anna Keller")]


def test_a_subject_set_before_an_attribution_is_not_the_speaker(analyse):
    a = analyse("The museum, Mayor Anna Keller said, would make visitors face hard truths.\n")
    reported = _reported(a)
    assert {speaker for _, speaker in reported} == {"Anna Keller"}
    assert "would make visitors face hard truths" in [text for text, _ in reported]


def test_a_clause_after_in_a_statement_is_what_was_said(analyse):
    a = analyse(
        "Tom Brask, keeper of the harbour seal, spoke on Monday. He said in a statement that the new "
        "harbour master would be sworn in on Jan. 31.\n"
    )
    assert _reported(a) == [("the new harbour master would be sworn in on Jan. 31", "Tom Brask")]


def test_a_relative_clause_of_an_interview_reports_nothing(analyse):
    a = analyse("Mayor Tom Brask spoke in an interview that lasted an hour.\n")
    assert _reported(a) == []


def test_a_clause_goes_on_past_an_abbreviations_full_stop(analyse):
    a = analyse(
        "Tom Brask, 73, walks his dog near his home. Brask says he\u2019s lost 16 lbs. since he signed "
        "up for the council's walking program.\n"
    )
    assert _reported(a) == [
        ("he\u2019s lost 16 lbs. since he signed up for the council's walking program", "Tom Brask")
    ]


def test_the_speakers_second_act_of_saying_ends_the_first_report(analyse):
    a = analyse(
        "The suit says Tom Brask was involved in more than 70 fights during his career and alleges "
        "that the league did not do enough to protect him.\n"
    )
    assert [text for text, _ in _reported(a)] == [
        "Tom Brask was involved in more than 70 fights during his career",
        "the league did not do enough to protect him",
    ]


def test_what_someone_declined_to_say_was_not_said(analyse):
    a = analyse(
        "The harbour board declined to say why it lost the licence. Mayor Anna Keller refused to confirm "
        "that the ferry would stop, but said the crew would be paid.\n"
    )
    assert _reported(a) == [("the crew would be paid", "Anna Keller")]


def test_a_price_or_a_criminal_charge_is_no_report_but_a_charge_that_is(analyse):
    a = analyse(
        "The boat suffers from long charging times (as much as 9 hours for the Vega). The harbour board "
        "charged residents for the repairs. Councillor Anna Keller charged that the board had lied.\n"
    )
    assert _reported(a) == [("the board had lied", "Anna Keller")]


def test_a_report_set_before_verb_and_name_at_its_end_is_that_persons(analyse):
    a = analyse(
        "Pedro Antunes chairs the group. That is not just a problem for the young people who are directly "
        "affected, but for society at large, argued Antunes. And it can be measured.\n"
    )
    assert _reported(a) == [
        (
            "That is not just a problem for the young people who are directly affected, but for society at large",
            "Pedro Antunes",
        )
    ]


def test_a_name_after_the_verb_with_its_title_after_it_is_the_speaker(analyse):
    a = analyse("The ferry will not run this winter, argued Anna Keller, the harbour master.\n")
    assert _reported(a) == [("The ferry will not run this winter", "Anna Keller")]


def test_quoted_words_after_a_clause_ending_on_a_preposition_are_its_object(analyse):
    a = analyse(
        "Senator Anna Keller said fishermen and the council are to blame for focusing on "
        "\u201che said this, he posted that.\u201d\n"
    )
    assert _reported(a) == [
        ("fishermen and the council are to blame for focusing on \u201che said this, he posted that.", "Anna Keller")
    ]


def test_words_the_parse_joined_to_when_it_was_said_are_still_what_was_said(analyse):
    a = analyse(
        "Mayor Tom Brask tweeted in the early morning hours that Keller was \u201cdishonest\u201d and "
        "\u201ca fraud\u201d and encouraged residents to look into her record.\n"
    )
    assert _reported(a)[0] == ("Keller was \u201cdishonest\u201d and \u201ca fraud\u201d", "Tom Brask")


def test_a_description_is_not_the_name_next_quoted_in_someones_words(analyse):
    a = analyse(
        "Mayor Tom Brask spoke in Halden on Friday.\n\n"
        "The harbour governor said the ferry would run. In one post, Brask wrote: "
        "\u201cDid the board help Anna K get the contract?\u201d\n"
    )
    assert ("the ferry would run", "Anna K") not in _reported(a)


def test_an_attribution_opening_its_sentence_before_a_comma_reports_the_clause_after(analyse):
    a = analyse("Tom Brask admits in this instance, there were deaths.\n")
    assert _reported(a) == [("there were deaths", "Tom Brask")]


def test_a_quotations_attribution_before_a_verb_is_not_what_that_verb_reports(analyse):
    a = analyse(
        "“You winning?” she said, but Tom was drifting off again, and as the mayor went on about the "
        "harbour, Anna Keller said yes, over and over again.\n"
    )
    assert not [text for text, _ in _reported(a) if "drifting" in text]


def test_a_clause_after_when_it_was_said_without_that_is_what_was_said(analyse):
    a = analyse(
        "Tom Keller said after the convention he would not accept Brask's endorsement if it were offered.\n\n"
        "Tom Keller spoke after the convention he had won.\n"
    )
    assert _reported(a) == [("he would not accept Brask's endorsement if it were offered", "Tom Keller")]


def test_what_according_to_reports_when_the_parse_finds_no_verb_after_the_source(analyse):
    a = analyse("According to radio host Rush Limberg, the move reeks of “fear” and desperation.\n")
    assert _reported(a) == [("the move reeks of “fear” and desperation", "Rush Limberg")]


def test_what_a_speaker_said_told_as_a_pseudo_cleft_is_reported(analyse):
    a = analyse(
        "An official with the harbour board spoke to reporters outside the court.\n\n"
        "What he would say is that fines are handed down by judges but they rarely work.\n\n"
        "Dr. Tom Baker struggled at first. What he discovered, he says, is that treating addiction "
        "isn't hard, and he's optimistic the province is making progress.\n"
    )
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("fines are handed down by judges but they rarely work", "official with the harbour board"),
        ("treating addiction isn't hard, and he's optimistic the province is making progress", "Tom Baker"),
    ]


def test_what_someone_said_is_a_judgement_is_not_what_they_said(analyse):
    a = analyse("What the mayor said on Tuesday is a disgrace to the town.\n")
    assert [q.text for q in a.quotes] == []


def test_a_clause_the_parse_hung_on_whom_it_was_told_is_reported(analyse):
    a = analyse(
        "Tom Baker told NBC’s “Today” show on Wednesday that he wasn’t disrespectful and that he has "
        "nothing to apologize for.\n\n"
        "Anna Keller asserted that the mayor tells so many lies that the council could lose track.\n"
    )
    assert [(q.text, q.speaker) for q in a.quotes if q.kind == "indirect"] == [
        ("he wasn’t disrespectful and that he has nothing to apologize for", "Tom Baker"),
        ("the mayor tells so many lies that the council could lose track", "Anna Keller"),
    ]


def test_a_reported_clause_ends_where_the_speakers_next_act_begins(analyse):
    a = analyse(
        "The minister said the port was closed and warned shippers to expect delays.\n\n"
        "The judge said the trial would go ahead, although she noted the defence had asked for more time.\n"
    )
    assert [(q.text, q.speaker, q.cue) for q in a.quotes] == [
        ("the port was closed", "minister", "said"),
        ("shippers to expect delays", "minister", "warned"),
        ("the trial would go ahead", "judge", "said"),
        ("the defence had asked for more time", "judge", "noted"),
    ]


def test_a_clause_whose_subject_can_speak_keeps_what_that_subject_said(analyse):
    a = analyse(
        "The mayor said the contractor lied to the council and threatened to sue the city.\n\n"
        "The sheriff said the suspect was arrested and told police he had acted alone.\n"
    )
    said = [q.text for q in a.quotes if q.cue == "said"]
    assert said == [
        "the contractor lied to the council and threatened to sue the city",
        "the suspect was arrested and told police he had acted alone",
    ]


def test_as_someone_said_attributes_the_clause_it_modifies(analyse):
    a = analyse(
        "As the mayor said, the bridge is older than the city.\n\n"
        "The ferry is late again, as Anna Keller told reporters on Monday.\n\n"
        "As the mayor spoke, protesters gathered. As he said goodbye, the crowd cheered. "
        "As the crowd shouted, the police moved in.\n"
    )
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("the bridge is older than the city", "mayor"),
        ("The ferry is late again", "Anna Keller"),
    ]


def test_what_was_noted_stressed_or_denied_in_an_object_is_reported(analyse):
    a = analyse(
        "In his memoir, the general noted the army's lack of winter equipment.\n\n"
        "The senator stressed her opposition to the new pipeline.\n\n"
        "The minister denied taking any payments from the contractor.\n\n"
        "She noted the time. The chef added a pinch of salt. The firm declared bankruptcy.\n"
    )
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("the army's lack of winter equipment", "general"),
        ("her opposition to the new pipeline", "senator"),
        ("taking any payments from the contractor", "minister"),
    ]


def test_pointed_out_is_a_verb_of_saying(analyse):
    a = analyse(
        "Tom Baker pointed out that the pier was closed.\n\n"
        "As Anna Keller pointed out, the ferry has not run on time since May.\n\n"
        "The guide pointed to the old mill.\n"
    )
    assert [(q.text, q.speaker, q.cue) for q in a.quotes] == [
        ("the pier was closed", "Tom Baker", "pointed"),
        ("the ferry has not run on time since May", "Anna Keller", "pointed"),
    ]


def test_a_claim_or_report_with_an_owner_reports_its_that_clause(analyse):
    a = analyse(
        "The fact-check looked at Tom Baker's claim that there have been thousands of shootings this year.\n\n"
        "Anna Keller is seizing upon a Harbor Times report that the ferry lost $9 million in 1995.\n\n"
        "The claim that was made on Monday is false. The report that the council published is long.\n"
    )
    assert [(q.text, q.speaker, q.cue) for q in a.quotes] == [
        ("there have been thousands of shootings this year", "Tom Baker", "claim"),
        ("the ferry lost $9 million in 1995", "Harbor Times", "report"),
    ]


def test_as_someone_told_a_story_is_when_not_what(analyse):
    a = analyse("As Tom Smith told the story, the crowd fell silent.\n")
    assert [q.text for q in a.quotes] == []


def test_when_it_was_said_before_a_comma_is_no_part_of_what_was_said(analyse):
    a = analyse("As Mayor Tom Hale said last week, the pier is older than the town.\n")
    assert [(q.text, q.speaker) for q in a.quotes] == [("the pier is older than the town", "Tom Hale")]
