"""Acts that are states or qualities, not events (events/background.py, events/predicates.py):
backing told in the present passive, an -ing participle on its doer with no target, and an
act that a verb of contact takes as its object."""

from __future__ import annotations

from collections.abc import Callable

Dyad = tuple[str | None, str, str | None]
Dyads = Callable[[str], set[Dyad]]


def test_backing_in_the_present_passive_is_a_state(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("According to the envoy, the militia in the north is backed by Sudan.")
    assert not any(src == "SDN" and root == "05" for src, root, _ in found), found


def test_backing_in_the_past_passive_is_an_act(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("In the spring the Chadian rebels were backed by Sudan.")
    assert any(src == "SDN" and root == "05" for src, root, _ in found), found


def test_a_ban_in_the_present_passive_stays_in_force(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Muslim Brotherhood is banned in Egypt.")
    assert any(src == "EGY" and root == "17" for src, root, _ in found), found


def test_an_accusation_in_the_present_passive_is_made(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Peruvian mayor is accused of bribery by prosecutors.")
    assert any(root == "11" for _, root, _ in found), found


def test_a_participle_on_its_doer_without_target_is_an_aside(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Chilean deputies backing the pension reform spoke on Tuesday.")
    assert not any(root == "05" for _, root, _ in found), found


def test_a_participle_on_a_sent_document_is_the_senders_act(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Bolivian minister sent a letter requesting new talks to Chile.")
    assert any(src == "BOL" and root == "02" for src, root, _ in found), found


def test_receiving_an_act_qualified_by_an_actor_hosts_no_one(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Somali rebels received Eritrean assistance last year.")
    assert not any(root == "04" for _, root, _ in found), found


def test_receiving_an_envoy_hosts_him(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Kenyan president received the Ugandan envoy on Monday.")
    assert ("KEN", "04", "UGA") in found, found
