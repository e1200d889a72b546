"""Hostile and unlucky stores: damaged records, symbolic links into synced folders, temporary files
of killed writers, any JSON value anywhere. Each ends in a clear line or a correct result, never
a traceback, never a lost or rewritten record."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.errors import StoreError
from byline.tui.core.session import Session
from byline.tui.core.sources import from_text
from byline.tui.core.store import Store

TEXT = "Ferry strike\n\nDockworkers in Velmora walked out on Monday. The union said talks had failed.\n"
ARTICLE = from_text(TEXT, "<stdin>")


def note(key: str, passage: str = "walked out", **kw) -> Annotation:
    start = TEXT.index(passage)
    return Annotation(id=new_id(), article=key, anchor=make_anchor(TEXT, start, start + len(passage)), **kw)


def stored_with(root: Path, records: dict[str, object]) -> tuple[str, Path, dict]:
    """A store whose article file holds one good note beside `records`, written as given."""
    store = Store(root)
    key, _ = store.article_id(ARTICLE)
    good = store.add(note(key, labels=["claim"], note="kept"))
    path = store.article_path(key)
    data = json.loads(path.read_text())
    data["annotations"].update(records)
    path.write_text(json.dumps(data))
    return good.id, path, data


DAMAGED = {
    "7": 42,
    "8": {"id": "no-anchor-7f3a", "article": "x", "labels": ["claim"]},
    "9": {"id": "bad-start-11", "anchor": {"exact": "x", "start": "twelve", "end": 14}},
    "10": {"id": ["a", "list"], "anchor": {"exact": "x", "start": 0, "end": 1}},
    "11": {"id": "labels-a-number", "anchor": {"exact": "x", "start": 0, "end": 1}, "labels": 5},
    "12": None,
}


def test_damaged_records_are_reported_skipped_and_kept_and_the_reader_opens(tmp_path):
    good, path, written = stored_with(tmp_path / "store", DAMAGED)
    store = Store(tmp_path / "store")
    session = Session.open(ARTICLE, store)
    assert not session.readonly
    assert [a.id for a in session.annotations] == [good]
    assert len(store.skipped) == len(DAMAGED)
    assert all("\n" not in line and str(path) in line for line in store.skipped)
    for ident in ("no-anchor-7f3a", "bad-start-11", "labels-a-number", "record 7", "record 12"):
        assert any(ident in line for line in store.skipped), ident
    session.add(session.new((0, 5), labels=["question"]))
    session.save_all()
    after = json.loads(path.read_text())["annotations"]
    assert {doc: after[doc] for doc in DAMAGED} == {doc: written["annotations"][doc] for doc in DAMAGED}
    assert len(Store(tmp_path / "store").annotations(session.key)) == 2


def test_a_bad_meta_record_is_reported_and_the_store_still_works(tmp_path):
    key, _ = Store(tmp_path / "store").article_id(ARTICLE)
    path = Store(tmp_path / "store").article_path(key)
    data = json.loads(path.read_text())
    data["meta"]["1"] = "not a record"
    path.write_text(json.dumps(data))
    store = Store(tmp_path / "store")
    assert store.article_id(ARTICLE) == (key, False)  # listed again from its kept text
    store.add(note(key))
    assert not store.readonly and any("meta record" in line for line in store.skipped)
    assert json.loads(path.read_text())["meta"]["1"] == "not a record"
    assert [r["id"] for r in Store(tmp_path / "store").records()] == [key]


def test_damaged_article_records_of_an_old_list_are_skipped_said_and_kept_in_its_backup(tmp_path):
    root = tmp_path / "store"
    key, _ = Store(root).article_id(ARTICLE)
    old = {"meta": {"1": {"schema": 2}}, "articles": {"50": [1, 2], "51": {"id": "sha-missing"}}}
    (root / "index.json").write_text(json.dumps(old))  # the one list of every article schema 2 kept
    store = Store(root)
    assert [r["id"] for r in store.records()] == [key]
    assert store.article_id(ARTICLE) == (key, False)
    store.article_id(from_text("Another\n\nStory.\n", "<stdin>"))
    assert json.loads((root / "index.v2-backup.json").read_text()) == old
    assert len(store.skipped) == 2 and all("\n" not in line for line in store.skipped)


def test_a_damaged_record_of_an_article_is_made_again_and_kept_beside(tmp_path):
    root = tmp_path / "store"
    key, _ = Store(root).article_id(ARTICLE)
    path = Store(root).article_path(key)
    data = json.loads(path.read_text())
    data["meta"]["1"]["record"] = [1, 2]
    path.write_text(json.dumps(data))
    store = Store(root)
    assert [r["id"] for r in store.records()] == [key]
    assert store.article_id(ARTICLE) == (key, False)
    meta = json.loads(path.read_text())["meta"]["1"]
    assert meta["record"]["id"] == key and meta["damaged records"] == [[1, 2]]


def test_escape_codes_in_a_damaged_record_never_reach_a_message(tmp_path):
    stored_with(tmp_path / "store", {"7": {"id": "\x1b]0;pwned\x07", "anchor": 3}})
    store = Store(tmp_path / "store")
    store.annotations(store.article_id(ARTICLE)[0])
    (line,) = store.skipped
    assert "\x1b" not in line and "\x07" not in line and "pwned" in line


def test_numbers_beyond_64_bits_and_nan_in_a_record_are_kept_as_they_were(tmp_path):
    good, path, _ = stored_with(tmp_path / "store", {})
    raw = path.read_text().replace(
        '"orphan": false', '"orphan": false, "weight":123456789012345678901234567890,"x":NaN', 1
    )
    path.write_text(raw)
    store = Store(tmp_path / "store")
    key = store.article_id(ARTICLE)[0]
    assert [a.id for a in store.annotations(key)] == [good]
    store.add(note(key, passage="talks"))
    back = json.loads(path.read_text())
    (record,) = [r for r in back["annotations"].values() if r["id"] == good]
    assert record["weight"] == 123456789012345678901234567890 and math.isnan(record["x"])


# -- symbolic links into synced folders ----------------------------------------------------------
def test_a_store_file_that_is_a_link_keeps_being_a_link_and_its_target_is_updated(tmp_path):
    root = tmp_path / "store"
    store = Store(root)
    key, _ = store.article_id(ARTICLE)
    synced = tmp_path / "synced"
    synced.mkdir()
    path = store.article_path(key)
    target = synced / path.name
    os.replace(path, target)
    path.symlink_to(target)
    store = Store(root)
    store.add(note(key, note="through the link"))
    store.article_id(from_text("A second story\n\nWith words.\n", "<stdin>"))
    assert path.is_symlink(), path
    assert "through the link" in (synced / f"{key}.json").read_text()
    assert len(Store(root).records()) == 2
    assert [p.name for p in synced.iterdir() if p.name.endswith(".tmp")] == []


def test_an_old_store_that_is_a_link_is_moved_and_its_target_left_as_it_was(tmp_path):
    from byline.tui.core.paths import legacy_store_file

    synced = tmp_path / "synced" / "annotations.json"
    synced.parent.mkdir()
    synced.write_text(json.dumps({"meta": {"1": {"schema": 1}}, "articles": {}, "annotations": {}}))
    before = synced.read_bytes()
    legacy_store_file().parent.mkdir(parents=True)
    legacy_store_file().symlink_to(synced)
    store = Store()
    assert not store.readonly and synced.read_bytes() == before
    assert legacy_store_file().with_name("annotations.v1-backup.json").is_symlink()


# -- temporary files of killed writers ------------------------------------------------------------
def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half a write")
    past = time.time() - seconds
    os.utime(path, (past, past))
    return path


def test_stale_temporary_files_of_killed_writers_are_swept_and_nothing_else(tmp_path):
    root = tmp_path / "store"
    store = Store(root)
    key, _ = store.article_id(ARTICLE)
    store.add(note(key))
    dead = _dead_pid()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = [
            _aged(root / f".index.json.{dead}.140.tmp", 30),
            _aged(root / "articles" / f".{key}.json.{dead}.77.tmp", 30),
            _aged(root / "articles" / f".{key}.json.{sleeper.pid}.5.tmp", 3600),
        ]
        alive = [
            _aged(root / f".index.json.{sleeper.pid}.9.tmp", 30),  # its writer may still rename it
            _aged(root / f".index.json.{dead}.3.tmp", 0),  # too young to judge
            _aged(root / ".notes-of-mine.tmp", 3600),
            _aged(root / "articles" / "readme.txt", 3600),
        ]
        store = Store(root)
        store.add(note(key, passage="talks"))
        assert [p.name for p in stale if p.exists()] == []
        assert [p.name for p in alive if not p.exists()] == []
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_killed_writer_of_an_old_store_leaves_nothing_behind_after_the_move(tmp_path):
    from byline.tui.core.paths import legacy_store_file

    old = legacy_store_file()
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps({"meta": {"1": {"schema": 1}}, "articles": {}, "annotations": {}}))
    leftover = _aged(old.with_name(f".annotations.json.{_dead_pid()}.12.tmp"), 30)
    Store()
    assert not leftover.exists()


# -- any JSON value anywhere -------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
annotation_like = st.fixed_dictionaries(
    {
        "id": json_values | st.text(min_size=1, max_size=10),
        "anchor": json_values | st.fixed_dictionaries({"exact": json_values, "start": json_values, "end": json_values}),
        "labels": json_values,
        "note": json_values,
        "kind": json_values,
        "orphan": json_values,
    },
    optional={"entity": json_values, "created": json_values, "fix": json_values, "article": json_values},
)
article_like = st.fixed_dictionaries(
    {"id": json_values | st.text(min_size=1, max_size=10), "sha256": json_values},
    optional={"path": json_values, "title": json_values, "words": json_values},
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(record=json_values | annotation_like)
def test_any_json_value_as_an_annotation_record_never_crashes_and_is_kept(record):
    with tempfile.TemporaryDirectory() as folder:
        good, path, written = stored_with(Path(folder) / "store", {"99": record})
        store = Store(Path(folder) / "store")
        session = Session.open(ARTICLE, store)
        assert good in {a.id for a in session.annotations}
        store.add(note(session.key, passage="talks"))
        assert json.loads(path.read_text())["annotations"]["99"] == written["annotations"]["99"]


@FAST
@given(record=json_values | article_like, meta=json_values)
def test_any_json_value_as_an_articles_record_never_crashes_and_is_kept(record, meta):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        key, _ = Store(root).article_id(ARTICLE)
        path = Store(root).article_path(key)
        data = json.loads(path.read_text())
        data["meta"]["1"]["record"], data["meta"]["7"] = record, meta
        path.write_text(json.dumps(data))
        store = Store(root)
        store.records()
        session = Session.open(ARTICLE, store)
        assert not store.readonly and session.key == key
        store.article_id(from_text("Fresh\n\nText.\n", "<stdin>"))
        after = json.loads(path.read_text())["meta"]
        assert after["7"] == meta
        assert after["1"]["record"] == record or record in after["1"]["damaged records"]


@FAST
@given(content=json_values)
def test_any_json_document_as_a_store_file_never_crashes(content):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        key, _ = Store(root).article_id(ARTICLE)
        raw = json.dumps(content).encode()
        article = Store(root).article_path(key)
        for path in (article, root / "index.json"):
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(raw)
            store = Store(root)
            Session.open(ARTICLE, store)
            if store.readonly:  # only an article file that cannot be read makes it so
                assert article.read_bytes() == raw and "\n" not in store.problem
            kept = [p for p in root.glob("index.*.json")]  # an old list of articles: kept beside
            assert all(p.read_bytes() == raw for p in kept)
            for p in kept:
                p.unlink()


@pytest.mark.parametrize("junk", [b"\xff\xfe\x00garbage", b"{" * 5000 + b"}" * 5000, b"[" * 100_000])
def test_binary_and_deeply_nested_store_files_are_left_alone(tmp_path, junk):
    root = tmp_path / "store"
    key, _ = Store(root).article_id(ARTICLE)
    (root / "index.json").write_bytes(junk)
    store = Store(root)
    assert not store.readonly and (root / "index.damaged.json").read_bytes() == junk
    store.article_path(key).write_bytes(junk)
    store = Store(root)
    with pytest.raises(StoreError):
        store.add(note(key))
    assert store.readonly and store.article_path(key).read_bytes() == junk


def test_a_killed_writer_through_a_link_leaves_nothing_beside_its_target_and_others_files_stay(tmp_path):
    root = tmp_path / "store"
    key, _ = Store(root).article_id(ARTICLE)
    synced = tmp_path / "synced"
    synced.mkdir()
    path = Store(root).article_path(key)
    os.replace(path, synced / path.name)
    path.symlink_to(synced / path.name)
    dead = _dead_pid()
    ours = _aged(synced / f".{path.name}.{dead}.4.tmp", 30)
    theirs = _aged(synced / f".photos.db.{dead}.4.tmp", 30)  # another program's file in the shared folder
    Store(root).add(note(key))
    assert not ours.exists() and theirs.exists()


def test_an_old_store_naming_a_url_or_a_pipe_as_its_article_reads_neither(tmp_path):
    from byline.tui.core.paths import legacy_store_file

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    records = {
        str(i): {"id": f"{i:032x}", "path": path, "sha256": "0" * 64, "title": "t", "seen": "x"}
        for i, path in enumerate([str(pipe), "http://127.0.0.1:9/story", "/etc/shadow"], start=1)
    }
    legacy_store_file().parent.mkdir(parents=True)
    legacy_store_file().write_text(json.dumps({"meta": {"1": {"schema": 1}}, "articles": records, "annotations": {}}))
    store = Store()  # would hang on the pipe, or fetch, if it read them
    assert not store.readonly and len(store.records()) == 3
    assert not any((store.path / "texts").glob("*"))
