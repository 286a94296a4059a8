"""The implied-agent dictionary (``dictionaries/data/implied_agents.tsv``).

Who does a legal or state act a sentence tells without its doer: "was arrested" is the police's
act, "was convicted" the courts', "was impeached" the legislature's. A row names a verb lemma
(with an optional preposition and its objects: "released from jail") or a CAMEO code class (any
verb coded so), the sector of the doer, and optionally the code the act takes instead of the
verb dictionary's. The file is checked when it is loaded; every error names the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyadwatch.dictionaries.tsv import packaged_path, read_tsv
from dyadwatch.errors import DictionaryError

AGENT_FILE = "implied_agents.tsv"
AGENTS: frozenset[str] = frozenset({"COP", "JUD", "LEG", "GOV"})
_LEMMA = re.compile(r"^[a-z][a-z_-]*$")
_CODE = re.compile(r"^\d{2,4}$")
KEEP_CODE = "-"
OBJECT = "object"  # the prep column's name for the verb's direct object
# the prep column's name for an infinitive the passive's subject is to carry out ("residents
# were asked to leave"), with the objects the infinitive's lemmas or ANY
INFINITIVE = "infinitive"
ANY = "any"
VOICES = frozenset({"", "passive", "active"})


@dataclass(frozen=True, slots=True)
class ImpliedAgent:
    """The doer a verb implies: its sector, the code to use instead (None: keep the verb's),
    and the preposition and objects the verb must have (empty: none needed)."""

    agent: str
    code: str | None = None
    prep: str = ""
    objects: frozenset[str] = frozenset()
    active: bool = False  # the verb's subject undergoes the act ("received a prison term")


@dataclass(frozen=True, slots=True)
class ImpliedAgents:
    """Rows keyed by verb lemma (several per lemma when preps differ) and by code class."""

    by_verb: Mapping[str, tuple[ImpliedAgent, ...]]
    by_code: Mapping[str, ImpliedAgent]

    def for_verb(self, lemma: str, code: str, preps: Mapping[str, set[str]]) -> ImpliedAgent | None:
        """The row for a verb of ``lemma`` coded ``code`` whose prepositions (and ``object``,
        its direct object) and their object lemmas are ``preps``: its own lemma row, else the
        longest code class it falls in."""
        for row in self.by_verb.get(lemma, ()):
            if not row.prep or preps.get(row.prep, set()) & row.objects:
                return row
        if lemma in self.by_verb:
            return None  # a lemma row whose preposition is missing: not this verb's sense
        for length in range(len(code), 1, -1):
            found = self.by_code.get(code[:length])
            if found is not None:
                return found
        return None


def load_implied_agents(path: Path) -> ImpliedAgents:
    """Read and check an implied-agent file (see the header of the packaged one)."""
    by_verb: dict[str, list[ImpliedAgent]] = {}
    by_code: dict[str, ImpliedAgent] = {}
    where = str(path)
    for line, row in read_tsv(path, required=("verb", "prep", "objects", "agent", "code")):
        verb, prep, objects, agent, code = (
            row["verb"], row["prep"], row["objects"], row["agent"], row["code"]
        )  # fmt: skip
        voice = row.get("voice", "")
        if voice not in VOICES:
            raise DictionaryError(f"unknown voice {voice!r} (active or passive)", where, line)
        if voice == "active" and prep != OBJECT:
            raise DictionaryError("an active row names the object undergone", where, line)
        if agent not in AGENTS:
            raise DictionaryError(f"unknown agent {agent!r} (use {sorted(AGENTS)})", where, line)
        if code != KEEP_CODE and not _CODE.match(code):
            raise DictionaryError(f"code {code!r} must be a CAMEO code or '-'", where, line)
        if bool(prep) != bool(objects):
            raise DictionaryError("prep and objects go together", where, line)
        words = objects.split("|") if objects else []
        if (prep and not _LEMMA.match(prep)) or any(not _LEMMA.match(w) for w in words):
            raise DictionaryError("prep and objects must be lower-case lemmas", where, line)
        entry = ImpliedAgent(
            agent, None if code == KEEP_CODE else code, prep, frozenset(words), voice == "active"
        )
        if _CODE.match(verb):
            if prep:
                raise DictionaryError("a code row takes no prep", where, line)
            if verb in by_code:
                raise DictionaryError(f"duplicate code row {verb!r}", where, line)
            by_code[verb] = entry
        elif _LEMMA.match(verb):
            bucket = by_verb.setdefault(verb, [])
            if any(r.prep == prep and (r.objects & entry.objects or not prep) for r in bucket):
                raise DictionaryError(f"duplicate verb row {verb!r} {prep!r}", where, line)
            bucket.append(entry)
        else:
            raise DictionaryError(f"verb {verb!r} must be a lemma or a CAMEO code", where, line)
    return ImpliedAgents({k: tuple(v) for k, v in by_verb.items()}, by_code)


@cache
def default_implied_agents() -> ImpliedAgents:
    """The packaged implied-agent dictionary, loaded once per process."""
    return load_implied_agents(packaged_path(AGENT_FILE))
