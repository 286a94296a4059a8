"""Follow cycles against the local site, coded by the real coder: what is stored, what is
recorded as failed, what a second cycle fetches again (nothing), a feed that changes between
cycles, one story from two outlets, and a stop between articles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import dyadwatch.store as ds
from dyadwatch.analytics.watches import check_watches
from dyadwatch.api import get_coder
from dyadwatch.live import follow, freshness, run_cycle
from dyadwatch.live.cycle import CycleReport
from dyadwatch.pipeline import CoderLike
from dyadwatch.settings import Settings

from .conftest import ARTICLES, Site, article_html, rss


@pytest.fixture(scope="module")
def coder() -> CoderLike:
    from dyadwatch.settings import load_settings

    built: CoderLike = get_coder(load_settings(None, workers=1))
    return built


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ds.Store]:
    with ds.open(tmp_path / "live.duckdb") as opened:
        yield opened


def _publish(site: Site, slug: str, **options: str) -> str:
    headline, body = ARTICLES[slug]
    return site.add(f"/world/{slug}.html", article_html(headline, body, **options))


def _cycle(store: ds.Store, site: Site, settings: Settings, coder: CoderLike,
           *sources: str, stop: threading.Event | None = None) -> CycleReport:  # fmt: skip
    return run_cycle(
        store, list(sources), settings=settings, coder=coder, watch=check_watches, stop=stop
    )


def _stored_urls(store: ds.Store) -> set[str]:
    rows = store.con.execute("SELECT url FROM live_urls WHERE status = 'stored'").fetchall()
    return {r[0] for r in rows}


def _failures(store: ds.Store) -> dict[str, str]:
    rows = store.con.execute("SELECT url, code FROM live_failures").fetchall()
    return {url.split("127.0.0.1:")[1].split("/", 1)[1]: code for url, code in rows}


def test_cycle_stores_articles_and_records_every_failure(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    good = _publish(site, "warships")
    flaky = site.add("/world/talks.html", article_html(*ARTICLES["talks"]), statuses=[500])
    busy = site.add(
        "/world/protest.html", article_html(*ARTICLES["protest"]), statuses=[429],
        headers={"Retry-After": "1"},
    )  # fmt: skip
    site.add("/world/loop.html", status=302, headers={"Location": "/world/loop2.html"})
    site.add("/world/loop2.html", status=302, headers={"Location": "/world/loop.html"})
    slow = site.add("/world/slow.html", article_html(*ARTICLES["sanctions"]), delay=2.0)
    huge = site.add("/world/huge.html", "<p>" + "word " * 40_000 + "</p>")
    secret = site.add("/private/memo.html", article_html(*ARTICLES["sanctions"]))
    cyrillic = "Министр иностранных дел Японии осудил учения Китая у Тайваня в понедельник."
    russian = site.add(
        "/world/ru.html",
        article_html("Учения у Тайваня", cyrillic + " " + cyrillic).encode("windows-1251"),
        content_type="text/html; charset=windows-1251",
    )
    links = [good, flaky, busy, site.url("/world/loop.html"), slow, huge, secret, russian,
             site.url("/world/gone.html")]  # fmt: skip
    feed = site.add("/feed.xml", rss("Harbour Times", [(u, "x") for u in links]),
                    content_type="application/rss+xml")  # fmt: skip
    broken = site.add("/broken.xml", "<rss version='2.0'><channel><<<", content_type="text/xml")

    report = _cycle(store, site, fast_settings, coder, feed, broken)

    assert _stored_urls(store) == {good, flaky, busy, russian}
    assert _failures(store) == {
        "world/loop.html": "redirect_loop",
        "world/slow.html": "timeout",
        "world/huge.html": "too_large",
        "private/memo.html": "robots",
        "world/gone.html": "http_404",
        "broken.xml": "malformed_feed",
    }
    assert (report.stored, report.failed) == (4, 6)
    documents = store.documents()
    by_url = dict(zip(documents["url"], documents["title"], strict=True))
    assert by_url[good] == "Chinese warships sail near Taiwan"
    ru_text = store.document(russian).text
    assert "Министр иностранных дел Японии" in ru_text  # decoded from windows-1251
    assert dict(zip(documents["url"], documents["source"], strict=True))[good] == "Harbour Times"
    events = store.events()
    assert len(events) > 0 and good in set(events["doc_id"])
    cycle = store.con.execute("SELECT status, stored, failed FROM live_cycles").fetchall()
    assert cycle == [("ok", 4, 6)]


def test_cycle_again_fetches_nothing_already_stored(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    links = [_publish(site, "warships"), _publish(site, "talks")]
    feed = site.add("/feed.xml", rss("Harbour Times", [(u, "x") for u in links]), etag='"1"',
                    content_type="application/rss+xml")  # fmt: skip
    site.add("/world/gone.html", status=404)
    first = _cycle(store, site, fast_settings, coder, feed)
    documents = len(store.documents())
    second = _cycle(store, site, fast_settings, coder, feed)
    assert first.stored == 2 and second.not_modified == 1 and second.fetched == 0
    assert site.hits("/world/warships.html") == site.hits("/world/talks.html") == 1
    assert len(store.documents()) == documents


def test_cycle_feed_that_changes_brings_only_the_new_item(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    first_link = _publish(site, "warships")
    feed = site.add("/feed.xml", rss("Harbour Times", [(first_link, "a")]), etag='"1"',
                    content_type="application/rss+xml")  # fmt: skip
    _cycle(store, site, fast_settings, coder, feed)
    second_link = _publish(site, "protest")
    site.add("/feed.xml", rss("Harbour Times", [(second_link, "b"), (first_link, "a")]),
             etag='"2"', content_type="application/rss+xml")  # fmt: skip
    report = _cycle(store, site, fast_settings, coder, feed)
    assert (report.listed, report.known, report.stored) == (2, 1, 1)
    assert site.hits("/world/warships.html") == 1 and site.hits("/world/protest.html") == 1
    assert _stored_urls(store) == {first_link, second_link}


def test_cycle_reads_news_sitemaps_and_section_pages(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    in_sitemap = _publish(site, "talks")
    in_section = _publish(site, "sanctions")
    sitemap = site.add(
        "/news-sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        f"<loc>{in_sitemap}?utm_source=rss</loc><news:news><news:publication>"
        "<news:name>Harbour Times</news:name></news:publication>"
        "<news:publication_date>2024-05-14</news:publication_date>"
        "<news:title>Talks</news:title></news:news></url></urlset>",
        content_type="application/xml",
    )
    index = site.add(
        "/sitemap-index.xml",
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{sitemap}</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    section = site.add(
        "/world/",
        f'<html><body><a href="/">Home</a><a href="/about">About</a>'
        f'<a href="{in_section}#comments">Sanctions</a></body></html>',
    )
    _cycle(store, site, fast_settings, coder, index, section)
    assert _stored_urls(store) == {in_sitemap, in_section}  # tracking parameters dropped
    assert site.hits("/about") == 0


def test_cycle_one_wire_story_from_two_outlets_is_one_document_with_two_sources(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    headline, body = ARTICLES["warships"]
    first = site.add("/a/wire.html", article_html(headline, body, outlet="Harbour Times"))
    second = site.add("/b/wire.html", article_html(headline, body, outlet="Island Post"))
    feed_a = site.add("/a.xml", rss("Harbour Times", [(first, headline)]), content_type="text/xml")
    feed_b = site.add("/b.xml", rss("Island Post", [(second, headline)]), content_type="text/xml")
    _cycle(store, site, fast_settings, coder, feed_a, feed_b)
    rows = store.con.execute(
        "SELECT id, source, status, duplicate_of FROM documents ORDER BY status"
    ).fetchall()
    assert [(r[1], r[2]) for r in rows] == [
        ("Harbour Times", "coded"),
        ("Island Post", "duplicate"),
    ]
    assert rows[1][3] == rows[0][0]
    clusters = store.clusters()
    assert len(clusters) > 0 and clusters["n_sources"].max() == 2


def test_cycle_one_request_at_a_time_per_host_hosts_in_parallel(
    site: Site, other_site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    links = []
    for host in (site, other_site):
        for slug, (headline, body) in ARTICLES.items():
            links.append(host.add(f"/world/{slug}.html", article_html(headline, body), delay=0.2))
    feed = site.add("/feed.xml", rss("Both", [(u, "x") for u in links]), content_type="text/xml")
    report = _cycle(store, site, fast_settings, coder, feed)
    assert report.stored == 8
    assert site.max_in_flight == other_site.max_in_flight == 1  # never two at once per host
    ours = [(a, b) for path, a, b in site.spans if path.startswith("/world/")]
    theirs = [(a, b) for path, a, b in other_site.spans if path.startswith("/world/")]
    assert any(a < d and c < b for a, b in ours for c, d in theirs)  # the hosts overlapped


def test_cycle_shift_jis_page_declared_in_its_meta_tag(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    text = "中国の軍艦が月曜日に台湾付近を航行したと台北の国防部が発表した。" * 3
    page = article_html("台湾付近の軍艦", text).replace('charset="utf-8"', 'charset="shift_jis"')
    url = site.add("/world/jp.html", page.encode("shift_jis"), content_type="text/html")
    feed = site.add("/feed.xml", rss("Harbour Times", [(url, "jp")]), content_type="text/xml")
    _cycle(store, site, fast_settings, coder, feed)
    assert "中国の軍艦が月曜日に台湾付近を航行した" in store.document(url).text


def test_cycle_reads_a_gzipped_sitemap(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    import gzip

    link = _publish(site, "talks")
    xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{link}</loc></url></urlset>'
    sitemap = site.add(
        "/sitemap.xml.gz", gzip.compress(xml.encode()), content_type="application/gzip"
    )
    _cycle(store, site, fast_settings, coder, sitemap)
    assert _stored_urls(store) == {link}


def test_cycle_malformed_sitemap_is_recorded(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    sitemap = site.add("/sitemap.xml", "<urlset><url><loc>x</loc></urlset", content_type="text/xml")
    report = _cycle(store, site, fast_settings, coder, sitemap)
    assert report.failures[0][:2] == (sitemap, "malformed_sitemap")
    assert _failures(store) == {"sitemap.xml": "malformed_sitemap"}


def test_cycle_page_that_breaks_the_extractor_is_recorded(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import dyadwatch.live.cycle as cycle_module

    real = cycle_module.extract_page

    def fragile(markup: str, **kwargs: str) -> object:
        if "Japan and China" in markup:
            raise RecursionError("maximum recursion depth exceeded")
        return real(markup, **kwargs)

    monkeypatch.setattr(cycle_module, "extract_page", fragile)
    links = [_publish(site, "warships"), _publish(site, "talks")]
    feed = site.add("/feed.xml", rss("T", [(u, "x") for u in links]), content_type="text/xml")
    report = _cycle(store, site, fast_settings, coder, feed)
    assert report.stored == 1
    assert _failures(store) == {"world/talks.html": "extract_failed"}
    assert "RecursionError" in report.failures[0][2]


def test_cycle_canonical_url_makes_two_addresses_one_document(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    canonical = site.url("/world/talks.html")
    headline, body = ARTICLES["talks"]
    page = article_html(headline, body, canonical=canonical)
    amp = site.add("/amp/talks.html", page)
    site.add("/world/talks.html", page)
    feed = site.add("/feed.xml", rss("Harbour Times", [(amp, "amp")]), content_type="text/xml")
    _cycle(store, site, fast_settings, coder, feed)
    assert list(store.documents()["id"]) == [canonical]


def test_cycle_stop_ends_between_articles_and_the_rest_comes_next_time(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    links = [_publish(site, slug) for slug in ARTICLES]
    feed = site.add("/feed.xml", rss("Harbour Times", [(u, "x") for u in links]),
                    content_type="text/xml")  # fmt: skip
    stop = threading.Event()
    site.on_request = lambda path: stop.set() if path == "/world/talks.html" else None
    first = _cycle(store, site, fast_settings, coder, feed, stop=stop)
    assert first.interrupted and 1 <= first.stored < len(links)
    assert store.con.execute("SELECT status FROM live_cycles").fetchall() == [("interrupted",)]
    site.on_request = None
    second = _cycle(store, site, fast_settings, coder, feed)
    assert _stored_urls(store) == set(links)
    assert first.stored + second.stored == len(links)
    assert len(store.documents()) == len(links)


def test_follow_runs_several_cycles_and_freshness_reports_them(
    site: Site, store: ds.Store, fast_settings: Settings, coder: CoderLike
) -> None:
    link = _publish(site, "warships")
    down = site.add("/x/down.html", "down", status=503)
    gone = site.url("/x/gone.html")
    feed = site.add("/feed.xml", rss("Harbour Times", [(link, "a"), (down, "b"), (gone, "c")]),
                    content_type="text/xml")  # fmt: skip
    reports: list[CycleReport] = []
    stop = threading.Event()

    def after(report: CycleReport) -> None:
        reports.append(report)
        if len(reports) == 4:
            stop.set()

    follow(store, [feed], settings=replace(fast_settings), every=0.05, coder=coder,
           stop=stop, on_cycle=after)  # fmt: skip
    assert [r.stored for r in reports] == [1, 0, 0, 0]
    # the 404 is permanent: asked once; the 503 is transient: asked in 3 cycles, then given up
    assert [r.failed for r in reports] == [2, 1, 1, 0]
    assert site.hits("/x/gone.html") == 1
    fresh = freshness(store.con)
    assert fresh["last_cycle"]["status"] == "ok"
    assert fresh["documents_per_source_day"][0]["source"] == feed
    assert fresh["documents_per_source_day"][0]["documents"] == 1
    assert store.con.execute("SELECT count(*) FROM live_cycles").fetchone() == (4,)
    assert {f["last_code"] for f in fresh["failing_sources"]} == set()  # the last cycle: none
