"""A local web site for the live tests: an HTTP server on 127.0.0.1 in a thread, serving
routes the test writes (feeds, sitemaps, pages), with scripted misbehaviour: status sequences
(500 then 200), Retry-After, redirect loops, slow and oversized bodies, conditional requests.
Every request is logged so tests can assert what was fetched, and how often."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.settings import Settings, load_settings


@dataclass
class Route:
    """What a path answers: ``body`` with ``status``; ``statuses`` answers its items in turn
    (then ``status``); ``delay`` seconds before the body; ``etag`` makes it conditional."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    statuses: list[int] = field(default_factory=list)
    delay: float = 0.0
    etag: str | None = None


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up (our timeout, our size limit) is what the tests provoke


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []  # (path, request headers)
        self.on_request: Callable[[str], None] | None = None
        self.in_flight = 0
        self.max_in_flight = 0  # most requests served at the same time (politeness)
        self.counter_lock = threading.Lock()
        self.spans: list[tuple[str, float, float]] = []  # (path, start, end) of each request
        self.server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **options: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            with site.counter_lock:
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
            started = time.monotonic()
            try:
                self._answer()
            finally:
                with site.counter_lock:
                    site.in_flight -= 1
                    site.spans.append((self.path, started, time.monotonic()))

        def _answer(self) -> None:
            site.log.append((self.path, dict(self.headers.items())))
            if site.on_request is not None:
                site.on_request(self.path)
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, b"not here", "text/plain", {})
                return
            status = route.statuses.pop(0) if route.statuses else route.status
            headers = dict(route.headers)
            if route.etag:
                headers["ETag"] = route.etag
                if self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", None, headers)
                    return
            if route.delay:
                time.sleep(route.delay)
            self._send(status, route.body, route.content_type, headers)

        def _send(
            self, status: int, body: bytes, content_type: str | None, headers: dict[str, str]
        ) -> None:
            try:
                self.send_response(status)
                if content_type and status != 304:
                    self.send_header("Content-Type", content_type)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body) if status != 304 else 0))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout or a size limit): expected

    return Handler


def _serve() -> Iterator[Site]:
    served = Site()
    served.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    yield from _serve()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second host (another port): per-host limits apply to each separately."""
    yield from _serve()


@pytest.fixture
def fast_settings() -> Settings:
    """Tiny timeouts and waits so the misbehaving routes cost milliseconds, not minutes."""
    return load_settings(
        None,
        workers=1,
        fetch_timeout=0.5,
        fetch_host_delay=0,
        fetch_backoff=0.05,
        fetch_retries=2,
        fetch_max_retry_wait=1.5,
        fetch_max_bytes=100_000,
        user_agent="dyadwatch-test/1.0",
    )


ARTICLES: dict[str, tuple[str, str]] = {
    # slug: (headline, body) -- English sentences the real coder codes
    "warships": (
        "Chinese warships sail near Taiwan",
        "Chinese warships sailed near Taiwan on Monday, the defence ministry in Taipei said. "
        "Japan condemned China over the drills and urged restraint.",
    ),
    "talks": (
        "Japan and China hold talks",
        "Japanese diplomats met Chinese officials in Beijing on Tuesday to discuss fishing "
        "rights. Both sides said the meeting was constructive.",
    ),
    "protest": (
        "Philippines protests Chinese coast guard",
        "The Philippines protested against China after a Chinese coast guard ship blocked a "
        "supply mission near Second Thomas Shoal on Wednesday.",
    ),
    "sanctions": (
        "US sanctions shipping firms",
        "The United States imposed sanctions on three shipping firms accused of helping North "
        "Korea evade an embargo, the Treasury said on Thursday.",
    ),
}


def article_html(headline: str, body: str, *, outlet: str = "Harbour Times",
                 date: str = "2024-05-13", canonical: str | None = None) -> str:  # fmt: skip
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip(". "))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{headline}</title>'
        f'<meta property="og:site_name" content="{outlet}">{link}'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        f'</head><body><nav><a href="/">Home</a> <a href="/world/">World</a></nav>'
        f"<article><h1>{headline}</h1>{paragraphs}</article>"
        f"<footer>Copyright {outlet}</footer></body></html>"
    )


def rss(title: str, items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of (link, title) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Mon, 13 May 2024 08:00:00 GMT</pubDate></item>"
        for link, t in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link>{entries}</channel></rss>"
    )


def sources_file(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "sources.txt"
    path.write_text("# test sources\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return path
