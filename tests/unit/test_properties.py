"""Properties that must hold for any input (hypothesis): anchoring in any text after any edit,
every importer fed any JSON value anywhere, and export -> import round trips that bring every
annotation back. No spaCy here: these run fast enough for every CI run."""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from byline.tui.core.anchor import FUZZY_CUTOFF, Anchor, locate, make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.errors import ExportError
from byline.tui.core.export import render
from byline.tui.core.export.importing import import_file
from byline.tui.core.export.jsonl import annotations_from_jsonl
from byline.tui.core.export.reading import read_export
from byline.tui.core.export.w3c import annotations_from_w3c, w3c_items
from byline.tui.core.session import Session
from byline.tui.core.sources import from_text
from byline.tui.core.store import Store

#: More examples for a deeper run: BYLINE_PROPERTY_EXAMPLES=5000 pytest tests/unit/test_properties.py
EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=max(25, EXAMPLES // 6),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Text like an article's (words, punctuation, line breaks) and, sometimes, anything at all.
words = st.text(alphabet="abcdefghij klmnop.,;\n“”'-éü0123456789", min_size=0, max_size=300)
texts = st.one_of(words, st.text(max_size=200))


@st.composite
def edited(draw):
    """(text, start, end, new text): a passage of a text, then the text after an edit."""
    text = draw(texts.filter(lambda t: len(t) > 0))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    at = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, min(40, len(text) - at)))
    new = text[:at] + draw(st.text(max_size=60)) + text[at + cut :]
    return text, start, end, new


def points_at_its_passage(found, anchor: Anchor, text: str) -> None:
    start, end = found
    assert 0 <= start < end <= len(text)
    passage = text[start:end]
    assert passage == anchor.exact or fuzz.partial_ratio(anchor.exact, passage) >= FUZZY_CUTOFF - 20, (
        passage,
        anchor.exact,
    )


@FAST
@given(edited())
def test_a_found_anchor_points_at_its_passage_after_any_edit(case):
    text, start, end, new = case
    anchor = make_anchor(text, start, end)
    found = locate(anchor, new)
    if found is not None:
        points_at_its_passage(found, anchor, new)


@FAST
@given(
    texts,
    st.integers(-(10**6), 10**6),
    st.integers(-(10**6), 10**6),
    st.text(max_size=40),
    st.text(max_size=40),
    st.text(max_size=40),
)
def test_an_anchor_from_anywhere_never_points_out_of_range(text, start, end, exact, prefix, suffix):
    anchor = Anchor(exact, prefix, suffix, start, end)
    found = locate(anchor, text)
    if found is not None:
        assert 0 <= found[0] < found[1] <= len(text)
        assert text[found[0] : found[1]] == exact or fuzz.partial_ratio(exact, text[found[0] : found[1]]) >= 60


@FAST
@given(edited())
def test_an_untouched_passage_is_found_exactly(case):
    text, start, end, new = case
    passage = text[start:end]
    assume(new.count(passage) == 1 and passage.strip())
    found = locate(make_anchor(text, start, end), new)
    assert found is not None and new[found[0] : found[1]] == passage


@st.composite
def an_edit_outside(draw):
    """(text, start, end, new text): a passage of a text, then the text after an edit before it
    or after it (text cut and typed), never across it."""
    text = draw(texts.filter(lambda t: len(t) > 0))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    lo, hi = draw(st.sampled_from([(0, start), (end, len(text))]))
    at = draw(st.integers(lo, hi))
    cut = draw(st.integers(0, hi - at))
    return text, start, end, text[:at] + draw(st.text(max_size=60)) + text[at + cut :]


@FAST
@given(an_edit_outside())
def test_an_edit_outside_a_passage_never_changes_its_text(case):
    text, start, end, new = case
    found = locate(make_anchor(text, start, end), new)
    assert found is not None and new[found[0] : found[1]] == text[start:end]


vocabulary = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
punctuated = st.tuples(vocabulary, st.sampled_from(["", "", "", ",", ".", ";", "”", "."])).map("".join)


