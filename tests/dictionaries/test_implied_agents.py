"""The implied-agent dictionary: who does an agentless legal or state act, checked on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.dictionaries.implied_agents import default_implied_agents, load_implied_agents
from dyadwatch.errors import DictionaryError

HEADER = "verb\tprep\tobjects\tagent\tcode\texample\tvoice\n"


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "implied_agents.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_a_lemma_row_wins_over_its_code_class() -> None:
    table = default_implied_agents()
    arrest = table.for_verb("arrest", "173", {})
    charge = table.for_verb("charge", "173", {})
    assert arrest is not None and arrest.agent == "COP"
    assert charge is not None and charge.agent == "JUD" and charge.code == "173"


def test_a_code_class_covers_its_subcodes() -> None:
    row = default_implied_agents().for_verb("convict", "1162", {})
    assert row is not None and row.agent == "JUD"


def test_a_prepositional_row_needs_its_object() -> None:
    table = default_implied_agents()
    assert table.for_verb("release", "084", {"from": {"custody"}}) is not None
    # released from a contract: no court is implied, and the code class does not step in
    assert table.for_verb("release", "084", {"from": {"contract"}}) is None


def test_an_active_row_names_what_its_subject_undergoes() -> None:
    row = default_implied_agents().for_verb("receive", "173", {"object": {"prison_term"}})
    assert row is not None and row.active and row.agent == "JUD"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("arrest\t\t\tARMY\t-\n", "unknown agent"),
        ("arrest\t\t\tCOP\t17x\n", "CAMEO code"),
        ("release\tfrom\t\tJUD\t-\n", "go together"),
        ("173\tby\tpolice\tCOP\t-\n", "code row takes no prep"),
        ("Arrest\t\t\tCOP\t-\n", "lemma or a CAMEO code"),
        ("detain\t\t\tCOP\t-\ndetain\t\t\tJUD\t-\n", "duplicate verb row"),
        ("get\tobject\tfine\tJUD\t-\t\tmiddle\n", "unknown voice"),
        ("get\t\t\tJUD\t-\t\tactive\n", "names the object undergone"),
    ],
)
def test_bad_rows_are_named_with_their_line(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        load_implied_agents(write(tmp_path, row))
