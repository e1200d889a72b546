"""What the reader may set in config.toml: key remaps and labels.

A config file is written by hand, so reading it never fails: every problem (a file that is not
TOML, a colour that is not a colour, two labels on one key, an unknown action in [keys], one key
bound twice) becomes one line in `Config.warnings`, and the default is used in its place. The app
shows each line as a notification at start; `byline export` prints them.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from .annotation import DEFAULT_LABELS
from .colour import parse_colour
from .paths import config_file
from .visible import one_line

DIGITS = "123456789"
#: Problems said one by one; beyond this many, one more line counts the rest (a config of 5,000
#: labels must not become 5,000 notifications).
MAX_WARNINGS = 8
#: Binding scopes that are active at the same time (keys.py: a key of the article pane and one of
#: the reader, or of the app, would shadow each other).
ACTIVE_TOGETHER: tuple[tuple[str, ...], ...] = (("app", "reader", "article"), ("app", "reader", "list"))
#: Colours for labels that give none, by position (the default labels' colours).
DEFAULT_COLOURS = tuple(label.color for label in DEFAULT_LABELS)


@dataclass
class Config:
    """What the reader may set in config.toml, checked: labels each have a name, a key from 1 to 9
    no other label has, and a `#rrggbb` colour; `warnings` says what was wrong and what was used."""

    keymap: dict[str, str] = field(default_factory=dict)
    labels: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _shown(value: object) -> str:
    return one_line(repr(value) if not isinstance(value, str) else f"'{value}'")


def load_config(path: Path | None = None) -> Config:
    """Read config.toml; a missing file is the default config, a broken one the default config
    with a warning that says why."""
    path = path or config_file()
    where = one_line(str(path))
    try:
        if not path.is_file():
            return Config(warnings=[f"config file {where} is not a file; using the defaults"] if path.exists() else [])
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        return Config(warnings=[f"config file {where} cannot be read ({one_line(str(exc))}); using the defaults"])
    warnings: list[str] = []
    keys, labels = data.get("keys", {}), data.get("labels", [])
    if not isinstance(keys, dict):
        warnings.append('config: [keys] must be a table of action = "keys"; using the default keys')
        keys = {}
    if not isinstance(labels, list):
        warnings.append("config: labels must be a list of [[labels]] tables; using the default labels")
        labels = []
    keymap = {}
    for action, value in keys.items():
        if not isinstance(value, str) or not value.strip() or any(not ch.isprintable() for ch in value):
            warnings.append(
                f"config: [keys] {_shown(action)} = {_shown(value)} is not a list of keys; it keeps its default keys"
            )
            continue
        keymap[action] = value
    labels = check_labels(labels, warnings)
    return Config(keymap=keymap, labels=labels, warnings=capped(warnings))


def capped(warnings: list[str]) -> list[str]:
    """At most MAX_WARNINGS lines, the last one counting what was left unsaid."""
    if len(warnings) <= MAX_WARNINGS:
        return warnings
    rest = len(warnings) - (MAX_WARNINGS - 1)
    return [*warnings[: MAX_WARNINGS - 1], f"config: and {rest} more problems like these; fix the file to see them"]


def check_labels(entries: list, warnings: list[str]) -> list[dict]:
    """The [[labels]] a reader can use (name, key, color), each problem added to `warnings`."""
    kept: list[dict] = []
    wanted: list[tuple[dict, object]] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            warnings.append(f"config: label {number} has no name; it is left out")
            continue
        if name in names:
            warnings.append(f"config: label {_shown(name)} is defined twice; the second is left out")
            continue
        names.add(name)
        colour = parse_colour(entry.get("color")) if "color" in entry else None
        default = DEFAULT_COLOURS[(number - 1) % len(DEFAULT_COLOURS)]
        if colour is None and "color" in entry:
            warnings.append(
                f"config: label {_shown(name)} has colour {_shown(entry['color'])}, which is not a "
                f"colour (use #rrggbb or a colour name); using {default}"
            )
        label: dict = {"name": name, "key": None, "color": colour or default}
        kept.append(label)
        wanted.append((label, entry.get("key", number if number <= 9 else None)))
    # Keys: each label its own digit; a missing, bad or taken key gets the first free one.
    taken: dict[str, str] = {}
    left_out: list[str] = []
    for label, key in wanted:
        key = str(key) if isinstance(key, (str, int)) and not isinstance(key, bool) else None
        if key and key in DIGITS and len(key) == 1 and key not in taken:
            label["key"] = key
            taken[key] = label["name"]
    for label, key in wanted:
        if label["key"] is not None:
            continue
        free = next((d for d in DIGITS if d not in taken), None)
        key_text = str(key) if isinstance(key, (str, int)) and not isinstance(key, bool) else None
        if key is None and free is not None:  # no key given and its position's taken: quietly the next
            label["key"] = free
            taken[free] = label["name"]
            continue
        if key_text in taken:
            why = f"uses key {_shown(key_text)}, like {_shown(taken[key_text])}"
        else:
            why = f"has key {_shown(key)}, not a digit from 1 to 9"
        if free is None:
            left_out.append(label["name"])
            if len(left_out) == 1:
                warnings.append(f"config: label {_shown(label['name'])} {why}, and no key is free; it is left out")
            continue
        warnings.append(f"config: label {_shown(label['name'])} {why}; it gets key {free}")
        label["key"] = free
        taken[free] = label["name"]
    if len(left_out) > 1:
        warnings.append(f"config: {len(left_out) - 1} more labels are left out: there are only 9 keys (1 to 9)")
    return [label for label in kept if label["key"] is not None]


def key_name(key: str) -> str:
    """A key as Textual names it: one character by its Unicode name (")" is right_parenthesis)."""
    key = key.strip()
    if len(key) == 1 and not key.isalnum():
        try:
            return unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            return key
    return key


def check_keymap(
    keymap: dict[str, str],
    bindings: Iterable[tuple[str, str, str]],
    together: tuple[tuple[str, ...], ...] = ACTIVE_TOGETHER,
) -> tuple[dict[str, str], list[str]]:
    """The remaps of `keymap` the app can apply, and a warning for each one it cannot.

    `bindings` are (id, keys, scope) of every binding (keys.py). A remap of an unknown id is
    dropped; a remap that puts a key on two bindings active at once keeps its default keys."""
    defaults = {binding_id: (keys, scope) for binding_id, keys, scope in bindings}
    warnings: list[str] = []
    applied: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in defaults:
            # a suggestion for the first few only: thousands of unknown ids must not take minutes
            close = get_close_matches(binding_id, list(defaults), n=1) if len(warnings) < MAX_WARNINGS else []
            hint = f" (did you mean {_shown(close[0])}?)" if close else ""
            warnings.append(f"config: [keys] has no action {_shown(binding_id)}; it is ignored{hint}")
        else:
            applied[binding_id] = keys

    def overlap(a: str, b: str) -> bool:
        return a == b or any(a in group and b in group for group in together)

    def keys_of(binding_id: str) -> set[str]:
        keys = applied.get(binding_id, defaults[binding_id][0])
        return {key_name(k) for k in keys.split(",") if k.strip()}

    changed = True
    while changed:  # dropping one remap can make another one clash with a default again
        changed = False
        for binding_id in list(applied):
            scope = defaults[binding_id][1]
            mine = keys_of(binding_id)
            for other, (_, other_scope) in defaults.items():
                if other == binding_id or not overlap(scope, other_scope):
                    continue
                shared = mine & keys_of(other)
                # Two remaps on one key: the first in the file keeps it.
                if shared and not (other in applied and list(applied).index(other) > list(applied).index(binding_id)):
                    written = next(k.strip() for k in applied[binding_id].split(",") if key_name(k) in shared)
                    warnings.append(
                        f"config: [keys] {_shown(binding_id)} = {_shown(applied[binding_id])} takes "
                        f"key {_shown(written)} from {_shown(other)}; "
                        f"{_shown(binding_id)} keeps its default keys"
                    )
                    del applied[binding_id]
                    changed = True
                    break
            if changed:
                break
    return applied, capped(warnings)
