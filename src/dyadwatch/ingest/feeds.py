"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item.

Item text is ``content:encoded`` / Atom ``content`` when present, else the description/summary,
with HTML markup removed. The item id is its ``guid``/``id``, else its link, else
``<file>#item-N``. Dates: ``pubDate`` (RFC 822), ``dc:date``, Atom ``published``/``updated``
(ISO 8601). A summary that ends in an ellipsis is marked ``truncated``.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.dates import parse_feed_date
from dyadwatch.ingest.html import fragment_text
from dyadwatch.model import Document, Reject

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ROOT_ELEMENT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.IGNORECASE)
_ELLIPSES = ("...", "…", "[…]", "[...]")


def read_feed(data: bytes, label: str) -> Iterator[Document | Reject]:
    """Documents for the items of a feed; a Reject for the file or for each bad item."""
    if _declares_entities(data):
        yield Reject(
            label,
            RejectCode.BAD_RECORD.value,
            "the feed declares XML entities (<!ENTITY ...>); feeds do not need them and their "
            "expansion can exhaust memory, so the file is not parsed",
        )
        return
    try:
        root = ET.fromstring(data)  # expat: no external entities, amplification limits
    except ET.ParseError as exc:
        yield Reject(label, RejectCode.BAD_RECORD.value, f"malformed XML: {exc}")
        return
    if root.tag == f"{_ATOM}feed":
        source = _child_text(root, f"{_ATOM}title")
        items = [_atom_item(entry) for entry in root.iter(f"{_ATOM}entry")]
    elif root.tag == "rss" or root.tag.endswith("}RDF"):
        channel = root.find("channel")
        if channel is None:
            channel = root.find(f"{_RSS1}channel")
        source = _child_text(channel, "title", f"{_RSS1}title")
        items = [_rss_item(item) for item in [*root.iter("item"), *root.iter(f"{_RSS1}item")]]
    else:
        yield Reject(
            label, RejectCode.BAD_RECORD.value, f"not an RSS or Atom feed (root <{root.tag}>)"
        )
        return
    if not items:
        yield Reject(label, RejectCode.EMPTY.value, "the feed has no items")
    for number, fields in enumerate(items, start=1):
        origin = f"{label}#item-{number}"
        try:
            yield _document(fields, origin=origin, fallback_id=origin, source=source)
        except InputError as exc:
            yield Reject(origin, exc.reject_code.value, exc.message)


def _declares_entities(data: bytes) -> bool:
    """Whether the document type declaration before the root element declares entities (the
    "billion laughs" shape); refused whatever the XML parser's own limits are."""
    root = _ROOT_ELEMENT.search(data)
    prolog = data[: root.start()] if root else data
    return b"<!entity" in prolog.lower()


def _rss_item(item: ET.Element) -> dict[str, str | None]:
    return {
        "id": _child_text(item, "guid"),
        "title": _child_text(item, "title", f"{_RSS1}title"),
        "url": _child_text(item, "link", f"{_RSS1}link"),
        "date": _child_text(item, "pubDate", f"{_DC}date"),
        "body": _child_text(item, _CONTENT)
        or _child_text(item, "description", f"{_RSS1}description"),
        "author": _child_text(item, "author", f"{_DC}creator"),
    }


def _atom_item(entry: ET.Element) -> dict[str, str | None]:
    link = None
    for candidate in entry.findall(f"{_ATOM}link"):
        if candidate.get("rel", "alternate") == "alternate":
            link = candidate.get("href")
            break
    author = entry.find(f"{_ATOM}author")
    return {
        "id": _child_text(entry, f"{_ATOM}id"),
        "title": _child_text(entry, f"{_ATOM}title"),
        "url": link,
        "date": _child_text(entry, f"{_ATOM}published", f"{_ATOM}updated"),
        "body": _child_text(entry, f"{_ATOM}content", f"{_ATOM}summary"),
        "author": _child_text(author, f"{_ATOM}name"),
    }


def _document(
    fields: dict[str, str | None], *, origin: str, fallback_id: str, source: str | None
) -> Document:
    date: dt.date | None = None
    if fields["date"]:
        try:
            date = parse_feed_date(fields["date"])
        except ValueError as exc:
            raise InputError(str(exc), RejectCode.BAD_DATE, origin) from exc
    text = fragment_text(fields["body"] or "")
    if not text:
        raise InputError(
            "no text: the item has no content or description", RejectCode.EMPTY, origin
        )
    return Document(
        id=fields["id"] or fields["url"] or fallback_id,
        text=text,
        date=date,
        title=fields["title"],
        source=source,
        url=fields["url"],
        truncated=text.endswith(_ELLIPSES),
        origin=origin,
        metadata={"author": fields["author"]} if fields["author"] else {},
    )


def _child_text(parent: ET.Element | None, *tags: str) -> str | None:
    if parent is None:
        return None
    for tag in tags:
        found = parent.find(tag)
        if found is not None:
            text = "".join(found.itertext()).strip()
            if text:
                return text
    return None
