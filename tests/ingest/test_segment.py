from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.ingest import read_inputs, segment_page, split_paragraphs
from dyadwatch.model import Document

ARTICLE = [
    "Chinese coast guard ships blocked two Philippine supply boats near the shoal on Saturday.",
    "Manila lodged a protest, and Tokyo said it was concerned.",
    "Japan should offer more patrol vessels, the author argues.",
]
BIO = "Ines Marquardt is an associate professor of international law at the Baltic Institute."
TRANSLATOR = "Translated by Piet Hollis and Sun Mei"
TEASERS = [
    "Protesters marched through the capital on Sunday as police closed the main bridge, and "
    "opposition leaders said they would continue until the",
    "The junta extended the curfew for another month, state media said, while rebels claimed "
    "to have captured a",
    "Health ministers met in Hanoi to discuss the rising number of dengue cases across the",
]


def page(*paragraphs: str, doc_id: str = "page.txt") -> Document:
    return Document(
        id=doc_id,
        text="\n".join(paragraphs),
        date=dt.date(2024, 9, 16),
        source="Harbour Review",
        title="Shoal standoff",
        url="https://x/oped",
        origin=doc_id,
    )


def test_seed_layout_splits_into_main_and_each_teaser() -> None:
    doc = page(*ARTICLE, BIO, TRANSLATOR, *TEASERS)
    main, *teasers = segment_page(doc)
    assert main.id == "page.txt#main" and main.parent_id == "page.txt"
    assert main.text == "\n".join(ARTICLE)
    assert doc.text.startswith(main.text)  # offsets into the main article equal page offsets
    assert (main.title, main.url, main.truncated) == ("Shoal standoff", "https://x/oped", False)
    assert main.metadata["author_bio"] == BIO
    assert main.metadata["author"] == "Ines Marquardt"
    assert main.metadata["translator"] == "Piet Hollis and Sun Mei"
    assert [t.id for t in teasers] == [f"page.txt#teaser-{n}" for n in (1, 2, 3)]
    assert [t.text for t in teasers] == TEASERS
    for teaser in teasers:
        assert teaser.truncated and teaser.parent_id == "page.txt"
        assert (teaser.title, teaser.url, teaser.date) == (None, None, doc.date)
        assert teaser.metadata["cut_mid_sentence"] == "true"
        start, end = map(int, teaser.metadata["page_span"].split("-"))
        assert doc.text[start:end] == teaser.text


def test_credit_lines_are_in_no_document_text() -> None:
    parts = segment_page(page(*ARTICLE, BIO, TRANSLATOR, *TEASERS))
    assert not any(BIO in p.text or "Translated by" in p.text for p in parts)


def test_plain_article_comes_back_unchanged() -> None:
    doc = page(*ARTICLE)
    assert segment_page(doc) == [doc]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a bio-like sentence inside the story, with complete paragraphs after it
        [ARTICLE[0], "Ines Marquardt is a former ambassador to Japan.", ARTICLE[1], ARTICLE[2]],
        # an unfinished last paragraph with no credit block before it
        [*ARTICLE, TEASERS[0]],
        [""],
        ["One line only."],
    ],
)
def test_pages_without_credit_evidence_are_not_split(paragraphs: list[str]) -> None:
    doc = page(*paragraphs)
    assert segment_page(doc) == [doc]


def test_credits_without_teasers_give_one_document_with_the_page_id() -> None:
    doc = page(*ARTICLE, BIO, TRANSLATOR)
    [only] = segment_page(doc)
    assert (only.id, only.parent_id, only.text) == ("page.txt", None, "\n".join(ARTICLE))
    assert only.metadata["translator"] == "Piet Hollis and Sun Mei"


def test_wire_credits_go_to_metadata() -> None:
    [only] = segment_page(page(*ARTICLE, "(Reporting by Ann Lee; Editing by Tom Hale)"))
    assert only.metadata["reporter"] == "Ann Lee" and only.metadata["editor"] == "Tom Hale"
    assert only.text == "\n".join(ARTICLE)


def test_strong_credit_splits_even_when_teasers_end_cleanly() -> None:
    complete = "The navy said on Monday that it would hold drills next week."
    main, teaser = segment_page(page(*ARTICLE, TRANSLATOR, complete))
    assert main.text == "\n".join(ARTICLE)
    assert (teaser.text, teaser.truncated) == (complete, True)
    assert "cut_mid_sentence" not in teaser.metadata


def test_bio_followed_only_by_complete_paragraphs_is_article_text() -> None:
    doc = page(*ARTICLE, BIO, "The ministry said talks would resume in October.")
    assert segment_page(doc) == [doc]


