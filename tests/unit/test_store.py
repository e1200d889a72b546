"""The annotation store: durable, shared safely, never overwriting a damaged file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import ROOT
from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.sources import from_text, load_article
from byline.tui.core.errors import StoreError
from byline.tui.core.store import Store

TEXT = "Title\n\nFirst paragraph with a claim in it. Second sentence.\n\nLast paragraph.\n"


def note(key: str, text: str = TEXT, passage: str = "a claim", **kw) -> Annotation:
    start = text.index(passage)
    return Annotation(id=new_id(), article=key, anchor=make_anchor(text, start, start + len(passage)), **kw)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def test_annotations_persist_across_instances(tmp_path, article):
    store = Store(tmp_path / "db.json")
    key, changed = store.article_id(article)
    assert not changed
    store.add(note(key, labels=["claim"], note="check this"))
    again = Store(tmp_path / "db.json")
    assert again.article_id(article) == (key, False)
    (found,) = again.annotations(key)
    assert found.labels == ["claim"] and found.note == "check this" and found.passage == "a claim"


def test_writes_leave_no_temporary_files(tmp_path, article):
    store = Store(tmp_path / "db.json")
    key, _ = store.article_id(article)
    for _ in range(5):
        store.add(note(key))
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    json.loads((tmp_path / "db.json").read_text())  # always a whole JSON document


@pytest.mark.parametrize("content", [b"{not json", b"\x00\x01garbage", b"[1, 2, 3]"], ids=["broken", "binary", "wrong-shape"])
def test_damaged_store_is_left_alone_and_read_only(tmp_path, article, content):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    store = Store(path)
    assert store.readonly
    assert str(path) in store.problem and "move that file aside" in store.problem
    assert "\n" not in store.problem
    with pytest.raises(StoreError):
        store.add(note("x"))
    assert path.read_bytes() == content


def test_store_from_a_newer_byline_is_read_only(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 99}}}))
    store = Store(path)
    assert store.readonly and "newer Byline" in store.problem


def test_changed_article_is_reanchored_and_lost_passages_kept_as_orphans(tmp_path, article):
    store = Store(tmp_path / "db.json")
    key, _ = store.article_id(article)
    kept = store.add(note(key, passage="Second sentence", labels=["claim"]))
    lost = store.add(note(key, passage="Last paragraph", note="gone soon"))
    new_text = "Title\n\nA brand new opening paragraph.\n\nFirst paragraph with a claim in it. Second sentence.\n"
    article.path.write_text(new_text, encoding="utf-8")
    edited = load_article(article.path)
    key2, changed = store.article_id(edited)
    assert key2 == key and changed
    found = {a.id: a for a in store.reanchor(key, edited.text)}
    assert not found[kept.id].orphan and edited.text[found[kept.id].start : found[kept.id].end] == "Second sentence"
    assert found[lost.id].orphan and found[lost.id].note == "gone soon"
    assert {a.id for a in Store(tmp_path / "db.json").annotations(key)} == {kept.id, lost.id}


def test_same_text_from_stdin_finds_the_same_annotations(tmp_path, article):
    store = Store(tmp_path / "db.json")
    key, _ = store.article_id(article)
    store.add(note(key))
    piped = from_text(TEXT, "<stdin>")
    assert store.article_id(piped)[0] == key


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from byline.tui.core.anchor import make_anchor
    from byline.tui.core.annotation import Annotation, new_id
    from byline.tui.core.store import Store
    store = Store({db!r})
    text = "x" * 100
    for i in range({count}):
        a = Annotation(id=new_id(), article="shared", anchor=make_anchor(text, i % 90, i % 90 + 5), note={tag!r} + str(i))
        store.add(a)
        print(a.id, flush=True)
    """
)


def _writer(db, count: int, tag: str) -> subprocess.Popen:
    code = WRITER.format(root=str(ROOT), db=str(db), count=count, tag=tag)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def test_two_processes_adding_500_each_lose_nothing(tmp_path):
    db = tmp_path / "db.json"
    procs = [_writer(db, 500, "a"), _writer(db, 500, "b")]
    outputs = [p.communicate(timeout=300)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    stored = Store(db).annotations("shared")
    assert len(stored) == 1000
    assert {a.id for a in stored} == set(outputs[0]) | set(outputs[1])


def test_sigkill_mid_stream_keeps_every_confirmed_change(tmp_path):
    db = tmp_path / "db.json"
    proc = _writer(db, 100_000, "k")
    confirmed = []
    deadline = time.time() + 60
    while len(confirmed) < 150 and time.time() < deadline:
        line = proc.stdout.readline()
        if line:
            confirmed.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    confirmed += [line.strip() for line in proc.stdout.read().split()]
    store = Store(db)
    assert not store.readonly, store.problem
    assert set(confirmed) <= {a.id for a in store.annotations("shared")}
    assert len(confirmed) >= 150
