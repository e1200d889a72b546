"""A config of thousands of labels or key remaps is read at once: the nine labels that have keys
are used, and what is wrong is at most a few lines, the last one counting the rest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.config import MAX_WARNINGS, check_keymap, load_config
from byline.tui.keys import KEYS


def labels_file(path, count: int) -> None:
    path.write_text(
        "".join(
            f'[[labels]]\nname = "label {i}"\nkey = "{i % 12}"\ncolor = "#{i % 256:02x}a0a0"\n\n' for i in range(count)
        ),
        encoding="utf-8",
    )


def test_5000_labels_give_nine_labels_and_a_few_lines(tmp_path):
    path = tmp_path / "config.toml"
    labels_file(path, 5000)
    config = load_config(path)
    assert sorted(label["key"] for label in config.labels) == list("123456789")
    assert len(config.warnings) <= MAX_WARNINGS
    assert any("more labels are left out" in line for line in config.warnings)


def test_5000_unknown_actions_give_a_few_lines(tmp_path):
    known = [(b.id, b.key, k.scope) for k in KEYS for b in k.bindings() if b.id]
    applied, warnings = check_keymap({f"nxt-sentence-{i}": "z" for i in range(5000)}, known)
    assert applied == {} and len(warnings) == MAX_WARNINGS
    assert "did you mean" in warnings[0] and "4993 more problems" in warnings[-1]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 60))
def test_any_number_of_labels_keeps_one_label_per_key(count):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        labels_file(path, count)
        config = load_config(path)
    keys = [label["key"] for label in config.labels]
    assert len(keys) == len(set(keys)) == min(count, 9) and len(config.warnings) <= MAX_WARNINGS
