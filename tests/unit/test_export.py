"""Exports read by their real consumers, and imports back into the store."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import DEFAULT_LABELS, REJECTED, Annotation, new_id
from byline.tui.core.errors import ExportError
from byline.tui.core.export import render, write_files
from byline.tui.core.export.csv_rows import HEADER
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from tests.conftest import OUTSIDE, byline_here


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
        return store.add(
            Annotation(id=new_id(), article=key, anchor=make_anchor(article.text, start, start + len(passage)), **kw)
        )

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
    assert "| Anna Berg (aka Berg) | person | Foreign Minister | 2 |" in md  # the screen's type words
    assert "### Anna Berg" in md and "“We had no choice”" in md
    assert "1,200" in md and "jobs" in md
    assert "## Voices" in md and "| Anna Berg | named | person |" in md


def test_the_brief_lists_each_annotation_once_with_its_labels_place_and_sentence(setup):
    _, _, bundle = setup
    md = render("md", bundle).decode()
    annotations = md[md.index("## Your flags and notes") : md.index("## Contested")]
    assert annotations.count("1,200 jobs would go") == 1  # two labels, listed once
    assert "### 1. claim, needs-check — paragraph 2, line 3" in annotations
    # the whole sentence that holds the passage, the passage in bold
    assert "> Foreign Minister Anna Berg said on Monday that **1,200 jobs would go**." in annotations
    assert "Source?  \nAsk the ministry." in annotations  # the note keeps its line break
    assert "### 2. opinion — paragraph 3, line 5" in annotations
    assert "By label: claim 1, needs-check 1, opinion 1" in annotations
    assert "- Tom Hale: is a person (paragraph 3, line 5)" in md


def test_the_brief_keeps_dates_among_the_key_figures(tmp_path, analyse):
    text = (
        "Harbour plan delayed\n\nMayor Piet Lund said on Friday, May 2, that the harbour would cost 40 million euros.\n"
    )
    path = tmp_path / "harbour.txt"
    path.write_text(text, encoding="utf-8")
    md = render("md", bundle_for(load_article(path), Store(), analyse(text), DEFAULT_LABELS)).decode()
    figures = md[md.index("## Key figures") : md.index("## Voices")]
    assert "| Friday, May 2 | — | date |  | paragraph 2, line 3 |" in figures
    assert "| 40 million |" in figures


def test_the_brief_has_the_article_metadata_and_its_credits(tmp_path, analyse):
    from byline.tui.core.sources import from_text

    text = (
        "Harbour plan delayed\n\nBy Ilse Varga\n\n"
        "Mayor Piet Lund said on Friday that the harbour plan would cost 40 million euros.\n"
    )
    article = from_text(
        text,
        "https://news.example/harbour",
        url="https://news.example/harbour?id=1",
        site="The Example Post",
        authors=("Ilse Varga",),
        published="2024-05-03",
        kind="html",
    )
    md = render("md", bundle_for(article, Store(), analyse(text), DEFAULT_LABELS)).decode()
    head = md[: md.index("## Your flags and notes")]
    assert "- URL: https://news.example/harbour?id=1" in head and "- Site: The Example Post" in head
    assert "- Authors: Ilse Varga" in head and "- Published: 2024-05-03" in head
    assert "## About\n\n- By: Ilse Varga" in head


def test_the_brief_shows_outside_strings_as_text(tmp_path, analyse):
    path = tmp_path / "plain.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    store = Store()
    session = Session.open(article, store, DEFAULT_LABELS)
    start = article.text.index("reckless")
    session.add(
        session.new((start, start + 8), labels=["\x1b[31mred"], note="<script>x</script> [a](javascript:x) \x9b2J\x07")
    )
    session.save_all()
    md = render("md", session.bundle()).decode()
    assert not any(ch in md for ch in "\x1b\x9b\x07")
    assert "<script>" not in md and "[a](javascript" not in md  # no HTML, no live link
    assert "\\<script\\>" in md and "\\[a\\](javascript:x)" in md


def test_the_brief_puts_the_readers_notes_first_and_the_actor_table_last(setup):
    _, _, bundle = setup
    md = render("md", bundle).decode()
    order = [
        "## Your flags and notes",
        "## Contested quotes and corrections",
        "## Who said what",
        "## Key figures",
        "## Voices",
        "## Who is in the story",
        "## About this brief",
    ]
    assert [md.index(heading) for heading in order] == sorted(md.index(heading) for heading in order)
    # a quote the reader flagged is listed among the contested, with its speaker and the flag
    contested = md[md.index("## Contested") : md.index("## Who said what")]
    assert "Anna Berg" in contested and "flagged: claim, needs-check" in contested


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


def test_json_jsonl_and_w3c_carry_the_article_metadata(analyse):
    from byline.tui.core.sources import from_text

    article = from_text(
        TEXT,
        "https://news.example/berg",
        url="https://news.example/berg",
        site="Example Post",
        authors=("Ilse Varga", "Tomas Berg"),
        published="2024-05-03",
        kind="html",
    )
    bundle = bundle_for(article, Store(), None, DEFAULT_LABELS)
    want = {
        "url": "https://news.example/berg",
        "site": "Example Post",
        "authors": ["Ilse Varga", "Tomas Berg"],
        "published": "2024-05-03",
    }
    assert json.loads(render("json", bundle))["article"].items() >= want.items()
    assert json.loads(render("jsonl", bundle))["meta"].items() >= want.items()
    session = Session.open(article, Store(), DEFAULT_LABELS)
    session.add(session.new((0, 8), labels=["claim"]))
    session.save_all()
    item = json.loads(render("w3c", session.bundle()))["first"]["items"][0]
    assert item["target"]["source"] == "https://news.example/berg"  # the canonical URL


def test_text_exports_to_a_terminal_carry_no_escape_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    session = Session.open(article, Store(), DEFAULT_LABELS)
    session.add(session.new((0, 8), labels=["\x1b]0;title\x07"], note="\x9b31m\x85 note \x1b[2J"))
    session.save_all()
    for fmt in ("md", "w3c", "json", "jsonl", "csv"):
        out = render(fmt, session.bundle())
        assert not any(byte in out for byte in (b"\x1b", b"\x07", "\x9b".encode(), "\x85".encode())), fmt
    note = json.loads(render("w3c", session.bundle()))["first"]["items"][0]["body"][1]["value"]
    assert note == "\x9b31m\x85 note \x1b[2J"  # JSON escapes them and keeps the value


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
    notes = [r for r in rows if r["item"] == "annotation"]
    assert [r["passage"] for r in notes] == ["1,200 jobs would go", "reckless"]
    assert notes[0]["labels"] == "claim;needs-check" and notes[0]["note"] == "Source?\nAsk the ministry."
    assert set(rows[0]) >= {"id", "labels", "note", "start", "end", "passage", "created", "modified"}
    # one row per item, each saying which article: a sheet can hold many
    assert all(
        r["article"] == "Minister quits over \U0001f4b0 report" and r["source"].endswith("berg.txt") for r in rows
    )
    said = [r for r in rows if r["item"] == "quote"]
    assert any(
        r["speaker"] == "Anna Berg" and r["kind"] == "direct" and r["passage"] == "We had no choice" for r in said
    )
    assert notes[0]["paragraph"] == "2" and any(r["item"] == "figure" and "1,200" in r["passage"] for r in rows)


def test_csv_for_excel_starts_with_a_byte_order_mark_and_reads_back(setup):
    from byline.tui.core.export.csv_rows import annotations_from_csv
    from byline.tui.core.export.reading import csv_rows

    article, _, bundle = setup
    data = render("csv", bundle, excel=True)
    assert data.startswith("\ufeff".encode()) and not render("csv", bundle).startswith("\ufeff".encode())
    rows = csv_rows(data.decode("utf-8"))
    found = annotations_from_csv(rows, "key", article.text)
    assert sorted(a.passage for a in found.annotations) == ["1,200 jobs would go", "reckless"]
    assert found.skipped == 0, "the analysis' rows are not annotations to import, nor damaged ones"
    with pytest.raises(ExportError):
        render("md", bundle, excel=True)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_never_start_a_formula(tmp_path, start):
    text = f'Title\n\n{start}HYPERLINK("http://evil.example","x") and the rest of the story.\n'
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8", newline="")
    article = load_article(path)
    session = Session.open(article, Store(), DEFAULT_LABELS)
    begin = article.text.index("HYPERLINK") - 1 if start not in "\t\r" else article.text.index("HYPERLINK")
    session.add(session.new((begin, begin + 30), labels=[f"{start}cmd|' /C calc'!A0", "claim"], note=f"{start}1+1"))
    session.save_all()
    out = render("csv", session.bundle()).decode()
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2 and len(rows[1]) == len(rows[0]) == len(HEADER)  # one row, every column
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        for part in cell.split(";"):  # a spreadsheet that splits on ; meets no formula either
            assert not part.startswith(("=", "+", "-", "@")), cell
    row = dict(zip(rows[0], rows[1], strict=False))
    shown = "'" + start if start != "\r" else "\u240d"  # a carriage return is shown as its picture
    assert row["note"] == f"{shown}1+1"
    assert row["labels"] == f"{shown}cmd|' /C calc'!A0;claim"


def test_brat_standoff_parses(setup, tmp_path):
    _, _, bundle = setup
    ann, txt = write_files("brat", bundle, tmp_path / "out" / "berg", with_text=True)
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


# -- writers write only what the user named --------------------------------------------------------------
def test_brat_beside_the_article_leaves_the_article_alone(tmp_path, byline_home):
    folder = tmp_path / "stories"
    folder.mkdir()
    article = folder / "story.txt"
    original = "Title\r\n\r\nAnna Berg said \x1b[31mthis\x1b[0m in café on Monday.\r\n".encode()
    article.write_bytes(original)
    result = byline("export", str(article), "--format", "brat", "-o", str(folder / "story.ann"), home=byline_home)
    assert result.returncode == 0, result.stderr
    assert article.read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == ["story.ann", "story.txt"]
    assert "wrote " + str(folder / "story.ann") in result.stderr
    assert "is not the text the offsets index" in result.stderr and "--with-text" in result.stderr


def test_brat_text_only_when_asked_and_never_the_article(tmp_path, byline_home):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    asked = byline(
        "export", str(article), "-f", "brat", "-o", str(tmp_path / "out" / "story.ann"), "--with-text", home=byline_home
    )
    assert asked.returncode == 0, asked.stderr
    assert (tmp_path / "out" / "story.txt").read_text(encoding="utf-8") == load_article(article).text
    over = byline(
        "export",
        str(article),
        "-f",
        "brat",
        "-o",
        str(tmp_path / "story.ann"),
        "--with-text",
        "--force",
        home=byline_home,
    )
    assert over.returncode == 2 and "it is the article being exported" in over.stderr
    assert not (tmp_path / "story.ann").exists()  # refused before anything was written
    assert article.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("target", ["{folder}", "{folder}/", "/", ".", "..", "", "/dev/null"])
def test_brat_to_a_folder_or_no_name_is_refused_in_one_line_and_writes_nothing(tmp_path, byline_home, target):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "exports"
    folder.mkdir()
    before = sorted(tmp_path.parent.iterdir())
    result = byline("export", str(article), "-f", "brat", "-o", target.format(folder=folder), home=byline_home)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "file name" in result.stderr
    assert list(folder.iterdir()) == [] and sorted(tmp_path.parent.iterdir()) == before


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "w3c", "jsonl", "spacy", "brat"])
def test_no_export_overwrites_its_article(tmp_path, byline_home, fmt):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    linked = tmp_path / "link.txt"
    linked.symlink_to(article)
    for target in (article, linked):
        result = byline("export", str(article), "-f", fmt, "-o", str(target), "--force", home=byline_home)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "refusing to write" in result.stderr
    assert article.read_text(encoding="utf-8") == TEXT


def test_an_existing_file_needs_force(tmp_path, byline_home):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "brief.md"
    out.write_text("my own notes\n", encoding="utf-8")
    refused = byline("export", str(article), "-f", "csv", "-o", str(out), home=byline_home)
    assert refused.returncode == 2 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "my own notes\n"
    forced = byline("export", str(article), "-f", "csv", "-o", str(out), "--force", home=byline_home)
    assert forced.returncode == 0 and out.read_text(encoding="utf-8").startswith('"id","labels"')


def test_the_store_and_config_are_never_export_targets(tmp_path, byline_home):
    from byline.tui.core.paths import config_file, data_dir

    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    Store().article_id(load_article(article))
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("[keys]\n", encoding="utf-8")
    for target in (config_file(), data_dir() / "anything.json"):
        result = byline("export", str(article), "-f", "json", "-o", str(target), "--force", home=byline_home)
        assert result.returncode == 2 and "refusing to write" in result.stderr
    assert config_file().read_text(encoding="utf-8") == "[keys]\n"


def test_the_app_learns_which_files_exist_before_writing(setup, tmp_path):
    from byline.tui.core.export import OutputExists, planned_outputs

    _, _, bundle = setup
    out = tmp_path / "brief.md"
    out.write_text("keep\n", encoding="utf-8")
    assert planned_outputs("brat", tmp_path / "x.ann", with_text=True) == [tmp_path / "x.ann", tmp_path / "x.txt"]
    with pytest.raises(OutputExists) as refused:
        write_files("md", bundle, out)
    assert refused.value.path == out and out.read_text(encoding="utf-8") == "keep\n"
    assert write_files("md", bundle, out, force=True) == [out]


def test_an_export_from_an_unreadable_store_fails_and_writes_nothing(tmp_path, byline_home):
    from byline.tui.core.paths import data_dir

    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    Store().article_id(load_article(article))
    for path in data_dir().rglob("*.json"):
        path.write_text("{ not json", encoding="utf-8")
    out = tmp_path / "notes.csv"
    result = byline("export", str(article), "-f", "csv", "-o", str(out), home=byline_home)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not out.exists()
    piped = byline("export", str(article), "-f", "csv", home=byline_home)
    assert piped.returncode != 0 and piped.stdout == ""


def test_a_full_disk_on_standard_output_is_one_line(tmp_path, byline_home):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "byline.tui", "export", str(article), "-f", "csv"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=OUTSIDE,
            env={**os.environ, "BYLINE_HOME": str(byline_home)},
            timeout=120,
        )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "No space left on device" in result.stderr


def test_a_closed_pipe_on_standard_output_is_quiet(tmp_path, byline_home):
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    # far more output than a pipe holds (64 kB), so the export is still writing when the pipe
    # closes: a note of 200 kB makes it without analysing a long article
    session = Session.open(load_article(article), Store(), DEFAULT_LABELS)
    session.add(session.new((0, 8), labels=["claim"], note="a long note " * 17_000))
    session.save_all()
    proc = subprocess.Popen(
        [sys.executable, "-m", "byline.tui", "export", str(article), "-f", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=OUTSIDE,
        env={**os.environ, "BYLINE_HOME": str(byline_home)},
    )
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and "Traceback" not in err and "Exception" not in err


def byline(*args, home) -> subprocess.CompletedProcess:
    return byline_here(*args, home=home)


def test_w3c_round_trip_through_import(setup, tmp_path, byline_home):
    article, _, bundle = setup
    export = tmp_path / "notes.jsonld"
    export.write_bytes(render("w3c", bundle))
    other = tmp_path / "elsewhere"
    first = byline("import", str(export), "--article", str(article.path), home=other)
    assert first.returncode == 0, first.stderr
    assert "imported 4 new annotations" in first.stderr
    again = byline("import", str(export), home=other)  # now Byline knows the article
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
        "body": [
            {"type": "TextualBody", "value": "Is this true?", "purpose": "commenting"},
            {"type": "TextualBody", "value": "needs-check", "purpose": "tagging"},
        ],
        "target": {"source": path.as_uri(), "selector": [{"type": "TextQuoteSelector", "exact": "no choice"}]},
    }
    export = tmp_path / "one.json"
    export.write_text(json.dumps(single))
    result = byline("import", str(export), "--article", str(path), home=byline_home)
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
    assert {(a.passage, a.entity) for a in found if a.kind == "correction"} == {
        ("Tom Hale", "PERSON"),
        ("Monday", REJECTED),
    }


def test_two_imports_at_once_lose_nothing(tmp_path, byline_home):
    path = tmp_path / "a.txt"
    path.write_text(TEXT * 3, encoding="utf-8")
    text = load_article(path).text
    files = []
    for n in range(2):
        items = []
        for i in range(60):
            start = (i * 7 + n * 3) % (len(text) - 20)
            items.append(
                {
                    "id": f"urn:test:{n}:{i}",
                    "type": "Annotation",
                    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
                    "target": {
                        "source": path.as_uri(),
                        "selector": [{"type": "TextPositionSelector", "start": start, "end": start + 10}],
                    },
                }
            )
        f = tmp_path / f"batch{n}.json"
        f.write_text(json.dumps(items))
        files.append(f)
    env = {**os.environ, "BYLINE_HOME": str(byline_home)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "byline.tui", "import", str(f), "--article", str(path)],
            cwd=OUTSIDE,
            env=env,
            stderr=subprocess.PIPE,
        )
        for f in files
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    key, _ = Store().article_id(load_article(path))
    assert len(Store().annotations(key)) == 120


def test_import_errors_are_one_line(tmp_path, byline_home):
    bad = tmp_path / "bad.json"
    bad.write_text("not json at all\n")
    result = byline("import", str(bad), home=byline_home)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    nameless = tmp_path / "nameless.json"
    nameless.write_text(
        json.dumps({"type": "Annotation", "target": {"selector": [{"type": "TextQuoteSelector", "exact": "x"}]}})
    )
    result = byline("import", str(nameless), home=byline_home)
    assert result.returncode == 2 and "--article" in result.stderr


def test_a_killed_export_leaves_no_temporary_file_behind(setup, tmp_path):
    _, _, bundle = setup
    out = tmp_path / "brief.md"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".brief.md.{dead.stdout.strip()}.tmp"  # a writer that was killed mid-way
    left.write_text("half a brief", encoding="utf-8")
    live = tmp_path / f".brief.md.{os.getppid()}.tmp"  # one still writing
    live.write_text("being written", encoding="utf-8")
    write_files("md", bundle, out)
    assert not left.exists() and live.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")) == [live.name]
