"""Quotes on news in general: what is a quote, and whose. Each kind of error has an invented
sentence; the real spaCy model parses them."""

from __future__ import annotations

import pytest


def quotes(analysis, kind=None):
    return [q for q in analysis.quotes if kind is None or q.kind == kind]


# -- what is reported speech ----------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Mara Vint believes the tunnel will cost more than planned.",
        "Mara Vint thinks the council has lost its way.",
        "The analysts expect the bank to raise rates in spring.",
        "Mara Vint wonders whether the tunnel will ever open.",
        "Records indicate the tunnel was inspected twice.",
    ],
)
def test_thoughts_and_evidence_are_not_reported_speech(analyse, sentence):
    assert quotes(analyse(sentence + "\n"), "indirect") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporters asked Mara Vint whether she would resign.",
        "The union asked the city to correct its figures.",
    ],
)
def test_questions_and_requests_are_not_reported_speech(analyse, sentence):
    assert quotes(analyse(sentence + "\n"), "indirect") == []


def test_a_plea_is_not_a_statement(analyse):
    a = analyse("Tobias Renn pleaded guilty to two counts of fraud last November.\n")
    assert quotes(a, "indirect") == []


# -- partial quotes: only words someone said -------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The so-called \u201cgreen corridor\u201d opened last week in Halden.",
        "Investors put money into a \u201cpay-for-results\u201d bond run by the city.",
        "Her blood pressure sat in the \u201chigh-normal\u201d range for years.",
    ],
)
def test_scare_quotes_are_not_quotes(analyse, sentence):
    assert quotes(analyse(sentence + "\n")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The fighter, known as \u201cThe Hammer\u201d, won again in Halden.",
        "A group of drivers plans a \u201cConvoy to Halden\u201d next month.",
        "Families watched \u201cThe Long Winter\u201d on Sunday night.",
    ],
)
def test_titles_and_nicknames_are_not_quotes(analyse, sentence):
    assert quotes(analyse(sentence + "\n"), "partial") == []


def test_a_fragment_a_speech_verb_governs_is_a_quote(analyse):
    a = analyse("Mayor Ines Olsen called the plan \u201ca reckless gamble\u201d on Monday.\n")
    (q,) = quotes(a, "partial")
    assert q.text == "a reckless gamble" and q.speaker == "Ines Olsen"


def test_a_name_someone_gave_is_their_words(analyse):
    a = analyse("Mayor Ines Olsen promoted the scheme, which she called a \u201cBuild the Bridge\u201d plan.\n")
    (q,) = quotes(a, "partial")
    assert q.text == "Build the Bridge" and q.speaker == "Ines Olsen"


def test_a_fragment_inside_reported_speech_nests_in_it(analyse):
    a = analyse("Senator Hal Brody said a long shutdown only makes all sides look \u201csilly.\u201d\n")
    (partial,) = quotes(a, "partial")
    (reported,) = quotes(a, "indirect")
    assert reported.start <= partial.start and partial.end <= reported.end
    assert partial.speaker == reported.speaker == "Hal Brody"


def test_a_fragment_that_repeats_a_quote_has_its_speaker(analyse):
    a = analyse(
        "\u201cThe budget is a house of cards,\u201d said Councillor Ruth Ames.\n\n"
        "Critics of the \u201chouse of cards\u201d remark were quick to respond.\n"
    )
    repeat = [q for q in quotes(a, "partial") if q.text == "house of cards"]
    assert repeat and repeat[0].speaker == "Ruth Ames"


# -- page furniture -------------------------------------------------------------------------
def test_link_lines_are_not_quotes(analyse):
    a = analyse(
        "The bridge opened on Monday.\n\n"
        "READ MORE: \u2018Still in shock\u2019: Halden woman says the council lied\n\n"
        "WATCH: Mayor says bridge will \u2018change everything\u2019\n"
    )
    assert quotes(a) == []


# -- speakers -------------------------------------------------------------------------------
def test_quote_paragraphs_after_a_new_speaker_are_theirs(analyse):
    a = analyse(
        "Title\n\n"
        "\u201cThe tunnel is finished,\u201d said engineer Paula Brandt.\n\n"
        "Union leader Marco Vitti said the crews had worked through the winter.\n\n"
        "\u201cNobody took a day off. Not one of them.\u201d\n"
    )
    last = quotes(a, "direct")[-1]
    assert last.text.startswith("Nobody took") and last.speaker == "Marco Vitti"


