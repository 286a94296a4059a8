"""Event nouns: which ones are events, and the participants the noun phrase leaves unnamed.

- A word of an actor's proper name is not an event: "the Popular Mobilization Forces" names a
  militia, it does not mobilise anyone.
- A meeting held in a country's capital or territory involves that country as its host when
  the sentence names no other party: "Japan attended the meeting in Washington" -> JPN-USA.
- An enumeration that continues the sentence before ("Japan took part in several meetings.
  These included the meeting in Washington in March.") takes its participant from that
  sentence's subject.

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyadwatch.coding.clauses import prep_objects, subjects
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike

CONSULT_ROOT = "04"
HOST_PREPS = ("in", "at")
# verbs whose demonstrative subject points back at the previous sentence's list of events
ENUMERATING_VERBS = frozenset({"include", "comprise"})
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "they"})
LIST_DEPS = frozenset({"conj", "appos"})
NOUNS = frozenset({"NOUN", "PROPN"})


def is_part_of_name(token: Token, mentions: MentionIndex) -> bool:
    """Whether an event noun is a word of a multi-word actor name ("Mobilization" in "the
    Popular Mobilization Forces"): capitalised, inside an actor mention that is not the noun
    alone."""
    if not (token.is_title or token.pos_ == "PROPN"):
        return False
    mention = mentions.at(token)
    return mention is not None and mention.end - mention.start > 1


def host_targets(
    places: Sequence[Token], sources: Sequence[MentionLike], mentions: MentionIndex
) -> list[MentionLike]:
    """The host of a meeting: the actor named by an "in"/"at" phrase of one of ``places``
    (the meeting noun, the verb) whose country is not a source's country."""
    own = {s.actor.country for s in sources}
    for place in places:
        for pobj in prep_objects(place, HOST_PREPS):
            found = [
                m
                for m in mentions.head_mentions(pobj)
                if m.actor.country is not None and m.actor.country not in own
            ]
            if found:
                return found[:1]
    return []


def enumeration_sources(noun: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Participants of an event noun listed by "This includes ..." / "These included ...":
    the subject actors of the sentence before."""
    head = noun
    while head.dep_ in LIST_DEPS and head.head.i != head.i and head.head.pos_ in NOUNS:
        head = head.head
    verb = head.head
    if head.dep_ not in {"dobj", "obj"} or verb.lemma_.lower() not in ENUMERATING_VERBS:
        return []
    subj, _ = subjects(verb)
    if not subj or subj[0].lower_ not in DEMONSTRATIVES:
        return []
    sentence = noun.sent
    if sentence.start == 0:
        return []
    previous = noun.doc[sentence.start - 1].sent
    found: list[MentionLike] = []
    for token in subjects(previous.root)[0]:
        found += [m for m in mentions.head_mentions(token) if m not in found]
    return found
