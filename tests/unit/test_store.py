"""The store: durable, shared safely, a file per article, never overwriting a damaged file, and a
store of the one-file days moved into it once, with a backup."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.errors import StoreError
from byline.tui.core.sources import from_text, load_article
from byline.tui.core.store import Store
from tests.conftest import OUTSIDE

TEXT = "Title\n\nFirst paragraph with a claim in it. Second sentence.\n\nLast paragraph.\n"


def note(key: str, text: str = TEXT, passage: str = "a claim", **kw) -> Annotation:
    start = text.index(passage)
    return Annotation(id=new_id(), article=key, anchor=make_anchor(text, start, start + len(passage)), **kw)


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not p.name.endswith(".lock"))


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def test_annotations_persist_across_instances(tmp_path, article):
    store = Store(tmp_path / "store")
    key, changed = store.article_id(article)
    assert not changed
    store.add(note(key, labels=["claim"], note="check this"))
    again = Store(tmp_path / "store")
    assert again.article_id(article) == (key, False)
    (found,) = again.annotations(key)
    assert found.labels == ["claim"] and found.note == "check this" and found.passage == "a claim"


def test_one_file_per_article_and_each_is_a_tinydb_file(tmp_path, article):
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    other, _ = store.article_id(from_text("Another story\n\nSomething else happened.\n", "<stdin>"))
    store.add(note(key, labels=["claim"]))
    store.add(note(other, text="Another story\n\nSomething else happened.\n", passage="Something"))
    user = [name for name in files(tmp_path / "store") if not name.startswith("catalogue.sqlite3")]
    assert user == sorted([f"articles/{key}.json", f"articles/{other}.json", f"texts/{key}.txt", f"texts/{other}.txt"])
    for k, text in ((key, TEXT), (other, "Another story\n\nSomething else happened.\n")):
        with TinyDB(tmp_path / "store" / "articles" / f"{k}.json") as db:
            (meta,) = db.table("meta").all()  # the article's record lives in its own file
            assert meta["record"]["id"] == k and meta["record"]["sha256"] == from_text(text, "<stdin>").sha256
    with TinyDB(tmp_path / "store" / "articles" / f"{key}.json") as db:
        assert [d["labels"] for d in db.table("annotations").all()] == [["claim"]]


def test_writes_leave_no_temporary_files_and_always_whole_json(tmp_path, article):
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    for _ in range(5):
        store.add(note(key))
    leftovers = [p.name for p in (tmp_path / "store").rglob("*.tmp")]
    assert leftovers == []
    for name in files(tmp_path / "store"):
        if name.endswith(".json"):
            json.loads((tmp_path / "store" / name).read_text())


def test_new_store_files_are_for_their_owner_only(tmp_path, article):
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    store.add(note(key, note="a private thought"))
    catalogue = store.path / "catalogue.sqlite3"  # it holds the notes' words too
    for path in (catalogue, store.article_path(key), store.text_path(key)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_annotation_identity_is_the_whole_id(tmp_path, article):
    """Ids sharing their first 15 hex digits are different annotations (they were one before)."""
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    prefix = "0" * 16
    many = [Annotation(id=f"{prefix}{i:016x}", article=key, anchor=make_anchor(TEXT, 7, 12)) for i in range(300)]
    assert store.add_many(many) == 300
    assert store.add_many(many) == 0
    assert len(Store(tmp_path / "store").annotations(key)) == 300
    store.delete(many[5].id)
    assert len(Store(tmp_path / "store").annotations(key)) == 299


def test_delete_finds_the_article_of_an_annotation_it_never_read(tmp_path, article):
    key, _ = Store(tmp_path / "store").article_id(article)
    kept = Store(tmp_path / "store").add(note(key, note="keep"))
    gone = Store(tmp_path / "store").add(note(key, note="go"))
    Store(tmp_path / "store").delete(gone.id)
    assert [a.id for a in Store(tmp_path / "store").annotations(key)] == [kept.id]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\x00\x01garbage", b"[1, 2, 3]", b'{"articles": 5}'],
    ids=["broken", "binary", "wrong-shape", "table-not-a-table"],
)
def test_a_damaged_index_of_an_older_byline_is_kept_aside_and_every_article_listed(tmp_path, article, content):
    root = tmp_path / "store"
    key, _ = Store(root).article_id(article)
    Store(root).add(note(key, note="kept"))
    (root / "index.json").write_bytes(content)  # the one list of every article schema 2 kept
    store = Store(root)
    assert not store.readonly, store.problem
    (said,) = store.notices
    assert "index.damaged.json" in said and "every note" in said and "\n" not in said
    assert [r["id"] for r in store.records()] == [key]
    assert [a.note for a in store.annotations(key)] == ["kept"]
    assert (root / "index.damaged.json").read_bytes() == content and not (root / "index.json").exists()


def test_damaged_article_file_is_left_alone_and_other_articles_still_work(tmp_path, article):
    root = tmp_path / "store"
    store = Store(root)
    key, _ = store.article_id(article)
    store.add(note(key))
    other, _ = store.article_id(from_text("Other\n\nWords here.\n", "<stdin>"))
    store.add(note(other, text="Other\n\nWords here.\n", passage="Words"))
    store.article_path(key).write_bytes(b"{half a file")
    reader = Store(root)
    assert reader.annotations(key) == [] and reader.readonly
    assert str(store.article_path(key)) in reader.problem
    with pytest.raises(StoreError):
        reader.add(note(key))
    assert store.article_path(key).read_bytes() == b"{half a file"
    assert [a.passage for a in Store(root).annotations(other)] == ["Words"]


@pytest.mark.parametrize("where", ["index", "article"])
def test_store_file_from_a_newer_byline_is_read_only(tmp_path, article, where):
    root = tmp_path / "store"
    key, _ = Store(root).article_id(article)
    Store(root).add(note(key))
    path = root / "index.json" if where == "index" else Store(root).article_path(key)
    if where == "index":  # a list of every article, as a newer Byline might keep one
        path.write_text(json.dumps({"meta": {"1": {"schema": 2}}, "articles": {}}))
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema"] = 99
    path.write_text(json.dumps(data))
    store = Store(root)
    store.annotations(key)
    assert store.readonly and "newer Byline" in store.problem and str(path) in store.problem
    assert json.loads(path.read_text()) == data


def test_changed_article_is_reanchored_and_lost_passages_kept_as_orphans(tmp_path, article):
    store = Store(tmp_path / "store")
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
    assert {a.id for a in Store(tmp_path / "store").annotations(key)} == {kept.id, lost.id}
    assert Store(tmp_path / "store").text(key) == edited.text


def test_reanchoring_keeps_fields_this_byline_does_not_know(tmp_path, article):
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    ann = store.add(note(key, passage="Second sentence"))
    path = store.article_path(key)
    data = json.loads(path.read_text())
    (doc,) = data["annotations"]
    data["annotations"][doc]["colour_hint"] = "from a newer Byline"
    path.write_text(json.dumps(data))
    moved = "Title\n\nNew words first.\n\nFirst paragraph with a claim in it. Second sentence.\n"
    Store(tmp_path / "store").reanchor(key, moved)
    record = json.loads(path.read_text())["annotations"][doc]
    assert record["colour_hint"] == "from a newer Byline" and record["anchor"]["start"] == moved.index("Second")
    assert record["id"] == ann.id


def test_same_text_from_stdin_finds_the_same_annotations(tmp_path, article):
    store = Store(tmp_path / "store")
    key, _ = store.article_id(article)
    store.add(note(key))
    piped = from_text(TEXT, "<stdin>")
    assert store.article_id(piped)[0] == key


WRITER = textwrap.dedent(
    """
    from byline.tui.core.anchor import make_anchor
    from byline.tui.core.annotation import Annotation, new_id
    from byline.tui.core.sources import from_text
    from byline.tui.core.store import Store
    store = Store({db!r})
    text = "x" * 100
    key = {article!r} or store.article_id(from_text("Story {tag}\\n\\nWords of " + {tag!r} + ".\\n", "<stdin>"))[0]
    for i in range({count}):
        a = Annotation(id=new_id(), article=key, anchor=make_anchor(text, i % 90, i % 90 + 5), note={tag!r} + str(i))
        store.add(a)
        print(key, a.id, flush=True)
    """
)


def _writer(db, count: int, tag: str, article: str | None = "shared") -> subprocess.Popen:
    code = WRITER.format(db=str(db), count=count, tag=tag, article=article)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=OUTSIDE)


@pytest.mark.slow
def test_two_processes_adding_500_each_to_one_article_lose_nothing(tmp_path):
    db = tmp_path / "store"
    procs = [_writer(db, 500, "a"), _writer(db, 500, "b")]
    outputs = [p.communicate(timeout=300)[0].split()[1::2] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    stored = Store(db).annotations("shared")
    assert len(stored) == 1000
    assert {a.id for a in stored} == set(outputs[0]) | set(outputs[1])


def test_two_processes_adding_articles_and_notes_at_once_lose_nothing(tmp_path):
    """Each process adds its own article to the shared index, then its notes."""
    db = tmp_path / "store"
    procs = [_writer(db, 200, tag, article=None) for tag in ("a", "b", "c")]
    outputs = [p.communicate(timeout=300)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    store = Store(db)
    keys = {out[0] for out in outputs}
    assert {r["id"] for r in store.records()} == keys and len(keys) == 3
    for out in outputs:
        assert {a.id for a in store.annotations(out[0])} == set(out[1::2])


def test_sigkill_mid_stream_keeps_every_confirmed_change(tmp_path):
    db = tmp_path / "store"
    proc = _writer(db, 100_000, "k")
    confirmed = []
    deadline = time.time() + 60
    while len(confirmed) < 150 and time.time() < deadline:
        line = proc.stdout.readline()
        if line:
            confirmed.append(line.split()[1])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    confirmed += proc.stdout.read().split()[1::2]
    store = Store(db)
    assert not store.readonly, store.problem
    assert set(confirmed) <= {a.id for a in store.annotations("shared")}
    assert len(confirmed) >= 150


# -- the one-file store of schema 1 ------------------------------------------------------------
#: Written by the store of commit 326baf3 (the last one-file store), two articles and four notes.
LEGACY_V1 = r"""{"meta":{"1":{"schema":1,"created":"2026-11-25T13:16:57+00:00"}},"articles":{"55863117397808362":{"id":"0c67735948ad4eaeb2d0ad42fdb0f6b5","path":"/notes/harbour.txt","sha256":"4932041a088646443ac66b846be657106f20a02cbc99f450956eade7ac509c79","title":"Harbour council votes","seen":"2026-11-25T13:16:57+00:00"},"1036469179773621399":{"id":"e62473a410c1497bb674b4669b28c4ae","path":null,"sha256":"c7cc8ba4881c14688ff91bbb4f81804d65d0d1dc55af9bcd01e8a39c220e65b5","title":"Rain in the valley","seen":"2026-11-25T13:16:57+00:00"}},"annotations":{"725079540006649856":{"id":"a100000000000000000000000000000","article":"0c67735948ad4eaeb2d0ad42fdb0f6b5","anchor":{"exact":"close the old harbour","prefix":" Port Alder voted on Tuesday to ","suffix":". Mayor Ilse Varga called it a s","start":69,"end":90},"labels":["claim"],"note":"check the vote count","kind":"annotation","entity":null,"created":"2025-01-02T03:04:05+00:00","modified":"2025-01-02T03:04:05+00:00","orphan":false},"729583139634020352":{"id":"a200000000000000000000000000000","article":"0c67735948ad4eaeb2d0ad42fdb0f6b5","anchor":{"exact":"a sad day","prefix":"our. Mayor Ilse Varga called it ","suffix":".\n","start":119,"end":128},"labels":["opinion"],"note":"","kind":"annotation","entity":null,"created":"2025-01-02T03:04:05+00:00","modified":"2025-01-02T03:04:05+00:00","orphan":false},"734086739261390848":{"id":"a300000000000000000000000000000","article":"0c67735948ad4eaeb2d0ad42fdb0f6b5","anchor":{"exact":"Ilse Varga","prefix":"to close the old harbour. Mayor ","suffix":" called it a sad day.\n","start":98,"end":108},"labels":[],"note":"","kind":"correction","entity":"PERSON","created":"2025-01-02T03:04:05+00:00","modified":"2025-01-02T03:04:05+00:00","orphan":false},"797137134044577792":{"id":"b100000000000000000000000000000","article":"e62473a410c1497bb674b4669b28c4ae","anchor":{"exact":"three days of rain","prefix":"y\n\nForecasters in Tullin expect ","suffix":". Farmers said the harvest was l","start":49,"end":67},"labels":["needs-check"],"note":"which forecasters?","kind":"annotation","entity":null,"created":"2025-01-02T03:04:05+00:00","modified":"2025-01-02T03:04:05+00:00","orphan":false}}}"""
HARBOUR = (
    "Harbour council votes\n\nThe council of Port Alder voted on Tuesday to close the old harbour. "
    "Mayor Ilse Varga called it a sad day.\n"
)
RAIN = "Rain in the valley\n\nForecasters in Tullin expect three days of rain. Farmers said the harvest was late.\n"
HARBOUR_KEY, RAIN_KEY = "0c67735948ad4eaeb2d0ad42fdb0f6b5", "e62473a410c1497bb674b4669b28c4ae"


@pytest.fixture
def legacy(tmp_path) -> Path:
    """An old store in the default place, its first article's file where it says it is."""
    harbour = tmp_path / "harbour.txt"
    harbour.write_text(HARBOUR, encoding="utf-8")
    from byline.tui.core.paths import legacy_store_file

    old = legacy_store_file()
    old.parent.mkdir(parents=True)
    old.write_text(LEGACY_V1.replace("/notes/harbour.txt", str(harbour)), encoding="utf-8")
    return old


