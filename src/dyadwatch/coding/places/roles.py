"""Is a toponym where something happens, or who does it? Rules over the dependency parse.

Walking up from the toponym's head towards the clause's verb:

- the first preposition met decides. Locative ones (in, at, near, through, off, ...) make the
  toponym a location. Directional ones (to, from, on, over, between, toward) do so only for a
  place that cannot be an actor (a sea, a reef, a town) or when they hang from a spatial word
  ("in close proximity to", "next to"), and "to" after a verb of motion names the destination
  ("flew to Manila"); "threat to Taiwan" and "pressure on Russia" are not locations. Any other
  preposition (with, for, against, by, about) ends the search: no location. "of" is looked
  through when it hangs from a spatial noun ("the waters of the Diaoyutais").
- before that preposition, a toponym may only modify a spatial noun ("the Diaoyutais'
  contiguous zone"); "Japan's white paper" and "the Japan-US summit" are not locations;
- with no preposition at all, a toponym that is the verb's object is a location only if it
  cannot be an actor ("crossed the Taiwan Strait"), never for "unsettling Tokyo";
- a subject ("Tokyo might pass laws") is never a location, and clause boundaries (relative
  clauses, adverbial clauses, conjoined verbs, appositions) end the walk.

Actor-capable places are countries, US states, national capitals and buildings used as
metonyms (White House, Kremlin).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from dyadwatch.dictionaries.gazetteer_data import Entry

Strength = Literal["locative", "direct"]

STRONG_PREPOSITIONS = frozenset(
    {"in", "at", "near", "into", "inside", "within", "through", "throughout", "across", "along",
     "around", "off", "outside", "beyond", "past", "via", "onto", "upon", "under", "beneath",
     "above", "amid", "amidst", "among", "beside", "alongside", "nearby", "inland", "aboard"}
)  # fmt: skip
WEAK_PREPOSITIONS = frozenset({"to", "toward", "towards", "from", "on", "over", "between"})
TRANSPARENT_PREPOSITIONS = frozenset({"of"})
DESTINATION_PREPOSITIONS = frozenset({"to", "toward", "towards"})
MOTION_VERBS = frozenset(
    {"fly", "travel", "go", "come", "return", "sail", "head", "arrive", "move", "deploy",
     "redeploy", "dispatch", "drive", "walk", "march", "flee", "journey", "relocate", "steam",
     "advance", "retreat", "withdraw", "evacuate", "escort", "airlift", "ship", "transit"}
)  # fmt: skip
SPATIAL_WORDS = frozenset(
    {"water", "waters", "zone", "zones", "area", "areas", "vicinity", "proximity", "coast",
     "coasts", "coastline", "shore", "shores", "border", "borders", "frontier", "airspace",
     "territory", "territories", "region", "regions", "sea", "seas", "island", "islands", "port",
     "harbor", "harbour", "city", "capital", "town", "village", "province", "state", "side",
     "part", "parts", "north", "south", "east", "west", "northeast", "northwest", "southeast",
     "southwest", "outskirts", "edge", "center", "centre", "heart", "suburb", "suburbs",
     "mainland", "soil", "land", "space", "skies", "sky", "peninsula", "base", "field", "strait",
     "gulf", "bay", "channel", "reef", "shoal", "atoll", "district", "county", "countryside",
     "interior", "mouth", "approaches", "periphery", "perimeter", "line", "eez", "shelf",
     "close", "closer", "next", "adjacent", "near", "nearby", "en", "route", "way", "direction",
     "streets", "street", "downtown", "embassy", "consulate", "headquarters", "camp", "airport",
     "facility", "plant", "site", "corridor", "crossing", "checkpoint", "front", "frontline",
     "lagoon", "seabed", "beach", "beaches", "hills", "mountains", "skyline", "shoreline"}
)  # fmt: skip
_BOUNDARIES = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj", "csubjpass", "appos", "list",
     "dislocated", "mark", "discourse", "vocative", "meta", "reparandum"}
)  # fmt: skip
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "agent"})
_MODIFIERS = frozenset({"compound", "nmod", "poss", "amod", "nummod", "npadvmod"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative", "iobj", "npadvmod", "obl"})
_VERBAL = frozenset({"VERB", "AUX"})
# nouns by which a copula makes its subject the place an act struck: "the plant was the target
# of an attack", "the town was the scene of a massacre"
SCENE_NOUNS = frozenset({"target", "scene", "site", "victim"})


@dataclass(frozen=True, slots=True)
class Attachment:
    """How a toponym hangs from a verb (or from its own clause when no verb is given)."""

    strength: Strength
    under_subject: bool  # inside the subject phrase ("fighting in Donetsk")
    distance: int  # dependency arcs walked


def actor_capable(entry: Entry) -> bool:
    """Countries, US states, national capitals and seats of power stand for governments."""
    return (
        entry.kind in ("country", "us_state") or entry.capital or entry.place.feature == "building"
    )


def _spatial(token: Token) -> bool:
    return token.lower_ in SPATIAL_WORDS or token.lemma_.lower() in SPATIAL_WORDS


def _is_boundary(token: Token) -> bool:
    if token.dep_ in _BOUNDARIES:
        return True
    return token.dep_ == "conj" and token.pos_ in _VERBAL


def attachment(head: Token, entry: Entry, verb: Token | None = None) -> Attachment | None:
    """The toponym's attachment to ``verb`` (or, with no verb, within its own clause).

    None when it is not a location there: not under the verb, an actor, or a non-locative
    argument. See the module doc for the rules.
    """
    actor = actor_capable(entry)
    strength: Strength | None = None
    under_subject = False
    node = head
    distance = 0
    while True:
        if verb is not None and node.i == verb.i:
            break
        parent = node.head
        if parent.i == node.i or _is_boundary(node):
            if verb is not None:
                return None  # the verb is not above it in this clause
            break
        dep = node.dep_
        distance += 1
        if strength is None:
            if node is not head and (dep in ("prep", "agent") or node.pos_ == "ADP"):
                verdict = _preposition(node, actor)
                if verdict is None:
                    return None
                if verdict == "look-through":
                    actor = False  # "the coast of Japan" is a coast, not Japan
                else:
                    strength = "locative"
            elif dep == "nsubjpass" and parent.pos_ in _VERBAL and not actor:
                strength = "direct"  # "the town was shelled": the passive's patient
            elif dep in _SUBJECTS:
                return None  # the place is (part of) a subject: an actor
            elif dep in _OBJECTS and parent.pos_ in _VERBAL:
                if actor:
                    return None  # "unsettling Tokyo", "warned Washington"
                strength = "direct"
            elif dep in _MODIFIERS:
                if not _spatial(parent):
                    return None  # "Japan's white paper", "the Japan-US summit"
                actor = False  # "Taiwan's airspace" is airspace, not Taiwan's government
        elif dep in _SUBJECTS:
            under_subject = True
        node = parent
    if strength is None:
        return None
    return Attachment(strength, under_subject, distance)


def _preposition(prep: Token, actor: bool) -> str | None:
    """'locative', 'look-through' or None (not a location) for a preposition on the path."""
    word = prep.lower_
    governor = prep.head
    if word in TRANSPARENT_PREPOSITIONS:
        return "look-through" if _spatial(governor) else None
    if word in STRONG_PREPOSITIONS:
        return "locative"
    if word in WEAK_PREPOSITIONS and (not actor or _spatial(governor)):
        return "locative"
    if word in DESTINATION_PREPOSITIONS and governor.lemma_.lower() in MOTION_VERBS:
        return "locative"  # "flew to Manila": the destination, even of a capital
    return None


def struck_subject(head: Token, verb: Token) -> Attachment | None:
    """A place that a copula names as what an event noun struck: in "the refinery was the
    target of a rebel attack" the refinery is where the attack (``verb``) happened."""
    if verb.pos_ not in ("NOUN", "PROPN") or verb.dep_ != "pobj" or verb.head.lower_ != "of":
        return None
    holder = verb.head.head
    if holder.lemma_.lower() not in SCENE_NOUNS or holder.dep_ not in ("attr", "oprd"):
        return None
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != holder.head.i:
        return None
    return Attachment("direct", False, 3)