def test_a_colon_hands_the_sentence_to_the_quote(analyse):
    a = analyse(
        "Title\n\nCouncillor Ruth Ames spoke first. Then Dr. Omar Said, a local surgeon, was more blunt: "
        "\u201cThe hospital cannot cope with another winter like this one.\u201d\n"
    )
    (q,) = quotes(a, "direct")
    assert q.speaker == "Omar Said"


def test_a_pronoun_never_stands_for_someone_of_the_other_gender(analyse):
    a = analyse(
        "Title\n\nNora Kellan lost her son Tim in 2019. Tim left home at 17.\n\n"
        "\u201cI still look for him in every crowd,\u201d she says.\n"
    )
    (q,) = quotes(a, "direct")
    assert q.speaker == "Nora Kellan"


def test_one_of_several_subjects_is_not_who_he_is(analyse):
    a = analyse(
        "Title\n\nUnion president Jeff Arden said the vote was clear.\n\n"
        "The owners, Tom Sorle and Lena Abba, said they respected the result.\n\n"
        "He said the union would meet staff in January.\n"
    )
    (q,) = [q for q in quotes(a, "indirect") if q.text.startswith("the union would meet")]
    assert q.speaker == "Jeff Arden"


def test_a_speaker_must_be_someone(analyse):
    a = analyse("Title\n\nThe vote was close. The outcome said the council had waited too long.\n")
    said = [q for q in quotes(a, "indirect") if q.text.startswith("the council had waited")]
    assert said and said[0].speaker is None


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Critics say the tunnel will never pay for itself.", "Critics"),
        ("Economists say the bank will cut rates twice this year.", "Economists"),
        ("A new study says most commuters would pay a higher toll.", "new study"),
        ("Some in the farming community say the subsidy came too late.", "Some in the farming community"),
    ],
)
def test_unnamed_people_bodies_and_texts_can_speak(analyse, sentence, speaker):
    (q,) = quotes(analyse(sentence + "\n"), "indirect")
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "sentence, starts",
    [
        (
            "HALDEN — Opposition leader Vera Lind says Premier Otto Brask is the most divisive premier in decades.",
            "Premier Otto Brask is",
        ),
        ("Coach Anders Moe said having Lukas Berg back in defence was a big boost.", "having Lukas Berg back"),
    ],
)
def test_a_clause_the_parse_loses_is_still_reported(analyse, sentence, starts):
    (q,) = [q for q in quotes(analyse(sentence + "\n"), "indirect") if q.cue in ("says", "said")]
    assert q.text.startswith(starts)


def test_a_subheading_that_repeats_a_quote_is_not_one(analyse):
    a = analyse(
        "Title\n\n\u2018Not enough homes\u2019\n\n"
        "\u201cThere are just not enough homes for everyone,\u201d said planner Ida Voss.\n"
    )
    assert [q.text for q in a.quotes if q.kind == "direct"] == ["There are just not enough homes for everyone"]


def test_telling_someone_on_a_day_reports_nothing(analyse):
    assert quotes(analyse("Premier Otto Brask told reporters on Thursday.\n"), "indirect") == []


def test_many_ways_of_saying(analyse):
    a = analyse("Title\n\n\u201cYou're late,\u201d Tomas Brek blurted out. \u201cNot again,\u201d Ana Lund quipped.\n")
    assert [(q.text, q.speaker) for q in quotes(a, "direct")] == [
        ("You're late", "Tomas Brek"),
        ("Not again", "Ana Lund"),
    ]


def test_a_quote_paragraph_after_an_indented_break_keeps_the_voice(analyse):
    a = analyse(
        "Title\n .\n Coach Stephen Vail said the team had raised money for a donor.\n .\n "
        "At 25, Vail was diagnosed with a kidney disease.\n .\n "
        "\u201cMy condition is getting worse, but I feel fine.\u201d\n"
    )
    (q,) = quotes(a, "direct")
    assert q.speaker == "Stephen Vail"


def test_a_participle_with_no_subject_leaves_the_quote_to_the_story(analyse):
    a = analyse(
        "Title\n\nMayor Doris Kell expressed serious concern about the debt, saying: "
        "\u201cI was shaken to the core to see how much debt the city had.\u201d\n"
    )
    (q,) = quotes(a, "direct")
    assert q.speaker == "Doris Kell"


@pytest.mark.parametrize(
    "sentence",
    [
        "Note that the figures are preliminary.",
        "Tell them why you care about the park.",
        "Ask your doctor if the drug is right for you.",
    ],
)
def test_imperatives_are_not_reported_speech(analyse, sentence):
    assert quotes(analyse("Title\n\n" + sentence + "\n"), "indirect") == []


