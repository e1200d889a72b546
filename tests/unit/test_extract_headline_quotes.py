"""What a headline attributes, in its own shorthand: invented headlines through the real pipeline."""

from __future__ import annotations

import pytest

BODY = "\n\nSenator Anna Keller said on Monday that the harbour plan would fail.\n"


def _said(analysis):
    return [(q.kind, q.text, q.speaker, q.cue) for q in analysis.quotes if q.start == 0 or q.cue in (":", "Says")]


def test_a_name_before_a_colon_is_who_the_headline_quotes(analyse):
    a = analyse("Keller: Harbour Plan Is a Reckless Gamble" + BODY)
    assert ("indirect", "Harbour Plan Is a Reckless Gamble", "Anna Keller", ":") in _said(a)


def test_the_attribution_after_the_last_comma_is_who_the_headline_quotes(analyse):
    a = analyse("Harbour Plan Is a Reckless Gamble, Keller Says" + BODY)
    assert ("indirect", "Harbour Plan Is a Reckless Gamble", "Anna Keller", "Says") in _said(a)


def test_a_description_that_says_is_an_unnamed_source(analyse):
    a = analyse("Harbour Plan Is a Reckless Gamble, Former Harbour Master Says" + BODY)
    (q,) = [q for q in a.quotes if q.start == 0]
    assert q.text == "Harbour Plan Is a Reckless Gamble" and q.source == "unnamed"


@pytest.mark.parametrize("headline", ["Poll: Voters Turn on the Harbour Plan", "Harbour: What You Need to Know"])
def test_a_label_before_a_colon_quotes_no_one(analyse, headline):
    assert not any(q.start == 0 for q in analyse(headline + BODY).quotes)
