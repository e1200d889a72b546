"""The library's catalogue: the corrected analysis in every count, search across everything, notes
across articles, people merged and split, and a catalogue that is never trusted over the files."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from byline.tui.core import people_merges
from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.library import Library
from byline.tui.core.model import Actor, Analysis, Quote
from byline.tui.core.search import QueryError, parse
from byline.tui.core.session import Session
from byline.tui.core.sources import from_text
from byline.tui.core.speech import acts
from byline.tui.core.store import Store
from byline.tui.core.voices import library_voices
from tests.conftest import OUTSIDE, byline_here

PIER = (
    "Pier repairs delayed\n\nHarbour master Lotte Vinter said the repairs would take two more years. "
    '"We cannot open the pier before the summer," Vinter said on Monday. '
    "Councillor Ruben Okoye said the delay was a scandal.\n"
)
FERRY = (
    "Ferry fares rise\n\nThe ferry company said fares would rise by ten percent. "
    '"Fuel costs us more every month," said Mette Sandvik, the company\'s director. '
    "Lotte Vinter said the harbour would not pay for it. Sandvik blamed the weather.\n"
)


@pytest.fixture
def library(tmp_path) -> Library:
    return Library(Store(tmp_path / "store"))


def add(library: Library, analyse, text: str, **meta) -> str:
    return library.add(from_text(text, "<stdin>", **meta), analyse(text))


def note(key: str, text: str, words: str, labels=(), body: str = "") -> Annotation:
    start = text.index(words)
    return Annotation(
        id=new_id(), article=key, anchor=make_anchor(text, start, start + len(words)), labels=list(labels), note=body
    )


# -- one rule for one act of speech -----------------------------------------------------------------
def test_a_quote_inside_another_of_the_same_speaker_is_one_act_and_another_speakers_is_their_own():
    clause = Quote(0, 60, "x" * 60, "indirect", "Ann Roe", "a1")
    fragment = Quote(10, 20, "y" * 10, "partial", "Ann Roe", "a1")
    other = Quote(30, 40, "z" * 10, "partial", "Bo Li", "a2")
    again = Quote(0, 60, "x" * 60, "indirect", "Ann Roe", "a1")
    found = acts([clause, fragment, other, again])
    assert [(c.speaker, [p.start for p in parts]) for c, parts in found] == [("Ann Roe", [0, 10]), ("Bo Li", [])]


# -- the corrected analysis everywhere --------------------------------------------------------------
def test_a_speaker_corrected_in_the_reader_changes_the_librarys_people_quotes_and_voices(library, analyse):
    key = add(library, analyse, PIER)
    article = library.open(key)
    (vinter,) = library.find("Lotte Vinter")
    assert vinter.quote_count >= 1
    quote = next(q for q in vinter.quotes if "pier" in q.text)
    session = Session.open(article, library.store)
    session.set_analysis(analyse(PIER))
    session.set_speaker((quote.start, quote.end), "Ruben Okoye")
    session.save_all()

    fresh = Library(Store(library.store.path))  # another command, another process
    (okoye,) = fresh.find("Ruben Okoye")
    assert any("pier" in q.text for q in okoye.quotes)
    assert not any("pier" in q.text for q in fresh.find("Lotte Vinter")[0].quotes)
    voices = {v.speaker: v for v in library_voices(fresh).voices.voices}
    assert len(voices["Ruben Okoye"].quotes) == okoye.quote_count


def test_a_quote_the_model_missed_counts_once_marked(library, analyse):
    key = add(library, analyse, FERRY)
    before = library.entry(key).quotes
    session = Session.open(library.open(key), library.store)
    session.set_analysis(analyse(FERRY))
    words = "Sandvik blamed the weather"
    start = FERRY.index(words)
    assert not any(words in q.text for q in library.quotes_by("Mette Sandvik"))
    session.set_quote((start, start + len(words)), "indirect", "Mette Sandvik")
    session.save_all()
    fresh = Library(Store(library.store.path))
    assert fresh.entry(key).quotes == before + 1
    assert any(words in q.text for q in fresh.quotes_by("Mette Sandvik"))


def test_counts_say_quotes_in_articles_apart_from_mentions(library, analyse):
    add(library, analyse, PIER)
    add(library, analyse, FERRY)
    (vinter,) = library.find("Vinter")
    assert vinter.article_count == 2 and vinter.quoted_in >= 1
    assert vinter.counts.endswith("mentioned in 2") and f"in {vinter.quoted_in} article" in vinter.counts


# -- search -----------------------------------------------------------------------------------------
def test_search_finds_a_name_only_the_body_holds_and_says_where(library, analyse):
    key = add(library, analyse, PIER, site="Harbour Gazette", published="2024-03-04")
    (hit,) = [h for h in library.search("Okoye") if h.kind == "text"]
    assert hit.article == key and "[Okoye]" in hit.snippet
    assert PIER[hit.offset : hit.offset + 5] == "Okoye"


def test_search_filters(library, analyse):
    pier = add(library, analyse, PIER, site="Harbour Gazette", published="2024-03-04")
    ferry = add(library, analyse, FERRY, site="Coast News", published="2024-06-10")
    library.store.add(note(ferry, FERRY, "ten percent", ["needs-check"], "is it ten?"))
    assert {h.article for h in library.search("said")} == {pier, ferry}
    assert {h.article for h in library.search("said site:coast")} == {ferry}
    assert {h.article for h in library.search("said after:2024-05")} == {ferry}
    assert {h.article for h in library.search("said before:2024-03")} == {pier}
    quotes = library.search("pier speaker:Vinter")
    assert quotes and all(h.kind == "quote" and "Vinter" in h.who for h in quotes)
    assert {h.kind for h in library.search("ten label:needs-check")} == {"note"}
    assert {h.kind for h in library.search("ferry kind:title")} == {"title"}
    assert [h.article for h in library.search('"open the pier"')] == [pier, pier]  # the text, and the quote
    assert library.search("repai*") and not library.search("repairz")
    with pytest.raises(QueryError):
        parse("x kind:everything")
    with pytest.raises(QueryError):
        parse("x after:yesterday")


def test_search_is_ranked_best_first(library, analyse):
    add(library, analyse, FERRY)
    many = add(library, analyse, "Ferry day\n\nThe ferry, the ferry and the ferry again. Ferry fares rose.\n")
    assert library.search("ferry")[0].article == many


def test_search_reads_every_shard_of_the_index_and_ranks_across_them(library, analyse, monkeypatch):
    from byline.tui.core import fulltext

    monkeypatch.setattr(fulltext, "SHARD_ROWS", 4)  # a shard or two per article
    many = add(library, analyse, "Ferry day\n\nThe ferry, the ferry and the ferry again. Ferry fares rose.\n")
    pier, ferry = add(library, analyse, PIER), add(library, analyse, FERRY)
    assert len(fulltext.shards(library.catalogue.db)) >= 3
    hits = library.search("ferry")
    assert hits[0].article == many  # the best match, in the oldest shard
    assert {h.article for h in hits} == {many, ferry}
    library.store.add(note(pier, PIER, "two more years", ["needs-check"], "ask the ferrymen"))
    (found,) = library.search("ferrymen")  # the note's row in the newest shard, its article in the oldest
    assert found.article == pier and found.kind == "note"
    (kept,) = library.store.annotations(pier)
    kept.note = "ask the port"
    library.store.put(kept)
    assert not library.search("ferrymen") and library.search("port kind:note")
    assert library.delete(many)
    assert {h.article for h in Library(Store(library.store.path)).search("ferry")} == {ferry}


def test_search_ranks_the_newest_matches_when_there_are_more_than_it_ranks(library, analyse, monkeypatch):
    from byline.tui.core import fulltext, search

    monkeypatch.setattr(fulltext, "SHARD_ROWS", 4)
    monkeypatch.setattr(search, "RANKED", 2)
    old = add(library, analyse, "Ferry day\n\nThe ferry, the ferry and the ferry again. Ferry fares rose.\n")
    newer = [add(library, analyse, f"Ferry note {n}\n\nA word on the ferry, number {n}.\n") for n in range(3)]
    found = {h.article for h in library.search("ferry")}
    assert old not in found and found <= set(newer[-2:])
    monkeypatch.setattr(search, "RANKED", 5000)
    assert library.search("ferry")[0].article == old


# -- notes across the library -----------------------------------------------------------------------
def test_notes_across_articles_newest_first_by_label_and_words(library, analyse):
    pier, ferry = add(library, analyse, PIER), add(library, analyse, FERRY)
    library.store.add(note(pier, PIER, "two more years", ["needs-check"], "ask the port"))
    time.sleep(0.01)
    library.store.add(note(ferry, FERRY, "ten percent", ["claim"]))
    time.sleep(0.01)
    library.store.add(note(ferry, FERRY, "Fuel costs", ["needs-check"]))
    found = Library(Store(library.store.path)).notes()
    assert [n.passage for n in found] == ["Fuel costs", "ten percent", "two more years"]
    assert [n.article for n in library.notes(label="needs-check")] == [ferry, pier]
    assert [n.passage for n in library.notes(words="port")] == ["two more years"]
    assert [n.passage for n in library.notes(article=pier)] == ["two more years"]


# -- people across the library ----------------------------------------------------------------------
def hand_made(title: str, name: str, said: str) -> tuple:
    text = f"{title}\n\n{name} spoke. {said}\n"
    article = from_text(text, "<stdin>")
    at = text.index(name)
    q = text.index(said)
    actor = Actor("a0", name, "PERSON", [], [], [(at, at + len(name))])
    quote = Quote(q, q + len(said), said, "direct", name, "a0")
    return article, Analysis(article.source, article.title, article.sha256, "hand", actors=[actor], quotes=[quote])


def test_a_middle_initial_is_the_same_person_and_a_split_keeps_them_apart_undoably(library):
    library.add(*hand_made("One", "Donald Trump", "First words."))
    library.add(*hand_made("Two", "Donald J. Trump", "Second words."))
    library.add(*hand_made("Three", "Melania Trump", "Third words."))
    (donald,) = library.find("Donald Trump")
    assert donald.quote_count == 2 and donald.article_count == 2
    assert [p.name for p in people_merges.suggestions(library.catalogue, donald)] == ["Melania Trump"]

    people_merges.split_person(library.store, donald, "person:donald j trump")
    assert sorted(p.quote_count for p in Library(Store(library.store.path)).find("Donald Trump")) == [1, 1]
    people_merges.undo(library.store)
    assert [p.quote_count for p in Library(Store(library.store.path)).find("Donald Trump")] == [2]
    people_merges.redo(library.store)
    assert len(Library(Store(library.store.path)).find("Donald Trump")) == 2


def test_a_merge_of_two_people_reaches_quotes_and_is_undone(library):
    library.add(*hand_made("One", "Jens Stoltenberg", "First words."))
    library.add(*hand_made("Two", "Jens Stoltenbergh", "Second words."))  # a misspelling in the source
    (right,) = library.find("Jens Stoltenberg")
    (wrong,) = library.find("Jens Stoltenbergh")
    people_merges.merge_people(library.store, [wrong], right)
    again = Library(Store(library.store.path))
    assert sorted(q.text for q in again.quotes_by("Jens Stoltenberg")) == ["First words.", "Second words."]
    assert again.quotes_by("Jens Stoltenbergh") == again.quotes_by("Jens Stoltenberg")
    assert [m.kind for m in people_merges.history(library.store)] == ["merge"]
    people_merges.undo(library.store)
    assert [q.text for q in Library(Store(library.store.path)).quotes_by("Jens Stoltenberg")] == ["First words."]


# -- never trusted over the files -------------------------------------------------------------------
def test_a_catalogue_left_half_written_by_a_kill_is_made_good_with_every_note(library, analyse, tmp_path):
    pier = add(library, analyse, PIER)
    library.store.add(note(pier, PIER, "two more years", ["needs-check"]))
    code = textwrap.dedent(f"""
        import os, signal
        from byline.tui.core import catalogue
        from byline.tui.core.library import Library
        from byline.tui.core.sources import from_text
        from byline.tui.core.store import Store
        real = catalogue.Catalogue.put
        def put(self, key, found, db=None, bulk=False):
            if db is not None and found.record.get("title") == "Ferry fares rise":
                real(self, key, found, db, bulk)
                os.kill(os.getpid(), signal.SIGKILL)  # in the middle of the new article's transaction
            return real(self, key, found, db, bulk)
        catalogue.Catalogue.put = put
        Library(Store({str(library.store.path)!r})).add(from_text({FERRY!r}, "<stdin>"))
    """)
    killed = subprocess.run([sys.executable, "-c", code], cwd=OUTSIDE)
    assert killed.returncode == -signal.SIGKILL
    fresh = Library(Store(library.store.path))
    assert sorted(e.title for e in fresh.entries()) == ["Ferry fares rise", "Pier repairs delayed"]
    assert [n.passage for n in fresh.notes(label="needs-check")] == ["two more years"]


def test_two_processes_adding_and_annotating_at_once_lose_nothing(library, analyse, tmp_path):
    pier = add(library, analyse, PIER)
    code = textwrap.dedent(f"""
        import sys
        from byline.tui.core.anchor import make_anchor
        from byline.tui.core.annotation import Annotation, new_id
        from byline.tui.core.library import Library
        from byline.tui.core.sources import from_text
        from byline.tui.core.store import Store
        library = Library(Store({str(library.store.path)!r}))
        who = sys.argv[1]
        for i in range(8):
            library.add(from_text(f"Story {{who}} {{i}}\\n\\nWords of story {{who}} number {{i}}.\\n", "<stdin>"))
            library.store.add(Annotation(id=new_id(), article={pier!r}, anchor=make_anchor({PIER!r}, i, i + 5),
                                         note=f"{{who}}{{i}}"))
            library.entries()
    """)
    runs = [subprocess.Popen([sys.executable, "-c", code, who], cwd=OUTSIDE) for who in "ab"]
    assert [r.wait(timeout=120) for r in runs] == [0, 0]
    fresh = Library(Store(library.store.path))
    assert len(fresh.entries()) == 17
    assert sorted(n.note for n in fresh.notes(article=pier)) == sorted(f"{w}{i}" for w in "ab" for i in range(8))
    assert fresh.entry(pier).notes == 16


def test_the_cli_searches_and_lists_notes(library, analyse, tmp_path, byline_home):
    lib = Library()  # the library of BYLINE_HOME, as the command sees it
    pier = add(lib, analyse, PIER)
    lib.store.add(note(pier, PIER, "two more years", ["needs-check"], "ask the port"))

    def byline(*args: str) -> subprocess.CompletedProcess:
        return byline_here(*args, home=byline_home)

    found = byline("search", "Okoye", "--format", "json")
    assert found.returncode == 0 and any(h["kind"] == "text" for h in json.loads(found.stdout))
    assert byline("search", "nothingatall").returncode == 1
    bad = byline("search", "x", "kind:everything")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and len(bad.stderr.splitlines()) == 1
    long = byline("search", "x" * 50_000)
    assert long.returncode == 1 and len(long.stderr) < 400  # one line, the query cut, never echoed whole
    since = byline("notes", "--since", "\x1b[2Jyesterday")
    assert since.returncode == 2 and "is not a date" in since.stderr and "\x1b" not in since.stderr
    notes = byline("notes", "--label", "needs-check", "--format", "csv")
    assert notes.returncode == 0 and "two more years" in notes.stdout and "ask the port" in notes.stdout
    rebuilt = byline("library", "--rebuild")
    assert rebuilt.returncode == 0 and "catalogue made again: 1 article" in rebuilt.stderr


def test_a_catalogue_of_another_version_is_made_again_whole_with_every_note(library, analyse):
    import sqlite3

    pier, ferry = add(library, analyse, PIER), add(library, analyse, FERRY)
    library.store.add(note(pier, PIER, "two more years", ["needs-check"], "who says?"))
    path = library.catalogue.path
    library.catalogue.close()
    with sqlite3.connect(path) as db:  # as an older Byline left it
        db.execute("PRAGMA user_version=4")
    again = Library(Store(library.store.path))  # made whole, its people counted once
    assert {e.id: e.notes for e in again.entries()} == {pier: 1, ferry: 0}
    assert [n.note for n in again.notes(label="needs-check")] == ["who says?"]
    assert {h.article for h in again.search("harbour")} == {pier, ferry}


def test_a_rebuild_whose_worker_processes_die_is_made_here_whole(library, analyse, monkeypatch):
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    from byline.tui.core import indexing

    class Dying(concurrent.futures.ThreadPoolExecutor):  # as spawn's workers die in a script without a main guard
        def __init__(self, workers, **_):
            super().__init__(workers)

        def map(self, *_, **__):
            raise BrokenProcessPool("a worker died at its start")

    pier, ferry = add(library, analyse, PIER), add(library, analyse, FERRY)
    library.store.add(note(pier, PIER, "two more years", ["needs-check"], "who says?"))
    monkeypatch.setattr(indexing, "PARALLEL", 1)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Dying)
    assert library.rebuild() == 2
    again = Library(Store(library.store.path))
    assert {e.id: e.notes for e in again.entries()} == {pier: 1, ferry: 0}
    assert {h.article for h in again.search("harbour")} == {pier, ferry}


def test_a_rebuild_from_a_script_without_a_main_guard_leaves_the_whole_catalogue(library, analyse, tmp_path):
    import sqlite3

    pier = add(library, analyse, PIER)
    add(library, analyse, FERRY)
    library.store.add(note(pier, PIER, "two more years", ["needs-check"], "who says?"))
    script = tmp_path / "rebuild.py"
    script.write_text(  # every line runs again in each worker process spawn starts
        textwrap.dedent(
            f"""
            from pathlib import Path
            from byline.tui.core import indexing
            from byline.tui.core.library import Library
            from byline.tui.core.store import Store
            indexing.PARALLEL = 1
            print("rebuilt", Library(Store(Path({str(library.store.path)!r}))).rebuild())
            """
        )
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=OUTSIDE, timeout=120)
    assert done.returncode == 0 and done.stdout.split() == ["rebuilt", "2"], done.stderr
    with sqlite3.connect(library.catalogue.path) as db:  # as the rebuild left it, before anything syncs
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM notes").fetchone() == (1,)


def test_a_rebuild_made_by_worker_processes_holds_what_one_made_here_holds(library, analyse, monkeypatch):
    from byline.tui.core import indexing

    pier, ferry = add(library, analyse, PIER), add(library, analyse, FERRY)
    library.store.add(note(pier, PIER, "two more years", ["needs-check"], "who says?"))
    library.store.add(note(ferry, FERRY, "Sandvik blamed the weather", ["claim"]))

    def everything(lib: Library) -> tuple:
        people = sorted((p.name, p.quote_count, p.article_count, p.counts) for p in lib.people())
        notes = sorted((n.article, n.passage, n.note, tuple(n.labels)) for n in lib.notes())
        hits = sorted((h.article, h.kind, h.offset) for h in lib.search("harbour"))
        entries = sorted((e.id, e.title, e.actors, e.quotes, e.notes) for e in lib.entries())
        return people, notes, hits, entries

    monkeypatch.setattr(indexing, "PARALLEL", 10**9)
    assert library.rebuild() == 2
    here = everything(Library(Store(library.store.path)))
    monkeypatch.setattr(indexing, "PARALLEL", 1)  # every rebuild by worker processes
    assert Library(Store(library.store.path)).rebuild() == 2
    assert everything(Library(Store(library.store.path))) == here
    assert here[1] and here[2] and here[0]
