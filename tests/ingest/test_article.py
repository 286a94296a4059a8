"""trafilatura extraction of pages: main text without boilerplate, the metadata, and the
BeautifulSoup fallback on pages trafilatura finds no text in."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.ingest import read_inputs
from dyadwatch.ingest.article import extract_page
from dyadwatch.model import Document

PAGE = """<!doctype html><html lang="en"><head><title>Drills near Taiwan | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Drills near Taiwan">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://harbour.example/world/drills">
<meta property="article:published_time" content="2024-05-13T08:00:00Z"></head>
<body><div class="cookie-banner">We use cookies to improve your experience.</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Drills near Taiwan</h1>
<p>Chinese warships sailed near Taiwan on Monday, the defence ministry in Taipei said.</p>
<p>Japan condemned China over the drills and urged restraint in a statement.</p></article>
<div class="comments"><h3>Comments</h3><p>reader42: this is outrageous, says I.</p></div>
<footer><p>Copyright Harbour Times. All rights reserved.</p></footer></body></html>"""


def test_extract_page_keeps_the_article_and_drops_boilerplate() -> None:
    doc = extract_page(PAGE, doc_id="p", origin="p.html")
    assert doc.text.split("\n\n") == [
        "Chinese warships sailed near Taiwan on Monday, the defence ministry in Taipei said.",
        "Japan condemned China over the drills and urged restraint in a statement.",
    ]


def test_extract_page_reads_the_metadata() -> None:
    doc = extract_page(PAGE, doc_id="p", origin="p.html")
    assert (doc.title, doc.source, str(doc.date)) == (
        "Drills near Taiwan", "Harbour Times", "2024-05-13",
    )  # fmt: skip
    assert doc.url == "https://harbour.example/world/drills"
    assert doc.metadata == {"author": "Jane Roe", "language": "en"}


def test_extract_page_keeps_the_fetched_url_without_a_canonical_one() -> None:
    page = PAGE.replace('<link rel="canonical" href="https://harbour.example/world/drills">', "")
    doc = extract_page(page, doc_id="p", origin="p", url="https://harbour.example/a?id=1")
    assert doc.url == "https://harbour.example/a?id=1"


def test_extract_page_short_page_falls_back_to_paragraphs() -> None:
    doc = extract_page("<html><body><p>China protested.</p></body></html>", doc_id="s", origin="s")
    assert doc.text == "China protested."


def test_extract_page_without_text_is_empty() -> None:
    with pytest.raises(InputError) as caught:
        extract_page("<html><body><nav>Home</nav></body></html>", doc_id="e", origin="e")
    assert caught.value.reject_code.value == "empty"


def test_html_file_given_to_ingest_goes_through_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "drills.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    assert "cookies" not in doc.text and "reader42" not in doc.text
    assert doc.metadata["language"] == "en" and doc.source == "Harbour Times"
