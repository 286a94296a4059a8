"""Web pages to documents with trafilatura: main text, title, date, author, outlet, language and
canonical URL.

trafilatura removes navigation, related-story boxes, comment threads and cookie banners far
better than a paragraph heuristic on real news sites, and reads the metadata from every place
sites put it (Open Graph, JSON-LD, microdata, Dublin Core, ``<time>``). Its text keeps one
paragraph per line; we join them with a blank line, as :mod:`dyadwatch.ingest.html` does, so
page segmentation (:mod:`dyadwatch.ingest.segment`) still finds credit blocks and teasers.

When trafilatura finds no main text (a very short or unusual page), the BeautifulSoup reader
(:func:`dyadwatch.ingest.html.document_from_html`) is the fallback, and trafilatura's metadata
fills what it left empty. Nothing is downloaded: extraction works on the markup given.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Any
from urllib.parse import urljoin

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.dates import try_parse_date
from dyadwatch.ingest.html import document_from_html
from dyadwatch.model import Document

_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_MIN_MAIN_TEXT = 80  # characters: less than this is a stub, not an article body


@dataclasses.dataclass(frozen=True, slots=True)
class PageMetadata:
    """What trafilatura read about a page besides its text."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    language: str | None = None
    url: str | None = None  # canonical URL when the page declares one


def extract_page(markup: str, *, doc_id: str, origin: str, url: str | None = None) -> Document:
    """One document from a page: trafilatura's main text and metadata, or the BeautifulSoup
    reader's text when trafilatura finds none. ``url`` (where the page was fetched) resolves
    relative canonical links and is kept when the page declares no canonical URL. Raises
    :class:`InputError` (``empty``) when no text is found either way."""
    extracted = _bare_extraction(markup, url)
    meta = _metadata(extracted, markup)
    text = _main_text(extracted, meta.title)
    if len(text) >= _MIN_MAIN_TEXT:
        doc = Document(id=doc_id, text=text, origin=origin)
    else:
        doc = document_from_html(markup, doc_id=doc_id, origin=origin)
    return enrich(doc, meta, fetched_url=url)


def enrich(doc: Document, meta: PageMetadata, *, fetched_url: str | None = None) -> Document:
    """``doc`` with the fields it lacks taken from ``meta`` (the document's own win)."""
    if fetched_url and meta.url:  # a relative canonical link is relative to the page
        meta = dataclasses.replace(meta, url=urljoin(fetched_url, meta.url))
    metadata = dict(doc.metadata)
    if meta.author and "author" not in metadata:
        metadata["author"] = meta.author
    if meta.language and "language" not in metadata:
        metadata["language"] = meta.language
    if fetched_url and meta.url and meta.url != fetched_url:
        metadata.setdefault("fetched_url", fetched_url)
    return dataclasses.replace(
        doc,
        title=doc.title or meta.title,
        date=doc.date or try_parse_date(meta.date),
        source=doc.source or meta.sitename,
        url=doc.url or meta.url or fetched_url,
        metadata=metadata,
    )


def page_metadata(markup: str, url: str | None = None) -> PageMetadata:
    """trafilatura's metadata of a page (no text extraction)."""
    return _metadata(_bare_extraction(markup, url), markup)


def html_language(markup: str) -> str | None:
    """The language the page declares on ``<html lang>`` (``en``), lower case."""
    match = _HTML_LANG.search(markup[:4096])
    return match.group(1).lower() if match else None


@cache
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's timeout uses SIGALRM, which works only in the main thread and would fight
    # our own signal handlers; the document timeout of the coding engine bounds the work instead
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _bare_extraction(markup: str, url: str | None) -> Any:
    import trafilatura

    if not markup.strip():
        raise InputError("no text: the page is empty", RejectCode.EMPTY, url or "")
    try:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            config=_config(),
        )
    except (ValueError, TypeError, AttributeError):
        return None  # lxml could not build a tree: the fallback reader gets its turn


def _metadata(extracted: Any, markup: str) -> PageMetadata:
    def field(name: str) -> str | None:
        value = getattr(extracted, name, None) if extracted is not None else None
        return value.strip() or None if isinstance(value, str) else None

    return PageMetadata(
        title=field("title"),
        date=field("date"),
        author=field("author"),
        sitename=field("sitename"),
        language=field("language") or html_language(markup),
        url=field("url"),
    )


def _main_text(extracted: Any, title: str | None) -> str:
    raw = getattr(extracted, "text", None) if extracted is not None else None
    if not isinstance(raw, str):
        return ""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline is the title, not the first paragraph
    return "\n\n".join(lines)
