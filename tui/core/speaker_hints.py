"""Who most likely said a passage, for the reader correcting a speaker ("who said it?"): the
subject of the reporting verb next to it, then the people mentioned nearest before it (of the
pronoun's gender when the verb's subject is "he" or "she"). Only the text and the analysis are
read (no parse): it is a suggestion at the top of a list that holds everyone."""

from __future__ import annotations

import re
from collections import Counter

from .entity_types import style_kind
from .extract.lexicon import FEMALE_WORDS, MALE_WORDS, SPEECH_VERBS
from .model import Actor, Analysis

#: How far from the passage a reporting verb is looked for (characters), and people before it.
VERB_WINDOW = 120
NEAR_WINDOW = 1500
#: At most this many suggestions.
MOST = 6

_IRREGULAR = frozenset("said says told tells wrote writes spoke speaks thought according".split())
_WORD = re.compile(r"[A-Za-z]+")
_MALE = frozenset("he him his himself".split())
_FEMALE = frozenset("she her hers herself".split())


def _speech_word(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR or low in SPEECH_VERBS:
        return True
    for ending in ("ed", "d", "es", "s", "ing"):
        if low.endswith(ending) and low[: -len(ending)] in SPEECH_VERBS:
            return True
    return low.endswith("ied") and low[:-3] + "y" in SPEECH_VERBS


def _speakers(analysis: Analysis) -> list[Actor]:
    return [a for a in analysis.actors if style_kind(a.type) in ("person", "org") and a.mentions]


def gender_of(actor: Actor, text: str) -> str | None:
    """ "m" or "f" where the text shows it: a title before a mention ("Mr", "Mrs"), else the
    pronouns just after its mentions, by majority; None when it does not."""
    votes: Counter[str] = Counter()
    for start, end in actor.mentions:
        before = _WORD.findall(text[max(0, start - 12) : start])
        if before and before[-1].lower() in MALE_WORDS:
            votes["m"] += 3
        elif before and before[-1].lower() in FEMALE_WORDS:
            votes["f"] += 3
        for word in _WORD.findall(text[end : end + 150])[:25]:
            low = word.lower()
            if low in _MALE or low in _FEMALE:
                votes["m" if low in _MALE else "f"] += 1
                break
    if not votes or votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _verb_near(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The reporting verb nearest the passage: after it ("…," she said), else before it."""
    after = text[end : end + VERB_WINDOW]
    for match in _WORD.finditer(after):
        if _speech_word(match.group()):
            return end + match.start(), end + match.end()
    lo = max(0, start - VERB_WINDOW)
    found = [m for m in _WORD.finditer(text[lo:start]) if _speech_word(m.group())]
    if found:
        return lo + found[-1].start(), lo + found[-1].end()
    return None


def likely_speakers(analysis: Analysis, text: str, start: int, end: int) -> list[str]:
    """Names of the likely speakers of text[start:end], most likely first."""
    people = _speakers(analysis)
    likely: list[str] = []
    gender: str | None = None
    verb = _verb_near(text, start, end)
    if verb is not None:
        v0, v1 = verb
        # the subject: a mention ending just before the verb ("Stoltenberg said"), else starting
        # just after it ("said Stoltenberg"), else a pronoun there ("she said")
        best: tuple[int, str] | None = None
        for actor in people:
            for m0, m1 in actor.mentions:
                gap = v0 - m1 if m1 <= v0 else (m0 - v1 if m0 >= v1 else None)
                if gap is not None and 0 <= gap <= 25 and (best is None or gap < best[0]):
                    best = (gap, actor.name)
        if best is not None:
            likely.append(best[1])
        else:
            around = _WORD.findall(text[max(0, v0 - 12) : v0]) + _WORD.findall(text[v1 : v1 + 8])[:1]
            pronoun = next((w.lower() for w in reversed(around) if w.lower() in _MALE | _FEMALE), None)
            gender = None if pronoun is None else "m" if pronoun in _MALE else "f"
    # the nearest people mentioned before the passage (just after it too), of the right gender
    distance: dict[str, int] = {}
    for actor in people:
        for m0, m1 in actor.mentions:
            if start - NEAR_WINDOW <= m1 <= end + VERB_WINDOW and not (start <= m0 < end):
                gap = start - m1 if m1 <= start else (m0 - end) * 3  # before the quote weighs more
                distance[actor.name] = min(distance.get(actor.name, gap), max(0, gap))
    by_name = {a.name: a for a in people}
    nearest = sorted(distance, key=lambda n: (distance[n], n.lower()))
    if gender is not None:
        persons = [n for n in nearest if style_kind(by_name[n].type) == "person"]
        matching = [n for n in persons if gender_of(by_name[n], text) == gender]
        nearest = matching + [n for n in nearest if n not in matching]
    for name in nearest:
        if name not in likely:
            likely.append(name)
    return likely[:MOST]
