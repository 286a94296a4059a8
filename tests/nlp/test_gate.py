"""The predicate gate keeps a sentence only when a whole dictionary entry could match in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.dictionaries.verbs import FrameTable, VerbDictionary, read_verb_file
from dyadwatch.nlp.gate import PredicateGate

ENTRIES = """code\tpattern
152\tbe on +alert
064\tshare +intelligence|information
061\ttrade with
036\tmeet +ACTOR
043\t@state_visit
"""


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> PredicateGate:
    path: Path = tmp_path_factory.mktemp("verbs") / "verbs.tsv"
    path.write_text(ENTRIES, encoding="utf-8")
    verbs = VerbDictionary(read_verb_file(path, default_codebook()), FrameTable(), "test")
    irregular = {"meet": {"met"}, "be": {"is", "was", "were"}}  # as a lemmatizer's table
    return PredicateGate(verbs, lambda word: irregular.get(word, set()))


def words(text: str) -> set[str]:
    return set(text.lower().replace(".", " .").split())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The army was on high alert.", True),
        ("The minister was in the capital.", False),  # "be" alone is not an entry
        ("The two agencies will share intelligence.", True),
        ("Shares fell sharply.", False),  # the head without its named object
        ("Farmers traded with the neighbours.", True),
        ("Traders bought grain.", False),  # no particle "with"
        ("The leaders met on Monday.", True),  # irregular form; +ACTOR needs no word
        ("A state visit was planned.", True),
        ("The state of the roads is poor.", False),
    ],
)
def test_gate_needs_every_literal_word_of_an_entry(
    gate: PredicateGate, text: str, kept: bool
) -> None:
    assert gate.admits(words(text)) is kept
