"""A story without a dateline usually opens where it happens ("a fire in Lagos"): when the
document's most mentioned country is not the country of a place of its first sentence, a
bare agent ("police") takes no country from the document rather than the foreign one."""

from __future__ import annotations

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

OPENING = "On Monday a man attacked shoppers at a market in Manchester. "


def sources(coder: Coder, text: str) -> set[str]:
    events = coder.code(Document(id="lead", text=text))
    return {e.source.code for e in events if e.modality == "asserted"}


def test_a_foreign_mention_does_not_place_the_local_police(coder: Coder) -> None:
    text = (
        OPENING + "A Dutch tourist was hurt. Police arrested the attacker. "
        "The British government condemned the attack."
    )
    assert "NLDCOP" not in sources(coder, text)


def test_the_country_of_the_opening_place_still_counts(coder: Coder) -> None:
    text = OPENING + "A British tourist was hurt. Police arrested the attacker."
    assert "GBRCOP" in sources(coder, text)
