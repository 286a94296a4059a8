"""Pronoun subjects: a clause-initial he/she is the one person named just before, or nobody."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.coding.events.coreference import could_open_with_pronoun
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings

WHEN = dt.date(2021, 8, 10)  # Nobuo Kishi (people.tsv) was Japan's defence minister
MINISTER = "Japanese Defence Minister Nobuo Kishi"


@pytest.fixture(scope="module", params=[False, True], ids=["full-parse", "prefilter"])
def coder(request: pytest.FixtureRequest, nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=request.param))


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="d1", text=text, date=WHEN))


def criticisms(events: list[Event]) -> list[Event]:
    return [e for e in events if e.code.startswith("11")]


@pytest.mark.parametrize(
    ("text", "pronoun", "source"),
    [
        (f"{MINISTER} visited Tokyo. He criticized China for the incursions.", "He", "JPNGOV"),
        (f"{MINISTER} visited Tokyo. He sharply criticized the plan.", "He", "JPNGOV"),
        (
            "Peruvian Interior Minister Ana Ruiz visited Lima. After the visit, she accused "
            "Chile of spying.",
            "she",
            "PERGOV",
        ),
    ],
)
def test_pronoun_takes_the_only_person_named_before(
    coder: Coder, text: str, pronoun: str, source: str
) -> None:
    found = criticisms(code(coder, text))
    assert [e.source.code for e in found] == [source]
    event = found[0]
    start, end = event.evidence.spans["source"]
    assert text[start:end] == pronoun
    assert f"pronoun {pronoun.lower()} -> " in event.rule["source"]


@pytest.mark.parametrize(
    "text",
    [
        # two people in the window, neither the one main subject before: no guessing
        f"{MINISTER} and US President Joe Biden met in Tokyo. He criticized China for the raids.",
        f"Reporters asked {MINISTER} about US President Joe Biden. He criticized China for the "
        "raids.",
        # a name no dictionary knows still counts as a person, here the main subject
        f"The novelist Haruki Murakami met {MINISTER}. He criticized China for the raids.",
        # a quotation's speaker is not guessed from the sentence before
        f'{MINISTER} met US President Joe Biden. "China must stop," he said.',
        # only "he"/"she": "it" and "they" are left alone
        f"{MINISTER} visited Tokyo. It criticized China for the raids.",
        f"{MINISTER} visited Tokyo. They criticized China for the raids.",
        # the antecedent must be in the same or the previous sentence
        f"{MINISTER} visited Tokyo. The weather was cold. He criticized China for the raids.",
    ],
)
def test_ambiguous_or_distant_pronoun_gives_no_event(coder: Coder, text: str) -> None:
    assert criticisms(code(coder, text)) == []


def test_object_pronoun_takes_the_only_person(coder: Coder) -> None:
    # resolved by ``references.py`` since object pronouns are resolved too
    text = f"{MINISTER} visited Tokyo. China accused him of lying."
    found = [e for e in code(coder, text) if e.source.code == "CHN"]
    assert found
    assert all(e.target is not None and e.target.code == "JPNGOV" for e in found)


def test_conjoined_clause_pronoun_is_the_person_named_before(coder: Coder) -> None:
    # a coordinate clause is no report: its pronoun is resolved like a sentence-initial one
    text = f"{MINISTER} arrived in Tokyo, and he criticized China for the incursions."
    found = criticisms(code(coder, text))
    assert [e.source.code for e in found] == ["JPNGOV"]
    assert found[0].rule["source"].startswith("nsubj: pronoun he")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He also stressed the ties.", True),
        ("\u201cShe warned the rebels.", True),
        ("Talks ended, and he left.", True),
        ("Later that spring, she resigned.", True),  # after a short fronted phrase
        ('"We will go," he said.', False),  # a quote's speaker: no act of his own
        ("The envoy said he would go.", False),
        ("They warned the rebels.", False),
        ("Shelling resumed.", False),
    ],
)
def test_prefilter_keeps_sentences_opening_with_he_or_she(text: str, expected: bool) -> None:
    assert could_open_with_pronoun(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        # a name the dictionaries lack, described by its title in apposition: one person
        "Rafael Quispe, the Peruvian defence minister, visited Lima; he accused Chile of spying.",
        # the pronoun after a fronted phrase, its sentence kept by the prefilter
        "Rafael Quispe, the Peruvian defence minister, visited Lima. In March, he accused "
        "Chile of spying.",
    ],
)
def test_pronoun_takes_a_person_known_by_description(coder: Coder, text: str) -> None:
    found = criticisms(code(coder, text))
    assert [(e.source.code, e.target.code if e.target else None) for e in found] == [
        ("PERGOV", "CHL")
    ]
    assert "pronoun he -> name described as" in found[0].rule["source"]


def test_he_or_she_is_never_a_body_governing_the_clause(coder: Coder) -> None:
    # "but he declined": a conjoined clause whose he is not the press but the person asked
    text = f"Reporters in Tokyo asked {MINISTER} about the raids, but he declined to comment."
    found = [e for e in code(coder, text) if e.code == "011"]
    assert [e.source.code for e in found] == ["JPNGOV"]
    assert "pronoun he -> " in found[0].rule["source"]


@pytest.mark.parametrize(
    "text",
    [
        f"{MINISTER} met US President Joe Biden in Tokyo. He criticized China for the raids.",
        f"{MINISTER} met the novelist Haruki Murakami. He criticized China for the raids.",
        f"{MINISTER} met US President Joe Biden. On the raids, he criticized China.",
    ],
)
def test_sentence_opening_pronoun_continues_the_main_subject_before(
    coder: Coder, text: str
) -> None:
    # several people named, one of them the main subject of the sentence before
    found = criticisms(code(coder, text))
    assert [e.source.code for e in found] == ["JPNGOV"]
    assert "reference he -> " in found[0].rule["source"]
