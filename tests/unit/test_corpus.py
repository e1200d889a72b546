"""A whole archive: the same small corpus as a folder, JSON Lines, CSV, Parquet and a WARC crawl,
analysed through a real Dask cluster on the loopback address and in this process, with the
same tables; results a researcher reads with pyarrow and DuckDB; a run killed halfway and
started again has every article once; results brought into the library without spaCy."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from byline.tui.core.corpus.engine import Cluster, InProcess, analyze_batch
from byline.tui.core.corpus.inputs import Fields, count_items, read_items
from byline.tui.core.corpus.output import JsonLinesFile, ParquetFolder, versions
from byline.tui.core.corpus.run import run_corpus
from byline.tui.core.corpus.tables import TABLES
from tests.conftest import OUTSIDE

from .test_cli import byline

#: Invented articles: (id, outlet, date, headline, body).
ARTICLES = [
    (
        "cw-1",
        "Coast Herald",
        "2024-03-02",
        "Harbour plan approved",
        "Mayor Ilse Dorrensen said on Tuesday that the new quay would cost 14 million euros. "
        "\u201cIt will bring the ferries back,\u201d Dorrensen said.",
    ),
    (
        "cw-2",
        "Coast Herald",
        "2024-03-04",
        "Budget vote delayed",
        "Councillor Tobias Vennholt told reporters on Monday that the vote on the budget of Husum "
        "would wait until Friday. \u201cWe need the figures first,\u201d Vennholt said.",
    ),
    (
        "vp-1",
        "Valley Post",
        "2024-03-05",
        "Ferry strike called",
        "\u201cThe crossings will stop on Monday,\u201d said union leader Marta Kellan. About 300 crew "
        "members voted for the strike, Kellan told the Valley Post.",
    ),
    (
        "vp-2",
        "Valley Post",
        "2024-03-07",
        "School roof repaired",
        "Head teacher Jon Ebbe said the roof of the Pellworth school was repaired for 80,000 euros. "
        "\u201cThe children are back in their classrooms,\u201d Ebbe said.",
    ),
]
MODEL = None  # the default pipeline


def text_of(headline: str, body: str) -> str:
    return f"{headline}\n\n{body}\n"


def page_of(headline: str, body: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{headline}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{headline}</h1><p>{body}</p></article>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The corpus in each format: {format: input path}."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    root = tmp_path_factory.mktemp("corpus")
    folder = root / "folder"
    folder.mkdir()
    for key, _, _, headline, body in ARTICLES:
        (folder / f"{key}.txt").write_text(text_of(headline, body), encoding="utf-8")
    records = [
        {"id": key, "text": text_of(headline, body), "site": site, "date": date}
        for key, site, date, headline, body in ARTICLES
    ]
    with open(root / "corpus.jsonl", "w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record) + "\n")
    with open(root / "corpus.csv", "w", encoding="utf-8", newline="") as stream:  # other column names
        writer = csv.DictWriter(stream, ["story", "body", "outlet", "day"])
        writer.writeheader()
        for r in records:
            writer.writerow({"story": r["id"], "body": r["text"], "outlet": r["site"], "day": r["date"]})
    pq.write_table(pa.Table.from_pylist(records), root / "corpus.parquet")
    with open(root / "crawl.warc.gz", "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for key, _, _, headline, body in ARTICLES:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://news.example/{key}"
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(page_of(headline, body)), http_headers=headers
                )
            )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
            )
        )
    return {
        "folder": str(folder),
        "jsonl": str(root / "corpus.jsonl"),
        "csv": str(root / "corpus.csv"),
        "parquet": str(root / "corpus.parquet"),
        "warc": str(root / "crawl.warc.gz"),
    }


FIELDS = {"csv": Fields(text="body", id="story", site="outlet", date="day")}


@pytest.fixture(scope="module")
def cluster():
    """A real Dask cluster on the loopback address: one worker process with one thread."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as running:
        yield running.scheduler_address


