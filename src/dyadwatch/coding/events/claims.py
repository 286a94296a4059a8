"""Claims about another's conduct: "X claimed (that) Y attacked Z" accuses Y (CAMEO 112).

Used by the extractor (``extractor.py``) on a verb of claiming (frame ``avowal``): a claim of
an act by the speaker's own side is a claim of responsibility (015, decided there); a claim
whose clause names another country's actor as its subject is an accusation of that actor
(docs/verbs.md, "Naming someone something").
"""

from __future__ import annotations

from dyadwatch.coding.clauses import is_negated, subjects
from dyadwatch.coding.events.arguments import same_country
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.predicates import Match

ACCUSE_CODE = "112"  # a claim about another's conduct
ACCUSING_CLAIMS = frozenset({"claim"})


def accused_in_claim(
    match: Match, claimants: list[MentionLike], mentions: MentionIndex
) -> list[MentionLike]:
    """Who a claim is about when it is an accusation: the named subject of a "claimed (that)
    X does Y" clause, of another country than the claimant's, in an affirmative clause."""
    if match.entry.frame != "avowal" or match.token.lemma_.lower() not in ACCUSING_CLAIMS:
        return []
    if not claimants:
        return []
    for clause in match.token.children:
        if clause.dep_ != "ccomp" or is_negated(clause):
            continue
        subj, rule = subjects(clause)
        if rule != "nsubj":
            continue
        found = [
            m
            for token in subj
            for m in mentions.head_mentions(token)
            if not any(same_country(m, c) for c in claimants)
        ]
        if found:
            return found
    return []
