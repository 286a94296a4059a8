"""Acts done with another's help: the helper aided the doer.

"Iran built the missile with help from China", "with the help of China", "with Chinese
assistance", "retook the town with military aid from Uganda": China aided Iran (070; 072 for
military help or help from armed forces), whatever the act itself is, coded by its own rules.
The doer is the source of the acts coded on the verb the phrase qualifies, else that verb's
subject; the helper is the noun's "from" or "of" phrase, its owner or an actor modifier. The
verb dates and qualifies the aid ("could build it with help from China" is hypothetical). No
doer or no helper named, or the helper the doer itself, no event.

Pure functions over the parse and the actor mentions; used by ``coder.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.roles import subjects

AID_CODE = "070"
MILITARY_AID_CODE = "072"
HELPED_ENTRY = "verbs:with the help of"
RULES = ("helper", "helped doer")
HELP_NOUNS = frozenset({"help", "assistance", "aid"})
MILITARY_MODIFIERS = frozenset({"military", "air", "naval", "armed"})


def helped_events(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """The helper's aid to whoever did an act "with the help of" it (module docstring)."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for noun in sentence:
            verb = _helped_verb(noun)
            if verb is None or noun.i in taken:
                continue
            helpers = _helpers(noun, index)
            doers: list[MentionLike] = [c.source for c in found if c.predicate.i == verb.i]
            if not doers:
                doers = [m for s in subjects(verb)[0] for m in index.head_mentions(s)]
            military = any(c.lemma_.lower() in MILITARY_MODIFIERS for c in noun.children)
            for helper in helpers[:2]:
                # military help, or help from troops: military aid
                armed = military or helper.actor.sector == "MIL"
                code = MILITARY_AID_CODE if armed else AID_CODE
                for doer in list(dict.fromkeys(doers))[:2]:
                    if same_party(helper, doer):
                        continue
                    out.append(
                        one_word_candidate(
                            noun, number, code, HELPED_ENTRY, helper, doer, RULES, predicate=verb
                        )
                    )
    return out


def _helped_verb(noun: Token) -> Token | None:
    """The verb a "with (the) help" phrase qualifies: "built it with help", "built the
    missile with help" (the parser may hang the phrase on the object)."""
    if noun.lemma_.lower() not in HELP_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    verb = noun.head.head
    # "built the missile with help", "the army, with the help of X, retook the town"
    if verb.dep_ in {"dobj", "obj", "nsubj"}:
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def _helpers(noun: Token, index: MentionIndex) -> list[MentionLike]:
    """Who gives the help: "help from X", "the help of X", "X's help", "Chinese help"."""
    heads = prep_objects(noun, ("from", "of"))
    heads += [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}]
    return [m for head in heads for m in index.head_mentions(head)]
