"""The modality/attribution cue dictionary (``dictionaries/data/modality_cues.tsv``).

Each row says which word marks which effect on which dependent: ``deny  verb  xcomp  negated``
makes the event in the xcomp of "deny" negated; ``say  verb  ccomp  report`` makes the ccomp
of "say" reported speech. The file is checked when it is loaded; every error names the file
and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from dyadwatch.dictionaries.tsv import packaged_path, read_tsv
from dyadwatch.errors import DictionaryError

CUE_FILE = "modality_cues.tsv"
Kind = Literal["verb", "noun", "adj", "aux", "neg", "mark", "prep", "amod", "source_noun", "hedge"]
Effect = Literal["negated", "hypothetical", "future", "report", "source", "allege"]
When = Literal["", "passive", "progressive", "conditional", "present"]

KINDS: frozenset[str] = frozenset(
    {"verb", "noun", "adj", "aux", "neg", "mark", "prep", "amod", "source_noun", "hedge"}
)
EFFECTS: frozenset[str] = frozenset(
    {"negated", "hypothetical", "future", "report", "source", "allege"}
)
WHENS: frozenset[str] = frozenset({"", "passive", "progressive", "conditional", "present"})
_PREDICATE_SLOT = re.compile(r"^(?:xcomp|ccomp|advcl|acl|dobj|nsubjpass|(?:pcomp|pobj):[a-z]+)$")
_PREP_SLOT = re.compile(r"^(?:pcomp|pobj)(?::[a-z]+)?$")
_SLOTS_BY_KIND: dict[str, re.Pattern[str]] = {
    "verb": _PREDICATE_SLOT,
    "noun": _PREDICATE_SLOT,
    "adj": _PREDICATE_SLOT,
    "prep": _PREP_SLOT,
    "neg": re.compile(r"^(?:adverb|det|pronoun)$"),
}
_CUE = re.compile(r"^[a-zé'-]+$")


@dataclass(frozen=True, slots=True)
class CueRule:
    effect: Effect
    when: When


@dataclass(frozen=True, slots=True)
class CueBook:
    """Cue rules keyed by (kind, cue, slot)."""

    rules: Mapping[tuple[str, str, str], tuple[CueRule, ...]]

    def effects(
        self,
        kind: str,
        cue: str,
        slot: str = "-",
        *,
        passive: bool = False,
        progressive: bool = False,
        past: bool = False,
    ) -> frozenset[Effect]:
        """Effects of ``cue`` on its ``slot``; rules with a condition apply only when it holds."""
        out: set[Effect] = set()
        for rule in self.rules.get((kind, cue, slot), ()):
            if rule.when == "passive" and not passive:
                continue
            if rule.when == "progressive" and not progressive:
                continue
            if rule.when == "present" and past:
                continue
            out.add(rule.effect)
        return frozenset(out)

    def is_conditional_mark(self, word: str) -> bool:
        return any(r.when == "conditional" for r in self.rules.get(("mark", word, "-"), ()))

    def has(self, kind: str, cue: str, slot: str = "-") -> bool:
        return (kind, cue, slot) in self.rules


def load_cues(path: Path) -> CueBook:
    """Read and check a cue file (see the header of the packaged one for the format)."""
    rules: dict[tuple[str, str, str], list[CueRule]] = {}
    where = str(path)
    for line, row in read_tsv(path, required=("cue", "kind", "slot", "effect")):
        cue, kind, slot, effect = row["cue"], row["kind"], row["slot"], row["effect"]
        when = row.get("when", "")
        if not _CUE.match(cue):
            raise DictionaryError(f"cue {cue!r} must be one lower-case word", where, line)
        if kind not in KINDS:
            raise DictionaryError(f"unknown kind {kind!r} (use {sorted(KINDS)})", where, line)
        if effect not in EFFECTS:
            raise DictionaryError(f"unknown effect {effect!r} (use {sorted(EFFECTS)})", where, line)
        if when not in WHENS:
            raise DictionaryError(f"unknown condition {when!r} (use {sorted(WHENS)})", where, line)
        slot_rule = _SLOTS_BY_KIND.get(kind)
        if slot_rule is None and slot != "-":
            raise DictionaryError(f"kind {kind!r} takes slot '-', not {slot!r}", where, line)
        if slot_rule is not None and not slot_rule.match(slot):
            raise DictionaryError(f"slot {slot!r} is not valid for kind {kind!r}", where, line)
        if (effect == "source") != (kind == "source_noun"):
            raise DictionaryError("effect 'source' goes with kind 'source_noun' only", where, line)
        if when == "conditional" and kind != "mark":
            raise DictionaryError("condition 'conditional' is for kind 'mark' only", where, line)
        if when in ("passive", "progressive") and kind != "verb":
            raise DictionaryError(f"condition {when!r} is for kind 'verb' only", where, line)
        if when == "present" and kind != "adj":
            raise DictionaryError("condition 'present' is for kind 'adj' only", where, line)
        bucket = rules.setdefault((kind, cue, slot), [])
        if any(r.effect == effect for r in bucket):
            raise DictionaryError(f"duplicate cue {cue!r} {kind} {slot} {effect}", where, line)
        bucket.append(CueRule(effect, when))  # type: ignore[arg-type]
    return CueBook({k: tuple(v) for k, v in rules.items()})


@cache
def default_cues() -> CueBook:
    """The packaged cue dictionary, loaded once per process."""
    return load_cues(packaged_path(CUE_FILE))
