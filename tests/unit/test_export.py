"""Exports read by their real consumers, and imports back into the store."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import OUTSIDE
from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import DEFAULT_LABELS, REJECTED, Annotation, new_id
from byline.tui.core.sources import load_article
from byline.tui.core.export import render, write_files
from byline.tui.core.session import Session
from byline.tui.core.store import Store

def bundle_for(article, store, analysis, labels):
    session = Session.open(article, store, labels)
    session.set_analysis(analysis)
    return session.bundle()


TEXT = (
    "Minister quits over \U0001f4b0 report\n\n"
    "Foreign Minister Anna Berg said on Monday that 1,200 jobs would go. "
    "\u201cWe had no choice,\u201d Berg said.\n\n"
    "The opposition leader Tom Hale called the plan \u201creckless\u201d.\n"
)


@pytest.fixture
def setup(tmp_path, analyse):
    path = tmp_path / "berg.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    store = Store()
    key, _ = store.article_id(article)

    def add(passage, **kw):
        start = article.text.index(passage)
        return store.add(Annotation(id=new_id(), article=key, anchor=make_anchor(article.text, start, start + len(passage)), **kw))

    add("1,200 jobs would go", labels=["claim", "needs-check"], note="Source?\nAsk the ministry.")
    add("reckless", labels=["opinion"])
    add("Tom Hale", kind="correction", entity="PERSON")
    add("Monday", kind="correction", entity=REJECTED)
    analysis = analyse(TEXT)
    bundle = bundle_for(article, store, analysis, DEFAULT_LABELS)
    return article, store, bundle


def test_markdown_brief(setup):
    article, _, bundle = setup
    md = render("md", bundle).decode()
    assert md.startswith("# Minister quits over \U0001f4b0 report\n")
    assert "| Anna Berg (aka Berg) | PERSON | Foreign Minister | 2 |" in md
    assert "### Anna Berg" in md and "“We had no choice”" in md
    assert "1,200" in md and "jobs" in md
    assert "### claim (1)" in md and "> 1,200 jobs would go" in md and "Ask the ministry." in md


def test_markdown_brief_without_annotations_is_still_useful(tmp_path, analyse):
    path = tmp_path / "plain.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    md = render("md", bundle_for(article, Store(), analyse(TEXT), DEFAULT_LABELS)).decode()
    assert "## Who is in the story" in md and "## Who said what" in md and "## Key figures" in md
    assert "No annotations yet" in md


def test_w3c_collection_has_the_web_annotation_fields(setup):
    article, _, bundle = setup
    data = json.loads(render("w3c", bundle))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 4
    items = data["first"]["items"]
    claim = next(i for i in items if any(b.get("value") == "claim" for b in i["body"]))
    assert claim["type"] == "Annotation" and claim["id"].startswith("urn:uuid:")
    purposes = {b["purpose"] for b in claim["body"]}
    assert purposes == {"tagging", "commenting"}
    target = claim["target"]
    assert target["source"] == article.path.as_uri()
    quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
    position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
    assert quote["exact"] == "1,200 jobs would go"
    # code points: the emoji before the passage counts as one
    assert list(article.text)[position["start"] : position["end"]] == list("1,200 jobs would go")


def test_json_export_has_analysis_and_annotations(setup):
    _, _, bundle = setup
    data = json.loads(render("json", bundle))
    assert data["analysis"]["schema"] == "byline.analysis/2"
    assert len(data["annotations"]) == 4


def test_jsonl_spans_with_corrections(setup):
    article, _, bundle = setup
    lines = render("jsonl", bundle).decode().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["text"] == article.text
    spans = record["spans"]
    hale = [s for s in spans if article.text[s["start"] : s["end"]] == "Tom Hale"]
    assert hale and hale[0]["label"] == "PERSON" and hale[0]["correction"]
    assert not [s for s in spans if article.text[s["start"] : s["end"]] == "Monday" and s["source"] == "model"]
    assert {"claim", "needs-check", "opinion"} <= {s["label"] for s in spans}


def test_docbin_reads_back_in_spacy(setup):
    import spacy
    from spacy.tokens import DocBin

    _, _, bundle = setup
    docs = list(DocBin().from_bytes(render("spacy", bundle)).get_docs(spacy.blank("en").vocab))
    assert len(docs) == 1
    doc = docs[0]
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Tom Hale", "PERSON") in ents and ("Anna Berg", "PERSON") in ents
    assert not any(e.text == "Monday" for e in doc.ents)
    spans = {(s.text, s.label_) for s in doc.spans["byline"]}
    assert ("1,200 jobs would go", "claim") in spans and ("reckless", "opinion") in spans
    assert "Ask the ministry." in "".join(doc.user_data["byline_notes"].values())


def test_csv_rows(setup):
    _, _, bundle = setup
    rows = list(csv.DictReader(io.StringIO(render("csv", bundle).decode())))
    assert [r["passage"] for r in rows] == ["1,200 jobs would go", "reckless"]
    assert rows[0]["labels"] == "claim;needs-check" and rows[0]["note"] == "Source?\nAsk the ministry."
    assert set(rows[0]) >= {"id", "labels", "note", "start", "end", "passage", "created", "modified"}


def test_brat_standoff_parses(setup, tmp_path):

    _, _, bundle = setup
    ann, txt = write_files("brat", bundle, tmp_path / "out" / "berg")
    text = txt.read_text(encoding="utf-8")
    assert text == bundle.article.text
    spans, notes = {}, {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        key, rest = line.split("\t", 1)
        if key.startswith("T"):
            type_offsets, surface = rest.split("\t")
            kind, offsets = type_offsets.split(" ", 1)
            pieces = [tuple(map(int, frag.split())) for frag in offsets.split(";")]
            assert " ".join(text[s:e] for s, e in pieces) == surface
            spans[key] = (kind, surface)
        elif key.startswith("#"):
            _, target = rest.split("\t")[0].split()
            notes[target] = rest.split("\t")[1]
    assert ("claim", "1,200 jobs would go") in spans.values()
    claim_id = next(k for k, v in spans.items() if v == ("claim", "1,200 jobs would go"))
    assert notes[claim_id] == "Source? Ask the ministry."


def byline(*args, home) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "byline.tui", *args], capture_output=True, text=True, cwd=OUTSIDE,
                          env={**os.environ, "BYLINE_HOME": str(home)}, timeout=180)


def test_w3c_round_trip_through_import(setup, tmp_path, byline_home):
    article, _, bundle = setup
    export = tmp_path / "notes.jsonld"
    export.write_bytes(render("w3c", bundle))
    other = tmp_path / "elsewhere"
    first = byline("import", str(export), home=other)
    assert first.returncode == 0, first.stderr
    assert "imported 4 new annotations" in first.stderr
    again = byline("import", str(export), home=other)
    assert "imported 0 new annotations (4 already there)" in again.stderr
    reexport = byline("export", str(article.path), "--format", "w3c", home=other)
    assert reexport.returncode == 0, reexport.stderr
    before = json.loads(export.read_text())["first"]["items"]
    after = json.loads(reexport.stdout)["first"]["items"]
    assert sorted(before, key=lambda i: i["id"]) == sorted(after, key=lambda i: i["id"])


def test_import_another_tools_single_annotation(tmp_path, byline_home):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    single = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/abc123",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "Is this true?", "purpose": "commenting"},
                 {"type": "TextualBody", "value": "needs-check", "purpose": "tagging"}],
        "target": {"source": path.as_uri(), "selector": [{"type": "TextQuoteSelector", "exact": "no choice"}]},
    }
    export = tmp_path / "one.json"
    export.write_text(json.dumps(single))
    result = byline("import", str(export), home=byline_home)
    assert result.returncode == 0, result.stderr
    key, _ = Store().article_id(load_article(path))
    (ann,) = Store().annotations(key)
    assert ann.passage == "no choice" and ann.labels == ["needs-check"] and ann.note == "Is this true?"


def test_jsonl_round_trip(setup, tmp_path, monkeypatch):
    article, _, bundle = setup
    export = tmp_path / "spans.jsonl"
    export.write_bytes(render("jsonl", bundle))
    other = tmp_path / "home2"
    assert byline("import", str(export), "--article", str(article.path), home=other).returncode == 0
    monkeypatch.setenv("BYLINE_HOME", str(other))
    store = Store()
    key, _ = store.article_id(article)
    found = store.annotations(key)
    claim = next(a for a in found if "claim" in a.labels)
    assert claim.labels == ["claim", "needs-check"] and claim.note.startswith("Source?")
    assert {(a.passage, a.entity) for a in found if a.kind == "correction"} == {("Tom Hale", "PERSON"), ("Monday", REJECTED)}


def test_two_imports_at_once_lose_nothing(tmp_path, byline_home):
    path = tmp_path / "a.txt"
    path.write_text(TEXT * 3, encoding="utf-8")
    text = load_article(path).text
    files = []
    for n in range(2):
        items = []
        for i in range(60):
            start = (i * 7 + n * 3) % (len(text) - 20)
            items.append({"id": f"urn:test:{n}:{i}", "type": "Annotation",
                          "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
                          "target": {"source": path.as_uri(), "selector": [
                              {"type": "TextPositionSelector", "start": start, "end": start + 10}]}})
        f = tmp_path / f"batch{n}.json"
        f.write_text(json.dumps(items))
        files.append(f)
    env = {**os.environ, "BYLINE_HOME": str(byline_home)}
    procs = [subprocess.Popen([sys.executable, "-m", "byline.tui", "import", str(f)], cwd=OUTSIDE, env=env,
                              stderr=subprocess.PIPE) for f in files]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    key, _ = Store().article_id(load_article(path))
    assert len(Store().annotations(key)) == 120


def test_import_errors_are_one_line(tmp_path, byline_home):
    bad = tmp_path / "bad.json"
    bad.write_text("not json at all\n")
    result = byline("import", str(bad), home=byline_home)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    nameless = tmp_path / "nameless.json"
    nameless.write_text(json.dumps({"type": "Annotation", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "x"}]}}))
    result = byline("import", str(nameless), home=byline_home)
    assert result.returncode == 2 and "--article" in result.stderr