def test_it_said_is_the_organisation_that_was_speaking(analyse):
    a = analyse(
        "Title\n\nThe Halden Parole Board refused his release on Monday, the board's ruling shows. "
        "The board said he was still a danger to the public in Norland.\n\n"
        "It said he had not completed his programs.\n"
    )
    (q,) = [q for q in quotes(a, "indirect") if q.text.startswith("he had not completed")]
    assert q.speaker == "Halden Parole Board"


def test_a_titled_person_inside_a_name_is_a_person(analyse):
    a = analyse(
        "Title\n\nBut Halvard Nation Hereditary Chief Tamoks said he did not consider the protest threatening.\n\n"
        "\u201cI believe there has to be trust built,\u201d he said.\n"
    )
    tamoks = [x for x in a.actors if x.name.endswith("Tamoks")]
    assert tamoks and tamoks[0].type == "PERSON"
    assert quotes(a, "direct")[0].speaker == tamoks[0].name


def test_a_reported_clause_inside_quote_marks_is_listed_once(analyse):
    a = analyse('Title\n\nDominic Vell said "it is pretty unusual to hear about virus problems with machines".\n')
    texts = [q.text for q in a.quotes]
    assert len([t for t in texts if t.startswith("it is pretty unusual")]) == 1


def test_an_unnamed_spokesperson_of_a_named_body(analyse):
    a = analyse(
        "Title\n\nA spokesman for the Association of Payment and Clearing Services said the risk was minimal.\n"
    )
    (q,) = quotes(a, "indirect")
    assert q.speaker == "spokesman for the Association of Payment and Clearing Services" and q.anonymous


def test_a_group_around_one_named_body_is_that_body(analyse):
    a = analyse("Title\n\nTheir allies and members of the Norland Unionist Party said they will back the government.\n")
    (q,) = [q for q in quotes(a, "indirect") if q.text.startswith("they will back")]
    assert q.speaker == "Norland Unionist Party" and not q.anonymous


def test_the_minister_is_the_one_minister_named(analyse):
    a = analyse(
        "Title\n\nForeign Minister Ada Holm spoke on Monday.\n\n"
        "\u201cWe will not give up on him,\u201d the minister said.\n"
    )
    (q,) = quotes(a, "direct")
    assert q.speaker == "Ada Holm"


def test_a_term_in_the_speakers_description_is_not_their_words(analyse):
    a = analyse(
        "Title\n\nCritics of what is known as the \u201cbackstop\u201d argue it could tie Norland to the bloc.\n"
    )
    assert quotes(a, "partial") == []


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Brexit backers say leaving the bloc will open new markets.", "Brexit backers"),
        ("Police on Sunday said they had arrested a man from Halden.", "Police"),
    ],
)
def test_who_a_group_is_not_what_it_is_named_after(analyse, sentence, speaker):
    (q,) = [q for q in quotes(analyse("Title\n\n" + sentence + "\n"), "indirect") if q.cue in ("say", "said")]
    assert q.speaker == speaker


def test_a_quotation_with_its_own_cue_is_not_part_of_the_reported_clause(analyse):
    a = analyse(
        "Title\n\nJoe Niemand said \u201cnobody knows the story behind it,\u201d and added: "
        "\u201cI promise you, those people got talked to.\u201d\n"
    )
    (reported,) = quotes(a, "indirect")
    (direct,) = quotes(a, "direct")
    assert "promise" not in reported.text and direct.text.startswith("I promise you")
    assert direct.speaker == reported.speaker == "Joe Niemand"


def test_a_release_from_a_body_speaks_for_it(analyse):
    a = analyse("Title\n\nA release sent to media from the Harbour Workers Union said most staff voted yes.\n")
    (q,) = quotes(a, "indirect")
    assert q.speaker == "Harbour Workers Union"


def test_hidden_characters_are_not_part_of_a_phrase(nlp):
    from byline.tui.core.extract.syntax import span_text

    doc = nlp("Union leader Traegar\u200b spoke.")
    assert span_text(doc, list(doc)[:3]) == "Union leader Traegar"


def test_whom_someone_tells_is_not_what_they_say(analyse):
    a = analyse("Title\n\nNick Sandor told the \u201cMorning Show\u201d he had done nothing wrong.\n")
    assert quotes(a, "partial") == []


def test_a_fragment_in_a_passive_report_is_the_reporters_source(analyse):
    a = analyse(
        "Title\n\nAdam Fell said his teammate was being yelled at \u201csimply because he was a player on the other team.\u201d\n"
    )
    (q,) = quotes(a, "partial")
    assert q.speaker == "Adam Fell"


