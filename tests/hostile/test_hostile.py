"""The corpus of hostile inputs: every case folder under tests/hostile/<group>/<case>/ with a
case.toml runs through the command line as a user would, and must end in a clear line or a
correct result: no traceback, no escape byte sent to the terminal, nothing lost from the store.

A new case is a new folder; this file does not change. tests/hostile/README.md describes case.toml.
"""

from __future__ import annotations

import os
import runpy
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CASES = sorted(HERE.glob("*/*/case.toml"))
#: What must never reach a terminal: ESC, BEL, CSI as a character, and a raw 0x9b byte.
ESCAPES = ("\x1b", "\x07", "\x9b", "\udc9b")
DEFAULT_TIMEOUT = 120


def case_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}"


def fill(value: str, places: dict[str, Path]) -> str:
    for name, path in places.items():
        value = value.replace("{" + name + "}", str(path))
    return value


def prepare(case: Path, work: Path, home: Path) -> dict:
    """Copy the case's files into `work` (its home/ folder into BYLINE_HOME), make its pipes and
    links, seed the store, run its generate.py; the parsed case.toml."""
    spec = tomllib.loads(case.read_text(encoding="utf-8"))
    folder = case.parent
    for item in folder.iterdir():
        if item.name in ("case.toml", "generate.py", "__pycache__"):
            continue
        target = home if item.name == "home" else work / item.name
        if item.is_dir():
            shutil.copytree(item, target, symlinks=True, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target)
    setup = spec.get("setup", {})
    for name in setup.get("fifos", []):
        os.mkfifo(work / name)
    for name, points_to in setup.get("symlinks", {}).items():
        (work / name).symlink_to(fill(points_to, {"work": work, "home": home}))
    for seed in setup.get("seed", []):
        plant(work / seed["article"], seed)
    if (folder / "generate.py").exists():
        runpy.run_path(str(folder / "generate.py"), init_globals={"work": work, "home": home})
    return spec


def plant(article_path: Path, seed: dict) -> None:
    """An annotation in the store, as the reader would make it (this process has BYLINE_HOME)."""
    from byline.tui.core.session import Session
    from byline.tui.core.sources import load_article
    from byline.tui.core.store import Store

    article = load_article(article_path)
    session = Session.open(article, Store())
    start = article.text.index(seed["passage"])
    session.add(
        session.new(
            (start, start + len(seed["passage"])), labels=list(seed.get("labels", [])), note=seed.get("note", "")
        )
    )
    session.save_all()


def stored_annotations() -> int:
    """The annotations the store's files hold, read as they are (never through a Store: opening
    one moves an old store or rebuilds a catalogue, which the case's own steps are to meet)."""
    from byline.tui.core.paths import legacy_store_file, store_dir
    from byline.tui.core.tablefile import DamagedStore, read_tables

    count = 0
    for path in [*sorted(store_dir().glob("articles/*.json")), legacy_store_file()]:
        try:
            data, _ = read_tables(path, exact=False)
        except DamagedStore:
            continue
        table = (data or {}).get("annotations", {})
        count += sum(1 for raw in table.values() if _readable(raw))
    return count


def _readable(raw: object) -> bool:
    from byline.tui.core.records import Bad, annotation_from

    try:
        annotation_from(raw)
    except Bad:
        return False
    return True


def run_step(step: dict, work: Path, home: Path, case: Path) -> None:
    places = {"work": work, "home": home, "case": case.parent}
    args = [fill(a, places) for a in step["args"]]
    stdin = (work / step["stdin"]).read_bytes() if "stdin" in step else b""
    env = {**os.environ, "BYLINE_HOME": str(home), "PYTHONWARNINGS": "ignore"}
    stdout_file = step.get("stdout_to")
    with open(stdout_file, "wb") if stdout_file else open(os.devnull, "wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "byline.tui", *args],
            input=stdin,
            cwd=work,
            env=env,
            stdout=subprocess.PIPE if not stdout_file else sink,
            stderr=subprocess.PIPE,
            timeout=step.get("timeout", DEFAULT_TIMEOUT),
        )
    out = (result.stdout or b"").decode("utf-8", "surrogateescape")
    err = result.stderr.decode("utf-8", "surrogateescape")
    shown = f"byline {' '.join(args)}\n--- stderr:\n{err[-2000:]}"
    assert "Traceback" not in err, shown
    for escape in ESCAPES:
        assert escape not in out and escape not in err, f"{escape!r} reached the terminal: {shown}"
    status = step.get("status", 0)
    assert result.returncode in (status if isinstance(status, list) else [status]), shown
    lines = err.count("\n")
    assert lines == step.get("stderr_lines", lines if lines <= 1 else 1), shown
    for words in step.get("stderr", []):
        assert fill(words, places) in err, shown
    for words in step.get("stdout", []):
        assert fill(words, places) in out, out[-2000:]
    for words in step.get("stdout_not", []):
        assert fill(words, places) not in out, out[-2000:]


def _param(case: Path):
    """A case whose steps need more than the default time is a slow test."""
    steps = tomllib.loads(case.read_text(encoding="utf-8")).get("step", [])
    slow = any(step.get("timeout", DEFAULT_TIMEOUT) > DEFAULT_TIMEOUT for step in steps)
    return pytest.param(case, id=case_id(case), marks=[pytest.mark.slow] if slow else [])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_case(case: Path, tmp_path: Path, byline_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    spec = prepare(case, work, byline_home)
    before = (
        {p.name: p.read_bytes() for p in work.iterdir() if p.is_file() and not p.is_symlink() and not p.is_fifo()}
        if spec.get("expect", {}).get("unchanged")
        else {}
    )
    seeded = stored_annotations()
    for step in spec.get("step", []):
        run_step(step, work, byline_home, case)
    expect = spec.get("expect", {})
    for name in expect.get("unchanged", []):
        assert (work / name).read_bytes() == before[name], f"{name} was changed"
    for name in expect.get("missing", []):
        assert not (work / name).exists(), f"{name} was written"
    for name in expect.get("present", []):
        assert (work / name).exists(), f"{name} was not written"
    after = stored_annotations()
    assert after >= seeded, f"{seeded - after} annotations lost from the store"
    if "annotations" in expect:
        assert after == expect["annotations"]
    for secret in expect.get("store_has_not", []):
        for path in byline_home.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), f"{secret!r} copied into {path}"


def test_the_corpus_is_found():
    assert any(case_id(c).startswith("exports/") for c in CASES)
