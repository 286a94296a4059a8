"""Actor names for people: ``CHN`` shown as "CHN China", and "china" read as ``CHN``.

Every interface shows actors and takes actor filters through this one index, built from the
actor dictionaries (countries with their aliases, demonyms and capitals; organizations; groups)
and the CAMEO actor types (sectors). :func:`resolve_actor` turns what a person types into a
code, or raises a :class:`~dyadwatch.errors.ConfigError` that suggests the nearest names, so an
unknown actor is an error rather than a silently empty result.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from dyadwatch.dictionaries.actors import SECTOR_CODES, ActorDictionary, load_actor_dictionary
from dyadwatch.errors import ConfigError, DictionaryError
from dyadwatch.settings import load_settings

# CAMEO actor types (sectors), as a reader says them: "CHNMIL" is "China military"
SECTOR_NAMES: dict[str, str] = {
    "COP": "police", "GOV": "government", "INS": "insurgents", "JUD": "judiciary",
    "MIL": "military", "OPP": "opposition", "REB": "rebels", "SEP": "separatists",
    "SPY": "intelligence", "UAF": "armed forces (unaligned)", "AGR": "agriculture",
    "BUS": "business", "CRM": "criminals", "CVL": "civilians", "DEV": "development",
    "EDU": "education", "ELI": "elites", "ENV": "environment", "HLH": "health",
    "HRI": "human rights", "LAB": "labour", "LEG": "legislature", "MED": "media",
    "REF": "refugees", "MOD": "moderates", "RAD": "radicals", "AMN": "Amnesty International",
    "IRC": "Red Cross", "GRP": "group", "UNO": "United Nations", "PKO": "peacekeepers",
    "UIS": "unidentified state actor", "IGO": "intergovernmental organization",
    "IMG": "international militarized group", "INT": "international", "MNC": "multinational",
    "NGM": "non-governmental movement", "NGO": "non-governmental organization",
    "SET": "settlers", "PTY": "political party",
}  # fmt: skip
assert set(SECTOR_NAMES) == SECTOR_CODES  # one name per sector code

# which name wins when two entries share a phrase: the country over its demonym or capital
_KIND_RANK = {"country": 0, "organization": 1, "group": 2, "adjective": 3, "capital": 4}
_CODE_SHAPE = re.compile(r"^[A-Z0-9]{1,30}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ActorNames:
    """Names of actor codes and codes of actor names, from one actor dictionary."""

    names: dict[str, str]  # code -> canonical name (countries, organizations, groups)
    by_phrase: dict[str, str]  # lower-cased name, alias, demonym or capital -> code
    roots: frozenset[str]  # what a code may start with: country/group/sector codes, org codes
    countries: frozenset[str] = frozenset()

    def name(self, code: str | None) -> str:
        """A reader's name for ``code``: "China", "China military", "" when nothing is known."""
        if not code:
            return ""
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        if (
            len(parts) > 1
            and parts[0] in self.countries
            and all(p in SECTOR_NAMES for p in parts[1:])
        ):
            # a country and its sectors read as such ("China military"), even where an
            # organization row gives the code a proper name (CHNMIL: the People's Liberation Army)
            return " ".join([self.names[parts[0]], *(SECTOR_NAMES[p] for p in parts[1:])])
        if code in self.names:
            return self.names[code]
        # the longest named prefix (IGOUNO of IGOUNOPKO), else a three-letter code whose
        # sector reading comes first (NGO is "non-governmental organization")
        head = next(
            (code[:n] for n in range(len(code) - 3, 3, -3) if code[:n] in self.names), code[:3]
        )
        words = [
            self.names[head]
            if len(head) > 3
            else SECTOR_NAMES.get(head) or self.names.get(head, "")
        ]
        rest = code[len(head) :]
        for i in range(0, len(rest), 3):
            part = rest[i : i + 3]
            words.append(SECTOR_NAMES.get(part) or self.names.get(part) or part)
        return " ".join(w for w in words if w)

    def label(self, code: str | None) -> str:
        """``CHN China``: the code, then its name (just the code when the name is unknown)."""
        if not code:
            return ""
        name = self.name(code)
        return f"{code} {name}" if name else code

    def is_code(self, code: str) -> bool:
        """A code this dictionary can produce, or a prefix of one: a known code (``CHN``,
        ``IGOUNO``) or its prefix (``IGO``), followed by whole three-letter sector, group or
        country codes (``CHNMIL``, ``CHNGOVMIL``)."""
        if not _CODE_SHAPE.match(code):
            return False
        if any(root.startswith(code) for root in self.roots):
            return True
        heads = [r for r in self.roots if code.startswith(r)]
        for head in sorted(heads, key=len, reverse=True):
            rest = code[len(head) :]
            chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
            if all(c in self.roots for c in chunks):
                return True
        return False

    def resolve(self, text: str) -> str:
        """The code for a code, name, alias, demonym or capital (any case); otherwise a
        ConfigError naming the closest known names."""
        raw = _SPACES.sub(" ", str(text).strip())
        if not raw:
            raise ConfigError("an empty actor matches nothing")
        upper = raw.upper()
        if upper in self.names:
            return upper
        found = self.by_phrase.get(raw.lower())
        if found is not None:
            return found
        if self.is_code(upper):
            return upper
        raise ConfigError(f"unknown actor {raw!r}{self._suggestions(raw)}")

    def _suggestions(self, raw: str) -> str:
        low = raw.lower()
        phrases = difflib.get_close_matches(low, self.by_phrase, n=8, cutoff=0.6)
        codes = difflib.get_close_matches(raw.upper(), self.names, n=3, cutoff=0.6)
        seen: list[str] = []
        for code in [self.by_phrase[p] for p in phrases] + codes:
            if code not in seen:
                seen.append(code)
        if not seen:
            return "; give a code such as CHN or a name such as China"
        return "; did you mean " + ", ".join(self.label(c) for c in seen[:5]) + "?"


