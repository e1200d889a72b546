"""Who most likely said a passage (the "who said it?" list's first names), from the text and the
analysis alone: the reporting verb's subject, else the nearest people of the pronoun's gender."""

from __future__ import annotations

from byline.tui.core.model import Actor, Analysis
from byline.tui.core.speaker_hints import gender_of, likely_speakers

TEXT = (
    "Budget talks stall\n\n"
    "Mayor Lena Okafor met Tom Brask on Monday. She has said little since. Mr Brask told reporters "
    "he was tired.\n\n"
    "\u201cWe will not sign a blank cheque,\u201d she said.\n\n"
    "\u201cNobody asked us,\u201d said Brask.\n"
)


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def analysis() -> Analysis:
    okafor = Actor("okafor", "Lena Okafor", "PERSON", mentions=[at("Lena Okafor")])
    brask = Actor("brask", "Tom Brask", "PERSON", mentions=[at("Tom Brask"), at("Brask", 1), at("Brask", 2)])
    place = Actor("city", "Velmora", "GPE", mentions=[])
    return Analysis("t.txt", "Budget talks stall", "0" * 64, "fixed", [], [okafor, brask, place], [], [])


def test_the_pronoun_after_a_mention_and_a_title_give_a_gender():
    a = analysis()
    assert gender_of(a.actors[0], TEXT) == "f"
    assert gender_of(a.actors[1], TEXT) == "m"


def test_she_said_puts_the_nearest_woman_first_though_a_man_is_nearer():
    likely = likely_speakers(analysis(), TEXT, *at("We will not sign a blank cheque"))
    assert likely[:2] == ["Lena Okafor", "Tom Brask"]


def test_said_name_puts_the_verbs_subject_first():
    likely = likely_speakers(analysis(), TEXT, *at("Nobody asked us"))
    assert likely[0] == "Tom Brask" and "Velmora" not in likely
