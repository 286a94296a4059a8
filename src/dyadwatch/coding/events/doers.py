"""Verbs that are an event only for one kind of doer (docs/verbs.md, "Frames").

A gathering is a protest only when protesters gather (frame ``crowd``); a questioning, an
interview or a search is an investigation (091) only when the police, prosecutors or
intelligence service do it (frame ``police``): "detectives questioned the suspect", "the
senator was interviewed by police", but a reporter questioning a minister, or a family
searching for a lost child, is nothing; so is a questioning of no one named ("police
questioned witnesses": the extractor drops it).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyadwatch.coding.events.mentions import MentionLike
from dyadwatch.coding.events.protests import is_protester

CROWD_FRAME = "crowd"  # gatherings that are protests only when protesters gather
POLICE_FRAME = "police"  # questionings and searches that investigate only when police do them
# who investigates a crime: police, courts and prosecutors, intelligence services
INVESTIGATORS = frozenset({"COP", "JUD", "SPY"})


def framed_doers(frame: str | None, sources: list[MentionLike], doc: Doc) -> list[MentionLike]:
    """The sources that can do an act of ``frame``: all of them for other frames."""
    if frame == CROWD_FRAME:
        # "protesters gathered outside parliament": a gathering of protesters protests
        return [s for s in sources if is_protester(s, doc)]
    if frame == POLICE_FRAME:
        return [s for s in sources if s.actor.sector in INVESTIGATORS]
    return sources
