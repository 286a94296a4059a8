"""Data-quality checks for the packaged ``people.tsv`` (office-holders with dated roles).

These tests read the file with the csv module only, so they hold whatever loader is built
on top of it. Dates are compared as ISO strings; a tenure covers ``start <= day < end``
(``end`` is the successor's first day, an empty ``end`` means still in office).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from dyadwatch.dictionaries.tsv import packaged_path

PEOPLE_PATH = packaged_path("people.tsv")
COLUMNS = ["person_id", "name", "aliases", "country", "role", "sector", "start", "end"]
# The first fifteen countries have every main role (defence ministers too); the others
# have heads of state and government (and foreign ministers for some).
FULL_COUNTRIES = {
    "USA", "CHN", "JPN", "TWN", "RUS", "UKR", "PRK", "KOR",
    "GBR", "FRA", "DEU", "IND", "IRN", "ISR", "MMR",
}  # fmt: skip
HEADS_COUNTRIES = {
    "TUR", "VEN", "SYR", "BRA", "PAK", "AFG", "SAU", "EGY", "IRQ",
    "PHL", "AUS", "CAN", "ITA", "ESP", "POL", "PSE", "HUN", "BLR", "JOR", "QAT",
    "ARE", "MEX", "ARG", "NGA", "ZAF", "KEN",
    "LBN", "LBY", "SDN", "SSD", "ETH", "SRB", "KSV", "GEO", "ARM", "AZE", "KAZ",
    "VNM", "IDN", "THA", "MYS", "BGD", "LKA", "COL", "CUB", "ZWE", "COD", "CIV", "VAT",
}  # fmt: skip
# countries only the 1980s block has (wire news of the Reuters-21578 era; SUN is a state of
# the past): no sample dates
ERA_COUNTRIES = {"SUN", "NZL"}
COUNTRIES = FULL_COUNTRIES | HEADS_COUNTRIES | ERA_COUNTRIES
MAIN_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
ROLES = {*MAIN_ROLES, "other"}
SECTORS = {"GOV", "MIL"}
TODAY = "2026-11-25"
# the 1980s block (office-holders of late-1980s wire news) ends no earlier than this
ERA_START = "1987-01-01"
SAMPLE_DATES = ("2005-06-01", "2015-06-01", "2021-08-02")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Same name, different people (documented in the file): Taiwan's foreign minister of
# 1999-2000 and premier of 2023-2024 are both "Chen Chien-jen" in English.
HOMONYMS = {"Chen Chien-jen"}

# Overlapping tenures of one role in one country that are real (none needed so far);
# entries are (country, role, person_id, person_id).
OVERLAP_ALLOWED: set[tuple[str, str, str, str]] = set()

# Where a role has no separate holder, a sample date is served by another role:
# the US president heads the government; Myanmar had no prime minister 2011-2016.
SERVED_BY: dict[tuple[str, str], tuple[str, str, str]] = {
    ("USA", "head_of_government"): ("head_of_state", "0000-01-01", "9999-12-31"),
    ("MMR", "head_of_government"): ("head_of_state", "2011-03-30", "2016-04-06"),
}


@dataclass(frozen=True)
class Row:
    line: int
    person_id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    sector: str
    start: str
    end: str

    def holds(self, day: str) -> bool:
        return self.start <= day and (not self.end or day < self.end)


def _data_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, cells in enumerate(
            csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1
        ):
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            yield number, cells


def _read_people(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    lines = list(_data_lines(path))
    header = lines[0][1]
    return header, lines[1:]


HEADER, RAW_ROWS = _read_people(PEOPLE_PATH)
ROWS = [
    Row(number, c[0], c[1], tuple(a for a in c[2].split("|") if a), *c[3:8])
    for number, c in RAW_ROWS
    if len(c) == len(COLUMNS)
]


def _is_iso_day(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _holders(country: str, role: str, day: str) -> list[Row]:
    return [r for r in ROWS if r.country == country and r.role == role and r.holds(day)]


def test_people_header_is_the_fixed_format() -> None:
    assert HEADER == COLUMNS


def test_people_file_is_substantial() -> None:
    assert len(RAW_ROWS) >= 400


def test_people_rows_have_eight_fields() -> None:
    bad = [number for number, cells in RAW_ROWS if len(cells) != len(COLUMNS)]
    assert bad == [], f"lines with a field count other than 8: {bad}"


def test_people_cells_have_no_stray_whitespace() -> None:
    bad = [n for n, cells in RAW_ROWS if any(c != c.strip() for c in cells)]
    assert bad == []


def test_people_person_ids_are_slugs() -> None:
    bad = [(r.line, r.person_id) for r in ROWS if not SLUG.fullmatch(r.person_id)]
    assert bad == []


def test_people_countries_are_the_covered_ones() -> None:
    bad = [(r.line, r.country) for r in ROWS if r.country not in COUNTRIES]
    assert bad == []
    assert {r.country for r in ROWS} == COUNTRIES


def test_people_countries_are_cameo_codes(shared_file: Callable[[str], Path]) -> None:
    codebook = shared_file("codebooks/cameo_countries.tsv")
    with codebook.open(encoding="utf-8", newline="") as handle:
        codes = {row["code"] for row in csv.DictReader(handle, delimiter="\t")}
    assert codes >= COUNTRIES


@pytest.mark.parametrize(("field", "allowed"), [("role", ROLES), ("sector", SECTORS)])
def test_people_roles_and_sectors_are_known(field: str, allowed: set[str]) -> None:
    bad = [(r.line, getattr(r, field)) for r in ROWS if getattr(r, field) not in allowed]
    assert bad == []


def test_people_dates_are_iso_days() -> None:
    bad = [
        (r.line, r.start, r.end)
        for r in ROWS
        if not _is_iso_day(r.start) or (r.end and not _is_iso_day(r.end))
    ]
    assert bad == []


def test_people_tenures_run_forward_within_the_covered_period() -> None:
    bad = [
        r.line
        for r in ROWS
        if r.start > TODAY or (r.end and (r.end <= r.start or r.end > TODAY or r.end < ERA_START))
    ]
    assert bad == [], "start must precede end; end within 1987..today"


@pytest.mark.parametrize("role", MAIN_ROLES)
def test_people_tenures_of_one_role_do_not_overlap(role: str) -> None:
    by_country: dict[str, list[Row]] = defaultdict(list)
    for row in ROWS:
        if row.role == role:
            by_country[row.country].append(row)
    clashes = []
    for country, rows in by_country.items():
        rows.sort(key=lambda r: r.start)
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                if first.end and second.start >= first.end:
                    break
                key = (country, role, first.person_id, second.person_id)
                if key not in OVERLAP_ALLOWED:
                    clashes.append((first.line, second.line))
    assert clashes == [], f"overlapping {role} tenures (file lines): {clashes}"


def test_people_one_person_never_holds_one_office_twice_at_once() -> None:
    seen: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in ROWS:
        seen[(row.person_id, row.country, row.role)].append(row)
    clashes = []
    for rows in seen.values():
        rows.sort(key=lambda r: r.start)
        for first, second in pairwise(rows):
            if not first.end or second.start < first.end:
                clashes.append((first.line, second.line))
    assert clashes == []


def test_people_rows_of_one_person_agree_on_name_and_aliases() -> None:
    forms: dict[str, set[tuple[str, tuple[str, ...]]]] = defaultdict(set)
    for row in ROWS:
        forms[row.person_id].add((row.name, row.aliases))
    assert {pid: f for pid, f in forms.items() if len(f) > 1} == {}


def test_people_aliases_are_clean_full_forms() -> None:
    bad = [
        (r.line, r.aliases)
        for r in ROWS
        if len(set(r.aliases)) != len(r.aliases)
        or r.name in r.aliases
        or any(" " not in alias for alias in r.aliases)
    ]
    assert bad == [], "aliases must be distinct, differ from the name, not be a bare word"


def test_people_no_name_or_alias_is_shared_by_two_people() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        for form in (row.name, *row.aliases):
            owners[form.casefold()].add(row.person_id)
    shared = {
        form: ids
        for form, ids in owners.items()
        if len(ids) > 1 and form not in {h.casefold() for h in HOMONYMS}
    }
    assert shared == {}


@pytest.mark.parametrize("day", SAMPLE_DATES)
@pytest.mark.parametrize("role", MAIN_ROLES)
def test_people_every_country_role_has_a_holder_on_sample_dates(role: str, day: str) -> None:
    missing = []
    for country in sorted(FULL_COUNTRIES):
        if _holders(country, role, day):
            continue
        stand_in = SERVED_BY.get((country, role))
        if stand_in and stand_in[1] <= day < stand_in[2] and _holders(country, stand_in[0], day):
            continue
        missing.append(country)
    assert missing == []


# States that did not exist on every sample date: first day of the state.
FOUNDED = {"SSD": "2011-07-09", "KSV": "2008-02-17"}


@pytest.mark.parametrize("day", SAMPLE_DATES)
def test_people_every_added_country_has_a_head_on_sample_dates(day: str) -> None:
    missing = [
        country
        for country in sorted(HEADS_COUNTRIES)
        if FOUNDED.get(country, "0000-01-01") <= day
        and not _holders(country, "head_of_state", day)
        and not _holders(country, "head_of_government", day)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("day", "country", "role", "name"),
    [
        ("2021-08-02", "JPN", "defence_minister", "Nobuo Kishi"),
        ("2021-08-02", "USA", "head_of_state", "Joe Biden"),
        ("2010-01-01", "RUS", "head_of_state", "Dmitry Medvedev"),
        ("2010-01-01", "RUS", "head_of_government", "Vladimir Putin"),
        ("2021-08-02", "CHN", "head_of_state", "Xi Jinping"),
        ("2018-06-12", "PRK", "head_of_state", "Kim Jong Un"),
        ("2018-06-12", "USA", "head_of_state", "Donald Trump"),
        ("2015-06-01", "GBR", "head_of_government", "David Cameron"),
        ("2005-06-01", "DEU", "head_of_government", "Gerhard Schröder"),
        ("2015-06-01", "FRA", "head_of_state", "François Hollande"),
        ("2005-06-01", "IND", "head_of_government", "Manmohan Singh"),
        ("2016-06-01", "MMR", "head_of_government", "Aung San Suu Kyi"),
        ("2022-03-01", "UKR", "head_of_state", "Volodymyr Zelenskyy"),
        ("2021-08-02", "ISR", "head_of_government", "Naftali Bennett"),
        ("2021-08-02", "KOR", "head_of_state", "Moon Jae-in"),
        ("2015-06-01", "TWN", "head_of_state", "Ma Ying-jeou"),
        ("2015-06-01", "IRN", "foreign_minister", "Mohammad Javad Zarif"),
        ("2007-01-10", "JPN", "defence_minister", "Fumio Kyuma"),
        # added countries
        ("2003-03-14", "TUR", "head_of_government", "Recep Tayyip Erdogan"),
        ("2014-08-27", "TUR", "head_of_government", "Recep Tayyip Erdogan"),
        ("2014-08-28", "TUR", "head_of_government", "Ahmet Davutoglu"),
        ("2014-08-28", "TUR", "head_of_state", "Recep Tayyip Erdogan"),
        ("2003-03-13", "TUR", "head_of_government", "Abdullah Gul"),
        ("2013-04-19", "VEN", "head_of_state", "Nicolás Maduro"),
        ("2012-12-31", "VEN", "head_of_state", "Hugo Chávez"),
        ("2000-07-17", "SYR", "head_of_state", "Bashar Assad"),
        ("2024-12-07", "SYR", "head_of_state", "Bashar Assad"),
        ("2003-01-01", "BRA", "head_of_state", "Luiz Inácio Lula da Silva"),
        ("2010-12-31", "BRA", "head_of_state", "Luiz Inácio Lula da Silva"),
        ("2023-01-01", "BRA", "head_of_state", "Luiz Inácio Lula da Silva"),
        ("2020-01-01", "BRA", "head_of_state", "Jair Bolsonaro"),
        ("2005-06-01", "PAK", "head_of_state", "Pervez Musharraf"),
        ("2020-01-01", "PAK", "head_of_government", "Imran Khan"),
        ("2010-01-01", "AFG", "head_of_state", "Hamid Karzai"),
        ("2010-01-01", "SAU", "head_of_state", "King Abdullah bin Abdulaziz"),
        ("2023-01-01", "SAU", "head_of_government", "Prince Mohammed bin Salman"),
        ("2012-01-01", "EGY", "head_of_state", "Mohamed Hussein Tantawi"),
        ("2013-01-01", "EGY", "head_of_state", "Mohamed Morsi"),
        ("2010-01-01", "IRQ", "head_of_government", "Nouri al-Maliki"),
        ("2005-06-01", "LBN", "head_of_government", "Najib Mikati"),
        ("2005-02-14", "LBN", "head_of_state", "Émile Lahoud"),
        ("2008-01-01", "LBN", "head_of_state", None),
        ("2010-01-01", "LBY", "head_of_state", "Muammar Gaddafi"),
        ("2022-01-01", "LBY", "head_of_government", "Abdul Hamid Dbeibah"),
        ("2019-04-10", "SDN", "head_of_state", "Omar al-Bashir"),
        ("2020-01-01", "SDN", "head_of_government", "Abdalla Hamdok"),
        ("2011-07-09", "SSD", "head_of_state", "Salva Kiir"),
        ("2012-08-20", "ETH", "head_of_government", "Meles Zenawi"),
        ("2019-10-11", "ETH", "head_of_government", "Abiy Ahmed"),
        ("2003-03-12", "SRB", "head_of_government", None),
        ("2016-01-01", "SRB", "head_of_government", "Aleksandar Vucic"),
        ("2018-01-01", "SRB", "head_of_state", "Aleksandar Vucic"),
        ("2008-02-16", "KSV", "head_of_government", None),
        ("2008-02-17", "KSV", "head_of_government", "Hashim Thaci"),
        ("2008-08-08", "GEO", "head_of_state", "Mikheil Saakashvili"),
        ("2020-09-27", "ARM", "head_of_government", "Nikol Pashinyan"),
        ("2020-09-27", "AZE", "head_of_state", "Ilham Aliyev"),
        ("2022-01-04", "KAZ", "head_of_state", "Kassym-Jomart Tokayev"),
        ("2020-01-01", "KAZ", "other", "Nursultan Nazarbayev"),
        ("2015-01-01", "VNM", "other", "Nguyen Phu Trong"),
        ("2010-01-01", "IDN", "head_of_state", "Susilo Bambang Yudhoyono"),
        ("2020-01-01", "IDN", "head_of_state", "Joko Widodo"),
        ("2006-09-18", "THA", "head_of_government", "Thaksin Shinawatra"),
        ("2012-01-01", "THA", "head_of_government", "Yingluck Shinawatra"),
        ("2012-01-01", "MYS", "head_of_government", "Najib Razak"),
        ("2019-01-01", "MYS", "head_of_government", "Mahathir Mohamad"),
        ("2020-01-01", "BGD", "head_of_government", "Sheikh Hasina"),
        ("2010-01-01", "LKA", "head_of_state", "Mahinda Rajapaksa"),
        ("2016-10-01", "COL", "head_of_state", "Juan Manuel Santos"),
        ("2026-09-01", "COL", "head_of_state", None),
        ("2007-01-01", "CUB", "head_of_state", "Fidel Castro"),
        ("2015-01-01", "CUB", "head_of_state", "Raúl Castro"),
        ("2010-01-01", "ZWE", "head_of_state", "Robert Mugabe"),
        ("2019-01-01", "COD", "head_of_state", "Joseph Kabila"),
        ("2011-01-01", "CIV", "head_of_state", "Laurent Gbagbo"),
        ("2011-04-11", "CIV", "head_of_state", "Alassane Ouattara"),
    ],
)
def test_people_spot_check_known_holders(
    day: str, country: str, role: str, name: str | None
) -> None:
    """``name`` None: nobody held the post that day (a vacancy or a state not yet founded)."""
    assert [r.name for r in _holders(country, role, day)] == ([name] if name else [])


def test_people_bashar_assad_left_office_when_damascus_fell() -> None:
    rows = [r for r in ROWS if r.name == "Bashar Assad"]
    assert [(r.role, r.start, r.end) for r in rows] == [
        ("head_of_state", "2000-07-17", "2024-12-08")
    ]


def test_people_lula_holds_two_presidencies() -> None:
    rows = [r for r in ROWS if r.person_id == "lula-da-silva-luiz-inacio"]
    assert sorted((r.start, r.end) for r in rows) == [
        ("2003-01-01", "2011-01-01"),
        ("2023-01-01", ""),
    ]


@pytest.mark.parametrize(
    ("person_id", "sector", "day"),
    [
        ("musharraf-pervez", "MIL", "2000-01-01"),
        ("musharraf-pervez", "GOV", "2008-01-01"),
        ("tantawi-mohamed-hussein", "MIL", "2011-06-01"),
    ],
)
def test_people_military_rulers_are_coded_mil_while_in_uniform(
    person_id: str, sector: str, day: str
) -> None:
    rows = [r for r in ROWS if r.person_id == person_id and r.holds(day)]
    assert rows and {r.sector for r in rows} == {sector}


@pytest.mark.parametrize(
    ("person_id", "sector", "day"),
    [
        ("burhan-abdel-fattah", "MIL", "2022-01-01"),
        ("guei-robert", "MIL", "2000-06-01"),
        ("chan-ocha-prayuth", "MIL", "2015-06-01"),
        ("chan-ocha-prayuth", "GOV", "2020-01-01"),
        ("haftar-khalifa", "MIL", "2020-01-01"),
    ],
)
def test_people_added_military_rulers_are_coded_by_uniform(
    person_id: str, sector: str, day: str
) -> None:
    rows = [r for r in ROWS if r.person_id == person_id and r.holds(day)]
    assert rows and {r.sector for r in rows} == {sector}


def test_people_kosovo_rows_start_at_independence() -> None:
    starts = [r.start for r in ROWS if r.country == "KSV"]
    assert starts and min(starts) == FOUNDED["KSV"]


def test_people_south_sudan_rows_start_at_independence() -> None:
    starts = [r.start for r in ROWS if r.country == "SSD"]
    assert starts and min(starts) == FOUNDED["SSD"]


def test_people_junta_leader_is_coded_military_after_the_2021_coup() -> None:
    rows = [r for r in ROWS if r.person_id == "min-aung-hlaing"]
    assert rows and all(r.country == "MMR" and r.sector == "MIL" for r in rows)
    assert min(r.start for r in rows) >= "2021-02-01"
