"""Whom an apology is owed: the party the apologiser's own act harmed.

"Iran deeply regrets this disastrous mistake" and "the ministry apologised for the incident"
name no one; the story told the act before ("Iran shot down a Ukrainian jet"). An apology (055)
without a target is aimed at the target of the latest earlier asserted act of the same country
aimed at another country, within a few sentences or in the story's first sentences
(docs/verbs.md, "Reactions").
"""

from __future__ import annotations

from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import MentionLike
from dyadwatch.coding.modality.classify import modality_of

APOLOGY_CODE = "055"
# an apology answers an act, not a statement, an appeal or another apology or regret
NOT_HARM_ROOTS = frozenset({"01", "02", "03", "04", "05"})
APOLOGY_WINDOW = 3  # sentences back, or the story's lead act:
LEAD_SENTENCES = 2  # the sentences that state a story's own act


def harmed_party(candidate: EventCandidate, earlier: list[EventCandidate]) -> MentionLike | None:
    """The target of the apologiser's own latest act aimed at another country, or None."""
    country = candidate.source.actor.country
    if country is None or not candidate.code.startswith(APOLOGY_CODE):
        return None
    for other in reversed(earlier):
        gap = candidate.sentence_index - other.sentence_index
        if gap > APOLOGY_WINDOW and other.sentence_index >= LEAD_SENTENCES:
            continue
        target = other.target
        if target is None or other.code[:2] in NOT_HARM_ROOTS:
            continue
        if other.source.actor.country != country or target.actor.country in {None, country}:
            continue
        if modality_of(other.predicate) == "asserted":
            return target
    return None
