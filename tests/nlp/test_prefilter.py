"""The parse prefilter on its own: which sentences it parses, and the Doc it rebuilds."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.nlp.gate import inflections
from dyadwatch.nlp.prefilter import SentencePrefilter


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


def _split(prefilter: SentencePrefilter, text: str) -> list[str]:
    return [s.text.strip() for s in prefilter.split(text).sents]


def test_split_goes_on_after_a_title_with_a_full_stop(prefilter: SentencePrefilter) -> None:
    text = "The army dropped the Sgt. Okoro rifle. Lt. Col. Amadi left."
    assert _split(prefilter, text) == [
        "The army dropped the Sgt. Okoro rifle.",
        "Lt. Col. Amadi left.",
    ]


def test_split_goes_on_before_a_word_in_lower_case(prefilter: SentencePrefilter) -> None:
    text = "Senator Ama Osei (D-N.Y.) wants a vote by May. The harvest was poor."
    assert _split(prefilter, text) == [
        "Senator Ama Osei (D-N.Y.) wants a vote by May.",
        "The harvest was poor.",
    ]


def test_a_name_given_with_an_actor_is_a_possible_actor_later(
    prefilter: SentencePrefilter,
) -> None:
    text = "Peru named Kwame Tambiro envoy. Later Tambiro criticized the plan."
    assert [_parsed(s) for s in prefilter.parse(text).sents] == [True, True]


def test_a_name_alone_is_no_possible_actor(prefilter: SentencePrefilter) -> None:
    # no earlier sentence with an actor gave the name
    doc = prefilter.parse("The harvest met Kwame Tambiro. Later Tambiro criticized the plan.")
    assert [_parsed(s) for s in doc.sents] == [False, False]


def test_a_capitalised_word_the_text_writes_in_lower_case_is_no_name(
    prefilter: SentencePrefilter,
) -> None:
    text = "Peru blamed the Markets. Later Markets criticized the plan. The markets fell."
    assert [_parsed(s) for s in prefilter.parse(text).sents] == [True, False, False]


def test_the_sentence_giving_a_full_name_is_parsed_for_a_later_bare_surname(
    prefilter: SentencePrefilter,
) -> None:
    # the coder knows "Osei" from the entity of the full name, which needs the parse
    text = "Ama Osei is the new trade minister. Peru said Osei criticized Chile."
    assert [_parsed(s) for s in prefilter.parse(text).sents] == [True, True]


def test_the_sentence_before_a_pronoun_is_parsed_for_its_antecedent(
    prefilter: SentencePrefilter,
) -> None:
    text = "The harvest was poor. Ama Osei arrived on Monday. She criticized Chile over the dam."
    assert [_parsed(s) for s in prefilter.parse(text).sents] == [False, True, True]


def test_a_surname_written_only_in_unparsed_sentences_parses_nothing(
    prefilter: SentencePrefilter,
) -> None:
    text = "Ama Osei is the new trade minister. Osei likes the harvest."
    assert [_parsed(s) for s in prefilter.parse(text).sents] == [False, False]


def test_adjacent_parsed_sentences_get_the_parsers_own_boundaries(
    prefilter: SentencePrefilter, nlp: Language
) -> None:
    # the rule-based split leaves the opening quote with the sentence before ('Chile. "');
    # parsed together, as in the full parse, the quotation starts the next sentence
    text = 'Peru warned Chile. "We will not wait," the Peru minister said. Chile criticized Peru.'
    doc = prefilter.parse(text)
    full = nlp(text)
    assert [s.text for s in doc.sents] == [s.text for s in full.sents]
    assert [t.head.i for t in doc] == [t.head.i for t in full]


def test_a_line_break_inside_a_run_still_starts_a_sentence(prefilter: SentencePrefilter) -> None:
    # a heading with no full stop: parsed in one run with the line after it, it stays a
    # sentence of its own (the parser keeps the boundary set at the line break)
    text = "Peru condemns Chile over the dam\n\nPeru criticized Chile on Monday. Chile blamed Peru."
    sentences = [s.text.strip() for s in prefilter.parse(text).sents]
    assert sentences[0] == "Peru condemns Chile over the dam"
    assert all(_parsed(s) for s in prefilter.parse(text).sents)


def test_prefilter_choose_decides_each_sentence_as_keep_does(prefilter: SentencePrefilter) -> None:
    # choose reads the Doc's word arrays instead of walking Tokens: same decision per sentence
    # (no names or pronouns here, so only the sentence itself decides)
    text = (
        "The harvest was poor this spring.\n\nPeru criticized Chile over the dam. Rain fell "
        "all week in the valley. In 1998 the river flooded. The farmers thanked the rain."
    )
    doc = prefilter.split(text)
    words = [token.text for token in doc]
    chosen = list(prefilter.choose(doc, words))
    assert [kept for _, kept in chosen] == [
        prefilter.keep(sentence, position) for position, (sentence, _) in enumerate(chosen)
    ]
    assert [kept for _, kept in chosen] == [False, True, False, True, False]
