"""The library: every article kept with its text and metadata, listed fast, opened when its file is
gone, deleted on request; and the people across it, merged without merging two Smiths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from byline.tui.core import indexing
from byline.tui.core.anchor import make_anchor
from byline.tui.core.annotation import Annotation, new_id
from byline.tui.core.errors import ArticleError, StoreError
from byline.tui.core.library import Library
from byline.tui.core.model import Actor, Analysis, Quote
from byline.tui.core.sources import from_text, load_article
from byline.tui.core.store import Store
from tests.conftest import OUTSIDE

BUDGET = (
    "Council approves budget\n\nMayor Helena Brandt said the city would hire forty teachers. "
    '"This is a good day for our schools," Brandt said on Monday. Opposition leader Karl Smith called '
    "the plan reckless.\n"
)
SCHOOL = (
    "Teachers welcome hiring\n\nMayor Helena Brandt visited a school in Oskarsvik on Tuesday. "
    '"We keep our promises," Brandt told parents. A teacher, Maria Smith, said she was relieved. '
    "Smith has taught in Oskarsvik for twelve years.\n"
)
COACH = (
    "Smith resigns\n\nThe coach, Smith, resigned on Sunday after the team lost again. "
    '"I gave everything," Smith said.\n'
)


@pytest.fixture
def library(tmp_path) -> Library:
    return Library(Store(tmp_path / "store"))


def analysed(analyse, text: str, source: str = "<stdin>", **meta):
    """An article and its analysis by the real pipeline."""
    return from_text(text, source, **meta), analyse(text)


def test_an_added_article_is_listed_with_its_metadata_and_counts(library, analyse):
    article, analysis = analysed(
        analyse,
        BUDGET,
        "https://news.example/budget",
        url="https://news.example/budget",
        site="Oskarsvik Post",
        authors=("Ada Lund",),
        published="2024-05-02",
        kind="html",
    )
    key = library.add(article, analysis)
    (entry,) = library.entries()
    assert (entry.id, entry.title, entry.site, entry.date, entry.url, entry.authors, entry.kind) == (
        key,
        "Council approves budget",
        "Oskarsvik Post",
        "2024-05-02",
        "https://news.example/budget",
        ("Ada Lund",),
        "html",
    )
    assert entry.words == len(article.text.split())
    assert entry.actors == len(analysis.actors) and entry.quotes == len(analysis.quotes) >= 2
    assert entry.notes == 0


def test_an_article_opened_before_any_analysis_is_listed_without_counts(library, tmp_path):
    path = tmp_path / "coach.txt"
    path.write_text(COACH, encoding="utf-8")
    library.store.article_id(load_article(path))  # what opening it in the reader does
    (entry,) = library.entries()
    assert entry.title == "Smith resigns" and entry.path == str(path) and entry.actors is None and entry.date


def test_the_same_text_from_two_places_is_one_article(library, analyse, tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET, encoding="utf-8")
    first = library.add(load_article(path), analyse(BUDGET))
    assert library.add(from_text(BUDGET, "<stdin>")) == first
    assert len(library.entries()) == 1


def test_notes_are_counted_and_follow_changes_from_another_process(library, analyse):
    article, analysis = analysed(analyse, BUDGET)
    key = library.add(article, analysis)
    start = article.text.index("forty teachers")
    library.store.add(
        Annotation(id=new_id(), article=key, anchor=make_anchor(article.text, start, start + 14), labels=["claim"])
    )
    library.store.add(
        Annotation(id=new_id(), article=key, anchor=make_anchor(article.text, 0, 7), kind="correction", entity="ORG")
    )
    assert library.entries()[0].notes == 1  # corrections are not notes
    code = textwrap.dedent(f"""
        from byline.tui.core.anchor import make_anchor
        from byline.tui.core.annotation import Annotation, new_id
        from byline.tui.core.store import Store
        store = Store({str(library.store.path)!r})
        for i in range(3):
            store.add(Annotation(id=new_id(), article={key!r}, anchor=make_anchor({article.text!r}, i, i + 4), note="x"))
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=OUTSIDE)
    assert library.entries()[0].notes == 4
    assert Library(Store(library.store.path)).entries()[0].notes == 4


def test_an_article_reopens_from_the_library_when_its_file_is_gone(library, tmp_path):
    path = tmp_path / "school.txt"
    path.write_text(SCHOOL, encoding="utf-8")
    article = load_article(path)
    key = library.add(article)
    path.unlink()
    again = library.open(key)
    assert again.text == article.text and again.title == article.title and again.path == path
    assert library.store.article_id(again) == (key, False)


def test_an_article_from_a_page_reopens_with_its_metadata(library):
    page = from_text(
        SCHOOL,
        "https://news.example/a?id=1",
        url="https://news.example/a",
        site="Example News",
        authors=("Ada Lund", "Ben Okafor"),
        published="2024-05-03",
        kind="html",
    )
    key = library.add(page)
    again = Library(Store(library.store.path)).open(key)
    assert (again.url, again.site, again.authors, again.published, again.kind, again.source) == (
        "https://news.example/a",
        "Example News",
        ("Ada Lund", "Ben Okafor"),
        "2024-05-03",
        "html",
        "https://news.example/a?id=1",
    )


