"""Acts done at someone's request: the requester appealed to the doer.

"The governor dissolved the assembly at the request of the premier", "the minister resigned at
the president's request" (also "at the behest of", "at the urging of"): the premier asked the
governor (020), whatever the act itself is, coded by its own rules. The doer is the source of
the acts coded on the verb the phrase qualifies, else that verb's subject; no doer named, or
the requester the doer itself, no event.

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from itertools import product

from spacy.tokens import Span, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.roles import subjects

APPEAL_CODE = "020"
REQUEST_ENTRY = "verbs:at the request of"
RULES = ("requester", "doer-of-requested-act")  # source and target rules
# nouns of "at X's request": whoever made it asked for the act
REQUEST_NOUNS = frozenset({"request", "behest", "urging", "bidding"})


def request_phrases(sentence: Span) -> list[tuple[Token, Token, Token]]:
    """ "(act) at the request of X" or "at X's request": (the act's verb, the request noun,
    X's head)."""
    out: list[tuple[Token, Token, Token]] = []
    for noun in sentence:
        if noun.lower_ not in REQUEST_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "at":
            continue
        verb = noun.head.head
        if verb.dep_ in {"dobj", "obj"}:  # "dissolved the assembly at the request of X"
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, ("of",))
        out += [(verb, noun, owner) for owner in owners]
    return out


def requested_events(
    sentence: Span, index: int, events: list[EventCandidate], mentions: MentionIndex
) -> list[EventCandidate]:
    """The requester's appeal (020) to whoever did the act requested."""
    out: list[EventCandidate] = []
    for verb, noun, owner in request_phrases(sentence):
        doers: list[MentionLike] = [e.source for e in events if e.predicate.i == verb.i]
        if not doers:
            for subj in subjects(verb)[0]:
                doers += mentions.head_mentions(subj)
        requesters = mentions.head_mentions(owner)
        for source, target in product(requesters, dict.fromkeys(doers)):
            if source.actor.code == target.actor.code and source.start == target.start:
                continue
            out.append(
                one_word_candidate(noun, index, APPEAL_CODE, REQUEST_ENTRY, source, target, RULES)
            )
    return out