def test_an_old_store_is_moved_into_the_library_on_first_start_with_a_backup(legacy, tmp_path):
    original = legacy.read_bytes()
    store = Store()
    assert not store.readonly, store.problem
    assert not legacy.exists()
    backup = legacy.with_name("annotations.v1-backup.json")
    assert backup.read_bytes() == original
    assert len(store.notices) == 1 and "annotations.v1-backup.json" in store.notices[0]
    harbour = load_article(tmp_path / "harbour.txt")
    assert store.article_id(harbour) == (HARBOUR_KEY, False)
    notes = store.annotations(HARBOUR_KEY)
    assert [(a.passage, a.labels, a.note, a.kind) for a in notes] == [
        ("close the old harbour", ["claim"], "check the vote count", "annotation"),
        ("Ilse Varga", [], "", "correction"),
        ("a sad day", ["opinion"], "", "annotation"),
    ]
    assert store.text(HARBOUR_KEY) == HARBOUR  # its file still held it: kept for when it is gone
    assert store.text(RAIN_KEY) is None  # it came from standard input: kept when it is read again
    assert store.article_id(from_text(RAIN, "<stdin>")) == (RAIN_KEY, False)
    assert [a.note for a in store.annotations(RAIN_KEY)] == ["which forecasters?"]
    assert store.text(RAIN_KEY) == RAIN
    again = Store()
    assert again.notices == [] and len(again.annotations(HARBOUR_KEY)) == 3


