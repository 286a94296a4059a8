"""What protesters say while protesting is the protest's message, not another event.

"Thousands marched in the capital, demanding the minister's resignation", "activists staged
rallies, saying he must go", "prisoners rioted, joining demonstrators in calling for a
referendum": the demand, appeal or statement in a participle hung on the protest is what the
protest was about. Coded apart it would count the same crowd twice, once as a demand; so a
verbal act (CAMEO 01-13) by the protest's own source in a participle clause under a protest
(14) is folded into the protest, which takes the message's target when it has none of its own
("demonstrated, calling for independence from X" is aimed at X).

Pure over candidates; ``background.drop_background`` applies it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.events.candidates import EventCandidate

PROTEST_ROOT = "14"
VERBAL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 14))
# how a message clause hangs under the protest: participles, "in demanding", conjoined
# participles ("joining X in demanding")
MESSAGE_DEPS = frozenset({"advcl", "xcomp", "acl", "pcomp", "prep", "conj", "dobj", "pobj"})
MAX_DEPTH = 4


def fold_protest_messages(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates with protest messages folded into their protest."""
    protests = [c for c in candidates if c.code.startswith(PROTEST_ROOT)]
    if not protests:
        return candidates
    dropped: set[int] = set()
    aimed: dict[int, EventCandidate] = {}  # protest index -> its message (for the target)
    for i, message in enumerate(candidates):
        if message.code[:2] not in VERBAL_ROOTS:
            continue
        for protest in protests:
            if _is_message(message, protest):
                dropped.add(i)
                aimed.setdefault(candidates.index(protest), message)
                break
    out: list[EventCandidate] = []
    for i, candidate in enumerate(candidates):
        if i in dropped:
            continue
        said = aimed.get(i)
        if candidate.target is None and said is not None and said.target is not None:
            candidate = replace(candidate, target=said.target, target_rule="message")
        out.append(candidate)
    return out


def _is_message(message: EventCandidate, protest: EventCandidate) -> bool:
    """Whether ``message`` is said in a participle under ``protest`` by the same crowd."""
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
