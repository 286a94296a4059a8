"""A misparse mended before any rule reads the parse: a finite verb taken for an adjective.

The small English model sometimes reads "The British relinquished control of the port" or
"The first charged the president with abuse of power" as one noun phrase: the verb becomes an
adjective (``amod``) of the noun after it, and that noun the root of a sentence with no verb.
``reattach_noun_roots`` makes the verb the root again, the words before it its subject and the
noun its object, so that the verb's dictionary entry can fire with its arguments.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})  # not a gerund: "endorsed blocking relief"
# what may end a subject right before the verb: "The British", "The first", "Trump"
SUBJECT_ENDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PRON"})
# what may stand between the verb and the noun it was hung on, inside the object's phrase
OBJECT_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "case"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def reattach_noun_roots(doc: Doc) -> int:
    """Mend every sentence whose root is a noun carrying a past-tense verb as its adjective,
    with a subject phrase before the verb ("The British relinquished control ..."). Returns
    how many were mended."""
    mended = 0
    for sentence in doc.sents:
        verb = _hidden_verb(sentence)
        if verb is not None:
            _mend(verb, sentence.root)
            mended += 1
    return mended


def _hidden_verb(sentence: Span) -> Token | None:
    root = sentence.root
    if root.tag_ not in NOUN_TAGS:
        return None
    doc = root.doc
    for verb in root.lefts:
        if verb.dep_ != "amod" or verb.tag_ not in PAST_TAGS or verb.i == sentence.start:
            continue
        before = doc[verb.i - 1]
        if before.pos_ not in SUBJECT_ENDS or before.dep_ == "poss":
            continue  # "the injured", "newly elected", "US-backed", "its armed forces"
        # the subject is in the noun's phrase, or already the verb's ("The British" nsubj)
        subject = before.head.i == verb.i and before.dep_ == "nsubj"
        if not subject and before.head.i != root.i:
            continue
        if any(c.dep_ not in {"advmod", "nsubj"} for c in verb.children):
            continue
        between = doc[verb.i + 1 : root.i]
        if all(t.head.i == root.i and t.dep_ in OBJECT_MODIFIERS for t in between):
            return verb
    return None


def _mend(verb: Token, noun: Token) -> None:
    subject = verb.doc[verb.i - 1]
    for word in [t for t in noun.lefts if t.i < subject.i]:
        word.head = subject
    verb.head = verb
    verb.dep_ = "ROOT"
    verb.tag_ = "VBD"
    subject.head = verb
    subject.dep_ = "nsubj"
    noun.head = verb
    noun.dep_ = "dobj"
    # what joined the verbless sentence goes on the verb ("..., and the second accused him"),
    # and so do its phrases but the object's own "of" ("control of the port to China in 1997")
    for word in noun.rights:
        if word.dep_ in {"cc", "punct"} or _verb_conjunct(word) or _verb_phrase(word):
            word.head = verb


def _verb_phrase(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ != "of"


def _verb_conjunct(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}
