"""Acts that are part of another act in the same sentence, folded into it; and acts that only
misread a reference, dropped.

Protest messages: "Thousands marched in the capital, demanding the minister's resignation",
"activists staged rallies, saying he must go", "prisoners rioted, joining demonstrators in
calling for a referendum", "protesters carrying banners demanding his resignation marched":
the demand, appeal or statement in a participle hung on the protest (or on a sign its crowd
carries) is what the protest was about. Coded apart it would count the same crowd twice, once
as a demand; so a verbal act (CAMEO 01-13) by the protest's own source in a participle clause under
a protest (14) is folded into the protest, which takes the message's target when it has none of
its own ("demonstrated, calling for independence from X" is aimed at X).

Attack tolls: "Rebels shelled the capital, killing twenty people", "troops opened fire on the
crowd, wounding five": the participle says what the shelling or the firing did. Coded apart it
would count one attack twice, once as shelling (194) and once as a killing (180). So a harm
participle (kill, wound, injure, maim) hung on a use of force (CAMEO 18-20) by the same source
is folded into that force, which takes the victims as target when it has none of its own.

Means: "police used tear gas to disperse the crowd", "used its veto to block the resolution":
the use of a means (an entry of its own, ``use +tear_gas``) and the act it served, told by the
infinitive, are one act by one source; the use is folded into the act it served (same CAMEO
root), which says more (whom it was aimed at).

Self-references: an event whose source and target, one of them a resolved pronoun or
description (events/references.py), are one actor ("he criticized him") is a misreading (not an
appeal or demand between the reference and another person named: "we made a plea to the
president" in a senator's quotation), and a
quoted "I"/"we" making a bare statement is already its speaker's statement
(:func:`drop_self_references`, applied by the coder).

Pure over candidates; ``background.drop_background`` applies the folds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.events.candidates import EventCandidate, is_state_actor
from dyadwatch.coding.events.implied import IMPLIED_RULE
from dyadwatch.coding.events.mentions import MentionLike
from dyadwatch.coding.events.quotes import QUOTE_RULE
from dyadwatch.coding.roles import INSTRUMENT_VERBS

PROTEST_ROOT = "14"
VERBAL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 14))
# how a message clause hangs under the protest: participles, "in demanding", conjoined
# participles ("joining X in demanding"), a sign the crowd carries ("protesters carrying
# placards demanding a vote marched": up through the crowd, the protest's subject)
MESSAGE_DEPS = frozenset(
    {"advcl", "xcomp", "acl", "pcomp", "prep", "conj", "dobj", "pobj", "nsubj", "csubj"}
)
MAX_DEPTH = 4
FORCE_ROOTS = frozenset({"18", "19", "20"})
HARM_LEMMAS = frozenset({"kill", "wound", "injure", "maim"})
RESULT_DEPS = frozenset({"advcl", "xcomp", "conj"})

BARE_ROOTS = frozenset({"01", "02"})  # statements and appeals
# appeals and demands: aimed at someone else by nature, so two people of one state are two
DIRECTED_ROOTS = frozenset({"02", "10"})
PartOf = Callable[[EventCandidate, EventCandidate], bool]


def fold_parts(
    candidates: list[EventCandidate], part_of: PartOf, target_rule: str
) -> list[EventCandidate]:
    """The candidates without those that are ``part_of`` another; the first part of an act
    gives it its target when it has none (the rule says so: ``target_rule``)."""
    dropped: set[int] = set()
    first_part: dict[int, EventCandidate] = {}  # whole's index -> its first part
    for i, candidate in enumerate(candidates):
        for j, whole in enumerate(candidates):
            if j != i and j not in dropped and part_of(candidate, whole):
                dropped.add(i)
                first_part.setdefault(j, candidate)
                break
    out: list[EventCandidate] = []
    for i, candidate in enumerate(candidates):
        if i in dropped:
            continue
        part = first_part.get(i)
        if candidate.target is None and part is not None and part.target is not None:
            candidate = replace(candidate, target=part.target, target_rule=target_rule)
        out.append(candidate)
    return out


def fold_protest_messages(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates with protest messages folded into their protest."""
    if not any(c.code.startswith(PROTEST_ROOT) for c in candidates):
        return candidates
    return fold_parts(candidates, _is_message, "message")


