"""Polite, bounded HTTP fetching with httpx.

Every request: robots.txt is honoured for our User-Agent (its ``Crawl-delay`` too); one request
at a time per host, ``fetch_host_delay`` seconds apart; a timeout between bytes; a body larger
than ``fetch_max_bytes`` is abandoned mid-download; redirects are followed by hand, at most
``fetch_max_redirects``, a URL seen twice in one chain being a loop; a 429 or 5xx answer or a
network error is retried with exponential backoff, a ``Retry-After`` header being honoured up to
``fetch_max_retry_wait``. ``ETag``/``Last-Modified`` given by the caller make the request
conditional (a 304 comes back as ``not_modified``).

Nothing here raises anything but :class:`FetchError`, whose ``code`` is stable
(``http_404``, ``timeout``, ``too_large``, ``redirect_loop``, ...) and is stored with the
failure (``docs/live.md``).
"""

from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dyadwatch.settings import Settings

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this is capped, not obeyed for hours


class FetchError(Exception):
    """A URL could not be fetched; ``code`` is stable, ``reason`` says what happened."""

    def __init__(self, code: str, reason: str, http_status: int | None = None) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
        self.http_status = http_status


class Stopped(Exception):
    """The stop event was set while waiting (for a host's turn or a retry)."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, lower case."""
        if not self.content_type:
            return None
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


class _Host:
    """Per-host politeness: one request at a time, ``delay`` seconds apart."""

    def __init__(self, delay: float) -> None:
        self.lock = threading.Lock()
        self.next_at = 0.0
        self.delay = delay


class Fetcher:
    """One HTTP client for a cycle: shared connection pool, per-host pacing, robots cache.

    Safe to use from several threads (one per host); ``stop`` interrupts waits."""

    def __init__(
        self,
        settings: Settings,
        *,
        stop: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.stop = stop or threading.Event()
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
            transport=transport,
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET ``url`` following redirects; raises :class:`FetchError` or :class:`Stopped`."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        seen: set[str] = set()
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            if current in seen:
                raise FetchError("redirect_loop", f"redirected back to {current}")
            seen.add(current)
            self._check_robots(current)
            response = self._with_retries(current, conditional)
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                current = urljoin(current, location)
                if urlsplit(current).scheme not in ("http", "https"):
                    raise FetchError("bad_redirect", f"redirected to {current}")
                continue
            return self._finish(url, current, response)
        raise FetchError(
            "too_many_redirects", f"more than {self.settings.fetch_max_redirects} redirects"
        )

    def _finish(self, url: str, final: str, response: httpx.Response) -> Response:
        status = response.status_code
        if status >= 400:
            raise FetchError(f"http_{status}", f"the server answered {status}", status)
        return Response(
            url=url,
            final_url=final,
            status=status,
            content=response.content if status != 304 else b"",
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _with_retries(self, url: str, headers: dict[str, str]) -> httpx.Response:
        retries = self.settings.fetch_retries
        for attempt in range(retries + 1):
            try:
                response = self._once(url, headers)
            except FetchError as exc:
                if exc.code not in ("timeout", "network") or attempt == retries:
                    raise
                self._wait(self.settings.fetch_backoff * 2**attempt)
                continue
            status = response.status_code
            if status != 429 and status < 500:
                return response
            wait = _retry_after(response) or self.settings.fetch_backoff * 2**attempt
            if attempt == retries:
                return response  # the caller turns the status into a failure
            if wait > self.settings.fetch_max_retry_wait:
                raise FetchError(
                    "rate_limited" if status == 429 else f"http_{status}",
                    f"the server answered {status} and asked to wait {wait:g} s "
                    f"(more than fetch_max_retry_wait = {self.settings.fetch_max_retry_wait:g})",
                    status,
                )
            self._wait(wait)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _once(self, url: str, headers: dict[str, str]) -> httpx.Response:
        self._take_turn(url)
        limit = self.settings.fetch_max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError("too_large", f"{declared} bytes, over {limit} (declared)")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError("too_large", f"over {limit} bytes")
                    if self.stop.is_set():
                        raise Stopped
                return httpx.Response(
                    response.status_code, headers=response.headers, content=bytes(body)
                )
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", f"no answer within {self.settings.fetch_timeout:g} s "
                             f"({type(exc).__name__})") from exc  # fmt: skip
        except httpx.InvalidURL as exc:
            raise FetchError("bad_url", str(exc)) from exc
        except httpx.HTTPError as exc:
            raise FetchError("network", f"{type(exc).__name__}: {exc}") from exc

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.settings.fetch_host_delay)
            return self._hosts[key]

    def _take_turn(self, url: str) -> None:
        host = self._host(url)
        with host.lock:
            self._wait(host.next_at - time.monotonic())
            host.next_at = time.monotonic() + host.delay

    def _wait(self, seconds: float) -> None:
        if seconds > 0 and self.stop.wait(seconds):
            raise Stopped
        if self.stop.is_set():
            raise Stopped

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError("bad_url", f"not an http(s) URL: {url}")
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            rules = self._robots.get(origin)
        if rules is None:
            rules = self._load_robots(origin)
            with self._lock:
                self._robots[origin] = rules
        if isinstance(rules, FetchError):
            raise FetchError("robots_unavailable", f"robots.txt: {rules.reason}")
        if not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError("robots", "robots.txt disallows this URL for our User-Agent")

    def _load_robots(self, origin: str) -> RobotFileParser | FetchError:
        """The rules of ``origin``: none when robots.txt is missing (4xx); unreachable robots
        (5xx, timeout) mean do not crawl the host in this cycle, as crawlers agree."""
        rules = RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self._with_retries(f"{origin}/robots.txt", {})
        except FetchError as exc:
            return exc
        if response.status_code >= 500 or response.status_code == 429:
            return FetchError("http_" + str(response.status_code), "robots.txt unavailable")
        lines = []
        if response.status_code == 200:
            lines = response.content.decode("utf-8", errors="replace").splitlines()
        rules.parse(lines)
        delay = rules.crawl_delay(self.settings.user_agent)
        if delay:
            host = self._host(origin)
            host.delay = max(host.delay, min(float(delay), _MAX_CRAWL_DELAY))
        return rules


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the ``Retry-After`` header asks for (delta-seconds or an HTTP date)."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
