"""Following feeds: find a site's feed, and refresh every feed followed into the library.

A refresh is polite: one request at a time per host, conditional requests (ETag, Last-Modified)
so an unchanged feed costs one short answer, and the same timeout, size and redirect limits as
any page (sources/fetch.py). Each new story's page is read as any page is (trafilatura with its
metadata); the feed's own title, authors, date and summary fill what the page lacks, and a story
whose page cannot be read keeps the feed's text and says so. The same story twice (the same
address, the same canonical URL, or the same text) is one article. A feed that fails is one
line; the others go on. New articles arrive unread, with the feed they came from.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .annotation import now
from .errors import ArticleError, BylineError, FeedError
from .feeds import ACCEPT, Feed, Item, feed_links, looks_like_page, parse_feed
from .feeds_store import Subscription, Subscriptions, remember
from .library import Library
from .sources import Article, from_bytes, from_text
from .sources.fetch import TIMEOUT, Page, fetch
from .visible import one_line

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Result
    from .model import Analysis

#: Feeds and pages fetched at once (each host still gets one request at a time).
FETCHERS = 4


class Fetcher:
    """Fetches one request at a time per host, and counts the requests made."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self.requests = 0
        self._hosts: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, url: str, **options) -> Page:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            lock = self._hosts.setdefault(host, threading.Lock())
            self.requests += 1
        with lock:
            return fetch(url, timeout=self.timeout, **options)


def find_feed(url: str, fetcher: Fetcher | None = None) -> tuple[str, Feed]:
    """The feed at `url`, or the first feed the page at `url` names: (its address, the feed)."""
    fetcher = fetcher or Fetcher()
    try:
        page = fetcher.get(url, accept=ACCEPT, any_type=True)
    except ArticleError as exc:
        raise FeedError(str(exc)) from None
    if looks_like_page(page.data, page.media_type):
        links = feed_links(page.data, page.url)
        if not links:
            raise FeedError(f'{one_line(url)}: this page names no feed (no <link rel="alternate"> to RSS or Atom)')
        try:
            found = fetcher.get(links[0], accept=ACCEPT, any_type=True)
        except ArticleError as exc:
            raise FeedError(str(exc)) from None
        return found.url, parse_feed(found.data, found.url, found.media_type)
    return page.url, parse_feed(page.data, page.url, page.media_type)


def follow(library: Library, url: str) -> tuple[Subscription, Feed]:
    """Follow the feed at `url` (or the one its page names); FeedError when there is none."""
    address, feed = find_feed(url)
    return Subscriptions(library.store).add(address, feed.title, feed.site), feed


@dataclass
class FeedOutcome:
    """What a refresh did with one feed."""

    id: str
    url: str
    title: str
    error: str | None = None
    unchanged: bool = False  # the server said so (304)
    added: list[str] = field(default_factory=list)  # ids of new library articles
    titles: list[str] = field(default_factory=list)
    same: int = 0  # stories already in the library
    kept_feed_text: list[str] = field(default_factory=list)  # one line each
    failed_items: list[str] = field(default_factory=list)  # one line each

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class RefreshReport:
    feeds: list[FeedOutcome]
    requests: int = 0
    pages: int = 0

    @property
    def failed(self) -> list[FeedOutcome]:
        return [f for f in self.feeds if f.error is not None]

    @property
    def added(self) -> int:
        return sum(len(f.added) for f in self.feeds)

    @property
    def status(self) -> int:
        """0 every feed refreshed; 1 some failed; 2 all failed."""
        if not self.failed:
            return 0
        return 2 if len(self.failed) == len(self.feeds) else 1

    def to_dict(self) -> dict:
        return {
            "schema": "byline.refresh/1",
            "added": self.added,
            "requests": self.requests,
            "pages": self.pages,
            "feeds": [f.to_dict() for f in self.feeds],
        }


@dataclass
class _Story:
    sub: Subscription
    feed: Feed
    item: Item
    article: Article | None = None


#: progress(what is being done, done so far, of how many)
Progress = Callable[[str, int, int], None]


