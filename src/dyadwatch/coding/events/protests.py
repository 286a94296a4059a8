"""Protest crowds: what they call for is a demand.

A crowd in the street that "calls for", "urges" or "asks" something makes a demand (CAMEO
10), not an appeal (02): an appeal is a request its author can afford to see refused, a
protest's call comes with the protest's pressure. CAMEO's 02 and 10 run in parallel
(0241 appeal for a change in leadership, 1041 demand it), so the appeal code maps onto the
demand code of the same subject.

Pure functions over the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyadwatch.coding.events.mentions import MentionLike

APPEAL_ROOT, DEMAND_ROOT = "02", "10"
CIVILIANS = "CVL"
# words for a crowd that is protesting (not "civilians", "residents": they may just ask)
PROTESTER_WORDS = frozenset({"protesters", "protestors", "protester", "protestor",
                             "demonstrators", "demonstrator", "marchers", "crowd", "crowds",
                             "strikers"})  # fmt: skip


def is_protester(source: MentionLike, doc: Doc) -> bool:
    """Whether an actor mention names a protesting crowd ("protesters", "the demonstrators in
    Lima"), or the unnamed protesters of a protest."""
    if source.actor.sector != CIVILIANS:
        return False
    if source.actor.name == "protesters":  # the unnamed protesters of a protest
        return True
    words = {t.lower_ for t in doc[source.start : source.end]}
    return bool(words & PROTESTER_WORDS)


def protest_demand(code: str, source: MentionLike, doc: Doc) -> str:
    """The demand code for a protesting crowd's appeal; other codes unchanged."""
    if code.startswith(APPEAL_ROOT) and is_protester(source, doc):
        return DEMAND_ROOT + code[len(APPEAL_ROOT) :]
    return code
