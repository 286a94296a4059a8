from __future__ import annotations

import pytest

from dyadwatch.ingest.credits import (
    ends_mid_sentence,
    is_section_marker,
    parse_byline,
    parse_credit,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Mara Quist is a professor and former deputy director of the Ministry of Finance's "
            "policy office.",
            {"author_bio": "<line>", "author": "Mara Quist"},
        ),
        (
            "Tomas van der Berg is a senior fellow at the Lowlands Institute.",
            {"author_bio": "<line>", "author": "Tomas van der Berg"},
        ),
        (
            "*Anna Weiss and Jun-ho Kim are researchers at the Center for Maritime Studies.*",
            {"author_bio": "<line>", "author": "Anna Weiss; Jun-ho Kim"},
        ),
        ("The author is a retired navy officer.", {"author_bio": "<line>"}),
        ("Translated by Nadia Ferro", {"translator": "Nadia Ferro"}),
        ("Translated by Nadia Ferro and Olu Bakare.", {"translator": "Nadia Ferro and Olu Bakare"}),
        ("Translated from the Japanese by Ken Sato", {"translator": "Ken Sato"}),
        ("Translation: staff writer Ken Sato", {"translator": "staff writer Ken Sato"}),
        (
            "(Reporting by Ann Lee in Manila; Additional reporting by Li Wei; Editing by Tom Hale)",
            {"reporter": "Ann Lee in Manila", "editor": "Tom Hale"},
        ),
        ("Writing by Ann Lee", {"writer": "Ann Lee"}),
        ("© 2024 Harbour Review. All rights reserved.", {"copyright": "<line>"}),
        ("Copyright 2024 Harbour Review", {"copyright": "<line>"}),
        ("The views expressed here are the author's own.", {"note": "<line>"}),
        ("This article was first published in the Harbour Review.", {"note": "<line>"}),
    ],
)
def test_parse_credit_recognises_credit_lines(line: str, expected: dict[str, str]) -> None:
    credits = parse_credit(line)
    assert credits is not None
    found: dict[str, str] = {}
    for credit in credits:
        found.setdefault(credit.key, credit.value)
    want = {k: line.strip("*") if v == "<line>" else v for k, v in expected.items()}
    assert {k: found[k] for k in want} == want
    assert set(found) == set(want)


@pytest.mark.parametrize(
    "line",
    [
        "Tokyo protested to Beijing on Monday.",
        "Translated by volunteers, the leaked files revealed the army's plans.",
        "Copyright disputes between Chinese and US firms have grown since 2018.",
        "The views expressed by the minister drew criticism from Tokyo.",
        "Kishi is a former defence minister.",  # one-word name: not a bio subject
        "The army is a professional force of 300,000 troops.",
        "Japan is a member of the G7.",
        "Edited by the ministry, the report was published on Friday.",
        "Mara Quist is expected to visit Manila next week.",  # no role word
    ],
)
def test_parse_credit_leaves_ordinary_sentences_alone(line: str) -> None:
    assert parse_credit(line) is None


def test_long_unfinished_bio_like_paragraph_is_not_a_bio() -> None:
    teaser = (
        "Mara Quist is a former ambassador who spent three decades negotiating fishing rights "
        "across the Pacific, and in her new memoir she describes the long nights in which the"
    )
    assert parse_credit(teaser) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Ann Lee", "Ann Lee"), ("BY ANN LEE and LI WEI, Staff Reporters", "ANN LEE; LI WEI")],
)
def test_parse_byline(line: str, author: str) -> None:
    credits = parse_byline(line)
    assert credits is not None and credits[0].value == author


@pytest.mark.parametrize("line", ["By Tuesday the ships had left.", "By Monday", "by the sea"])
def test_parse_byline_rejects_non_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "marker"),
    [("Related", True), ("Read more:", True), ("You may also like", True), ("More from Asia", True),
     ("Related talks were held in Tokyo.", False)],
)  # fmt: skip
def test_is_section_marker(line: str, marker: bool) -> None:
    assert is_section_marker(line) is marker


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Tokyo protested.", False),
        ('He said: "We will respond."', False),
        ("Will Beijing respond?", False),
        ("(It did.)", False),
        ("Despite being outnumbered and", True),
        ("integrating more deeply into ", True),
        ("The ships left and...", True),
        ("The ships left and…", True),
    ],
)
def test_ends_mid_sentence(text: str, cut: bool) -> None:
    assert ends_mid_sentence(text) is cut
