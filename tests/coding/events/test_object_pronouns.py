"""Object pronouns as targets: "him"/"her" of a conjoined or reported verb, and a person only
the entity recogniser found (``coding/events/references.py``, ``antecedents.entity_people``)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings

WHEN = dt.date(2021, 8, 10)


@pytest.fixture(scope="module", params=[False, True], ids=["full-parse", "prefilter"])
def coder(request: pytest.FixtureRequest, nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=request.param))


def dyads(coder: Coder, text: str, root: str) -> set[tuple[str, str | None]]:
    events: list[Event] = coder.code(Document(id="d1", text=text, date=WHEN))
    return {
        (e.source.code, e.target.code if e.target else None)
        for e in events
        if e.code.startswith(root)
    }


def test_references_object_pronoun_of_a_conjoined_verb(coder: Coder) -> None:
    # "arrested him" hangs from "waited": the speaker rule for subjects must not skip it
    text = (
        "Japanese Defence Minister Nobuo Kishi flew to Seoul on Monday. "
        "South Korean police waited at the airport and arrested him."
    )
    assert ("KORCOP", "JPNGOV") in dyads(coder, text, "17")


def test_references_object_pronoun_of_a_reported_verb(coder: Coder) -> None:
    text = (
        "Japanese Defence Minister Nobuo Kishi flew to Seoul on Monday. "
        "China said that South Korean police had arrested him."
    )
    assert ("KORCOP", "JPNGOV") in dyads(coder, text, "17")


def test_references_object_him_takes_a_person_only_the_recogniser_found(coder: Coder) -> None:
    text = (
        "Kenyan police said a man named Daniel Otieno stabbed three shoppers in Nairobi. "
        "Officers arrived and shot him dead."
    )
    assert ("KENCOP", "KEN") in dyads(coder, text, "19")


def test_references_object_him_with_two_unknown_people_has_no_target(coder: Coder) -> None:
    text = (
        "Kenyan police said Daniel Otieno and Peter Mwangi stabbed three shoppers in Nairobi. "
        "Officers arrived and shot him dead."
    )
    found = dyads(coder, text, "19")
    assert ("KENCOP", "KEN") not in found


def test_references_subject_he_is_not_a_person_only_the_recogniser_found(coder: Coder) -> None:
    # an unknown name is looked up as a target only: "he" stays no one's
    text = (
        "Kenyan police said a man named Daniel Otieno stabbed three shoppers in Nairobi. "
        "He later accused the Kenyan government of neglect."
    )
    assert ("KEN", "KENGOV") not in dyads(coder, text, "11")


def test_references_object_them_of_a_conjoined_verb(coder: Coder) -> None:
    text = (
        "Peru and Ecuador held border talks in Lima on Monday. "
        "Bolivia stayed away from the meeting and criticized them."
    )
    assert {("BOL", "PER"), ("BOL", "ECU")} <= dyads(coder, text, "11")


def test_references_object_them_after_a_plural_thing_has_no_target(coder: Coder) -> None:
    # "them" may be the proposals as well as the two countries
    text = (
        "Peru and Ecuador held border talks in Lima on Monday. "
        "Bolivia studied their proposals and criticized them."
    )
    found = dyads(coder, text, "11")
    assert ("BOL", "PER") not in found
    assert ("BOL", "ECU") not in found


def test_references_the_two_governments_are_the_pair_not_the_sentence_country(
    coder: Coder,
) -> None:
    # "governments" alone would take Turkey's country from its own sentence
    text = (
        "Egypt and Greece signed a maritime deal on Monday. "
        "Turkey criticized the two governments for the deal."
    )
    found = dyads(coder, text, "11")
    assert {("TUR", "EGY"), ("TUR", "GRC")} <= found
    assert ("TUR", "TURGOV") not in found


def test_references_governments_without_a_count_stay_unresolved(coder: Coder) -> None:
    text = (
        "Egypt and Greece signed a maritime deal on Monday. "
        "Turkey criticized the governments for the deal."
    )
    found = dyads(coder, text, "11")
    assert ("TUR", "EGY") not in found
