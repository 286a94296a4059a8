"""Actor passes that look only at a few kinds of token pick them from the Doc's arrays: the
results are those of a walk over every token, and an empty text costs nothing."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.actors.fused import fused_country_pieces
from dyadwatch.coding.actors.organisations import named_organisations


def test_named_organisations_are_found_at_their_head_word(nlp: Language) -> None:
    doc = nlp("Aid came from the Coastal Relief Foundation and a local network of doctors.")
    found = named_organisations(doc, [])
    assert "Coastal Relief Foundation" in [doc[m.start : m.end].text for m in found]
    assert named_organisations(nlp(""), []) == []


def test_only_hyphenated_tokens_are_read_as_fused_countries(nlp: Language) -> None:
    doc = nlp("The U.S.-led coalition met the rebels.")
    looked: list[str] = []

    def lookup(phrase: str) -> list[object]:
        looked.append(phrase)
        return []

    assert list(fused_country_pieces(doc, [False] * len(doc), lookup, (), ())) == []  # type: ignore[arg-type]
    assert looked == ["led", "U.S."]
    assert list(fused_country_pieces(nlp(""), [], lookup, (), ())) == []  # type: ignore[arg-type]
