"""What the reader remembers between runs: the theme, the last side-panel tab, and where the
reader was in each article. A small JSON file in the data directory, replaced atomically; a
missing, damaged or unwritable file is never an error (it is what a first run looks like)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

#: Reading positions kept: the most recent articles.
POSITIONS_KEPT = 500


def state_file() -> Path:
    from .paths import data_dir

    return data_dir() / "state.json"


@dataclass
class State:
    theme: str | None = None
    tab: str | None = None
    #: article key (its text hash) -> character offset of the cursor, most recent last
    positions: dict[str, int] = field(default_factory=dict)

    def position(self, key: str, length: int) -> int:
        """Where the reader was in this article (0 the first time), within its text."""
        return max(0, min(self.positions.get(key, 0), length))

    def remember(self, key: str, offset: int) -> None:
        self.positions.pop(key, None)
        self.positions[key] = int(offset)
        while len(self.positions) > POSITIONS_KEPT:
            self.positions.pop(next(iter(self.positions)))

    def to_dict(self) -> dict:
        return {"theme": self.theme, "tab": self.tab, "positions": self.positions}


def load_state(path: Path | None = None) -> State:
    """The remembered state, or a fresh one if there is none or it cannot be read."""
    path = path or state_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return State()
    if not isinstance(data, dict):
        return State()
    theme, tab, raw = data.get("theme"), data.get("tab"), data.get("positions")
    positions = {}
    if isinstance(raw, dict):
        positions = {str(k): v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool) and v >= 0}
    return State(theme if isinstance(theme, str) else None, tab if isinstance(tab, str) else None, positions)


def save_state(state: State, path: Path | None = None) -> bool:
    """Write the state (a temporary file, then a rename); False if it could not be written."""
    from .atomic import write_atomically

    path = path or state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(state.to_dict(), ensure_ascii=False).encode("utf-8"), durable=False)
    except OSError:
        return False
    return True
