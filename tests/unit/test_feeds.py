"""Following feeds as a reader meets them: every feed kind served from a local server, a site's
page that names its feed, unchanged feeds answered 304, a story whose page is gone, a broken
feed among good ones, one story in two feeds, and the list of feeds out and in as OPML."""

from __future__ import annotations

import json

import feedparser
import pytest
from werkzeug import Request, Response

from byline.tui.core.errors import FeedError
from byline.tui.core.feeds import parse_feed
from byline.tui.core.feeds_opml import from_opml, to_opml
from byline.tui.core.feeds_refresh import find_feed, follow, refresh
from byline.tui.core.feeds_store import Subscriptions
from byline.tui.core.library import Library
from byline.tui.core.store import Store

WORDS = {
    "ferry": "Dockworkers in Velmora returned to work on Monday after a week-long strike that stranded travellers.",
    "tide": "The harbour office in Velmora printed new tide tables for the summer season, its director Ilse Varga said.",
    "bridge": "Engineers closed the old Velmora bridge on Tuesday after inspectors found cracks in two of its piers.",
}


def page(slug: str, title: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="The Velmora Gazette"></head><body><article><h1>{title}</h1>'
        f"<p>{WORDS[slug]}</p><p>Officials said more details would follow later in the week, after a meeting.</p>"
        f"</article></body></html>"
    )


