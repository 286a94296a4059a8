"""Withdrawing or scrapping a contested bill yields to its opponents (083), and announcing the
withdrawal does it, like announcing a resignation. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian government scrapped the pension bill after weeks of protests.",
        "The Peruvian president announced that his government will withdraw the pension bill.",
    ],
)
def test_a_withdrawn_bill_is_a_concession(asserted_triples: Triples, text: str) -> None:
    assert any(src == "PER" and code == "083" for src, code, _ in asserted_triples(text))


def test_withdrawing_troops_is_still_a_retreat(asserted_triples: Triples) -> None:
    found = asserted_triples("Peru withdrew its troops from the border with Ecuador.")
    assert not any(code == "083" for _, code, _ in found)
