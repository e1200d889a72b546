"""Fetching a web page the user named: http and https only, a timeout, a few redirects, a size
limit, a user agent that says who we are. Every way it can fail is one ArticleError line.

Nothing is fetched unless the user gave a URL: this module is only reached from `load_article`
with a location that is one.
"""

from __future__ import annotations

import re
import socket
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import __version__
from ..errors import ArticleError
from ..visible import one_line, shown_name
from .decode import MAX_BYTES, too_large

if TYPE_CHECKING:  # urllib3 is imported when a page is fetched, not with the core
    from urllib3.connectionpool import HTTPConnectionPool

#: Seconds for the whole exchange: connecting, the headers and the body, however slowly they come.
TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"Byline/{__version__} (terminal news reader; fetches only the pages its user names)"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7"

#: Media types we read, by the loader that reads them; anything else is not an article.
KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def is_url(location: str) -> bool:
    """Whether a location names a URL (any scheme) rather than a file."""
    return bool(_SCHEME.match(location))


#: A URL's user name and password (`http://user:pass@host/`): anchored, one pass, no backtracking
#: beyond the authority.
_CREDENTIALS = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@")


def without_credentials(url: str) -> str:
    """`url` without a user name and password. Byline never sends them, so it never keeps them
    either: not in the index, the cache, `library --format json` or an export."""
    return _CREDENTIALS.sub(r"\1", url, count=1)


@dataclass(frozen=True)
class Page:
    """A fetched answer: where it ended up after redirects, its bytes and what it says it is."""

    url: str
    data: bytes
    media_type: str  # "" when the server did not say
    charset: str | None
    #: the validators a later conditional request sends back (feeds), as the server gave them
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # a 304 to a conditional request: nothing changed, no body

    @property
    def kind(self) -> str | None:
        """The loader for this page, or None when the server did not say what it is."""
        return KINDS.get(self.media_type) if self.media_type else None


@dataclass
class _Deadline:
    """The end of a fetch, whatever the server does: when it passes, every socket the fetch opened
    is shut down, so a read blocked on a server that drips a byte a second returns at once.
    Socket timeouts alone bound each read, not the exchange."""

    seconds: float
    sockets: list[socket.socket] = field(default_factory=list)
    passed: bool = False

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self.sockets.append(sock)
            if self.passed:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            for sock in self.sockets:
                _shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def fetch(
    url: str,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    *,
    accept: str = ACCEPT,
    any_type: bool = False,
    etag: str | None = None,
    modified: str | None = None,
) -> Page:
    """GET `url`, following up to MAX_REDIRECTS redirects, the whole exchange within `timeout`
    seconds; ArticleError with one line otherwise.

    A feed is fetched with its own `accept`, any media type (`any_type`: the parser decides) and,
    when it was fetched before, its validators (`etag`, `modified`): an unchanged feed is a Page
    with `not_modified` and no body."""
    asked = {"Accept": accept}
    if etag:
        asked["If-None-Match"] = etag
    if modified:
        asked["If-Modified-Since"] = modified
    name = shown_name(url)
    scheme = _SCHEME.match(url)
    if not scheme or scheme.group(1).lower() not in ("http", "https"):
        raise ArticleError(f"{name}: only http:// and https:// addresses can be fetched")
    with _Deadline(timeout) as deadline:
        try:
            page = _fetch(url, name, timeout, max_bytes, deadline, asked, any_type)
        except ArticleError:
            if deadline.passed:
                raise ArticleError(f"{name}: no answer within {timeout:g} s") from None
            raise
        if deadline.passed:  # the body ended because its socket was shut: not the whole page
            raise ArticleError(f"{name}: no answer within {timeout:g} s")
        return page


def _fetch(
    url: str, name: str, timeout: float, max_bytes: int, deadline: _Deadline, asked: dict, any_type: bool
) -> Page:
    import urllib3
    from urllib3.exceptions import HTTPError, LocationValueError, MaxRetryError

    retries = urllib3.Retry(
        total=MAX_REDIRECTS,
        connect=0,
        read=0,
        status=0,
        other=0,
        redirect=MAX_REDIRECTS,
        raise_on_redirect=True,
        raise_on_status=False,
    )
    headers = urllib3.make_headers(user_agent=USER_AGENT, accept_encoding=True)
    headers.update(asked)
    try:
        with _pool(url, headers, deadline) as pool:
            response = pool.request(
                "GET",
                url,
                retries=retries,
                preload_content=False,
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
            )
            try:
                if response.status >= 400:
                    raise ArticleError(
                        f"{name}: the server answered {response.status} {response.reason or ''}".rstrip()
                    )
                validators = response.headers.get("ETag"), response.headers.get("Last-Modified")
                if response.status == 304:
                    etag, modified = asked.get("If-None-Match"), asked.get("If-Modified-Since")
                    return Page(url, b"", "", None, validators[0] or etag, validators[1] or modified, True)
                media_type, charset = _content_type(response.headers.get("Content-Type", ""))
                if media_type and media_type not in KINDS and not any_type:
                    raise ArticleError(f"{name} is not a web page ({one_line(media_type)})")
                length = response.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > max_bytes and not response.headers.get("Content-Encoding"):
                    raise too_large(name, int(length))
                data = _body(response, name, max_bytes)
                final = _final_url(url, response)
            finally:
                response.release_conn()
    except MaxRetryError as exc:
        raise ArticleError(f"{name}: {_reason(exc.reason, url, timeout)}") from None
    except (LocationValueError, ValueError) as exc:
        raise ArticleError(f"{name}: not a valid address ({one_line(str(exc))[:80]})") from None
    except (HTTPError, OSError) as exc:
        raise ArticleError(f"{name}: {_reason(exc, url, timeout)}") from None
    return Page(without_credentials(final) if is_url(final) else url, data, media_type, charset, *validators)


