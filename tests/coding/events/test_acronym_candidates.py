"""Defined acronyms are looked for only among the tokens shaped like one."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.actors.organisations import named_organisations
from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.events.mentions import MentionIndex
from dyadwatch.coding.events.references import defined_acronyms


def test_an_acronym_defined_after_a_name_stands_for_it_later(
    nlp: Language, recognizer: ActorRecognizer
) -> None:
    doc = nlp("The Coastal Liberation Front (CLF) shelled a port. Later the CLF denied it.")
    mentions = list(recognizer.find(doc, None))
    mentions = sorted(mentions + named_organisations(doc, mentions), key=lambda m: m.start)
    found = defined_acronyms(doc, MentionIndex(mentions))
    assert [(doc[m.start].text, m.start) for m in found] == [("CLF", 13)]  # the later use


def test_a_text_without_capitals_has_none(nlp: Language) -> None:
    assert defined_acronyms(nlp("no acronyms here at all."), MentionIndex([])) == []
    assert defined_acronyms(nlp(""), MentionIndex([])) == []
