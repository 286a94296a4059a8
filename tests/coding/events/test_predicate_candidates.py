"""The extractor visits only the tokens that could fire a dictionary entry: the pre-selection
must keep every token ``match_token`` would match, and the events stay the same."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.events.mentions import MentionIndex
from dyadwatch.coding.events.predicates import PredicateMatcher
from dyadwatch.model import Document

TEXT = (
    "The rebels attacked a police station near the border on Tuesday. "
    "Officials said the army had arrested three men. "
    "The talks between the two governments were postponed, and the minister condemned the "
    "shelling. The weather was mild and the market stayed quiet."
)


def test_every_matching_token_is_a_candidate(nlp: Language, coder: Coder) -> None:
    doc = nlp(TEXT)
    matcher = PredicateMatcher(coder.verbs)
    mentions = MentionIndex([])
    candidates = matcher.candidates(doc)
    matched = [t.i for t in doc if matcher.match_token(t, mentions) is not None]
    assert matched
    assert set(matched) <= set(candidates)
    assert len(candidates) < len(doc) / 2  # most words head no entry


def test_a_misspelt_lemma_is_still_a_candidate(nlp: Language, coder: Coder) -> None:
    # the verb path falls back to de-inflected forms when the lemma heads nothing
    doc = nlp("Protesters staged a sit-in outside the embassy.")
    staged = next(t for t in doc if t.lower_ == "staged")
    assert staged.i in PredicateMatcher(coder.verbs).candidates(doc)


def test_events_do_not_depend_on_the_pre_selection(nlp: Language, coder: Coder) -> None:
    document = Document(id="d", text=TEXT, origin="d")
    doc = nlp(TEXT)
    index = MentionIndex(list(coder.recognizer.find(doc, None)))
    selected = coder.extractor.extract(doc, index)  # mends the parse, then pre-selects
    walked = [
        c
        for n, sentence in enumerate(doc.sents)
        for c in coder.extractor.extract_sentence(sentence, n, index)
    ]
    assert [(c.code, c.predicate.i) for c in walked] == [(c.code, c.predicate.i) for c in selected]
    assert coder.code(document)
