"""The array-driven Doc walks give the tokens a full ``for token in doc`` walk would."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.nlp.arrays import joined_text, tokens_lowered, tokens_with, word_pair_occurs

TEXT = (
    "Minister Odalys Verhoek visited  Brastova on Monday.\n\n"
    "She was the envoy of the Kelpian League. Verhoek said talks went well. "
)


def test_arrays_tokens_with_matches_a_full_walk(nlp: Language) -> None:
    doc = nlp(TEXT)
    for attribute, value in (("pos", "PROPN"), ("dep", "attr"), ("pos", "VERB")):
        expected = [t.i for t in doc if getattr(t, f"{attribute}_") == value]
        assert [t.i for t in tokens_with(doc, attribute, value)] == expected
    assert [t.i for t in tokens_with(doc, "pos", "PROPN")]  # the walk found something


def test_arrays_tokens_lowered_finds_every_casing_and_adds_no_string(nlp: Language) -> None:
    doc = nlp(TEXT)
    size = len(doc.vocab.strings)
    found = [t.text for t in tokens_lowered(doc, {"verhoek", "nowhere-word-xyz"})]
    assert found == ["Verhoek", "Verhoek"]
    assert len(doc.vocab.strings) == size  # looking a word up must not grow the vocabulary
    assert list(tokens_lowered(doc, set())) == []


def test_arrays_joined_text_is_the_doc_text(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert joined_text(doc) == doc.text == TEXT
    assert joined_text(nlp.make_doc("")) == ""


def test_arrays_word_pair_occurs_needs_the_pair_in_order(nlp: Language) -> None:
    heads = ["ministry", "office"]
    assert word_pair_occurs(nlp.make_doc("The Ministry of Tides spoke."), heads, "of")
    assert not word_pair_occurs(nlp.make_doc("Of the ministry, little is known."), heads, "of")
    assert not word_pair_occurs(nlp.make_doc("ministry"), heads, "of")
    assert not word_pair_occurs(nlp.make_doc(""), heads, "of")