def refresh(
    library: Library,
    model: str | None = None,
    jobs: int = 1,
    timeout: float = TIMEOUT,
    progress: Progress | None = None,
) -> RefreshReport:
    """Fetch every feed followed, add its new stories to the library analysed and unread."""
    subscriptions = Subscriptions(library.store)
    subs = subscriptions.all()
    if not subs:
        raise FeedError("no feed is followed yet: byline feed add URL follows one")
    said = threading.Lock()  # progress comes from the fetching threads: one line at a time

    def tell(what: str, done: int, total: int) -> None:
        if progress is not None:
            with said:
                progress(what, done, total)

    fetcher = Fetcher(timeout)
    outcomes = {s.id: FeedOutcome(s.id, s.url, s.title) for s in subs}
    answers = _fetch_feeds(subs, fetcher, outcomes, tell)
    stories, seen = _new_stories(library, answers, outcomes)
    pages_before = fetcher.requests
    _read_pages(stories, fetcher, outcomes, tell)
    stories = _same_story(library, stories, outcomes, seen)
    try:
        _analyse_and_keep(library, stories, model, jobs, outcomes, seen, tell)
    finally:  # each feed's validators and the stories taken, even when interrupted
        _remember(subscriptions, answers, outcomes, seen)
    return RefreshReport(list(outcomes.values()), fetcher.requests, fetcher.requests - pages_before)


def _fetch_feeds(
    subs: list[Subscription], fetcher: Fetcher, outcomes: dict[str, FeedOutcome], tell: Progress
) -> dict[str, tuple[Subscription, Page | None, Feed | None]]:
    answers: dict[str, tuple[Subscription, Page | None, Feed | None]] = {}
    count, lock = [0], threading.Lock()

    def one(sub: Subscription) -> None:
        outcome = outcomes[sub.id]
        try:
            page = fetcher.get(sub.url, accept=ACCEPT, any_type=True, etag=sub.etag, modified=sub.modified)
            if page.not_modified:
                outcome.unchanged = True
                answers[sub.id] = (sub, page, None)
            elif looks_like_page(page.data, page.media_type):
                raise FeedError(f"{one_line(sub.url)}: this is a web page, not a feed")
            else:
                feed = parse_feed(page.data, page.url, page.media_type)
                answers[sub.id] = (sub, page, feed)
                outcome.title = feed.title
        except BylineError as exc:
            outcome.error = one_line(str(exc))
            answers[sub.id] = (sub, None, None)
        with lock:
            count[0] += 1
            done = count[0]
        tell(f"feed {sub.name}", done, len(subs))

    with ThreadPoolExecutor(min(FETCHERS, len(subs))) as pool:
        list(pool.map(one, subs))
    return answers


def _known_addresses(library: Library) -> set[str]:
    found = set()
    for record in library.store.records():
        for key in ("url", "source"):
            value = record.get(key)
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                found.add(value)
    return found


def _new_stories(
    library: Library, answers: dict, outcomes: dict[str, FeedOutcome]
) -> tuple[list[_Story], dict[str, list[str]]]:
    """The stories not seen before, each address once (a story in two feeds is one)."""
    known = _known_addresses(library)
    stories: list[_Story] = []
    seen: dict[str, list[str]] = {}  # per feed, the item keys taken care of by this refresh
    for sub, _, feed in answers.values():
        if feed is None:
            continue
        taken = set(sub.seen)
        for item in feed.items:
            if item.key in taken:
                continue
            taken.add(item.key)
            if item.link and item.link in known:
                outcomes[sub.id].same += 1
                seen.setdefault(sub.id, []).append(item.key)
                continue
            if item.link:
                known.add(item.link)
            stories.append(_Story(sub, feed, item))
    return stories, seen


def _read_pages(stories: list[_Story], fetcher: Fetcher, outcomes: dict[str, FeedOutcome], tell: Progress) -> None:
    count, lock = [0], threading.Lock()

    def one(story: _Story) -> None:
        story.article = _read_story(story, fetcher, outcomes[story.sub.id])
        with lock:
            count[0] += 1
            done = count[0]
        tell(f"story {one_line(story.item.title)[:50]}", done, len(stories))

    if stories:
        with ThreadPoolExecutor(FETCHERS) as pool:
            list(pool.map(one, stories))


def _read_story(story: _Story, fetcher: Fetcher, outcome: FeedOutcome) -> Article | None:
    """The story's page as an article, the feed filling what it lacks; else the feed's text."""
    item, feed = story.item, story.feed
    why = "the feed gives no address for it"
    if item.link:
        try:
            page = fetcher.get(item.link)
            article = from_bytes(page.data, item.link, kind=page.kind, declared=page.charset, url=page.url)
            return replace(
                article,
                title=article.title if article.kind == "html" and article.title else item.title or article.title,
                authors=article.authors or item.authors,
                published=article.published or item.published,
                site=article.site or feed.title,
            )
        except ArticleError as exc:
            why = one_line(str(exc))
    if not item.summary and not item.title:
        outcome.failed_items.append(f"{one_line(item.link or item.key)}: {why}, and the feed gives no text")
        return None
    warning = f"its page could not be read ({why}): this is the feed's text of it"
    text = "\n\n".join(part for part in (item.title, item.summary) if part)
    try:
        article = from_text(
            text,
            item.link or story.sub.url,
            title=item.title or None,
            url=item.link,
            site=feed.title,
            authors=item.authors,
            published=item.published,
            warnings=(warning,),
        )
    except ArticleError as exc:
        outcome.failed_items.append(one_line(str(exc)))
        return None
    outcome.kept_feed_text.append(f"{one_line(item.title or item.link or item.key)}: {warning}")
    return article


