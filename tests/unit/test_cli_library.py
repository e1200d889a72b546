"""`byline add`, `byline library` and `byline quotes` as a user and a script meet them: files,
folders and pages kept and analysed, listed, and every quote of one speaker across them."""

from __future__ import annotations

import json
import subprocess

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import byline_here

PAGE = """<!doctype html><html><head><title>Ferry strike ends | The Velmora Gazette</title>
<meta property="og:site_name" content="The Velmora Gazette"><meta name="author" content="Ada Lund">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<link rel="canonical" href="https://gazette.example/ferry-strike-ends"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Ferry strike ends after talks</h1>
<p>Dockworkers in Velmora returned to work on Monday after a week-long strike that stranded hundreds of travellers.</p>
<p>"We won a fair deal for every crew," union leader Piet Holm said after the vote. Holm said the new contract
raises pay by 6 per cent over two years.</p>
<p>Harbour director Ilse Varga said the ferries would run a full timetable from Wednesday.</p>
</article><aside>Related: Ten best beaches near Velmora</aside>
<footer>Copyright The Velmora Gazette. <a href="/about">About us</a></footer></body></html>"""

STORY = (
    "Union votes on deal\n\nMembers of the dockworkers' union voted on Sunday. \"This deal keeps our ferries "
    'safe," Piet Holm told members before the vote. Observers expected a large majority.\n'
)
OTHER = "Tide tables change\n\nThe harbour office in Velmora printed new tide tables for the summer season.\n"


def byline(*args: str) -> subprocess.CompletedProcess:
    return byline_here(*args)


