"""The config file is written by hand: every problem in it is one line, and the default is used."""

from __future__ import annotations

import pytest

from byline.tui.core.annotation import labels_from_config
from byline.tui.core.colour import parse_colour
from byline.tui.core.config import check_keymap, load_config


def config(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


@pytest.mark.parametrize(
    "value, colour",
    [
        ("#e4568c", "#e4568c"),
        ("#ABC", "#aabbcc"),
        ("red", "#ff0000"),
        ("Rebecca Purple", "#663399"),
        ("rgb(10, 20, 30)", "#0a141e"),
        (" #FFFFFF ", "#ffffff"),
    ],
)
def test_colours_a_user_writes_become_hex(value, colour):
    assert parse_colour(value) == colour


@pytest.mark.parametrize(
    "value",
    [
        "notacolour",
        "bold red",
        "link https://x.example",
        "#12345",
        "#ggg",
        "rgb(300, 0, 0)",
        "",
        12,
        None,
        ["#fff"],
        "\x1b[31m",
    ],
)
def test_what_is_not_a_colour_is_refused(value):
    assert parse_colour(value) is None


def test_a_bad_colour_is_reported_and_the_default_used(tmp_path):
    found = config(tmp_path, '[[labels]]\nname = "claim"\nkey = "1"\ncolor = "bold link https://x.example"\n')
    assert found.labels == [{"name": "claim", "key": "1", "color": "#e4568c"}]
    (warning,) = found.warnings
    assert "'claim'" in warning and "not a colour" in warning and "#e4568c" in warning
    assert labels_from_config(found.labels)[0].color == "#e4568c"


def test_two_labels_on_one_key_are_reported_and_the_second_moves(tmp_path):
    found = config(tmp_path, '[[labels]]\nname = "claim"\nkey = "1"\n\n[[labels]]\nname = "doubt"\nkey = "1"\n')
    assert [(lab["name"], lab["key"]) for lab in found.labels] == [("claim", "1"), ("doubt", "2")]
    (warning,) = found.warnings
    assert "'doubt' uses key '1', like 'claim'; it gets key 2" in warning


def test_labels_without_a_name_or_with_a_bad_key_are_reported(tmp_path):
    found = config(
        tmp_path,
        '[[labels]]\nkey = "1"\n\n[[labels]]\nname = "doubt"\nkey = "x"\n\n[[labels]]\nname = "doubt"\nkey = "3"\n',
    )
    assert [(lab["name"], lab["key"]) for lab in found.labels] == [("doubt", "1")]
    assert len(found.warnings) == 3
    assert any("label 1 has no name" in w for w in found.warnings)
    assert any("'doubt' is defined twice" in w for w in found.warnings)
    assert any("has key 'x', not a digit" in w for w in found.warnings)


def test_a_broken_file_is_one_warning_and_the_defaults(tmp_path):
    found = config(tmp_path, "[keys\nthis is not toml")
    assert found.labels == [] and found.keymap == {}
    (warning,) = found.warnings
    assert "cannot be read" in warning and "using the defaults" in warning and "\n" not in warning


def test_wrong_shapes_are_reported(tmp_path):
    found = config(tmp_path, 'keys = 5\nlabels = "claim"\n')
    assert found.keymap == {} and found.labels == []
    assert len(found.warnings) == 2


def test_warnings_show_outside_strings_as_text(tmp_path):
    found = config(tmp_path, '[[labels]]\nname = "\\u001b]0;pwned\\u0007"\ncolor = "\\u009b31m"\n')
    assert found.warnings and not any(ch in w for w in found.warnings for ch in "\x1b\x07\x9b")


BINDINGS = [
    ("next-sentence", "right_parenthesis", "article"),
    ("down", "j,down", "article"),
    ("up", "k,up", "article"),
    ("next-note", "right_square_bracket", "reader"),
    ("quit", "ctrl+q", "app"),
    ("filter", "slash", "list"),
]


def test_an_unknown_action_is_reported_with_the_closest_id():
    keymap, warnings = check_keymap({"next-sentense": "n", "next-sentence": "n"}, BINDINGS)
    assert keymap == {"next-sentence": "n"}
    (warning,) = warnings
    assert "no action 'next-sentense'" in warning and "did you mean 'next-sentence'?" in warning


def test_a_key_bound_twice_keeps_the_default():
    keymap, warnings = check_keymap({"next-sentence": "n", "next-note": "n", "up": "j"}, BINDINGS)
    assert keymap == {"next-sentence": "n"}
    assert len(warnings) == 2
    assert any("'next-note'" in w and "takes key 'n' from 'next-sentence'" in w for w in warnings)
    assert any("'up'" in w and "from 'down'" in w for w in warnings)


def test_keys_of_scopes_never_active_together_may_be_shared():
    keymap, warnings = check_keymap({"filter": "n", "next-sentence": "n"}, BINDINGS)
    assert keymap == {"filter": "n", "next-sentence": "n"} and warnings == []


def test_a_character_and_its_key_name_are_the_same_key():
    keymap, warnings = check_keymap({"next-note": ")"}, BINDINGS)
    assert keymap == {} and "takes key ')'" in warnings[0]