def test_a_damaged_old_store_is_not_moved_and_not_touched(legacy):
    legacy.write_bytes(b'{"meta": {"1": {"schema": 1}}, "annotations": {"1": ')
    store = Store()
    assert store.readonly and str(legacy) in store.problem
    assert legacy.read_bytes() == b'{"meta": {"1": {"schema": 1}}, "annotations": {"1": '
    assert not (store.path / "index.json").exists()


def test_an_old_store_from_a_newer_byline_is_not_moved(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 99}}}))
    store = Store(path)
    assert store.readonly and "newer Byline" in store.problem
    assert json.loads(path.read_text()) == {"meta": {"1": {"schema": 99}}}


def test_damaged_records_of_an_old_store_stay_in_its_backup(legacy):
    data = json.loads(legacy.read_text())
    data["annotations"]["5"] = 17
    data["annotations"]["6"] = {"id": "orphan-of-nothing", "anchor": {"exact": "x", "start": 0, "end": 1}}
    legacy.write_text(json.dumps(data))
    store = Store()
    assert "2 damaged records were not moved" in store.notices[0]
    assert len(store.skipped) == 2 and all("\n" not in line for line in store.skipped)
    assert json.loads(legacy.with_name("annotations.v1-backup.json").read_text()) == data
    assert len(store.annotations(HARBOUR_KEY)) == 3


