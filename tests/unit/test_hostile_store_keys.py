"""Keys of a hand-edited store file: a key of 5,000 digits, a key with leading zeros, a key that
is no number. Adding beside them works and never overwrites one."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.tui.core.sources import from_text
from byline.tui.core.store import Store
from byline.tui.core.tablefile import TableFile

from .test_cli import byline


def test_an_index_key_of_5000_digits_is_no_error(tmp_path, byline_home):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The mayor of Riga spoke on Tuesday about the harbour.\n", encoding="utf-8")
    second.write_text("The port of Tallinn handled 40 ships in May, its director said.\n", encoding="utf-8")
    assert byline("add", str(first), "--jobs", "1").returncode == 0
    folder = byline_home / "data" / "library"
    (path,) = (folder / "articles").glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    record = data["meta"]["1"].pop("record")  # a library of schema 2: its records in one list
    path.write_text(json.dumps(data), encoding="utf-8")
    index = {"meta": {"1": {"schema": 2}}, "articles": {"9" * 5000: record}}
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    added = byline("add", str(second), "--jobs", "1")
    assert added.returncode == 0, added.stderr.decode()
    listed = byline("library", "--format", "json")
    assert listed.returncode == 0
    assert sorted(r["title"][:12] for r in json.loads(listed.stdout)) == ["The mayor of", "The port of "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="0123456789x", min_size=1, max_size=30), max_size=6, unique=True))
def test_inserting_beside_any_keys_keeps_every_record(tmp_path_factory, keys):
    path = tmp_path_factory.mktemp("keys") / "t.json"
    path.write_text(json.dumps({"t": {key: {"id": key} for key in keys}}), encoding="utf-8")
    file = TableFile(path)
    file.modify(lambda tables: file.insert(tables, "t", {"id": "new"}) and None)
    table = json.loads(path.read_text(encoding="utf-8"))["t"]
    assert sorted(r["id"] for r in table.values()) == sorted([*keys, "new"])


def test_the_store_adds_an_article_beside_a_huge_key(tmp_path):
    store = Store(tmp_path / "lib")
    key, _ = store.article_id(from_text("One story about the council.\n", "one"))
    path = store.article_path(key)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"] = {"1" * 5000: "a hand-edited record", "2" * 5000: data["meta"]["1"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    again = Store(tmp_path / "lib")
    again.article_id(from_text("Another story about the port.\n", "two"))
    assert again.article_id(from_text("One story about the council.\n", "one")) == (key, False)
    assert len(again.records()) == 2
    assert json.loads(path.read_text(encoding="utf-8"))["meta"]["1" * 5000] == "a hand-edited record"