def test_an_article_whose_text_is_not_kept_and_whose_file_is_gone_says_so(library):
    key = library.add(from_text(COACH, "<stdin>"))
    library.store.text_path(key).unlink()
    with pytest.raises(ArticleError, match="not kept"):
        library.open(key)


def test_deleting_an_article_takes_it_out_of_the_list_and_the_people_and_keeps_its_notes_aside(library, analyse):
    key = library.add(*analysed(analyse, BUDGET))
    other = library.add(*analysed(analyse, COACH))
    start = BUDGET.index("forty")
    library.store.add(Annotation(id=new_id(), article=key, anchor=make_anchor(BUDGET, start, start + 5), note="mine"))
    assert library.delete(key)
    assert [e.id for e in library.entries()] == [other]
    assert library.find("Helena Brandt") == [] and library.find("Smith")
    (kept,) = (library.store.path / "deleted").iterdir()
    assert "mine" in kept.read_text()
    assert not library.store.text_path(key).exists()


def test_people_are_merged_across_articles_with_every_quote(library, analyse):
    budget = library.add(*analysed(analyse, BUDGET))
    school = library.add(*analysed(analyse, SCHOOL))
    (brandt,) = library.find("Helena Brandt")
    assert set(brandt.articles) == {budget, school}
    assert "Mayor" in brandt.roles
    texts = {budget: BUDGET, school: SCHOOL}
    quotes = library.quotes_by("Brandt")
    assert {q.article for q in quotes} == {budget, school} and len(quotes) >= 3
    for q in quotes:  # each quote can open its article at its place
        assert texts[q.article][q.start : q.end] == q.text
    assert any("good day for our schools" in q.text for q in quotes)
    assert any("keep our promises" in q.text for q in quotes)


def test_smith_alone_never_merges_two_smiths(library, analyse):
    library.add(*analysed(analyse, BUDGET))
    library.add(*analysed(analyse, SCHOOL))
    library.add(*analysed(analyse, COACH))
    smiths = library.find("Smith")
    assert sorted(p.name for p in smiths) == ["Karl Smith", "Maria Smith", "Smith"]
    assert all(len(p.articles) == 1 for p in smiths)
    coach = next(p for p in smiths if p.name == "Smith")
    assert [q.text for q in coach.quotes] == ["I gave everything"]


def person(name, type_="PERSON", aliases=(), roles=(), quotes=()):
    return name, type_, list(aliases), list(roles), list(quotes)


def hand_made(title: str, *people) -> tuple:
    """An article naming `people`, with an analysis written by hand (the merge rules, not extraction)."""
    text = title + "\n\n" + " ".join(f"{p[0]} spoke. {' '.join(p[4])}" for p in people) + "\n"
    article = from_text(text, "<stdin>")
    actors, quotes = [], []
    for i, (name, type_, aliases, roles, said) in enumerate(people):
        actors.append(Actor(f"a{i}", name, type_, roles, aliases, [(text.index(name), text.index(name) + len(name))]))
        for words in said:
            start = text.index(words)
            quotes.append(Quote(start, start + len(words), words, "direct", name, f"a{i}"))
    return article, Analysis(article.source, article.title, article.sha256, "hand", actors=actors, quotes=quotes)


def test_an_alias_joins_only_an_actor_whose_full_name_it_is(library):
    library.add(*hand_made("One", person("Robert Okafor", aliases=["Bob Okafor", "Okafor"], quotes=["Fine words."])))
    library.add(*hand_made("Two", person("Bob Okafor", quotes=["More words."])))
    library.add(*hand_made("Three", person("Ines Duarte", aliases=["the finance minister"])))
    library.add(*hand_made("Four", person("Luis Prado", aliases=["the finance minister"])))
    (okafor,) = library.find("Okafor")
    assert len(okafor.articles) == 2 and {q.text for q in okafor.quotes} == {"Fine words.", "More words."}
    assert len(library.find("Ines Duarte")[0].articles) == 1 and len(library.find("Luis Prado")[0].articles) == 1


def test_organisations_merge_by_name_and_acronym_but_not_with_people(library):
    library.add(*hand_made("One", person("World Health Organization", "ORG", aliases=["WHO"])))
    library.add(*hand_made("Two", person("WHO", "ORG")))
    library.add(*hand_made("Three", person("Reuters", "ORG")))
    library.add(*hand_made("Four", person("Reuters", "ORG")))
    library.add(*hand_made("Five", person("Paul Reuters")))
    (who,) = library.find("WHO")
    assert who.name == "World Health Organization" and len(who.articles) == 2
    reuters = library.find("Reuters")
    assert sorted((p.type, len(p.articles)) for p in reuters) == [("ORG", 2), ("PERSON", 1)]


