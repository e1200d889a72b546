"""What a figure counts: its currency, a length of time, an age, a date, or the noun it modifies."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Number
from .lexicon import (
    CURRENCIES,
    CURRENCY_WORDS,
    ORDINAL_WORDS,
    QUALIFIERS,
    SCALE_WORDS,
    UNITS_WORDS,
    VAGUE_WORDS,
)
from .syntax import sentence_start
from .values import DENOMINATORS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.".split()
)
DURATIONS = {
    "second": "seconds",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "decade": "decades",
    "century": "centuries",
}
_NUMBERISH = (
    set(UNITS_WORDS)
    | set(SCALE_WORDS)
    | set(ORDINAL_WORDS)
    | VAGUE_WORDS
    | {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
)


CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
DECADE = re.compile(r"^(?:1\d|20)\d0s$|^['’]\d0s$")


def _compound_text(doc: Doc, head: Token) -> str:
    lo = head.i
    while lo > 0 and (
        doc[lo - 1].dep_ == "compound"
        and doc[lo - 1].head.i in range(lo, head.i + 1)
        or doc[lo - 1].text == "-"
        and lo - 2 >= 0
    ):
        if (
            doc[lo - 1].text == "-"
            and doc[lo - 2].dep_ not in ("compound", "amod", "npadvmod")
            and doc[lo - 2].pos_ not in ("NOUN",)
        ):
            break
        lo -= 1
    while lo < head.i and (doc[lo].lower_ in _NUMBERISH or doc[lo].like_num):
        lo += 1  # "1.4m cash machines": the scale is the figure's, not the unit's
    return doc[lo : head.i + 1].text


def _of_phrase(doc: Doc, token: Token) -> str | None:
    for child in token.rights:
        if child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _compound_text(doc, objs[0])
    return None


def _unit(doc: Doc, start: int, end: int, label: str, number_tokens: list[Token]) -> str | None:
    span = doc[start:end]
    if label == "MONEY":
        return _money_unit(doc, span, end)
    last = number_tokens[-1] if number_tokens else span[-1]
    if label == "PERCENT":
        of = _of_phrase(doc, last) or (_of_phrase(doc, span[-1]) if span[-1] is not last else None)
        return f"percent of {of}" if of else "percent"
    if _is_age(doc, start, end):
        return "age (years)"
    rest = [
        t
        for t in span
        if t not in number_tokens
        and t.is_alpha
        and t.lower_ not in _NUMBERISH
        and t.lower_ not in MONTHS
        and not any(t.lower_ == w for q in QUALIFIERS for w in q.split())
        and t.lower_ not in ("the", "and", "of", "past", "last", "next", "first", "about")
    ]
    for t in rest:
        singular = t.lower_[:-1] if t.lower_.endswith("s") else t.lower_
        if singular in DURATIONS:
            return DURATIONS[singular]
    if label in ("DATE", "TIME"):
        when = _time_unit(label, span, rest, number_tokens)
        if when is not None:
            return when
    if last.lower_ in ("twice", "thrice", "once"):
        return "times"
    if label == "QUANTITY" and rest:
        return " ".join(t.text for t in rest)
    counted = _counted_noun(doc, number_tokens or [last])
    if counted is not None:
        return counted
    if rest:
        return rest[-1].text
    return _noun_after(doc, end, number_tokens)


def _money_unit(doc: Doc, span: Span, end: int) -> str:
    """The currency of a sum: its symbol, its word, or the word or ISO code after it."""
    text = span.text
    for symbol in sorted(CURRENCIES, key=len, reverse=True):
        if symbol in text:
            return CURRENCIES[symbol]
    for t in span:
        if t.lower_ in CURRENCY_WORDS:
            return t.text
    nxt = doc[end] if end < len(doc) else None
    return nxt.text if nxt is not None and (nxt.lower_ in CURRENCY_WORDS or _iso_currency(nxt)) else "money"


def _is_age(doc: Doc, start: int, end: int) -> bool:
    """ "aged 40", "a 40-year-old", "Brian Bartels, 20, was charged": a person's age."""
    span = doc[start:end]
    text = span.text.lower()
    if (
        start > 0
        and doc[start - 1].lower_ in ("age", "aged")
        or span[0].lower_ in ("age", "aged")
        or "year-old" in text
        or "years old" in text
    ):
        return True
    named = start >= 2 and (
        doc[start - 2].ent_type_ == "PERSON"
        or (
            span[0].dep_ == "appos"
            and span[0].head.i == start - 2
            and span[0].head.pos_ == "PROPN"
            and span[0].head.ent_type_ in ("PERSON", "")
        )
    )
    return (
        end - start == 1
        and named
        and doc[start - 1].text == ","
        and span[0].like_num
        and end < len(doc)
        and doc[end].text in (",", ".", ";")
    )


