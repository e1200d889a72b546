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


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("One-third of patients left work within a year.", "One-third", 0.333333),
        ("About a quarter of the staff were laid off.", "a quarter", 0.25),
        ("Two-thirds of voters backed the plan.", "Two-thirds", 0.666667),
        ("They waited one and a half hours.", "one and a half", 1.5),
        ("The bank runs 1.4m cash machines around the world.", "1.4m", 1_400_000),
    ],
)
def test_fractions_and_glued_scales(analyse, sentence, text, value):
    found = [n for n in analyse(sentence + "\n").numbers if text.lower() in n.text.lower()]
    assert found and found[0].value == value, [(n.text, n.value) for n in analyse(sentence + "\n").numbers]


def test_a_range_of_percentages_has_no_value(analyse):
    found = [n for n in analyse("Earnings fell by eight per cent to 31 per cent.\n").numbers if "eight" in n.text]
    assert found and found[0].value is None and found[0].kind == "percent"


def test_a_drop_in_per_cent_is_a_percentage(analyse):
    found = [n for n in analyse("She saw a 40 per cent drop in income.\n").numbers if "40" in n.text]
    assert found and found[0].kind == "percent" and found[0].value == 40


@pytest.mark.parametrize(
    "sentence, texts",
    [
        ("Output fell 9.1 per cent to 1.5 million units last year.", ["9.1 per cent", "1.5 million"]),
        ("Sales rose 3.7 per cent in 2017.", ["3.7 per cent", "2017"]),
        ("The rate was 1 in 74 residents.", ["1 in 74"]),
    ],
)
def test_only_true_ranges_and_rates_are_joined(analyse, sentence, texts):
    assert [n.text for n in analyse(sentence + "\n").numbers] == texts


def test_an_age_beside_a_name(analyse):
    n = number(analyse("Police said Bruno Vale, 20, broke the windows.\n"), "20")
    assert n.unit == "age (years)" and n.value == 20


def test_a_third_alternative_is_an_ordinal(analyse):
    found = [n for n in analyse("A third alternative is to delay the vote.\n").numbers if "third" in n.text.lower()]
    assert found and found[0].value == 3


def test_either_figure_is_no_value(analyse):
    found = [n for n in analyse("Nine or 10 people were hurt.\n").numbers if "10" in n.text]
    assert found and found[0].value is None


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Now 57 and living in Halden, Marta Kell said she was lucky.", "57", 57),
        ("A third of strokes occur in working-age people under 65 in Norland.", "under 65", 65),
        ("The study compared 2,400 Norlanders aged 40 to 61 who had a stroke.", "40 to 61", None),
    ],
)
def test_an_age_the_model_reads_as_a_date(analyse, sentence, value, text):
    n = number(analyse(sentence + "\n"), text)
    assert (n.value, n.unit) == (value, "age (years)")


def test_a_teams_record_is_not_an_age(analyse):
    a = analyse("Tomas Brink also scored for the Sharks (21-12-7), who have won two in a row.\n")
    assert all(n.unit != "age (years)" for n in a.numbers)
    a = analyse("Ola Berg (16-13-2), a pioneer who turned 40, lost the bout.\n")
    assert all(n.unit != "age (years)" for n in a.numbers if "-" in n.text)


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("The party holds 304 seats in the lower house and 143 in the upper house.", "143", "seats"),
        (
            "More than 66,000 Norlander travellers visited Halden last year, compared with 62,000 the year before.",
            "62,000",
            "travellers",
        ),
        ("The council rejected the plan by 32 votes to 20 on Monday.", "20", "votes"),
    ],
)
def test_a_bare_count_takes_the_unit_the_writer_did_not_repeat(analyse, sentence, text, unit):
    assert unit in (number(analyse(sentence + "\n"), text).unit or "").split()


def test_a_length_of_time_within_a_year_is_that_length(analyse):
    n = number(analyse("Travel in the first 10 months of 2018 exceeded the year before.\n"), "first 10 months of 2018")
    assert (n.value, n.unit) == (10, "months")


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Once the car was set ablaze, police moved the crowd back.", "Once"),
        ("The landlord can raise the rent once the tenant has moved out.", "once"),
        ("Once enrolled, members keep a daily log.", "Once"),
        ("Halden hopes to win this year's Six Nations after a poor run.", "Six"),
    ],
)
def test_a_conjunction_or_a_name_is_no_figure(analyse, sentence, word):
    assert not [n for n in analyse(sentence + "\n").numbers if n.text.split()[0] == word]


def test_once_as_a_count_is_a_figure(analyse):
    assert number(analyse("He has lost only once in ten races.\n"), "only once").value == 1


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("Norland will spend 820 million euros on the new harbour.", "820 million", "euros"),
        ("The Halden club sold the striker for 40 million zlotys last week.", "40 million", "zlotys"),
        ("The mill was sold for 30 million SEK to a buyer from Norland.", "30 million", "SEK"),
    ],
)
def test_a_figure_in_a_currency_word_or_code_is_money(analyse, sentence, text, unit):
    found = [n for n in analyse(sentence + "\n").numbers if n.text.startswith(text)]
    assert [(n.unit, n.kind) for n in found] == [(unit, "money")]


def test_a_weight_in_pounds_stays_a_weight(analyse):
    n = number(analyse("The bear ate 40 pounds of fish at the Halden zoo.\n"), "40 pounds")
    assert n.kind != "money"
