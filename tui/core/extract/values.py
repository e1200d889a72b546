"""The value of a figure as written: digits with a scale ("$1.4bn"), numbers in words
("two hundred thousand", "one-and-a-half"), fractions ("two-thirds"); none for a range, a rate
or a score."""

from __future__ import annotations

import re

from .lexicon import ORDINAL_WORDS, SCALE_WORDS, UNITS_WORDS, VAGUE_WORDS

_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_RANGE = re.compile(r"\d\s*(?:-|–|—|to)\s*\d|\bbetween\b.*\band\b|\d\s+in\s+\d|\d+\s*/\s*\d+", re.I)
#: Words that divide: "one-third", "a quarter", "two-thirds", "one and a half".
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}


def _words_value(words: list[str]) -> float | None:
    """'one-and-a-half' -> 1.5, 'twenty five' -> 25, 'two hundred thousand' -> 200000,
    'one-third' -> 0.333, 'a quarter' -> 0.25."""
    words = [w for w in words if w and w != "-"]
    total, current, seen = 0.0, 0.0, False
    for k, w in enumerate(words):
        prev = words[k - 1] if k else ""
        if w in DENOMINATORS and (prev in ("a", "an") or prev in UNITS_WORDS):
            article = prev in ("a", "an")  # not counted when read
            numerator = 1 if article else UNITS_WORDS[prev]
            if k >= 2 and words[k - 2] == "and":  # "one and a half": a half added
                current += numerator / DENOMINATORS[w]
            else:  # "two-thirds": the count read just before divides
                current += numerator / DENOMINATORS[w] - (0 if article else numerator)
            seen = True
            continue
        if w in ("and", "a", "an", "of"):
            continue
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
            seen = True
        elif w in ORDINAL_WORDS:
            current += ORDINAL_WORDS[w]
            seen = True
        elif w in SCALE_WORDS:
            current = (current or 1) * SCALE_WORDS[w]
            if SCALE_WORDS[w] >= 1000:
                total, current = total + current, 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_value(text: str) -> tuple[float | int | None, bool]:
    """The numeric value of a figure as written, and whether it is vague ("tens of thousands").

    Ranges, rates and scores have no single value: None."""
    low = text.lower().replace("per cent", "%").replace("percent", "%").replace(" pct", "%")
    words = re.findall(r"[a-z]+|\d[\d,.]*", low)
    if any(w in VAGUE_WORDS for w in words):
        return None, True
    if _RANGE.search(low) or re.search(r"\bper\b|\ba (?:year|day|week|month|head)\b", low):
        return None, False
    if re.search(r"\b(?:to|or)\b", low) and len([w for w in words if w[0].isdigit() or w in UNITS_WORDS]) >= 2:
        return None, False  # "eight per cent to 31 per cent": a range
    digits = _DIGITS.findall(low)
    if len(digits) > 1:
        return None, False
    value: float | None = None
    if digits:
        value = float(digits[0].replace(",", ""))
        after = low[low.find(digits[0]) + len(digits[0]) :]
        scale = re.match(r"\s*-?\s*(hundred|thousand|million|billion|trillion|mln|bln|bn|tn|m|k)\b", after)
        if scale:
            value *= SCALE_WORDS[scale.group(1)]
    else:
        number_words = [w for w in re.split(r"[\s\-]+", low) if w]
        run: list[str] = []
        for w in number_words:
            w = w.strip(".,%$£€")
            if (
                w in UNITS_WORDS
                or w in SCALE_WORDS
                or w in ORDINAL_WORDS
                or w in DENOMINATORS
                or (run and w in ("and", "a"))
            ):
                run.append(w)
            elif run:
                break
        while run and run[-1] in ("and", "a"):
            run.pop()
        if run == ["a"] or run == ["an"]:
            return None, False
        value = _words_value(run) if run else None
    if value is None:
        return None, False
    return (int(value) if float(value).is_integer() else round(value, 6)), False
