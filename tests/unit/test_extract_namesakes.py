"""Two people in one story who share a surname (a father and his son): which of them a bare
"Mr. Lind" is, and whose a kinship role is. Invented people and sentences, the real model."""

from __future__ import annotations

FATHER_FIRST = (
    "Lind campaigns in Halden\n\n"
    "HALDEN — Former mayor Henrik Lind came to town on Monday to campaign for his son, Oskar Lind, "
    "who is running for governor.\n"
    "The senior Mr. Lind said the harbour had been neglected for years.\n"
    "The younger Mr. Lind said he would cut the ferry tax.\n"
    "Mr. Lind said crime had doubled since 2019.\n"
    "Oskar Lind is running against two others. Mr. Lind said he would win the primary.\n"
)

SON_FIRST = (
    "Council member Oskar Lind spoke at the harbour on Monday. His father, Henrik Lind, stood "
    "beside him.\n"
    "The elder Mr. Lind said the town had changed.\n"
    "The younger Mr. Lind said the harbour would reopen.\n"
)


def speakers(analysis, start: str) -> list[str]:
    return [q.speaker for q in analysis.quotes if q.text.startswith(start)]


def test_the_senior_and_the_younger_namesake(analyse):
    a = analyse(FATHER_FIRST)
    assert speakers(a, "the harbour had been neglected") == ["Henrik Lind"]
    assert speakers(a, "he would cut the ferry tax") == ["Oskar Lind"]


def test_a_bare_surname_is_the_one_named_in_full_in_its_paragraph_else_the_subject(analyse):
    a = analyse(FATHER_FIRST)
    # no full name in its paragraph: the one the story introduced first, not the last one named
    assert speakers(a, "crime had doubled") == ["Henrik Lind"]
    assert speakers(a, "he would win the primary") == ["Oskar Lind"]


def test_the_elder_is_the_one_the_article_calls_father(analyse):
    a = analyse(SON_FIRST)
    assert speakers(a, "the town had changed") == ["Henrik Lind"]
    assert speakers(a, "the harbour would reopen") == ["Oskar Lind"]


def roles(analysis, name: str) -> list[str]:
    return next(x.roles for x in analysis.actors if x.name == name)


def test_a_kinship_role_names_whose_kin(analyse):
    a = analyse(FATHER_FIRST)
    assert "son of Henrik Lind" in roles(a, "Oskar Lind")
    assert not any(r.lower().startswith(("his ", "her ")) for r in roles(a, "Oskar Lind"))
    b = analyse(SON_FIRST)
    assert "father of Oskar Lind" in roles(b, "Henrik Lind")


def test_a_kinship_role_whose_pronoun_names_no_one_is_left_out(analyse):
    a = analyse("His son, Oskar Lind, said the harbour would reopen on Monday.\n")
    assert not any("son" in r.lower() for r in roles(a, "Oskar Lind"))


def test_a_man_named_by_surname_alone_is_not_the_woman_named_in_full(analyse):
    a = analyse(
        "President Baker is rolling out a new message.\n\n"
        "“My name may not be on the ballot,” Mr. Baker said on Saturday night.\n\n"
        "The campaign plans to use the president and his wife, Anna Baker, in the coming weeks.\n\n"
        "“We are ready,” Anna Baker said. “The ferry will run,” Mrs. Baker said.\n"
    )
    assert speakers(a, "My name may not be") == ["Baker"]
    assert speakers(a, "We are ready") == ["Anna Baker"]
    assert speakers(a, "The ferry will run") == ["Anna Baker"]


def test_a_surname_alone_with_no_namesake_of_the_other_gender_is_the_one_named_in_full(analyse):
    a = analyse("His wife, Anna Baker, runs the ferry.\n\n“We are ready,” Baker said on Monday.\n")
    assert speakers(a, "We are ready") == ["Anna Baker"]


def test_a_womans_role_word_is_no_sign_of_a_man(analyse):
    a = analyse("Mary Barra, the company's chairman, spoke on Monday. “We will build the plant,” Ms. Barra said.\n")
    assert speakers(a, "We will build the plant") == ["Mary Barra"]
