"""Imports as an attacker and an unlucky user meet them: an export never decides which file is
read, every annotation keeps its whole id, what cannot be placed is kept as an orphan and
counted, and no JSON value anywhere ends in a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from byline.tui.core.errors import ExportError
from byline.tui.core.export.importing import import_file
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from tests.conftest import byline_here, run_byline

TEXT = (
    "Harbour plan delayed\n\n"
    "Mayor Ilse Varga said on Friday that the harbour plan would cost 40 million.\n\n"
    "The council member Piet Lund called the figure \u201cunbelievable\u201d.\n"
)


def byline(*args, home, timeout=None) -> subprocess.CompletedProcess:
    if timeout is not None:  # that it does not hang: in a process of its own, which can be stopped
        return run_byline(*args, home=home, timeout=timeout)
    return byline_here(*args, home=home)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def tagging(value):
    return {"type": "TextualBody", "purpose": "tagging", "value": value}


def annotation(target, *bodies, id=None):
    item = {"type": "Annotation", "body": list(bodies), "target": target}
    if id is not None:
        item["id"] = id
    return item


def quote_target(source, exact, start=None):
    selectors = [{"type": "TextQuoteSelector", "exact": exact}]
    if start is not None:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": start + len(exact)})
    return {"source": source, "selector": selectors}


def write_json(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def stored(article_path):
    store = Store()
    key, _ = store.article_id(load_article(article_path))
    return store.annotations(key)


# -- which article: never the file an export names ---------------------------------------------------
def test_an_export_naming_a_private_file_does_not_copy_it_into_the_store(tmp_path, byline_home):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$SECRETHASH:19000:0:99999:7:::\n", encoding="utf-8")
    export = write_json(
        tmp_path / "x.json",
        annotation(
            {"source": secret.as_uri(), "selector": {"type": "TextPositionSelector", "start": 0, "end": 30}},
            tagging("claim"),
        ),
    )
    result = byline("import", str(export), home=byline_home)
    assert result.returncode == 2
    assert "--article" in one_line(result)
    for path in byline_home.rglob("*"):
        if path.is_file():
            assert b"SECRETHASH" not in path.read_bytes(), path


def test_an_export_naming_a_fifo_does_not_hang(tmp_path, byline_home):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    export = write_json(tmp_path / "x.json", annotation(quote_target(fifo.as_uri(), "harbour"), tagging("claim")))
    started = time.monotonic()
    result = byline("import", str(export), home=byline_home, timeout=30)
    assert result.returncode == 2 and time.monotonic() - started < 30
    assert "does not know" in one_line(result)


def test_the_export_itself_must_be_a_regular_file(tmp_path, byline_home, article_file):
    fifo = tmp_path / "export-pipe"
    os.mkfifo(fifo)
    result = byline("import", str(fifo), "--article", str(article_file), home=byline_home, timeout=30)
    assert result.returncode == 2 and "not a regular file" in one_line(result)


def test_an_export_naming_two_articles_is_refused_in_one_line(tmp_path, byline_home, article_file):
    other = tmp_path / "other.txt"
    other.write_text("Another story\n\nSomething else entirely happened in the harbour.\n", encoding="utf-8")
    export = write_json(
        tmp_path / "two.json",
        [
            annotation(quote_target(article_file.as_uri(), "harbour plan"), tagging("claim")),
            annotation(quote_target(other.as_uri(), "Something else"), tagging("claim")),
        ],
    )
    result = byline("import", str(export), "--article", str(article_file), home=byline_home)
    assert result.returncode == 2 and "names 2 articles" in one_line(result)
    assert stored(article_file) == [] and stored(other) == []


def test_one_article_named_by_path_and_by_hash_is_one_article(tmp_path, article_file):
    text = load_article(article_file).text
    from byline.tui.core.sources import text_hash

    export = write_json(
        tmp_path / "one.json",
        {
            "type": "AnnotationCollection",
            "id": f"urn:sha256:{text_hash(text)}",
            "first": {
                "items": [
                    annotation(quote_target(article_file.as_uri(), "harbour plan"), tagging("claim")),
                    annotation(quote_target(f"urn:sha256:{text_hash(text)}", "Piet Lund"), tagging("claim")),
                ]
            },
        },
    )
    result = import_file(export, load_article(article_file), Store())
    assert result.added == 2


def test_without_article_an_unknown_one_is_named_in_the_message(tmp_path, byline_home, article_file):
    export = write_json(tmp_path / "x.json", annotation(quote_target(article_file.as_uri(), "harbour"), tagging("a")))
    result = byline("import", str(export), home=byline_home)
    assert result.returncode == 2 and str(article_file) in one_line(result)


def test_an_article_byline_knows_is_found_by_the_path_the_export_names(tmp_path, byline_home, article_file):
    Store().article_id(load_article(article_file))  # opened once in Byline
    export = write_json(
        tmp_path / "x.json", annotation(quote_target(article_file.as_uri(), "harbour plan"), tagging("claim"))
    )
    result = byline("import", str(export), home=byline_home)
    assert result.returncode == 0 and "imported 1 new annotation " in one_line(result)
    assert [a.labels for a in stored(article_file)] == [["claim"]]


def test_an_article_byline_knows_is_found_by_its_text_hash(tmp_path, byline_home, article_file):
    from byline.tui.core.sources import from_text

    piped = from_text(TEXT, "<stdin>")  # read once from standard input: no path, only its text
    Store().article_id(piped)
    export = write_json(
        tmp_path / "x.json",
        {
            "type": "AnnotationCollection",
            "id": f"urn:sha256:{piped.sha256}",
            "first": {"items": [annotation(quote_target(f"urn:sha256:{piped.sha256}", "Piet Lund"), tagging("who"))]},
        },
    )
    result = byline("import", str(export), home=byline_home)
    assert result.returncode == 0, result.stderr
    store = Store()
    key, _ = store.article_id(piped)
    assert [a.passage for a in store.annotations(key)] == ["Piet Lund"]


def test_import_attaches_to_an_article_the_finder_knows(tmp_path, article_file):
    """The import asks a finder (the store's articles) and opens nothing itself."""
    export = write_json(
        tmp_path / "x.json", annotation(quote_target(article_file.as_uri(), "harbour plan"), tagging("claim"))
    )
    known = load_article(article_file)
    asked = []

    def find(named):
        asked.append(named)
        return known if str(article_file) in named.paths else None

    result = import_file(export, None, Store(), find)
    assert result.added == 1 and result.article is known
    assert asked and str(article_file) in asked[0].paths


# -- identity and counts --------------------------------------------------------------------------------
def test_a_store_that_does_not_keep_an_import_is_not_silent(tmp_path, byline_home, article_file):
    """Whatever the store does with ids, an import counts what it really kept."""
    items = [
        annotation(
            {"source": article_file.as_uri(), "selector": [{"type": "TextPositionSelector", "start": i, "end": i + 6}]},
            tagging("claim"),
            id=f"urn:uuid:00000000-0000-4000-8000-{i:012x}",
        )
        for i in range(20)
    ]
    export = write_json(tmp_path / "many.json", items)
    result = byline("import", str(export), "--article", str(article_file), home=byline_home)
    kept = len(stored(article_file))
    if kept == 20:
        assert result.returncode == 0 and "imported 20 new annotations" in result.stderr
    else:
        assert result.returncode == 1 and f"{20 - kept} could not be saved" in one_line(result)


def test_unplaceable_annotations_are_kept_as_orphans_and_counted(tmp_path, byline_home, article_file):
    export = write_json(
        tmp_path / "x.json",
        [
            annotation(quote_target(article_file.as_uri(), "harbour plan", 27), tagging("claim")),
            annotation(
                quote_target(article_file.as_uri(), "a passage the article never had"),
                tagging("claim"),
                {"type": "TextualBody", "purpose": "commenting", "value": "keep me"},
            ),
            annotation(
                {
                    "source": article_file.as_uri(),
                    "selector": {"type": "TextPositionSelector", "start": 90_000, "end": 90_010},
                },
                {"type": "TextualBody", "purpose": "commenting", "value": "position past the end"},
            ),
            annotation({"source": article_file.as_uri()}),  # nothing to keep
        ],
    )
    result = byline("import", str(export), "--article", str(article_file), home=byline_home)
    assert result.returncode == 0
    line = one_line(result)
    assert "imported 3 new annotations" in line and "2 could not be placed" in line and "1 item holds no" in line
    found = stored(article_file)
    orphans = {a.note: a for a in found if a.orphan}
    assert set(orphans) == {"keep me", "position past the end"}
    assert orphans["keep me"].passage == "a passage the article never had"
    placed = [a for a in found if not a.orphan]
    assert [load_article(article_file).text[a.start : a.end] for a in placed] == ["harbour plan"]


def test_repeated_import_counts_what_was_already_there(tmp_path, byline_home, article_file):
    export = write_json(
        tmp_path / "x.json",
        [
            annotation(quote_target(article_file.as_uri(), "harbour plan"), tagging("claim"), id="https://x.test/a/1"),
            annotation(quote_target(article_file.as_uri(), "Piet Lund"), tagging("claim"), id="https://x.test/a/2"),
            annotation(quote_target(article_file.as_uri(), "Piet Lund"), tagging("claim"), id="https://x.test/a/2"),
        ],
    )
    first = byline("import", str(export), "--article", str(article_file), home=byline_home)
    assert "imported 2 new annotations (1 already there)" in one_line(first)
    again = byline("import", str(export), "--article", str(article_file), home=byline_home)
    assert "imported 0 new annotations (3 already there)" in one_line(again)
    assert len(stored(article_file)) == 2


# -- any JSON: a result or one line ----------------------------------------------------------------------
ODD = [float("nan"), float("inf"), -1, "12", None, True, [3], {"a": 1}, 10**30, 2.5, ""]


@pytest.mark.parametrize("value", ODD, ids=repr)
def test_odd_values_in_every_slot_of_an_annotation(tmp_path, article_file, value):
    text = load_article(article_file).text
    start = text.index("harbour plan")
    base = {
        "id": "urn:x:1",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
        "target": {
            "source": article_file.as_uri(),
            "selector": [
                {"type": "TextQuoteSelector", "exact": "harbour plan", "prefix": "the ", "suffix": " would"},
                {"type": "TextPositionSelector", "start": start, "end": start + 12},
            ],
        },
    }
    slots = [
        ("id",),
        ("body",),
        ("body", 0),
        ("body", 0, "value"),
        ("body", 0, "purpose"),
        ("target",),
        ("target", "source"),
        ("target", "selector"),
        ("target", "selector", 0, "exact"),
        ("target", "selector", 0, "prefix"),
        ("target", "selector", 1, "start"),
        ("target", "selector", 1, "end"),
        ("created",),
        ("motivation",),
    ]
    for slot in slots:
        item = json.loads(json.dumps(base))
        holder = item
        for step in slot[:-1]:
            holder = holder[step]
        holder[slot[-1]] = value
        export = tmp_path / "odd.json"
        export.write_text(json.dumps(item, allow_nan=True), encoding="utf-8")
        try:
            result = import_file(export, load_article(article_file), Store())
        except ExportError as exc:
            assert "\n" not in str(exc)
            continue
        for ann in stored(article_file):
            assert isinstance(ann.note, str) and all(isinstance(label, str) for label in ann.labels)
            if not ann.orphan:
                assert text[ann.start : ann.end] == ann.passage
        assert result.added + result.already + result.skipped >= 1


@pytest.mark.parametrize(
    "content",
    [
        '{"first": {"items": [{"target": {"selector": {"type": "TextPositionSelector", "start": NaN, "end": Infinity}},'
        ' "body": "n"}]}}',
        '[{"target": {"selector": {"type": "TextPositionSelector", "start": "0", "end": null}}, "body": "n"}]',
        '{"target": {"selector": [{"type": "TextQuoteSelector", "exact": 12}]}, "id": 7, "body": {"value": 3}}',
        '{"target": {"selector": {"type": "TextPositionSelector", "start": ' + "9" * 5000 + ', "end": 1}}}',
        "[" * 50_000 + "]" * 50_000,
        '{"text": 5, "spans": [{"start": "a", "end": NaN, "label": 3, "source": "reader", "id": []}], "meta": 1}',
        '{"text": "x", "spans": "nope", "rejected": [1, {"start": 0, "end": 1e400}]}',
        '{"text": "' + "harbour " * 3 + '", "spans": [{"start": 0, "end": 7, "label": "claim", "source": "reader", '
        '"id": {"a": 1}, "note": ["n"], "correction": "yes"}]}',
        "5",
        '"just a string"',
        "\ufeff[]",
        '[{"body": [{"purpose": "tagging", "value": "cl\\ud800aim"}, "note \\udfff"], '
        '"target": {"selector": {"type": "TextQuoteSelector", "exact": "Ilse \\ud83d"}}}]',
    ],
    ids=[
        "nan",
        "string-null",
        "non-strings",
        "huge-int",
        "deep",
        "jsonl-odd",
        "jsonl-shapes",
        "jsonl-types",
        "scalar",
        "string",
        "bom-empty",
        "lone-surrogates",
    ],
)
def test_hostile_exports_end_in_a_result_or_one_line(tmp_path, byline_home, article_file, content):
    export = tmp_path / "hostile.json"
    export.write_text(content, encoding="utf-8")
    result = byline("import", str(export), "--article", str(article_file), home=byline_home)
    assert result.returncode in (0, 2)
    one_line(result)
    shown = byline("export", str(article_file), "-f", "csv", home=byline_home)
    assert shown.returncode == 0 and "Traceback" not in shown.stderr


def test_an_article_read_from_a_url_is_found_by_that_url(tmp_path, monkeypatch):
    from byline.tui.core.export import render
    from byline.tui.core.session import Session
    from byline.tui.core.sources import from_text

    page = from_text(TEXT, "https://news.example/harbour", url="https://news.example/harbour", kind="html")
    session = Session.open(page, Store())
    start = page.text.index("Piet Lund")
    session.add(session.new((start, start + 9), labels=["who"], note="council member"))
    session.save_all()
    export = tmp_path / "page.jsonld"
    export.write_bytes(render("w3c", session.bundle()))
    assert json.loads(export.read_text())["first"]["items"][0]["target"]["source"] == "https://news.example/harbour"
    other = tmp_path / "elsewhere"  # another Byline that has read the same page
    monkeypatch.setenv("BYLINE_HOME", str(other))
    Store().article_id(page)
    result = byline("import", str(export), home=other)
    assert result.returncode == 0 and "imported 1 new annotation " in one_line(result)


def test_a_jsonl_export_is_known_by_the_text_it_carries(tmp_path, byline_home, article_file):
    from byline.tui.core.export import render
    from byline.tui.core.session import Session

    article = load_article(article_file)
    session = Session.open(article, Store())
    start = article.text.index("harbour plan")
    session.add(session.new((start, start + 12), labels=["claim"]))
    session.save_all()
    export = tmp_path / "spans.jsonl"
    export.write_bytes(render("jsonl", session.bundle()))
    moved = tmp_path / "moved.txt"  # the same text elsewhere: known by its hash, not its path
    moved.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "other-home"
    first = byline("import", str(export), "--article", str(moved), home=other)
    assert first.returncode == 0, first.stderr
    again = byline("import", str(export), home=other)
    assert again.returncode == 0 and "imported 0 new annotations (1 already there)" in one_line(again)


# -- our own json and csv exports --------------------------------------------------------------------------
def tagged_article(article_file):
    """The article with a labelled claim and a noted figure, as a user leaves it."""
    from byline.tui.core.session import Session

    article = load_article(article_file)
    session = Session.open(article, Store())
    text = article.text
    claim = text.index("Mayor Ilse Varga")
    session.add(session.new((claim, text.index(".", claim) + 1), labels=["claim"]))
    figure = text.index("40 million")
    session.add(session.new((figure, figure + 10), labels=["needs-check", "key-fact"], note="Which budget?"))
    session.save_all()
    return session


def exported(session, tmp_path, fmt):
    from byline.tui.core.export import render

    path = tmp_path / f"notes.{fmt}"
    path.write_bytes(render(fmt, session.bundle()))
    return path


def shapes(annotations):
    return sorted((a.id, a.passage, tuple(a.labels), a.note, a.orphan) for a in annotations)


def test_our_json_export_imports_back_without_naming_the_article(tmp_path, byline_home, article_file, monkeypatch):
    session = tagged_article(article_file)
    export = exported(session, tmp_path, "json")
    other = tmp_path / "other-home"
    first = byline("import", str(export), "--article", str(article_file), home=other)
    assert first.returncode == 0 and "imported 2 new annotations (0 already there)" in one_line(first)
    again = byline("import", str(export), home=other)  # the article is known now, by its path and its text
    assert again.returncode == 0 and "imported 0 new annotations (2 already there)" in one_line(again)
    monkeypatch.setenv("BYLINE_HOME", str(other))
    assert shapes(stored(article_file)) == shapes(session.annotations)


def test_json_import_keeps_corrections_and_what_was_tagged(tmp_path, article_file):
    from byline.tui.core.anchor import make_anchor

    session = tagged_article(article_file)
    text = session.article.text
    session.correct_entity((text.index("Piet Lund"), text.index("Piet Lund") + 9), "ORG")
    figure = next(a for a in session.annotations if a.note)
    figure.tagged = "30 million"  # as re-anchoring leaves it after the article was edited there
    export = exported(session, tmp_path, "json")
    elsewhere = Store(tmp_path / "elsewhere")
    result = import_file(export, load_article(article_file), elsewhere)
    assert (result.added, result.skipped) == (3, 0)
    back = {a.id: a for a in elsewhere.annotations(elsewhere.article_id(load_article(article_file))[0])}
    assert back[figure.id].tagged == "30 million" and back[figure.id].passage_changed
    fix = next(a for a in back.values() if a.kind == "correction")
    assert (fix.correction, fix.entity, fix.passage) == ("entity", "ORG", "Piet Lund")
    assert make_anchor(text, fix.start, fix.end).exact == "Piet Lund"


def test_our_csv_export_imports_back_given_the_article(tmp_path, byline_home, article_file):
    session = tagged_article(article_file)
    export = exported(session, tmp_path, "csv")
    other = tmp_path / "other-home"
    unnamed = byline("import", str(export), home=other)
    assert unnamed.returncode == 2 and "--article" in one_line(unnamed)
    first = byline("import", str(export), "--article", str(article_file), home=other)
    assert first.returncode == 0 and "imported 2 new annotations (0 already there)" in one_line(first)
    again = byline("import", str(export), "--article", str(article_file), home=other)
    assert again.returncode == 0 and "imported 0 new annotations (2 already there)" in one_line(again)


def test_a_csv_row_guarded_against_formulas_comes_back_as_it_was(tmp_path, article_file):
    from byline.tui.core.session import Session

    article = load_article(article_file)
    session = Session.open(article, Store())
    start = article.text.index("harbour plan")
    session.add(session.new((start, start + 12), labels=["=SUM(A1)", "claim"], note="-1 is wrong"))
    session.save_all()
    elsewhere = Store(tmp_path / "elsewhere")
    result = import_file(exported(session, tmp_path, "csv"), article, elsewhere)
    (back,) = elsewhere.annotations(elsewhere.article_id(article)[0])
    assert result.added == 1 and back.labels == ["=SUM(A1)", "claim"] and back.note == "-1 is wrong"
    assert back.passage == "harbour plan" and back.id == session.annotations[0].id


@pytest.mark.parametrize(
    "content, words",
    [
        (
            '{"hello": 1}',
            "its one item is no annotation Byline can read; byline import reads a w3c (JSON-LD), jsonl, "
            "json or csv export",
        ),
        ('[{"a": 1}, {"b": 2}]', "none of its 2 items is an annotation Byline can read"),
        (
            '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 0, '
            '"first": {"type": "AnnotationPage", "items": []}}',
            "holds no annotations: nothing to import",
        ),
        ('{"schema": "byline.export/1", "article": {}, "annotations": []}', "holds no annotations"),
    ],
    ids=["not-ours", "two-items", "empty-w3c", "empty-json"],
)
def test_an_export_that_yields_nothing_is_one_line_and_status_2(tmp_path, byline_home, article_file, content, words):
    export = tmp_path / "export.json"
    export.write_text(content, encoding="utf-8")
    result = byline("import", str(export), "--article", str(article_file), home=byline_home)
    assert result.returncode == 2 and words in one_line(result)
