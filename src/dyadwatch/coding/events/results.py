"""The toll of an attack is part of the attack, not a second one.

"Rebels shelled the capital, killing twenty people", "troops opened fire on the crowd,
wounding five": the participle says what the shelling or the firing did. Coded apart it would
count one attack twice, once as shelling (194) and once as a killing (180). So a harm
participle (kill, wound, injure, maim) hung on a use of force (CAMEO 18-20) by the same source
is folded into that force, which takes the victims as target when it has none of its own.

Pure over candidates; ``background.drop_background`` applies it.
"""

from __future__ import annotations

from dataclasses import replace

from dyadwatch.coding.events.candidates import EventCandidate

FORCE_ROOTS = frozenset({"18", "19", "20"})
HARM_LEMMAS = frozenset({"kill", "wound", "injure", "maim"})
RESULT_DEPS = frozenset({"advcl", "xcomp", "conj"})


def fold_results(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates with each attack's toll folded into the attack."""
    dropped: set[int] = set()
    victims: dict[int, EventCandidate] = {}
    for i, toll in enumerate(candidates):
        if not _is_toll(toll):
            continue
        for j, attack in enumerate(candidates):
            if j != i and j not in dropped and _is_result_of(toll, attack):
                dropped.add(i)
                victims.setdefault(j, toll)
                break
    out: list[EventCandidate] = []
    for i, candidate in enumerate(candidates):
        if i in dropped:
            continue
        harm = victims.get(i)
        if candidate.target is None and harm is not None and harm.target is not None:
            candidate = replace(candidate, target=harm.target, target_rule="toll")
        out.append(candidate)
    return out


def _is_toll(candidate: EventCandidate) -> bool:
    verb = candidate.predicate
    return (
        candidate.code[:2] in FORCE_ROOTS
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in HARM_LEMMAS
        and verb.dep_ in RESULT_DEPS
    )


def _is_result_of(toll: EventCandidate, attack: EventCandidate) -> bool:
    return (
        attack.code[:2] in FORCE_ROOTS
        and toll.sentence_index == attack.sentence_index
        and toll.predicate.head.i == attack.predicate.i
        and toll.source.actor.code == attack.source.actor.code
    )
