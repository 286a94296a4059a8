"""The parse prefilter on its own: which sentences it parses, and the Doc it rebuilds."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.nlp.prefilter import SentencePrefilter, inflections


class NamedCountries:
    """A stand-in actor check: only sentences naming one of these can mention an actor."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def could_mention_actor(self, text: str) -> bool:
        return any(name in text for name in self.names)


@pytest.fixture(scope="module")
def prefilter(nlp: Language) -> SentencePrefilter:
    return SentencePrefilter(nlp, default_verbs(), NamedCountries("Peru", "Chile"))


@pytest.mark.parametrize(
    ("word", "form"),
    [("stop", "stopped"), ("stop", "stopping"), ("deny", "denied"), ("deny", "denies"),
     ("seize", "seizing"), ("warn", "warns")],
)  # fmt: skip
def test_inflections_cover_regular_forms(word: str, form: str) -> None:
    assert form in inflections(word)


def _parsed(sentence: Span) -> bool:
    """Parsed sentences carry tags; placeholder ones have none."""
    return any(token.tag_ for token in sentence)


def test_only_sentences_with_a_dictionary_word_and_an_actor_are_parsed(
    prefilter: SentencePrefilter,
) -> None:
    text = "Peru criticized Chile over the dam. The harvest was poor. The river criticized nobody."
    doc = prefilter.parse(text)
    assert doc.text == text
    sentences = list(doc.sents)
    assert [_parsed(s) for s in sentences] == [True, False, False]


def test_a_sentence_naming_a_year_is_parsed_for_later_dates(prefilter: SentencePrefilter) -> None:
    doc = prefilter.parse("In 1998 the harvest was poor. Peru accused Chile of theft.")
    assert [_parsed(s) for s in doc.sents] == [True, True]


def test_parse_many_keeps_each_text_exactly(prefilter: SentencePrefilter) -> None:
    texts = ["Chile thanked Peru.\n\nNothing else happened here.", "Quiet day.", ""]
    docs = prefilter.parse_many(texts)
    assert [d.text for d in docs] == texts
