"""Acts told as like an earlier one (docs/verbs.md, "Criticism in reported speech").

News often reports a second speaker's criticism or accusation by pointing back at the first
one: "X blamed the bombing on Y. Similar accusations were made by Z", "W made similar
claims", "Similar calls came from V". The noun names no one, yet the act is the earlier one's
kind aimed at the earlier one's target: Z 112 Y, W 112 Y (``similar_acts``, called by
``coder.py`` after extraction).

Only when:

- the noun has the modifier "similar" and is what a verb of making or voicing produces: the
  subject of a passive with a "by" phrase ("similar accusations were made by Z"), the object
  of an active verb ("Z made similar claims", "Z voiced similar concerns"), or the subject of
  "come" with a "from" phrase ("similar condemnations came from Z");
- an act of disapproval, rejection, demand or threat (roots 10-13) with a target was coded
  in that sentence or the two before it, before the noun, and its word shares its first
  letters with the noun ("attributions" ~ "attributed", "accusations" ~ "accused") or it is
  of the noun's own CAMEO root (an event noun of the dictionary: "blamed the bombing on Y.
  Similar accusations ..."): the latest such act is the one pointed at (the noun's own
  untargeted coding then gives way to the targeted one, ``background.one_per_act``);
- the makers are political actors other than that act's target; the clause is not negated.

Pure: reads the parse, the mention index and the candidates already extracted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import is_negated, prep_objects
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.refusals import speaks
from dyadwatch.coding.roles import subjects

SIMILAR = "similar"
# verbs that produce what a speaker says: "made similar claims", "similar calls came from"
MAKING_VERBS = frozenset({"make", "issue", "voice", "express", "level", "echo", "raise", "come"})
ROOTS = frozenset({"10", "11", "12", "13"})
WINDOW = 2  # sentences back
STEM = 4  # letters an act noun shares with the earlier act's word
RULE = "similar"


def similar_acts(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """The acts of the makers of "similar" acts, like the earlier act they point at (module
    docstring)."""
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for noun in sentence:
            if noun.pos_ != "NOUN" or not any(
                c.dep_ == "amod" and c.lower_ == SIMILAR for c in noun.children
            ):
                continue
            verb = noun.head
            if verb.lemma_.lower() not in MAKING_VERBS or is_negated(verb):
                continue
            earlier = _pointed_at(noun, number, found)
            if earlier is None or earlier.target is None:
                continue
            for maker in _makers(noun, verb, index):
                if same_party(maker, earlier.target) or same_party(maker, earlier.source):
                    continue
                out.append(
                    replace(
                        earlier,
                        sentence=sentence,
                        sentence_index=number,
                        predicate=verb,
                        verb_tokens=(noun,),
                        entries=(*earlier.entries, f"{RULE}: {noun.lemma_.lower()}"),
                        source=maker,
                        source_rule=RULE,
                        target_rule=f"{RULE}: {earlier.target_rule}",
                        recoded=None,
                    )
                )
    return out


def _pointed_at(noun: Token, number: int, found: Sequence[EventCandidate]) -> EventCandidate | None:
    """The latest act in the window whose word the noun shares its first letters with."""
    stem = noun.lemma_.lower()[:STEM]
    # the noun's own coding, an event noun of the dictionary ("made similar accusations")
    kinds = {c.code[:2] for c in found if noun in c.verb_tokens or c.predicate.i == noun.head.i}
    for other in reversed(found):
        if not number - WINDOW <= other.sentence_index <= number or other.predicate.i >= noun.i:
            continue
        if other.code[:2] not in ROOTS or other.target is None:
            continue
        words = {t.lemma_.lower()[:STEM] for t in other.verb_tokens}
        if stem in words or other.code[:2] in kinds:
            return other
    return None


def _makers(noun: Token, verb: Token, index: MentionIndex) -> list[MentionLike]:
    """Who made the similar act: the "by" phrase of a passive, the subject of an active verb,
    the "from" phrase of "come"."""
    if noun.dep_ == "nsubjpass":
        heads = prep_objects(verb, ("by",))
    elif noun.dep_ in {"dobj", "obj"}:
        heads = subjects(verb)[0]
    elif noun.dep_ == "nsubj" and verb.lemma_.lower() == "come":
        heads = prep_objects(verb, ("from",))
    else:
        return []
    tokens: list[Token] = []
    for head in heads:
        tokens += [head, *head.conjuncts]
        for named in (c for c in head.children if c.dep_ == "appos"):
            tokens += [named, *named.conjuncts]  # "by the agency Saba and the minister"
    found: list[MentionLike] = []
    for token in tokens:
        found += [m for m in index.head_mentions(token) if speaks(m.actor) and m not in found]
    return found
