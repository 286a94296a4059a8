"""Actors named once and referred to again: a titled person's bare surname, "the embassy"
after "the Canadian embassy", and ethnic groups placed where they live."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def coded_words(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.actor.code) for m in recognizer.find(doc)]


def test_a_titled_persons_surname_is_that_person_later(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(
        recognizer,
        nlp,
        "Jordan's Interior Minister Samir Haddad toured the border on Monday. "
        "Haddad criticized Syria for the attacks.",
    )
    assert ("Haddad", "JORGOV") in found


def test_a_surname_before_the_full_name_is_not_resolved(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(
        recognizer,
        nlp,
        "Haddad spoke first. Jordan's Interior Minister Samir Haddad toured the border.",
    )
    assert ("Haddad", "JORGOV") not in found


def test_a_surname_two_titled_people_share_stays_unresolved(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(
        recognizer,
        nlp,
        "Egypt's Interior Minister Karim Saleh met Sudan's Defence Minister Omar Saleh. "
        "Saleh condemned the raid.",
    )
    assert all(text != "Saleh" for text, _code in found)


def test_a_bare_agent_word_takes_the_country_it_was_last_named_with(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(
        recognizer,
        nlp,
        "The Canadian embassy protested on Monday. The German foreign ministry replied. "
        "Later the embassy declined the request.",
    )
    assert ("embassy", "CANGOV") in found


def test_an_ethnic_group_takes_the_country_it_lives_in(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(coded_words(recognizer, nlp, "Ethnic Russians in Estonia protested the law."))
    assert found["Ethnic Russians"] == "ESTCVL"


def test_a_bare_agent_met_first_takes_the_country_named_most_often(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(
        coded_words(
            recognizer,
            nlp,
            "Rebels seized villages near Mali's border with Niger, Malian officials said.",
        )
    )
    assert found["Rebels"] == "MLIREB"


def test_a_bare_agent_met_first_stays_unplaced_on_a_tie(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(coded_words(recognizer, nlp, "Rebels crossed from Mali into Niger."))
    assert found["Rebels"] == "REB"


def test_nouns_compounded_onto_an_agent_keep_its_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(coded_words(recognizer, nlp, "They met a US peace envoy in Doha."))
    assert found["US peace envoy"] == "USAGOV"


def test_a_country_named_only_as_a_topic_does_not_place_an_official(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(
        coded_words(
            recognizer, nlp, "Secretary of State Dale Morton discussed the Iran arms affair."
        )
    )
    assert not any(code.startswith("IRN") and code != "IRN" for code in found.values())


def test_a_country_named_as_a_topic_still_makes_the_sentence_ambiguous(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(
        coded_words(
            recognizer, nlp, "The administration said China must drop barriers to U.S. exports."
        )
    )
    assert found["administration"] != "CHNGOV"


def test_members_of_a_subject_phrase_never_take_the_targets_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(recognizer, nlp, "An assembly of Arab foreign ministers condemned Israel.")
    assert [code for text, code in found if text != "Israel"]
    assert not any(code.startswith("ISR") for text, code in found if text != "Israel")


def test_a_spokesman_of_a_named_body_takes_its_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(
        coded_words(
            recognizer,
            nlp,
            "Spokesman Ali Rezaei of the Iranian foreign ministry criticized Britain.",
        )
    )
    assert found["Spokesman"] == "IRNGOV"


def test_a_spokesman_for_a_named_body_takes_its_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = dict(
        coded_words(recognizer, nlp, "A spokesman for the Iraqi army blamed Israel for the raid.")
    )
    assert found["spokesman"] == "IRQMIL"  # speaks for the army


def test_a_weekday_before_a_surname_is_no_first_name(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    # "on Friday Okonjo" is a date and a person, not a man called Friday Okonjo
    found = coded_words(
        recognizer,
        nlp,
        "Nigeria's Finance Minister Ada Okonjo arrived in Accra. "
        "Later on Friday Okonjo met with bankers.",
    )
    assert ("Okonjo", "NGAGOV") in found


def test_a_surname_counts_from_the_first_full_name_when_it_is_named_again(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    # the full name coming back later must not hide the bare surnames in between
    found = coded_words(
        recognizer,
        nlp,
        "Nigeria's Finance Minister Ada Okonjo arrived in Accra. Okonjo praised the bankers. "
        "A photo showed Finance Minister Ada Okonjo with them.",
    )
    assert ("Okonjo", "NGAGOV") in found


def test_a_two_word_us_state_is_the_united_states(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(recognizer, nlp, "The New Hampshire governor vetoed the bill.")
    assert ("New Hampshire governor", "USAGOV") in found


def test_a_company_named_general_is_no_military_rank(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(recognizer, nlp, "General Motors opened a plant in Brazil.")
    assert not any(code.endswith("MIL") for _, code in found)


def test_a_rank_before_a_name_is_still_military(recognizer: ActorRecognizer, nlp: Language) -> None:
    found = coded_words(recognizer, nlp, "General Ahmed Kamal of the Egyptian army visited Cairo.")
    assert any(code == "EGYMIL" for _, code in found)
