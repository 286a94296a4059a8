"""Long texts are cut into pieces that join back exactly; entity walks match spaCy's own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from dyadwatch.nlp.entities import entities_in
from dyadwatch.nlp.pieces import make_doc_any_length, parse_any_length, split_text

PARAGRAPH = "The council met in the old town hall. Its members argued until late.\n\n"


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=8, max_value=60))
def test_pieces_join_back_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(piece) <= limit for piece in pieces)


def test_pieces_end_at_paragraph_breaks_when_they_can() -> None:
    pieces = split_text(PARAGRAPH * 10, 200)
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def test_a_text_over_max_length_is_parsed_with_offsets_kept(nlp: Language) -> None:
    text = PARAGRAPH * 40
    saved = nlp.max_length
    nlp.max_length = 500  # the real limit is 1,000,000 characters; the logic is the same
    try:
        with pytest.raises(ValueError, match="E088"):
            nlp(text)
        doc = parse_any_length(nlp, text)
        tokens = make_doc_any_length(nlp, text)
    finally:
        nlp.max_length = saved
    assert doc.text == text and tokens.text == text
    last = [t for t in doc if t.text == "members"][-1]
    assert text[last.idx : last.idx + len("members")] == "members"
    assert doc.has_annotation("DEP")


def test_entities_in_a_sentence_are_spacys(nlp: Language) -> None:
    doc = nlp(
        "Maria Lopez flew to Madrid on Friday. The bank in Frankfurt lent 5 million euros "
        "to Siemens. Nobody was there."
    )
    for sent in doc.sents:
        ours = [(e.start, e.end, e.label_) for e in entities_in(sent)]
        assert ours == [(e.start, e.end, e.label_) for e in sent.ents]
    assert any(entities_in(s) for s in doc.sents)