def fold_results(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates with each attack's toll folded into the attack."""
    return fold_parts(candidates, _is_result_of, "toll")


def fold_means(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates with each use of a means folded into the act it served."""
    return fold_parts(candidates, _is_means_of, "means")


def _is_means_of(use: EventCandidate, act: EventCandidate) -> bool:
    """Whether ``use`` is the using of a means ("used tear gas") whose purpose infinitive is
    ``act`` ("to disperse the crowd"), by the same source and of the same CAMEO root."""
    verb = act.predicate
    return (
        use.predicate.lemma_.lower() in INSTRUMENT_VERBS
        and verb.dep_ == "xcomp"
        and verb.head.i == use.predicate.i
        and use.sentence_index == act.sentence_index
        and use.code[:2] == act.code[:2]
        and use.source.actor.code == act.source.actor.code
    )


def _is_message(message: EventCandidate, protest: EventCandidate) -> bool:
    """Whether ``message`` is said in a participle under ``protest`` by the same crowd."""
    if message.code[:2] not in VERBAL_ROOTS or not protest.code.startswith(PROTEST_ROOT):
        return False
    if message.sentence_index != protest.sentence_index:
        return False
    if message.source.actor.code != protest.source.actor.code:
        return False
    verb = message.predicate
    if verb.tag_ != "VBG":
        return False
    return _governed_by(verb, protest.predicate)


def _governed_by(verb: Token, protest: Token) -> bool:
    """Whether the participle hangs, within a few steps, from the protest verb (or from the
    light verb of a protest noun: "staged rallies, saying ...")."""
    anchors = {protest.i, protest.head.i} if protest.pos_ in ("NOUN", "PROPN") else {protest.i}
    tok = verb
    for _ in range(MAX_DEPTH):
        if tok.dep_ not in MESSAGE_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in anchors:
            return True
    return False


def _is_result_of(toll: EventCandidate, attack: EventCandidate) -> bool:
    """Whether ``toll`` is a harm participle hung on ``attack``'s verb by the same source."""
    verb = toll.predicate
    return (
        toll.code[:2] in FORCE_ROOTS
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in HARM_LEMMAS
        and verb.dep_ in RESULT_DEPS
        and attack.code[:2] in FORCE_ROOTS
        and toll.sentence_index == attack.sentence_index
        and verb.head.i == attack.predicate.i
        and toll.source.actor.code == attack.source.actor.code
    )


def drop_self_references(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Candidates without those whose source and target, one of them a resolved reference,
    are the same actor or two state bodies of one country (a quoted senator's "I applaud the
    president" is a domestic remark, "X ... he criticized him" a misreading), and without the
    bare statements of a quoted "I"/"we": the quotation is already its speaker's statement
    (“We are ready,” he said)."""
    out = []
    for candidate in candidates:
        target = candidate.target
        if target is None and candidate.code[:2] in BARE_ROOTS and _quoted(candidate.source):
            continue
        referring = target is not None and (
            _is_reference(candidate.source) or _is_reference(target)
        )
        # an implied court or police acts on its own country's officials ("They received
        # prison terms" of two officers): only the very same actor is a misreading
        implied = candidate.source_rule.startswith(IMPLIED_RULE)
        if (
            referring
            and target is not None
            and _same_actor(candidate.source, target)
            and (not implied or candidate.source.actor.code == target.actor.code)
            and not _asked_someone_else(candidate)
        ):
            continue
        out.append(candidate)
    return out


def _asked_someone_else(candidate: EventCandidate) -> bool:
    """An appeal or demand between a reference and a plainly named actor that is not the
    reference's antecedent: a quoted senator's "we made a plea to the president", "she did so
    at the request of the prime minister" ask another person of the same government."""
    if candidate.code[:2] not in DIRECTED_ROOTS or candidate.target is None:
        return False
    sides = (candidate.source, candidate.target)
    references = [m for m in sides if _is_reference(m)]
    if len(references) != 1 or bool(getattr(references[0], "members", None)):
        return False
    reference = references[0]
    named = sides[1] if reference is sides[0] else sides[0]
    antecedent: MentionLike | None = getattr(reference, "antecedent", None)
    if antecedent is None:
        return False
    return bool(named.end <= antecedent.start or antecedent.end <= named.start)


def _same_actor(source: MentionLike, target: MentionLike) -> bool:
    """The same actor, or two state bodies of one country ("I applaud the president" in a
    senator's quote: a domestic remark). A country's army acting on "the country" is kept:
    the junta and its country are two."""
    a, b = source.actor, target.actor
    if a.code == b.code:
        return True
    if a.country is None or a.country != b.country or a.sector is None or b.sector is None:
        return False
    return is_state_actor(a) and is_state_actor(b)


def _quoted(mention: MentionLike) -> bool:
    return mention.rule.startswith(QUOTE_RULE + " ")


def _is_reference(mention: MentionLike) -> bool:
    return getattr(mention, "antecedent", None) is not None or bool(getattr(mention, "members", ()))