@pytest.mark.parametrize(
    "sentence",
    [
        "Coach Stephen Vail said, his voice breaking with emotion, that he was grateful.",
        "Ana Lund said something to Tomas that would ruin their friendship.",
    ],
)
def test_say_reports_a_statement(analyse, sentence):
    texts = [q.text for q in quotes(analyse("Title\n\n" + sentence + "\n"), "indirect")]
    assert not [t for t in texts if t.startswith(("his voice", "something"))]


# -- what nobody said ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The minister has not said she would veto the bill.",
        "Tobias Renn won't say what the message is.",
        "The company would not say whether it agreed to the terms.",
        "The debt is higher than city reports say it is, which could justify the cuts.",
        "A claim the costs are lower than the agency says they are could make the promise more attractive.",
    ],
)
def test_a_denied_or_elided_saying_reports_nothing(analyse, sentence):
    assert quotes(analyse(sentence + "\n"), "indirect") == []


# -- the whole reported clause, however the parse cut it ------------------------------------
@pytest.mark.parametrize(
    "sentence, reported",
    [
        (
            "Transit chief Elin Varga said Thursday one of the mayor's ideas, to find places where the line could "
            "run at street level, could save money.",
            "one of the mayor's ideas, to find places where the line could run at street level, could save money",
        ),
        (
            "But Finance Minister Tomas Aberg told the Radio Nord programme what was needed was one approach, with "
            "all wealthy nations on board.",
            "what was needed was one approach, with all wealthy nations on board",
        ),
    ],
)
def test_a_reported_clause_keeps_the_subject_the_parse_hung_on_the_verb(analyse, sentence, reported):
    assert [q.text for q in quotes(analyse(sentence + "\n"), "indirect")] == [reported]


def test_a_curly_contraction_is_the_verb_of_the_reported_clause(analyse):
    a = analyse(
        "A Halden hockey coach says he\u2019s \u201camazed and overwhelmed\u201d by the response to the team's video.\n"
    )
    assert [q.text for q in quotes(a, "indirect")] == [
        "he\u2019s \u201camazed and overwhelmed\u201d by the response to the team's video"
    ]


def test_a_closing_mark_typed_where_a_quote_opens_opens_it():
    from byline.tui.core.extract.marks import find_marks

    text = "I side with the Halden view of the mayor (\u201dShe is landing rockets. Who else is?\u201d) and not the critics.\n"
    assert [text[m.start : m.end] for m in find_marks(text)] == ["She is landing rockets. Who else is?"]


def test_one_word_in_marks_is_a_term_even_when_someone_said_it(analyse):
    a = analyse(
        "\u201cI played nine holes with each group, and the guests wanted to see the car museum,\u201d Ian Brook said.\n\n"
        "He built this \u201cmuseum\u201d as part of a guest house so it could serve charity functions.\n"
    )
    assert [q.text for q in quotes(a, "partial")] == []


@pytest.mark.parametrize(
    "dateline",
    ["HALDEN -- ", "LAKE MORVEN, Ont. \u2013 ", "PORT AUBREY, March 2 - ", "NEW HALDEN \u2014 "],
)
def test_a_dateline_is_not_part_of_what_was_reported(analyse, dateline):
    a = analyse(
        dateline + "Middle-aged workers who had a stroke are less likely to be working three years later, "
        "researchers at the Halden clinic said on Monday.\n"
    )
    reported = quotes(a, "indirect")
    assert [q.text for q in reported] == [
        "Middle-aged workers who had a stroke are less likely to be working three years later"
    ]


def test_the_minister_is_the_minister_the_story_is_about(analyse):
    # two ministers are named; the one the story last turned to is "the minister"
    a = analyse(
        "Title\n\nPrime Minister Bo Lund said on Monday the talks would go on.\n\n"
        "Foreign Minister Ada Holm said she had spoken to the prisoner's father.\n\n"
        "\u201cWe will not give up on him,\u201d the minister said.\n"
    )
    (q,) = [q for q in quotes(a, "direct") if "give up on him" in q.text]
    assert q.speaker == "Ada Holm"


def test_a_spokesman_is_someone_new_not_the_spokesman_named(analyse):
    a = analyse(
        "Title\n\nHarbour authority spokesman Erik Dahl said the port would reopen on Friday.\n\n"
        "Later that day, a spokesman said the port would stay closed until the storm had passed.\n"
    )
    (q,) = [q for q in quotes(a, "indirect") if "stay closed" in q.text]
    assert q.speaker != "Erik Dahl" and q.anonymous


