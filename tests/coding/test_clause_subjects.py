"""Subjects the parser hides: a participle it made the subject clause (coding/clauses.py)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.coding.roles import subjects


def _parsed(
    nlp: Language, words: list[str], heads: list[int], deps: list[str], tags: list[str]
) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_subject_of_a_participle_parsed_as_subject_clause(nlp: Language) -> None:
    # "Students, waving flags, marched to Congress." parsed with "waving" as csubj of "marched"
    words = ["Students", ",", "waving", "flags", ",", "marched", "to", "Congress", "."]
    heads = [2, 2, 5, 2, 5, 5, 5, 6, 5]
    deps = ["nsubj", "punct", "csubj", "dobj", "punct", "ROOT", "prep", "pobj", "punct"]
    tags = ["NNS", ",", "VBG", "NNS", ",", "VBD", "IN", "NNP", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    found, rule = subjects(doc[5])
    assert [t.text for t in found] == ["Students"] and rule == "nsubj"


def test_a_true_subject_clause_names_no_subject(nlp: Language) -> None:
    # "Waving flags angered the police.": the clause itself is the subject, no actor
    words = ["Waving", "flags", "angered", "the", "police", "."]
    heads = [2, 0, 2, 4, 2, 2]
    deps = ["csubj", "dobj", "ROOT", "det", "dobj", "punct"]
    tags = ["VBG", "NNS", "VBD", "DT", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    assert subjects(doc[2]) == ([], "")


def test_the_noun_after_an_inverted_copula_is_its_subject(nlp: Language) -> None:
    # "Beside them was the army, funded by Iran.": the parser labels "army" an attribute
    words = ["Beside", "them", "was", "the", "army", ",", "funded", "by", "Iran", "."]
    heads = [2, 0, 2, 4, 2, 2, 2, 6, 7, 2]
    deps = ["prep", "pobj", "ROOT", "det", "attr", "punct", "conj", "agent", "pobj", "punct"]
    tags = ["IN", "PRP", "VBD", "DT", "NN", ",", "VBN", "IN", "NNP", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    doc[2].lemma_ = "be"
    found, rule = subjects(doc[2])
    assert [t.text for t in found] == ["army"] and rule == "nsubj"


def test_an_attribute_after_a_plain_copula_is_no_subject(nlp: Language) -> None:
    # "It was the army.": with a subject of its own, the attribute is what the subject is
    words = ["It", "was", "the", "army", "."]
    heads = [1, 1, 3, 1, 1]
    deps = ["nsubj", "ROOT", "det", "attr", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    doc[1].lemma_ = "be"
    found, _ = subjects(doc[1])
    assert [t.text for t in found] == ["It"]


def test_roles_participle_after_an_aimed_act_is_no_gerund_of_its_subject(nlp: Language) -> None:
    # "Activists brought a case against visiting President Lu.": Lu visits, not the activists
    words = ["Activists", "brought", "a", "case", "against", "visiting", "President", "Lu", "."]
    heads = [1, 1, 3, 1, 1, 4, 7, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pcomp", "compound", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "VBG", "NNP", "NNP", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    assert subjects(doc[5]) == ([], "")


def test_roles_gerund_of_a_warning_keeps_its_subject(nlp: Language) -> None:
    # "Ministers warned against visiting Peru.": the warning verb has no object of its own
    words = ["Ministers", "warned", "against", "visiting", "Peru", "."]
    heads = [1, 1, 1, 2, 3, 1]
    deps = ["nsubj", "ROOT", "prep", "pcomp", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "VBG", "NNP", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    found, rule = subjects(doc[3])
    assert [t.text for t in found] == ["Ministers"] and rule == "pcomp"
