"""One ``follow`` cycle, and the loop that repeats it.

A cycle: fetch every source (conditionally: an unchanged feed costs a 304), list the articles it
links, drop those already stored or failed for good, fetch the rest (one thread per host, each
host paced by the fetcher), extract each page (:func:`dyadwatch.ingest.article.extract_page`),
split it like any page (:func:`dyadwatch.ingest.segment_page`), and hand the documents to
:func:`dyadwatch.pipeline.ingest_documents` in batches: the same coding, duplicate linking,
clustering and watch hook as ``dyadwatch ingest``. An article is marked stored once its batch
committed (see :mod:`.state`). Every failure is recorded with its reason; none stops the cycle.

Setting ``stop`` (the CLI does on SIGTERM/SIGINT) ends the cycle between articles: the fetched
articles are stored, the rest wait for the next run.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from dyadwatch.errors import InputError
from dyadwatch.ingest import segment_page
from dyadwatch.ingest.article import extract_page
from dyadwatch.ingest.dates import try_parse_date
from dyadwatch.ingest.decode import decode_text
from dyadwatch.ingest.html import declared_charset
from dyadwatch.live.discover import DiscoveryError, Link, clean_url, discover
from dyadwatch.live.fetch import Fetcher, FetchError, Response, Stopped
from dyadwatch.live.state import LiveState
from dyadwatch.model import Document
from dyadwatch.pipeline import CoderLike, WatchHook, ingest_documents
from dyadwatch.settings import Settings
from dyadwatch.store.store import Store

_MAX_CHILD_SITEMAPS = 50


@dataclass(slots=True)
class CycleReport:
    cycle_id: str
    sources: int = 0
    not_modified: int = 0  # sources answering 304
    listed: int = 0  # article links the sources gave, after de-duplication
    known: int = 0  # ... already stored (or failed for good): not fetched
    fetched: int = 0
    stored: int = 0  # articles whose documents are in the store
    failed: int = 0
    documents: int = 0  # documents written (a page can hold an article and teasers)
    events: int = 0
    alerts: int = 0
    interrupted: bool = False
    warnings: list[str] = field(default_factory=list)  # from the ingest runs (watches, ...)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # url, code, reason

    def counts(self) -> dict[str, int]:
        return {
            "fetched": self.fetched, "stored": self.stored, "failed": self.failed,
            "events": self.events, "alerts": self.alerts,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Fetched:
    link: Link
    source_url: str
    response: Response | None = None
    error: FetchError | None = None


def run_cycle(
    store: Store,
    sources: Sequence[str],
    *,
    settings: Settings,
    coder: CoderLike | None = None,
    watch: WatchHook | None = None,
    stop: threading.Event | None = None,
) -> CycleReport:
    """Run one cycle over ``sources`` (URLs) into ``store``; see the module docstring."""
    stop = stop or threading.Event()
    state = LiveState(store.con)
    report = CycleReport(state.start_cycle(len(sources)), sources=len(sources))
    status = "failed"
    try:
        with Fetcher(settings, stop=stop) as fetcher:
            links = _list_articles(fetcher, state, sources, report, stop)
            batch: list[tuple[_Fetched, list[Document]]] = []
            for fetched in _fetch_articles(fetcher, links, settings, stop):
                if fetched.error is not None:
                    _fail(state, report, fetched.link.url, fetched.source_url, fetched.error)
                    continue
                report.fetched += 1
                documents = _documents(fetched, state, report)
                if documents:
                    batch.append((fetched, documents))
                if sum(len(d) for _, d in batch) >= settings.batch_size:
                    _store(store, state, batch, report, settings, coder, watch)
                    batch = []
            _store(store, state, batch, report, settings, coder, watch)
        report.interrupted = stop.is_set()
        status = "interrupted" if report.interrupted else "ok"
    except KeyboardInterrupt:
        status = "interrupted"
        report.interrupted = True
        raise
    finally:
        state.finish_cycle(report.cycle_id, status, report.counts())
    return report


def follow(
    store: Store,
    sources: Sequence[str],
    *,
    settings: Settings,
    every: float,
    once: bool = False,
    coder: CoderLike | None = None,
    watch: WatchHook | None = None,
    stop: threading.Event | None = None,
    on_cycle: Callable[[CycleReport], None] | None = None,
) -> list[CycleReport]:
    """Run cycles every ``every`` seconds (measured from each cycle's start) until ``stop`` is
    set, or one cycle when ``once``. Returns the reports of the cycles run."""
    stop = stop or threading.Event()
    reports = []
    while not stop.is_set():
        started = time.monotonic()
        report = run_cycle(store, sources, settings=settings, coder=coder, watch=watch, stop=stop)
        reports.append(report)
        if on_cycle is not None:
            on_cycle(report)
        if once:
            break
        stop.wait(max(0.0, every - (time.monotonic() - started)))
    return reports


def _list_articles(
    fetcher: Fetcher, state: LiveState, sources: Sequence[str], report: CycleReport,
    stop: threading.Event,
) -> list[tuple[Link, str]]:  # fmt: skip
    """(link, source URL) of every article to fetch this cycle, newest listing first."""
    found: dict[str, tuple[Link, str]] = {}
    pending = [(url, url, 0) for url in sources]  # (url, the source it came from, depth)
    while pending and not stop.is_set():
        url, source, depth = pending.pop(0)
        etag, last_modified = state.validators(url)
        try:
            response = fetcher.get(url, etag=etag, last_modified=last_modified)
        except FetchError as exc:
            _fail(state, report, url, None, exc, kind="source")
            continue
        except Stopped:
            break
        state.source_fetched(url, etag=response.etag, last_modified=response.last_modified,
                             http_status=response.status)  # fmt: skip
        if response.not_modified:
            report.not_modified += 1
            continue
        try:
            listing = discover(response.content, response.final_url)
        except DiscoveryError as exc:
            _fail(state, report, url, None, FetchError(exc.code, exc.reason), kind="source")
            continue
        if depth == 0:
            children = listing.sitemaps[:_MAX_CHILD_SITEMAPS]
            pending.extend((child, source, 1) for child in children)
        for link in listing.links[: fetcher.settings.follow_max_articles]:
            found.setdefault(link.url, (link, source))
    report.listed = len(found)
    skip = state.not_to_fetch(found)
    report.known = len(skip)
    return [entry for url, entry in found.items() if url not in skip]


def _fetch_articles(
    fetcher: Fetcher, links: list[tuple[Link, str]], settings: Settings, stop: threading.Event
) -> Iterator[_Fetched]:
    """Fetched articles as they arrive: one worker thread per host (at most
    ``fetch_concurrency`` at a time), each fetching its host's links in order."""
    by_host: dict[str, list[tuple[Link, str]]] = {}
    for link, source in links:
        by_host.setdefault(urlsplit(link.url).netloc, []).append((link, source))
    if not by_host:
        return
    done: queue.Queue[_Fetched | None] = queue.Queue()

    def work(entries: list[tuple[Link, str]]) -> None:
        try:
            for link, source in entries:
                if stop.is_set():
                    return
                try:
                    done.put(_Fetched(link, source, response=fetcher.get(link.url)))
                except FetchError as exc:
                    done.put(_Fetched(link, source, error=exc))
                except Stopped:
                    return
        finally:
            done.put(None)  # this host is finished

    workers = max(1, min(settings.fetch_concurrency, len(by_host)))
    with ThreadPoolExecutor(workers, thread_name_prefix="dyadwatch-fetch") as pool:
        for entries in by_host.values():
            pool.submit(work, entries)
        remaining = len(by_host)
        try:
            while remaining:
                item = done.get()
                if item is None:
                    remaining -= 1
                elif not stop.is_set() or item.error is None:
                    yield item  # a fetched page is stored even when stopping; errors are not
        except BaseException:  # Ctrl-C without our handlers, or the consumer gave up
            stop.set()  # so the workers end now instead of fetching the rest
            raise


def _documents(fetched: _Fetched, state: LiveState, report: CycleReport) -> list[Document]:
    """The documents of a fetched page (its article, and teasers when the page has them)."""
    assert fetched.response is not None
    response = fetched.response
    link = fetched.link
    try:
        declared = response.charset or declared_charset(response.content)
        markup = decode_text(response.content, link.url, declared=declared)
        page = extract_page(markup, doc_id=response.final_url, origin=link.url,
                            url=response.final_url)  # fmt: skip
    except InputError as exc:
        _fail(state, report, link.url, fetched.source_url, FetchError("no_text", exc.message))
        return []
    except Exception as exc:  # a page that breaks the extractor must not stop the cycle
        reason = f"{type(exc).__name__}: {exc}"
        _fail(state, report, link.url, fetched.source_url, FetchError("extract_failed", reason))
        return []
    return list(segment_page(_with_listing(page, link, response.final_url)))


def _with_listing(doc: Document, link: Link, fetched_url: str) -> Document:
    """The page's id is its canonical URL when that is on the same host (one article under
    several addresses is one document); what the page left empty comes from the listing."""
    canonical = clean_url(doc.url) if doc.url else None
    same_host = canonical and urlsplit(canonical).netloc == urlsplit(fetched_url).netloc
    return replace(
        doc,
        id=canonical if same_host and canonical else doc.id,
        title=doc.title or link.title,
        source=doc.source or link.outlet,
        date=doc.date or try_parse_date(link.date),
    )


def _store(
    store: Store,
    state: LiveState,
    batch: list[tuple[_Fetched, list[Document]]],
    report: CycleReport,
    settings: Settings,
    coder: CoderLike | None,
    watch: WatchHook | None,
) -> None:
    if not batch:
        return
    documents = [doc for _, docs in batch for doc in docs]
    result = ingest_documents(
        store, documents, coder=coder, settings=settings, watch=watch,
        inputs=[fetched.link.url for fetched, _ in batch],
    )  # fmt: skip
    for fetched, docs in batch:
        assert fetched.response is not None
        state.article_stored(
            fetched.link.url, source_url=fetched.source_url, doc_id=docs[0].parent_id or docs[0].id,
            etag=fetched.response.etag, last_modified=fetched.response.last_modified,
        )  # fmt: skip
    report.stored += len(batch)
    report.documents += len(documents)
    report.events += result.events
    report.alerts += result.alerts
    report.warnings.extend(result.warnings)


def _fail(
    state: LiveState, report: CycleReport, url: str, source_url: str | None, error: FetchError,
    *, kind: str = "article",
) -> None:  # fmt: skip
    state.record_failure(
        report.cycle_id, url, kind=kind, source_url=source_url, code=error.code,
        reason=error.reason, http_status=error.http_status,
    )  # fmt: skip
    report.failed += 1
    report.failures.append((url, error.code, error.reason))
