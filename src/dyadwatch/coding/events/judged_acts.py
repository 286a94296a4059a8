"""What a judgement in reported speech points at (``evaluations.py``): the words that tell
whether a judged noun or pronoun stands for a deed just reported, whose deed it is, and
whether the one judged is the speaker's own side.

Pure helpers over the parse and candidates; no state.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import STATE_SECTORS, MentionIndex, MentionLike, same_party
from dyadwatch.dictionaries.verbs import default_verbs

# roots of speech and of verbal acts, which are no deed a later "the move" stands for
LEAD_SKIP = frozenset({"01", "02", "10", "11", "12", "13"})
# pronouns of the speaker's side; "he" or "she" beside another actor is the speaker
FIRST_PERSON = frozenset({"i", "we"})
THIRD_PERSON = frozenset({"he", "she"})
# determiners by which a noun points back at one deed: "the move", "this decision"
POINTING = frozenset({"the", "this", "that", "its", "their", "his", "her"})
# pronoun subjects that may stand for a deed just reported: "this is a ploy"
DEMONSTRATIVES = frozenset({"this", "that", "it"})
FOREIGN = frozenset({"foreign", "outside", "external"})
# "a spokesman for the council", "the head of the federation": whom a speaker speaks for
BODY_PREPS = frozenset({"for", "of"})
NAMES = frozenset({"NOUN", "PROPN"})
# verbs that say what their object is: "called it a stunt", "described this as a ploy"
LABELLING_VERBS = frozenset({"call", "brand", "label", "dub", "term", "describe", "deem"})


def says_foreign(mention: MentionLike, doc: Doc) -> bool:
    words = doc[mention.start : mention.end]
    return any(t.lower_ in FOREIGN for w in words for t in (w, *w.children))


# state sectors that judge the executive's deeds rather than speak for them
ACCOUNTABLE_VOICES = frozenset({"LEG", "JUD"})


def own_state(doer: MentionLike, speaker: MentionLike) -> bool:
    """Whether a deed is by the speaker's own state and the speaker speaks for that state
    (a minister on "the shelling" by his country's troops); an opposition leader, a party or
    a former official judging the government's deed criticises it all the same, and so do a
    legislator or a court, whose office is to hold the executive to account."""
    actor, voice = doer.actor, speaker.actor.sector
    return (
        actor.country == speaker.actor.country
        and (actor.sector is None or actor.sector in STATE_SECTORS)
        and (voice is None or voice in STATE_SECTORS - ACCOUNTABLE_VOICES)
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
    """Whether a country's name before a noun only says what the noun is about ("the Iran
    arms policy"); never when the noun is the name's own last word ("Joe Biden")."""
    if mention.start <= noun.i < mention.end:
        return False
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


def earlier_clauses(word: Token) -> list[Token]:
    """The clauses a demonstrative subject sums up: those hung on its verb before it ("X is
    trying to grab power - this is dangerous"); a clause after it is what an expletive "it"
    announces ("it is a mistake to wait") and is left out."""
    if word.lower_ not in DEMONSTRATIVES or word.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    return [c for c in word.head.children if c.dep_ in {"ccomp", "parataxis"} and c.i < word.i]


def points_back(word: Token) -> bool:
    """Whether a pronoun subject stands for a deed just reported ("this is a ploy", "it was
    a stunt"); not an "it" that only announces a clause ("it is a mistake to wait")."""
    if word.pos_ != "PRON" or word.lower_ not in DEMONSTRATIVES:
        return False
    verb = word.head
    return word.dep_ in {"nsubj", "nsubjpass"} and not any(
        c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children
    )


def named_back(word: Token) -> bool:
    """Whether a pronoun object of a naming verb stands for a deed just reported: "called
    it a non-starter", "described this as a stab in the back"."""
    return (
        word.pos_ == "PRON"
        and word.lower_ in DEMONSTRATIVES
        and word.dep_ in {"dobj", "obj"}
        and word.head.lemma_.lower() in LABELLING_VERBS
    )


def pointed(noun: Token) -> bool:
    """Whether a noun points back at one deed: "the move", "this decision" ("such action"
    is any act of a kind)."""
    return any(c.dep_ == "det" and c.lower_ in POINTING for c in noun.children) and not any(
        c.lower_ == "such" for c in noun.children
    )


def speaks_for_unknown_body(speaker: MentionLike, doc: Doc, index: MentionIndex) -> bool:
    """Whether the speaker's own description names a body the dictionaries do not know and
    that it speaks for: "a council spokesman", "the federation's president", "a spokesman
    for the growers' association". The speaker's country then came from a word around it or
    from the story, not from what it is, so its judgements are no political actor's ("a farm
    council spokesman" is not the government). A word of the description is known when the
    speaker's own dictionary match names it or it belongs to another actor mention; a named
    person is known by name."""
    span = range(speaker.start, speaker.end)
    if any(t.ent_type_ == "PERSON" for t in doc[speaker.start : speaker.end]):
        return False  # a named person is known by name: "Labour MP Yvette Cooper"
    matched = {w.lower() for w in re.findall(r"[\w.-]+", speaker.rule)}
    for head in doc[speaker.start : speaker.end]:
        if head.head.i in span and head.head.i != head.i:
            continue  # only the phrase's head carries the description
        described = [c for c in head.children if c.dep_ in {"compound", "poss"} and c.pos_ in NAMES]
        described += [
            pobj
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in BODY_PREPS
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.pos_ in NAMES
        ]
        for word in described:
            other = index.at(word)
            if word.lower_ not in matched and (other is None or other is speaker):
                return True
    return False


def gerund_deed(word: Token) -> bool:
    """Whether a judged clause is a bare gerund that names a deed of someone not said:
    "leaving them to die is a mistake" (who left them is the doer of an act coded before);
    "denying them visas was illegal" names no deed coded, and a clause with its own subject
    ("their leaving ...") is judged by that subject."""
    return (
        word.tag_ == "VBG"
        and word.dep_ in {"csubj", "nsubj", "csubjpass"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "poss"} for c in word.children)
    )