def build_actor_names(dictionary: ActorDictionary) -> ActorNames:
    names: dict[str, str] = dict(dictionary.country_names)
    ranked: dict[str, tuple[int, str]] = {}
    for entry in dictionary.entries:
        code = entry.code or (entry.group if entry.kind == "group" else None)
        rank = _KIND_RANK.get(entry.kind)
        if code is None or rank is None:
            continue
        if entry.kind in ("organization", "group") and code not in names:
            names[code] = entry.name or entry.phrase
        key = _SPACES.sub(" ", entry.phrase.lower())
        rank += 10 if entry.ambiguous else 0
        if key not in ranked or rank < ranked[key][0]:
            ranked[key] = (rank, code)
    by_phrase = {phrase: code for phrase, (_, code) in ranked.items()}
    roots = frozenset(names) | SECTOR_CODES
    return ActorNames(names, by_phrase, roots, frozenset(dictionary.country_names))


@lru_cache(maxsize=4)
def actor_names(dictionary_dir: str | None = None) -> ActorNames:
    """The index for the packaged dictionaries (plus a user directory), built once."""
    from pathlib import Path

    return build_actor_names(
        load_actor_dictionary(Path(dictionary_dir) if dictionary_dir else None)
    )


def default_actor_names() -> ActorNames:
    """The index for the dictionaries the settings name (``dictionary_dir`` from
    ``DYADWATCH_CONFIG`` or ``DYADWATCH_DICTIONARY_DIR``): actors a user dictionary adds are
    known by name too. Unusable settings fall back to the packaged dictionaries, so a filter
    never fails on them (the coder reports them)."""
    try:
        return actor_names(load_settings().dictionary_dir)
    except (ConfigError, DictionaryError):
        return actor_names(None)


def resolve_actor(text: str) -> str:
    """The code for what a person typed (see :meth:`ActorNames.resolve`)."""
    return default_actor_names().resolve(text)


def actor_label(code: str | None) -> str:
    """``CHN China`` (see :meth:`ActorNames.label`)."""
    return default_actor_names().label(code)
