"""Criticism told from the side of the criticised (docs/verbs.md, "Criticism received").

News often reports a criticism by whom it hit: "the minister came under fire from the
opposition", "the plan has drawn criticism from three states", "X faced condemnation from
Y". The verb there is the criticised party's (it "came", "faced", "drew"), so no verb entry
codes it; the act is Y's criticism (111) of X. This pass finds such phrases and codes
Y -> X only when:

- the noun is a criticism noun governed by a verb of receiving ("face", "draw", "receive",
  "attract", "earn", "meet with") or by "under" after "come", "be" or "remain"
  ("came under scrutiny");
- a "from" phrase names the critic, who is a political actor (``refusals.speaks``), and the
  subject of the verb names the criticised actor, another party; without both nothing is
  coded ("faced criticism at home" names no critic);
- the clause is not negated ("has not drawn criticism from X").

Pure: reads the parse and the mention index; ``coder.py`` adds the candidates it returns.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import is_negated, prep_objects, subjects
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.refusals import speaks

CRITICIZE_CODE = "111"
ENTRY = "verbs:criticism received"
# what the criticised party receives: "drew criticism", "came under fire"
CRITICISM_NOUNS = frozenset(
    {"criticism", "condemnation", "censure", "rebuke", "scrutiny", "fire", "attack", "backlash"}
)
# "fire" and "attack" are criticism only "under" them: "drew fire" may be shooting
UNDER_ONLY = frozenset({"fire", "attack"})
RECEIVING_VERBS = frozenset({"face", "draw", "receive", "attract", "earn", "meet", "incur"})
BEING_VERBS = frozenset({"come", "be", "remain", "fall"})


def received_criticisms(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """Criticisms of the subject by the actors of a "from" phrase (module docstring);
    ``found`` are the candidates already extracted (a noun some entry coded is left to it)."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for noun in sentence:
            if noun.i in taken or noun.lemma_.lower() not in CRITICISM_NOUNS:
                continue
            verb = _receiving_verb(noun)
            if verb is None or is_negated(verb):
                continue
            critics = _critics(noun, verb, index)
            criticised = [
                m
                for subject in subjects(verb)[0]
                for token in (subject, *subject.conjuncts)
                for m in index.head_mentions(token)
            ]
            for critic in critics[:2]:
                for target in criticised[:2]:
                    if same_party(critic, target):
                        continue
                    rules = ("from", "received")
                    out.append(
                        one_word_candidate(
                            noun, number, CRITICIZE_CODE, ENTRY, critic, target, rules, verb
                        )
                    )
    return out


def _receiving_verb(noun: Token) -> Token | None:
    """The verb by which the subject receives the criticism, if the noun is so governed."""
    word = noun.lemma_.lower()
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in BEING_VERBS:
        return head.head
    if word in UNDER_ONLY:
        return None
    if noun.dep_ in {"dobj", "obj"} and head.lemma_.lower() in RECEIVING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() == "meet":
        return head.head  # "was met with criticism from"
    return None


def _critics(noun: Token, verb: Token, index: MentionIndex) -> list[MentionLike]:
    """The political actors of the "from" phrase, on the noun or on its verb."""
    found: list[MentionLike] = []
    for origin in prep_objects(noun, ("from",)) + prep_objects(verb, ("from",)):
        for token in (origin, *origin.conjuncts):
            found += [m for m in index.head_mentions(token) if speaks(m.actor)]
    return found
