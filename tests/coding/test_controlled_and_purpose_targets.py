"""Whom an infinitive acts on is another party: "urged the government to impose sanctions
against Sweden" makes neither the asker nor the one asked Swedish; what a thing offered is
for names the target ("offered warships to escort Danish boats"). Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

DAY = dt.date(1987, 5, 4)


def events(coder: Coder, text: str) -> set[tuple[str, str, str | None]]:
    return {
        (e.source.code, e.code, e.target.code if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=DAY))
        if e.modality == "asserted"
    }


def test_controlled_infinitive_target_does_not_place_the_asker(coder: Coder) -> None:
    found = events(
        coder, "The steelworkers' union urged the government to impose sanctions against Sweden."
    )
    assert found
    assert not any(source.startswith("SWE") for source, _c, _t in found)


def test_controlled_infinitive_target_does_not_place_the_one_asked(coder: Coder) -> None:
    found = events(coder, "A union leader called on the president to retaliate against Sweden.")
    assert found
    assert not any(source.startswith("SWE") for source, _c, _t in found)
    assert not any(target and target.startswith("SWE") for _s, _c, target in found)


def test_controlled_infinitive_visit_still_places_the_host(coder: Coder) -> None:
    # a visit names a host, not another side: the one inviting may be its own
    found = events(coder, "The farmers' association asked the minister to visit Sweden.")
    assert any(source.startswith("SWE") for source, _c, _t in found)


def test_purpose_targets_offered_ships_escort(coder: Coder) -> None:
    found = events(coder, "Norway offered warships to escort Danish fishing boats.")
    assert any(s == "NOR" and c == "0334" and t and t.startswith("DNK") for s, c, t in found)


def test_coordination_joint_talks_intent_between_parties(coder: Coder) -> None:
    # "X and Y negotiators will resume talks": each intends to meet the other (036)
    found = events(coder, "Norwegian and Swedish negotiators will resume fishing talks tomorrow.")
    assert any(
        s.startswith("NOR") and c == "036" and t and t.startswith("SWE") for s, c, t in found
    )


def test_coordination_talks_intent_with_named_partner_keeps_it(coder: Coder) -> None:
    found = events(coder, "Norway and Sweden will resume talks with Denmark tomorrow.")
    assert all(t and t.startswith("DNK") for _s, c, t in found if c == "036")


def test_complaint_lodged_with_a_forum_is_about_the_clause_doer(coder: Coder) -> None:
    text = "Norway complained to the United Nations that Swedish trawlers were emptying its waters."
    found = events(coder, text)
    assert any(s == "NOR" and c.startswith("11") and t and t.startswith("SWE") for s, c, t in found)


def test_complaint_lodged_with_a_forum_passive_clause_names_the_agent(coder: Coder) -> None:
    text = "Norway complained to the United Nations that its villages were shelled by Sweden."
    found = events(coder, text)
    assert any(s == "NOR" and c.startswith("11") and t == "SWE" for s, c, t in found)


def test_complaint_about_acts_names_their_author_before_the_forum(coder: Coder) -> None:
    found = events(coder, "Norway complained to the United Nations about raids by Swedish ships.")
    assert any(s == "NOR" and c.startswith("11") and t == "SWE" for s, c, t in found)