def _time_unit(label: str, span: Span, rest: list[Token], number_tokens: list[Token]) -> str | None:
    """What a date or time counts: a time of day, a date, a decade, a year, or an age."""
    text = span.text
    if any(CLOCK.match(t.text) for t in span) or re.search(r"\d\s*[ap]\.?m\b", text.lower()):
        return "time"
    if any(t.lower_ in MONTHS for t in span) or re.search(r"\d:\d\d", text.lower()):
        return "date"
    if any(DECADE.match(t.text) for t in span):
        return "decade"
    if any(re.fullmatch(r"1\d{3}|20\d{2}", t.text) for t in number_tokens):
        return "year"
    if (
        label == "DATE"
        and not rest
        and number_tokens
        and not re.search(r"\d\s*[-–]\s*\d", text)
        and all(t.text.isdigit() and int(t.text) < 130 for t in number_tokens)
    ):
        # "Now 57 and living in Halden", "people under 65": the model's date is an age (not a
        # record, "(21-12-7)")
        return "age (years)"
    return None


def _counted_noun(doc: Doc, tokens: list[Token]) -> str | None:
    """The noun the number modifies, or the noun after "of"."""
    for tok in reversed(tokens):
        of = _of_phrase(doc, tok)
        if of:
            return of
        head = tok.head
        if head.lower_ in DENOMINATORS:  # "two-thirds of voters": what the share is of
            of = _of_phrase(doc, head)
            if of:
                return of
        if tok.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod", "npadvmod") and head.i != tok.i:
            while (
                head.dep_ in ("nummod", "quantmod", "compound")
                and head.head.i != head.i
                and head.head.pos_ in ("NOUN", "PROPN", "NUM")
                and head.pos_ == "NUM"
            ):
                head = head.head
            if head.pos_ in ("NOUN", "PROPN", "ADJ") and head.i >= tok.i:
                return _compound_text(doc, head)
    return None


def _noun_after(doc: Doc, end: int, number_tokens: list[Token]) -> str | None:
    """ "147 dead", "118 of her colleagues": a number standing for the people or things
    counted, with the word for them after it."""
    if end < len(doc) and doc[end].pos_ in ("ADJ", "NOUN"):
        nxt = doc[end]
        if any(nxt.head.i == tok.i or tok.head.i == nxt.i for tok in number_tokens or [doc[end - 1]]):
            return nxt.text
    if end < len(doc) and doc[end].lower_ == "of":
        for t in doc[end + 1 : end + 5]:
            if t.pos_ in ("NOUN", "PROPN"):
                return _compound_text(doc, t)
            if t.pos_ not in ("DET", "PRON", "ADJ", "NUM"):
                break
    return None


def _rate_of(doc: Doc, start: int) -> str | None:
    """ "a violent crime rate of 1 in 125": the rate a "1 in N" figure is."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 1].head.pos_ == "NOUN":
        return _compound_text(doc, doc[start - 1].head)
    return None


def priced(doc: Doc, start: int, end: int) -> bool:
    """ "820 million euros", "30 million SEK": a figure counted in a currency, named by its word
    or its ISO code after the number, is money as much as "€820m" is."""
    inside = any(t.lower_ in CURRENCY_WORDS for t in doc[start:end])
    return inside or (end < len(doc) and (doc[end].lower_ in CURRENCY_WORDS or _iso_currency(doc[end])))


def _iso_currency(token: Token) -> bool:
    """An ISO 4217 code as written after a figure ("SEK", "USD"), per Babel's list."""
    text = token.text
    return len(text) == 3 and text.isalpha() and text.isupper() and text in _iso_codes()


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _elided_unit(doc: Doc, start: int, numbers: list[Number], sent_start: int) -> str | None:
    """ "663,000 travellers came, compared with more than 620,000 a year before", "holds 304 seats
    in the lower house and 143 in the upper": a bare count takes the unit of the count before it
    in its sentence, which the writer did not repeat."""
    if (
        re.fullmatch(r"1[89]\d\d|20\d\d", doc[start].text)
        or doc[start].lower_ in ORDINAL_WORDS
        or (start + 1 < len(doc) and doc[start + 1].pos_ in ("NOUN", "PROPN", "ADJ"))
    ):
        return None  # a year, a rank, or a number with a word of its own after it
    lo = max(doc[sent_start].idx, doc[max(0, start - 15)].idx)
    for n in reversed(numbers):
        if n.start < lo:
            break
        if n.kind == "count" and n.unit and not n.unit.startswith("percent") and n.unit.lower() not in _PRONOUNS:
            return n.unit
    return None


_PRONOUNS = frozenset("them us you those these they we".split())


def figure_unit(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    value: float | None,
    number_tokens: list[Token],
    numbers: list[Number],
) -> tuple[str | None, str]:
    """What a figure counts (and its label, a bare year after "in" being a date)."""
    text = doc[start:end].text
    unit = _unit(doc, start, end, label, number_tokens) or None
    if re.search(r"\d\s+in\s+\d", text):  # "1 in 125 residents": a rate
        unit = _rate_of(doc, start) or unit
    if (
        label == "CARDINAL"
        and value is not None
        and unit is None
        and re.fullmatch(r"1[89]\d\d|20\d\d", text)
        and doc[start - 1].lower_ in ("in", "since", "of", "from", "until", "by")
    ):
        unit, label = "year", "DATE"
    if unit is None and label == "CARDINAL" and value is not None:
        unit = _elided_unit(doc, start, numbers, sentence_start(doc[start]))
    return unit, label
