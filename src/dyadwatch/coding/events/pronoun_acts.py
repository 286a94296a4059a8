"""An "it" standing for a measure named before it: "a state of emergency was declared ...
the cabinet voted to lift it", "the curfew was due to end, but it was extended". The object
of a halt or light verb that is such a pronoun takes the act of the event noun it stands
for, when that noun is the nearest event noun before it and names a sanction, restriction
or other coercive measure (roots 16, 17): the measures a state lifts, eases or extends.

Pure over the parse and the verb dictionary; used by ``frames.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.predicates import phrase_matches, word_forms
from dyadwatch.dictionaries.verbs import VerbDictionary, VerbPattern

MEASURE_ROOTS = ("16", "17")
PRONOUNS = frozenset({"it"})
NOUNS = frozenset({"NOUN", "PROPN"})
SENTENCES_BACK = 2  # its own sentence and the two before


def measure_antecedent(pronoun: Token, verbs: VerbDictionary) -> VerbPattern | None:
    """The entry of the measure noun an "it" stands for, or None (another event noun is
    nearer, or none is named)."""
    if pronoun.lower_ not in PRONOUNS:
        return None
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(SENTENCES_BACK):
        start = doc[start - 1].sent.start if start > 0 else start
    for token in reversed(doc[start : pronoun.i]):
        if token.pos_ not in NOUNS:
            continue
        entries = [
            entry
            for form in word_forms(token)
            for entry in verbs.noun_patterns(form)
            if entry.code is not None and phrase_matches(entry.head, token)
        ]
        if entries:  # the nearest event noun decides
            entry = max(entries, key=lambda e: e.specificity)
            code = entry.code or ""
            return entry if code.startswith(MEASURE_ROOTS) else None
    return None


def passive_it(verb: Token) -> list[Token]:
    """The "it" a passive acts on ("it was extended by two weeks"), if any."""
    return [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ in PRONOUNS]