def rss20(base: str, slugs: list[str], title: str = "Gazette news") -> str:
    items = "".join(
        f"<item><title>{s.title()} story</title><link>{base}/story/{s}</link><guid>{base}/story/{s}</guid>"
        f"<author>desk@gazette.example (Ada Lund)</author><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Summary of the {s} story: {WORDS[s]}&lt;/p&gt;</description></item>"
        for s in slugs
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{base}/</link>{items}</channel></rss>'


def rss091(base: str, slugs: list[str]) -> str:
    items = "".join(
        f"<item><title>{s.title()} story</title><link>{base}/story/{s}</link><description>{WORDS[s]}</description></item>"
        for s in slugs
    )
    return f'<?xml version="1.0"?><rss version="0.91"><channel><title>Gazette 0.91</title><link>{base}/</link>{items}</channel></rss>'


def rss10(base: str, slugs: list[str]) -> str:
    items = "".join(
        f'<item rdf:about="{base}/story/{s}"><title>{s.title()} story</title><link>{base}/story/{s}</link>'
        f"<dc:date>2024-05-02T10:00:00Z</dc:date><description>{WORDS[s]}</description></item>"
        for s in slugs
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{base}/feed"><title>Gazette RDF</title><link>{base}/</link></channel>{items}</rdf:RDF>'
    )


def atom(base: str, slugs: list[str]) -> str:
    entries = "".join(
        f'<entry><id>urn:gazette:{s}</id><title>{s.title()} story</title><link href="{base}/story/{s}"/>'
        f"<updated>2024-05-02T10:00:00Z</updated><author><name>Ada Lund</name></author>"
        f'<summary type="html">&lt;p&gt;{WORDS[s]}&lt;/p&gt;</summary></entry>'
        for s in slugs
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Gazette Atom</title><id>urn:gazette</id><updated>2024-05-02T10:00:00Z</updated><link href="{base}/"/>{entries}</feed>'
    )


def jsonfeed(base: str, slugs: list[str]) -> str:
    items = [
        {
            "id": f"{base}/story/{s}",
            "url": f"{base}/story/{s}",
            "title": f"{s.title()} story",
            "content_html": f"<p>{WORDS[s]}</p>",
            "date_published": "2024-05-02T10:00:00Z",
            "authors": [{"name": "Ada Lund"}],
        }
        for s in slugs
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Gazette JSON", "items": items})


KINDS = {
    "rss20": (rss20, "application/rss+xml"),
    "rss091u": (rss091, "text/xml"),
    "rss10": (rss10, "application/rdf+xml"),
    "atom10": (atom, "application/atom+xml"),
    "json1.1": (jsonfeed, "application/feed+json"),
}


def serve_pages(server, slugs=("ferry", "tide", "bridge")) -> None:
    for slug in slugs:
        server.expect_request(f"/story/{slug}").respond_with_data(
            page(slug, f"{slug.title()} story"), content_type="text/html; charset=utf-8"
        )


@pytest.fixture
def library(byline_home) -> Library:
    return Library(Store(byline_home / "store"))


def base_of(server) -> str:
    return server.url_for("").rstrip("/")


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_feed_is_followed_and_its_stories_arrive_unread(httpserver, library, kind):
    write, media = KINDS[kind]
    base = base_of(httpserver)
    httpserver.expect_request("/feed").respond_with_data(write(base, ["ferry", "tide"]), content_type=media)
    serve_pages(httpserver)
    sub, feed = follow(library, httpserver.url_for("/feed"))
    assert feed.kind == kind and [i.title for i in feed.items] == ["Ferry story", "Tide story"]
    report = refresh(library, jobs=1)
    assert report.status == 0 and report.added == 2
    entries = {e.title: e for e in library.entries()}
    assert set(entries) == {"Ferry story", "Tide story"}
    ferry = entries["Ferry story"]
    assert ferry.unread and ferry.feed == feed.title and ferry.url == f"{base}/story/ferry"
    assert ferry.site == "The Velmora Gazette"  # the page's own metadata
    if kind != "rss091u":  # RSS 0.91 gives no date: the page gives none either
        assert ferry.published == "2024-05-02"  # the feed's date fills what the page lacks
    assert ferry.actors is not None  # analysed


def test_a_site_address_is_enough_when_its_page_names_its_feed(httpserver, library):
    base = base_of(httpserver)
    home = (
        '<!doctype html><html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" '
        'title="News" href="/news.xml"></head><body><p>Welcome</p></body></html>'
    )
    httpserver.expect_request("/").respond_with_data(home, content_type="text/html")
    httpserver.expect_request("/news.xml").respond_with_data(rss20(base, ["ferry"]), content_type="application/rss+xml")
    address, feed = find_feed(httpserver.url_for("/"))
    assert address == f"{base}/news.xml" and feed.title == "Gazette news"


def test_a_page_that_names_no_feed_is_one_line(httpserver, library):
    httpserver.expect_request("/").respond_with_data(
        "<!doctype html><html><body>Hi</body></html>", content_type="text/html"
    )
    with pytest.raises(FeedError, match="names no feed"):
        follow(library, httpserver.url_for("/"))
    assert Subscriptions(library.store).all() == []


def test_second_refresh_is_a_304_and_fetches_no_page(httpserver, library):
    base = base_of(httpserver)
    body = rss20(base, ["ferry"])

    def feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed").respond_with_handler(feed)
    serve_pages(httpserver)
    follow(library, httpserver.url_for("/feed"))
    first = refresh(library, jobs=1)
    assert first.added == 1 and first.pages == 1
    httpserver.clear_log()
    second = refresh(library, jobs=1)
    assert second.status == 0 and second.added == 0 and second.feeds[0].unchanged
    paths = [request.path for request, _ in httpserver.log]
    assert paths == ["/feed"] and second.pages == 0


def test_a_feed_without_validators_still_fetches_no_page_twice(httpserver, library):
    base = base_of(httpserver)
    httpserver.expect_request("/feed").respond_with_data(
        rss20(base, ["ferry", "tide"]), content_type="application/rss+xml"
    )
    serve_pages(httpserver)
    follow(library, httpserver.url_for("/feed"))
    assert refresh(library, jobs=1).added == 2
    httpserver.clear_log()
    again = refresh(library, jobs=1)
    assert again.added == 0 and [r.path for r, _ in httpserver.log] == ["/feed"]


def test_a_story_whose_page_is_gone_keeps_the_feeds_text_and_says_so(httpserver, library):
    base = base_of(httpserver)
    httpserver.expect_request("/feed").respond_with_data(
        rss20(base, ["ferry", "bridge"]), content_type="application/rss+xml"
    )
    serve_pages(httpserver, ["ferry"])
    httpserver.expect_request("/story/bridge").respond_with_data("gone", status=404)
    follow(library, httpserver.url_for("/feed"))
    report = refresh(library, jobs=1)
    assert report.status == 0 and report.added == 2
    (line,) = report.feeds[0].kept_feed_text
    assert "404" in line and "feed's text" in line
    bridge = next(e for e in library.entries() if e.title == "Bridge story")
    text = library.open(bridge.id).text
    assert WORDS["bridge"] in text and bridge.unread and bridge.authors == ("Ada Lund",)


def test_a_broken_feed_is_one_line_and_the_others_go_on(httpserver, library):
    base = base_of(httpserver)
    httpserver.expect_request("/good").respond_with_data(rss20(base, ["ferry"]), content_type="application/rss+xml")
    serve_pages(httpserver)
    follow(library, httpserver.url_for("/good"))
    subs = Subscriptions(library.store)
    subs.add(httpserver.url_for("/broken"), "Broken", None)
    subs.add(httpserver.url_for("/missing"), "Missing", None)
    subs.add(httpserver.url_for("/page"), "A page", None)
    httpserver.expect_request("/broken").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><<<', content_type="application/rss+xml"
    )
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    httpserver.expect_request("/page").respond_with_data(page("tide", "Tide"), content_type="text/html")
    report = refresh(library, jobs=1)
    assert report.status == 1 and report.added == 1
    errors = {f.title: f.error for f in report.feeds}
    assert "not well-formed XML" in errors["Broken"]
    assert "404" in errors["Missing"]
    assert "not a feed" in errors["A page"]
    assert all("\n" not in e for e in errors.values() if e)
    assert {s.title: s.error is not None for s in subs.all()} == {
        "Gazette news": False,
        "Broken": True,
        "Missing": True,
        "A page": True,
    }


def test_every_feed_failing_is_status_2(httpserver, library):
    Subscriptions(library.store).add(httpserver.url_for("/missing"), "Missing", None)
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    assert refresh(library, jobs=1).status == 2


def test_one_story_in_two_feeds_is_one_article(httpserver, library):
    base = base_of(httpserver)
    httpserver.expect_request("/a").respond_with_data(
        rss20(base, ["ferry", "tide"], "A"), content_type="application/rss+xml"
    )
    httpserver.expect_request("/b").respond_with_data(
        atom(base, ["tide", "bridge"]), content_type="application/atom+xml"
    )
    serve_pages(httpserver)
    follow(library, httpserver.url_for("/a"))
    follow(library, httpserver.url_for("/b"))
    report = refresh(library, jobs=1)
    assert report.added == 3 and report.pages == 3
    titles = sorted(e.title for e in library.entries())
    assert titles == ["Bridge story", "Ferry story", "Tide story"]


def test_the_same_text_at_two_addresses_is_one_article(httpserver, library):
    base = base_of(httpserver)
    feed = rss20(base, ["ferry"]).replace(
        "</channel>", f"<item><title>Copy</title><link>{base}/copy</link></item></channel>"
    )
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    serve_pages(httpserver)
    httpserver.expect_request("/copy").respond_with_data(page("ferry", "Ferry story"), content_type="text/html")
    follow(library, httpserver.url_for("/feed"))
    report = refresh(library, jobs=1)
    assert report.added == 1 and report.feeds[0].same == 1 and len(library.entries()) == 1


def test_opml_round_trip_read_by_feedparser_and_by_us(httpserver, library, tmp_path):
    subs = Subscriptions(library.store)
    subs.add("https://a.example/feed.xml", "Alpha & Co <news>", "https://a.example/")
    subs.add("https://b.example/atom", "Beta", None)
    data = to_opml(subs.all())
    parsed = feedparser.parse(data)  # its strict XML parser reads our export without a complaint
    assert not parsed.bozo
    assert from_opml(data, "x.opml") == [
        ("https://a.example/feed.xml", "Alpha & Co <news>"),
        ("https://b.example/atom", "Beta"),
    ]
    other = Subscriptions(Library(Store(tmp_path / "other")).store)
    for url, title in from_opml(data, "x.opml"):
        other.add(url, title, None)
    assert [(s.url, s.title) for s in other.all()] == [(s.url, s.title) for s in subs.all()]


def test_opml_that_is_not_xml_is_one_line():
    with pytest.raises(FeedError, match="not OPML"):
        from_opml(b"<opml><body><outline", "bad.opml")
    with pytest.raises(FeedError, match="not OPML"):
        from_opml(b"<html/>", "page.opml")


def test_following_a_feed_twice_is_refused(httpserver, library):
    httpserver.expect_request("/feed").respond_with_data(
        rss20(base_of(httpserver), ["ferry"]), content_type="application/rss+xml"
    )
    follow(library, httpserver.url_for("/feed"))
    with pytest.raises(FeedError, match="followed already"):
        follow(library, httpserver.url_for("/feed"))


def test_parse_feed_refuses_what_is_no_feed():
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b'{"version": "1.0", "items": []}', "https://x.example/feed.json")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"just some words", "https://x.example/feed")


