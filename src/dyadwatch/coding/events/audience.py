"""The press a speaker talks to is the audience, not a party (session 17, wire news): in
"Talking to reporters, the minister said ...", "X told reporters, 'We urged both sides ...'",
"in an interview with Reuters", "told interviewers on CNN" the reporters or the outlet are
where the words went. An act aimed only at them through such a frame is aimed at no one; a
consultation or meeting with them ("met the press", "talking to journalists") is no event."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.events.candidates import EventCandidate

# words and verbs that frame the press as a speaker's audience
SPEECH_FRAMES = frozenset(
    """tell talk speak say brief address meet interview conference briefing""".split()  # noqa: SIM905
)
# the press seen by whom talks to it: consultations and meetings with it are no events
TALK_ROOTS = ("04",)
TALK_CODES = ("036",)
MEDIA = "MED"


def press_audience(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Candidates with the press a speaker addresses removed as target (and a talk with it
    dropped): its target mention is media governed, at most three steps up, by a word of
    speech ("told reporters", "in an interview with Reuters")."""
    out: list[EventCandidate] = []
    for candidate in candidates:
        target = candidate.target
        if target is None or target.actor.sector != MEDIA or not _addressed(candidate, target):
            out.append(candidate)
            continue
        if candidate.code.startswith(TALK_ROOTS) or candidate.code.startswith(TALK_CODES):
            continue
        out.append(replace(candidate, target=None, target_rule=""))
    return out


def _addressed(candidate: EventCandidate, target: object) -> bool:
    doc = candidate.sentence.doc
    head = getattr(target, "head", None)
    start, end = getattr(target, "start", 0), getattr(target, "end", 0)
    if not isinstance(head, int) or not start <= head < end:
        head = end - 1
    token: Token = doc[head]
    for _ in range(4):
        if token.head.i == token.i:
            return False
        if token.dep_ not in {"dobj", "dative", "pobj", "prep", "compound", "nsubj"}:
            return False
        token = token.head
        if token.lemma_.lower() in SPEECH_FRAMES and token.pos_ in {"VERB", "NOUN"}:
            return True
    return False
