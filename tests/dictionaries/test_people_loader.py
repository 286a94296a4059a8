"""people.tsv loader: validation errors with file:line, and a person's role by date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyadwatch.dictionaries.people import Person, load_people
from dyadwatch.errors import DictionaryError

HEADER = "person_id\tname\taliases\tcountry\trole\tsector\tstart\tend\n"
# A fictional person: defence minister, then prime minister while also foreign minister.
ROWS = (
    "# a comment line\n"
    "hara-aiko\tAiko Hara\tA. Hara\tJPN\tdefence_minister\tGOV\t2010-01-01\t2012-01-01\n"
    "hara-aiko\tAiko Hara\tA. Hara\tJPN\thead_of_government\tGOV\t2014-01-01\t2016-01-01\n"
    "hara-aiko\tAiko Hara\tA. Hara\tJPN\tforeign_minister\tGOV\t2014-06-01\t2015-01-01\n"
    "vale-tomas\tTomas Vale\t\tPER\thead_of_state\tMIL\t2020-03-01\t\n"
)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "people.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.fixture
def people(tmp_path: Path) -> dict[str, Person]:
    return load_people(write(tmp_path, ROWS))


def test_people_loader_groups_tenures_by_person(people: dict[str, Person]) -> None:
    assert sorted(people) == ["hara-aiko", "vale-tomas"]
    hara = people["hara-aiko"]
    assert hara.aliases == ("A. Hara",)
    assert [r.role for r in hara.roles] == [
        "defence_minister",
        "head_of_government",
        "foreign_minister",
    ]


@pytest.mark.parametrize(
    ("day", "role"),
    [
        ("2011-05-05", "defence_minister"),
        ("2014-03-01", "head_of_government"),
        ("2014-07-01", "head_of_government"),  # two posts: the more senior one
        ("2012-01-01", None),  # end is the successor's first day: not covered
        ("2013-01-01", None),
    ],
)
def test_role_on_date(people: dict[str, Person], day: str, role: str | None) -> None:
    found = people["hara-aiko"].role_on(dt.date.fromisoformat(day))
    assert (found.role if found else None) == role


def test_role_on_none_is_latest(people: dict[str, Person]) -> None:
    latest = people["hara-aiko"].role_on(None)
    assert latest is not None and latest.role == "foreign_minister"
    incumbent = people["vale-tomas"].role_on(dt.date(2030, 1, 1))
    assert incumbent is not None and incumbent.sector == "MIL"


@pytest.mark.parametrize(
    ("day", "code", "sector"),
    [
        ("2011-05-05", "JPNGOV", "GOV"),
        ("2013-01-01", "JPNELI", "ELI"),  # between tenures: a former official
        ("2020-01-01", "JPNELI", "ELI"),  # after the last tenure
        ("2005-01-01", "JPN", None),  # before the first tenure: country only
    ],
)
def test_actor_on_date_fallbacks(
    people: dict[str, Person], day: str, code: str, sector: str | None
) -> None:
    actor = people["hara-aiko"].actor_on(dt.date.fromisoformat(day))
    assert (actor.code, actor.sector, actor.country, actor.person) == (
        code,
        sector,
        "JPN",
        "hara-aiko",
    )


@pytest.mark.parametrize(
    ("surname_of", "expected"),
    [("hara-aiko", "Hara"), ("vale-tomas", "Vale")],
)
def test_surname(people: dict[str, Person], surname_of: str, expected: str) -> None:
    assert people[surname_of].surname == expected


def test_family_name_first_for_east_asian_names(tmp_path: Path) -> None:
    row = "li-wei\tLi Weiming\t\tCHN\tforeign_minister\tGOV\t2001-01-01\t\n"
    assert load_people(write(tmp_path, row))["li-wei"].surname == "Li"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Bad_Id\tX Y\t\tJPN\tother\tGOV\t2001-01-01\t\n", "not a slug"),
        ("x-y\t\t\tJPN\tother\tGOV\t2001-01-01\t\n", "empty name"),
        ("x-y\tX Y\t\tJAPAN\tother\tGOV\t2001-01-01\t\n", "unknown country"),
        ("x-y\tX Y\t\tJPN\tmayor\tGOV\t2001-01-01\t\n", "role 'mayor'"),
        ("x-y\tX Y\t\tJPN\tother\tXYZ\t2001-01-01\t\n", "unknown CAMEO sector"),
        ("x-y\tX Y\t\tJPN\tother\tGOV\t2001-13-01\t\n", "not a YYYY-MM-DD"),
        ("x-y\tX Y\t\tJPN\tother\tGOV\t\t\n", "start date is required"),
        ("x-y\tX Y\t\tJPN\tother\tGOV\t2001-01-01\t2000-01-01\n", "not after start"),
    ],
)
def test_bad_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = write(tmp_path, "# comment\n" + row)
    with pytest.raises(DictionaryError, match=message) as info:
        load_people(path)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_rows_of_one_person_must_agree(tmp_path: Path) -> None:
    rows = (
        "x-y\tX Y\t\tJPN\tother\tGOV\t2001-01-01\t2002-01-01\n"
        "x-y\tX Z\t\tJPN\tother\tGOV\t2003-01-01\t\n"
    )
    with pytest.raises(DictionaryError, match="differ from line 2") as info:
        load_people(write(tmp_path, rows))
    assert info.value.line == 3


def test_duplicate_tenure_is_an_error(tmp_path: Path) -> None:
    row = "x-y\tX Y\t\tJPN\tother\tGOV\t2001-01-01\t\n"
    with pytest.raises(DictionaryError, match="same tenure"):
        load_people(write(tmp_path, row + row))


def test_missing_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "people.tsv"
    path.write_text("person_id\tname\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="header lacks"):
        load_people(path)


def test_known_countries_restrict_codes(tmp_path: Path) -> None:
    path = write(tmp_path, "x-y\tX Y\t\tJPN\tother\tGOV\t2001-01-01\t\n")
    with pytest.raises(DictionaryError, match="unknown country"):
        load_people(path, countries={"USA"})
