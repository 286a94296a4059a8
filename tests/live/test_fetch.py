"""The fetcher against a real local server: every misbehaviour ends in a FetchError with a
stable code, retries and waits are honoured, robots.txt and conditional requests work."""

from __future__ import annotations

import time

import pytest

from dyadwatch.live.fetch import Fetcher, FetchError
from dyadwatch.settings import Settings

from .conftest import Site


def _fail_code(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value


def test_fetch_404_is_http_404(site: Site, fast_settings: Settings) -> None:
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, site.url("/missing"))
    assert (error.code, error.http_status) == ("http_404", 404)
    assert site.hits("/missing") == 1  # a 404 is not retried


def test_fetch_500_then_success_is_retried(site: Site, fast_settings: Settings) -> None:
    url = site.add("/flaky", "<p>ok</p>", statuses=[500, 503])
    with Fetcher(fast_settings) as fetcher:
        response = fetcher.get(url)
    assert response.status == 200 and response.content == b"<p>ok</p>"
    assert site.hits("/flaky") == 3


def test_fetch_500_every_time_gives_up(site: Site, fast_settings: Settings) -> None:
    url = site.add("/broken", "down", status=500)
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, url)
    assert error.code == "http_500"
    assert site.hits("/broken") == fast_settings.fetch_retries + 1


def test_fetch_429_waits_for_retry_after(site: Site, fast_settings: Settings) -> None:
    url = site.add("/busy", "<p>ok</p>", statuses=[429], headers={"Retry-After": "1"})
    with Fetcher(fast_settings) as fetcher:
        started = time.monotonic()
        response = fetcher.get(url)
        waited = time.monotonic() - started
    assert response.status == 200 and site.hits("/busy") == 2
    assert waited >= 0.9  # the server's Retry-After, not our 0.05 s backoff


def test_fetch_429_asking_too_long_is_rate_limited(site: Site, fast_settings: Settings) -> None:
    url = site.add("/later", "x", status=429, headers={"Retry-After": "3600"})
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, url)
    assert error.code == "rate_limited" and site.hits("/later") == 1


def test_fetch_redirect_loop(site: Site, fast_settings: Settings) -> None:
    site.add("/a", status=302, headers={"Location": "/b"})
    site.add("/b", status=302, headers={"Location": "/a"})
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, site.url("/a"))
    assert error.code == "redirect_loop"


def test_fetch_redirect_is_followed(site: Site, fast_settings: Settings) -> None:
    site.add("/old", status=301, headers={"Location": "/new"})
    new = site.add("/new", "<p>moved</p>")
    with Fetcher(fast_settings) as fetcher:
        response = fetcher.get(site.url("/old"))
    assert response.final_url == new and response.url == site.url("/old")


def test_fetch_slow_response_times_out(site: Site, fast_settings: Settings) -> None:
    url = site.add("/slow", "<p>late</p>", delay=2.0)
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, url)
    assert error.code == "timeout"


def test_fetch_oversized_page_is_too_large(site: Site, fast_settings: Settings) -> None:
    url = site.add("/huge", b"<p>" + b"x" * 300_000 + b"</p>")
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, url)
    assert error.code == "too_large"


def test_fetch_robots_disallowed_path_is_not_requested(site: Site, fast_settings: Settings) -> None:
    url = site.add("/private/memo.html", "<p>secret</p>")
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, url)
    assert error.code == "robots" and site.hits("/private/memo.html") == 0


def test_fetch_robots_txt_is_read_once_per_host(site: Site, fast_settings: Settings) -> None:
    site.add("/one", "1")
    site.add("/two", "2")
    with Fetcher(fast_settings) as fetcher:
        fetcher.get(site.url("/one"))
        fetcher.get(site.url("/two"))
    assert site.hits("/robots.txt") == 1


def test_fetch_conditional_request_gives_not_modified(site: Site, fast_settings: Settings) -> None:
    url = site.add("/feed.xml", "<rss/>", etag='"v1"')
    with Fetcher(fast_settings) as fetcher:
        first = fetcher.get(url)
        second = fetcher.get(url, etag=first.etag)
    assert first.status == 200 and first.etag == '"v1"'
    assert second.not_modified and second.content == b""
    assert site.log[-1][1].get("If-None-Match") == '"v1"'


def test_fetch_sends_the_configured_user_agent(site: Site, fast_settings: Settings) -> None:
    url = site.add("/ua", "ok")
    with Fetcher(fast_settings) as fetcher:
        fetcher.get(url)
    assert site.log[-1][1]["User-Agent"] == "dyadwatch-test/1.0"


def test_fetch_spaces_requests_to_one_host(site: Site, fast_settings: Settings) -> None:
    from dataclasses import replace

    settings = replace(fast_settings, fetch_host_delay=0.3)
    site.add("/p1", "1")
    site.add("/p2", "2")
    with Fetcher(settings) as fetcher:
        started = time.monotonic()
        fetcher.get(site.url("/p1"))
        fetcher.get(site.url("/p2"))
        elapsed = time.monotonic() - started
    assert elapsed >= 0.6  # robots.txt, /p1, /p2: two waits of 0.3 s


def test_fetch_charset_comes_from_the_content_type(site: Site, fast_settings: Settings) -> None:
    url = site.add(
        "/ru", "тест".encode("windows-1251"), content_type="text/html; charset=windows-1251"
    )
    with Fetcher(fast_settings) as fetcher:
        response = fetcher.get(url)
    assert response.charset == "windows-1251"
    assert response.content.decode(response.charset) == "тест"


def test_fetch_retry_after_as_an_http_date(site: Site, fast_settings: Settings) -> None:
    import email.utils

    soon = email.utils.formatdate(time.time() + 1, usegmt=True)
    url = site.add("/dated", "<p>ok</p>", statuses=[503], headers={"Retry-After": soon})
    with Fetcher(fast_settings) as fetcher:
        response = fetcher.get(url)
    assert response.status == 200 and site.hits("/dated") == 2


def test_fetch_unreachable_robots_txt_keeps_us_off_the_host(
    site: Site, fast_settings: Settings
) -> None:
    site.add("/robots.txt", "down", status=503)
    url = site.add("/page.html", "<p>x</p>")
    with Fetcher(fast_settings) as fetcher:
        error = _fail_code(fetcher, url)
    assert error.code == "robots_unavailable" and site.hits("/page.html") == 0


def test_fetch_missing_robots_txt_allows_everything(site: Site, fast_settings: Settings) -> None:
    del site.routes["/robots.txt"]
    url = site.add("/private/open.html", "<p>x</p>")
    with Fetcher(fast_settings) as fetcher:
        assert fetcher.get(url).status == 200
