"""What a source lists: article links from a feed, a sitemap or a site section page.

* RSS/Atom feeds are read with feedparser, which copes with the broken feeds real sites serve;
  a feed it cannot read at all (no entries and a parse error) is a ``malformed_feed`` failure.
* Sitemaps (``<urlset>``, with the Google News extension's title, date and publication name)
  give their ``<loc>`` links; a sitemap index gives child sitemaps, fetched in the same cycle.
* Anything else is an HTML section page: its links to the same host that look like articles
  (a path of two or more segments, or one ending in ``.html``).

Links are made absolute, stripped of tracking parameters (``utm_*``, ``fbclid``, ...) and of
fragments, and de-duplicated, so the same article listed by two feeds is fetched once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from dyadwatch.errors import ConfigError

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$")
_ENTITY_DECLARATION = re.compile(rb"<!entity", re.IGNORECASE)
_ARTICLE_SUFFIXES = (".html", ".htm", ".shtml", ".php", ".aspx")
MAX_UNPACKED = 50_000_000  # the sitemap protocol's own limit for one (unpacked) file


class DiscoveryError(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Link:
    """An article a source lists, with what the listing says about it."""

    url: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Listing:
    kind: str  # feed | sitemap | sitemap_index | section
    links: list[Link] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index


def read_sources_file(path: Path) -> list[str]:
    """The URLs of a SOURCES file: one a line; blank lines and ``#`` comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the sources file {path}: {exc}") from exc
    urls: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"{path}:{number}: not an http(s) URL: {line!r}")
        if line not in urls:
            urls.append(line)
    if not urls:
        raise ConfigError(f"the sources file {path} lists no URL")
    return urls


def clean_url(url: str, base: str | None = None) -> str | None:
    """``url`` made absolute, without fragment and tracking parameters; None if not http(s)."""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]  # fmt: skip
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def discover(content: bytes, base_url: str) -> Listing:
    """The links a fetched source lists; raises :class:`DiscoveryError` when it cannot be read.
    A gzip file (``sitemap.xml.gz``) is unpacked first, up to :data:`MAX_UNPACKED` bytes."""
    if content[:2] == b"\x1f\x8b":
        content = _gunzip(content)
    head = content[:4096].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(content, base_url)
    if head.startswith(b"<") and any(m in head for m in (b"<rss", b"<feed", b"<rdf:rdf")):
        return _feed(content, base_url)
    return _section(content, base_url)


def _gunzip(content: bytes) -> bytes:
    unpacker = zlib.decompressobj(wbits=31)
    try:
        data = unpacker.decompress(content, MAX_UNPACKED + 1)
    except zlib.error as exc:
        raise DiscoveryError("malformed_sitemap", f"broken gzip data: {exc}") from exc
    if len(data) > MAX_UNPACKED:  # a gzip bomb, or a sitemap far over the protocol's 50 MB
        raise DiscoveryError("too_large", f"unpacks to more than {MAX_UNPACKED} bytes")
    return data


def _feed(content: bytes, base_url: str) -> Listing:
    import feedparser

    if _ENTITY_DECLARATION.search(content[:4096]):
        raise DiscoveryError("malformed_feed", "the feed declares XML entities; not parsed")
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    if parsed.get("bozo") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise DiscoveryError("malformed_feed", f"not a readable feed: {problem}")
    outlet = parsed.feed.get("title") or None
    links = []
    for entry in parsed.entries:
        url = clean_url(entry.get("link") or "", base_url)
        if url:
            date = entry.get("published") or entry.get("updated")
            links.append(Link(url, entry.get("title") or None, date, outlet))
    return Listing("feed", _unique(links))


def _sitemap(content: bytes, base_url: str) -> Listing:
    if _ENTITY_DECLARATION.search(content[:4096]):
        raise DiscoveryError("malformed_sitemap", "the sitemap declares XML entities")
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        raise DiscoveryError("malformed_sitemap", f"malformed XML: {exc}") from exc
    if _local(root.tag) == "sitemapindex":
        children = [clean_url(_text(s, "loc") or "", base_url) for s in _children(root, "sitemap")]
        return Listing("sitemap_index", sitemaps=[c for c in children if c])
    links = []
    for item in _children(root, "url"):
        url = clean_url(_text(item, "loc") or "", base_url)
        if not url:
            continue
        news = next(_children(item, "news"), None)
        publication = next(_children(news, "publication"), None) if news is not None else None
        links.append(
            Link(
                url,
                title=_text(news, "title"),
                date=_text(news, "publication_date") or _text(item, "lastmod"),
                outlet=_text(publication, "name"),
            )
        )
    return Listing("sitemap", _unique(links))


def _section(content: bytes, base_url: str) -> Listing:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(content, "html.parser")
    here = clean_url(base_url)
    host = urlsplit(base_url).netloc.lower()
    links = []
    for anchor in soup.find_all("a", href=True):
        href = anchor.get("href")
        url = clean_url(href, base_url) if isinstance(href, str) else None
        if url and url != here and urlsplit(url).netloc == host and _looks_like_article(url):
            links.append(Link(url, title=anchor.get_text(" ", strip=True) or None))
    return Listing("section", _unique(links))


def _looks_like_article(url: str) -> bool:
    path = urlsplit(url).path
    segments = [s for s in path.split("/") if s]
    return len(segments) >= 2 or path.lower().endswith(_ARTICLE_SUFFIXES)


def _unique(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    out = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(parent: ET.Element | None, name: str) -> Iterator[ET.Element]:
    if parent is None:
        return iter(())
    return (child for child in parent if _local(child.tag) == name)


def _text(parent: ET.Element | None, name: str) -> str | None:
    for child in _children(parent, name):
        value = "".join(child.itertext()).strip()
        if value:
            return value
    return None