@st.composite
def an_edit_inside(draw):
    """(text, passage start, end, edited text, passage as edited): whole words tagged, one word
    strictly inside the passage replaced by another."""
    before = draw(st.lists(punctuated, max_size=8))
    passage = draw(st.lists(punctuated, min_size=8, max_size=20))
    after = draw(st.lists(punctuated, max_size=8))
    k = draw(st.integers(1, len(passage) - 2))
    replaced = passage[:k] + [draw(punctuated)] + passage[k + 1 :]
    head = " ".join(before) + (" " if before else "")
    tail = (" " if after else "") + " ".join(after)
    text, new = head + " ".join(passage) + tail, head + " ".join(replaced) + tail
    return text, len(head), len(head) + len(" ".join(passage)), new, " ".join(replaced)


@FAST
@given(an_edit_inside())
def test_an_edit_inside_a_passage_keeps_its_first_and_last_words(case):
    text, start, end, new, expected = case
    assume(len(expected) >= 60 and text[start:end] not in new)  # else the passage is still there as it was
    found = locate(make_anchor(text, start, end), new)
    assert found is not None
    assert new[found[0] : found[1]] == expected


# -- importers: any JSON value anywhere -------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def maybe(value):
    """The value, or any JSON value in its place."""
    return st.one_of(st.just(value), json_values)


@st.composite
def w3c_documents(draw):
    selector = st.fixed_dictionaries(
        {
            "type": maybe("TextQuoteSelector"),
            "exact": maybe("harbour"),
            "prefix": maybe("the "),
            "suffix": maybe(" plan"),
        }
    )
    position = st.fixed_dictionaries({"type": maybe("TextPositionSelector"), "start": maybe(4), "end": maybe(11)})
    body = st.fixed_dictionaries({"type": maybe("TextualBody"), "purpose": maybe("tagging"), "value": maybe("claim")})
    target = st.fixed_dictionaries(
        {"source": maybe("file:///tmp/x.txt"), "selector": maybe(draw(st.lists(selector | position, max_size=3)))}
    )
    item = st.fixed_dictionaries(
        {
            "id": maybe("urn:uuid:00000000-0000-4000-8000-000000000001"),
            "type": maybe("Annotation"),
            "body": maybe(draw(st.lists(body, max_size=3))),
            "target": maybe(draw(target)),
            "created": maybe("2024-01-01"),
        }
    )
    items = draw(st.lists(maybe(draw(item)), max_size=4))
    shape = draw(st.sampled_from(["list", "collection", "page", "one"]))
    if shape == "collection":
        return {
            "type": "AnnotationCollection",
            "id": draw(maybe("urn:sha256:" + "0" * 64)),
            "first": draw(maybe({"items": items})),
        }
    if shape == "page":
        return {"type": "AnnotationPage", "items": draw(maybe(items))}
    return items if shape == "list" else (items[0] if items else {})


@st.composite
def jsonl_records(draw):
    span = st.fixed_dictionaries(
        {
            "start": maybe(4),
            "end": maybe(11),
            "label": maybe("claim"),
            "source": maybe("reader"),
            "id": maybe("a1"),
            "note": maybe("n"),
            "correction": maybe(False),
            "note_only": maybe(False),
        }
    )
    return draw(
        st.fixed_dictionaries(
            {
                "text": maybe("The harbour plan would cost millions.\n"),
                "spans": maybe(draw(st.lists(span, max_size=4))),
                "rejected": maybe([{"start": 4, "end": 11}]),
                "corrections": maybe([{"start": 4, "end": 11, "fix": "merge", "actor": "Lund"}]),
                "orphans": maybe([{"exact": "gone", "labels": ["claim"], "note": "x"}]),
                "meta": maybe({"source": "x.txt", "sha256": "0" * 64}),
            }
        )
    )


ARTICLE_TEXT = "The harbour plan would cost millions, said the harbour master.\n"


def well_formed(found, text: str) -> None:
    for ann in found.annotations:
        assert isinstance(ann.id, str) and ann.id
        assert all(isinstance(label, str) and label for label in ann.labels)
        assert isinstance(ann.note, str) and isinstance(ann.anchor.exact, str)
        assert 0 <= ann.start <= ann.end <= len(text) or ann.orphan
        if not ann.orphan:
            assert text[ann.start : ann.end] == ann.passage and ann.passage
        json.dumps(ann.to_dict(), allow_nan=False)  # storable


