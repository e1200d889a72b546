"""Reading an export back into the store: find the article it belongs to, place its annotations
and say, by count, what was added, what was already there and what could not be placed.

An export is never trusted to say which file to open: the annotations attach to the article the
user gives (`--article`), or to one Byline already knows by the path or the text hash the export
names, else the import stops with one line. The command line prints the result; nothing here
prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from ..errors import BylineError, ExportError
from ..sources import Article
from ..visible import one_line
from .reading import EXPECTED, Found, Importer, read_export

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Store


@dataclass(frozen=True)
class Named:
    """How an export names the article it annotates: paths (from file: URIs), URLs, text hashes."""

    paths: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()
    hashes: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.paths or self.urls or self.hashes)

    def describe(self) -> str:
        return one_line(
            ", ".join(sorted(self.paths | self.urls))
            or ", ".join(f"the text with sha256 {h[:12]}…" for h in sorted(self.hashes))
        )


#: Finds an article Byline already knows (the store or the library) by what an export names,
#: without opening any file the export names; None when it knows none.
Finder = Callable[[Named], Article | None]


@dataclass
class Part:
    """The items of an export that name one article (or none)."""

    named: Named
    items: list = field(default_factory=list)  # w3c items, jsonl records, a json document, csv rows


@dataclass
class ImportResult:
    article: Article
    found: int  # annotations in the export that Byline can keep
    added: int  # new to the store
    already: int  # already in the store (the same id), or repeated in the export
    orphans: int  # added, but their passage is not in the text: kept as orphans
    skipped: int = 0  # items that hold no annotation Byline can keep
    unsaved: int = 0  # new, but the store did not keep them

    def summary(self) -> str:
        parts = [f"{self.already} already there"]
        if self.orphans:
            parts.append(
                f"{self.orphans} could not be placed in the text and "
                f"{'are kept as orphans' if self.orphans > 1 else 'is kept as an orphan'}"
            )
        if self.skipped:
            parts.append(
                f"{self.skipped} {'items hold' if self.skipped > 1 else 'item holds'} no annotation "
                f"and {'were' if self.skipped > 1 else 'was'} skipped"
            )
        if self.unsaved:
            parts.append(f"{self.unsaved} could not be saved: the store kept another annotation under the same key")
        noun = "annotation" if self.added == 1 else "annotations"
        return f"imported {self.added} new {noun} ({'; '.join(parts)}) into {one_line(self.article.source)}"


def _names(sources: set[str], hashes: set[str]) -> Named:
    paths, urls = set(), set()
    for source in sources:
        if source.startswith("urn:sha256:"):
            hashes.add(source.removeprefix("urn:sha256:"))
        elif source.startswith("file:"):
            paths.add(unquote(urlparse(source).path))
        elif source.startswith(("http://", "https://")):
            urls.add(source)
        elif "://" not in source and not source.startswith("urn:") and source != "<stdin>":
            paths.add(source)
    return Named(frozenset(paths), frozenset(urls), frozenset(hashes))


def importer(kind: str) -> Importer:
    """The importer the registry declares for `kind` (a format's name, as read_export tells it)."""
    from . import get

    found = get(kind).importer
    if found is None:
        raise ExportError(f"byline import does not read {kind} exports; it reads {EXPECTED}")
    return found


def split_by_article(kind: str, data) -> list[Part]:
    """The export's items grouped by the article each names, in the order they first appear."""
    parts: dict[object, Part] = {}
    for sources, hashes, item in importer(kind).items(data):
        names = _names(sources, hashes)
        parts.setdefault(names, Part(names)).items.append(item)
    # One article named two ways (a path here, its text hash there) is one article.
    merged: list[Part] = []
    for part in parts.values():
        part = Part(part.named, list(part.items))
        for same in [m for m in merged if part.named and m.named and _overlap(m.named, part.named)]:
            merged.remove(same)
            part.named = Named(
                same.named.paths | part.named.paths,
                same.named.urls | part.named.urls,
                same.named.hashes | part.named.hashes,
            )
            part.items = same.items + part.items
        merged.append(part)
    # Items that name no article belong with the one article the others name.
    named = [p for p in merged if p.named]
    unnamed = [p for p in merged if not p.named]
    if unnamed and len(named) == 1:
        named[0].items += unnamed[0].items
        return named
    return merged


def _overlap(a: Named, b: Named) -> bool:
    return bool(a.paths & b.paths or a.urls & b.urls or a.hashes & b.hashes)


def read_found(kind: str, items: list, article_key: str, text: str) -> Found:
    return importer(kind).read(items, article_key, text)


def choose_article(parts: list[Part], article: Article | None, find: Finder | None) -> tuple[Article, list]:
    """The article to attach to, and the items that go to it."""
    named = [p for p in parts if p.named]
    if len(named) > 1:
        shown = "; ".join(p.named.describe() for p in named[:3]) + ("; …" if len(named) > 3 else "")
        raise ExportError(
            f"the export names {len(named)} articles ({shown}): Byline imports one article at a "
            f"time, so split the export by article first"
        )
    items = [item for p in parts for item in p.items]
    if article is not None:
        return article, items
    if not named:
        raise ExportError("the export does not say which article it annotates: give it with --article")
    known = find(named[0].named) if find is not None else None
    if known is None:
        raise ExportError(
            f"the export names {named[0].named.describe()}, which Byline does not know "
            f"(it never opens a file because an export names it): give the article with --article"
        )
    return known, items


def import_file(path: Path, article: Article | None, store: Store, find: Finder | None = None) -> ImportResult:
    """Import a w3c, jsonl, json or csv export into `store`, attached to `article`, else to the
    article `find` knows by what the export names. An export with no annotation Byline can read
    is an ExportError: an import that keeps nothing never passes for one that worked."""
    from ..session import Session

    kind, data = read_export(path)
    if store.readonly:
        raise ExportError(store.problem or "the annotation store is read-only")
    article, items = choose_article(split_by_article(kind, data), article, find)
    session = Session.open(article, store)
    found = read_found(kind, items, session.key, article.text)
    if not found.annotations:
        raise ExportError(_nothing(path, found))
    stored = {a.id for a in session.annotations}
    new = [a for a in found.annotations if a.id not in stored]
    added = session.import_many(new) if new else 0
    kept = {a.id for a in session.annotations}
    unsaved = sum(a.id not in kept for a in new)
    return ImportResult(
        article=article,
        found=len(found.annotations),
        added=added,
        already=len(found.annotations) - len(new) + found.repeated,
        orphans=sum(a.orphan for a in new if a.id in kept),
        skipped=found.skipped,
        unsaved=unsaved,
    )


def _nothing(path: Path, found: Found) -> str:
    shown = one_line(str(path))
    if not found.skipped:
        return f"{shown} holds no annotations: nothing to import"
    items = (
        "its one item is no annotation" if found.skipped == 1 else f"none of its {found.skipped} items is an annotation"
    )
    return f"{shown}: nothing imported, {items} Byline can read; byline import reads {EXPECTED}"


def finder_for(store: Store) -> Finder:
    """A Finder over the articles `store` knows (its index records), by path, then URL, then text
    hash. The article comes from the library (the text as it was read); only a record kept
    without its text is read again from its own file, and only when that is a regular file."""

    def find(named: Named) -> Article | None:
        from ..library import Library

        records = store.records()
        for wanted, field_names in (
            (named.paths, ("path",)),
            (named.urls, ("url", "source")),
            (named.hashes, ("sha256",)),
        ):
            for record in records:
                if not any(record.get(name) in wanted for name in field_names):
                    continue
                path = record.get("path")
                if store.text(record["id"], record.get("sha256")) is None and not (
                    isinstance(path, str) and Path(path).is_file()
                ):
                    return None
                try:
                    return Library(store).open(record["id"])
                except BylineError:
                    return None
        return None

    return find
