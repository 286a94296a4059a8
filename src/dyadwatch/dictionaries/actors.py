"""Actor dictionaries: countries, organizations, agents and non-actor phrases.

Each TSV row becomes one or more :class:`ActorEntry` (one per name form). Everything is
validated at load time; errors name the file and line. The packaged files live in
``dictionaries/data``; a user directory may hold files with the same names whose rows are
added after the packaged ones (a user row for an existing phrase replaces it).
Formats: docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dyadwatch.dictionaries.tsv import packaged_path, read_tsv
from dyadwatch.errors import DictionaryError

COUNTRIES_FILE = "countries.tsv"
ORGANIZATIONS_FILE = "organizations.tsv"
AGENTS_FILE = "agents.tsv"
NON_ACTORS_FILE = "non_actors.tsv"
GROUPS_FILE = "groups.tsv"
PEOPLE_FILE = "people.tsv"

# CAMEO actor-type codes (codebooks/cameo_actor_types.tsv), usable as sectors.
SECTOR_CODES = frozenset(
    {
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG",
        "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG",
        "INT", "MNC", "NGM", "NGO", "SET", "PTY",
    }
)  # fmt: skip

EntryKind = Literal[
    "country", "adjective", "capital", "organization", "agent", "group", "non_actor"
]

# the sector column of an agent with no sector of its own (agents.tsv)
NO_SECTOR = "-"
_AGENT_ROLES: frozenset[str] = frozenset(
    ("specific", "generic", "attached", "title", "name_title", "former")
)
_NON_ACTOR_KINDS: frozenset[str] = frozenset(
    ("place", "after_modifier", "hyphen_modifier", "hyphen_country_only", "entity_head")
)
_COUNTRY_KINDS: frozenset[str] = frozenset(("country", "region", "historical"))
# leader: a person who leads or founded a group, coded as the group (organizations.tsv)
_ORG_KINDS: frozenset[str] = frozenset(
    ("igo", "ngo", "group", "party", "institution", "seat", "media", "leader")
)
_GROUP_KINDS: frozenset[str] = frozenset(("religion", "ethnic"))
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_ACTOR_CODE = re.compile(r"^[A-Z][A-Z0-9]{2}(?:[A-Z0-9]{3}){0,3}$")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One name form of a dictionary row, ready for the phrase matcher."""

    kind: EntryKind
    phrase: str  # the form as written (without a leading "?")
    source: str  # "countries.tsv:57"
    code: str | None = None  # actor code for countries and organizations
    country: str | None = None
    sector: str | None = None
    role: str = ""  # agent role, organization kind, country kind or non-actor kind
    ambiguous: bool = False  # "?"-marked: kept only when the context allows it
    exact_case: bool = False  # all-capital abbreviations ("US", "UN") match case exactly
    name: str = ""  # canonical name of the country / organization
    # capitals of states founded late ("Juba"): before ``valid_from`` they code as ``before``
    valid_from: dt.date | None = None
    before: str | None = None
    # CAMEO religion/ethnic code of a group word ("Kurds": KUR) or a clergy title (CHR)
    group: str | None = None

    @property
    def rule(self) -> str:
        """Provenance string: file:line and the phrase that fired."""
        return f"{self.source} {self.phrase}"


@dataclass(slots=True)
class ActorDictionary:
    """All actor entries plus the country table (code -> canonical name and kind)."""

    entries: list[ActorEntry] = field(default_factory=list)
    country_names: dict[str, str] = field(default_factory=dict)
    country_kinds: dict[str, str] = field(default_factory=dict)
    people_paths: list[Path] = field(default_factory=list)


def split_forms(value: str) -> list[str]:
    return [f.strip() for f in value.split("|") if f.strip()]


def is_exact_case(phrase: str) -> bool:
    """All-capital abbreviations ("US", "U.N.", "G7") must match case exactly."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in phrase.strip()


class _DuplicateGuard:
    """Rejects a phrase given twice in one file (case-insensitive), naming both lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, int] = {}

    def check(self, phrase: str, line: int) -> None:
        key = " ".join(phrase.lower().split())
        first = self.seen.get(key)
        if first is not None and first != line:
            raise DictionaryError(
                f"{phrase!r} is already defined on line {first}", str(self.path), line
            )
        self.seen[key] = line


def _forms(value: str, path: Path, line: int) -> list[tuple[str, bool]]:
    """Split a |-list into (form, ambiguous) pairs, checking each form."""
    out: list[tuple[str, bool]] = []
    if value.strip() and any(not part.strip() for part in value.split("|")):
        raise DictionaryError("empty name form in a |-list", str(path), line)
    for form in split_forms(value):
        ambiguous = form.startswith("?")
        form = form.lstrip("?").strip()
        if not form or "\t" in form:
            raise DictionaryError("empty name form in a |-list", str(path), line)
        out.append((form, ambiguous))
    return out


def _check_sector(sector: str, path: Path, line: int) -> str | None:
    if not sector:
        return None
    if sector not in SECTOR_CODES:
        raise DictionaryError(f"unknown CAMEO actor type {sector!r}", str(path), line)
    return sector


