"""Peacekeepers and observers arriving or deploying are peacekeeping, not a visit or a show of
force.

"UN peacekeepers arrived in Haiti", "NATO peacekeeping troops have arrived in Bosnia", "OSCE
monitors deployed in eastern Ukraine": a peace force or an observer mission that moves in
provides military protection or peacekeeping (CAMEO 074) to the place it goes to, whatever the
verb of movement would code by itself (042 visit, 15x military posture). Pure over candidates;
the coder applies it to the extractor's.
"""

from __future__ import annotations

from dataclasses import replace

from dyadwatch.coding.events.candidates import EventCandidate

PEACEKEEPING = "074"
PEACE_FORCE_SECTOR = "PKO"
# who keeps or watches a peace: heads of the source phrase
PEACE_MISSIONS = frozenset({"peacekeeper", "observer", "monitor", "blue helmet"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# what moving in codes by itself: a visit or arrival (042), a deployment or mobilisation (15)
MOVEMENT_CODES = ("042", "15")


def recode_peacekeeping(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates, a peace mission's arrival or deployment recoded as peacekeeping."""
    return [
        replace(c, code=PEACEKEEPING, entries=(*c.entries, "peacekeeping"))
        if c.code.startswith(MOVEMENT_CODES) and _peace_mission(c)
        else c
        for c in candidates
    ]


def _peace_mission(candidate: EventCandidate) -> bool:
    source = candidate.source
    if source.actor.sector == PEACE_FORCE_SECTOR:
        return True
    head = candidate.sentence.doc[source.end - 1]
    while head.dep_ in MODIFIER_DEPS and head.head.i != head.i:
        head = head.head  # "UN observers": the mention is the modifier of the mission
    return head.lemma_.lower() in PEACE_MISSIONS or head.lower_.rstrip("s") in PEACE_MISSIONS