@pytest.fixture(scope="module")
def server():
    httpserver = HTTPServer(threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    (news / "older").mkdir(parents=True)
    (news / "union.txt").write_text(STORY, encoding="utf-8")
    (news / "older" / "tides.md").write_text(OTHER, encoding="utf-8")
    return news


def test_add_a_folder_and_a_page_then_list_them_for_scripts(server, folder):
    server.expect_request("/ferry").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    server.expect_request("/gone").respond_with_data("not here", status=404)
    added = byline("add", str(folder), server.url_for("/ferry"), server.url_for("/gone"), "--jobs", "2")
    assert added.returncode == 1, added.stderr  # one input failed; the others were added
    lines = added.stderr.splitlines()
    (error,) = [line for line in lines if line.startswith("byline: ")]
    assert "404" in error and server.url_for("/gone") in error and "Traceback" not in added.stderr
    progress = [line for line in lines if line.startswith("[")]  # plain lines: stderr is no terminal
    assert sorted(line.split("] ", 1)[1] for line in progress) == [
        "Ferry strike ends after talks",
        "Tide tables change",
        "Union votes on deal",
    ]
    assert all(line[:5] in ("[1/4]", "[2/4]", "[3/4]", "[4/4]") for line in progress)
    assert lines[-1] == "added 3 articles to the library (3 in all); 1 failed"
    listed = byline("library", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["title"]: row for row in json.loads(listed.stdout)}
    assert set(rows) == {"Ferry strike ends after talks", "Union votes on deal", "Tide tables change"}
    page = rows["Ferry strike ends after talks"]
    assert (page["site"], page["date"], page["authors"], page["kind"], page["url"]) == (
        "The Velmora Gazette",
        "2024-05-02",
        ["Ada Lund"],
        "html",
        "https://gazette.example/ferry-strike-ends",
    )
    assert (page["published"], page["date_kind"]) == ("2024-05-02", "published") and page["added"][:4] >= "2026"
    union = rows["Union votes on deal"]  # a text file says nothing of when it was published
    assert (union["published"], union["date_kind"], union["date"]) == (None, "added", union["added"][:10])
    assert page["quotes"] >= 1 and page["actors"] >= 2 and page["notes"] == 0
    assert rows["Union votes on deal"]["path"] == str(folder / "union.txt")
    text = byline("library")
    assert text.returncode == 0 and "The Velmora Gazette" in text.stdout and "Union votes on deal" in text.stdout
    dates = {line[:44].strip(): line[68:84].strip() for line in text.stdout.splitlines()[1:]}
    assert dates["Ferry strike ends after talks"] == "2024-05-02"
    assert dates["Union votes on deal"] == "added " + union["added"][:10]


def test_quotes_of_one_speaker_across_the_library(server, folder):
    server.expect_request("/ferry").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    assert byline("add", str(folder / "union.txt"), server.url_for("/ferry"), "--jobs", "1").returncode == 0
    found = byline("quotes", "--speaker", "Piet Holm", "--format", "json")
    assert found.returncode == 0, found.stderr
    (holm,) = json.loads(found.stdout)["people"]
    assert holm["name"] == "Piet Holm" and len(holm["articles"]) == 2
    texts = {q["text"] for q in holm["quotes"]}
    assert "We won a fair deal for every crew" in texts and "This deal keeps our ferries safe" in texts
    story = next(q for q in holm["quotes"] if q["text"] == "This deal keeps our ferries safe")
    assert STORY[story["start"] : story["end"]] == story["text"]
    plain = byline("quotes", "--speaker", "Holm")
    assert plain.returncode == 0 and plain.stdout.startswith("Piet Holm (person): ")
    missing = byline("quotes", "--speaker", "Piet Hom")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "did you mean Piet Holm" in missing.stderr


def test_voices_of_the_whole_library_in_every_format(folder):
    import csv
    import io

    assert byline("add", str(folder / "union.txt"), "--jobs", "1").returncode == 0
    data = json.loads(byline("voices", "--format", "json").stdout)
    holm = next(v for v in data["voices"] if v["speaker"] == "Piet Holm")
    assert holm["articles"] == 1 and holm["quotes"] >= 1
    sheet = byline("voices", "--format", "csv")
    assert sheet.returncode == 0, sheet.stderr
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert any(row["speaker"] == "Piet Holm" for row in rows)
    text = byline("voices")
    assert text.returncode == 0 and "Piet Holm" in text.stdout


def test_adding_again_reuses_the_analyses_and_adds_nothing_twice(folder):
    assert byline("add", str(folder)).returncode == 0
    again = byline("add", str(folder), str(folder / "union.txt"))
    assert again.returncode == 0
    assert again.stderr.splitlines()[-1] == "added 0 articles to the library (2 in all, 2 already there)"


def test_a_library_that_cannot_be_read_is_one_line_and_status_2(byline_home):
    folder = byline_home / "data" / "library"
    folder.parent.mkdir(parents=True)
    folder.write_bytes(b"not a folder")  # where the library's folder should be
    for command in (["library"], ["quotes", "--speaker", "Holm"], ["add", "nothing.txt"]):
        result = byline(*command)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, command
        assert str(folder) in result.stderr and "Traceback" not in result.stderr
    assert folder.read_bytes() == b"not a folder"


def test_a_damaged_list_of_an_older_byline_is_kept_aside_and_its_articles_listed_again(folder, byline_home):
    assert byline("add", str(folder / "union.txt"), "--jobs", "1").returncode == 0
    library = byline_home / "data" / "library"
    (library / "index.json").write_bytes(b"{damaged")  # the one list of every article schema 2 kept
    listed = byline("library", "--format", "json")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    (line,) = listed.stderr.splitlines()
    assert "index.damaged.json" in line and "every note" in line
    assert [r["title"] for r in json.loads(listed.stdout)] == ["Union votes on deal"]
    assert (library / "index.damaged.json").read_bytes() == b"{damaged"


def test_an_empty_library_says_how_to_fill_it():
    result = byline("library")
    assert result.returncode == 0 and result.stdout == "" and "byline add" in result.stderr
    assert json.loads(byline("library", "--format", "json").stdout) == []


def test_locate_prints_the_library_and_the_cache(byline_home):
    out = byline("locate").stdout
    assert f"store: {byline_home / 'data' / 'library'}" in out and f"cache: {byline_home / 'cache'}" in out


def test_a_folder_where_some_files_fail_is_a_partial_success_status_1(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "union.txt").write_text(STORY, encoding="utf-8")
    (news / "tides.txt").write_text(OTHER, encoding="utf-8")
    (news / "empty.txt").write_bytes(b"")
    (news / "noise.txt").write_bytes(bytes(range(256)) * 8)
    added = byline("add", str(news), "--jobs", "1")
    assert added.returncode == 1, added.stderr
    lines = added.stderr.splitlines()
    assert lines[-1] == "added 2 articles to the library (2 in all); 2 failed"
    assert len([line for line in lines if line.startswith("byline: ")]) == 2 and "Traceback" not in added.stderr
    assert len(json.loads(byline("library", "--format", "json").stdout)) == 2  # what went in is kept


def test_a_folder_where_every_file_fails_is_status_2(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "empty.txt").write_bytes(b"")
    (news / "noise.txt").write_bytes(bytes(range(256)) * 8)
    added = byline("add", str(news), "--jobs", "1")
    assert (
        added.returncode == 2
        and added.stderr.splitlines()[-1] == "added 0 articles to the library (0 in all); 2 failed"
    )


def test_a_damaged_article_file_is_named_on_stderr_and_the_rest_listed_with_status_1(folder, byline_home):
    assert byline("add", str(folder), "--jobs", "1").returncode == 0
    rows = json.loads(byline("library", "--format", "json").stdout)
    union = next(r for r in rows if r["title"] == "Union votes on deal")
    articles = byline_home / "data" / "library" / "articles"
    articles.mkdir(exist_ok=True)
    damaged = articles / f"{union['id']}.json"
    damaged.write_bytes(b'{"annotations": {"1": ')
    for fmt in ("text", "json"):
        listed = byline("library", "--format", fmt)
        assert listed.returncode == 1, fmt
        (line,) = listed.stderr.splitlines()
        assert str(damaged) in line and "Union votes on deal" in line and "Traceback" not in line
        assert "Union votes on deal" in listed.stdout and "Tide tables change" in listed.stdout
    assert damaged.read_bytes() == b'{"annotations": {"1": '  # left as it was


def test_a_deleted_catalogue_is_made_again_and_answers_as_before(folder, byline_home):
    assert byline("add", str(folder / "union.txt"), "--jobs", "1").returncode == 0
    before = byline("quotes", "--speaker", "Piet Holm")
    assert before.returncode == 0
    for file in byline_home.glob("data/library/catalogue.sqlite3*"):
        file.unlink()
    after = byline("quotes", "--speaker", "Piet Holm")
    assert after.returncode == 0 and after.stdout == before.stdout


def test_a_store_that_refuses_a_write_midway_counts_what_it_kept(folder, byline_home, monkeypatch, capsys):
    """A disk that fills while a batch is kept: the line counts the articles on disk, not those sent."""
    from byline.tui.cli import main
    from byline.tui.core.errors import StoreError
    from byline.tui.core.library import Library

    add_batch = Library.add_batch

    def full_after_one(self, items):
        add_batch(self, list(items)[:1])
        raise StoreError("No space left on device")

    monkeypatch.setattr(Library, "add_batch", full_after_one)
    status = main(["add", str(folder), "--jobs", "1"])  # two articles, one batch
    lines = capsys.readouterr().err.splitlines()
    assert "Traceback" not in "\n".join(lines) and any("No space left on device" in line for line in lines)
    assert lines[-1] == "added 1 article to the library (1 in all); 2 failed" and status == 1
    assert len(json.loads(byline("library", "--format", "json").stdout)) == 1
