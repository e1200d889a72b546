"""What figures the story rests on: each number with its value, what it counts, and how sure it is."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..entity_types import NUMBER_CODES
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
from .syntax import entity_list, sentence_start, token_list
from .values import DENOMINATORS, parse_value

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.".split()
)
_DURATIONS = {
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
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_KIND = {
    "CARDINAL": "count",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
    "DATE": "date",
    "TIME": "date",
}
_QUALIFIERS = sorted(QUALIFIERS, key=len, reverse=True)
_HYPHEN_PARTS = {"and", "a", "half", "quarter", "third"} | set(UNITS_WORDS)
_NUMBERISH = (
    set(UNITS_WORDS)
    | set(SCALE_WORDS)
    | set(ORDINAL_WORDS)
    | VAGUE_WORDS
    | {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
)


def _is_number_token(token: Token) -> bool:
    low = token.lower_
    if low in ("a", "an", "one") and token.ent_type_ not in NUMBER_CODES:
        return False
    return (
        token.like_num
        or low in UNITS_WORDS
        and low not in ("a", "an", "single", "double", "pair", "couple", "half", "quarter")
        or low in ORDINAL_WORDS
        and token.pos_ == "ADJ"
        or bool(_ORDINAL_DIGITS.match(low))
        or low in ("twice", "thrice")
    )


def _qualifier(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """A qualifier inside the span's start or just before it; returns the new start too."""
    inside = doc[start:end].text.lower()
    for q in _QUALIFIERS:
        if inside.startswith(q + " "):
            return start, q
    before = doc[max(0, start - 3) : start].text.lower()
    for q in _QUALIFIERS:
        if before == q or before.endswith(" " + q):
            return start - len(q.split()), q
    return start, None


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
        and t.lower_ not in _MONTHS
        and not any(t.lower_ == w for q in QUALIFIERS for w in q.split())
        and t.lower_ not in ("the", "and", "of", "past", "last", "next", "first", "about")
    ]
    for t in rest:
        singular = t.lower_[:-1] if t.lower_.endswith("s") else t.lower_
        if singular in _DURATIONS:
            return _DURATIONS[singular]
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
    if any(_CLOCK.match(t.text) for t in span) or re.search(r"\d\s*[ap]\.?m\b", text.lower()):
        return "time"
    if any(t.lower_ in _MONTHS for t in span) or re.search(r"\d:\d\d", text.lower()):
        return "date"
    if any(_DECADE.match(t.text) for t in span):
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


def _priced(doc: Doc, start: int, end: int) -> bool:
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


def _kind(label: str, unit: str | None, text: str) -> str:
    if unit in _DURATIONS.values() or unit == "age (years)":
        return "quantity"
    if label in ("DATE", "TIME"):
        return "quantity" if unit and unit not in ("year", "date", "time", "decade") else "date"
    if label == "CARDINAL" and unit and unit.startswith("percent"):
        return "percent"
    return _KIND.get(label, "other")


_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_DECADE = re.compile(r"^(?:1\d|20)\d0s$|^['’]\d0s$")
#: Words before "a decade", "a year" that make it a length of time the story rests on.
_SPAN_LEADS = frozenset("over for within nearly almost about around than past last in under".split())


def _timely(doc: Doc, ent) -> bool:
    """A date with no digit that still carries a figure: a clock time ("5:50 p.m."), a decade
    ("the 1990s"), or a length of time ("over a decade", "for a year")."""
    for t in ent:
        if _CLOCK.match(t.text) or _DECADE.match(t.text):
            return True
    for k, t in enumerate(ent):
        word = t.lower_[:-1] if t.lower_.endswith("s") else t.lower_
        if word in _DURATIONS and k > 0 and ent[k - 1].lower_ in ("a", "an"):
            lead = doc[ent.start - 1].lower_ if ent.start > 0 and k == 1 else ent[0].lower_
            return lead in _SPAN_LEADS
    return False


def _share(doc: Doc, start: int, end: int) -> bool:
    """A fraction written in words ending at `end`: "a quarter of", "two-thirds", "one and a half"."""
    last = doc[end - 1]
    if last.lower_ not in DENOMINATORS or end - 1 < 1:
        return False
    if last.pos_ != "NOUN" and not (end < len(doc) and doc[end].lower_ == "of"):
        return False  # "a third alternative": an ordinal
    prev = doc[end - 2] if doc[end - 2].text != "-" or end - 3 < 0 else doc[end - 3]
    return prev.lower_ in ("a", "an") or prev.lower_ in UNITS_WORDS