def tables(folder) -> dict:
    """Each table of a results folder, as rows sorted as a researcher would sort them."""
    import pyarrow.parquet as pq

    keys = {"articles": ["article_id"], "quotes": ["article_id", "quote"], "actors": ["article_id", "actor_id"]}
    out = {}
    for name in TABLES:
        table = pq.read_table(folder / name)
        out[name] = table.sort_by([(k, "ascending") for k in keys.get(name, ["article_id", "figure"])]).to_pylist()
    return out


def duckdb_tables(folder) -> dict:
    """Each table of a results folder as DuckDB reads the shards (a glob, as the README does)."""
    import duckdb

    order = {"articles": "article_id", "quotes": "article_id, quote", "actors": "article_id, actor_id"}
    return {
        name: duckdb.sql(
            f"SELECT * FROM '{folder}/{name}/*.parquet' ORDER BY {order.get(name, 'article_id, figure')}"
        ).fetchall()
        for name in TABLES
    }


@pytest.mark.parametrize("kind", ["folder", "jsonl", "csv", "parquet", "warc"])
def test_a_cluster_gives_the_tables_a_local_run_gives(kind, corpus, cluster, tmp_path, nlp):
    fields = FIELDS.get(kind, Fields())
    from byline.tui.core.nlp import default_model

    model = default_model()
    made = versions(model)
    for where, runner in (("local", InProcess(model)), ("cluster", Cluster(cluster, model))):
        output = ParquetFolder(tmp_path / where, made, shard_size=2)
        try:
            summary = run_corpus(read_items([corpus[kind]], fields), runner, output, batch_size=2)
        finally:
            runner.close()
            output.close()
        assert (summary.analysed, summary.failed) == (4, 0), summary.first_errors
    local, remote = tables(tmp_path / "local"), tables(tmp_path / "cluster")
    assert remote == local
    assert duckdb_tables(tmp_path / "cluster") == duckdb_tables(tmp_path / "local")
    assert len(list((tmp_path / "cluster" / "articles").glob("part-*.parquet"))) == 2  # written in shards
    titles = sorted(row["title"] for row in local["articles"])
    assert titles == sorted(a[3] for a in ARTICLES)
    speakers = {row["speaker"] for row in local["quotes"]}
    assert {"Ilse Dorrensen", "Tobias Vennholt", "Marta Kellan", "Jon Ebbe"} <= speakers
    for row in local["quotes"]:  # offsets refer to the article's text
        text = next(a["text"] for a in local["articles"] if a["article_id"] == row["article_id"])
        assert text[row["start"] : row["end"]] == row["text"]
    if kind in ("jsonl", "csv", "parquet"):
        assert {(r["article_id"], r["site"], r["published"]) for r in local["articles"]} == {
            (key, site, date) for key, site, date, _, _ in ARTICLES
        }
    if kind == "warc":  # the image is no article; the pages' navigation is not in the text
        assert sorted(r["url"] for r in local["articles"]) == [f"https://news.example/{a[0]}" for a in ARTICLES]
        assert not any("rights reserved" in r["text"] for r in local["articles"])


def test_the_ten_most_quoted_people_per_outlet_in_duckdb(corpus, tmp_path):
    """The README's query, on a run of the command as a user types it."""
    import duckdb

    out = tmp_path / "results"
    result = byline("analyze", corpus["jsonl"], "--format", "parquet", "-o", str(out), "--jobs", "1")
    assert result.returncode == 0, result.stderr.decode()
    rows = duckdb.sql(_readme_query(out)).fetchall()
    assert {(site, person) for site, person, _ in rows} == {
        ("Coast Herald", "Ilse Dorrensen"),
        ("Coast Herald", "Tobias Vennholt"),
        ("Valley Post", "Marta Kellan"),
        ("Valley Post", "Jon Ebbe"),
    }
    assert ("Coast Herald", "Ilse Dorrensen", 2) in rows  # her two quotes of one article


def _readme_query(out) -> str:
    """The DuckDB query of the README's corpus section, pointed at `out`."""
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```sql", readme.index("ten most quoted people")) + len("```sql")
    query = readme[start : readme.index("```", start)]
    return query.replace("results/", f"{out}/")


