"""Who a refusal answers, and whose words are political judgements.

- A refusal with no target (12x: "the ministers refused to hand over the files") is aimed at
  whoever asked the refuser for something just before: the source of an asserted appeal or
  demand (02, 10) aimed at the refuser, both political.
- ``speaks``: a country, a state or political body, or an international organisation speaks
  politically; a court or judge does not (its findings are verdicts, coded by the legal-act
  rules of events/implied.py), a prosecutor or attorney general does.

Pure; used by ``evaluations.py``.
"""

from __future__ import annotations

from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import MentionLike, same_party
from dyadwatch.coding.events.statements import (
    POLITICAL_SECTORS,
    STATELESS_POLITICAL,
    is_political,
)
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.model import Actor

COURT_SECTOR = "JUD"
PROSECUTORS = frozenset({"attorney", "prosecutor", "prosecutors", "solicitor"})
REJECT_ROOT = "12"
DEFY_CODE = "128"
ASK_ROOTS = frozenset({"02", "10"})  # appeals and demands a refusal answers
REFUSAL_RULE = "refused-request"


def speaks(actor: Actor) -> bool:
    """Whether an actor's judgements are political criticism: a country, a state or
    political body, or an international organisation; not a region ("Asia") or a body of
    no known kind, and not a court (its findings are legal acts, coded by the verdict rules
    of events/implied.py)."""
    if not is_political(actor) or (actor.sector == COURT_SECTOR and not prosecutes(actor)):
        return False
    if actor.sector in POLITICAL_SECTORS or actor.code.startswith(STATELESS_POLITICAL):
        return True
    return actor.sector is None and actor.code == actor.country


def prosecutes(actor: Actor) -> bool:
    """A prosecutor or attorney general: a legal officer whose words are politics."""
    return any(word in PROSECUTORS for word in (actor.name or "").lower().split())


def answers(refusal: EventCandidate) -> bool:
    """Whether a verbal conflict can answer a request: a rejection or refusal (120-127,
    129), not a criticism (11x) nor a defiance of norms or laws (128)."""
    return refusal.code[:2] == REJECT_ROOT and refusal.code[:3] != DEFY_CODE


def asker(
    refusal: EventCandidate, candidates: list[EventCandidate], window: int
) -> MentionLike | None:
    """Who asked for what a refusal with no target refuses: the source of the latest appeal
    or demand (02, 10) aimed at the refuser in its sentence or the ``window`` before ("The
    committee asked the ministers for the files. The ministers refused to hand them over")."""
    if not speaks(refusal.source.actor):
        return None  # "banks refused to extend loans": business, whoever asked
    for other in reversed(candidates):
        if other.sentence_index > refusal.sentence_index:
            continue
        if other.sentence_index < refusal.sentence_index - window:
            break
        if other.code[:2] not in ASK_ROOTS or other.target is None:
            continue
        if modality_of(other.predicate) != "asserted" or not speaks(other.source.actor):
            continue
        if other.predicate.i >= refusal.predicate.i:
            continue
        if other.target.actor.code == refusal.source.actor.code and not same_party(
            other.source, refusal.source
        ):
            return other.source
    return None