def load_countries(path: Path, dictionary: ActorDictionary) -> None:
    columns = ("code", "kind", "name", "aliases", "adjectives", "capitals")
    guard = _DuplicateGuard(path)
    rows = list(read_tsv(path, columns))
    for line, row in rows:
        code, kind, name = row["code"], row["kind"], row["name"]
        source = f"{path.name}:{line}"
        if not _COUNTRY_CODE.match(code):
            raise DictionaryError(f"bad country code {code!r}", str(path), line)
        if code in dictionary.country_names and dictionary.country_names[code] != name:
            raise DictionaryError(f"country code {code} is defined twice", str(path), line)
        if kind not in _COUNTRY_KINDS:
            raise DictionaryError(f"bad country kind {kind!r}", str(path), line)
        if not name:
            raise DictionaryError("country without a name", str(path), line)
        dictionary.country_names[code] = name
        dictionary.country_kinds[code] = kind
        # the canonical name is a form too, ambiguous if an alias marks it with "?"
        named: dict[str, tuple[EntryKind, bool]] = {name.lower(): ("country", False)}
        forms: list[tuple[str, EntryKind, bool]] = [(name, "country", False)]
        form_columns: tuple[tuple[str, EntryKind], ...] = (
            ("aliases", "country"),
            ("adjectives", "adjective"),
            ("capitals", "capital"),
        )
        for column, entry_kind in form_columns:
            for form, ambiguous in _forms(row[column], path, line):
                key = form.lower()
                if key in named:
                    if key == name.lower() and ambiguous:
                        forms[0] = (name, "country", True)
                        continue
                    raise DictionaryError(f"{form!r} is given twice", str(path), line)
                named[key] = (entry_kind, ambiguous)
                forms.append((form, entry_kind, ambiguous))
        valid_from, before = _capital_dates(row, path, line)
        for form, entry_kind, ambiguous in forms:
            guard.check(form, line)
            capital = entry_kind == "capital"
            dictionary.entries.append(
                ActorEntry(
                    kind=entry_kind,
                    phrase=form,
                    source=source,
                    code=code,
                    country=code,
                    sector="GOV" if capital else None,
                    role=kind,
                    ambiguous=ambiguous,
                    exact_case=is_exact_case(form),
                    name=name,
                    valid_from=valid_from if capital else None,
                    before=before if capital else None,
                )
            )
    for line, row in rows:  # predecessors may be defined further down the file
        before = row.get("capitals_before", "")
        if before and before not in dictionary.country_names:
            raise DictionaryError(f"unknown country code {before!r}", str(path), line)


def _capital_dates(row: dict[str, str], path: Path, line: int) -> tuple[dt.date | None, str | None]:
    """Optional ``capitals_from`` (ISO date) and ``capitals_before`` (country code) columns:
    before that date the capital codes as the state it belonged to ("Juba" before 2011: SDN)."""
    start, before = row.get("capitals_from", ""), row.get("capitals_before", "")
    if not start and not before:
        return None, None
    if not (start and before):
        raise DictionaryError("capitals_from and capitals_before go together", str(path), line)
    try:
        valid_from = dt.date.fromisoformat(start)
    except ValueError as exc:
        raise DictionaryError(f"bad capitals_from date {start!r}", str(path), line) from exc
    if not _COUNTRY_CODE.match(before):
        raise DictionaryError(f"bad country code {before!r}", str(path), line)
    return valid_from, before


def load_organizations(path: Path, dictionary: ActorDictionary) -> None:
    columns = ("code", "country", "sector", "kind", "names")
    guard = _DuplicateGuard(path)
    # an organization of a state founded late (its capital dated: countries.tsv) belonged
    # before that date to the predecessor ("Tass" of 1987: the Soviet Union's)
    dated = {e.country: (e.valid_from, e.before) for e in dictionary.entries if e.valid_from}
    for line, row in read_tsv(path, columns):
        code, country, kind = row["code"], row["country"] or None, row["kind"]
        source = f"{path.name}:{line}"
        if not _ACTOR_CODE.match(code):
            raise DictionaryError(f"bad actor code {code!r}", str(path), line)
        if country is not None:
            if country not in dictionary.country_names:
                raise DictionaryError(f"unknown country code {country!r}", str(path), line)
            if not code.startswith(country):
                raise DictionaryError(
                    f"code {code} does not start with its country {country}", str(path), line
                )
        sector = _check_sector(row["sector"], path, line)
        if kind not in _ORG_KINDS:
            raise DictionaryError(f"bad organization kind {kind!r}", str(path), line)
        forms = _forms(row["names"], path, line)
        if not forms:
            raise DictionaryError("organization without names", str(path), line)
        for form, ambiguous in forms:
            guard.check(form, line)
            dictionary.entries.append(
                ActorEntry(
                    kind="organization",
                    phrase=form,
                    source=source,
                    code=code,
                    country=country,
                    sector=sector,
                    role=kind,
                    ambiguous=ambiguous,
                    exact_case=is_exact_case(form),
                    name=forms[0][0],
                    valid_from=dated.get(country, (None, None))[0],
                    before=dated.get(country, (None, None))[1],
                )
            )


