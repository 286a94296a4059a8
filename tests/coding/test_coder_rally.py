"""Appeals and demands for sanctions against a third party, and paragraph breaks in documents."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document
from dyadwatch.nlp.prefilter import mark_paragraphs
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=True))


def triples(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    events = coder.code(Document(id="d1", text=text))
    return [(e.code, e.source.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Canada called for tougher sanctions against Venezuela.", "CAN", "VEN"),
        ("Sweden urged the European Union to impose sanctions on Belarus.", "SWE", "BLR"),
        ("Nigeria demanded an arms embargo on Eritrea.", "NGA", "ERI"),
        ("Chile appealed to the United Nations to impose an embargo on Cuba.", "CHL", "CUB"),
        ("Egypt demanded that Jordan sever diplomatic relations with Qatar.", "EGY", "QAT"),
    ],
)
def test_call_for_sanctions_rallies_opposition_against_the_sanctioned(
    coder: Coder, text: str, source: str, target: str
) -> None:
    assert ("113", source, target) in triples(coder, text)


def test_appeal_to_ease_sanctions_stays_an_appeal_to_the_addressee(coder: Coder) -> None:
    assert ("0254", "CHL", "USA") in triples(
        coder, "Chile urged the United States to lift sanctions on Cuba."
    )


def test_demand_to_cut_aid_is_not_rallying_opposition(coder: Coder) -> None:
    codes = [
        code for code, _, _ in triples(coder, "Peru demanded that Spain cut its aid to Bolivia.")
    ]
    assert "113" not in codes


def test_paragraph_whitespace_does_not_head_a_sentence(nlp: Language) -> None:
    text = "Talks ended.\n\nIn Lima, Peru criticized Chile.\n Brazil met Chile.  Peru left."
    doc = mark_paragraphs(nlp.make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "\n\n" not in starts and "\n " not in starts
    assert doc.text == text


@pytest.mark.parametrize("prefilter", [True, False])
def test_paragraph_break_keeps_offsets_and_codes_the_fronted_sentence(
    nlp: Language, recognizer: ActorRecognizer, prefilter: bool
) -> None:
    coder = Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=prefilter))
    text = "The talks ended on Monday.\n\nIn a statement on Tuesday, Peru condemned Chile."
    events = coder.code(Document(id="d1", text=text))
    assert [(e.code, e.source.code) for e in events] == [("111", "PER")]
    evidence = events[0].evidence
    assert evidence.text.startswith("In a statement")
    assert text[evidence.start : evidence.end] == evidence.text
    start, end = evidence.spans["source"]
    assert text[start:end] == "Peru"


def test_blank_line_ends_a_heading_without_a_full_stop(coder: Coder) -> None:
    text = (
        "Peru condemns Chile over border raid\n\nOfficials in Lima met Bolivian envoys on Monday."
    )
    doc = coder.parse(Document(id="d1", text=text))
    assert next(s.text.strip() for s in doc.sents) == "Peru condemns Chile over border raid"
