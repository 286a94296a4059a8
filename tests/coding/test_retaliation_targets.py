"""A measure taken "in retaliation for" another's act is aimed at that act's author, as one
"in response to" it: "imposed tariffs in retaliation for Norway's failure ..." -> Norway.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def triples(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country, e.code, e.target.country if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=dt.date(1987, 5, 4)))
        if e.modality == "asserted"
    }


def test_retaliation_targets_for_possessed_act(coder: Coder) -> None:
    text = "The Danish cabinet imposed tariffs in retaliation for Norway's refusal to pay."
    assert ("DNK", "163", "NOR") in triples(coder, text)


def test_retaliation_targets_for_act_named_by_a_clause(coder: Coder) -> None:
    text = (
        "The Danish cabinet announced the tariffs in retaliation for what it called "
        "Norway's failure to keep fish out of markets beyond Sweden."
    )
    found = triples(coder, text)
    assert ("DNK", "163", "NOR") in found
    assert ("DNK", "163", "SWE") not in found


def test_retaliation_targets_object_actor_still_wins(coder: Coder) -> None:
    text = "Denmark expelled two Swedish diplomats in retaliation for Norway's refusal to pay."
    assert ("DNK", "174", "NOR") not in triples(coder, text)


def test_retaliation_targets_destruction_of_a_thing_aims_at_the_attacker(coder: Coder) -> None:
    text = "Danish forces destroyed the radar mast in retaliation for a Norwegian raid on Monday."
    assert ("DNK", "1712", "NOR") in triples(coder, text)


def test_retaliation_targets_deployment_in_response_aims_at_the_threatener(coder: Coder) -> None:
    text = "Denmark deployed troops to the border in response to the Norwegian threat."
    assert any(s == "DNK" and c.startswith("15") and t == "NOR" for s, c, t in triples(coder, text))


def test_retaliation_targets_arrested_people_stay_the_target(coder: Coder) -> None:
    text = "Police arrested forty Kurdish protesters in response to the Turkish decision."
    assert not any(c == "173" and t == "TUR" and s != t for s, c, t in triples(coder, text))
