"""Coordinated country adjectives share the agent after them: "French and Egyptian warships"
are FRAMIL and EGYMIL (docs/dictionaries.md, "Coordinated adjectives"). Split from
``countries.py``; called by the recogniser after the chains are resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.pieces import Piece
from dyadwatch.model import Actor

_COORDINATORS = frozenset({",", "and", "or", "&"})
_PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


def distribute_coordinated(
    doc: Doc, resolved: Sequence[tuple[ActorMention, list[Piece]]]
) -> list[ActorMention]:
    """ "French and Egyptian warships", "Israeli, Egyptian and Jordanian leaders": a lone
    country adjective coordinated with an adjective+agent chain takes that agent's sector."""
    out = [mention for mention, _chain in resolved]
    tagged = doc.has_annotation("TAG")
    for i in range(len(resolved) - 2, -1, -1):
        mention, chain = resolved[i]
        donor, donor_chain = out[i + 1], resolved[i + 1][1]
        piece = chain[0]
        if len(chain) != 1 or piece.kind not in ("adjective", "country") or piece.flag_only:
            continue
        if mention.actor.country is None or mention.actor.sector is not None:
            continue
        if donor.actor.country is None or donor.actor.sector is None:
            continue
        if donor_chain[0].kind != "adjective" and "coordinated" not in donor.flags:
            continue
        gap = doc[mention.end : donor.start]
        if len(gap) == 0 or any(t.lower_ not in _COORDINATORS for t in gap):
            continue
        if tagged and doc[mention.end - 1].tag_ in _PLURAL_NOUN_TAGS:
            continue  # "Americans and Chinese officials": the Americans are not officials
        country = mention.actor.country
        suffix = donor.actor.code[len(donor.actor.country) :]
        actor = Actor(country + suffix, mention.actor.name, country, donor.actor.sector)
        out[i] = replace(
            mention,
            actor=actor,
            rule=f"{mention.rule} + (agent shared with: {donor.rule})",
            flags=mention.flags | {"coordinated"},
        )
    return out