def test_a_migration_cut_short_runs_again_and_adds_nothing_twice(legacy):
    """Killed after the articles' files were written, before the index: the next start does it all."""
    store_dir = legacy.with_name("library")
    articles = store_dir / "articles"
    articles.mkdir(parents=True)
    first = json.loads(legacy.read_text())
    partial = {
        "meta": {"1": {"schema": 2}},
        "annotations": {"1": next(r for r in first["annotations"].values() if r["article"] == HARBOUR_KEY)},
    }
    (articles / f"{HARBOUR_KEY}.json").write_text(json.dumps(partial))
    store = Store()
    assert len(store.annotations(HARBOUR_KEY)) == 3 and not legacy.exists()


def test_two_copies_starting_at_once_migrate_once(legacy):
    code = "from byline.tui.core.store import Store; s = Store(); print(len(s.notices), s.readonly)"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=OUTSIDE) for _ in range(3)
    ]
    outputs = sorted(p.communicate(timeout=120)[0].split()[0] for p in procs)
    assert outputs == ["0", "0", "1"]
    store = Store()
    assert len(store.annotations(HARBOUR_KEY)) == 3 and len(store.records()) == 2


def test_an_old_store_appearing_after_the_move_is_left_alone_with_a_notice(legacy):
    Store()
    legacy.write_text(LEGACY_V1)
    store = Store()
    assert legacy.read_text() == LEGACY_V1
    assert len(store.notices) == 1 and "left untouched" in store.notices[0]
