"""Workers who strike stop work; they do not attack anyone (issue 9: economic news)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def codes(coder: Coder, text: str) -> list[str]:
    return [e.code for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Chilean port workers struck on Tuesday over pensions.",
        "Some 3,000 Chilean bank employees voted to strike on Tuesday.",
    ],
)
def test_striking_workers_hold_a_strike(coder: Coder, text: str) -> None:
    found = codes(coder, text)
    assert "143" in found
    assert not any(code[:2] in {"18", "19", "20"} for code in found)


def test_armed_groups_that_strike_a_target_still_attack(coder: Coder) -> None:
    found = codes(coder, "Chilean rebels struck a police station on Tuesday.")
    assert any(code[:2] in {"18", "19"} for code in found)