def test_an_interrupted_refresh_keeps_what_it_analysed_and_takes_the_rest_next_time(httpserver, library, monkeypatch):
    from byline.tui.core import batch

    base = base_of(httpserver)
    httpserver.expect_request("/feed").respond_with_data(
        rss20(base, ["ferry", "tide"]), content_type="application/rss+xml"
    )
    serve_pages(httpserver)
    follow(library, httpserver.url_for("/feed"))
    real = batch.analyze_articles

    def interrupted(articles, model=None, jobs=0, on_done=None):
        real(articles[:1], model, 1, on_done)  # the first story, then ctrl+c
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "analyze_articles", interrupted)
    with pytest.raises(KeyboardInterrupt):
        refresh(library, jobs=1)
    kept = {e.title: e.unread for e in library.entries()}
    assert kept["Ferry story"] is True  # (the tide story too, when its analysis was cached already)
    monkeypatch.setattr(batch, "analyze_articles", real)
    httpserver.clear_log()
    report = refresh(library, jobs=1)
    rest = [] if "Tide story" in kept else ["/story/tide"]
    assert report.added == len(rest) and [r.path for r, _ in httpserver.log] == ["/feed", *rest]
    assert {e.title: e.unread for e in library.entries()} == {"Ferry story": True, "Tide story": True}