def test_an_unknown_speaker_finds_nobody_and_suggests_close_names(library, analyse):
    library.add(*analysed(analyse, BUDGET))
    assert library.find("Helga Brand") == []
    assert "Helena Brandt" in library.suggest("Helga Brandt")


def test_a_damaged_catalogue_is_moved_aside_and_made_again_with_every_note(library, analyse):
    article, analysis = analysed(analyse, BUDGET)
    key = library.add(article, analysis)
    library.store.add(Annotation(id=new_id(), article=key, anchor=make_anchor(article.text, 0, 7), note="n"))
    library.catalogue.close()
    catalogue = library.store.path / "catalogue.sqlite3"
    for extra in library.store.path.glob("catalogue.sqlite3-*"):
        extra.unlink()
    catalogue.write_bytes(b"{broken" * 1000)
    fresh = Library(Store(library.store.path))
    assert [e.notes for e in fresh.entries()] == [1]
    assert fresh.find("Helena Brandt") and any("moved aside" in n for n in fresh.store.notices)
    assert [p.read_bytes() for p in library.store.path.glob("catalogue.sqlite3.damaged-*")] == [b"{broken" * 1000]


def test_a_deleted_catalogue_is_made_again_from_the_articles_and_their_corrections(library, analyse):
    article, analysis = analysed(analyse, BUDGET)
    key = library.add(article, analysis)
    library.catalogue.close()
    for file in library.store.path.glob("catalogue.sqlite3*"):
        file.unlink()
    fresh = Library(Store(library.store.path))
    (brandt,) = fresh.find("Helena Brandt")
    assert brandt.quote_count == 2 and brandt.article_count == 1 and fresh.entry(key).quotes is not None


def test_a_read_only_store_lists_but_does_not_add(library, analyse, tmp_path):
    key = library.add(*analysed(analyse, BUDGET))
    path = library.store.article_path(key)
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema"] = 99  # written by a newer Byline
    path.write_text(json.dumps(data))
    readonly = Library(Store(library.store.path))
    assert [e.title for e in readonly.entries()] == ["Council approves budget"]
    with pytest.raises(StoreError):
        readonly.store.add(Annotation(id=new_id(), article=key, anchor=make_anchor(BUDGET, 0, 7)))
    assert readonly.readonly and "newer Byline" in readonly.problem
    with pytest.raises(StoreError):
        readonly.add(from_text(COACH, "<stdin>"))
    assert json.loads(path.read_text()) == data


def test_listing_reads_no_article_file_twice(library, analyse, monkeypatch):
    article, analysis = analysed(analyse, BUDGET)
    key = library.add(article, analysis)
    library.store.add(Annotation(id=new_id(), article=key, anchor=make_anchor(article.text, 0, 7), note="n"))
    library.entries()
    counted = []
    real = indexing.read_file
    monkeypatch.setattr(indexing, "read_file", lambda path: counted.append(path.stem) or real(path))
    assert Library(Store(library.store.path)).entries()[0].notes == 1 and counted == []
    # the file written again behind the catalogue's back (another program, a copy put back)
    path = library.store.article_path(key)
    copy = path.with_name("copy.tmp")
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)
    Library(Store(library.store.path)).entries()
    assert counted == [key]


FERRY = (
    "Ferry fares rise\n\nThe government said on Monday that ferry fares in Valdoria would rise by ten percent. "
    "The government blamed fuel costs. Harbour workers said they would strike.\n"
)
DAM = (
    "Dam plan approved\n\nThe government approved a new dam on the Oster river on Friday. Farmers said the "
    "government had not asked them. The government said the dam would bring water to 40,000 homes.\n"
)


def test_an_actor_the_article_never_names_is_never_merged_with_another_articles(library, analyse):
    ferry, dam = library.add(*analysed(analyse, FERRY)), library.add(*analysed(analyse, DAM))
    governments = [p for p in library.people() if p.name.casefold() == "government"]
    assert sorted(p.articles for p in governments) == sorted([[ferry], [dam]])  # Valdoria's and another's


def test_descriptions_stay_in_their_article_while_names_still_merge(library):
    library.add(*hand_made("One", person("state police", "ORG"), person("Oskarsvik Port Authority", "ORG")))
    library.add(*hand_made("Two", person("state police", "ORG"), person("Oskarsvik Port Authority", "ORG")))
    library.add(*hand_made("Three", person("officials", "PERSON"), person("Ada Lund", aliases=["the mayor"])))
    library.add(*hand_made("Four", person("officials", "PERSON"), person("Ada Lund", aliases=["the mayor"])))
    kinds = {p.name: sorted(len(q.articles) for q in library.people() if q.name == p.name) for p in library.people()}
    assert kinds == {"state police": [1, 1], "officials": [1, 1], "Oskarsvik Port Authority": [2], "Ada Lund": [2]}
