"""File names that are not valid UTF-8 (a Latin-1 `café.txt` from an old archive) are the bytes
they are: added, opened, exported and listed, shown with `visible()`, and a folder that holds
one is added whole. What a command prints is visible text in the terminal's own encoding."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.tui.core.paths import stored_path
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from byline.tui.core.visible import visible

from .test_cli import byline

STORY = (
    "The mayor of Riga said on Tuesday that the harbour plan would cost 12 million euros. "
    '"We will build it," Anna Berzina said.\n'
)
EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "60"))


def latin1_file(folder, name: bytes = b"caf\xe9.txt", text: str = STORY) -> str:
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as fh:
        fh.write(text.encode())
    return os.fsdecode(path)


def test_a_latin1_file_name_is_added_listed_and_exported(tmp_path):
    name = latin1_file(tmp_path)
    added = byline("add", name, "--jobs", "1")
    assert added.returncode == 0, added.stderr.decode()
    assert b"Traceback" not in added.stderr
    listed = byline("library", "--format", "json")
    assert listed.returncode == 0, listed.stderr.decode()
    [entry] = json.loads(listed.stdout)
    assert entry["path"].endswith("caf\\xe9.txt")  # its bytes shown, never a lone surrogate
    for fmt in ("md", "json", "csv", "w3c"):
        out = tmp_path / f"out.{fmt}"
        result = byline("export", name, "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr.decode()
        out.read_bytes().decode("utf-8")  # valid UTF-8, whatever the file's name


def test_a_folder_with_a_latin1_name_is_added_whole(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    latin1_file(folder)
    for word in ("Tallinn", "Vilnius", "Kaunas"):
        (folder / f"{word}.txt").write_text(STORY.replace("Riga", word), encoding="utf-8")
    added = byline("add", str(folder), "--jobs", "1")
    assert added.returncode == 0, added.stderr.decode()
    assert "added 4 articles" in added.stderr.decode()


def test_analyze_prints_no_lone_surrogate(tmp_path):
    result = byline("analyze", latin1_file(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["source"].endswith("caf\ufffd.txt")


def test_the_crash_report_keeps_an_undecodable_command_line(tmp_path, monkeypatch):
    """A bug met with such a name is still one line, its report kept."""
    from byline.tui import cli

    monkeypatch.setattr("sys.argv", ["byline", "add", "caf\udce9.txt"])
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        said = cli._crash_report()
    assert "details are in" in said


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")),
)
def test_any_file_name_opens_and_is_found_again_by_its_path(tmp_path, name):
    """Any bytes a file system allows in a name: the article is kept under that path, found
    again by it, and its source is visible text that UTF-8 can carry."""
    if name in (b".", b".."):
        name += b"_"
    path = latin1_file(tmp_path, name + b".txt")
    article = load_article(path)
    article.source.encode("utf-8")
    article.name.encode("utf-8")
    assert article.source == visible(article.source)
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    again = Store(tmp_path / "store")
    assert again.article_id(load_article(path)) == (key, False)
    assert any(r["path"] == stored_path(article.path) for r in again.records())