def _same_story(
    library: Library, stories: list[_Story], outcomes: dict[str, FeedOutcome], seen: dict[str, list[str]]
) -> list[_Story]:
    """The stories whose canonical URL is no article's yet (two addresses of one story are one)."""
    known = {}
    for record in library.store.records():
        if isinstance(record.get("url"), str):
            known[record["url"]] = record["id"]
    kept, claimed = [], set()
    for story in stories:
        if story.article is None:
            continue
        url = story.article.url
        # an earlier story of this refresh by the same canonical URL is this story, whichever of
        # the two addresses came first; an article kept already is, unless it is this very link
        if url and (url in claimed or (url in known and url != story.item.link)):
            outcomes[story.sub.id].same += 1
            seen.setdefault(story.sub.id, []).append(story.item.key)
            continue
        if url:
            claimed.add(url)
        kept.append(story)
    return kept


def _analyse_and_keep(
    library: Library,
    stories: list[_Story],
    model: str | None,
    jobs: int,
    outcomes: dict[str, FeedOutcome],
    seen: dict[str, list[str]],
    tell: Progress,
) -> None:
    from . import cache
    from .batch import analyze_articles
    from .nlp import default_model

    if not stories:
        return
    name = model or default_model()
    before = {record["id"] for record in library.store.records()}
    articles = [s.article for s in stories if s.article is not None]
    ready = {i: cache.cached(a, name) for i, a in enumerate(articles)}
    todo = [i for i in ready if ready[i] is None]
    count = [len(articles) - len(todo)]

    analysed: dict[int, Result] = {}

    def done(result: Result) -> None:
        analysed[todo[result.index]] = result
        count[0] += 1
        title = result.article.title if result.article else result.location
        tell(f"analysed {one_line(title)[:50]}", count[0], len(articles))

    try:
        analyze_articles([articles[i] for i in todo], name, jobs, on_done=done)
    finally:  # interrupted (ctrl+c, the app quitting): what was analysed is kept all the same
        _keep(library, stories, articles, ready, analysed, name, before, outcomes, seen)


def _keep(
    library: Library,
    stories: list[_Story],
    articles: list[Article],
    ready: dict[int, Analysis | None],
    analysed: dict[int, Result],
    model: str,
    before: set[str],
    outcomes: dict[str, FeedOutcome],
    seen: dict[str, list[str]],
) -> None:
    """Keep the analysed stories in the library, new ones unread with their feed."""
    from . import cache

    pairs, owners = [], []
    for i, (story, article) in enumerate(zip(stories, articles, strict=True)):
        analysis = ready[i]
        if analysis is None:
            result = analysed.get(i)
            if result is None:
                continue  # not reached: taken next time
            if result.error is not None or result.analysis is None:
                outcomes[story.sub.id].failed_items.append(result.error or f"{one_line(article.source)}: not analysed")
                continue
            analysis = result.analysis
            cache.store(article, model, analysis)
        pairs.append((article, analysis))
        owners.append(story)
    keys = library.add_many(pairs)
    marks: dict[str, dict] = {}
    for story, key in zip(owners, keys, strict=True):
        outcome = outcomes[story.sub.id]
        seen.setdefault(story.sub.id, []).append(story.item.key)
        if key in before or key in marks:
            outcome.same += 1  # the same text as an article already there
            continue
        marks[key] = {"unread": True, "feed": story.sub.title or story.feed.title, "feed_id": story.sub.id}
        outcome.added.append(key)
        outcome.titles.append(one_line(story.article.title if story.article else key))
    if marks:
        library.store.update_records(marks)


def _remember(subscriptions: Subscriptions, answers: dict, outcomes: dict[str, FeedOutcome], seen: dict) -> None:
    """Each feed's validators, the items taken, when it was checked and whether it failed."""
    stamp = now()

    def changer(sub_id: str):
        _, page, feed = answers[sub_id]
        outcome = outcomes[sub_id]

        def change(sub: Subscription) -> None:
            sub.checked, sub.error = stamp, outcome.error
            if page is not None and outcome.error is None:
                sub.etag, sub.modified = page.etag, page.last_modified
            if feed is not None and feed.title:
                sub.title = feed.title
            sub.seen = remember(sub.seen, seen.get(sub_id, []))

        return change

    subscriptions.update({sub_id: changer(sub_id) for sub_id in answers})
