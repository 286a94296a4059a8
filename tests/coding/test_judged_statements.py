"""Criticism and accusation in what political actors say (coding/events/evaluations.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The Dutch foreign minister said, "The Belgian government is lying to everyone."',
            ("NLD", "112", "BEL"),
        ),
        ('"Norway is acting like a bully," the Swedish premier said.', ("SWE", "111", "NOR")),
        (
            "The Chilean foreign ministry said the Peruvian tariffs were unfair and illegal.",
            ("CHL", "111", "PER"),
        ),
        (
            "A Kenyan minister said Uganda's decision to close the border was a grave mistake.",
            ("KEN", "111", "UGA"),
        ),
        (
            '"The Austrian chancellor treats parliament with contempt," said a Czech minister.',
            ("CZE", "111", "AUT"),
        ),
        (
            "Lebanese protesters have claimed Syria is unduly influencing their cabinet.",
            ("LBN", "112", "SYR"),
        ),
        (
            "The Ghanaian president said the Togolese ruling party won the vote through fraud.",
            ("GHA", "112", "TGO"),
        ),
    ],
)
def test_judgement_in_a_statement_is_criticism_of_the_judged(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


def test_judgement_of_an_act_aims_at_its_doer(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        "Sudanese troops attacked a village in Chad on Monday. "
        'The Chadian defence minister described the attack as a "cowardly act".'
    )
    assert ("TCD", "111", "SDN") in asserted_triples(text)


def test_judgement_in_a_later_quoted_sentence_is_the_speakers(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        'The Greek foreign minister said: "We want calm waters. '
        'The Turkish government is behaving like a bully."'
    )
    assert ("GRC", "111", "TUR") in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        # the cue is only the object of an act: no one is judged
        "The Nigerian army chief said Cameroon was helping to fight the terrorists.",
        # negated
        "The Japanese premier said the Korean decision was not a mistake.",
    ],
)
def test_no_criticism_without_a_judged_actor(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not {t for t in asserted_triples(text) if t[1] in {"111", "112"}}


def test_judgement_of_no_one_keeps_the_statement_untargeted(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples('The Irish minister said, "The weather is a disgrace."')
    assert not {t for t in found if t[1] in {"111", "112"}}


def test_judgement_of_an_act_by_someone_aims_at_the_doer_not_the_one_it_struck(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "The Danish premier said the suspension by Norway of Danish flights was regrettable."
    )
    assert ("DNK", "111", "NOR") in found
    assert ("DNK", "111", "DNK") not in found


def test_judgement_of_the_speakers_own_country_is_no_criticism(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "The Danish premier said reports that Denmark would leave the alliance were baseless."
    )
    assert not {t for t in found if t[1] in {"111", "112"}}


def test_one_criticism_when_a_country_and_its_spokesman_say_it(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Peru told the trade body that Chile's quotas violated the pact, a Peruvian foreign "
        "ministry spokesman said."
    )
    assert [t for t in found if t[1] == "112"] == [("PER", "112", "CHL")]


def test_a_refusal_is_aimed_at_whoever_asked_for_it(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Ecuador asked Bolivia to return the fugitive banker. "
        "Bolivia refused to hand over the banker."
    )
    assert ("BOL", "12", "ECU") in {(a, c[:2], b) for a, c, b in found}


def test_criticism_of_a_reported_step_aims_at_its_doer(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Uruguay expelled two Paraguayan diplomats on Friday. "
        "The Brazilian foreign ministry called the step a grave mistake."
    )
    assert ("BRA", "111", "URY") in found


@pytest.mark.parametrize(
    "text",
    [
        # a country's name before a noun is the topic, not the owner
        "The Dutch premier said the Libya arms policy was a mistake.",
        # the speaker judges his own side's doing
        "A former Danish spokesman said he and the premier misled the public.",
    ],
)
def test_no_criticism_of_a_topic_or_of_the_speakers_own_doing(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not {t for t in asserted_triples(text) if t[1] in {"111", "112"}}


def test_a_complaint_is_not_aimed_at_whoever_asked_before(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Chile asked Peru to lower its tariffs. The Peruvian ministry complained that the "
        "inspectors were slow."
    )
    assert ("PER", "114", "CHL") not in found


def test_judgement_of_a_deed_done_with_a_noun_aims_at_its_doer(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Bolivia imposed tariffs on Chilean copper on Monday. "
        "The Peruvian trade minister said the tariffs were a propaganda stunt."
    )
    assert ("PER", "111", "BOL") in found


def test_a_pronoun_that_points_back_at_a_deed_is_judged_as_the_deed(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Bolivian troops shelled a Chilean border post on Monday. "
        'The Peruvian foreign minister said, "This is a war crime."'
    )
    assert ("PER", "112", "BOL") in found


def test_an_it_that_announces_a_clause_judges_no_one(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "Bolivian troops shelled a Chilean border post on Monday. "
        "The Peruvian foreign minister said it was a mistake to wait for talks."
    )
    assert not {t for t in found if t[1] in {"111", "112"}}


def test_a_claim_judged_by_its_owner_aims_at_the_claimant(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "The Peruvian president denounced Bolivia's claims as an embarrassment."
    )
    assert ("PER", "111", "BOL") in found


def test_judgement_of_a_pact_aims_at_a_party_to_it(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "The Peruvian premier said the accord signed between Chile and Bolivia infringes "
        "on Peru's fishing rights."
    )
    assert {t for t in found if t[1] == "112"} & {("PER", "112", "CHL"), ("PER", "112", "BOL")}


@pytest.mark.parametrize(
    "speaker",
    [
        "A spokesman for the Chilean growers' association",
        "A Chilean farm council spokesman",
    ],
)
def test_a_speaker_for_a_body_no_dictionary_knows_judges_no_one(
    asserted_triples: Callable[[str], set[Dyad]], speaker: str
) -> None:
    found = asserted_triples(f"{speaker} said the Peruvian tariffs were unfair.")
    assert not {t for t in found if t[1] in {"111", "112"}}


def test_a_speaker_described_by_a_known_body_still_judges(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        "A Chilean government spokesman said the Peruvian tariffs were unfair."
    )
    assert ("CHL", "111", "PER") in found


def test_a_named_speaker_is_known_by_name_whatever_words_precede_it(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        'Labour MP Yvette Cooper said, "The Russian government is lying to everyone."'
    )
    assert ("GBR", "112", "RUS") in found


def test_this_after_a_clause_judges_the_clauses_subject(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples(
        'The Chilean minister said, "The Bolivian government is trying to close the border '
        '- this is a reckless way to govern."'
    )
    assert ("CHL", "111", "BOL") in found
