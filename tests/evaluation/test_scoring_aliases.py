"""Codes the gold writes differently from the coder compare as one actor."""

from __future__ import annotations

import pytest

from dyadwatch.evaluation.scoring import country_of


@pytest.mark.parametrize(
    ("ours", "gold"),
    [
        ("VNMMIL", "VTN"),  # old CAMEO code of Vietnam
        ("TMPCVL", "TLS"),  # East Timor: CAMEO TMP, ISO TLS
        ("AFGINSTAL", "TAL"),  # the Taliban by their group code
        ("IMGALQ", "ALQ"),
    ],
)
def test_aliases_compare_equal(ours: str, gold: str) -> None:
    assert country_of(ours) == country_of(gold)


def test_other_codes_keep_their_country() -> None:
    assert country_of("AFGGOV") == "AFG"
    assert country_of("AFGINSTAL") == country_of("AFG")  # the other gold's convention
    assert country_of("ITAGOV") == "ITA"
