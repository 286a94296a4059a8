"""Whom recognising or rejecting "the result" of a vote is aimed at: the winner.

"X won the presidential election, but neither the EU nor the US would endorse the result":
the refusal is aimed at X, the one the result made winner. The winner is the subject of "won"
with a vote as its object ("won the election", "won the vote", "won a second term") in the
reaction's own sentence before it or in the two sentences before (the latest one).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.perpetrators import DEFINITE
from dyadwatch.coding.roles import direct_object, subjects

RESULT_NOUNS = frozenset({"result", "results", "outcome"})
VOTE_NOUNS = frozenset(
    """election elections vote poll polls race ballot runoff run-off referendum presidency
    term""".split()  # noqa: SIM905
)
WIN_VERBS = frozenset({"win"})
RESULT_REACH = 2  # sentences before the reaction
RESULT_RULE = "result-winner"


def result_winner(
    candidate: EventCandidate, noun: Token, sentences: list[Span], index: MentionIndex
) -> MentionLike | None:
    """The winner of the vote whose result ``noun`` ("the result") is, or None."""
    if noun.lower_ not in RESULT_NOUNS:
        return None
    if not any(d.dep_ == "det" and d.lower_ in DEFINITE for d in noun.children):
        return None
    first = max(0, candidate.sentence_index - RESULT_REACH)
    for number in range(candidate.sentence_index, first - 1, -1):
        sentence = sentences[number]
        wins = [t for t in sentence if t.lemma_.lower() in WIN_VERBS and t.pos_ == "VERB"]
        if number == candidate.sentence_index:
            wins = [t for t in wins if t.i < noun.i]
        for verb in reversed(wins):
            winner = _winner(verb, candidate, index)
            if winner is not None:
                return winner
    return None


def _winner(verb: Token, candidate: EventCandidate, index: MentionIndex) -> MentionLike | None:
    won = direct_object(verb)
    if won is None or won.lemma_.lower() not in VOTE_NOUNS:
        return None
    found, rule = subjects(verb)
    if rule not in {"nsubj", "conj"}:
        return None
    for token in found:
        for mention in index.head_mentions(token):
            if not same_party(mention, candidate.source):
                return mention
    return None
