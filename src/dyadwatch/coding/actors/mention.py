"""An actor mentioned in a Doc: the type shared by the recognizer and its country rules."""

from __future__ import annotations

from dataclasses import dataclass

from dyadwatch.model import Actor


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor mentioned in a Doc: token span, syntactic head, coded actor, provenance."""

    start: int  # token index in the spaCy Doc (inclusive)
    end: int  # token index (exclusive)
    head: int  # token index of the mention's syntactic head
    actor: Actor  # resolved for the date passed to find()
    rule: str  # the dictionary entries that fired, e.g. "countries.tsv:57 Japanese"
    # extra facts: "context" (country taken from the document), "placed" (from a country in
    # its phrase: "rebels in Iraq"), "sentence" (the sentence's only country), "group" (a
    # group's home country), "coordinated" ("French and Egyptian warships"), "former" (ELI),
    # "flagged" ("Chinese-flagged"), "hyphen_pair" ("Japan-US"), "surname"
    flags: frozenset[str] = frozenset()
