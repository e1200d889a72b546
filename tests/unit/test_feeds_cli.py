"""`byline feed` and `byline refresh` as a user and cron meet them: one line per answer, quiet
when all went well, and the exit status says whether some feeds or all failed."""

from __future__ import annotations

import json
import subprocess

import feedparser

from tests.conftest import byline_here
from tests.unit.test_feeds import base_of, rss20, serve_pages


def byline(*args: str) -> subprocess.CompletedProcess:
    return byline_here(*args)


def test_follow_refresh_quietly_then_list_remove_and_move_as_opml(httpserver, tmp_path):
    base = base_of(httpserver)
    httpserver.expect_request("/feed").respond_with_data(
        rss20(base, ["ferry", "tide"]), content_type="application/rss+xml"
    )
    serve_pages(httpserver)
    added = byline("feed", "add", httpserver.url_for("/feed"))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("following feed 1: Gazette news") and "2 stories" in added.stdout
    again = byline("feed", "add", httpserver.url_for("/feed"))
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "followed already" in again.stderr

    quiet = byline("refresh")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""  # cron mails nothing
    listing = json.loads(byline("library", "--format", "json").stdout)
    assert sorted((e["title"], e["unread"], e["feed"]) for e in listing) == [
        ("Ferry story", True, "Gazette news"),
        ("Tide story", True, "Gazette news"),
    ]
    summary = json.loads(byline("refresh", "--format", "json").stdout)
    assert summary["added"] == 0 and summary["pages"] == 0 and summary["requests"] == 1

    opml = tmp_path / "feeds.opml"
    assert byline("feed", "export", "-o", str(opml)).returncode == 0
    parsed = feedparser.parse(opml.read_bytes())
    assert not parsed.bozo and b'xmlUrl="' + httpserver.url_for("/feed").encode() in opml.read_bytes()
    assert "Gazette news" in byline("feed", "list").stdout
    removed = byline("feed", "remove", "1")
    assert removed.returncode == 0 and "its articles stay" in removed.stdout
    assert byline("feed", "list", "--format", "json").stdout.strip() == "[]"
    imported = byline("feed", "import", str(opml))
    assert imported.returncode == 0 and "following 1 new feed" in imported.stdout
    assert [f["url"] for f in json.loads(byline("feed", "list", "--format", "json").stdout)] == [
        httpserver.url_for("/feed")
    ]


def test_refresh_says_which_feed_failed_and_exits_1_then_2(httpserver):
    base = base_of(httpserver)
    httpserver.expect_request("/feed").respond_with_data(rss20(base, ["ferry"]), content_type="application/rss+xml")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    serve_pages(httpserver)
    assert byline("feed", "add", httpserver.url_for("/feed")).returncode == 0
    httpserver.expect_request("/gone-soon").respond_with_data(rss20(base, []), content_type="application/rss+xml")
    assert byline("feed", "add", httpserver.url_for("/gone-soon")).returncode == 0
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(rss20(base, ["ferry"]), content_type="application/rss+xml")
    httpserver.expect_request("/gone-soon").respond_with_data("no", status=404)
    serve_pages(httpserver)
    some = byline("refresh")
    assert some.returncode == 1, some.stderr
    lines = some.stderr.splitlines()
    assert lines[0].startswith("byline: feed 2: ") and "404" in lines[0]
    assert lines[-1] == "added 1 article from 2 feeds; 1 failed" and "Traceback" not in some.stderr
    httpserver.clear()
    assert byline("refresh").returncode == 2
    assert byline("feed", "add", "not a url").returncode == 2
