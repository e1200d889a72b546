"""People across the library, as the catalogue counts them and as the user merged and split them.

Each actor of each article has a person key (catalogue.person_key); obvious variants of one name
(a middle initial; titles and possessives are gone already) share a group by default
(catalogue.variant). The user's library-level merges and splits are user data, kept like
corrections in a TinyDB file of the store (`people-merges.json`: atomic, locked), undoable and
redoable, and applied everywhere by the catalogue as overrides: a person key's group.

Doubtful variants (the same surname, a close spelling) are offered by `suggestions`, never merged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .annotation import new_id, now
from .catalogue import Catalogue
from .catalogue_rows import variant
from .library_people import Appearance, Person, QuoteRef, _full, normalise
from .tablefile import DamagedStore

if TYPE_CHECKING:
    from .store_view import StoreView

FILE = "people-merges.json"
_KIND = {"person": "PERSON", "org": "ORG", "place": "GPE", "group": "NORP"}


@dataclass
class Merge:
    """One merge or split the user made of people across the library."""

    id: str
    kind: str  # merge | split
    people: list[str]  # person keys
    into: str = ""  # merge: the group they join
    name: str = ""  # what the user saw it called, for the history
    created: str = field(default_factory=now)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "people": self.people,
            "into": self.into,
            "name": self.name,
            "created": self.created,
        }


def _file(store: StoreView):
    return store.table_file(FILE)


def stamp(store: StoreView) -> str:
    try:
        st = (store.path / FILE).stat()
    except OSError:
        return "-"
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def _load(store: StoreView) -> tuple[list[Merge], list[Merge]]:
    """(merges in force, in order; undone ones, newest last)."""
    try:
        data = _file(store).load()
    except DamagedStore:
        return [], []

    def read(table: str) -> list[Merge]:
        found = []
        for raw in (data or {}).get(table, {}).values():
            if isinstance(raw, dict) and raw.get("kind") in ("merge", "split") and isinstance(raw.get("people"), list):
                people = [p for p in raw["people"] if isinstance(p, str)]
                found.append(
                    Merge(
                        str(raw.get("id", "")),
                        raw["kind"],
                        people,
                        str(raw.get("into") or ""),
                        str(raw.get("name") or ""),
                        str(raw.get("created") or ""),
                    )
                )
        return found

    return read("merges"), read("undone")


def history(store: StoreView) -> list[Merge]:
    return _load(store)[0]


def _save(store: StoreView, merges: list[Merge], undone: list[Merge]) -> None:
    if store.readonly:
        from .errors import StoreError

        raise StoreError(store.problem or "the store is read-only")
    data = {
        "meta": {"1": {"schema": 1}},
        "merges": {str(i): m.to_dict() for i, m in enumerate(merges, 1)},
        "undone": {str(i): m.to_dict() for i, m in enumerate(undone, 1)},
    }

    def change(tables: dict) -> bool:
        tables.clear()
        tables.update(data)
        return True

    _file(store).modify(change)


def record(store: StoreView, merge: Merge) -> None:
    merges, _ = _load(store)
    _save(store, [*merges, merge], [])


def undo(store: StoreView) -> Merge | None:
    merges, undone = _load(store)
    if not merges:
        return None
    last = merges.pop()
    _save(store, merges, [*undone, last])
    return last


def redo(store: StoreView) -> Merge | None:
    merges, undone = _load(store)
    if not undone:
        return None
    again = undone.pop()
    _save(store, [*merges, again], undone)
    return again


def groups(store: StoreView, cat: Catalogue) -> dict[str, str]:
    """The group of every person key that is not simply in its variant's group: joined to
    another by an alias that is the other's full name, or moved by the user's merges and splits
    (applied last, in order: the user's word wins)."""
    parent: dict[str, str] = {}

    def root(g: str) -> str:
        while parent.get(g, g) != g:
            g = parent[g]
        return g

    for person, alias in cat.db.execute(
        "SELECT DISTINCT a.person, a.key FROM alias_keys a JOIN people p ON p.person = a.key"
    ):
        x, y = root(variant(person)), root(variant(alias))
        if x != y:
            parent[max(x, y)] = min(x, y)
    override: dict[str, str] = {}
    if parent:
        joined = set(parent)
        marks = ",".join("?" * len(joined))
        for person, group in cat.db.execute(
            f"SELECT person, variant FROM people WHERE variant IN ({marks})", tuple(joined)
        ):
            override[person] = root(group)
    merges, _ = _load(store)

    def group_of(key: str) -> str:
        return override.get(key) or variant(key)

    def members(group: str) -> list[str]:
        keys = {r[0] for r in cat.db.execute("SELECT person FROM people WHERE variant = ?", (group,))}
        keys |= {k for k, g in override.items() if g == group}
        return [k for k in keys if group_of(k) == group]

    for m in merges:
        if m.kind == "split":
            for key in m.people:
                override[key] = "split:" + key
        else:
            target = group_of(m.into)
            for key in m.people:
                for member in [key, *members(group_of(key))]:
                    override[member] = target
    return override


# -- reading people -------------------------------------------------------------------------------
_GROUPED = """
SELECT COALESCE(o.grp, p.variant) AS g, SUM(p.articles) AS articles, SUM(p.quoted_in), SUM(p.quotes), SUM(p.words),
       group_concat(p.person, char(31)), group_concat(p.name, char(31)), group_concat(p.articles, char(31)), MAX(p.kind)
FROM people p LEFT JOIN overrides o ON o.person = p.person
{where}
GROUP BY g
"""


def _people(db: sqlite3.Connection, where: str, args: tuple, order_limit: str) -> list[Person]:
    found = []
    for g, articles, quoted_in, quotes, words, keys, names, counts, kind in db.execute(
        _GROUPED.format(where=where) + order_limit, args
    ):
        names_l, counts_l = names.split("\x1f"), [int(c) for c in counts.split("\x1f")]
        name = max(zip(names_l, counts_l, strict=False), key=lambda nc: (nc[1], len(nc[0])))[0]
        person = Person(name, _KIND.get(kind, "ORG"), sorted({n for n in names_l if n != name}))
        person.group, person.keys = g, keys.split("\x1f")
        person.article_count, person.quoted_in, person.quote_count, person.words = articles, quoted_in, quotes, words
        found.append(person)
    return found


def people(cat: Catalogue, limit: int | None = None, words: str = "") -> list[Person]:
    """People, most articles first (then most quoted); `words` keeps those whose name holds them."""
    where = ""
    args: tuple[str, ...] = ()
    if words.strip():
        where, args = "WHERE p.name LIKE ? ESCAPE '\\'", ("%" + _like(words.strip()) + "%",)
    order = " ORDER BY articles DESC, SUM(p.quotes) DESC, g"
    if limit is not None:
        order += f" LIMIT {int(limit)}"
    return _people(cat.db, where, args, order)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find(cat: Catalogue, name: str) -> list[Person]:
    """The people a name stands for: a full name (or an obvious variant of it); one word finds
    everyone of that surname, each on their own, and an organisation or place of that name."""
    wanted = normalise(name)
    if not wanted:
        return []
    full = _full(name) or wanted
    keys = [f"{kind}:{full}" for kind in ("person", "org", "place", "group")]
    if " " in wanted:
        rows = cat.db.execute(
            "SELECT person FROM people WHERE person IN (?, ?, ?, ?) OR variant = ? OR lower(name) = ?",
            (*keys, variant(keys[0]), name.casefold()),
        )
    else:
        rows = cat.db.execute("SELECT person FROM people WHERE surname = ? OR person IN (?, ?, ?, ?)", (wanted, *keys))
    hits = {r[0] for r in rows}
    if not hits:
        return []
    marks = ",".join("?" * len(hits))
    groups = [
        r[0]
        for r in cat.db.execute(
            f"SELECT DISTINCT COALESCE(o.grp, p.variant) FROM people p LEFT JOIN overrides o ON o.person = p.person "
            f"WHERE p.person IN ({marks})",
            tuple(hits),
        )
    ]
    gm = ",".join("?" * len(groups))
    return _people(cat.db, f"WHERE COALESCE(o.grp, p.variant) IN ({gm})", tuple(groups), " ORDER BY articles DESC, g")


def fill(cat: Catalogue, person: Person, appearances: bool = True) -> Person:
    """A person's quotes and aliases (newest articles first), from the catalogue, and their
    appearances unless not wanted (a speaker's quotes: one quoted in 50,000 articles need not
    have 50,000 appearances read)."""
    import orjson

    keys = getattr(person, "keys", [])
    if not keys or getattr(person, "filled", False):
        return person
    marks = ",".join("?" * len(keys))
    person.appearances = (
        [
            Appearance(article, title or "", name, type_, orjson.loads(roles), mentions)
            for article, title, name, type_, roles, mentions in cat.db.execute(
                f"SELECT a.article, r.title, a.name, a.type, a.roles, a.mentions FROM actors a JOIN articles r "
                f"ON r.id = a.article WHERE a.person IN ({marks}) ORDER BY r.added DESC, r.rowid DESC",
                tuple(keys),
            )
        ]
        if appearances
        else []
    )
    aliases = dict.fromkeys(person.aliases)
    rows = cat.db.execute(f"SELECT DISTINCT aliases FROM actors WHERE person IN ({marks}) ORDER BY rowid", tuple(keys))
    for (raw,) in rows:
        aliases.update(dict.fromkeys(a for a in orjson.loads(raw) if a != person.name))
    person.aliases = list(aliases)
    person.quotes = []
    for article, title, start, end, text, kind, speaker, anonymous, parts in cat.db.execute(
        f"SELECT q.article, r.title, q.start, q.end, q.text, q.kind, q.speaker, q.anonymous, q.parts FROM quotes q "
        f"JOIN articles r ON r.id = q.article WHERE q.person IN ({marks}) ORDER BY r.added DESC, r.rowid DESC, q.start",
        tuple(keys),
    ):
        person.quotes.append(QuoteRef(article, title or "", start, end, text, kind, speaker, bool(anonymous)))
        person.quotes += [  # the parts of that act of speech (speech.py), listed under it
            QuoteRef(article, title or "", p["start"], p["end"], p["text"], p["kind"], speaker, bool(anonymous))
            for p in orjson.loads(parts)
        ]
    person.filled = appearances
    return person


def suggestions(cat: Catalogue, person: Person, limit: int = 8) -> list[Person]:
    """People who may be the same as `person` (the same surname, or a close spelling): offered
    for a merge, never merged by themselves."""
    from rapidfuzz import fuzz, process

    surname = normalise(person.name).split()[-1:] or [""]
    same = [p for p in find(cat, surname[0]) if p.group != getattr(person, "group", None)] if surname[0] else []
    names = {p.name: p for p in people(cat, limit=5000) if p.group != getattr(person, "group", None)}
    close = [
        names[n]
        for n, score, _ in process.extract(person.name, list(names), scorer=fuzz.WRatio, limit=limit)
        if score >= 80
    ]
    seen: dict[str, Person] = {}
    for p in [*same, *close]:
        seen.setdefault(p.group, p)
    return list(seen.values())[:limit]


def merge_people(store: StoreView, people_: list[Person], into: Person) -> Merge:
    """Make several people one (the user's word, kept and undoable)."""
    keys = [k for p in people_ for k in getattr(p, "keys", []) if p.group != into.group]
    m = Merge(new_id(), "merge", keys, into.keys[0], into.name)
    record(store, m)
    return m


def split_person(store: StoreView, person: Person, key: str) -> Merge:
    """Take one name (a person key) out of a person: it stands on its own from now on."""
    m = Merge(new_id(), "split", [key], "", person.name)
    record(store, m)
    return m
