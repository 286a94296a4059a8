from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.text import document_from_text


def test_text_document_keeps_the_text_and_normalises_line_ends() -> None:
    doc = document_from_text(
        "\r\nFirst line.\r\nSecond line.\r\n\r\n", doc_id="a.txt", origin="a.txt"
    )
    assert (doc.id, doc.origin, doc.text) == ("a.txt", "a.txt", "First line.\nSecond line.")
    assert doc.date is None and doc.title is None


def test_front_matter_sets_fields_and_is_removed_from_the_text() -> None:
    text = (
        "---\ntitle: Talks stall\ndate: 2024-03-11\nsource: 'Observer'\nauthor: Ann Lee\n---\nBody."
    )
    doc = document_from_text(text, doc_id="a", origin="a")
    assert doc.text == "Body."
    assert (doc.title, doc.date, doc.source) == ("Talks stall", dt.date(2024, 3, 11), "Observer")
    assert doc.metadata == {"author": "Ann Lee"}


def test_front_matter_with_a_bad_date_is_rejected() -> None:
    with pytest.raises(InputError) as info:
        document_from_text("---\ndate: March 11\n---\nBody.", doc_id="a", origin="a")
    assert info.value.reject_code is RejectCode.BAD_DATE


@pytest.mark.parametrize(
    "text",
    [
        "---\nthis is a horizontal rule, not front matter\n---\nBody.",
        "---\ntitle: never closed\nBody.",
    ],
)
def test_text_that_only_resembles_front_matter_is_kept_whole(text: str) -> None:
    assert document_from_text(text, doc_id="a", origin="a").text == text


def test_markdown_heading_becomes_the_title() -> None:
    doc = document_from_text("# Talks stall #\n\nBody.", doc_id="a", origin="a", markdown=True)
    assert (doc.title, doc.text) == ("Talks stall", "Body.")


def test_heading_in_plain_text_is_left_alone() -> None:
    doc = document_from_text("# Not a title\nBody.", doc_id="a", origin="a")
    assert doc.title is None and doc.text.startswith("# Not a title")


def test_front_matter_without_a_body_is_empty() -> None:
    with pytest.raises(InputError) as info:
        document_from_text("---\ntitle: x\n---\n  \n", doc_id="a", origin="a")
    assert info.value.reject_code is RejectCode.EMPTY
