"""Named people with dated roles (people.tsv): loader, validator and role lookup by date.

Format (tab-separated, ``#`` comments, header row), one row per tenure::

    person_id  name  aliases  country  role  sector  start  end

A person may have several rows; their name and aliases must agree. A tenure covers
``start <= day < end`` (``end`` is normally the successor's first day); ``end`` empty means
the person still holds the post. Two people may share a name (homonyms); the recognizer then
prefers the one in office on the date. Errors name the file and line. See docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.dictionaries.actors import SECTOR_CODES, split_forms
from dyadwatch.dictionaries.tsv import read_tsv
from dyadwatch.errors import DictionaryError
from dyadwatch.model import Actor

# Most senior first: when several posts are held on one day, the first listed wins.
ROLES: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "other",
)
COLUMNS = ("person_id", "name", "aliases", "country", "role", "sector", "start", "end")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
# East Asian names are written family name first ("Xi Jinping" -> "Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR"})
# Burmese, Indonesian, Thai, Malay and Ethiopian names have no family name in the Western
# sense (news uses the given name or the full name): a person is matched by the full name only.
NO_SURNAME = frozenset({"MMR", "IDN", "THA", "MYS", "ETH"})
# English given names that East Asian officials use in English ("Joseph Wu" -> "Wu").
_WESTERN_GIVEN_NAMES = frozenset(
    {
        "andrew", "antonio", "charles", "daniel", "david", "edward", "eugene", "francisco",
        "frank", "george", "henry", "james", "jason", "john", "joseph", "kenneth", "mark",
        "michael", "paul", "peter", "richard", "robert", "sean", "simon", "stephen", "steven",
        "thomas", "timothy", "vincent", "wellington", "william",
    }
)  # fmt: skip
_ROYAL_TITLES = frozenset(
    {"King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Sheikh", "Pope"}
)
_SUFFIXES = frozenset({"I", "II", "III", "IV", "V", "Jr", "Sr"})


@dataclass(frozen=True, slots=True)
class Role:
    """One tenure: a post held in a country between two dates (end None = incumbent)."""

    role: str
    country: str
    sector: str
    start: dt.date
    end: dt.date | None
    line: int = 0

    def covers(self, when: dt.date) -> bool:
        """start <= when < end: ``end`` is the successor's first day."""
        return self.start <= when and (self.end is None or when < self.end)

    @property
    def seniority(self) -> int:
        return ROLES.index(self.role)


