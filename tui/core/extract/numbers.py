"""What figures the story rests on: each number with its value, what it counts, and how sure it is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..entity_types import NUMBER_CODES
from ..model import Number
from .lexicon import (
    CURRENCIES,
    ORDINAL_WORDS,
    QUALIFIERS,
    SCALE_WORDS,
    UNITS_WORDS,
    VAGUE_WORDS,
)
from .numbers_units import CLOCK, DECADE, DURATIONS, MONTHS, figure_unit, priced
from .syntax import entity_list, token_list
from .values import DENOMINATORS, parse_value

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

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
#: Every word a figure `_token_candidate` finds can start with, besides a numeral ("5", "1st"):
#: most words are none of these, and are passed over with one look.
_FIGURE_STARTS = frozenset([*DENOMINATORS, "a", "an", *UNITS_WORDS, *ORDINAL_WORDS, "twice", "thrice"])


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


def _kind(label: str, unit: str | None, text: str) -> str:
    if unit in DURATIONS.values() or unit == "age (years)":
        return "quantity"
    if label in ("DATE", "TIME"):
        return "quantity" if unit and unit not in ("year", "date", "time", "decade") else "date"
    if label == "CARDINAL" and unit and unit.startswith("percent"):
        return "percent"
    return _KIND.get(label, "other")


#: Words before "a decade", "a year" that make it a length of time the story rests on.
_SPAN_LEADS = frozenset("over for within nearly almost about around than past last in under".split())


def _timely(doc: Doc, ent) -> bool:
    """A date with no digit that still carries a figure: a clock time ("5:50 p.m."), a decade
    ("the 1990s"), or a length of time ("over a decade", "for a year")."""
    for t in ent:
        if CLOCK.match(t.text) or DECADE.match(t.text):
            return True
    for k, t in enumerate(ent):
        word = t.lower_[:-1] if t.lower_.endswith("s") else t.lower_
        if word in DURATIONS and k > 0 and ent[k - 1].lower_ in ("a", "an"):
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
        and doc[token.i + 1].lower_ not in MONTHS
    )


def _candidates(doc: Doc) -> list[tuple[int, int, str]]:
    covered = bytearray(len(doc))
    spans = _entity_candidates(doc, covered)
    for token in token_list(doc):
        low = token.lower_
        if covered[token.i] or not (low in _FIGURE_STARTS or token.like_num or _ORDINAL_DIGITS.match(low)):
            continue  # no figure `_token_candidate` finds starts here: most words, passed over at a look
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
        and doc[token.i + 1].lower_.rstrip("s") in DURATIONS
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
    if not any((t.lower_[:-1] if t.lower_.endswith("s") else t.lower_) in DURATIONS for t in span):
        return None
    return int(others[0].text)


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
        if (label == "CARDINAL" or label == "QUANTITY" and "pound" not in doc[start : end + 1].text.lower()) and priced(
            doc, start, end
        ):  # "a 300-pound man" is a weight
            label = "MONEY"
        unit, label = figure_unit(doc, start, end, label, value, number_tokens, numbers)
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
    months = any(t.lower_ in MONTHS for t in span)
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
        decade = next((t.text for t in span if DECADE.match(t.text) and t.text[0].isdigit()), None)
        if decade:
            value = int(decade[:-1])
        elif not any(CLOCK.match(t.text) for t in span):
            value = 1  # "over a decade"
    return value
