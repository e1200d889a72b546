"""The feeds the user follows, and what each was last fetched as: `feeds.json` in the store's
folder, a TinyDB file written atomically under its lock (tablefile.py), like every file that
holds what the user chose. A damaged file is never overwritten: one line says so.

Each feed keeps its validators (ETag, Last-Modified) for conditional requests and the keys of
the items already taken, so a refresh asks only for what is new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .annotation import now
from .errors import FeedError, StoreError
from .store import Store
from .tablefile import DamagedStore, TableFile
from .visible import one_line

FILE = "feeds.json"
TABLE = "feeds"
SCHEMA = 1
#: Item keys remembered per feed: far more than any feed lists at once.
KEEP_SEEN = 2000


@dataclass
class Subscription:
    """One feed followed."""

    id: str  # a small number, as `byline feed list` shows it
    url: str
    title: str
    site: str | None = None
    added: str = ""
    etag: str | None = None
    modified: str | None = None
    checked: str | None = None  # when it was last fetched
    error: str | None = None  # why the last refresh failed, if it did
    seen: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return one_line(self.title or self.url)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}

    @classmethod
    def of(cls, raw: object) -> Subscription | None:
        """A stored record, or None when it is damaged (left in the file as it is)."""
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("url"), str):
            return None
        text = {k: raw.get(k) if isinstance(raw.get(k), str) else None for k in ("site", "etag", "modified", "checked")}
        seen = raw.get("seen")

        def text_of(key: str) -> str:
            value = raw.get(key)
            return value if isinstance(value, str) else ""

        return cls(
            id=raw["id"],
            url=raw["url"],
            title=text_of("title"),
            added=text_of("added"),
            error=raw.get("error") if isinstance(raw.get("error"), str) else None,
            seen=[s for s in seen if isinstance(s, str)] if isinstance(seen, list) else [],
            **text,
        )


class Subscriptions:
    """The feeds followed, in the store's folder."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.file: TableFile = store.table_file(FILE)

    def all(self) -> list[Subscription]:
        """Every feed followed, in the order they were added."""
        try:
            tables = self.file.load()
        except DamagedStore as exc:
            raise StoreError(
                f"{self.file.path} {exc}: it was left untouched (restore a backup or move it aside)"
            ) from None
        found = (Subscription.of(raw) for raw in tables.get(TABLE, {}).values())
        return sorted((s for s in found if s is not None), key=lambda s: int(s.id) if s.id.isdigit() else 0)

    def find(self, name: str) -> Subscription | None:
        """A feed by its number or its address."""
        return next((s for s in self.all() if name in (s.id, s.url)), None)

    def add(self, url: str, title: str, site: str | None) -> Subscription:
        """Follow a feed (FeedError when it is followed already)."""
        made: list[Subscription] = []

        def change(tables: dict) -> None:
            table = tables.setdefault(TABLE, {})
            known = [s for s in (Subscription.of(r) for r in table.values()) if s is not None]
            same = next((s for s in known if s.url == url), None)
            if same is not None:
                raise FeedError(f"{one_line(url)} is followed already (feed {same.id}, {same.name})")
            number = max((int(s.id) for s in known if s.id.isdigit()), default=0) + 1
            tables.setdefault("meta", {"1": {"schema": SCHEMA}})
            sub = Subscription(str(number), url, title, site, added=now())
            self.file.insert(tables, TABLE, sub.to_dict())
            made.append(sub)

        self._modify(change)
        return made[0]

    def remove(self, name: str) -> Subscription:
        """Stop following a feed, by its number or address (the articles it brought stay)."""
        gone: list[Subscription] = []

        def change(tables: dict) -> None:
            table = tables.get(TABLE, {})
            for doc, raw in list(table.items()):
                sub = Subscription.of(raw)
                if sub is not None and name in (sub.id, sub.url):
                    del table[doc]
                    gone.append(sub)
                    return
            raise FeedError(f"no feed {one_line(name)} is followed (byline feed list shows them)")

        self._modify(change)
        return gone[0]

    def update(self, changes: dict[str, Callable[[Subscription], None]]) -> None:
        """Change feeds by id in one write (`changes[id](subscription)` edits it)."""

        def change(tables: dict) -> bool:
            dirty = False
            for doc, raw in tables.get(TABLE, {}).items():
                sub = Subscription.of(raw)
                if sub is not None and sub.id in changes:
                    changes[sub.id](sub)
                    sub.seen = sub.seen[-KEEP_SEEN:]
                    tables[TABLE][doc] = sub.to_dict()
                    dirty = True
            return dirty

        self._modify(change)

    def _modify(self, change: Callable[[dict], object]) -> None:
        if self.store.readonly:
            raise StoreError(self.store.problem or "the store is read-only")
        try:
            self.file.modify(change)
        except DamagedStore as exc:
            raise StoreError(
                f"{self.file.path} {exc}: it was left untouched (restore a backup or move it aside)"
            ) from None


def remember(seen: Iterable[str], keys: Iterable[str]) -> list[str]:
    """`seen` with `keys` added at the end, each once."""
    out = list(seen)
    have = set(out)
    for key in keys:
        if key not in have:
            have.add(key)
            out.append(key)
    return out
