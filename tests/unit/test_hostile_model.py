"""`--model` naming something that is no pipeline (a folder with a bad config.cfg, the spacy
package itself, a file) is one line and exit status 2, never an internal error."""

from __future__ import annotations

import pytest

from .test_cli import byline


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The harbour board met on Monday and approved the pier.\n", encoding="utf-8")
    return path


def bad_folder(tmp_path):
    folder = tmp_path / "pipeline"
    folder.mkdir()
    (folder / "config.cfg").write_text("[nlp\nlang = en\n", encoding="utf-8")
    (folder / "meta.json").write_text('{"lang": "en", "name": "broken", "version": "1.0"}', encoding="utf-8")
    return str(folder)


def empty_config(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "config.cfg").write_text("", encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("model", [bad_folder, lambda tmp: "spacy", empty_config, lambda tmp: "\x1b[31mred"])
@pytest.mark.parametrize("command", ["analyze", "add"])
def test_a_model_that_is_no_pipeline_is_one_line(tmp_path, story, model, command):
    name = model(tmp_path)
    result = byline(command, str(story), "--model", name, *(["--jobs", "1"] if command == "add" else []))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "internal error" not in err and "Traceback" not in err and "\x1b" not in err
    assert err.strip().splitlines()[-1].startswith("byline:") and "pipeline" in err