def _final_url(url: str, response) -> str:
    """Where the redirects ended."""
    from urllib.parse import urljoin

    for step in getattr(response.retries, "history", None) or ():
        if step.redirect_location:
            url = urljoin(url, step.redirect_location)
    return url


def _pool(url: str, headers: dict, deadline: _Deadline):
    """A connection pool, through the proxy the environment names for this URL, if any, whose
    every socket the deadline watches."""
    import urllib.request

    import urllib3
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    host = re.sub(r"^[a-z]+://([^/?#]*).*$", r"\1", url, flags=re.IGNORECASE).rsplit("@", 1)[-1]
    proxy = urllib.request.getproxies().get(url.split(":", 1)[0].lower())
    loopback = re.match(r"^(localhost|127\.[0-9.]+|\[::1\])(:\d+)?$", host, re.IGNORECASE)
    manager: urllib3.PoolManager
    if proxy and not loopback and not urllib.request.proxy_bypass(host):
        manager = urllib3.ProxyManager(proxy, headers=headers, num_pools=2)
    else:
        manager = urllib3.PoolManager(headers=headers, num_pools=2)
    manager.pool_classes_by_scheme = {
        "http": _watched(HTTPConnectionPool, deadline),
        "https": _watched(HTTPSConnectionPool, deadline),
    }
    return manager


def _watched(pool: type[HTTPConnectionPool], deadline: _Deadline) -> type[HTTPConnectionPool]:
    """A pool class whose connections hand each new socket to the deadline."""
    base = pool.ConnectionCls

    class Connection(base):  # type: ignore[misc, valid-type]
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            deadline.watch(sock)
            return sock

    return type(pool.__name__, (pool,), {"ConnectionCls": Connection})


def _content_type(value: str) -> tuple[str, str | None]:
    from email.message import Message
    from email.utils import collapse_rfc2231_value

    message = Message()
    message["Content-Type"] = value
    media_type = message.get_content_type() if value.strip() else ""
    charset = message.get_param("charset") if value.strip() else None
    if isinstance(charset, tuple):  # an RFC 2231 value (charset*=utf-8''x): its text
        charset = collapse_rfc2231_value(charset)
    return media_type.lower(), charset


def _body(response, name: str, max_bytes: int) -> bytes:
    """The answer's bytes, decompressed, at most `max_bytes` (the deadline ends a slow one)."""
    chunks, size = [], 0
    for chunk in response.stream(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise too_large(name, None)
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(error: BaseException | None, url: str, timeout: float) -> str:
    """Why a request failed, in words for the reader."""
    from urllib3.exceptions import (
        ConnectTimeoutError,
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        ProxyError,
        ReadTimeoutError,
        ResponseError,
        SSLError,
    )

    text = one_line(str(error or ""))
    if isinstance(error, ResponseError) and "redirect" in text:
        return f"too many redirects (more than {MAX_REDIRECTS})"
    # NewConnectionError is a ConnectTimeoutError too (urllib3 keeps it so): asked first
    if isinstance(error, NameResolutionError):
        return f"cannot find the server {one_line(str(error.conn.host))} (no network, or no such site?)"
    if isinstance(error, NewConnectionError) and "timed out" not in text:
        refused = "refused" in text.lower()
        return "the server refused the connection" if refused else "cannot connect to the server (no network?)"
    if isinstance(error, (ConnectTimeoutError, ReadTimeoutError)) or "timed out" in text:
        return f"no answer within {timeout:g} s"
    if isinstance(error, SSLError):
        return "the secure connection failed (the site's certificate could not be checked)"
    if isinstance(error, ProxyError):
        return "the proxy named in the environment did not answer"
    if isinstance(error, ProtocolError):
        return "the connection broke off before the page arrived"
    return f"cannot be fetched ({type(error).__name__})"