@pytest.mark.parametrize(
    "sentence, said",
    [  # the parse hangs the real clause on the hearer, as a relative clause or as a clause
        (
            "Earlier, she told Halden Radio 2's Morning programme the council had cut support for schools "
            "in the past four years.",
            "the council had cut support for schools in the past four years",
        ),
        (
            "Earlier, he told Halden FM's Today programme the city had increased support for schools in the "
            "past four years.",
            "the city had increased support for schools in the past four years",
        ),
    ],
)
def test_whom_someone_tells_is_not_the_start_of_what_they_say(analyse, sentence, said):
    assert [q.text for q in quotes(analyse(sentence + "\n"), "indirect")] == [said]


def test_a_reported_clause_that_ends_in_a_quotation_is_still_reported(analyse):
    a = analyse(
        "Title\n\nTomas Brink, a politics professor at Halden University, said Ms. Lind will likely try once more "
        "to reach a deal, \u201choping that fatigue and fear may bring more members on all sides into her camp.\u201d\n"
    )
    reported = [q for q in quotes(a, "indirect") if q.text.startswith("Ms. Lind will likely try")]
    assert len(reported) == 1 and reported[0].speaker == "Tomas Brink"


@pytest.mark.parametrize("who", ["professional", "officer"])
def test_an_attribution_with_whom_it_was_told_reports_the_sentence_before(analyse, who):
    a = analyse(
        f"Title\n\nOne group stormed a nearby office block, where they left a bag in the foyer, a private security "
        f"{who} present during the raid told the Courier.\n"
    )
    (q,) = quotes(a, "indirect")
    assert q.text == "One group stormed a nearby office block, where they left a bag in the foyer"
    assert q.speaker.startswith(f"private security {who}") and q.anonymous


def test_whom_an_attribution_tells_is_not_what_it_reports(analyse):
    a = analyse(
        "Title\n\nLater, Marco told an audience about the first time he admitted to a fellow player that he "
        "was afraid of the dark.\n"
    )
    assert not [q for q in quotes(a, "indirect") if q.text.startswith("an audience")]


@pytest.mark.parametrize(
    "sentence, said",
    [
        (
            "Ada Holm said burnout is critical among the members, and members are tired and overworked.",
            "burnout is critical among the members, and members are tired and overworked",
        ),
        (
            "Bo Lund said the ice rink is full most nights, and families are waiting for a year to get a spot.",
            "the ice rink is full most nights, and families are waiting for a year to get a spot",
        ),
    ],
)
def test_a_clause_joined_to_the_speech_verb_goes_on_with_the_report(analyse, sentence, said):
    assert [q.text for q in quotes(analyse("Title\n\n" + sentence + "\n"), "indirect")] == [said]


def test_a_clause_joined_with_a_speech_verb_of_its_own_is_a_report_of_its_own(analyse):
    a = analyse("Title\n\nBo Lund said the road is closed, and police said it would reopen on Friday.\n")
    assert "the road is closed" in [q.text for q in quotes(a, "indirect")]


def test_according_to_a_source_keeps_the_subject_the_parse_hung_on_it(analyse):
    a = analyse(
        "Title\n\nAccording to the most recent numbers from Statistics Norland, the jobless rate of young "
        "Norlanders is more than double the national average.\n"
    )
    (q,) = quotes(a, "indirect")
    assert q.text == "the jobless rate of young Norlanders is more than double the national average"


def test_words_the_parse_left_unattached_after_the_clause_are_part_of_it(analyse):
    a = analyse(
        "Title\n\nA Halden-area man shot his girlfriend, her two young children and her mother in the home "
        "they all shared, authorities said Saturday.\n"
    )
    (q,) = quotes(a, "indirect")
    assert q.text == (
        "A Halden-area man shot his girlfriend, her two young children and her mother in the home they all shared"
    )


def test_a_transcripts_speaker_label_names_who_speaks(analyse):
    a = analyse(
        "Title\n\nSenator Anna Keller spoke to Mayor Tom Brask on the radio on Sunday.\n\n"
        '"BRASK: Let us start with the ferry. The council said on Friday it would close the harbour.\n\n'
        '"KELLER: Frankly, the council has been asleep for years. We will rebuild it before winter.\n\n'
        '"UPDATE: The harbour reopened on Monday.\n'
    )
    lines = [(q.text.split(".")[0], q.speaker) for q in a.quotes if q.kind == "direct"]
    assert lines[:2] == [
        ("Let us start with the ferry", "Tom Brask"),
        ("Frankly, the council has been asleep for years", "Anna Keller"),
    ]
    # a label that names no one in the story is no speaker's
    assert lines[2][0].startswith("UPDATE:")