def _not_a_figure(doc: Doc, token: Token) -> bool:
    """ "Once the car was set ablaze", "Once enrolled": a conjunction, not a count; "the Six
    Nations", "First Nations": a number word inside a name (capitalised mid-sentence, before a
    capitalised name word)."""
    if token.lower_ == "once" and (
        token.dep_ == "mark"
        or (token.i + 1 < len(doc) and doc[token.i + 1].tag_ in ("VBN", "VBG") and token.head.i == token.i + 1)
    ):
        return True
    return (
        token.is_alpha
        and token.is_title
        and not token.is_sent_start
        and token.i + 1 < len(doc)
        and doc[token.i + 1].is_title
        and doc[token.i + 1].lower_ not in _MONTHS
    )


def _candidates(doc: Doc) -> list[tuple[int, int, str]]:
    covered = bytearray(len(doc))
    spans = _entity_candidates(doc, covered)
    for token in token_list(doc):
        span = _token_candidate(doc, token, covered)
        if span is not None:
            spans.append(span)
            covered[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
    spans.sort()
    return _join_ranges(doc, spans)


def _entity_candidates(doc: Doc, covered: bytearray) -> list[tuple[int, int, str]]:
    """The model's number entities that hold a figure (a date with a digit, a clock time, a length
    of time; a fraction in words it took for a date)."""
    spans = []
    for ent in entity_list(doc):
        if ent.label_ not in NUMBER_CODES or (ent.end - ent.start == 1 and _not_a_figure(doc, doc[ent.start])):
            continue
        if _share(doc, ent.start, ent.end):  # "about a quarter of the staff", taken for a date
            spans.append((ent.start, ent.end, "CARDINAL"))
            covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
            continue
        if ent.label_ in ("DATE", "TIME") and not any(_is_number_token(t) for t in ent) and not _timely(doc, ent):
            continue
        if ent.label_ == "ORDINAL" and not any(_is_number_token(t) for t in ent):
            continue
        spans.append((ent.start, ent.end, ent.label_))
        covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
    return spans


def _token_candidate(doc: Doc, token: Token, covered: bytearray) -> tuple[int, int, str] | None:
    """A figure the model did not tag starting at `token`: a fraction in words ("a quarter of",
    "one and a half"), a length of time ("over a decade"), or a run of number words."""
    if not covered[token.i] and token.lower_ in DENOMINATORS and _share(doc, token.i, token.i + 1):
        lo = token.i - 1
        while lo > 0 and doc[lo - 1].lower_ in ("and", "-") or (lo > 0 and doc[lo].lower_ in ("and", "-")):
            lo -= 1
        lo = max(lo, 0)
        while lo < token.i and covered[lo]:
            lo += 1
        return (lo, token.i + 1, "CARDINAL")
    if (
        token.lower_ in ("a", "an")
        and not covered[token.i]
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].lower_ in _SPAN_LEADS
        and not covered[token.i + 1]
        and doc[token.i + 1].lower_.rstrip("s") in _DURATIONS
    ):
        return (token.i, token.i + 2, "DATE")  # "over a decade", the model saw no date
    if covered[token.i] or not _is_number_token(token) or _not_a_figure(doc, token):
        return None
    if (
        token.ent_type_
        and token.ent_type_ not in NUMBER_CODES
        and not (token.ent_type_ == "EVENT" and re.fullmatch(r"1[89]\d\d|20\d\d", token.text))
    ):
        return None  # part of a name: "Group of Seven", "Apollo 11" (not the year of an event)
    end = token.i + 1
    while end < len(doc) and not covered[end] and (_is_number_token(doc[end]) or doc[end].lower_ in SCALE_WORDS):
        end += 1
    label = "ORDINAL" if token.lower_ in ORDINAL_WORDS or _ORDINAL_DIGITS.match(token.lower_) else "CARDINAL"
    return (token.i, end, label)


_JOINERS = (["in"], ["to"], ["-"], ["–"], ["out", "of"], ["or"], ["and"])


