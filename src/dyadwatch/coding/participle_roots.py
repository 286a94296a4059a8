"""One misparse of subjects: a participle phrase after the subject taken for the main verb.

In "Protesters wearing masks, helmets and goggles gathered outside the police station" or
"The minister speaking to reporters called the deal void" the small English model makes the
participle ("wearing", "speaking") the root with the subject, and hangs the real finite verb
on a noun of the participle's phrase (``acl``) or joins it to the participle (``conj``) with a
noun of that phrase as its subject. The finite verb's subject is the participle's.
"""

from __future__ import annotations

from spacy.tokens import Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def participle_root_subject(verb: Token) -> Token | None:
    """The subject of the root participle whose phrase swallowed ``verb``; None when the
    parse is not that misparse."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in {"acl", "conj"}:
        return None
    participle = verb.head
    while participle.pos_ != "VERB" and participle.head.i != participle.i:
        participle = participle.head
    if participle.tag_ != "VBG" or participle.dep_ != "ROOT" or participle.i > verb.i:
        return None
    if any(c.dep_ in {"aux", "auxpass"} for c in participle.children):
        return None  # "the army was shelling the town and ..." is a real progressive
    subject = next((c for c in participle.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > participle.i:
        return None
    if verb.dep_ == "acl":
        return subject if verb.head.i != participle.i else None
    # a conjunct: only when its own subject sits inside the participle's phrase ("wearing
    # masks and helmets gathered": "helmets"), or when it has none
    own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if own is None or (participle.i < own.i < verb.i and not _determined(own)):
        return subject
    return None


def _determined(noun: Token) -> bool:
    """A noun phrase that opens a clause of its own: with a determiner, a possessor or a name
    ("..., and the police gathered")."""
    return noun.pos_ in {"PROPN", "PRON"} or any(c.dep_ in {"det", "poss"} for c in noun.children)
