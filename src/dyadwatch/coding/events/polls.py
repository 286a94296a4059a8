"""Opinion measured by a poll is no act: "57 percent of Americans oppose the plan", "a
majority of voters support the deal", "most Britons reject it" report a survey's share of a
public, not something a country or its people did (docs/verbs.md, "Background").

Pure: reads one candidate and its parse; used by ``background.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.candidates import EventCandidate

# the nouns of a poll's share of a public: "57 percent of", "a majority of", "half of"
SHARE_NOUNS = frozenset(
    {"percent", "per", "%", "percentage", "majority", "minority", "proportion", "share"}
    | {"half", "third", "quarter", "fifth", "most", "plurality"}
)
# only the public, or a country standing for it, is polled; "most of the rebels" acted
POLLED_SECTORS = frozenset({"", "CVL"})


def poll_share(candidate: EventCandidate) -> bool:
    """Whether the source is a poll's share of a public: a country or its people inside "N
    percent of", "a majority of", "half of" ("57 percent of the U.S. public opposes"), or
    led by "most" ("most Americans oppose")."""
    actor = candidate.source.actor
    if (actor.sector or "") not in POLLED_SECTORS:
        return False
    doc = candidate.predicate.doc
    head: Token = doc[getattr(candidate.source, "head", candidate.source.end - 1)]
    while head.head.i != head.i and head.dep_ in {"compound", "amod", "det", "poss"}:
        head = head.head  # "the U.S. public": from the country to the noun it modifies
    if any(c.dep_ == "amod" and c.lower_ == "most" for c in head.children):
        return True
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    share = head.head.head
    return share.lower_ in SHARE_NOUNS or share.lemma_.lower() in SHARE_NOUNS
