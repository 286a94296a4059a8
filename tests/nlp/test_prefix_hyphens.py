"""A verb written with a hyphenated prefix ("re-arrested", "co-hosted") stays one token, is
parsed as the sentence's verb and takes the lemma the verb dictionary knows."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dyadwatch.nlp.gate import PredicateGate
from dyadwatch.nlp.hyphens import keep_prefix_hyphens, prefixed_lemma, split_prefix


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Guards re-arrested the dissident at dawn.", "re-arrested", "arrest"),
        ("The two mayors co-hosted a forum in Lisbon.", "co-hosted", "host"),
        ("Voters re-elected the governor last week.", "re-elected", "elect"),
        ("The navy pre-empted a raid on the port.", "pre-empted", "preempt"),
        ("Both agencies co-operated with the inquiry.", "co-operated", "cooperate"),
    ],
)
def test_hyphens_prefixed_verb_is_one_token_with_its_verb_lemma(
    nlp: Language, text: str, word: str, lemma: str
) -> None:
    for doc in (nlp(text), next(iter(nlp.pipe([text])))):
        token = next(t for t in doc if t.text == word)
        assert token.lemma_ == lemma
        assert token.dep_ == "ROOT"


def test_hyphens_other_hyphenated_words_still_split() -> None:
    blank = spacy.blank("en")
    keep_prefix_hyphens(blank)
    assert [t.text for t in blank("a cease-fire and re-opened roads")] == [
        "a", "cease", "-", "fire", "and", "re-opened", "roads",
    ]  # fmt: skip
    assert [t.text for t in blank("(co-signed),")] == ["(", "co-signed", ")", ","]


def test_hyphens_split_prefix_and_lemma() -> None:
    assert split_prefix("Re-Imposed") == ("re", "Imposed")
    assert split_prefix("re-2") is None
    assert split_prefix("cease-fire") is None
    assert prefixed_lemma("co", "ordinate") == "coordinate"
    assert prefixed_lemma("re", "sign") == "sign"


def test_hyphens_word_gate_reads_the_bare_verb(nlp: Language) -> None:
    from dyadwatch.dictionaries.verbs import default_verbs

    gate = PredicateGate(default_verbs())
    assert not gate.admits({"guards", "the", "dissident"})
    assert gate.admits({"guards", "re-arrested", "the", "dissident"})
