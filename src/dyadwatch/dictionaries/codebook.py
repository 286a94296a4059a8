"""The CAMEO codebook: name, root, Goldstein score, quad class and PLOVER mapping of each code."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyadwatch.dictionaries.tsv import packaged_path, read_tsv
from dyadwatch.errors import DictionaryError

_CODE = re.compile(r"^\d{2,4}$")
_COLUMNS = (
    "code",
    "name",
    "root_code",
    "goldstein",
    "quad_class",
    "plover_event_type",
    "plover_mode",
)


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    name: str
    root_code: str
    goldstein: float
    quad_class: int
    plover_event_type: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...] = ()


class Codebook:
    """Lookup of CAMEO codes; a code missing a PLOVER mapping inherits its parent's."""

    def __init__(self, entries: dict[str, CodeEntry]) -> None:
        self._entries = entries

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def codes(self) -> list[str]:
        return sorted(self._entries)

    def get(self, code: str) -> CodeEntry:
        try:
            return self._entries[code]
        except KeyError:
            raise DictionaryError(f"unknown CAMEO code {code!r}") from None

    def _mapped(self, code: str, has: Callable[[CodeEntry], object]) -> CodeEntry | None:
        """The code's entry, or its nearest parent's, for which ``has`` is true."""
        probe = code
        while probe:
            entry = self._entries.get(probe)
            if entry is not None and has(entry):
                return entry
            probe = probe[:-1] if len(probe) > 2 else ""
        return None

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """PLOVER (event_type, mode) of a code, walking up to the parent codes when unmapped."""
        entry = self._mapped(code, lambda e: e.plover_event_type)
        return (entry.plover_event_type, entry.plover_mode) if entry else (None, None)

    def contexts(self, code: str) -> tuple[str, ...]:
        """PLOVER contexts of a code, inherited from its parent when it has none."""
        entry = self._mapped(code, lambda e: e.plover_contexts)
        return entry.plover_contexts if entry else ()

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        path = path or packaged_path("cameo_codes.tsv")
        entries: dict[str, CodeEntry] = {}
        for line, row in read_tsv(path, _COLUMNS):
            code = row["code"]
            if not _CODE.match(code) or not code.startswith(row["root_code"]):
                raise DictionaryError(f"bad CAMEO code {code!r}", str(path), line)
            try:
                entries[code] = CodeEntry(
                    code=code,
                    name=row["name"],
                    root_code=row["root_code"],
                    goldstein=float(row["goldstein"]),
                    quad_class=int(row["quad_class"]),
                    plover_event_type=row["plover_event_type"] or None,
                    plover_mode=row["plover_mode"] or None,
                    plover_contexts=tuple(
                        c for c in row.get("plover_contexts", "").split("|") if c
                    ),
                )
            except ValueError as exc:
                raise DictionaryError(f"bad number: {exc}", str(path), line) from exc
        return cls(entries)


@cache
def default_codebook() -> Codebook:
    return Codebook.load()
