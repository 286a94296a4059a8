"""What a judgement in reported speech points at (``evaluations.py``): the words that tell
whether a judged noun or pronoun stands for a deed just reported, whose deed it is, and
whether the one judged is the speaker's own side.

Pure helpers over the parse and candidates; no state.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import STATE_SECTORS, MentionIndex, MentionLike, same_party

# pronouns of the speaker's side; "he" or "she" beside another actor is the speaker
FIRST_PERSON = frozenset({"i", "we"})
THIRD_PERSON = frozenset({"he", "she"})
# determiners by which a noun points back at one deed: "the move", "this decision"
POINTING = frozenset({"the", "this", "that", "its", "their", "his", "her"})
# pronoun subjects that may stand for a deed just reported: "this is a ploy"
DEMONSTRATIVES = frozenset({"this", "that", "it"})
FOREIGN = frozenset({"foreign", "outside", "external"})


def says_foreign(mention: MentionLike, doc: Doc) -> bool:
    words = doc[mention.start : mention.end]
    return any(t.lower_ in FOREIGN for w in words for t in (w, *w.children))


def own_state(doer: MentionLike, speaker: MentionLike) -> bool:
    actor = doer.actor
    return actor.country == speaker.actor.country and (
        actor.sector is None or actor.sector in STATE_SECTORS
    )


def includes_speaker(subject: Token, speaker: MentionLike, index: MentionIndex) -> bool:
    """Whether a judged subject is or includes the speaker: "he and the president misled"."""
    if any(same_party(m, speaker) for m in index.head_mentions(subject)):
        return True
    listed = (subject, *subject.conjuncts)
    if any(t.lower_ in FIRST_PERSON for t in listed):
        return True  # in a quotation "we" is the speaker's side
    return len(listed) > 1 and any(t.lower_ in THIRD_PERSON for t in listed)


def is_topic(mention: MentionLike, noun: Token) -> bool:
    doc = noun.doc
    root = next((t for t in doc[mention.start : mention.end] if t.head.i == noun.i), None)
    return (
        root is not None
        and root.dep_ == "compound"
        and root.pos_ == "PROPN"
        and mention.actor.code == mention.actor.country
    )


def act_objects(candidate: EventCandidate) -> set[str]:
    """The nouns an act was done with: "issued warrants", "imposed sanctions"."""
    return {
        c.lemma_.lower()
        for t in candidate.verb_tokens
        for c in (t, *t.children)
        if c.pos_ == "NOUN" and (c.i == t.i or c.dep_ in {"dobj", "obj"})
    }


def points_back(word: Token) -> bool:
    """Whether a pronoun subject stands for a deed just reported ("this is a ploy", "it was
    a stunt"); not an "it" that only announces a clause ("it is a mistake to wait")."""
    if word.pos_ != "PRON" or word.lower_ not in DEMONSTRATIVES:
        return False
    verb = word.head
    return word.dep_ in {"nsubj", "nsubjpass"} and not any(
        c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children
    )


def pointed(noun: Token) -> bool:
    """Whether a noun points back at one deed: "the move", "this decision" ("such action"
    is any act of a kind)."""
    return any(c.dep_ == "det" and c.lower_ in POINTING for c in noun.children) and not any(
        c.lower_ == "such" for c in noun.children
    )
