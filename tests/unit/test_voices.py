"""Voices: quotes added up by speaker; sources the story does not name never merged with named
ones, and counted apart as unnamed (a description) or anonymous (anonymity granted)."""

from __future__ import annotations

import csv
import io
import json

from byline.tui.core.export.voices_csv import to_csv
from byline.tui.core.model import Actor, Analysis, Quote
from byline.tui.core.sources import seed_path
from byline.tui.core.voices import combine, sourcing_by_site, voices
from tests.conftest import byline_here

TEXT = (
    "Mayor Ines Darrow said the bridge “will open in May, not before”. "
    "“It will open in May,” Darrow said. A senior official said the budget had doubled. "
    "Officials said nothing. Someone said something.\n"
)


def _at(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def invented() -> Analysis:
    darrow = Actor(
        "ines-darrow",
        "Ines Darrow",
        "PERSON",
        roles=["Mayor"],
        aliases=["Darrow"],
        mentions=[_at("Ines Darrow"), _at("Darrow said.")],
    )
    quotes = []
    for fragment, kind, speaker, actor, anonymous, source in (
        ("the bridge “will open in May, not before”", "indirect", "Ines Darrow", "ines-darrow", False, "named"),
        ("will open in May, not before", "partial", "Ines Darrow", "ines-darrow", False, "named"),
        ("It will open in May,", "direct", "Ines Darrow", "ines-darrow", False, "named"),
        ("the budget had doubled", "indirect", "A senior official", None, True, "anonymous"),
        ("nothing", "indirect", "Officials", None, True, "unnamed"),
        ("something", "indirect", None, None, False, None),
    ):
        quotes.append(Quote(*_at(fragment), fragment, kind, speaker, actor, "said", anonymous, source))
    return Analysis("<test>", "t", "0" * 64, "test", actors=[darrow], quotes=quotes)


def test_voices_add_up_quotes_and_words_by_speaker():
    found = voices(invented(), TEXT)
    darrow, official, officials = found.voices
    assert darrow.speaker == "Ines Darrow" and not darrow.anonymous and darrow.actor_type == "person"
    # the partial quote lies inside her reported clause: one act of speech, counted once, its words once
    assert (darrow.count("direct"), darrow.count("partial"), darrow.count("reported")) == (1, 0, 1)
    assert len(darrow.quotes) == 2 and [q.text for q in darrow.inside] == ["will open in May, not before"]
    assert darrow.words == len("the bridge will open in May not before".split()) + len("It will open in May".split())
    assert official.source == "anonymous" and official.speaker == "A senior official" and official.actor_id is None
    assert officials.source == "unnamed" and officials.anonymous  # no one named: no person to show
    assert darrow.source == "named"
    assert found.unattributed == 1
    assert abs(sum(v.share for v in found.voices) - 1) < 1e-9
    assert found.summary().startswith("3 voices · 1 named · 1 unnamed · 1 anonymous · Ines Darrow holds")


def test_anonymous_voices_never_join_a_named_one_across_articles():
    one = voices(invented(), TEXT)
    other = Analysis(
        "<b>",
        "b",
        "1" * 64,
        "test",
        actors=[Actor("x", "Officials", "ORG")],
        quotes=[Quote(0, 7, "nothing", "indirect", "Officials", "x", "said", False, "named")],
    )
    merged = combine([one, voices(other, "nothing\n")])
    named = [v for v in merged.voices if v.speaker == "Officials" and not v.anonymous]
    anonymous = [v for v in merged.voices if v.speaker == "Officials" and v.anonymous]
    assert len(named) == 1 and len(anonymous) == 1
    assert merged.unattributed == 1


def test_the_same_person_across_articles_is_one_voice_with_two_articles():
    merged = combine([voices(invented(), TEXT), voices(invented(), TEXT)])
    darrow = next(v for v in merged.voices if v.speaker == "Ines Darrow")
    assert darrow.articles == 2 and len(darrow.quotes) == 4 and len(darrow.inside) == 2
    sites = sourcing_by_site([("Daily A", voices(invented(), TEXT)), ("Daily A", voices(invented(), TEXT))])
    assert sites[0].site == "Daily A" and sites[0].articles == 2 and sites[0].quotes == 8
    assert (sites[0].anonymous, sites[0].unnamed) == (2, 2)  # "a senior official" granted, "officials" not


def test_csv_opens_in_a_spreadsheet_without_running_formulas():
    analysis = invented()
    analysis.quotes[3].speaker = '=HYPERLINK("http://x")'
    rows = list(csv.DictReader(io.StringIO(to_csv(voices(analysis, TEXT)))))
    assert [r["speaker"] for r in rows][0] == "Ines Darrow"
    assert any(r["speaker"] == '\'=HYPERLINK("http://x")' for r in rows)


def test_voices_command_on_the_sample_ranks_stoltenberg():
    result = byline_here("voices", str(seed_path()), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    stoltenberg = next(v for v in data["voices"] if v["speaker"] == "Jens Stoltenberg")
    assert stoltenberg["quotes"] >= 3 and stoltenberg["actor_type"] == "person" and stoltenberg["source"] == "named"
    assert abs(sum(v["share"] for v in data["voices"]) - 1) < 0.01
    assert set(stoltenberg) == {
        "speaker",
        "actor_type",
        "roles",
        "quotes",
        "direct",
        "partial",
        "reported",
        "words",
        "share",
        "source",
        "articles",
    }


def test_voices_across_the_library_count_articles_and_anonymous_sourcing_per_site(analyse, tmp_path):
    from byline.tui.core.library import Library
    from byline.tui.core.sources import from_text
    from byline.tui.core.store import Store
    from byline.tui.core.voices import library_voices

    library = Library(Store(tmp_path / "store"))
    one = (
        "Bridge delayed\n\nMayor Ines Darrow said the Kessel bridge would open in May. "
        "“We will not cut corners,” Darrow said.\n"
    )
    two = (
        "Fares rise\n\nMayor Ines Darrow said fares would rise. A senior official said the ferry had lost money. "
        "A nurse, who asked not to be named, said the crew had not been paid.\n"
    )
    library.add(from_text(one, "<a>", site="Harbour Gazette"), analyse(one))
    library.add(from_text(two, "<b>", site="Island Times"), analyse(two))
    found = library_voices(library)
    assert found.articles == 2
    darrow = next(v for v in found.voices.voices if v.speaker == "Ines Darrow")
    assert darrow.articles == 2 and len(darrow.quotes) >= 3 and darrow.source == "named"
    assert abs(sum(v.share for v in found.voices.voices) - 1) < 1e-9
    by_site = {s.site: s for s in found.sites}
    assert set(by_site) == {"Harbour Gazette", "Island Times"}
    assert (by_site["Harbour Gazette"].anonymous, by_site["Harbour Gazette"].unnamed) == (0, 0)
    # the official is described, the nurse granted anonymity: the library keeps them apart
    assert (by_site["Island Times"].anonymous, by_site["Island Times"].unnamed) == (1, 1)
    assert {v.source for v in found.voices.voices} == {"named", "unnamed", "anonymous"}
    assert not any(v.anonymous and "darrow" in v.speaker.lower() for v in found.voices.voices)


SOURCED = (
    "Ferry stops\n\nMayor Ines Darrow said the ferry would stop in May. "
    "Fire officials said the pier was unsafe. "
    "A nurse, who asked not to be named, said the crew had not been paid for weeks.\n"
)


def test_voices_and_their_exports_count_named_unnamed_and_anonymous_sources_apart(analyse):
    from byline.tui.cli.voices import text_table
    from byline.tui.core.bundle import Bundle
    from byline.tui.core.export.markdown import voices_section
    from byline.tui.core.sources import from_text

    analysis = analyse(SOURCED)
    found = voices(analysis, SOURCED)
    kinds = {v.speaker.lower(): v.source for v in found.voices}
    assert kinds == {"ines darrow": "named", "fire officials": "unnamed", "nurse": "anonymous"}, kinds
    assert (found.named, found.unnamed, found.anonymous) == (1, 1, 1)
    assert "1 named · 1 unnamed · 1 anonymous" in found.summary()
    assert {d["speaker"].lower(): d["source"] for d in found.to_dict()["voices"]} == kinds
    rows = list(csv.DictReader(io.StringIO(to_csv(found))))
    assert {r["speaker"].lower(): r["source"] for r in rows} == kinds
    table = text_table(found).splitlines()
    assert next(line for line in table if line.startswith("Fire officials")).endswith("unnamed")
    assert next(line for line in table if line.startswith("nurse")).endswith("anonymous")
    bundle = Bundle(from_text(SOURCED, "<t>"), analysis, [], ())
    lines = voices_section(bundle)
    assert lines[4].startswith("| Voice | Source |")
    assert any(line.startswith("| Fire officials | unnamed |") for line in lines), lines
    assert any(line.startswith("| nurse | anonymous |") for line in lines), lines


NESTED = (
    "Budget talks stall\n\nCouncillor Tom Brask said the council had no \u201cclarity\u201d on the ferry money yet. "
    "\u201cWe will not sign a blank cheque,\u201d Brask said.\n"
)


def test_a_fragment_quoted_inside_its_own_reported_clause_is_one_act_of_speech(analyse, tmp_path):
    from byline.tui.core.library import Library
    from byline.tui.core.sources import from_text
    from byline.tui.core.store import Store
    from byline.tui.core.voices import library_voices

    analysis = analyse(NESTED)
    assert {q.kind for q in analysis.quotes if q.text == "clarity"} == {"partial"}  # the model finds both
    brask = next(v for v in voices(analysis, NESTED).voices if v.speaker == "Tom Brask")
    assert (brask.count("direct"), brask.count("partial"), brask.count("reported")) == (1, 0, 1)
    assert len(brask.quotes) == 2 and [q.text for q in brask.inside] == ["clarity"]
    reported = "the council had no clarity on the ferry money yet".split()
    assert brask.words == len(reported) + len("We will not sign a blank cheque".split())
    # the library counts from what it keeps of the analysis, without the text: the same
    library = Library(Store(tmp_path / "store"))
    library.add(from_text(NESTED, "<a>", site="Harbour Gazette"), analysis)
    again = next(v for v in library_voices(library).voices.voices if v.speaker == "Tom Brask")
    assert (len(again.quotes), again.count("partial"), again.words) == (2, 0, brask.words)


def test_someone_else_s_words_inside_a_reported_clause_are_their_own_quote():
    text = "Ann Roe said Bo Li had called the plan \u201ca blank cheque for the port\u201d in May.\n"
    clause = "Bo Li had called the plan \u201ca blank cheque for the port\u201d in May"
    words = "a blank cheque for the port"
    at = text.index(clause), text.index(words)
    analysis = Analysis(
        "<test>",
        "t",
        "0" * 64,
        "test",
        actors=[],
        quotes=[
            Quote(at[0], at[0] + len(clause), clause, "indirect", "Ann Roe", None, "said"),
            Quote(at[1], at[1] + len(words), words, "partial", "Bo Li", None, "called"),
        ],
    )
    found = {v.speaker: v for v in voices(analysis, text).voices}
    assert len(found["Ann Roe"].quotes) == 1 and len(found["Bo Li"].quotes) == 1
    assert found["Bo Li"].count("partial") == 1 and found["Bo Li"].words == 6