@FAST
@given(st.one_of(w3c_documents(), json_values))
def test_the_w3c_importer_takes_any_json(data):
    items, _ = w3c_items(data)
    well_formed(annotations_from_w3c(items, "article", ARTICLE_TEXT), ARTICLE_TEXT)


@pytest.mark.slow
@FAST
@given(st.one_of(jsonl_records(), json_values))
def test_the_jsonl_importer_takes_any_json(record):
    well_formed(annotations_from_jsonl(record, "article", ARTICLE_TEXT), ARTICLE_TEXT)


@FAST
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        json_values.map(lambda v: json.dumps(v).encode()),
    )
)
def test_reading_any_file_is_data_or_one_line(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_bytes(raw)
        try:
            kind, data = read_export(path)
        except ExportError as exc:
            assert "\n" not in str(exc)
        else:
            assert kind in ("w3c", "jsonl") and isinstance(data, (list, dict))


#: Any character, lone surrogates and control characters often (hypothesis draws them rarely by itself).
any_characters = st.one_of(st.characters(categories=["Cs"]), st.characters(categories=["Cc"]), st.characters())
any_strings = st.text(alphabet=any_characters, max_size=12)
odd_values = st.recursive(
    st.none() | st.integers() | any_strings,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_strings, inner, max_size=3),
    max_leaves=10,
)


def strings_in(data):
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value)
            stack.extend(value.values())


