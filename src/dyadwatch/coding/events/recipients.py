"""Acts told from the side of whom they are done to: "the rebels received rifles from Iran",
"Egypt faces pressure from Washington", "the minister came under criticism from Uganda".

A verb of receiving or undergoing (frame ``received`` in verbs.tsv) takes its code from its
event-noun object like a light verb, but its subject is the one acted on: the giver named in a
``from`` phrase is the source and the subject the target. Without a named giver there is no
event ("refugees received food" says nothing of who gave it).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import subjects
from dyadwatch.coding.events.candidates import EventCandidate, build_candidates
from dyadwatch.coding.events.frames import Act, SentenceState
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.predicates import Match
from dyadwatch.dictionaries.verbs import RECEIVED_FRAME

GIVER_RULE = "from-giver"
RECIPIENT_RULE = "subject-receives"


def is_receiving(match: Match) -> bool:
    return match.entry.frame == RECEIVED_FRAME


def giver_phrases(verb: Token, theme: Token | None) -> list[Token]:
    """The objects of "from" on the verb or on what it receives ("received rifles from X":
    the parser may hang the phrase on either)."""
    heads = [verb] if theme is None else [verb, theme]
    out: list[Token] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                out += [o for o in prep.children if o.dep_ == "pobj"]
    return out


def received_events(
    state: SentenceState, match: Match, act: Act, index: int, mentions: MentionIndex
) -> list[EventCandidate]:
    """The giver's act on the subject, or nothing when no giver is named."""
    verb = match.token
    givers: list[MentionLike] = []
    for phrase in giver_phrases(verb, act.theme):
        givers += [m for m in mentions.head_mentions(phrase) if m not in givers]
    if not givers:
        return []
    recipients: list[MentionLike] = []
    for subj in subjects(verb)[0]:
        recipients += [m for m in mentions.head_mentions(subj) if m not in givers]
    return build_candidates(
        state, match, act, index, givers, recipients, GIVER_RULE, RECIPIENT_RULE
    )
