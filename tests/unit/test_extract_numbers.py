"""Numbers on news in general: years, decades, clock times and lengths of time that carry a fact,
abbreviated scales, what a share or a rate is of. Invented sentences, the real model."""

from __future__ import annotations

import pytest


def number(analysis, text):
    found = [n for n in analysis.numbers if n.text.lower() == text.lower()]
    assert found, [(n.text, n.value, n.unit) for n in analysis.numbers]
    return found[0]


@pytest.mark.parametrize(
    "sentence, text, value, unit, kind",
    [
        ("The mill closed in 2017 after a long strike.", "2017", 2017, "year", "date"),
        ("The tunnel will be built over a decade, the council said.", "over a decade", 1, "decades", "quantity"),
        ("The crash happened around 5:50 p.m. on the bridge.", "around 5:50 p.m.", None, "time", "date"),
        ("Rents doubled in the 1990s in Halden.", "1990s", 1990, "decade", "date"),
        ("The plan will cost $10bn over ten years.", "$10bn", 10_000_000_000, "dollars", "money"),
        ("She signed the letter with 118 of her colleagues.", "118", 118, "colleagues", "count"),
        ("Police said 147 dead were counted after the flood.", "147", 147, "dead", "count"),
    ],
)
def test_figures_news_rests_on(analyse, sentence, text, value, unit, kind):
    n = number(analyse(sentence + "\n"), text)
    assert (n.value, n.unit, n.kind) == (value, unit, kind)


def test_a_share_is_of_what_it_is_a_share_of(analyse):
    n = number(analyse("Norland sends 15 per cent of its exports to Halden.\n"), "15 per cent")
    assert n.value == 15 and n.kind == "percent" and n.unit == "percent of exports"


def test_a_rate_is_the_rate_it_is(analyse):
    a = analyse("Halden has a violent crime rate of 1 in 125 residents, against a state average of 1 in 287.\n")
    assert "rate" in number(a, "1 in 125").unit
    assert "average" in number(a, "1 in 287").unit
    assert number(a, "1 in 287").value is None