def _join_ranges(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "between 5 and 10 percent", "1 in 125", "10 to 15": one figure, not two."""
    merged: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if merged:
            ps, pe, pl = merged[-1]
            gap = [t.lower_ for t in doc[pe:start]] if start - pe <= 2 else None
            between = doc[ps].lower_ == "between" or (ps > 0 and doc[ps - 1].lower_ == "between")
            compatible = pl == label or pl not in ("PERCENT", "MONEY", "QUANTITY")  # "9.1 per cent to 1.5 million"
            rate = gap != ["in"] or (
                doc[pe - 1].lower_ in ("1", "one", "a") and "PERCENT" not in (pl, label) and "MONEY" not in (pl, label)
            )  # "1 in 74", not "3 per cent in 2017"
            if (
                gap in _JOINERS
                and (gap != ["and"] or between)
                and pl not in ("ORDINAL",)
                and label != "ORDINAL"
                and compatible
                and rate
            ):
                if ps > 0 and doc[ps - 1].lower_ == "between":
                    ps -= 1
                joined = label if label in ("PERCENT", "MONEY", "QUANTITY") else (pl if pl != "DATE" else label)
                if pl == "DATE" and label == "DATE":
                    joined = "DATE"
                merged[-1] = (ps, end, joined)
                continue
        merged.append((start, end, label))
    return [_with_percent(doc, *span) for span in merged]


def _with_percent(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A figure followed by "percent", "%" or "per cent" is a percentage, the word part of it."""
    if label == "PERCENT":
        return start, end, label
    if end < len(doc) and doc[end].lower_ in ("percent", "%", "pct"):
        return start, end + 1, "PERCENT"
    if end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        return start, end + 2, "PERCENT"
    return start, end, label


def _length_in_year(span, number_tokens: list[Token]) -> int | None:
    """ "the first 10 months of 2018": a length of time within a year is that length."""
    years = [t for t in number_tokens if re.fullmatch(r"1\d{3}|20\d{2}", t.text)]
    others = [t for t in number_tokens if t not in years and t.text[:1].isdigit()]
    if len(years) != 1 or len(others) != 1 or not others[0].text.isdigit() or others[0].i > years[0].i:
        return None
    if not any((t.lower_[:-1] if t.lower_.endswith("s") else t.lower_) in _DURATIONS for t in span):
        return None
    return int(others[0].text)


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


def find_numbers(doc: Doc) -> list[Number]:
    numbers: list[Number] = []
    for start, end, label in _candidates(doc):
        bounds = _figure_bounds(doc, start, end, label)
        if bounds is None:
            continue
        start, end, label = bounds
        start, qualifier = _qualifier(doc, start, end)
        number_tokens = [t for t in doc[start:end] if _is_number_token(t) or t.lower_ in SCALE_WORDS]
        if (
            label == "CARDINAL"
            and not number_tokens
            and not any(t.lower_ in VAGUE_WORDS or t.lower_ in DENOMINATORS for t in doc[start:end])
        ):
            continue  # "about a": no figure in it
        if re.search(r"\bper ?cent\b|%", doc[start:end].text.lower()) and label != "PERCENT":
            label = "PERCENT"  # "15 per cent" taken for money
        end = _hyphenated_end(doc, end)
        text = doc[start:end].text
        value, vague = parse_value(text)
        if label in ("DATE", "TIME"):
            value = _time_value(doc[start:end], label, value, number_tokens)
        if vague and qualifier is None:
            qualifier = "approximately"
        if (
            label == "CARDINAL" or label == "QUANTITY" and "pound" not in doc[start : end + 1].text.lower()
        ) and _priced(doc, start, end):  # "a 300-pound man" is a weight
            label = "MONEY"
        unit, label = _figure_unit(doc, start, end, label, value, number_tokens, numbers)
        numbers.append(
            Number(
                start=doc[start].idx,
                end=doc[end - 1].idx + len(doc[end - 1].text),
                text=text,
                value=value,
                unit=unit,
                qualifier=qualifier,
                kind=_kind(label, unit, text),
            )
        )
    return numbers


def _figure_bounds(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """A candidate's span without "the", with a currency symbol or a scale glued to it ("$10bn",
    "1.4m"); None when nothing is left."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    if start >= end:
        return None
    if start > 0 and doc[start - 1].text in CURRENCIES and not doc[start - 1].whitespace_:
        start, label = start - 1, "MONEY"  # "$10bn": the model left the symbol out
    while end < len(doc) and doc[end].lower_ in SCALE_WORDS and not doc[end - 1].whitespace_:
        end += 1  # "1.4m": the scale glued to the figure
    return start, end, label


def _hyphenated_end(doc: Doc, end: int) -> int:
    """ "one-and-a-half": a number written with hyphens; "two-day": a number joined by a hyphen to
    what it measures."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in _HYPHEN_PARTS
    ):
        end += 2
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].is_alpha
        and not doc[end].whitespace_
        and not doc[end - 1].whitespace_
    ):
        end += 2
    return end


def _time_value(span: Span, label: str, value: float | None, number_tokens: list[Token]) -> float | None:
    """The value of a date or time: a year, a length of time ("the first 10 months of 2018"), a
    decade, one for "over a decade"; none for a day of a month or a clock time."""
    months = any(t.lower_ in _MONTHS for t in span)
    if label == "DATE" and value is not None:
        if months:
            value = None
        else:
            years = [t for t in number_tokens if re.fullmatch(r"1\d{3}|20\d{2}", t.text)]
            if years and len(number_tokens) == 1:
                value = int(years[0].text)
    elif label == "DATE" and not months:
        value = _length_in_year(span, number_tokens) or value
    if label == "TIME" and re.search(r"\d:\d\d|[ap]\.?m\.?", span.text.lower()):
        value = None
    if value is None and not number_tokens:
        decade = next((t.text for t in span if _DECADE.match(t.text) and t.text[0].isdigit()), None)
        if decade:
            value = int(decade[:-1])
        elif not any(_CLOCK.match(t.text) for t in span):
            value = 1  # "over a decade"
    return value


def _figure_unit(
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
