"""agents.tsv: a generic agent word may have no sector of its own ('-'): it is coded by its
country alone ("critics" -> GBR); any other role must name a CAMEO actor type."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.dictionaries.actors import ActorDictionary, load_agents
from dyadwatch.errors import DictionaryError

HEADER = "sector\trole\tnames\tnote\n"


def load(body: str, tmp_path: Path) -> ActorDictionary:
    dictionary = ActorDictionary(country_names={"JPN": "Japan"}, country_kinds={"JPN": "country"})
    path = tmp_path / "agents.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    load_agents(path, dictionary)
    return dictionary


def test_sectorless_agents_load_a_generic_word_without_sector(tmp_path: Path) -> None:
    [entry] = load("-\tgeneric\tnaysayers\t\n", tmp_path).entries
    assert (entry.phrase, entry.role, entry.sector) == ("naysayers", "generic", None)


@pytest.mark.parametrize("role", ["specific", "title", "attached"])
def test_sectorless_agents_reject_other_roles(tmp_path: Path, role: str) -> None:
    with pytest.raises(DictionaryError, match="only a generic agent") as info:
        load(f"-\t{role}\tnaysayers\t\n", tmp_path)
    assert info.value.line == 2
