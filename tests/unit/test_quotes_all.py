"""`byline quotes --all`: every quote in the library, one row each, for a sheet or a script."""

from __future__ import annotations

import csv
import io
import json

from byline.tui.cli import main

STORY = (
    "Union votes on deal\n\nMembers of the dockworkers' union voted on Sunday. \u201cThis deal keeps our ferries "
    "safe,\u201d Piet Holm told members before the vote.\n\nA spokesman said the talks had been \u201chard\u201d.\n"
)
OTHER = "Tide tables change\n\n\u201cThe tides do not wait,\u201d harbour master Ilse Varga said \u2014 again.\n"


def test_every_quote_of_the_library_as_csv_json_and_text(tmp_path, capsys):
    (tmp_path / "union.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "tides.txt").write_text(OTHER, encoding="utf-8")
    assert main(["add", str(tmp_path / "union.txt"), str(tmp_path / "tides.txt"), "--jobs", "1"]) == 0
    capsys.readouterr()

    assert main(["quotes", "--all", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_text = {row["text"]: row for row in rows}
    holm = by_text["This deal keeps our ferries safe"]
    assert (holm["speaker"], holm["kind"], holm["article"], holm["paragraph"]) == (
        "Piet Holm",
        "direct",
        "Union votes on deal",
        "2",
    )
    assert by_text["The tides do not wait"]["url"].endswith("tides.txt")
    assert {row["article"] for row in rows} == {"Union votes on deal", "Tide tables change"}

    assert main(["quotes", "--all", "--format", "csv", "--excel"]) == 0
    assert capsys.readouterr().out.startswith("\ufeff")

    assert main(["quotes", "--all", "--format", "json"]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    assert len(quotes) == len(rows) and any(q["speaker"] == "Ilse Varga" for q in quotes)

    assert main(["quotes", "--all"]) == 0
    text = capsys.readouterr().out
    assert "Piet Holm: “This deal keeps our ferries safe” [direct] — Union votes on deal" in text


def test_csv_is_for_all_and_excel_for_csv(capsys):
    assert main(["quotes", "--speaker", "Holm", "--format", "csv"]) == 2
    assert main(["quotes", "--all", "--excel"]) == 2
    assert "--excel is for --format csv" in capsys.readouterr().err
