"""Pull quotes: a paragraph of someone's words with no quote marks, signed with their name at its
end. Invented articles through the real pipeline."""

from __future__ import annotations

STORY = (
    "Renters in Oslo\n\n"
    "Tenants face another year of rising rents, said Tom Brask, a housing advocate in Oslo.\n\n"
    '"It is not realistic for a lot of families," Brask said.\n\n'
    "{pull}\n\n"
    "The council meets on Tuesday.\n"
)


def _direct(analysis):
    return [(q.text, q.speaker) for q in analysis.quotes if q.kind == "direct"]


def test_a_paragraph_signed_by_a_person_in_the_story_is_their_quote(analyse):
    pull = "Governments at all levels will need to take real steps to solve this crisis or they will face angry renters. Tom Brask"
    a = analyse(STORY.format(pull=pull))
    assert _direct(a)[-1] == (
        "Governments at all levels will need to take real steps to solve this crisis or they will face angry renters.",
        "Tom Brask",
    )
    pulled = next(q for q in a.quotes if q.text.startswith("Governments"))
    # what the rules found inside it is a piece of it, not a quote of its own
    assert [q for q in a.quotes if q is not pulled and pulled.start <= q.start < pulled.end] == []


def test_a_name_the_story_never_mentions_signs_no_quote(analyse):
    pull = "Governments at all levels will need to take real steps to solve this crisis or they will face angry renters. Anna Keller"
    a = analyse(STORY.format(pull=pull))
    assert _direct(a) == [("It is not realistic for a lot of families", "Tom Brask")]


def test_a_short_line_before_a_name_is_no_pull_quote(analyse):
    a = analyse(STORY.format(pull="Read more about rents. Tom Brask"))
    assert _direct(a) == [("It is not realistic for a lot of families", "Tom Brask")]
