"""What of a store the catalogue's indexing and the people merges read: a Protocol, so that the
modules the store itself uses never import it back (no cycle, not even for the type checker)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .annotation import Annotation
    from .tablefile import TableFile


class StoreView(Protocol):
    path: Path
    readonly: bool
    problem: str | None
    skipped: list[str]
    legacy_records: dict[str, dict]

    def article_path(self, key: str) -> Path: ...

    def text(self, key: str, sha256: str | None = None) -> str | None: ...

    def annotations_in(self, key: str, path: Path, data: dict) -> list[Annotation]: ...

    def table_file(self, name: str, durable: bool = True) -> TableFile: ...
