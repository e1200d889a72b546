"""A library that cannot be written (a read-only mount, a colleague's folder, a full quota) is
read without a write lock: every note shows, every reading command works, and a write says once,
in one line, that it cannot save; the message never suggests moving the store aside."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys

import pytest
from filelock import FileLock

from byline.tui.core.errors import StoreError
from byline.tui.core.session import Session
from byline.tui.core.sources import load_article
from byline.tui.core.store import Store
from tests.conftest import OUTSIDE

STORY = (
    "The mayor of Riga said on Tuesday that the harbour plan would cost 12 million euros. "
    '"We will build it," Anna Berzina said.\n'
)


@pytest.fixture
def library(tmp_path):
    """A library holding one article with one note."""
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    article = load_article(path)
    session = Session.open(article, Store())
    start = article.text.index("harbour plan")
    session.add(session.new((start, start + 12), labels=["claim"], note="check the cost"))
    session.save_all()
    return path


def _unwritable(monkeypatch) -> None:
    """The folder as a read-only mount makes it: no lock file can be made, nothing is writable."""

    def refuse(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(FileLock, "acquire", refuse)
    monkeypatch.setattr("byline.tui.core.store._read_only_mount", lambda folder: True)


def test_a_library_that_cannot_be_written_is_read_whole(library, monkeypatch):
    _unwritable(monkeypatch)
    store = Store()
    assert store.readonly and store.problem is None
    assert [r["path"] for r in store.records()] == [str(library)]
    session = Session.open(load_article(library), store)
    assert [a.note for a in session.annotations] == ["check the cost"]
    assert len(store.notices) == 1 and "cannot be written" in store.notices[0]
    assert "move" not in store.notices[0]
    with pytest.raises(StoreError, match="cannot be written"):
        session.add(session.new((0, 3), labels=["claim"]))


def _ro(home) -> list[str] | None:
    """A command line that runs what follows with `home` mounted read-only (a user namespace),
    or None where this system cannot."""
    if not shutil.which("unshare"):
        return None
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    return [
        "unshare",
        "-rm",
        "sh",
        "-c",
        f'mount --bind "{home}" "{home}" && mount -o remount,bind,ro "{home}" && exec "$@"',
        "-",
    ]


def test_commands_read_a_read_only_mount(library, byline_home):
    prefix = _ro(byline_home)
    if prefix is None:
        pytest.skip("no user namespaces here to mount the library read-only")

    def run(*args: str):
        return subprocess.run([*prefix, sys.executable, "-m", "byline.tui", *args], capture_output=True, cwd=OUTSIDE)

    listed = run("library")
    assert listed.returncode == 0, listed.stderr.decode()
    assert b"The mayor of Riga" in listed.stdout and listed.stderr.decode().count("\n") == 1
    exported = run("export", str(library), "-f", "csv")
    assert exported.returncode == 0, exported.stderr.decode()
    assert b"check the cost" in exported.stdout
    added = run("add", str(library), "--jobs", "1")
    err = added.stderr.decode()
    assert added.returncode == 2 and err.count("\n") == 1 and "cannot be written" in err, err
