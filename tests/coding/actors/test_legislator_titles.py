"""Legislators named by their title: "Representative X" (a US House member), a listed
former minister given a seat in parliament ("Conservative MP X"), and the same titled name
repeated in full later (coding/actors/rules.py ``house_member``, context.py ``stated_post``,
relations.py ``later_surnames``)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def coded(
    recognizer: ActorRecognizer, nlp: Language, text: str, when: dt.date | None = None
) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.actor.code) for m in recognizer.find(doc, when)]


def at_date(
    recognizer: ActorRecognizer, nlp: Language, text: str, when: dt.date
) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [
        (doc[m.start : m.end].text, recognizer.at_date(m, when).code)
        for m in recognizer.find(doc, when)
    ]


def test_legislator_titles_capitalised_representative_before_a_name_is_a_legislator(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer,
        nlp,
        "American voters were angry. Representative Dana Whitlow criticised the White House.",
    )
    assert ("Representative Dana Whitlow", "USALEG") in found


def test_legislator_titles_plural_representatives_before_names_are_legislators(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer,
        nlp,
        "The American inquiry widened. Representatives Dana Whitlow and Omar Tellez "
        "questioned the secretary.",
    )
    assert ("Representatives Dana Whitlow", "USALEG") in found


def test_legislator_titles_a_countrys_representatives_stay_its_officials(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(recognizer, nlp, "Iranian representatives met the envoy in Vienna.")
    assert ("Iranian representatives", "IRNGOV") in found


def test_legislator_titles_an_mp_title_beats_a_past_ministry(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    # Hammond's recorded tenures (people.tsv) ended in 2016; the title says what he is now
    when = dt.date(2018, 3, 1)
    text = "Conservative MP Philip Hammond attacked the plan."
    assert ("MP Philip Hammond", "GBRLEG") in at_date(recognizer, nlp, text, when)


def test_legislator_titles_a_stale_office_title_stays_a_former_official(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    # the title of an office he held before is no news of a new post
    when = dt.date(2018, 3, 1)
    text = "Foreign Secretary Philip Hammond attacked the plan."
    assert ("Foreign Secretary Philip Hammond", "GBRELI") in at_date(recognizer, nlp, text, when)


def test_legislator_titles_a_titled_name_repeated_in_full_is_the_same_person(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer,
        nlp,
        "Kenyan protesters marched in Nairobi. The speakers included Senator Wanjiru Odhiambo. "
        "Wanjiru Odhiambo condemned the tax.",
    )
    assert ("Wanjiru Odhiambo", "KENLEG") in found


def test_legislator_titles_another_first_name_is_another_person(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer,
        nlp,
        "Kenyan protesters marched in Nairobi. The speakers included Senator Wanjiru Odhiambo. "
        "Peter Odhiambo condemned the tax.",
    )
    assert all("Peter" not in text for text, _code in found)


def test_legislator_titles_other_representatives_keep_their_posts(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer,
        nlp,
        "The Chilean Trade Representative Ana Vidal met the Bolivian Special Representative "
        "Luis Mora.",
    )
    assert all(not code.endswith("LEG") for _text, code in found)


def test_legislator_titles_a_united_states_representative_is_a_legislator(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(recognizer, nlp, "Former United States Representative Carl Hobbs resigned.")
    assert any(code in ("USALEG", "USAELI") and "Hobbs" in text for text, code in found)


def test_legislator_titles_a_sentence_opening_word_before_the_title_is_no_post(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer, nlp, "When Representative Carl Hobbs of Ohio resigned, the seat fell empty."
    )
    assert any(code.endswith("LEG") and "Hobbs" in text for text, code in found)
