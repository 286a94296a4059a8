"""Words of protest, force posture and promise that say something else: "demonstrated its
resolve" shows, "amassed delegates" counts votes, and a forecast someone doubts ("called it
unlikely that X would fund it") promises nothing."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def roots(dyads: set[tuple[str | None, str, str | None]]) -> set[str]:
    return {root for _, root, _ in dyads}


def test_demonstrating_a_quality_is_no_protest(asserted_dyads: Dyads) -> None:
    text = "With the verdict, the tribunal demonstrated a poor grasp of maritime law."
    assert "14" not in roots(asserted_dyads(text))


def test_demonstrating_against_someone_is_still_a_protest(asserted_dyads: Dyads) -> None:
    text = "Hundreds of farmers demonstrated against the Kenyan government in Nairobi."
    assert "14" in roots(asserted_dyads(text))


def test_amassing_votes_is_no_military_buildup(asserted_dyads: Dyads) -> None:
    text = "The Chilean senator has amassed 400 pledged delegates in the primaries."
    assert "15" not in roots(asserted_dyads(text))


def test_amassing_troops_is_still_force_posture(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Armenia amassed troops in the mountains.")
    assert any(src == "ARM" and root == "15" for src, root, _ in dyads)


def test_troops_massing_is_still_force_posture(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Turkish tanks massed near the frontier.")
    assert any(src == "TUR" and root == "15" for src, root, _ in dyads)


def test_a_doubted_forecast_is_no_promise(asserted_dyads: Dyads) -> None:
    text = "The analyst called it unlikely that Norway would fund the new port."
    assert "03" not in roots(asserted_dyads(text))


def test_a_reported_promise_is_still_an_intent(asserted_dyads: Dyads) -> None:
    text = "The Norwegian minister said Norway would fund the new port."
    assert "03" in roots(asserted_dyads(text))


def test_promising_to_leave_a_union_is_no_retreat(asserted_dyads: Dyads) -> None:
    text = "The Danish prime minister vowed to leave the European Union by March."
    assert not any(root == "03" for _, root, _ in asserted_dyads(text))


def test_a_leader_saying_the_country_will_leave_a_union_is_no_retreat(
    asserted_dyads: Dyads,
) -> None:
    text = "The Danish prime minister said Denmark will leave the European Union in March."
    assert not any(root == "03" for _, root, _ in asserted_dyads(text))


def test_troops_promising_to_leave_a_town_still_promise_a_retreat(asserted_dyads: Dyads) -> None:
    text = "Rebel fighters vowed to leave the town by Sunday."
    assert "03" in roots(asserted_dyads(text))


def test_releasing_a_document_releases_no_one(asserted_dyads: Dyads) -> None:
    text = "The Chilean interior ministry released the audit report on Monday."
    assert "08" not in roots(asserted_dyads(text))


def test_releasing_captives_is_still_a_release(asserted_dyads: Dyads) -> None:
    text = "Colombian rebels released the kidnapped soldiers on Monday."
    assert "08" in roots(asserted_dyads(text))


def test_a_commitment_to_no_act_is_no_intent(asserted_dyads: Dyads) -> None:
    text = "The Chilean government has committed itself to renewable energy."
    assert "03" not in roots(asserted_dyads(text))


def test_a_commitment_to_an_act_is_still_an_intent(asserted_dyads: Dyads) -> None:
    text = "Chile committed to sending food aid to Bolivia."
    assert ("CHL", "03", "BOL") in asserted_dyads(text)


def test_releasing_a_summary_of_talks_releases_no_one(asserted_dyads: Dyads) -> None:
    text = "The Peruvian presidency released a summary of its talks with Bolivia on Monday."
    assert "08" not in roots(asserted_dyads(text))
