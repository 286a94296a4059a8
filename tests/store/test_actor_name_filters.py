"""Actor names in filters: the store, the analytics and every interface read "china" as CHN,
and an unknown actor fails instead of matching nothing."""

from __future__ import annotations

import pytest

import dyadwatch.store as ds
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.errors import ConfigError
from dyadwatch.filters import parse_dyad


@pytest.fixture
def filled(store, run_ingest, make_doc) -> ds.Store:
    run_ingest(
        store,
        [
            make_doc("a", "CHNMIL attacked JPN on 2024-03-05. USAGOV met KORGOV on 2024-03-06."),
            make_doc("b", "JPNGOV accused CHN on 2024-03-07."),
        ],
    )
    return store


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("china,japan", ("china", "japan")),
        ("South Korea, United States", ("South Korea", "United States")),
        ("north korea->south korea", ("north korea", "south korea")),
        ("CHN-JPN", ("CHN", "JPN")),
        ("CHN JPN", ("CHN", "JPN")),
    ],
)
def test_parse_dyad_keeps_names_of_several_words(text: str, pair: tuple[str, str]) -> None:
    assert parse_dyad(text) == pair


def test_names_select_what_codes_select(filled) -> None:
    by_code = filled.events(dyad=("CHN", "JPN"))
    by_name = filled.events(dyad="china,japan")
    assert len(by_code) == 2
    assert list(by_name["id"]) == list(by_code["id"])
    assert list(filled.events(actor="south korea")["id"]) == list(filled.events(actor="KOR")["id"])
    assert list(filled.events(source="Japanese")["source_code"]) == ["JPNGOV"]


def test_unknown_actor_is_refused_not_empty(filled) -> None:
    with pytest.raises(ConfigError, match=r"unknown actor 'narnia'.*did you mean"):
        filled.events(actor="narnia")
    with pytest.raises(ConfigError, match="unknown actor"):
        filled.events(dyad="china,atlantis")


def test_analytics_filter_stores_codes() -> None:
    flt = EventFilter.from_query({"dyad": "china,japan", "actor": ["Russian"]})
    assert flt.dyad == ("CHN", "JPN") and flt.actors == ("RUS",)
    assert EventFilter.from_dict(flt.to_dict()) == flt
