"""One dyad parser for every interface: the separators analysts type all work."""

from __future__ import annotations

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.store.query import parse_dyad


@pytest.mark.parametrize(
    "text", ["CHN,JPN", "CHN-JPN", "CHN:JPN", "CHN/JPN", "CHN->JPN", " CHN JPN "]
)
def test_parse_dyad_accepts_the_usual_separators(text: str) -> None:
    assert parse_dyad(text) == ("CHN", "JPN")


@pytest.mark.parametrize("text", ["CHN", "CHN,JPN,USA", ""])
def test_parse_dyad_needs_exactly_two_codes(text: str) -> None:
    with pytest.raises(ConfigError, match="two actor codes"):
        parse_dyad(text)
