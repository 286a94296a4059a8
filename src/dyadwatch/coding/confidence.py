"""Per-event confidence: how much to trust an event, from how it was found.

One number in [0, 1] per event, the product of five factors read off the event record (its
``rule`` trail, code, target, modality and attribution), so it can be recomputed for any stored
event. Each factor is 1.0 for the most direct evidence and smaller for weaker evidence:

- **target**: named by the predicate's own object, preposition or pair ("A-B summit") > found
  through a complement or a noun's modifier > a fallback (where it happened, or the source's own
  country) > no target at all, least for an act aimed at someone (roots 03, 05-08, 10-13,
  16-20: "pledged funds", "criticized the move"). A target of the source's own country is
  suspect (a country rarely acts on itself in the news that is coded).
- **source**: the syntactic subject, passive agent, possessor or pair of the predicate (the
  parse agrees the actor does the act) > a subject shared through a conjunct, complement or
  clause > a guess (a pronoun's speaker, a misparse, the author of a statement's object) > a
  doer the sentence does not name (an attacker from the text around, the police of a
  passive arrest: events/perpetrators.py). An actor whose country came from the document's
  context, or with no country, is less certain.
- **pattern**: a dictionary pattern that names its object ("enter +airspace") or a specific
  code > a root-level code ("190", "040") > bare speech ("said", "commented": 010/012), which
  is the least informative event there is.
- **modality**: an asserted event stated by the writer > one attributed to a speaker (reported
  speech) > a promise or threat recoded from a future act > anything not asserted.
- **chain**: an event reached through light verbs or complements ("held talks", "agreed to
  provide") has one more link that could be wrong.

The weights were set on the article tune gold (docs/evaluation.md) and are documented in
docs/event-schema.md; thresholds 0.3/0.5/0.7/0.9 are what ``dyadwatch evaluate`` reports.
"""

from __future__ import annotations

from dyadwatch.model import Event

# source rules (coding/clauses.py, coding/events/extractor.py) by how directly the parse
# ties the actor to the predicate
DIRECT_SOURCES = frozenset(
    {
        "nsubj",
        "agent",
        "poss",
        "pair",
        "between",
        "of-parties",
        "by",
        "perfect",
        "pcomp-object",
        "xcomp-object",
    }
)
SHARED_SOURCES = frozenset(
    {"conj", "conj-passive", "xcomp", "advcl", "pcomp", "copula", "relcl", "acl", "modifier"}
)
# target rules named by the predicate itself, and those found further away
DIRECT_TARGETS = frozenset({"object", "prep", "pair", "between", "of-parties", "place", "theme-of"})
FALLBACK_TARGETS = frozenset({"location", "domestic"})
BARE_SPEECH = frozenset({"010", "012", "019"})

TARGET_DIRECT = 1.0
TARGET_INDIRECT = 0.8
TARGET_FALLBACK = 0.55
TARGET_NONE = 0.45
# an act aimed at someone (a pledge, praise, rejection, threat, attack ...) that names no one:
# mostly a target the coder missed, or no such act (on the article tune gold 5 of 48 were right)
AIMED_ROOTS = frozenset(
    {"03", "05", "06", "07", "08", "10", "11", "12", "13", "16", "17", "18", "19", "20"}
)
TARGET_MISSING = 0.25
TARGET_OWN_COUNTRY = 0.7
SOURCE_SHARED = 0.85
SOURCE_GUESSED = 0.7
# a doer from outside the act's clause: an attacker named elsewhere, an implied police force
UNNAMED_SOURCES = frozenset({"perpetrator", "implied"})
SOURCE_UNNAMED = 0.6
SOURCE_CONTEXT = 0.85
SOURCE_NO_COUNTRY = 0.85
PATTERN_ROOT = 0.9
PATTERN_BARE_SPEECH = 0.6
MODALITY_REPORTED = 0.95
MODALITY_RECODED = 0.9
MODALITY_UNREAL = 0.6
CHAIN_LINK = 0.95
FLOOR = 0.05


def rule_kind(trail: str | None) -> str:
    """The rule name of a ``rule`` entry: ``"prep:about: countries.tsv:60 China"`` -> ``prep``."""
    if not trail:
        return ""
    return trail.split(":", 1)[0].strip().split(" ", 1)[0]


def target_factor(event: Event) -> float:
    if event.target is None:
        return TARGET_MISSING if event.code[:2] in AIMED_ROOTS else TARGET_NONE
    kind = rule_kind(event.rule.get("target"))
    if kind in FALLBACK_TARGETS:
        factor = TARGET_FALLBACK
    elif kind in DIRECT_TARGETS:
        factor = TARGET_DIRECT
    else:
        factor = TARGET_INDIRECT
    if "context" in event.rule.get("target", ""):
        factor *= SOURCE_CONTEXT
    own = event.source.country
    if kind not in FALLBACK_TARGETS and own is not None and event.target.country == own:
        factor *= TARGET_OWN_COUNTRY
    return factor


def source_factor(event: Event) -> float:
    trail = event.rule.get("source", "")
    kind = rule_kind(trail)
    if kind in DIRECT_SOURCES and "pronoun" not in trail:
        factor = 1.0
    elif kind in SHARED_SOURCES:
        factor = SOURCE_SHARED
    elif kind in UNNAMED_SOURCES:
        factor = SOURCE_UNNAMED
    else:
        factor = SOURCE_GUESSED
    if "context" in trail:
        factor *= SOURCE_CONTEXT
    if event.source.country is None:
        factor *= SOURCE_NO_COUNTRY
    return factor


def pattern_factor(event: Event) -> float:
    if event.code in BARE_SPEECH and event.target is None:
        return PATTERN_BARE_SPEECH
    pattern = event.rule.get("verb", "")
    if "+" in pattern or len(event.code) == 4:
        return 1.0
    return PATTERN_ROOT if event.code.endswith("0") else 1.0


def modality_factor(event: Event) -> float:
    if event.modality != "asserted":
        return MODALITY_UNREAL
    if event.rule.get("recoded"):
        return MODALITY_RECODED
    return MODALITY_REPORTED if event.attributed_to is not None else 1.0


def chain_factor(event: Event) -> float:
    links = event.rule.get("chain", "").count(" > ")
    return float(CHAIN_LINK**links)


def event_confidence(event: Event) -> float:
    """The confidence of ``event`` (module docstring), rounded to two decimals."""
    value = (
        target_factor(event)
        * source_factor(event)
        * pattern_factor(event)
        * modality_factor(event)
        * chain_factor(event)
    )
    return round(max(FLOOR, min(1.0, value)), 2)
