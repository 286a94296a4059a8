from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.html import declared_charset, document_from_html, fragment_text

PAGE = """<!doctype html><html><head>
<title>Talks stall | The Observer</title>
<meta property="og:title" content="Talks stall">
<meta property="og:site_name" content="The Observer">
<meta property="article:published_time" content="2024-03-11T08:15:00+01:00">
<meta name="author" content="Ann Lee">
<link rel="canonical" href="https://example.org/talks">
<script>var x = "Russia attacked";</script><style>p { color: red }</style>
</head><body>
<nav><p>Home | World</p></nav>
<article><h1>Talks stall</h1>
<p>Kyiv asked   NATO<br>for help.</p>
<p>Moscow <b>rejected</b> the plan.</p>
<aside><p>Related: other news</p></aside>
</article>
<footer><p>Copyright The Observer</p></footer>
</body></html>"""


def test_html_page_metadata_and_body() -> None:
    doc = document_from_html(PAGE, doc_id="p.html", origin="p.html")
    assert doc.text == "Kyiv asked NATO for help.\n\nMoscow rejected the plan."
    assert doc.title == "Talks stall"
    assert doc.date == dt.date(2024, 3, 11)
    assert doc.source == "The Observer"
    assert doc.url == "https://example.org/talks"
    assert doc.metadata == {"author": "Ann Lee"}


@pytest.mark.parametrize(
    "head",
    [
        '<meta itemprop="datePublished" content="2024-03-11">',
        '<meta name="pubdate" content="2024-03-11T10:00:00Z">',
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "datePublished": "2024-03-11T10:00"}]}</script>',
    ],
)
def test_html_date_from_common_meta_places(head: str) -> None:
    page = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    assert document_from_html(page, doc_id="p", origin="p").date == dt.date(2024, 3, 11)


def test_html_date_from_time_element_in_the_article() -> None:
    page = '<article><time datetime="2024-03-11">Monday</time><p>Text.</p></article>'
    assert document_from_html(page, doc_id="p", origin="p").date == dt.date(2024, 3, 11)


def test_html_unparseable_date_is_skipped_for_the_next_candidate() -> None:
    page = (
        '<meta name="date" content="last Tuesday"><meta name="dc.date" content="2024-03-11">'
        "<p>Text.</p>"
    )
    assert document_from_html(page, doc_id="p", origin="p").date == dt.date(2024, 3, 11)


def test_html_author_from_json_ld_when_meta_is_a_url() -> None:
    page = (
        '<meta property="article:author" content="https://example.org/ann">'
        '<script type="application/ld+json">{"headline": "H", "author": [{"name": "Ann Lee"},'
        ' {"name": "Li Wei"}]}</script><p>Text.</p>'
    )
    doc = document_from_html(page, doc_id="p", origin="p")
    assert doc.metadata["author"] == "Ann Lee; Li Wei"
    assert doc.title == "H"


def test_html_without_paragraphs_splits_at_blocks_and_line_breaks() -> None:
    page = "<body><div>Moscow <b>rejected</b> it.<br>Kyiv agreed.</div><div>Later.</div></body>"
    text = document_from_html(page, doc_id="p", origin="p").text
    assert text == "Moscow rejected it.\n\nKyiv agreed.\n\nLater."


def test_html_without_text_is_empty() -> None:
    with pytest.raises(InputError) as info:
        document_from_html(
            "<html><head><title>T</title></head><body></body></html>", doc_id="p", origin="p"
        )
    assert info.value.reject_code is RejectCode.EMPTY


def test_declared_charset_is_read_from_meta() -> None:
    assert declared_charset(b'<head><meta charset="windows-1252"></head>') == "windows-1252"
    assert declared_charset(b"<p>none</p>") is None


def test_fragment_text_strips_markup() -> None:
    assert fragment_text("<p>One <i>two</i>.</p><p>Three.</p>") == "One two.\n\nThree."


def test_html_drops_aria_regions_figures_and_forms() -> None:
    page = (
        '<body><div role="navigation"><p>Menu</p></div><div role="complementary"><p>Ad</p></div>'
        "<figure><p>Photo: Reuters</p><figcaption>Caption</figcaption></figure>"
        "<form><p>Sign up</p></form><main><p>Seoul protested.</p></main></body>"
    )
    assert document_from_html(page, doc_id="p", origin="p").text == "Seoul protested."


def test_html_picks_the_article_with_most_paragraph_text() -> None:
    page = (
        "<article><p>Short teaser.</p></article>"
        "<article><p>Seoul protested to Tokyo.</p>"
        "<p>Tokyo said it regretted the incident.</p></article>"
    )
    text = document_from_html(page, doc_id="p", origin="p").text
    assert text == "Seoul protested to Tokyo.\n\nTokyo said it regretted the incident."