@FAST
@given(odd_values)
def test_no_lone_surrogate_survives_reading_an_export(value):
    """JSON may escape half a character ("\\ud800"); no file, store or terminal can hold one."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(json.dumps([value]), encoding="utf-8")
        _, data = read_export(path)
        for text in strings_in(data):
            text.encode("utf-8")


# -- round trips --------------------------------------------------------------------------------------------
labels = st.lists(
    st.sampled_from(["claim", "evidence", "needs-check", "NOTE", "=sum(A1)", "\u00e9t\u00e9", "label with spaces"]),
    max_size=3,
    unique=True,
)
notes = st.text(max_size=40)


@st.composite
def annotated(draw):
    """An article and annotations on it: passages anywhere, labels, notes, some orphaned."""
    raw = draw(st.text(alphabet="abcdef ghij.,\n“”é", min_size=5, max_size=200).filter(lambda t: t.strip()))
    article = from_text(raw, "<test>")
    text = article.text
    found = []
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        tags, note = draw(labels), draw(notes)
        assume(tags or note.strip())
        orphan = draw(st.booleans()) and draw(st.booleans())
        anchor = make_anchor(text, start, end)
        if orphan:
            anchor = Anchor("words that are not in the text \u2603", "", "", start, end)
        found.append(Annotation(id=new_id(), article="", anchor=anchor, labels=tags, note=note, orphan=orphan))
    return article, found


def round_trip(fmt: str, article, annotations) -> tuple[list[Annotation], list[Annotation]]:
    with tempfile.TemporaryDirectory() as folder:
        first = Store(Path(folder) / "one")
        session = Session.open(article, first)
        for ann in annotations:
            ann.article = session.key
        first.add_many(annotations)
        session.reload()
        export = Path(folder) / f"export.{fmt}"
        export.write_bytes(render(fmt, session.bundle()))
        second = Store(Path(folder) / "two")
        result = import_file(export, article, second)
        assert result.added == len(annotations) and result.skipped == 0
        again = import_file(export, article, second)
        assert again.added == 0 and again.already == len(annotations)
        key, _ = second.article_id(article)
        return session.annotations, second.annotations(key)


def same(before: list[Annotation], after: list[Annotation], *, ids: bool) -> None:
    def shape(a: Annotation):
        where = (a.passage,) if a.orphan else (a.start, a.end, a.passage)
        return (a.id if ids else None, tuple(a.labels), a.note.strip() if not ids else a.note, a.orphan, where)

    assert sorted(map(shape, before), key=repr) == sorted(map(shape, after), key=repr)


@SLOW
@given(annotated())
def test_w3c_export_then_import_brings_every_annotation_back(case):
    article, annotations = case
    before, after = round_trip("w3c", article, annotations)
    same(before, after, ids=True)
    assert {a.id: a.created for a in before} == {a.id: a.created for a in after}


@SLOW
@given(annotated())
def test_jsonl_export_then_import_brings_every_annotation_back(case):
    article, annotations = case
    before, after = round_trip("jsonl", article, annotations)
    same(before, after, ids=True)


@SLOW
@given(annotated())
def test_json_export_then_import_brings_every_annotation_back(case):
    article, annotations = case
    before, after = round_trip("json", article, annotations)
    same(before, after, ids=True)
    assert {a.id: (a.created, a.tagged) for a in before} == {a.id: (a.created, a.tagged) for a in after}


@SLOW
@given(annotated())
def test_csv_export_then_import_brings_every_annotation_back(case):
    """A spreadsheet holds text as shown: control characters come back as their pictures."""
    from byline.tui.core.visible import visible

    article, annotations = case
    before, after = round_trip("csv", article, annotations)
    for ann in before:
        ann.note = visible(ann.note)
    same(before, after, ids=True)


def test_nan_never_reaches_the_store(tmp_path):
    export = tmp_path / "nan.json"
    export.write_text(
        '[{"target": {"selector": [{"type": "TextPositionSelector", "start": NaN, "end": 3}, '
        '{"type": "TextQuoteSelector", "exact": "harbour"}]}, "body": "n"}]',
        encoding="utf-8",
    )
    article = from_text(ARTICLE_TEXT, "<test>")
    store = Store()
    assert import_file(export, article, store).added == 1
    key, _ = store.article_id(article)
    (ann,) = store.annotations(key)
    assert all(isinstance(v, int) and not (isinstance(v, float) and math.isnan(v)) for v in (ann.start, ann.end))


@FAST
@given(st.text(alphabet=any_characters, max_size=60))
def test_visible_text_can_go_to_any_terminal_and_keeps_every_offset(text):
    from byline.tui.core.visible import one_line, visible

    shown = visible(text)
    assert len(shown) == len(text)
    assert all(ch in "\t\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) for ch in shown)
    shown.encode("utf-8")  # no lone surrogate
    assert "\n" not in one_line(text) and "\r" not in one_line(text)


@st.composite
def odd_bundles(draw):
    """Any annotations a store may hold (positions anywhere, labels and notes with any
    characters, corrections of every kind) on any article."""
    from byline.tui.core.annotation import Label
    from byline.tui.core.bundle import Bundle

    article = from_text(draw(st.text(alphabet="abc .\n“", min_size=1, max_size=80).filter(str.strip)), "<t>")
    found = []
    for _ in range(draw(st.integers(0, 4))):
        start, end = draw(st.integers(-5, 200)), draw(st.integers(-5, 200))
        kind = draw(st.sampled_from(["annotation", "correction"]))
        ann = Annotation(
            id=draw(st.sampled_from([new_id(), "not-hex", "x" * 40])),
            article="k",
            anchor=Anchor(draw(any_strings), draw(any_strings), draw(any_strings), start, end),
            labels=draw(st.lists(any_strings, max_size=2)),
            note=draw(any_strings),
            kind=kind,
            orphan=draw(st.booleans()),
        )
        if kind == "correction":
            ann.fix = draw(st.sampled_from(["", "entity", "merge", "split", "speaker", "quote"]))
            ann.entity = draw(st.sampled_from([None, "PERSON", "REJECTED", "odd"]))
            ann.actor, ann.quote = draw(any_strings), draw(st.sampled_from(["", "direct", "REJECTED"]))
        found.append(ann)
    labels = (Label(draw(any_strings) or "x", "1", "#ffffff"),)
    return Bundle(article, None, found, labels)


@FAST
@given(odd_bundles())
def test_every_text_export_renders_any_stored_annotation_as_visible_text(bundle):
    for fmt in ("md", "csv", "json", "jsonl", "w3c", "brat"):
        out = render(fmt, bundle).decode("utf-8")
        assert not any(ch in out for ch in "\x1b\x07\x9b\x85"), fmt


@pytest.mark.slow
@SLOW
@given(odd_bundles())
def test_the_docbin_export_takes_any_stored_annotation(bundle):
    import spacy
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_bytes(render("spacy", bundle)).get_docs(spacy.blank("en").vocab)
    assert all(0 <= span.start_char < span.end_char <= len(bundle.article.text) for span in doc.spans["byline"])