def test_a_batch_through_one_pipe_is_each_article_analysed_alone(corpus, nlp):
    """Batching the paragraphs of several articles through nlp.pipe changes no result."""
    from byline.tui.core.analysis import analyze
    from byline.tui.core.corpus.inputs import to_article

    items = list(read_items([corpus["jsonl"]]))
    outcomes = analyze_batch(items)
    for item, outcome in zip(items, outcomes, strict=True):
        assert outcome.analysis.to_dict() == analyze(to_article(item, 10)).to_dict()


def test_bad_records_are_error_lines_and_the_others_go_on(tmp_path, nlp):
    lines = [
        json.dumps({"id": "a", "text": text_of(*ARTICLES[0][3:])}),
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        json.dumps({"id": "a", "text": "The same id again, another text."}),
        json.dumps(["a list"]),
        json.dumps({"id": 7, "text": text_of(*ARTICLES[1][3:])}),
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = JsonLinesFile(tmp_path / "out.jsonl", (None, None))
    from byline.tui.core.nlp import default_model

    summary = run_corpus(read_items([str(source)]), InProcess(default_model()), output)
    output.close()
    assert (summary.analysed, summary.failed) == (2, 4)
    done = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert done == ["a", "7"]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == ["mixed.jsonl:line 2", "b", "a", "mixed.jsonl:line 5"]
    assert "not JSON" in errors[0]["error"] and "no text" in errors[1]["error"] and "came before" in errors[2]["error"]


def test_counting_reads_what_reading_gives(corpus):
    for kind, location in corpus.items():
        fields = FIELDS.get(kind, Fields())
        assert count_items([location], fields) == len(list(read_items([location], fields))) == 4


def test_a_corpus_without_its_text_column_is_one_line(corpus, tmp_path):
    result = byline("analyze", corpus["csv"], "-o", str(tmp_path / "x.jsonl"))  # the text is in "body"
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "no column 'text'" in err and "--text-field" in err and "story, body, outlet, day" in err
    result = byline("analyze", corpus["parquet"], "--text-field", "body", "-o", str(tmp_path / "x.jsonl"))
    assert result.returncode == 2 and "no column 'body'" in result.stderr.decode()
    result = byline("analyze", corpus["jsonl"], "--format", "parquet")
    assert result.returncode == 2 and "--output" in result.stderr.decode()


def _kill_halfway(args: list[str], shards, minimum: int) -> None:
    """Start `byline analyze`, kill it (SIGKILL: no clean-up) once `minimum` shards are written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "byline.tui", "analyze", *args], cwd=OUTSIDE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 90
    try:
        while len(list(shards())) < minimum:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.slow
def test_a_run_killed_halfway_and_started_again_has_every_article_once(tmp_path):
    import pyarrow.parquet as pq

    source = tmp_path / "many.jsonl"
    with open(source, "w", encoding="utf-8") as stream:
        for n in range(16):
            _, site, date, headline, body = ARTICLES[n % 4]
            stream.write(
                json.dumps({"id": f"a{n:02d}", "text": text_of(f"{headline} ({n})", body), "site": site}) + "\n"
            )
    out = tmp_path / "results"
    args = [str(source), "--format", "parquet", "-o", str(out), "--shard-size", "1", "--batch", "1"]
    _kill_halfway([*args, "--jobs", "1"], lambda: (out / "articles").glob("part-*.parquet"), 3)
    written = pq.read_table(out / "articles").column("article_id").to_pylist()
    assert 3 <= len(written) < 16
    again = byline("analyze", *args, "--jobs", "2")
    assert again.returncode == 0, again.stderr.decode()
    assert f"{len(written)} done before" in again.stderr.decode()
    ids = pq.read_table(out / "articles").column("article_id").to_pylist()
    assert sorted(ids) == [f"a{n:02d}" for n in range(16)]  # each once
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert sorted({q["article_id"] for q in quotes}) == sorted(ids)
    assert len(quotes) == len({(q["article_id"], q["quote"]) for q in quotes})  # no table has a shard twice


@pytest.mark.slow
def test_a_killed_json_lines_run_is_finished_without_a_line_twice(tmp_path):
    source = tmp_path / "many.jsonl"
    with open(source, "w", encoding="utf-8") as stream:
        for n in range(12):
            _, site, _, headline, body = ARTICLES[n % 4]
            stream.write(json.dumps({"id": f"a{n:02d}", "text": text_of(f"{headline} ({n})", body)}) + "\n")
    out = tmp_path / "results.jsonl"
    args = [str(source), "-o", str(out), "--shard-size", "1", "--batch", "1", "--jobs", "1"]

    def lines():
        return out.read_text().splitlines() if out.exists() else []

    _kill_halfway(args, lines, 2)
    with open(out, "a", encoding="utf-8") as stream:
        stream.write('{"id": "a11", "schema": "byline.anal')  # as if killed in the middle of a line
    again = byline("analyze", *args)
    assert again.returncode == 0, again.stderr.decode()
    ids = [json.loads(line)["id"] for line in lines()]
    assert sorted(ids) == [f"a{n:02d}" for n in range(12)]


@pytest.mark.slow
def test_results_come_into_the_library_without_spacy(corpus, tmp_path, byline_home):
    out = tmp_path / "results"
    result = byline("analyze", corpus["jsonl"], "--format", "parquet", "-o", str(out), "--jobs", "1")
    assert result.returncode == 0, result.stderr.decode()
    code = (
        "import sys; from byline.tui.cli import main; status = main(['add', '--analyses', sys.argv[1]]); "
        "print('spacy' in sys.modules); sys.exit(status)"
    )
    added = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        capture_output=True,
        cwd=OUTSIDE,
        env={**os.environ, "BYLINE_HOME": str(byline_home)},
    )
    assert added.returncode == 0, added.stderr.decode()
    assert added.stdout.decode().strip() == "False"
    assert "added 4 articles to the library (4 in all)" in added.stderr.decode()
    listing = byline("library", "--format", "json", env={"BYLINE_HOME": str(byline_home)})
    assert listing.returncode == 0, listing.stderr.decode()
    entries = json.loads(listing.stdout)
    assert sorted(e["title"] for e in entries) == sorted(a[3] for a in ARTICLES)
    assert {e["title"]: e["quotes"] for e in entries}["Harbour plan approved"] == 2
    again = subprocess.run(
        [sys.executable, "-m", "byline.tui", "add", "--analyses", str(out)],
        capture_output=True,
        cwd=OUTSIDE,
        env={**os.environ, "BYLINE_HOME": str(byline_home)},
    )
    assert again.returncode == 0 and "4 already there" in again.stderr.decode()


@pytest.mark.slow
def test_a_cluster_run_from_the_command_line(corpus, cluster, tmp_path):
    out = tmp_path / "results.jsonl"
    result = byline("analyze", corpus["warc"], "--scheduler", cluster, "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert "analysed 4 articles" in result.stderr.decode()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["article"]["url"] for r in records) == [f"https://news.example/{a[0]}" for a in ARTICLES]


def test_the_udf_gives_one_json_document_per_text(nlp):
    """What a Spark or Ray UDF calls (README): texts in, JSON out, a bad text one error."""
    from byline.tui.core.corpus import analyze_texts

    texts = [text_of(*ARTICLES[0][3:]), "", text_of(*ARTICLES[2][3:])]
    docs = [json.loads(doc) for doc in analyze_texts(texts, ["a", "b", "c"])]
    assert [d["id"] for d in docs] == ["a", "b", "c"]
    assert docs[1] == {"id": "b", "error": "b: no text"}
    assert {q["speaker"] for q in docs[2]["quotes"]} == {"Marta Kellan"}
    assert docs[0]["article"]["text"] == texts[0]


@pytest.mark.parametrize("address", ["not an address", "tcp://10.0.0.5:port", "127.0.0.1:"])
def test_a_scheduler_address_that_is_none_is_one_line(address):
    from byline.tui.core.errors import BylineError

    with pytest.raises(BylineError, match="is no scheduler address.*tcp://10.0.0.5:8786"):
        Cluster(address, "en_core_web_sm")


def test_a_spreadsheet_csv_with_a_byte_order_mark_and_line_breaks_in_cells(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,text\n17,"Harbour plan, approved\n\nThe mayor said so."\n', encoding="utf-8-sig")
    assert [(i.id, i.text) for i in read_items([str(path)])] == [("17", "Harbour plan, approved\n\nThe mayor said so.")]


@pytest.mark.slow
def test_only_the_article_that_kills_its_process_is_reported(monkeypatch, nlp):
    """A text that takes a worker process down (out of memory, a crash in a library) fails
    alone: the other articles of its batch are analysed again, one at a time."""
    from byline.tui.core.corpus import engine
    from byline.tui.core.corpus.engine import Processes
    from byline.tui.core.corpus.inputs import Item, to_article
    from byline.tui.core.nlp import default_model

    def deadly(item, timeout):
        if "POISON" in (item.text or ""):
            os._exit(9)  # as the kernel's OOM killer would end it
        return to_article(item, timeout)

    monkeypatch.setattr(engine, "to_article", deadly)
    batch = [
        Item(id="a", text=text_of(*ARTICLES[0][3:]), seq=0),
        Item(id="b", text="POISON\n\nThis one ends its process.", seq=1),
        Item(id="c", text=text_of(*ARTICLES[2][3:]), seq=2),
    ]
    runner = Processes(2, default_model())
    try:
        outcomes = [o for found in runner.run([batch]) for o in found]
    finally:
        runner.close()
    by_id = {o.id: o for o in outcomes}
    assert sorted(by_id) == ["a", "b", "c"] and len(outcomes) == 3
    assert by_id["a"].error is None and by_id["c"].error is None
    assert "the analysing process died" in by_id["b"].error


def test_a_long_run_leaves_the_pipelines_vocabulary_as_it_was(nlp):
    """Every new name and number would stay in spaCy's vocabulary for good, so a worker reading
    a year of news would grow without end: a batch's words are forgotten once it is read, and
    the same batch read again (its words met anew) gives the same analyses."""
    from byline.tui.core.corpus.inputs import Item
    from byline.tui.core.nlp import default_model

    model = default_model()
    analyze_batch([Item(id="warm", text=text_of(*ARTICLES[0][3:]))], model)  # a process's first batch fills caches
    before = len(nlp.vocab.strings)
    names = ["Quillabetha Xorvandine", "Brummelwick Tazzenhoff"]
    items = [
        Item(id=str(n), text=f"Quay plan {n}\n\n\u201cWe start in March,\u201d said mayor {name} of Zwerndorf-{n}.\n")
        for n, name in enumerate(names)
    ]
    first = analyze_batch(items, model)
    assert len(nlp.vocab.strings) == before
    again = analyze_batch(items, model)
    assert [o.analysis.to_dict() for o in again] == [o.analysis.to_dict() for o in first]
    assert [[q.speaker for q in o.analysis.quotes] for o in first] == [[name] for name in names]


def test_the_cluster_client_keeps_a_few_batches_in_flight_and_no_results(cluster, nlp):
    """A corpus of any size goes to the cluster a few batches at a time (two per worker
    thread), and each batch's results are let go once handed on: the command's memory does not
    grow with the corpus, however far the workers are behind or ahead."""
    from byline.tui.core.corpus.inputs import Item
    from byline.tui.core.nlp import default_model

    runner = Cluster(cluster, default_model())
    pulled: list[int] = []

    def batches():
        for n in range(12):
            pulled.append(n)
            headline, body = ARTICLES[n % 4][3:]
            yield [Item(id=f"a{n}", text=text_of(f"{headline} ({n})", body), seq=n)]

    try:
        stream = runner.run(batches())
        first = next(stream)
        assert runner.window == 2 and len(pulled) <= runner.window + 1  # not the whole corpus at once
        rest = [outcome for found in stream for outcome in found]
        deadline = time.monotonic() + 10  # a release reaches the client's event loop a moment later
        while runner.client.futures and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not runner.client.futures  # no result kept on the cluster for this client
    finally:
        runner.close()
    assert sorted(o.id for o in [*first, *rest]) == sorted(f"a{n}" for n in range(12))
    assert all(o.error is None for o in [*first, *rest])


@pytest.mark.slow
def test_a_cluster_run_killed_halfway_and_started_again_has_every_article_once(cluster, tmp_path):
    import pyarrow.parquet as pq

    source = tmp_path / "many.jsonl"
    with open(source, "w", encoding="utf-8") as stream:
        for n in range(12):
            _, site, _, headline, body = ARTICLES[n % 4]
            stream.write(
                json.dumps({"id": f"a{n:02d}", "text": text_of(f"{headline} ({n})", body), "site": site}) + "\n"
            )
    out = tmp_path / "results"
    args = [str(source), "--format", "parquet", "-o", str(out), "--shard-size", "1", "--batch", "1"]
    _kill_halfway([*args, "--scheduler", cluster], lambda: (out / "articles").glob("part-*.parquet"), 3)
    written = pq.read_table(out / "articles").column("article_id").to_pylist()
    assert 3 <= len(written) < 12
    again = byline("analyze", *args, "--scheduler", cluster)
    assert again.returncode == 0, again.stderr.decode()
    assert f"{len(written)} done before" in again.stderr.decode()
    assert sorted(pq.read_table(out / "articles").column("article_id").to_pylist()) == [f"a{n:02d}" for n in range(12)]
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert len(quotes) == len({(q["article_id"], q["quote"]) for q in quotes})  # no shard twice


def test_a_run_pauses_the_workers_profiler_and_tick_and_gives_them_back(cluster):
    """While Byline analyses, the workers' statistical profiler and event-loop tick (which take
    the GIL from the analysis, 10 and 20 ms apart) are paused; when the run ends they run again,
    so the cluster's dashboard shows its profiles for whatever the cluster does next."""
    from distributed import Client

    from byline.tui.core.corpus.dask_plugin import PAUSED
    from byline.tui.core.nlp import default_model

    def running(dask_worker):
        return sorted(name for name in PAUSED if dask_worker.periodic_callbacks[name].is_running())

    with Client(cluster, set_as_default=False) as client:
        assert list(client.run(running).values()) == [sorted(PAUSED)]
        runner = Cluster(cluster, default_model())
        try:
            assert list(client.run(running).values()) == [[]]
        finally:
            runner.close()
        assert list(client.run(running).values()) == [sorted(PAUSED)]


def _page_faults_of_big_arrays(dask_worker=None) -> int:
    """Minor page faults of making and dropping a 1 MiB array 100 times in this process."""
    import resource

    import numpy

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(100):
        numpy.ones(2**17).sum()  # 1 MiB: spaCy's arrays for a batch are of this size and more
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_during_a_run_a_workers_freed_memory_is_kept_for_the_next_batch(cluster):
    """Dask starts its workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc map every
    block over 128 KiB afresh and hand it back when freed: each of spaCy's arrays was faulted
    in page by page, batch after batch (a fifth more CPU). During a run the memory is kept;
    after it, the worker is as Dask set it."""
    from distributed import Client

    from byline.tui.core.nlp import default_model

    with Client(cluster, set_as_default=False) as client:
        (before,) = client.run(_page_faults_of_big_arrays).values()
        assert before > 100 * 200  # each array's 256 pages faulted in again
        runner = Cluster(cluster, default_model())
        try:
            (during,) = client.run(_page_faults_of_big_arrays).values()
        finally:
            runner.close()
        (after,) = client.run(_page_faults_of_big_arrays).values()
    assert during < 1000
    assert after > 100 * 200
