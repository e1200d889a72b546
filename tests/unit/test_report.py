"""`byline analyze --format text`: what a reader sees in a terminal, escape codes shown as
text, years as written, reported speech never in quotation marks."""

from __future__ import annotations

from byline.tui.core.report import text_report
from tests.conftest import byline_here

TEXT = (
    "Harbour plan approved\n\n"
    "Mayor Ines Varga said on Tuesday that the harbour would cost 820 million euros by 2019. "
    "Councillor Tom Brask said the council had no \u201cclarity\u201d on the money yet. "
    "\u201cWe will not sign a blank cheque,\u201d Brask said.\n"
)
CONTROLS = [chr(c) for c in (*range(0, 9), *range(11, 32), 127)]


def test_no_escape_code_in_any_string_reaches_the_terminal(analyse):
    """The loader shows an article's own escape codes as text already; the report must not rely on
    it: a source name, or an analysis read back from the cache or a JSON file, can hold them."""
    analysis = analyse(TEXT)
    analysis.source = "x\x1b]0;pwned\x07.txt"
    analysis.title = "Harbour \x9b31m plan"
    varga = next(a for a in analysis.actors if a.name == "Ines Varga")
    varga.name, varga.roles = "Ines \x1b[2JVarga", ["Mayor\x07"]
    quote = next(q for q in analysis.quotes if q.kind == "direct")
    quote.text, quote.speaker = "We will\x1b[8m not sign", "Tom\x1bc Brask"
    report = text_report(analysis)
    assert not any(c in report for c in CONTROLS) and "\x9b" not in report
    lines = report.splitlines()
    assert lines[:2] == ["Harbour \ufffd31m plan", "source: x␛]0;pwned␇.txt"]
    assert "  Ines ␛[2JVarga [PERSON] x1 - Mayor␇" in lines
    assert "  [direct] Tom␛c Brask (said): “We will␛[8m not sign”" in lines


def test_a_year_is_shown_as_written_not_as_a_quantity(analyse):
    report = text_report(analyse(TEXT))
    assert "  2019 [date]" in report.splitlines()
    assert "2,019" not in report


def test_reported_speech_is_not_put_in_quotation_marks(analyse):
    lines = text_report(analyse(TEXT)).splitlines()
    reported = next(line for line in lines if "the harbour would cost" in line)
    assert reported.startswith("  [reported] Ines Varga") and "“" not in reported
    assert reported.endswith(": the harbour would cost 820 million euros by 2019")
    direct = next(line for line in lines if "We will not sign" in line)
    assert direct.startswith("  [direct] Tom Brask") and direct.endswith("“We will not sign a blank cheque”")
    assert not any("[indirect]" in line for line in lines)


def test_a_file_name_with_an_escape_code_is_shown_not_sent(tmp_path):
    name = tmp_path / "x\x1b]0;pwned\x07.txt"
    name.write_text("Harbour plan\n\nMayor Ines Varga said the harbour would open in May.\n", encoding="utf-8")
    result = byline_here("analyze", str(name), home=tmp_path / "home", text=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\x1b" not in out and "\x07" not in out
    assert "source: " + str(tmp_path) + "/x␛]0;pwned␇.txt" in out.splitlines()
