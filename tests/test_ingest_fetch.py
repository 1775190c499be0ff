"""URLs and feeds over a real HTTP server on 127.0.0.1 (robots.txt, errors, timeouts)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from passerelle.errors import FetchError
from passerelle.ingest import Failed, IngestOptions, Loaded, read_sources
from passerelle.ingest.fetch import Fetcher

STORY = ("Deputy Mayor of Rennes Marie Robin met a delegation of Nghe An province on Friday. "
         "She said Rennes hoped to open a joint training centre for nurses, and the delegation "
         "invited her to visit Vinh in the spring.")
ARTICLE = (f"<html><head><title>Rennes and Nghe An plan a nursing school</title>"
           f'<link rel="canonical" href="https://rennes.example.fr/nursing"></head><body>'
           f"<article><p>{STORY}</p><p>{STORY.replace('Friday', 'Monday')}</p></article>"
           f"</body></html>").encode()
PLAIN = f"Rennes and Nghe An plan a nursing school\n\n{STORY}\n\nSame tag\n".encode()
HITS: Counter[str] = Counter()


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>
<item><title>Rennes and Nghe An</title><link>{base}/article.html</link>
<pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate><description>Teaser.</description></item>
<item><title>Gone</title><link>{base}/missing</link><description>Teaser.</description></item>
</channel></rss>""".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        HITS[self.path] += 1
        route = ROUTES.get(self.path)
        if route is None:
            self._send(404, b"not found", "text/plain")
        else:
            route(self)

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _slow(h: _Handler) -> None:
    time.sleep(1.5)
    h._send(200, ARTICLE, "text/html")


def _flaky(h: _Handler) -> None:
    h._send(503, b"busy", "text/plain") if HITS["/flaky"] == 1 else h._send(200, ARTICLE, "text/html")


def _redirect(h: _Handler) -> None:
    h.send_response(301)
    h.send_header("Location", "/article.html")
    h.send_header("Content-Length", "0")
    h.end_headers()


ROUTES = {
    "/robots.txt": lambda h: h._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
    "/article.html": lambda h: h._send(200, ARTICLE, "text/html; charset=utf-8"),
    "/plain.txt": lambda h: h._send(200, PLAIN, "text/plain; charset=utf-8"),
    "/private/page.html": lambda h: h._send(200, ARTICLE, "text/html"),
    "/error": lambda h: h._send(500, b"boom", "text/plain"),
    "/flaky": _flaky,
    "/slow": _slow,
    "/big": lambda h: h._send(200, b"<html><body><p>" + b"word " * 4000 + b"</p></body></html>",
                              "text/html"),
    "/redirect": _redirect,
    "/feed.xml": lambda h: h._send(200, _feed(h.server.base), "application/rss+xml"),  # type: ignore[attr-defined]
}


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out closes the socket under /slow: expected here


@pytest.fixture(scope="module")
def base():
    server = _Server(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.base = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.base  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


FAST = {"timeout": 0.3, "retries": 2, "backoff": 0.01}


def _read(*urls, **opts):
    return list(read_sources(list(urls), IngestOptions(**{**FAST, **opts})))


def test_html_url(base):
    [item] = _read(f"{base}/article.html")
    assert isinstance(item, Loaded), item
    assert item.origin == f"{base}/article.html"
    assert item.doc.title == "Rennes and Nghe An plan a nursing school"
    assert "joint training centre for nurses" in item.doc.body
    assert item.doc.source.url == f"{base}/article.html"
    assert len(item.doc.id) == 16 and item.raw == ARTICLE


def test_plain_text_url_and_redirect(base):
    plain, redirected = _read(f"{base}/plain.txt", f"{base}/redirect")
    assert isinstance(plain, Loaded) and plain.doc.body == STORY
    assert isinstance(redirected, Loaded)
    assert redirected.doc.source.url == f"{base}/article.html"


def test_user_agent_is_sent(base):
    seen = {}

    class Probe(Fetcher):
        def _once(self, url):
            seen["ua"] = self._client.headers["User-Agent"]
            return super()._once(url)

    with Probe(IngestOptions(**FAST)) as fetcher:
        fetcher.get(f"{base}/article.html")
    assert seen["ua"].startswith("passerelle/")


@pytest.mark.parametrize(
    ("path", "words"),
    [("/private/page.html", "robots.txt disallows"), ("/missing", "HTTP 404"),
     ("/error", "HTTP 500 (after 2 attempts)"), ("/slow", "timed out"),
     ("/big", "larger than")],
)
def test_url_failures_name_the_problem_and_the_run_goes_on(base, path, words):
    items = _read(f"{base}{path}", f"{base}/article.html", max_bytes=10_000)
    assert isinstance(items[0], Failed), items[0]
    assert items[0].origin == f"{base}{path}"
    assert words in items[0].reason
    assert isinstance(items[1], Loaded)


def test_server_errors_are_retried_and_not_found_is_not(base):
    HITS.clear()
    _read(f"{base}/error", f"{base}/missing", f"{base}/flaky")
    assert HITS["/error"] == 2 and HITS["/missing"] == 1 and HITS["/flaky"] == 2
    assert HITS["/robots.txt"] == 1  # asked once per host


def test_robots_can_be_ignored_on_request(base):
    [item] = _read(f"{base}/private/page.html", respect_robots=False)
    assert isinstance(item, Loaded)


def test_feed_url_follows_item_links(base):
    items = _read(f"{base}/feed.xml")
    assert [type(i).__name__ for i in items] == ["Loaded", "Failed"]
    assert items[0].doc.title == "Rennes and Nghe An"  # the feed's title wins
    assert items[0].doc.published == "2024-03-08"
    assert "HTTP 404" in items[1].reason and items[1].origin == f"{base}/feed.xml#2"


def test_fetcher_refuses_other_schemes():
    with Fetcher(IngestOptions()) as fetcher, pytest.raises(FetchError, match="not an http"):
        fetcher.get("ftp://example.org/file")
