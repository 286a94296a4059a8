"""A yield refused: a plain yielding verb negated ("did not accede to the demands", "has not
complied with the order", "never backed down") tells a refusal to yield (12x), not an act that
did not happen; an instruction ("do not give in") tells none. A future or conditional one is
left to the future and modality rules ("will not comply" is a rejection already, "if X does not
comply" is hypothetical)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dyadwatch.coding.clauses import is_negated
from dyadwatch.coding.events.complements import is_future

# the yielding verbs with no act of their own (accede to, comply with, give in, back down,
# accept/meet demands): a specific yield (a resignation, a release) left undone is no refusal
YIELD_CODE = "080"
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
REFUSED = "refused"  # Act.recoded: the negation is the refusal, so the event is asserted


def refused_yield(
    code: str, frame: str | None, verb: Token, family: Callable[[str, str], str | None]
) -> str | None:
    """The code of the refusal a negated plain yield tells (the reject family's); else None."""
    if code != YIELD_CODE or frame is not None or not is_negated(verb):
        return None
    if is_future(verb) or _imperative(verb):
        return None
    return family("reject", code)


def _imperative(verb: Token) -> bool:
    """An instruction with no subject ("Do not yield an inch", also when the parser hangs it
    on the clause before): no refusal by anyone. A conjunct ("agreed to X but did not accede
    to Y") shares its subject and is kept."""
    if verb.dep_ == "conj" or any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    return verb.dep_ in {"ROOT", "ccomp", "parataxis"} or any(
        c.dep_ == "aux" and c.lemma_.lower() == "do" for c in verb.children
    )
