"""Many articles kept at once (bulk.py; `byline add --analyses` hands over 1,000 at a time): the
same library as one article at a time, durable once per batch, the user's files before the
catalogue, and a run stopped halfway keeps what it read and is finished without a double."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
from types import SimpleNamespace

import orjson
import pytest

from byline.tui.core import bulk, cache
from byline.tui.core.library import Library
from byline.tui.core.sources import from_text
from byline.tui.core.store import Store

STORIES = [
    "Council approves budget\n\nMayor Helena Brandt said the city would hire forty teachers. "
    '"This is a good day for our schools," Brandt said on Monday. Opposition leader Karl Smith called '
    "the plan reckless.\n",
    "Teachers welcome hiring\n\nMayor Helena Brandt visited a school in Oskarsvik on Tuesday. "
    '"We keep our promises," Brandt told parents. A teacher, Maria Smith, said she was relieved.\n',
    'Harbour plan approved\n\nThe port authority approved the harbour plan. "It will bring jobs," said '
    "Piet Holm, its director. Karl Smith said the vote was rushed.\n",
]
COPIES = 20  # more than bulk.SYNC_FROM: the batch is made durable at once


@pytest.fixture(scope="module")
def stories(nlp):
    """The stories analysed by the real pipeline, under the name of the default one (so that the
    analysis cache keeps them)."""
    from byline.tui.core.analysis import analyze_doc, parse
    from byline.tui.core.nlp import default_model

    found = []
    for text in STORIES:
        article = from_text(text, "<test>")
        found.append((text, analyze_doc(parse(article.text, nlp), article, default_model())))
    return found


def copies(stories, count: int = COPIES) -> list:
    """COUNT articles: the stories with a line of their own each (the analysis's offsets stay
    true), from sites of their own."""
    items = []
    for n in range(count):
        text, analysis = stories[n % len(stories)]
        article = from_text(f"{text}Copy {n}.\n", f"<copy {n}>", site=f"Site {n % 2}")
        items.append((article, dataclasses.replace(analysis, sha256=article.sha256)))
    return items


def seen(library: Library) -> dict:
    """What a reader sees of a library: the list, the people, a search, a speaker's quotes."""
    people = library.catalogue.db.execute(
        "SELECT person, variant, kind, name, surname, articles, quoted_in, quotes, words, mentions "
        "FROM people ORDER BY person"
    ).fetchall()
    return {
        "entries": sorted(
            (e.title, e.source, e.site, e.words, e.actors, e.quotes, e.notes, e.sha256) for e in library.entries()
        ),
        "people": people,
        "found": sorted((h.title, h.kind) for h in library.search("teachers")),
        "brandt": sorted((q.text, q.title) for q in library.quotes_by("Helena Brandt")),
    }


def test_a_batch_makes_the_library_one_article_at_a_time_makes(stories, tmp_path):
    items = copies(stories)
    again = (from_text(items[3][0].text, "<the same text again>"), items[3][1])
    items += [again]
    one = Library(Store(tmp_path / "one"))
    for article, analysis in items:
        one.store.article_id(article, analysis)  # the store's own way, one article at a time
    many = Library(Store(tmp_path / "many"))
    added = many.add_batch(items)
    assert added.keys[-1] == added.keys[3] and len(added.new) == COPIES == len(set(added.keys))
    assert seen(many) == seen(one)
    assert seen(many)["people"] and seen(many)["found"] and seen(many)["brandt"]
    many.rebuild()  # the catalogue made again from the files is the one the batch made
    assert seen(many) == seen(one)


def test_a_batch_is_made_durable_once_not_file_by_file(stories, tmp_path, monkeypatch):
    syncs, fsyncs = [], []
    monkeypatch.setattr(bulk, "sync_file_system", syncs.append)
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (fsyncs.append(fd), real_fsync(fd)))
    library = Library(Store(tmp_path / "store"))
    library.count()
    library.add_batch(copies(stories))
    assert len(syncs) == 1 and syncs[0].parent == library.store.path and fsyncs == []  # one file system: once
    library.add_batch(copies(stories, COPIES + 1)[COPIES:])  # one article (the reader adds one): its files each
    assert len(syncs) == 1 and len(fsyncs) >= 2


def test_the_articles_of_a_batch_are_listed_when_the_catalogue_was_not_told(stories, tmp_path, monkeypatch):
    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # killed once the files were written, before the catalogue heard

    whole = Library(Store(tmp_path / "whole"))
    whole.add_batch(copies(stories))
    monkeypatch.setattr(bulk, "_index", crash)
    with pytest.raises(KeyboardInterrupt):
        Library(Store(tmp_path / "store")).add_batch(copies(stories))
    monkeypatch.undo()
    again = Library(Store(tmp_path / "store"))  # the next start: the files, what their analyses found
    assert again.count() == COPIES and seen(again) == seen(whole)


def results(stories, path, count: int) -> None:
    """`byline analyze -o results.jsonl` of COUNT articles."""
    from byline.tui.core.corpus.engine import Outcome
    from byline.tui.core.corpus.output import record, versions

    with open(path, "wb") as stream:
        for n, (article, analysis) in enumerate(copies(stories, count)):
            outcome = Outcome(id=f"a{n}", article=article, analysis=analysis, error=None)
            stream.write(orjson.dumps(record(f"a{n}", outcome, versions(analysis.model))) + b"\n")


def quiet(total: int) -> SimpleNamespace:
    """`byline add`'s progress display, silent."""
    return SimpleNamespace(step=lambda *said: None, close=lambda: None)


def test_an_interrupted_add_keeps_what_it_read_and_the_next_adds_each_article_once(
    stories, tmp_path, monkeypatch, capsys
):
    from byline.tui.cli import analyses
    from byline.tui.core.corpus import results as results_module

    path = tmp_path / "results.jsonl"
    results(stories, path, 25)
    read = results_module.read_results

    def stopped(location: str):
        for n, found in enumerate(read(location)):
            if n == 12:
                raise KeyboardInterrupt  # ctrl+c in the middle of the second batch
            yield found

    monkeypatch.setattr(analyses, "CHUNK", 10)
    monkeypatch.setattr(results_module, "read_results", stopped)
    with pytest.raises(KeyboardInterrupt):
        analyses.add_analyses(str(path), quiet)
    assert gc.isenabled()  # paused for the batches only
    assert Library().count() == 12
    monkeypatch.setattr(results_module, "read_results", read)
    capsys.readouterr()
    assert analyses.add_analyses(str(path), quiet) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "added 13 articles to the library (25 in all, 12 already there)"
    entries = Library().entries()
    texts = [hashlib.sha256(Library().open(e.id).text.encode()).hexdigest() for e in entries]
    assert len(entries) == 25 == len(set(texts))
    article, analysis = copies(stories, 25)[24]
    served = cache.cached(article, analysis.model)  # the reader opens it without spaCy
    assert served is not None and served.to_dict() == {**analysis.to_dict(), "source": article.source}