@cache
def noun_roots(word: str) -> frozenset[str]:
    """The CAMEO roots an event noun of the verb dictionary codes ("attack": 18 and, for a
    state's forces, 19), by which a judged noun finds a deed told with another word
    ("the attacks" after "twin bombings struck")."""
    codes = {c for p in default_verbs().noun_patterns(word) for c in (p.code, p.state_code) if c}
    return frozenset(c[:2] for c in codes)


def sentences_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences that overlap the tokens ``[start, end)`` (a quotation's)."""
    out: list[Span] = []
    for sentence in doc.sents:
        if sentence.end > start and sentence.start < end:
            out.append(sentence)
    return out


LEAD_SENTENCES = 2  # the sentences a story opens with, which tell its main deed


def lead_deed(candidates: list[EventCandidate], noun: Token) -> EventCandidate | None:
    """The deed a story opens with, which a later "the move" or "the decision" with no deed
    told just before it stands for ("The Queen agreed to suspend Parliament ... Six
    paragraphs on, the opposition leader called the move a smash and grab"): the first coded
    act of its first sentences that is neither speech nor a verbal act, if ``noun`` points
    back at one deed ("the move", not "such moves"; a quoted "it is a stunt")."""
    if not (pointed(noun) or points_back(noun) or named_back(noun)):
        return None
    deeds = [
        c
        for c in candidates
        if c.sentence_index < LEAD_SENTENCES
        and c.predicate.i < noun.i
        and c.code[:2] not in LEAD_SKIP
    ]
    return min(deeds, key=lambda c: c.predicate.i, default=None)


def doer_unless_own(deed: EventCandidate, speaker: MentionLike) -> MentionLike | None:
    """The doer of a judged deed, unless it is the speaker or the speaker's own state."""
    own = same_party(deed.source, speaker) or own_state(deed.source, speaker)
    return None if own else deed.source
