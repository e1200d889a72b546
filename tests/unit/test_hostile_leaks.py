"""A user name and password in a URL are never sent, and never kept: not in the index, the cache,
`library --format json` or an export. Cache files are as private as the store."""

from __future__ import annotations

import stat

import pytest
from pytest_httpserver import HTTPServer

from byline.tui.core import cache
from byline.tui.core.sources.fetch import without_credentials

from .test_cli import byline
from .test_sources import NEWS_PAGE

#: each test reads and writes cache files of its own
pytestmark = pytest.mark.private_cache
SECRET = "hunter2secret"


@pytest.fixture
def server():
    httpserver = HTTPServer()
    httpserver.start()
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest.mark.parametrize(
    "url, kept",
    [
        ("http://user:pass@host/a", "http://host/a"),
        ("https://u@host:8080/a?b=c@d", "https://host:8080/a?b=c@d"),
        ("http://host/a@b", "http://host/a@b"),
        ("HTTP://a:b:c@host", "HTTP://host"),
        ("http://host/", "http://host/"),
    ],
)
def test_credentials_are_taken_out_of_an_address(url, kept):
    assert without_credentials(url) == kept


def test_credentials_are_neither_sent_nor_kept(server, byline_home, tmp_path):
    server.expect_request("/news/harbour").respond_with_data(NEWS_PAGE, content_type="text/html; charset=utf-8")
    url = server.url_for("/news/harbour").replace("://", f"://reader:{SECRET}@")
    added = byline("add", url, "--jobs", "1")
    assert added.returncode == 0, added.stderr.decode()
    assert "password" in added.stderr.decode() and SECRET not in added.stderr.decode()
    request, _ = server.log[0]
    assert "Authorization" not in request.headers
    listed = byline("library", "--format", "json")
    exported = byline("export", server.url_for("/news/harbour"), "-f", "json")
    assert exported.returncode == 0, exported.stderr.decode()
    for out in (listed.stdout, exported.stdout):
        assert SECRET.encode() not in out
    for path in byline_home.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_cache_files_are_private_whatever_the_umask(tmp_path, byline_home):
    import os

    story = tmp_path / "story.txt"
    story.write_text("The council met on Monday. The mayor said the bridge would reopen in May.\n", "utf-8")
    old = os.umask(0o022)
    try:
        assert byline("add", str(story), "--jobs", "1").returncode == 0
    finally:
        os.umask(old)
    files = list(cache.cache_folder().rglob("*.json"))
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        folder = path.parent
        while folder != byline_home:
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
            folder = folder.parent
