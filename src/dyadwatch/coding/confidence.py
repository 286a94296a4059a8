"""Per-event confidence in [0, 1]: how directly the coder found each part of an event.

A product of factors, one per way an event can be weaker than "a dictionary actor is the
subject of a specific pattern whose object is a dictionary actor" (docs/event-schema.md):

- source: found as the clause's own subject, agent, possessor or pair (1.0), or through a
  fallback (a pronoun resolved to the speaker, the subject of a governing verb, a misparse
  repair: 0.8); an actor whose country came from the sentence or the document: 0.85.
- target: the verb's own object, dative or preposition (1.0); inferred from a frame's
  complement, what was said, the object's country or coordinated subjects (0.85); the place
  an act happened in or the source's own country by default (0.7); the same 0.85 for a
  target actor whose country came from context. No target: 1.0 (nothing was guessed).
- pattern: a pattern with an object or particle (1.0), a bare lemma (0.9); a code reached
  through a frame chain or a future recoding (0.9 each).
- parse agreement: a verb entry on a token the tagger did not call a verb (0.85).

Pure: used by ``coder.py`` when it builds the record.
"""

from __future__ import annotations

from spacy.tokens import Token

DIRECT_SOURCE_RULES = frozenset({"nsubj", "nsubjpass", "agent", "poss", "pair", "between", "by"})
DIRECT_TARGET_RULES = frozenset({"object", "dative", "prep", "pair", "between", "object-by"})
WEAK_TARGET_RULES = frozenset({"location", "domestic", "place"})
CONTEXT_MARKERS = ("country from context", "country from the sentence", "from the document")
VERB_TAGS = frozenset({"VERB", "AUX"})

FALLBACK_SOURCE = 0.8
CONTEXT_COUNTRY = 0.85
INFERRED_TARGET = 0.85
DEFAULT_TARGET = 0.7
BARE_PATTERN = 0.9
THROUGH_FRAME = 0.9
TAG_DISAGREES = 0.85


def _rule_head(rule: str) -> str:
    """``"object-prep:on: agents.tsv:28 troops"`` -> ``"object-prep"``."""
    return rule.split(":", 1)[0].strip()


def _from_context(rule: str) -> bool:
    return any(marker in rule for marker in CONTEXT_MARKERS)


def event_confidence(rule: dict[str, str], predicate: Token, has_target: bool) -> float:
    """Confidence of one event from its provenance (``Event.rule``) and its predicate token."""
    score = 1.0
    source = rule.get("source", "")
    if _rule_head(source) not in DIRECT_SOURCE_RULES:
        score *= FALLBACK_SOURCE
    if _from_context(source):
        score *= CONTEXT_COUNTRY
    target = rule.get("target", "")
    if has_target and target:
        head = _rule_head(target)
        if head in WEAK_TARGET_RULES:
            score *= DEFAULT_TARGET
        elif head not in DIRECT_TARGET_RULES:
            score *= INFERRED_TARGET
        if _from_context(target):
            score *= CONTEXT_COUNTRY
    pattern = rule.get("verb", "").split(":", 1)[-1]
    if "+" not in pattern and " " not in pattern.strip():
        score *= BARE_PATTERN  # a bare lemma: no object or particle constrained it
    if " > " in rule.get("chain", "") or rule.get("recoded"):
        score *= THROUGH_FRAME
    if not pattern.startswith("@") and predicate.pos_ not in VERB_TAGS:
        score *= TAG_DISAGREES
    return round(max(0.0, min(1.0, score)), 3)
