"""The command line as a user meets it: one line and exit status 2 for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from byline.tui.core.sources import seed_path
from tests.conftest import byline_here, run_byline


def byline(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """`byline ARGS`, output as bytes: in this process, unless it is about the process (a
    terminal's encoding set by PYTHONIOENCODING, the reader, --jobs N)."""
    if any(name.startswith("PYTHON") for name in env or {}):
        return run_byline(*args, stdin=stdin, env=env, text=False, timeout=120)
    return byline_here(*args, stdin=stdin, env=env, text=False, timeout=120)


def _write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda d: str(d / "nope.txt"), "no such file"),
        (lambda d: str(d), "is a directory"),
        (lambda d: _write(d / "e.txt", b""), "is empty"),
        (lambda d: _write(d / "b.bin", bytes(range(256)) * 8), "binary"),
    ],
    ids=["missing", "directory", "empty", "binary"],
)
@pytest.mark.parametrize("command", [[], ["analyze"]], ids=["open", "analyze"])
def test_bad_input_gets_one_line_and_status_2(tmp_path, make, words, command):
    if command and words == "is a directory":
        words = "no article files"  # analyze reads the articles in a folder; this one has none
    result = byline(*command, make(tmp_path))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.count("\n") == 1 and words in err
    assert "Traceback" not in err


def test_empty_stdin_is_refused():
    result = byline("analyze", "-", stdin=b"")
    assert result.returncode == 2 and "standard input is empty" in result.stderr.decode()


def test_analyze_json_follows_the_schema(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Minister resigns\n\nForeign Minister Anna Berg said on Monday that 1,200 jobs would go. "
        "\u201cWe had no choice,\u201d Berg said.\n"
    )
    result = byline("analyze", str(article), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["schema"] == "byline.analysis/2"
    assert data["title"] == "Minister resigns"
    text = article.read_text()
    for key in ("entities", "numbers", "quotes"):
        for item in data[key]:
            assert text[item["start"] : item["end"]] == item["text"]
    berg = next(a for a in data["actors"] if a["name"] == "Anna Berg")
    assert "Berg" in berg["aliases"] and berg["type"] == "PERSON"
    quote = next(q for q in data["quotes"] if q["kind"] == "direct")
    assert quote["text"] == "We had no choice" and quote["speaker"] == "Anna Berg"


def test_analyze_reads_stdin():
    result = byline("analyze", "-", "--format", "text", stdin=b"Title\n\nPresident Joe Biden spoke.\n")
    assert result.returncode == 0
    assert "Joe Biden" in result.stdout.decode()


def test_unknown_model_says_how_to_install():
    result = byline("analyze", str(seed_path()), "--model", "xx_no_such_model")
    assert result.returncode == 2
    assert "pip install" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_version_and_help():
    assert byline("--version").stdout.decode().startswith("byline ")
    helptext = byline("--help").stdout.decode()
    assert "analyze" in helptext and "export" in helptext


def test_locate_prints_home_paths(tmp_path):
    result = byline("locate", env={"BYLINE_HOME": str(tmp_path)})
    assert result.returncode == 0
    assert str(tmp_path) in result.stdout.decode()


def test_a_bug_of_ours_is_one_line_and_its_traceback_kept_for_a_report(byline_home, monkeypatch, capsys):
    from byline.tui import cli

    def broken(opts):
        raise KeyError("voices")

    monkeypatch.setattr(cli.commands()["library"], "run", broken)
    assert cli.main(["library"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("byline: internal error (KeyError: 'voices')")
    (report,) = (byline_home / "log").glob("crash-*.txt")
    assert str(report) in err and "Traceback" in report.read_text() and "broken" in report.read_text()
    monkeypatch.setenv("BYLINE_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.main(["library"])


@pytest.mark.parametrize(
    "args",
    [
        [""],
        ["export", "", "-f", "csv"],
        ["voices", ""],
        ["analyze", ""],
        ["add", ""],
        ["import", "x.jsonl", "--article", ""],
    ],
)
def test_an_empty_argument_is_refused_in_one_line_never_read_as_the_working_folder(args, tmp_path, byline_home):
    folder = tmp_path / "here"
    folder.mkdir()
    (folder / "story.txt").write_text("Title\n\nMayor Ines Darrow said the bridge would open.\n", encoding="utf-8")
    (folder / "x.jsonl").write_text("{}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "byline.tui", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=dict(os.environ),
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "an empty name is no article" in result.stderr and "Traceback" not in result.stderr
    assert not (byline_home / "data" / "library" / "texts").exists() or not any(
        (byline_home / "data" / "library" / "texts").iterdir()
    ), "nothing of the folder was added"


@pytest.mark.parametrize("command", ["add", "analyze"])
@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "1e9"])
def test_a_timeout_that_is_no_wait_is_refused(command, timeout, byline_home):
    result = byline(command, "http://127.0.0.1:9/", "--timeout", timeout)
    err = result.stderr.decode()
    assert result.returncode == 2 and "--timeout" in err and err.count("\n") == 1, err
