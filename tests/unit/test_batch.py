"""Many articles at once: folders expanded, results in input order whatever the number of
processes, a failing input reported while the others go on; `byline analyze` writes JSON Lines."""

from __future__ import annotations

import json

import pytest

from byline.tui.core.batch import analyze_many, expand

from .test_cli import byline

ARTICLES = {
    "harbour.txt": "Harbour plan approved\n\nMayor Ilse Dorrensen said on Tuesday that the new quay would cost "
    "14 million euros. \u201cIt will bring the ferries back,\u201d Dorrensen said.\n",
    "school.md": "# School roof repaired\n\nHead teacher **Jon Ebbe** said the roof of the Pellworth school was "
    "repaired for 80,000 euros.\n",
    "budget.txt": "Budget vote delayed\n\nCouncillor Tobias Vennholt told reporters on Monday that the vote "
    "on the budget of Husum would wait until Friday.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "stories"
    (root / "older").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (root / ("older" if name == "budget.txt" else "") / name).write_text(text, encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".drafts").mkdir()
    (root / ".drafts" / "secret.txt").write_text("Not this one\n")
    return root


def test_a_folder_is_its_articles_in_name_order(folder):
    assert expand([str(folder)]) == [
        str(folder / "harbour.txt"),
        str(folder / "older" / "budget.txt"),
        str(folder / "school.md"),
    ]


def test_urls_and_files_are_kept_once_in_the_order_given(folder, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    one = str(folder / "school.md")
    assert expand(["https://news.example/a", one, str(folder), "-", str(empty)]) == [
        "https://news.example/a",
        one,
        str(folder / "harbour.txt"),
        str(folder / "older" / "budget.txt"),
        "-",
        str(empty),
    ]


def test_results_come_in_input_order_with_one_or_two_processes(folder, tmp_path):
    locations = expand([str(folder)]) + [str(tmp_path / "missing.txt")]
    seen = []
    results = {jobs: analyze_many(locations, jobs=jobs, on_done=seen.append) for jobs in (1, 2)}
    assert len(seen) == 8
    for found in results.values():
        assert [r.location for r in found] == locations
        assert [r.error is None for r in found] == [True, True, True, False]
        assert "no such file" in found[-1].error
        assert [r.analysis.title for r in found[:3]] == [
            "Harbour plan approved",
            "Budget vote delayed",
            "School roof repaired",
        ]
    people = [[a.name for a in r.analysis.actors if a.type == "PERSON"] for r in results[2][:3]]
    assert people == [[a.name for a in r.analysis.actors if a.type == "PERSON"] for r in results[1][:3]]
    assert "Ilse Dorrensen" in people[0] and "Tobias Vennholt" in people[1] and "Jon Ebbe" in people[2]


def test_analyze_writes_one_json_line_per_article(folder):
    result = byline("analyze", str(folder), "--jobs", "2")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 3
    for line, name in zip(lines, ["harbour.txt", "budget.txt", "school.md"], strict=False):
        data = json.loads(line)
        assert data["schema"] == "byline.analysis/2" and data["article"]["source"].endswith(name)
        text = (folder / ("older" if name == "budget.txt" else "") / name).read_text(encoding="utf-8")
        if name.endswith(".txt"):
            for item in data["entities"] + data["quotes"] + data["numbers"]:
                assert text[item["start"] : item["end"]] == item["text"]
    assert json.loads(lines[2])["article"]["kind"] == "markdown"


def test_a_failing_input_is_one_line_and_the_others_go_on(folder, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = byline(
        "analyze",
        str(folder / "harbour.txt"),
        str(tmp_path / "nope.txt"),
        str(binary),
        str(folder / "school.md"),
        "--jobs",
        "1",
    )
    assert result.returncode == 2
    err = result.stderr.decode().splitlines()
    assert len(err) == 2 and "no such file" in err[0] and "binary" in err[1]
    titles = [json.loads(line)["title"] for line in result.stdout.decode().splitlines()]
    assert titles == ["Harbour plan approved", "School roof repaired"]


def test_several_inputs_as_text_reports(folder):
    result = byline("analyze", str(folder / "harbour.txt"), str(folder / "school.md"), "--format", "text")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.index("Harbour plan approved") < out.index("School roof repaired")
    assert "ACTORS" in out


def test_a_negative_job_count_is_one_line(folder):
    result = byline("analyze", str(folder), "--jobs", "-1")
    assert result.returncode == 2 and "--jobs" in result.stderr.decode()


def test_stream_many_hands_on_each_result_and_keeps_none(folder, tmp_path):
    """`byline add` builds a library of any size on it: results come as they finish and the
    generator keeps no list of them (the caller decides what to keep)."""
    import gc
    import weakref

    from byline.tui.core.batch import stream_many

    locations = expand([str(folder)])
    stream = stream_many(locations, jobs=1)
    first = next(stream)
    assert first.error is None and first.location == locations[0]
    kept = weakref.ref(first.analysis)
    del first
    gc.collect()
    assert kept() is None  # not held by the generator while the others are analysed
    rest = list(stream)
    assert sorted(r.index for r in rest) == [1, 2]
    two = sorted(stream_many(locations, jobs=2), key=lambda r: r.index)
    assert [r.analysis.title for r in two] == ["Harbour plan approved", "Budget vote delayed", "School roof repaired"]


def test_a_page_that_cannot_be_fetched_fails_before_the_pipeline_loads(monkeypatch):
    """The fetch deadline is the command's: with one job the pages are fetched first, so a
    server that never answers ends `byline add URL` at the promised time, not after spaCy loads."""
    from byline.tui.core import batch, nlp

    loaded = []
    monkeypatch.setattr(nlp, "load_model", lambda name: loaded.append(name))
    (result,) = batch.stream_many(["http://127.0.0.1:9/nothing-listens-here"], model="x", jobs=1, timeout=2)
    assert result.error and "127.0.0.1" in result.error and loaded == []
