"""Making the library's index again when it is gone, from what the store's folder still holds.

index.json only lists the articles: each article's notes are in articles/<id>.json (whose meta
record names its article id), its text in texts/<id>.txt, what its analysis found in people.json
(by id, with the hash of the text it was made from). So when the index is missing (moved aside
because it was damaged, or lost), every article with an annotation file or a kept text is listed
again under its own id, and its notes come back: the same text opened or added again is found
by its hash and gets its title, source and path back (`RECOVERED` records take every field from
the article then). A damaged index is never rebuilt over: the store refuses it untouched.
"""

from __future__ import annotations

import hashlib
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
    records: list[dict] = []
    for key, created in ids.items():
        text = None
        text_file = texts.get(file_key(key))
        if text_file is not None:
            try:
                text = text_file.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                text = None
        found = analysed.get(key, {})
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else found.get("sha256")
        if not isinstance(sha, str):
            sha = ""  # neither its text nor its analysis is kept: listed, its notes kept, not reopened
        counts = {}
        if (
            found.get("sha256") == sha
            and isinstance(found.get("actors"), list)
            and isinstance(found.get("quotes"), list)
        ):
            counts = {"actors": len(found["actors"]), "quotes": len(found["quotes"])}
        stamp = created or datetime.now(UTC).isoformat(timespec="seconds")
        records.append(
            {
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
        )
    records.sort(key=lambda r: r["added"])
    return records


def _unlisted(folder: Path, suffix: str, known: set[str]) -> dict[str, str]:
    """The files of `folder` (by stem: path) that belong to no article of the index."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return {}
    cut = len(suffix)
    return {
        entry.name[:-cut]: entry.path
        for entry in entries
        if entry.name.endswith(suffix) and entry.name[:-cut] not in known and _SAFE.fullmatch(entry.name[:-cut])
    }


def orphan_id(root: Path, known: set[str], sha256: str, file_key: Callable[[str], str], seen: dict) -> str | None:
    """The id of an article the folder keeps but the index does not list (an index made anew
    before it could be rebuilt), whose text is the one of `sha256`: the same text is then the
    same article again, with its notes. The folder is listed once per `seen` (a Store's), and
    only what the index does not list is read."""
    if "texts" not in seen:
        seen["texts"] = _unlisted(root / "texts", ".txt", known)
        seen["articles"] = _unlisted(root / "articles", ".json", known)
        seen["hashes"] = {}
    texts, hashes = seen["texts"], seen["hashes"]
    for stem in [stem for stem in texts if stem not in known]:
        if stem not in hashes:
            try:
                hashes[stem] = hashlib.sha256(Path(texts[stem]).read_bytes()).hexdigest()
            except OSError:
                hashes[stem] = None
        if hashes[stem] == sha256:
            del texts[stem]
            return stem
    if seen["articles"]:  # notes whose text is not kept: known by the text their analysis was made from
        if "analysed" not in seen:
            seen["analysed"] = _analysed(root)
        for key, found in seen["analysed"].items():
            if key not in known and file_key(key) in seen["articles"] and found.get("sha256") == sha256:
                return key
    return None