def test_related_heading_starts_the_teasers() -> None:
    main, *teasers = segment_page(page(*ARTICLE, "Related articles:", *TEASERS[:2]))
    assert main.text == "\n".join(ARTICLE)
    assert [t.text for t in teasers] == TEASERS[:2]
    assert not any("Related" in p.text for p in [main, *teasers])


def test_a_second_full_article_with_its_own_credits() -> None:
    second = ["Seoul and Tokyo agreed to share radar data.", "The deal takes effect in May."]
    parts = segment_page(
        page(*ARTICLE, BIO, *second, "Ken Sato is a correspondent in Seoul.", TEASERS[0])
    )
    assert [p.id for p in parts] == ["page.txt#main", "page.txt#article-2", "page.txt#teaser-1"]
    article = parts[1]
    assert article.text == "\n".join(second) and not article.truncated
    assert article.metadata["author"] == "Ken Sato"
    assert parts[0].metadata["author"] == "Ines Marquardt"


def test_byline_at_the_top_goes_to_metadata() -> None:
    doc = page("Shoal talks stall", "By Ann Lee and Li Wei", *ARTICLE)
    doc = Document(id=doc.id, text=doc.text, origin=doc.origin)  # no title given
    [only] = segment_page(doc)
    assert only.text == "\n".join(ARTICLE)
    assert only.metadata["author"] == "Ann Lee; Li Wei"
    assert only.title == "Shoal talks stall"


def test_hard_wrapped_text_is_split_into_blank_line_paragraphs() -> None:
    wrapped = (
        "Chinese coast guard ships blocked two Philippine\nsupply boats on Saturday.\n\n"
        "Manila lodged a protest.\n\n"
        f"{BIO[:50]}\n{BIO[51:]}\n\n"
        "Translated by Piet Hollis\n\n"
        "The junta extended the curfew for another\nmonth while rebels claimed to have captured a"
    )
    assert [p.text for p in split_paragraphs(wrapped)][:2] == [
        "Chinese coast guard ships blocked two Philippine\nsupply boats on Saturday.",
        "Manila lodged a protest.",
    ]
    main, teaser = segment_page(Document(id="w", text=wrapped))
    assert main.text.endswith("Manila lodged a protest.")
    assert main.metadata["author"] == "Ines Marquardt"
    assert teaser.text.startswith("The junta") and teaser.truncated


def test_split_paragraphs_gives_exact_offsets() -> None:
    text = "  First.  \n\nSecond.\n"
    assert [(p.start, p.end, p.text) for p in split_paragraphs(text)] == [
        (2, 8, "First."),
        (12, 19, "Second."),
    ]


def test_read_inputs_segments_jsonl_records(tmp_path: Path) -> None:
    import json

    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": "\n".join([*ARTICLE, BIO, TEASERS[0]])}) + "\n")
    ids = [getattr(d, "id", None) for d in read_inputs([str(path)])]
    assert ids == ["r1#main", "r1#teaser-1"]


def test_seed_page_splits_into_main_article_and_four_teasers(seed_path: Path) -> None:
    parts = [d for d in read_inputs([str(seed_path)]) if isinstance(d, Document)]
    main, *teasers = parts
    assert main.id.endswith("#main") and len(teasers) == 4
    assert all(t.truncated and t.parent_id == main.parent_id for t in teasers)
    assert main.metadata["author"] == "Yao Chung-yuan"
    assert main.metadata["author_bio"].startswith("Yao Chung-yuan is a professor")
    assert main.metadata["translator"] == "Edward Jones"
    assert main.text.rstrip().endswith("Indo-Pacific region.")
    assert teasers[0].text.startswith("US President Donald Trump")
    assert teasers[2].text.startswith("After the coup in Burma")
    assert [t.text.startswith("After the confrontation") for t in teasers] == [False] * 3 + [True]
    for part in parts:
        assert "is a professor and former deputy director" not in part.text
        assert "Translated by" not in part.text


_PIECES = [*ARTICLE, BIO, TRANSLATOR, *TEASERS, "Related", "By Ann Lee", "", "  "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["\n", "\n\n"]))
def test_segment_parts_are_exact_slices_of_the_page(pieces: list[str], joiner: str) -> None:
    doc = Document(id="p", text=joiner.join(pieces))
    parts = segment_page(doc)
    assert parts
    for part in parts:
        if "page_span" in part.metadata:
            start, end = map(int, part.metadata["page_span"].split("-"))
            assert doc.text[start:end] == part.text
        assert part.text.strip() or parts == [doc]  # an empty page comes back as it was
    assert len({p.id for p in parts}) == len(parts)
    if not ({BIO, TRANSLATOR, "Related", "By Ann Lee"} & set(pieces)):
        assert parts == [doc]