def load_agents(path: Path, dictionary: ActorDictionary) -> None:
    guard = _DuplicateGuard(path)
    for line, row in read_tsv(path, ("sector", "role", "names")):
        role = row["role"]
        if role not in _AGENT_ROLES:
            raise DictionaryError(f"bad agent role {role!r}", str(path), line)
        # '-': a generic word of no sector ("critics"), coded by its country alone
        sectorless = row["sector"] == NO_SECTOR
        if sectorless and role != "generic":
            raise DictionaryError("only a generic agent may have no sector", str(path), line)
        sector = None if sectorless else _check_sector(row["sector"], path, line)
        if sector is None and not sectorless:
            raise DictionaryError("agent without a sector", str(path), line)
        # optional CAMEO religion code of clergy titles ("Archbishop" -> CHR)
        religion = row.get("religion", "") or None
        if religion is not None and not _COUNTRY_CODE.match(religion):
            raise DictionaryError(f"bad religion code {religion!r}", str(path), line)
        forms = _forms(row["names"], path, line)
        if not forms:
            raise DictionaryError("agent row without names", str(path), line)
        for form, ambiguous in forms:
            guard.check(form, line)
            dictionary.entries.append(
                ActorEntry(
                    kind="agent",
                    phrase=form,
                    source=f"{path.name}:{line}",
                    sector=sector,
                    role=role,
                    ambiguous=ambiguous,
                    exact_case=is_exact_case(form),
                    group=religion,
                )
            )


def load_groups(path: Path, dictionary: ActorDictionary) -> None:
    """Religious and ethnic group words ("Kurds", "Islamists", "Muslim") with the CAMEO
    religion/ethnic code, the sector the bare word carries and an optional home country."""
    guard = _DuplicateGuard(path)
    for line, row in read_tsv(path, ("code", "kind", "sector", "country", "names")):
        code, kind, country = row["code"], row["kind"], row["country"] or None
        if not _COUNTRY_CODE.match(code):
            raise DictionaryError(f"bad group code {code!r}", str(path), line)
        if kind not in _GROUP_KINDS:
            raise DictionaryError(f"bad group kind {kind!r}", str(path), line)
        sector = _check_sector(row["sector"], path, line)
        if country is not None and country not in dictionary.country_names:
            raise DictionaryError(f"unknown country code {country!r}", str(path), line)
        forms = _forms(row["names"], path, line)
        if not forms:
            raise DictionaryError("group row without names", str(path), line)
        for form, ambiguous in forms:
            guard.check(form, line)
            dictionary.entries.append(
                ActorEntry(
                    kind="group",
                    phrase=form,
                    source=f"{path.name}:{line}",
                    country=country,
                    sector=sector,
                    role=kind,
                    ambiguous=ambiguous,
                    exact_case=is_exact_case(form),
                    name=forms[0][0],
                    group=code,
                )
            )


def load_non_actors(path: Path, dictionary: ActorDictionary) -> None:
    guard = _DuplicateGuard(path)
    for line, row in read_tsv(path, ("kind", "phrase")):
        kind = row["kind"]
        if kind not in _NON_ACTOR_KINDS:
            raise DictionaryError(f"bad non-actor kind {kind!r}", str(path), line)
        forms = _forms(row["phrase"], path, line)
        if not forms:
            raise DictionaryError("non-actor row without phrases", str(path), line)
        for form, _ambiguous in forms:
            guard.check(f"{kind} {form}", line)
            dictionary.entries.append(
                ActorEntry(kind="non_actor", phrase=form, source=f"{path.name}:{line}", role=kind)
            )


_LOADERS = (
    (COUNTRIES_FILE, load_countries),
    (ORGANIZATIONS_FILE, load_organizations),
    (AGENTS_FILE, load_agents),
    (NON_ACTORS_FILE, load_non_actors),
    (GROUPS_FILE, load_groups),
)


def _directories(dictionary_dir: Path | None) -> Iterable[tuple[Path, bool]]:
    """(directory, required) pairs: the packaged data, then the optional user directory."""
    yield packaged_path(COUNTRIES_FILE).parent, True
    if dictionary_dir is not None:
        if not dictionary_dir.is_dir():
            raise DictionaryError("dictionary directory not found", str(dictionary_dir))
        yield dictionary_dir, False


def load_actor_dictionary(dictionary_dir: Path | None = None) -> ActorDictionary:
    """Load and validate the packaged actor dictionaries plus an optional user directory."""
    dictionary = ActorDictionary()
    for directory, required in _directories(dictionary_dir):
        for name, loader in _LOADERS:
            path = directory / name
            if path.is_file():
                loader(path, dictionary)
            elif required:
                raise DictionaryError("packaged dictionary missing", str(path))
        people = directory / PEOPLE_FILE
        if people.is_file():
            dictionary.people_paths.append(people)
    return dictionary
