"""HTML pages: headline, publication date, author and body paragraphs.

Metadata comes from the places news sites put it (Open Graph / ``article:*`` meta tags,
schema.org JSON-LD and microdata, Dublin Core, ``<time datetime>``). The body is the text of the
``<p>`` elements of the main content container (``<article>``, ``[itemprop=articleBody]``,
``<main>``, else ``<body>``) after dropping scripts, styles, navigation, headers, footers, asides
and forms. Paragraphs are joined by a blank line so page segmentation sees them.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.dates import try_parse_date
from dyadwatch.model import Document

if TYPE_CHECKING:  # bs4 costs ~0.1 s to import: only HTML inputs load it (_parse)
    from bs4 import BeautifulSoup, Tag

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
    "iframe", "svg", "button", "select", "figure",
)  # fmt: skip
_BLOCK_TAGS = (
    "div", "section", "li", "td", "th", "blockquote", "pre", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6",
)  # fmt: skip
_DROP_ROLES = {"navigation", "contentinfo", "banner", "complementary", "search"}
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publication_date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "article.published", "datecreated",
)  # fmt: skip
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "byl")
_SOURCE_KEYS = ("og:site_name", "application-name", "dc.publisher")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB (``<meta charset>`` or http-equiv)."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def document_from_html(markup: str, *, doc_id: str, origin: str) -> Document:
    """One document from an HTML page. Raises InputError(``empty``) when it has no body text."""
    soup = _parse(markup)
    meta = _meta_tags(soup)
    linked = list(_json_ld_articles(soup))
    title = _first(
        [meta.get(k) for k in _TITLE_KEYS]
        + [_str(a.get("headline")) for a in linked]
        + [_text(soup.find("h1")), _text(soup.find("title"))]
    )
    date_candidates = (
        [meta.get(k) for k in _DATE_KEYS]
        + [_str(a.get("datePublished")) for a in linked]
        + [
            _attr(t, "datetime")
            for t in soup.find_all("time")
            if t.get("itemprop") or t.get("pubdate")
        ]
    )
    author = _first(
        [_not_url(meta.get(k)) for k in _AUTHOR_KEYS]
        + [_ld_names(a.get("author")) for a in linked]
        + [
            _text(soup.find(rel="author")),
            _text(soup.find(itemprop="author")),
        ]
    )
    source = _first(
        [meta.get(k) for k in _SOURCE_KEYS] + [_ld_names(a.get("publisher")) for a in linked]
    )
    canonical = soup.find("link", rel="canonical")
    url = _first([_attr(canonical, "href"), meta.get("og:url")])

    _drop_boilerplate(soup)
    container = _main_container(soup)
    # After dropping boilerplate a plain <time datetime> is the article's own, not a sidebar's.
    date_candidates += [_attr(t, "datetime") for t in container.find_all("time")]
    date = next((d for d in map(try_parse_date, date_candidates) if d is not None), None)
    text = "\n\n".join(_paragraphs(container))
    if not text:
        raise InputError("no text: the page has no paragraph text", RejectCode.EMPTY, origin)
    return Document(
        id=doc_id,
        text=text,
        date=date,
        title=title,
        source=source,
        url=url,
        origin=origin,
        metadata={"author": author} if author else {},
    )


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed item's description), paragraphs blank-line joined."""
    soup = _parse(markup)
    _drop_boilerplate(soup)
    return "\n\n".join(_paragraphs(soup))


def _parse(markup: str) -> BeautifulSoup:
    import bs4

    with warnings.catch_warnings():
        # A short fragment can look like a file name or XML to bs4; we know what we passed.
        warnings.simplefilter("ignore", bs4.MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", bs4.XMLParsedAsHTMLWarning)
        return bs4.BeautifulSoup(markup, "html.parser")


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld_articles(soup: BeautifulSoup) -> Iterator[dict[str, Any]]:
    """schema.org objects carrying article metadata, from every JSON-LD block that parses."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text())
        except ValueError:
            continue  # broken JSON-LD is common; the other metadata sources still apply
        yield from _walk_ld(data)


def _walk_ld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item)
    elif isinstance(data, dict):
        if "datePublished" in data or "headline" in data:
            yield data
        yield from _walk_ld(data.get("@graph"))


def _ld_names(value: Any) -> str | None:
    """``"A"``, ``{"name": "A"}`` or a list of them, as ``"A; B"``."""
    items = value if isinstance(value, list) else [value]
    names = [i.get("name") if isinstance(i, dict) else i for i in items]
    found = [n.strip() for n in names if isinstance(n, str) and n.strip() and not _is_url(n)]
    return "; ".join(found) or None


def _drop_boilerplate(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(role=True):
        if not tag.decomposed and tag.get("role") in _DROP_ROLES:
            tag.decompose()


def _main_container(soup: BeautifulSoup) -> Tag:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: sum(len(p.get_text()) for p in a.find_all("p")))
    from bs4 import Tag  # loaded by _parse already

    for found in (soup.find(itemprop="articleBody"), soup.find("main"), soup.body):
        if isinstance(found, Tag):
            return found
    return soup


def _paragraphs(container: Tag) -> list[str]:
    paragraphs = [p for p in container.find_all("p") if p.find_parent("p") is None]
    if paragraphs:
        for br in container.find_all("br"):
            br.replace_with(" ")
        texts = [_clean(p.get_text()) for p in paragraphs]
    else:  # no <p> markup: block elements and line breaks delimit paragraphs
        for tag in container.find_all(["br", *_BLOCK_TAGS]):
            tag.insert_after("\n")
        texts = [_clean(line) for line in container.get_text().split("\n")]
    return [t for t in texts if t]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _text(tag: Any) -> str | None:
    from bs4 import Tag  # loaded by _parse already

    return _clean(tag.get_text()) or None if isinstance(tag, Tag) else None


def _attr(tag: Any, name: str) -> str | None:
    from bs4 import Tag  # loaded by _parse already

    value = tag.get(name) if isinstance(tag, Tag) else None
    return value.strip() or None if isinstance(value, str) else None


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "/"))


def _not_url(value: str | None) -> str | None:
    return None if value is None or _is_url(value) else value


def _first(candidates: list[str | None]) -> str | None:
    return next((c for c in candidates if c), None)
