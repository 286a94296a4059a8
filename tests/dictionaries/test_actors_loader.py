"""Actor dictionaries: the packaged files load, cover the codebook, and bad rows fail with
file:line."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dyadwatch.dictionaries.actors import (
    AGENTS_FILE,
    COUNTRIES_FILE,
    NON_ACTORS_FILE,
    ORGANIZATIONS_FILE,
    ActorDictionary,
    load_actor_dictionary,
    load_agents,
    load_countries,
    load_groups,
    load_non_actors,
    load_organizations,
)
from dyadwatch.errors import DictionaryError

COUNTRY_HEADER = "code\tkind\tname\taliases\tadjectives\tcapitals\n"
ORG_HEADER = "code\tcountry\tsector\tkind\tnames\tnote\n"
AGENT_HEADER = "sector\trole\tnames\tnote\n"
NON_ACTOR_HEADER = "kind\tphrase\tnote\n"
DATED_HEADER = COUNTRY_HEADER.rstrip("\n") + "\tcapitals_from\tcapitals_before\n"
GROUP_HEADER = "code\tkind\tsector\tcountry\tnames\tnote\n"


@pytest.fixture(scope="module")
def packaged() -> ActorDictionary:
    return load_actor_dictionary()


def test_packaged_dictionaries_load(packaged: ActorDictionary) -> None:
    kinds = {e.kind for e in packaged.entries}
    assert kinds >= {"country", "adjective", "capital", "organization", "agent", "non_actor"}
    assert packaged.country_names["JPN"] == "Japan"


def test_every_codebook_country_has_a_name_and_adjective(
    packaged: ActorDictionary, shared_file: Callable[[str], Path]
) -> None:
    path = shared_file("codebooks/cameo_countries.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    # GDELT's ROM/MTN and the sub-state areas are served by ROU/MNE and by PSE/IRQ
    skipped = {"ROM", "MTN", "WSB", "GZS", "BAG"}
    wanted = {r["code"] for r in rows if r["code"] not in skipped}
    assert wanted <= set(packaged.country_names)
    with_adjective = {e.code for e in packaged.entries if e.kind == "adjective"}
    countries = {r["code"] for r in rows if r["kind"] == "country_or_territory"} - skipped
    # a few small territories have no adjective in English news
    assert len(countries - with_adjective) <= 6


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("Japanese", "JPN"), ("Burma", "MMR"), ("Kiev", "UKR"), ("DPRK", "PRK"), ("Britain", "GBR")],
)
def test_packaged_country_forms(packaged: ActorDictionary, phrase: str, code: str) -> None:
    assert any(e.phrase == phrase and e.code == code for e in packaged.entries)


def load_one(loader_name: str, header: str, body: str, tmp_path: Path) -> ActorDictionary:
    dictionary = ActorDictionary(country_names={"JPN": "Japan"}, country_kinds={"JPN": "country"})
    path = tmp_path / "file.tsv"
    path.write_text(header + "# comment\n" + body, encoding="utf-8")
    loaders = {
        "countries": load_countries,
        "organizations": load_organizations,
        "agents": load_agents,
        "non_actors": load_non_actors,
        "groups": load_groups,
    }
    loaders[loader_name](path, dictionary)
    return dictionary


@pytest.mark.parametrize(
    ("loader", "header", "row", "message"),
    [
        ("countries", COUNTRY_HEADER, "Jp\tcountry\tJapan\t\t\t\n", "bad country code"),
        ("countries", COUNTRY_HEADER, "JPX\tplanet\tJapan\t\t\t\n", "bad country kind"),
        ("countries", COUNTRY_HEADER, "JPX\tcountry\t\t\t\t\n", "without a name"),
        ("countries", COUNTRY_HEADER, "JPX\tcountry\tJapx\tNippx\tNippx\t\n", "given twice"),
        ("organizations", ORG_HEADER, "igo un\t\t\tigo\tUN\t\n", "bad actor code"),
        ("organizations", ORG_HEADER, "JPNGOV\tXXX\tGOV\tseat\tKantei\t\n", "unknown country"),
        ("organizations", ORG_HEADER, "USAGOV\tJPN\tGOV\tseat\tKantei\t\n", "does not start"),
        ("organizations", ORG_HEADER, "JPNGOV\tJPN\tBOSS\tseat\tKantei\t\n", "actor type"),
        ("organizations", ORG_HEADER, "JPNGOV\tJPN\tGOV\tcastle\tKantei\t\n", "kind"),
        ("organizations", ORG_HEADER, "JPNGOV\tJPN\tGOV\tseat\t\t\n", "without names"),
        ("agents", AGENT_HEADER, "MIL\tboss\tnavy\t\n", "bad agent role"),
        ("agents", AGENT_HEADER, "\tspecific\tnavy\t\n", "without a sector"),
        ("agents", AGENT_HEADER, "XXX\tspecific\tnavy\t\n", "actor type"),
        ("agents", AGENT_HEADER, "MIL\tspecific\tnavy||army\t\n", "empty name form"),
        ("non_actors", NON_ACTOR_HEADER, "nowhere\tChina Sea\t\n", "bad non-actor kind"),
        ("countries", DATED_HEADER, "NEW\tcountry\tNewland\t\t\tNewcap\t2011-13-01\tJPN\n", "date"),
        (
            "countries",
            DATED_HEADER,
            "NEW\tcountry\tNewland\t\t\tNewcap\t2011-01-01\t\n",
            "together",
        ),
        (
            "countries",
            DATED_HEADER,
            "NEW\tcountry\tNewland\t\t\tNewcap\t2011-01-01\tXYZ\n",
            "unknown",
        ),
        ("groups", GROUP_HEADER, "kur\tethnic\tCVL\t\tKurds\t\n", "bad group code"),
        ("groups", GROUP_HEADER, "KUR\tclan\tCVL\t\tKurds\t\n", "bad group kind"),
        ("groups", GROUP_HEADER, "KUR\tethnic\tBOSS\t\tKurds\t\n", "actor type"),
        ("groups", GROUP_HEADER, "UIG\tethnic\tCVL\tXXX\tUighurs\t\n", "unknown country"),
        ("groups", GROUP_HEADER, "KUR\tethnic\tCVL\t\t\t\n", "without names"),
    ],
)
def test_bad_row_names_file_and_line(
    tmp_path: Path, loader: str, header: str, row: str, message: str
) -> None:
    with pytest.raises(DictionaryError, match=message) as info:
        load_one(loader, header, row, tmp_path)
    assert info.value.line == 3
    assert "file.tsv:3" in str(info.value)


def test_agent_religion_column_sets_the_group_code(tmp_path: Path) -> None:
    header = "sector\trole\tnames\tnote\treligion\n"
    dictionary = load_one("agents", header, "ELI\tname_title\tImam\t\tMOS\n", tmp_path)
    [entry] = dictionary.entries
    assert (entry.sector, entry.role, entry.group) == ("ELI", "name_title", "MOS")


def test_agent_religion_column_rejects_a_bad_code(tmp_path: Path) -> None:
    header = "sector\trole\tnames\tnote\treligion\n"
    with pytest.raises(DictionaryError, match="bad religion code") as info:
        load_one("agents", header, "ELI\tname_title\tImam\t\tmuslim\n", tmp_path)
    assert info.value.line == 3


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("Afganistan", "AFG"), ("Phillipines", "PHL"), ("Kazakstan", "KAZ"), ("Kyrgystan", "KGZ")],
)
def test_packaged_misspellings_are_aliases(
    packaged: ActorDictionary, phrase: str, code: str
) -> None:
    assert any(
        e.phrase == phrase and e.code == code and e.kind == "country" for e in packaged.entries
    )


def test_columbia_is_not_a_form_of_colombia(packaged: ActorDictionary) -> None:
    assert not any(e.phrase.lower() == "columbia" for e in packaged.entries)


def test_duplicate_phrase_across_lines_names_both(tmp_path: Path) -> None:
    body = "MIL\tspecific\tnavy\t\nMIL\tspecific\tNavy\t\n"
    with pytest.raises(DictionaryError, match="already defined on line 3") as info:
        load_one("agents", AGENT_HEADER, body, tmp_path)
    assert info.value.line == 4


def test_question_mark_marks_an_ambiguous_form(tmp_path: Path) -> None:
    body = "JOR\tcountry\tJordan\t?Jordan\tJordanian\tAmman\n"
    entries = load_one("countries", COUNTRY_HEADER, body, tmp_path).entries
    assert [(e.phrase, e.ambiguous) for e in entries if e.kind == "country"] == [("Jordan", True)]


def test_all_capital_forms_match_case_exactly(tmp_path: Path) -> None:
    body = "USA\tcountry\tUnited States\tUS|the States\t\t\n"
    entries = load_one("countries", COUNTRY_HEADER, body, tmp_path).entries
    assert {e.phrase: e.exact_case for e in entries} == {
        "United States": False,
        "US": True,
        "the States": False,
    }


def test_user_directory_adds_rows(tmp_path: Path) -> None:
    (tmp_path / ORGANIZATIONS_FILE).write_text(
        ORG_HEADER + "JPNGOV\tJPN\tGOV\tseat\tNagatacho\t\n", encoding="utf-8"
    )
    dictionary = load_actor_dictionary(tmp_path)
    added = [e for e in dictionary.entries if e.phrase == "Nagatacho"]
    assert len(added) == 1 and added[0].source == f"{ORGANIZATIONS_FILE}:2"


def test_missing_user_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_actor_dictionary(tmp_path / "nope")


def test_file_names_are_stable() -> None:
    assert (COUNTRIES_FILE, AGENTS_FILE, NON_ACTORS_FILE) == (
        "countries.tsv",
        "agents.tsv",
        "non_actors.tsv",
    )


def test_dated_capitals_carry_their_earlier_state(tmp_path: Path) -> None:
    body = "NEW\tcountry\tNewland\t\tNewlander\tNewcap\t2011-07-09\tJPN\n"
    entries = load_one("countries", DATED_HEADER, body, tmp_path).entries
    dated = {e.phrase: (e.valid_from, e.before) for e in entries}
    assert dated["Newcap"] == (dt.date(2011, 7, 9), "JPN")
    assert dated["Newland"] == (None, None)  # the country's own names are not dated


def test_group_rows_give_code_sector_and_home(tmp_path: Path) -> None:
    body = "UIG\tethnic\tCVL\tJPN\tUighurs|Uighur\t\n"
    entries = load_one("groups", GROUP_HEADER, body, tmp_path).entries
    assert {(e.phrase, e.kind, e.group, e.sector, e.country) for e in entries} == {
        ("Uighurs", "group", "UIG", "CVL", "JPN"),
        ("Uighur", "group", "UIG", "CVL", "JPN"),
    }


def test_packaged_groups_use_codebook_codes(
    packaged: ActorDictionary, shared_file: Callable[[str], Path]
) -> None:
    religions = shared_file("codebooks/cameo_religions.tsv")
    ethnic = shared_file("codebooks/cameo_ethnic_groups.tsv")
    known = set()
    for path in (religions, ethnic):
        with path.open(encoding="utf-8") as handle:
            known |= {r["code"].upper() for r in csv.DictReader(handle, delimiter="\t")}
    used = {e.group for e in packaged.entries if e.kind == "group"}
    assert used and used <= known
