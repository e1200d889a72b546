"""Listing an article again when its record is gone, from what the store's folder still holds.

A library of schema 2 kept every article's record in one index.json; each article's notes were in
articles/<id>.json (whose meta record names its article id), its text in texts/<id>.txt, what its
analysis found in analyses/<id>.json (or the catalogue, or the people.json of an older Byline).
When that index is lost or damaged, every article with an annotation file or a kept text is listed
again under its own id, with its notes: the same text opened or added again is found by its hash
and gets its title, source and path back (`RECOVERED` records take every field from the article
then). A damaged index is never written over: it is kept aside as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from .sources import title_of
from .tablefile import DamagedStore, read_tables

#: Marks a record made again from the folder: its metadata is what the next opening finds.
RECOVERED = "recovered"
_SAFE = re.compile(r"[A-Za-z0-9_]{1,64}")


def _stamp(path: Path) -> str | None:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC).isoformat(timespec="seconds")
    except (OSError, ValueError, OverflowError):
        return None


def _article_ids(folder: Path) -> dict[str, tuple[str, str | None]]:
    """Per article file name (its stem), the article id it holds and when it was created."""
    found: dict[str, tuple[str, str | None]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data, _ = read_tables(path, exact=False)
            meta = (data or {}).get("meta", {}).get("1")
        except DamagedStore:
            meta = None  # its notes stay in it; its name is its id
        key = meta.get("article") if isinstance(meta, dict) else None
        created = meta.get("created") if isinstance(meta, dict) and isinstance(meta.get("created"), str) else None
        if isinstance(key, str) and key:
            found[path.stem] = (key, created or _stamp(path))
        elif _SAFE.fullmatch(path.stem):
            found[path.stem] = (path.stem, _stamp(path))
    return found


def _analysed(root: Path) -> dict[str, dict]:
    """Per article id, the hash of the text its analysis was made from, as the catalogue (or
    the people.json of an older Byline) kept it: a hint to find the article's text again."""
    found: dict[str, dict] = {}
    try:
        data, _ = read_tables(root / "people.json", exact=False)
    except DamagedStore:
        data = None
    for r in (data or {}).get("articles", {}).values():
        if isinstance(r, dict) and isinstance(r.get("id"), str):
            found[r["id"]] = r
    catalogue = root / "catalogue.sqlite3"
    if catalogue.exists():
        import sqlite3

        try:
            db = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True)
            try:
                for key, sha in db.execute("SELECT id, sha256 FROM articles WHERE analysed = 1"):
                    found.setdefault(key, {"id": key, "sha256": sha})
            finally:
                db.close()
        except sqlite3.Error:
            pass  # derived: a catalogue that cannot be read hints nothing
    return found


def rebuild_records(root: Path, file_key: Callable[[str], str]) -> list[dict]:
    """The index's article records, made again from the store folder `root`: one per article
    that has an annotation file or a kept text, oldest first. `file_key(id)` is the file name
    the store gives an article id."""
    articles = _article_ids(root / "articles") if (root / "articles").is_dir() else {}
    texts = {p.stem: p for p in sorted((root / "texts").glob("*.txt"))} if (root / "texts").is_dir() else {}
    ids: dict[str, str | None] = {key: created for key, created in articles.values()}
    for stem, path in texts.items():
        if stem not in articles and _SAFE.fullmatch(stem):
            ids.setdefault(stem, _stamp(path))
    analysed = _analysed(root)
    records = [_recovered(root, key, created, file_key, analysed) for key, created in ids.items()]
    records.sort(key=lambda r: r["added"])
    return records


def recovered_record(root: Path, key: str, created: str | None, file_key: Callable[[str], str]) -> dict:
    """The record of one article made again from the folder (its kept text, else its analysis:
    the one kept beside it, else the catalogue's)."""
    try:
        kept = json.loads((root / "analyses" / f"{file_key(key)}.json").read_bytes())
    except (OSError, ValueError):
        kept = None
    if isinstance(kept, dict) and isinstance(kept.get("sha256"), str):
        return _recovered(root, key, created, file_key, {key: kept})
    return _recovered(root, key, created, file_key, _analysed(root))


def _recovered(root: Path, key: str, created: str | None, file_key: Callable[[str], str], analysed: dict) -> dict:
    try:
        text: str | None = (root / "texts" / f"{file_key(key)}.txt").read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        text = None
    found = analysed.get(key, {})
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else found.get("sha256")
    if not isinstance(sha, str):
        sha = ""  # neither its text nor its analysis is kept: listed, its notes kept, not reopened
    counts = {}
    if found.get("sha256") == sha and isinstance(found.get("actors"), list) and isinstance(found.get("quotes"), list):
        counts = {"actors": len(found["actors"]), "quotes": len(found["quotes"])}
    stamp = created or datetime.now(UTC).isoformat(timespec="seconds")
    return {
        "id": key,
        "path": None,
        "sha256": sha,
        "source": "",
        "title": title_of(text) if text else "",
        "url": None,
        "site": None,
        "authors": [],
        "published": None,
        "kind": "text",
        "words": len(text.split()) if text is not None else None,
        **counts,
        "added": stamp,
        "seen": stamp,
        RECOVERED: True,
    }
