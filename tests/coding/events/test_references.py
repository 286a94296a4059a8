"""References to actors named earlier: "it", "they", "the country", "both nations", and the
first-person pronouns of a quotation (``coding/events/references.py``, ``quotes.py``)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.coreference import could_refer_to_actor
from dyadwatch.coding.events.folds import drop_self_references
from dyadwatch.coding.events.quotes import quotations
from dyadwatch.coding.events.references import ReferenceMention
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Actor, Document, Event
from dyadwatch.settings import Settings

WHEN = dt.date(2021, 8, 10)


@pytest.fixture(scope="module", params=[False, True], ids=["full-parse", "prefilter"])
def coder(request: pytest.FixtureRequest, nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=request.param))


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="d1", text=text, date=WHEN))


def dyads(events: list[Event], root: str) -> set[tuple[str, str | None]]:
    return {
        (e.source.code, e.target.code if e.target else None)
        for e in events
        if e.code.startswith(root)
    }


def test_it_is_the_country_subject_of_the_sentence_before(coder: Coder) -> None:
    text = "Peru shut its southern border on Monday. It accused Chile of smuggling weapons."
    events = code(coder, text)
    assert ("PER", "CHL") in dyads(events, "11")
    accusation = next(e for e in events if e.code.startswith("11"))
    assert "reference it -> " in accusation.rule["source"]


def test_expletive_it_is_left_alone(coder: Coder) -> None:
    text = "Peru shut its southern border on Monday. It is unclear whether Chile was warned."
    assert all("reference it" not in e.rule.get("source", "") for e in code(coder, text))


def test_references_impersonal_passive_it_is_left_alone(coder: Coder) -> None:
    # "It is now known X was ...": the parser hangs "known" on the name; "it" is the clause,
    # not the group named before, and the name stays the one questioned
    text = (
        "The Red Sun movement marched in Quito on Monday. "
        "It is now known Tom Reed was questioned by Ecuadorian police in March."
    )
    events = code(coder, text)
    assert all("reference it" not in (e.rule.get("target") or "") for e in events)
    assert ("ECUCOP", "ECU") in dyads(events, "09"), dyads(events, "09")


def test_it_does_not_take_a_place_named_as_an_object(coder: Coder) -> None:
    text = "The envoy flew to Lima on Monday. It accused Chile of smuggling weapons."
    assert dyads(code(coder, text), "11") == set()


def test_they_takes_every_actor_of_a_coordinated_subject(coder: Coder) -> None:
    text = "Peru and Bolivia signed a trade pact on Monday. They criticized Chile for its tariffs."
    assert {("PER", "CHL"), ("BOL", "CHL")} <= dyads(code(coder, text), "11")


def test_they_skips_no_country_between(coder: Coder) -> None:
    # the latest subject is one country: "they" is not guessed past it
    text = (
        "Peru and Bolivia signed a trade pact on Monday. Ecuador stayed away from the talks. "
        "They criticized Chile for its tariffs."
    )
    found = dyads(code(coder, text), "11")
    assert ("PER", "CHL") not in found
    assert ("BOL", "CHL") not in found


def test_the_country_is_the_latest_country(coder: Coder) -> None:
    text = "Chile recalled its ambassador on Friday. The country accused Peru of espionage."
    assert ("CHL", "PER") in dyads(code(coder, text), "11")


def test_a_generic_country_is_no_reference(coder: Coder) -> None:
    text = "Chile recalled its ambassador. A country accused Peru of espionage."
    assert ("CHL", "PER") not in dyads(code(coder, text), "11")


def test_both_nations_are_the_two_countries_named_before(coder: Coder) -> None:
    text = "Peru and Ecuador settled their dispute on Monday. Later both nations condemned Bolivia."
    assert {("PER", "BOL"), ("ECU", "BOL")} <= dyads(code(coder, text), "11")


def test_the_two_leaders_are_the_pair_named_before_not_a_guessed_country(coder: Coder) -> None:
    # "leaders" alone would take the document's country; counted, it is the pair
    text = (
        "Ghanaian President Kofi Mensah and Togolese President Yao Agbeko met in Accra on "
        "Thursday. The two leaders met again on Friday."
    )
    later = [e for e in code(coder, text) if e.sentence_index == 1]
    assert ("GHAGOV", "TGOGOV") in dyads(later, "04")


def test_we_inside_a_quotation_is_its_speaker(coder: Coder) -> None:
    text = "\u201cWe condemn the Chilean raids,\u201d Peruvian Interior Minister Ana Ruiz said."
    events = code(coder, text)
    assert ("PERGOV", "CHL") in dyads(events, "11")
    condemn = next(e for e in events if e.code.startswith("11"))
    assert condemn.rule["source"].startswith("nsubj: quote we -> ")


def test_speaker_announced_before_the_quotation(coder: Coder) -> None:
    text = "Peruvian Interior Minister Ana Ruiz said: \u201cWe condemn the Chilean raids.\u201d"
    assert ("PERGOV", "CHL") in dyads(code(coder, text), "11")


def test_quoted_bare_statement_is_not_a_second_statement(coder: Coder) -> None:
    text = "\u201cI am satisfied with the result,\u201d Peruvian Interior Minister Ana Ruiz said."
    events = code(coder, text)
    assert all(not e.rule.get("source", "").startswith("quote") for e in events)


def test_the_country_as_a_target(coder: Coder) -> None:
    text = "Chile recalled its ambassador on Friday. Peru criticized the country for the leaks."
    assert ("PER", "CHL") in dyads(code(coder, text), "11")


def test_the_country_as_the_scene_is_not_the_country_last_named(coder: Coder) -> None:
    text = (
        "Bolivia bought rifles from Brazil and Argentina. The Bolivian army cut off the"
        " Internet in most of the country."
    )
    events = code(coder, text)
    assert ("BOLMIL", "ARG") not in dyads(events, "17")
    assert ("BOLMIL", "BOL") in dyads(events, "17")


def test_an_actor_is_not_its_own_target_through_references(coder: Coder) -> None:
    # "it" and "the country" both resolve to Chile: Chile does not criticize itself
    text = "Chile recalled its ambassador on Friday. It criticized the country for the leaks."
    assert ("CHL", "CHL") not in dyads(code(coder, text), "11")


def test_quotations_pair_curly_and_straight_marks(nlp: Language) -> None:
    doc = nlp.make_doc('He said \u201cyes now\u201d and then "no".')
    assert [doc[s:e].text for s, e in quotations(doc)] == ["yes now", "no"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It accused the rebels.", True),
        ("Talks ended, and they left.", True),
        ("Both nations signed.", True),
        ("The two leaders met.", True),
        ("Shelling resumed in the city.", False),
        ("A country signed.", False),
    ],
)
def test_prefilter_keeps_sentences_with_a_reference(text: str, expected: bool) -> None:
    assert could_refer_to_actor(text) is expected


def test_object_pronoun_is_not_the_subject_of_its_clause(coder: Coder) -> None:
    text = (
        "Peruvian Interior Minister Ana Ruiz arrived in Lima on Monday. "
        "Chilean Foreign Minister Luis Soto criticized her for the delay."
    )
    found = dyads(code(coder, text), "11")
    assert ("CHLGOV", "PERGOV") in found
    assert ("CHLGOV", "CHLGOV") not in found


def _candidate(nlp: Language, source: object, target: object) -> EventCandidate:
    doc = nlp("He praised the army.")
    return EventCandidate(
        sentence=doc[:],
        sentence_index=0,
        predicate=doc[1],
        verb_tokens=(doc[1],),
        code="051",
        entries=(),
        source=source,  # type: ignore[arg-type]
        target=target,  # type: ignore[arg-type]
        source_rule="nsubj",
        target_rule="object",
    )


def test_resolved_reference_to_a_body_of_the_same_state_is_dropped(nlp: Language) -> None:
    minister = Actor("CHLGOV", "minister", "CHL", "GOV")
    army = ActorMention(3, 4, 3, Actor("CHLMIL", "army", "CHL", "MIL"), "agents")
    named = ActorMention(0, 1, 0, minister, "people")
    pronoun = ReferenceMention(0, 1, 0, minister, "reference he -> people", named)
    foreign = ActorMention(3, 4, 3, Actor("PERMIL", "army", "PER", "MIL"), "agents")
    kept = [_candidate(nlp, named, army), _candidate(nlp, pronoun, foreign)]
    assert drop_self_references([_candidate(nlp, pronoun, army), *kept]) == kept


def test_referring_target_that_is_the_source_drops_the_event(nlp: Language) -> None:
    minister = Actor("CHLGOV", "minister", "CHL", "GOV")
    named = ActorMention(0, 1, 0, minister, "people")
    him = ReferenceMention(3, 4, 3, minister, "reference him -> people", named)
    assert drop_self_references([_candidate(nlp, named, him)]) == []
