"""A capital that names where an attack happened is no doer of it.

"A Kabul car bombing killed five": the capital alone is coded as its government (a capital
is as often a place as a government, actors/context.py), but on the noun of an attack it
says where the attack was, not who carried it out: not the doer of the verb the noun is the
subject of, nor of the noun's own event, and the noun stays a weapon with no one behind it
(perpetrators.py, unattributed.py). "A US airstrike", "an Israeli raid" name
the doer by a country or an adjective and stay its acts.

Nor is a country that only describes goods, trade or an economy the doer of what they do:
"industries hard hit by Korean textile trade", "demand was met by Egyptian purchases",
"Japan's economy pulled out of a slump" (the market moves; no state acts on anyone).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyadwatch.coding.actors.context import CAPITAL
from dyadwatch.coding.events.mentions import MentionLike

ATTACK_NOUNS = frozenset(
    """attack attacks bombing bombings blast blasts explosion explosions shooting shootings
    stabbing stabbings raid raids strike strikes airstrike airstrikes assault assaults
    ambush massacre""".split()  # noqa: SIM905
)
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# nouns of goods, trade and markets: an actor modifying one ("Korean trade") does not act
MARKET_NOUNS = frozenset(
    """trade export import purchase sale shipment economy market demand supply price output
    production currency surplus deficit growth""".split()  # noqa: SIM905
)


def without_attack_places(subject: Token, found: Sequence[MentionLike]) -> list[MentionLike]:
    """``found`` without a capital alone that modifies the attack noun ``subject``, and
    without any actor that only modifies the market noun ``subject``."""
    if subject.lemma_.lower() in MARKET_NOUNS:
        return [m for m in found if m.start <= subject.i < m.end]
    if subject.lower_ not in ATTACK_NOUNS:
        return list(found)
    doc = subject.doc
    return [m for m in found if not _place_of(doc[_head(m)], subject, m)]


def is_attack_place(noun: Token, mention: MentionLike) -> bool:
    """Whether ``mention`` is a capital alone that says where the attack noun ``noun`` was
    ("Kabul" in "a Kabul car bombing")."""
    return noun.lower_ in ATTACK_NOUNS and _place_of(noun.doc[_head(mention)], noun, mention)


def _place_of(token: Token, subject: Token, mention: MentionLike) -> bool:
    flags: frozenset[str] = getattr(mention, "flags", frozenset())
    if CAPITAL not in flags:
        return False
    # the capital hangs on the noun directly or through the compound before it ("car")
    for above in (token, *token.ancestors):
        if above.i == subject.i:
            return True
        if above.dep_ not in _MODIFIER_DEPS:
            return False
    return False


def _head(mention: MentionLike) -> int:
    head = getattr(mention, "head", None)
    return head if isinstance(head, int) else mention.end - 1