@dataclass(frozen=True, slots=True)
class Person:
    """A named person and every tenure the dictionary knows."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]  # sorted by start date

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def country(self) -> str:
        """Country of the latest tenure."""
        return self.latest_role().country

    @property
    def surname(self) -> str | None:
        """The form used alone after the full name ("Kishi", "Xi"), or None when the name
        has none (Burmese names, monarchs: "King Charles III")."""
        parts = [p for p in self.name.split() if p.rstrip(".") not in _SUFFIXES]
        if not parts or len(parts) == 1 or parts[0] in _ROYAL_TITLES:
            return None
        country = self.latest_role().country
        if country in NO_SURNAME:
            return None
        if country in FAMILY_NAME_FIRST and parts[0].lower() not in _WESTERN_GIVEN_NAMES:
            return parts[0]
        return parts[-1]

    @property
    def surname_spellings(self) -> tuple[str, ...]:
        """The surname and its other spellings in the aliases ("Zelensky" and "Zelenskiy" for
        "Zelenskyy"): an alias's last word that opens like the surname (its first four
        letters), so that "President Zelensky" after no full name is still him."""
        surname = self.surname
        if surname is None:
            return ()
        if surname != self.name.split()[-1]:
            return (surname,)  # a family name first ("Xi Jinping"): no spelling variants
        forms = [surname]
        for alias in self.aliases:
            words = alias.split()
            last = words[-1] if len(words) > 1 else ""
            if last[:4].lower() == surname[:4].lower() and last.lower() not in map(
                str.lower, forms
            ):
                forms.append(last)
        return tuple(forms)

    def latest_role(self) -> Role:
        latest_start = max(r.start for r in self.roles)
        current = [r for r in self.roles if r.start == latest_start]
        return min(current, key=lambda r: r.seniority)

    def role_on(self, when: dt.date | None) -> Role | None:
        """The post held on ``when`` (the most senior if several); latest when ``when`` is None."""
        if when is None:
            return self.latest_role()
        held = [r for r in self.roles if r.covers(when)]
        if not held:
            return None
        return min(held, key=lambda r: (r.seniority, -r.start.toordinal()))

    def actor_on(self, when: dt.date | None, name: str | None = None) -> Actor:
        """The actor this person is on ``when``.

        Outside every tenure: after the person has held office they are a former official
        (ELI, country of the last tenure before the date); before their first tenure only the
        country is known (sector None), because the post they held before is not recorded.
        """
        role = self.role_on(when)
        label = name or self.name
        if role is not None:
            return Actor(role.country + role.sector, label, role.country, role.sector, self.id)
        assert when is not None  # role_on(None) always finds the latest tenure
        earlier = [r for r in self.roles if r.end is not None and r.end <= when]
        if earlier:
            last = max(earlier, key=lambda r: r.end or r.start)
            return Actor(last.country + "ELI", label, last.country, "ELI", self.id)
        first = self.roles[0]
        return Actor(first.country, label, first.country, None, self.id)


def _date(value: str, column: str, path: Path, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DictionaryError(
            f"{column} {value!r} is not a YYYY-MM-DD date", str(path), line
        ) from None


def _rows(
    path: Path, countries: Collection[str] | None
) -> Iterator[tuple[int, str, str, tuple[str, ...], Role]]:
    for line, row in read_tsv(path, COLUMNS):
        pid, name = row["person_id"], row["name"]
        if not _SLUG.match(pid):
            raise DictionaryError(f"person_id {pid!r} is not a slug", str(path), line)
        if not name:
            raise DictionaryError("empty name", str(path), line)
        country, role, sector = row["country"], row["role"], row["sector"]
        if not _COUNTRY.match(country) or (countries is not None and country not in countries):
            raise DictionaryError(f"unknown country code {country!r}", str(path), line)
        if role not in ROLES:
            raise DictionaryError(
                f"role {role!r} is not one of {', '.join(ROLES)}", str(path), line
            )
        if sector not in SECTOR_CODES:
            raise DictionaryError(f"unknown CAMEO sector {sector!r}", str(path), line)
        if not row["start"]:
            raise DictionaryError("start date is required", str(path), line)
        start = _date(row["start"], "start", path, line)
        end = _date(row["end"], "end", path, line) if row["end"] else None
        if end is not None and end <= start:
            raise DictionaryError(f"end {end} is not after start {start}", str(path), line)
        aliases = tuple(split_forms(row["aliases"]))
        yield line, pid, name, aliases, Role(role, country, sector, start, end, line)


def load_people(path: Path, countries: Collection[str] | None = None) -> dict[str, Person]:
    """Read and validate a people.tsv; ``countries`` limits the allowed country codes."""
    names: dict[str, tuple[str, tuple[str, ...], int]] = {}
    roles: dict[str, list[Role]] = {}
    for line, pid, name, aliases, role in _rows(path, countries):
        known = names.get(pid)
        if known is None:
            names[pid] = (name, aliases, line)
        elif known[:2] != (name, aliases):
            raise DictionaryError(
                f"{pid}: name/aliases differ from line {known[2]}", str(path), line
            )
        for other_role in roles.get(pid, []):
            if (other_role.role, other_role.country, other_role.start) == (
                role.role,
                role.country,
                role.start,
            ):
                raise DictionaryError(
                    f"{pid}: same tenure already on line {other_role.line}", str(path), line
                )
        roles.setdefault(pid, []).append(role)
    return {
        pid: Person(pid, name, aliases, tuple(sorted(roles[pid], key=lambda r: r.start)))
        for pid, (name, aliases, _line) in names.items()
    }


def merge_people(*tables: Mapping[str, Person]) -> dict[str, Person]:
    """Later tables replace earlier entries with the same person_id."""
    merged: dict[str, Person] = {}
    for table in tables:
        merged.update(table)
    return merged
