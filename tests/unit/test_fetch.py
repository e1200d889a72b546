"""Web pages by URL, served by a local HTTP server these tests start: the story and its metadata,
and one line with exit status 2 for every way a fetch goes wrong."""

from __future__ import annotations

import json
import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from byline.tui.core.errors import ArticleError
from byline.tui.core.sources.fetch import USER_AGENT, fetch

from .test_cli import byline
from .test_sources import NEWS_PAGE, check_story


@pytest.fixture(scope="module")
def server():
    """A threaded server, so that a slow answer does not hold up the next test."""
    httpserver = HTTPServer(threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest.fixture(autouse=True)
def fresh(server):
    server.clear()
    yield


def analyze_url(url: str, *extra: str):
    return byline("analyze", url, "--format", "json", "--timeout", "1", *extra)


def one_line_error(result, words: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.count("\n") == 1 and words in err, err
    assert "Traceback" not in err and result.stdout == b""


def test_a_url_gives_the_story_and_its_metadata(server):
    server.expect_request("/news/harbour").respond_with_data(NEWS_PAGE, content_type="text/html; charset=utf-8")
    url = server.url_for("/news/harbour")
    result = analyze_url(url)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    meta = data["article"]
    assert meta["source"] == url and meta["kind"] == "html"
    assert meta["title"] == data["title"] == "Harbour plan approved after long fight"
    assert meta["site"] == "The Pellworth Courier" and meta["authors"] == ["Mara Quillen"]
    assert meta["published"] == "2024-03-14" and meta["url"] == "https://courier.example/news/harbour-plan"
    quotes = [q["text"] for q in data["quotes"]]
    assert "We have been heard, but not listened to" in quotes
    request, _ = server.log[0]
    assert request.headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("Byline/")


def test_the_text_is_the_story_without_the_page_around_it(server):
    server.expect_request("/story").respond_with_data(NEWS_PAGE, content_type="text/html")
    page = fetch(server.url_for("/story"))
    from byline.tui.core.sources import load_article

    check_story(load_article(server.url_for("/story")).text)
    assert page.kind == "html"


def test_redirects_are_followed(server):
    server.expect_request("/old").respond_with_response(Response(status=301, headers={"Location": "/middle"}))
    server.expect_request("/middle").respond_with_response(Response(status=302, headers={"Location": "/news/harbour"}))
    server.expect_request("/news/harbour").respond_with_data(NEWS_PAGE, content_type="text/html")
    page = fetch(server.url_for("/old"))
    assert page.url == server.url_for("/news/harbour")
    result = analyze_url(server.url_for("/old"))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["article"]["site"] == "The Pellworth Courier"


def test_a_redirect_loop_is_one_line(server):
    server.expect_request("/loop").respond_with_response(Response(status=302, headers={"Location": "/loop"}))
    one_line_error(analyze_url(server.url_for("/loop")), "too many redirects")


def test_a_404_is_one_line(server):
    server.expect_request("/gone").respond_with_data("no such page", status=404, content_type="text/html")
    one_line_error(analyze_url(server.url_for("/gone")), "the server answered 404")


def test_a_404_when_opening_the_reader_is_one_line_too(server):
    server.expect_request("/gone").respond_with_data("no such page", status=404, content_type="text/html")
    one_line_error(byline(server.url_for("/gone")), "404")


def test_a_server_error_is_one_line(server):
    server.expect_request("/broken").respond_with_data("oops", status=503)
    one_line_error(analyze_url(server.url_for("/broken")), "the server answered 503")


def test_a_response_that_is_not_a_page_is_one_line(server):
    server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7\n\x00\x01binary", content_type="application/pdf")
    one_line_error(analyze_url(server.url_for("/report.pdf")), "is not a web page (application/pdf)")


def test_a_response_slower_than_the_timeout_is_one_line(server):
    def slow(request):
        time.sleep(2.5)
        return Response(NEWS_PAGE, content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    result = analyze_url(server.url_for("/slow"))
    one_line_error(result, "no answer within 1 s")
    assert time.monotonic() - started < 2.5 + 15  # the timeout, not the server, ended it


def test_an_oversized_response_is_one_line(server):
    big = b"<html><body><p>" + b"word " * (2 * 1024 * 1024) + b"</p></body></html>"  # 10 MiB
    server.expect_request("/huge").respond_with_data(big, content_type="text/html")
    one_line_error(analyze_url(server.url_for("/huge")), "too large")


def test_an_oversized_stream_without_a_length_is_cut_off(server):
    def chunks():
        for _ in range(100):
            yield b"<p>" + b"word " * 200 + b"</p>"

    server.expect_request("/stream").respond_with_response(Response(chunks(), content_type="text/html"))
    with pytest.raises(ArticleError, match=r"too large \(more than"):
        fetch(server.url_for("/stream"), max_bytes=20_000)


def test_a_refused_connection_is_one_line():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    one_line_error(analyze_url(f"http://127.0.0.1:{port}/story"), "refused the connection")


def test_only_http_and_https_are_fetched():
    one_line_error(analyze_url("ftp://files.example/story.html"), "only http:// and https://")


def test_nothing_is_fetched_unless_the_user_gave_a_url(server, tmp_path):
    server.expect_request("/never").respond_with_data(NEWS_PAGE, content_type="text/html")
    host = server.url_for("/never").split("://", 1)[1]  # "localhost:PORT/never": a file name here
    result = byline("analyze", host)
    assert result.returncode == 2 and "no such file" in result.stderr.decode()
    article = tmp_path / "links.txt"
    article.write_text(f"Council meets\n\nThe minutes are at {server.url_for('/never')} for all.\n")
    assert byline("analyze", str(article)).returncode == 0
    assert not [request for request, _ in server.log if request.path == "/never"]


def test_a_plain_text_answer_is_read_as_text(server):
    server.expect_request("/note.txt").respond_with_data(
        "Quay opens\n\nMayor Ilse Dorrensen opened the quay.\n".encode("utf-16"),
        content_type="text/plain; charset=utf-16",
    )
    result = analyze_url(server.url_for("/note.txt"))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["article"]["kind"] == "text" and data["title"] == "Quay opens"


def test_the_declared_charset_is_used(server):
    page = NEWS_PAGE.replace('<meta charset="utf-8">', "").replace("Tobias", "Tobías")
    server.expect_request("/latin").respond_with_data(
        page.encode("latin-1", "xmlcharrefreplace"), content_type="text/html; charset=ISO-8859-1"
    )
    from byline.tui.core.sources import load_article

    assert "Tobías Vennholt" in load_article(server.url_for("/latin")).text


class _Drip:
    """A server on 127.0.0.1 that sends its answer one byte a second: the headers, or (with
    `body_only`) the headers at once and then the body. A read never waits long, so only a
    deadline on the whole exchange ends it."""

    def __init__(self, body_only: bool) -> None:
        import threading

        self.body_only = body_only
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/story"
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import threading

        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nX-Pad: " + b"x" * 200
        body = b"<html><body><p>" + b"word " * 20000
        try:
            conn.recv(65536)
            if self.body_only:
                conn.sendall(head + b"\r\n\r\n")
            for byte in body if self.body_only else head:
                if self.stopped.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(1.0)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


@pytest.mark.parametrize("body_only", [False, True], ids=["headers", "body"])
def test_a_server_that_drips_a_byte_a_second_is_cut_off_at_the_deadline(body_only):
    drip = _Drip(body_only)
    try:
        started = time.monotonic()
        with pytest.raises(ArticleError, match="no answer within 2 s"):
            fetch(drip.url, timeout=2)
        took = time.monotonic() - started
        assert took < 3.0, took  # the promised time, plus at most a second
        started = time.monotonic()
        result = analyze_url(drip.url)  # --timeout 1, through the command line
        one_line_error(result, "no answer within 1 s")
    finally:
        drip.close()
