"""Adding many articles to the library at once (`byline add`, `--analyses`, a feed refresh).

The articles new to the library are kept as one batch: each one's text and file written
atomically (a temporary file, then a rename) as `Store.article_id` writes them, then made durable
together by one sync of the file system instead of two fsyncs per file, then indexed in one
catalogue transaction, their people counted in one statement. The user's data is on disk before
the catalogue says it is there: a crash in between leaves files that the catalogue indexes at its
next start (indexing.sync), never a listed article without its file.

An article the library holds already (found by its path, else by its text, as `Store.article_id`
finds it), or one that an earlier article of the same batch is, is kept by `Store.article_id`
after the batch, in the order given: it is the same article, its metadata brought up to date.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import store as stores
from .annotation import new_id
from .atomic import sync_file_system
from .catalogue import Catalogue
from .catalogue_rows import Indexed, people_sums
from .errors import StoreError
from .indexing import Read, indexed
from .model import Analysis
from .paths import stored_path
from .sources import Article
from .store import SCHEMA_VERSION, Store
from .store_files import meta_of, new_article
from .tablefile import write_atomic, write_new

#: From this many new articles a batch is made durable by one sync of the file system; fewer are
#: written durably one file at a time (the reader adds one: no need to wait for other writers).
SYNC_FROM = 16


@dataclass
class Added:
    """What a batch kept: each article's id, in the order given, and those new to the library."""

    keys: list[str]
    new: set[str] = field(default_factory=set)


@dataclass
class _New:
    index: int
    key: str
    path: str | None
    article: Article
    analysis: Analysis | None


def add_articles(store: Store, items: Sequence[tuple[Article, Analysis | None]]) -> Added:
    """Keep articles in the library, each with the analysis of its text (or None); their ids."""
    if store.readonly:
        raise StoreError(store.why_readonly)
    keys: list[str] = [""] * len(items)
    with store.lock.locked():  # no other Byline adds the same article meanwhile
        batch, later = _sorted(store, items)
        with store.indexing() as cat:
            _keep(store, cat, batch)
        for n in later:
            keys[n] = store.article_id(*items[n])[0]
    for new in batch:
        keys[new.index] = new.key
    return Added(keys, {new.key for new in batch})


def _sorted(store: Store, items: Sequence[tuple[Article, Analysis | None]]) -> tuple[list[_New], list[int]]:
    """The articles new to the library and to this batch, and (by position) the others."""
    cat = store.catalogue
    batch: list[_New] = []
    later: list[int] = []
    paths: set[str] = set()
    texts: set[str] = set()
    for n, (article, analysis) in enumerate(items):
        path = stored_path(article.path) if article.path else None
        sha = article.sha256
        if (path and (path in paths or cat.ids_where("path", path))) or sha in texts or cat.ids_where("sha256", sha):
            later.append(n)
        else:
            batch.append(_New(n, new_id(), path, article, analysis))
        paths.update([path] if path else [])
        texts.add(sha)
    return batch, later


def _keep(store: Store, cat: Catalogue | None, batch: list[_New]) -> None:
    """Write the batch's texts, files and what their analyses found (analyses/), make them
    durable, then index what was written, even when a write fails (what was written is kept)."""
    durable = len(batch) < SYNC_FROM
    written: list[tuple[str, Indexed]] = []
    folders = [store.path / "texts", store.path / "articles"]
    for folder in folders:
        folder.mkdir(exist_ok=True)
        store.sweep_once(folder)
    try:
        for new in batch:
            write_atomic(store.text_path(new.key), new.article.text.encode("utf-8"), durable)  # first, as one by one
            data = new_article(new.key, new.path, new.article, SCHEMA_VERSION, stores.now())  # the store's clock
            write_new(store.article_path(new.key), data, durable)
            record = (meta_of(data) or {})["record"]
            found = indexed(store, cat, new.key, record, new.analysis, Read(data), new.article.text)  # keeps analyses/
            written.append((new.key, found))
    finally:
        failed = None
        if written and not durable:
            try:
                for folder in {os.stat(f).st_dev: f for f in folders}.values():  # a folder may be a link elsewhere
                    sync_file_system(folder)
            except OSError as exc:
                failed = StoreError(f"could not save to {store.path}: {exc.strerror or exc}")
        if cat is not None and written:
            _index(cat, written)
        if failed is not None:
            raise failed


def _index(cat: Catalogue, written: list[tuple[str, Indexed]]) -> None:
    """The batch into the catalogue: one transaction, the people counted once."""
    with cat.transaction() as db:
        for key, found in written:
            cat.put(key, found, db, bulk=True)  # new: nothing of it to drop first
        cat.count_added(db, people_sums(found.actors for _, found in written))
