"""Which reader an input needs: from its file name, or from its first bytes when the name says
nothing (stdin, files without a known extension)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import PurePath


class Kind(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSONL = "jsonl"
    FEED = "feed"


_SUFFIXES: dict[str, Kind] = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.MARKDOWN,
    ".markdown": Kind.MARKDOWN,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".jsonl.gz": Kind.JSONL,
    ".ndjson.gz": Kind.JSONL,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
}
# Names whose content decides (".xml" may or may not be a feed; no extension may be anything).
SNIFFED_SUFFIXES = frozenset({"", ".xml"})
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div")
_FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf")


def suffix_of(path: PurePath) -> str:
    """The extension that decides the reader: ``.jsonl.gz`` counts as one, case-insensitive."""
    name = path.name.lower()
    for double in (".jsonl.gz", ".ndjson.gz"):
        if name.endswith(double) and len(name) > len(double):
            return double
    return path.suffix.lower()


def kind_from_name(path: PurePath) -> Kind | None:
    """The reader for a known extension; None when the name does not say."""
    return _SUFFIXES.get(suffix_of(path))


def sniff_kind(head: str) -> Kind:
    """Guess from the first characters of decoded content: JSON Lines, HTML, a feed, or text."""
    start = head.lstrip("\ufeff \t\r\n")
    lowered = start[:2048].lower()
    if start.startswith("{"):
        first_line = start.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first_line), dict):
                return Kind.JSONL
        except ValueError:
            pass
    if start.startswith("<"):
        if any(marker in lowered for marker in _FEED_MARKERS):
            return Kind.FEED
        if any(marker in lowered for marker in _HTML_MARKERS):
            return Kind.HTML
    return Kind.TEXT
