"""Acts done at someone's request, and requests complied with: the requester appealed to the
doer.

"The governor dissolved the assembly at the request of the premier", "the minister resigned at
the president's request" (also "at the behest of", "at the urging of"): the premier asked the
governor (020), whatever the act itself is, coded by its own rules. The doer is the source of
the acts coded on the verb the phrase qualifies, else that verb's subject; no doer named, or
the requester the doer itself, no event.

A request a verb complies with is one too: "the queen will comply with the request of the prime
minister", "the council granted the mayor's request", "heeded the calls of the opposition": the
requester (the noun's owner: "of X", "X's") asked whoever complies (020). A rejected request is
left to the reactions (events/reactions.py): no one need have complied.

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
COMPLY_ENTRY = "verbs:comply with the request of"
# what a verb that complies takes: "granted X's request", "heeded the appeals of X"
ASKING_NOUNS = frozenset(
    {"request", "requests", "appeal", "appeals", "plea", "pleas", "call", "calls", "urging"}
)
# verbs of complying, with the preposition that takes what they comply with ("" for the object)
COMPLYING = {
    "comply": "with", "grant": "", "heed": "", "honour": "", "honor": "", "fulfil": "",
    "fulfill": "", "answer": "", "accede": "to", "agree": "to", "yield": "to", "bow": "to",
}  # fmt: skip


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


def complied_requests(sentence: Span) -> list[tuple[Token, Token, Token]]:
    """ "comply with the request of X", "granted X's request": (the complying verb, the
    request noun, X's head)."""
    out: list[tuple[Token, Token, Token]] = []
    for noun in sentence:
        if noun.lower_ not in ASKING_NOUNS:
            continue
        head = noun.head
        if noun.dep_ in {"dobj", "obj"}:
            verb, prep = head, ""
        elif noun.dep_ == "pobj" and head.dep_ == "prep":
            verb, prep = head.head, head.lower_
        else:
            continue
        if verb.pos_ != "VERB" or COMPLYING.get(verb.lemma_.lower()) != prep:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, ("of",))
        out += [(verb, noun, owner) for owner in owners]
    return out


def requested_events(
    sentence: Span, index: int, events: list[EventCandidate], mentions: MentionIndex
) -> list[EventCandidate]:
    """The requester's appeal (020) to whoever did the act requested."""
    out: list[EventCandidate] = []
    found = [(*phrase, REQUEST_ENTRY) for phrase in request_phrases(sentence)]
    found += [(*phrase, COMPLY_ENTRY) for phrase in complied_requests(sentence)]
    for verb, noun, owner, entry in found:
        # a request complied with was made whatever the compliance: "announced she will
        # comply" is dated and qualified by the announcement, not by the future compliance
        said = _reporting_verb(verb) if entry == COMPLY_ENTRY else None
        doers: list[MentionLike] = [e.source for e in events if e.predicate.i == verb.i]
        if not doers:
            for subj in subjects(verb)[0]:
                doers += mentions.head_mentions(subj)
        requesters = mentions.head_mentions(owner)
        for source, target in product(requesters, dict.fromkeys(doers)):
            if source.actor.code == target.actor.code and source.start == target.start:
                continue
            out.append(
                one_word_candidate(
                    noun, index, APPEAL_CODE, entry, source, target, RULES, predicate=said
                )
            )
    return out


def _reporting_verb(verb: Token) -> Token:
    """The verb that tells of ``verb`` as its clause or infinitive ("announced she will
    comply", "agreed to grant"), climbing to the top; ``verb`` itself when none does."""
    while verb.dep_ in {"ccomp", "xcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    return verb
