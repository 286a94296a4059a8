"""Actor names: what a person types resolves to a code, codes read as "CHN China", and an
unknown actor is an error that suggests the nearest names."""

from __future__ import annotations

import pytest

from dyadwatch.dictionaries.actor_names import actor_label, actor_names, resolve_actor
from dyadwatch.errors import ConfigError


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("china", "CHN"),  # name, any case
        ("CHINA", "CHN"),
        ("Chinese", "CHN"),  # demonym
        ("south  korea", "KOR"),  # several words, spaces squeezed
        ("US", "USA"),  # alias
        ("UN", "IGOUNO"),  # organization
        ("Beijing", "CHN"),  # capital
        ("Kurds", "KUR"),  # group
        ("CHN", "CHN"),  # codes pass
        ("chnmil", "CHNMIL"),  # a code in lower case
        ("CHNGOVMIL", "CHNGOVMIL"),  # country + sectors
        ("IGO", "IGO"),  # a prefix of known codes
    ],
)
def test_resolve_actor(typed: str, code: str) -> None:
    assert resolve_actor(typed) == code


@pytest.mark.parametrize("typed", ["narnia", "chna", "CHNXYZ", "AAA"])
def test_unknown_actor_is_an_error_with_suggestions(typed: str) -> None:
    with pytest.raises(ConfigError, match=f"unknown actor '{typed}'") as caught:
        resolve_actor(typed)
    assert "did you mean" in str(caught.value) or "such as China" in str(caught.value)


def test_a_misspelling_suggests_the_country() -> None:
    with pytest.raises(ConfigError, match=r"did you mean CHN China"):
        resolve_actor("chna")


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("CHN", "CHN China"),
        ("CHNMIL", "CHNMIL China military"),  # a country and its sector, not the PLA's name
        ("USAGOV", "USAGOV United States government"),
        ("IGOUNO", "IGOUNO United Nations"),
        ("IGOUNOHCR", "IGOUNOHCR UNHCR"),
        ("NGOAMN", "NGOAMN Amnesty International"),
        ("GOV", "GOV government"),
        ("ZZZ", "ZZZ"),  # nothing known: the code alone
        (None, ""),
    ],
)
def test_actor_label(code: str | None, label: str) -> None:
    assert actor_label(code) == label


def test_every_country_has_a_label_with_its_name() -> None:
    names = actor_names()
    assert len(names.countries) > 190
    assert all(names.label(c) == f"{c} {names.names[c]}" for c in names.countries)


def test_a_user_dictionary_adds_names(tmp_path, monkeypatch) -> None:
    (tmp_path / "countries.tsv").write_text(
        "code\tkind\tname\taliases\tadjectives\tcapitals\n"
        "ZZL\tregion\tZeeland League\tthe League\tZeelander\tHavenstad\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DYADWATCH_DICTIONARY_DIR", str(tmp_path))
    assert resolve_actor("zeelander") == "ZZL"
    assert actor_label("ZZLGOV") == "ZZLGOV Zeeland League government"
    monkeypatch.delenv("DYADWATCH_DICTIONARY_DIR")
    with pytest.raises(ConfigError, match="unknown actor"):
        resolve_actor("zeelander")  # the packaged dictionaries alone do not know it
