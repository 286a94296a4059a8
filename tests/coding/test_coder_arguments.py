"""Arguments of an act on news-like sentences: objects that stand for a country, lists of
members, agents placed in several countries, what a participle aims at, and a consultation's
topic (docs/verbs.md, "Targets")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

Coded = Callable[[str], list[Event]]
Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the envoy acted on is the target, not the host country named after "to"
        ("Oslo expelled the Iranian ambassador to Norway over the affair.", ("NOR", "16", "IRN")),
        ("Canberra summoned the Chinese envoy to Australia on Monday.", ("AUS", "11", "CHN")),
        # members listed after the object: "such as", "like"
        (
            "Britain has been encouraging partners such as Canada to restrict the flights.",
            ("GBR", "02", "CAN"),
        ),
        ("Brazil criticized countries like Argentina for the tariffs.", ("BRA", "11", "ARG")),
        # what the weapons were aimed at, not where they landed
        (
            "Iran launched missiles targeting American troops at bases in Iraq.",
            ("IRN", "19", "USA"),
        ),
        # an appeal joined names whom it asks
        (
            "The prime minister joined calls by French officials asking Germany to pay.",
            (None, "02", "DEU"),
        ),
    ],
)
def test_targets_of_news_phrases(
    asserted_dyads: Dyads, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in asserted_dyads(text)


def test_an_agent_placed_in_a_list_of_countries_is_in_each(asserted: Coded) -> None:
    events = asserted("Iran increased cooperation with the navies of China, India and Russia.")
    targets = {e.target.code for e in events if e.target is not None}
    assert {"CHNMIL", "INDMIL", "RUSMIL"} <= targets


def test_a_title_of_a_named_person_takes_their_country(asserted: Coded) -> None:
    events = asserted('President of Kenya William Ruto said, "We expect from Uganda an apology."')
    assert events
    assert {e.source.country for e in events} == {"KEN"}


def test_a_consultations_topic_is_not_its_target(asserted: Coded) -> None:
    text = (
        "Ministers from Greece, Cyprus and France met in Athens "
        "to discuss ties between Iran and Iraq."
    )
    events = [e for e in asserted(text) if e.code.startswith("04")]
    assert events
    assert all(e.target is None or e.target.country not in {"IRN", "IRQ"} for e in events)
    assert {e.source.country for e in events} | {e.target.country for e in events if e.target} >= {
        "GRC",
        "CYP",
        "FRA",
    }


def test_a_mediations_parties_are_its_targets(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Norway mediated talks between Colombia and Venezuela.")
    assert {("NOR", "04", "COL"), ("NOR", "04", "VEN")} <= found


def test_the_sources_own_country_stays_when_no_other_is_named(asserted_dyads: Dyads) -> None:
    # a domestic act: the opposition arrested is of the police's own country
    found = asserted_dyads("Kenyan police arrested opposition leaders in Nairobi.")
    assert ("KEN", "17", "KEN") in found


def test_force_is_not_used_against_its_own_country_by_location(asserted: Coded) -> None:
    events = asserted(
        "Speaking on state television in Sudan, an army spokesman said Sudanese troops "
        "had carried out the raid."
    )
    force = [e for e in events if e.code[:2] in {"18", "19", "20"}]
    assert force
    assert all(e.target is None or e.target.country != "SDN" for e in force)


def test_an_organisation_the_dictionaries_lack_can_be_the_target(asserted: Coded) -> None:
    events = asserted(
        "Kenya's government spoke in Nairobi. "
        "The Kenyan government criticized Zorvex Industries for the layoffs."
    )
    critic = [e for e in events if e.code.startswith("11")]
    assert critic
    assert critic[0].target is not None
    assert critic[0].target.name == "Zorvex Industries"
    assert critic[0].target.country == "KEN"


def test_an_entity_the_dictionaries_lack_is_never_a_source(asserted: Coded) -> None:
    events = asserted("Kenya held talks. Zorvex Industries criticized the Kenyan government.")
    assert all(e.source.name != "Zorvex Industries" for e in events)


def test_a_known_actor_is_preferred_to_an_entity(asserted: Coded) -> None:
    events = asserted("Kenya condemned Zorvex Industries and Uganda over the deal.")
    targets = {e.target.country for e in events if e.target is not None}
    assert "UGA" in targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia annexed the peninsula in March. Canada criticized the move.",
            ("CAN", "11", "RUS"),
        ),
        (
            "Turkey launched an offensive in Syria on Wednesday. "
            "The operation was condemned by Germany.",
            ("DEU", "11", "TUR"),
        ),
        (
            "Britain asked the United States to waive immunity for the diplomat. "
            "The US embassy declined the request on Friday.",
            ("USA", "12", "GBR"),
        ),
    ],
)
def test_a_reaction_to_an_earlier_act_is_aimed_at_its_author(
    asserted_dyads: Dyads, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in asserted_dyads(text)


def test_a_reaction_reaches_back_only_a_few_sentences(asserted_dyads: Dyads) -> None:
    # (an act in the story's first two sentences is its lead act: test_coder_reactions.py)
    text = (
        "The weather was cold. Markets fell. Russia annexed the peninsula in March. "
        "Prices rose. Schools closed. Banks reopened. Canada criticized the move."
    )
    assert ("CAN", "11", "RUS") not in asserted_dyads(text)


def test_a_reaction_is_never_aimed_at_its_own_country(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Canada annexed the island. Canadian officials criticized the move.")
    assert all(target != "CAN" for source, root, target in found if root == "11")


def test_coordinated_adjectives_in_a_between_phrase_are_both_parties(
    asserted_dyads: Dyads,
) -> None:
    found = asserted_dyads("Talks between the Israeli and Palestinian delegations resumed.")
    assert ("ISR", "04", "PSE") in found


def test_coordinated_subjects_that_agree_agree_with_each_other(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Serbia and Kosovo agreed to normalize relations.")
    assert any(s == "SRB" and t == "KSV" for s, _root, t in found)
    assert all(t is not None for _s, _root, t in found)


def test_coordinated_subjects_of_a_one_sided_act_each_act(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("France and Germany imposed sanctions on Belarus.")
    assert {("FRA", "16", "BLR"), ("DEU", "16", "BLR")} <= found


def test_what_talks_are_about_is_not_their_target(asserted: Coded) -> None:
    events = asserted("Japan, India and Australia met in Tokyo and discussed China-Taiwan ties.")
    talks = [e for e in events if e.code.startswith("04")]
    assert talks
    assert all(e.target is None or e.target.country not in {"CHN", "TWN"} for e in talks)


def test_whom_talks_are_held_with_is_their_target(asserted_dyads: Dyads) -> None:
    assert ("IND", "04", "CHN") in asserted_dyads("Modi met the Chinese president in Delhi.")


def test_an_agents_guessed_country_does_not_spread_to_another(asserted: Coded) -> None:
    # the spokesman's country is a guess from the sentence (the target's): no evidence for
    # the rebels
    events = asserted(
        "Rebels carried out the attack on the Saudi oil facilities, a spokesman said."
    )
    attacks = [e for e in events if e.code.startswith("18")]
    assert attacks
    assert all(e.source.country != "SAU" for e in attacks)


def test_an_entity_named_after_the_object_is_whom_sanctions_are_against(asserted: Coded) -> None:
    events = asserted("Kenya imposed sanctions against Zorvex Industries on Monday.")
    sanctions = [e for e in events if e.code.startswith("16")]
    assert sanctions
    assert sanctions[0].target is not None and sanctions[0].target.name == "Zorvex Industries"