def test_two_addresses_of_one_story_with_one_canonical_url_are_one_article(httpserver, library):
    base = base_of(httpserver)
    canonical = f'<link rel="canonical" href="{base}/story/ferry">'
    first = page("ferry", "Ferry story").replace("</head>", canonical + "</head>")
    second = first.replace(
        "</article>", "<p>Updated: the first ferry left at six in the morning, its crew said.</p></article>"
    )
    feed_a = rss20(base, ["ferry"], "A")
    feed_b = rss20(base, ["ferry"], "B").replace(f"{base}/story/ferry", f"{base}/story/ferry?from=b")
    httpserver.expect_request("/a").respond_with_data(feed_a, content_type="application/rss+xml")
    httpserver.expect_request("/b").respond_with_data(feed_b, content_type="application/rss+xml")
    httpserver.expect_request("/story/ferry", query_string="").respond_with_data(first, content_type="text/html")
    httpserver.expect_request("/story/ferry", query_string="from=b").respond_with_data(second, content_type="text/html")
    follow(library, httpserver.url_for("/a"))
    follow(library, httpserver.url_for("/b"))
    report = refresh(library, jobs=1)
    assert report.added == 1 and sum(f.same for f in report.feeds) == 1
    assert [e.url for e in library.entries()] == [f"{base}/story/ferry"]


def test_two_addresses_of_one_story_are_one_whichever_comes_first(library):
    """The address that is the canonical one may be fetched first or last: one story either way."""
    from types import SimpleNamespace

    from byline.tui.core.feeds_refresh import FeedOutcome, _same_story

    canonical = "https://news.example/story/ferry"

    def story(feed: str, link: str):
        return SimpleNamespace(
            article=SimpleNamespace(url=canonical),
            item=SimpleNamespace(link=link, key=link),
            sub=SimpleNamespace(id=feed),
        )

    for order in (["a", "b"], ["b", "a"]):
        stories = {"a": story("a", canonical), "b": story("b", canonical + "?from=b")}
        outcomes = {f: FeedOutcome(id=f, url=f, title=f) for f in "ab"}
        kept = _same_story(library, [stories[f] for f in order], outcomes, {})
        assert len(kept) == 1 and sum(o.same for o in outcomes.values()) == 1, order
