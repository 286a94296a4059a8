"""A participle phrase after the subject that the parser took for the main verb
(coding/roles.py): the finite verb after it still has the sentence's subject.

The parses are built by hand, as the small model gives them for some sentences, so that the
tests do not depend on which sentences the model happens to misparse."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.coding.roles import subjects


def _doc(parse: list[tuple[str, str, str, int, str]]) -> Doc:
    words, tags, pos, heads, deps = (list(column) for column in zip(*parse, strict=True))
    return Doc(Vocab(), words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_a_finite_verb_hung_on_the_participle_phrase_has_the_participle_subject() -> None:
    # "Senator Ruiz speaking to the press called the plan absurd": "called" hangs on "press"
    doc = _doc(
        [
            ("Senator", "NNP", "PROPN", 1, "compound"),
            ("Ruiz", "NNP", "PROPN", 2, "nsubj"),
            ("speaking", "VBG", "VERB", 2, "ROOT"),
            ("to", "IN", "ADP", 2, "prep"),
            ("the", "DT", "DET", 5, "det"),
            ("press", "NN", "NOUN", 3, "pobj"),
            ("called", "VBD", "VERB", 5, "acl"),
            ("the", "DT", "DET", 8, "det"),
            ("plan", "NN", "NOUN", 6, "dobj"),
            ("absurd", "JJ", "ADJ", 6, "oprd"),
        ]
    )
    found, rule = subjects(doc[6])
    assert [t.text for t in found] == ["Ruiz"]
    assert rule == "participle-root"


def _crowd(last_noun: tuple[str, str, str, int, str]) -> Doc:
    # "Students wearing masks and <last_noun> gathered outside": "gathered" joined to the
    # participle with a noun of its own
    return _doc(
        [
            ("Students", "NNS", "NOUN", 1, "nsubj"),
            ("wearing", "VBG", "VERB", 1, "ROOT"),
            ("masks", "NNS", "NOUN", 1, "dobj"),
            ("and", "CC", "CCONJ", 1, "cc"),
            last_noun,
            ("gathered", "VBD", "VERB", 1, "conj"),
            ("outside", "RB", "ADV", 5, "advmod"),
        ]
    )


def test_a_conjunct_whose_subject_is_a_listed_noun_has_the_participle_subject() -> None:
    doc = _crowd(("helmets", "NNS", "NOUN", 5, "nsubj"))
    found, rule = subjects(doc[5])
    assert [t.text for t in found] == ["Students"]
    assert rule == "participle-root"


def test_a_conjunct_with_a_named_subject_keeps_it() -> None:
    doc = _crowd(("Police", "NNP", "PROPN", 5, "nsubj"))
    found, _ = subjects(doc[5])
    assert [t.text for t in found] == ["Police"]


def test_a_progressive_is_no_misparse() -> None:
    # "Troops were shelling the town and villagers fled": "were" makes it a real clause
    doc = _doc(
        [
            ("Troops", "NNS", "NOUN", 2, "nsubj"),
            ("were", "VBD", "AUX", 2, "aux"),
            ("shelling", "VBG", "VERB", 2, "ROOT"),
            ("the", "DT", "DET", 4, "det"),
            ("town", "NN", "NOUN", 2, "dobj"),
            ("and", "CC", "CCONJ", 2, "cc"),
            ("villagers", "NNS", "NOUN", 7, "nsubj"),
            ("fled", "VBD", "VERB", 2, "conj"),
        ]
    )
    found, _ = subjects(doc[7])
    assert [t.text for t in found] == ["villagers"]
