"""What the verifier does to the rule events of one sentence, given the model's distribution.

For each event, the probability the model gives the event's class (Multi-CoPED class of its
CAMEO root) becomes its ``confidence`` (fused with a confidence the rules set, if any) and
decides its fate: ``kept``, ``flagged`` (kept, marked for review) or ``dropped`` (taken out of
the event stream, returned separately with the reason). When every event of a sentence was
dropped, the rules found actors but no predicate the model accepts, and the policy may propose
one event of the model's class, coded at root level, with a ``rule`` naming the model.

Pure Python (no torch): tests and the store see the same behaviour with any predictor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from dyadwatch.dictionaries.codebook import Codebook, default_codebook
from dyadwatch.evaluation.scoring import v05_type
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Plover
from dyadwatch.verifier.examples import (
    CLASS_NAMES,
    NONE_CLASS,
    TYPE_ROOTS,
    class_of_code,
    class_of_type,
)

Action = Literal["kept", "flagged", "dropped", "proposed"]
# replacements: for rule events the model rejected; sentences: also for sentences where the
# rules found actors but no event at all
ProposeMode = Literal["none", "replacements", "sentences"]
PROPOSE_MODES: tuple[ProposeMode, ...] = ("none", "replacements", "sentences")
# the root a proposed event takes when the model has no type head to choose within its class
DEFAULT_ROOTS = {
    "statement": "01",
    "verbal_cooperation": "04",
    "material_cooperation": "06",
    "verbal_conflict": "11",
    "material_conflict": "19",
}
PROPOSED_RULE = "verifier"  # the ``rule`` key of a model-proposed event


@dataclass(frozen=True, slots=True)
class Prediction:
    """The model's distribution over sentence classes and (if it has a type head) types."""

    classes: dict[str, float]
    types: dict[str, float] = field(default_factory=dict)

    def best(self) -> tuple[str, float]:
        label = max(self.classes, key=lambda c: self.classes[c])
        return label, self.classes[label]


@dataclass(frozen=True, slots=True)
class VerifierPolicy:
    """Thresholds on the probability of an event's class (see docs/verifier.md)."""

    flag_below: float = 0.5
    drop_below: float = 0.1
    propose: ProposeMode = "replacements"
    propose_min: float = 0.5  # the model's best class needs at least this to propose

    def __post_init__(self) -> None:
        if not 0.0 <= self.drop_below <= self.flag_below <= 1.0:
            raise ValueError("verifier thresholds need 0 <= drop_below <= flag_below <= 1")
        if self.propose not in PROPOSE_MODES:
            raise ValueError(f"verifier propose mode must be one of {PROPOSE_MODES}")


@dataclass(frozen=True, slots=True)
class ModelTag:
    """How events name the model that judged them."""

    name: str
    version: str


@dataclass(slots=True)
class SentenceVerdict:
    events: list[Event]  # kept, flagged and proposed events, in order
    dropped: list[Event]  # with their verifier block (action "dropped", reason)


def fuse(prior: float | None, p: float) -> float:
    """Combine a rule confidence with the model's probability (odds multiply); the model's
    probability alone when the rules set none."""
    if prior is None:
        return p
    num = prior * p
    den = num + (1.0 - prior) * (1.0 - p)
    return num / den if den else p


def verify_sentence(
    events: Sequence[Event],
    prediction: Prediction,
    policy: VerifierPolicy,
    tag: ModelTag,
    codebook: Codebook | None = None,
) -> SentenceVerdict:
    """Judge the rule events of one sentence (they share the sentence the model read)."""
    best, p_best = prediction.best()
    kept: list[Event] = []
    dropped: list[Event] = []
    for event in events:
        label = class_of_code(event.code)
        p = prediction.classes.get(label, 0.0)
        if p < policy.drop_below:
            action: Action = "dropped"
        elif p < policy.flag_below:
            action = "flagged"
        else:
            action = "kept"
        block: dict[str, Any] = {
            "model": tag.name,
            "version": tag.version,
            "class": label,
            "p_class": round(p, 4),
            "best": best,
            "p_best": round(p_best, 4),
            "action": action,
        }
        plover_type = v05_type(event.code)
        if plover_type and plover_type in prediction.types:
            block["p_type"] = round(prediction.types[plover_type], 4)
        if action != "kept":
            threshold = policy.drop_below if action == "dropped" else policy.flag_below
            block["reason"] = (
                f"model gives {label} {p:.2f} (< {threshold}); it reads {best} {p_best:.2f}"
            )
        if event.confidence is not None:
            block["prior_confidence"] = event.confidence
        judged = replace(event, confidence=round(fuse(event.confidence, p), 4), verifier=block)
        (dropped if action == "dropped" else kept).append(judged)
    if dropped and not kept and policy.propose != "none":
        proposal = propose(dropped[0], prediction, policy, tag, codebook or default_codebook())
        if proposal is not None:
            kept.append(proposal)
    return SentenceVerdict(kept, dropped)


def proposed_root(prediction: Prediction, label: str) -> str:
    """The CAMEO root for an event of class ``label``: the type head's best type within the
    class when the model has one, else the class's default root."""
    in_class = {t: p for t, p in prediction.types.items() if class_of_type(t) == label}
    if in_class:
        return TYPE_ROOTS[max(in_class, key=lambda t: in_class[t])]
    return DEFAULT_ROOTS[label]


def propose(
    replaced: Event,
    prediction: Prediction,
    policy: VerifierPolicy,
    tag: ModelTag,
    codebook: Codebook,
) -> Event | None:
    """An event of the model's best class with the actors, date and place of ``replaced``
    (a rule event the model rejected), or None when the model is not sure enough."""
    label, p = prediction.best()
    if label == NONE_CLASS or label not in CLASS_NAMES or p < policy.propose_min:
        return None
    root = proposed_root(prediction, label)
    entry = codebook.get(root)
    event_type, mode = codebook.plover(root)
    key = f"{replaced.id}\x1f{root}\x1f{tag.version}"
    return replace(
        replaced,
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:20],
        code=root,
        root_code=entry.root_code,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=Plover(event_type, mode),
        rule={
            PROPOSED_RULE: f"{tag.name} {tag.version}: {label} {p:.2f}",
            "replaces": f"{replaced.code} {replaced.id}",
            **{k: v for k, v in replaced.rule.items() if k in ("source", "target")},
        },
        confidence=round(p, 4),
        verifier={
            "model": tag.name,
            "version": tag.version,
            "class": label,
            "p_class": round(p, 4),
            "best": label,
            "p_best": round(p, 4),
            "action": "proposed",
            "reason": f"rules' {replaced.code} rejected; model reads {label} {p:.2f}",
        },
    )


def propose_in_sentence(
    document: Document,
    sentence: tuple[int, int, int],
    actors: Sequence[tuple[Actor, tuple[int, int]]],
    prediction: Prediction,
    policy: VerifierPolicy,
    tag: ModelTag,
    codebook: Codebook,
) -> Event | None:
    """An event for a sentence where the rules found actors (``actors``: actor and character
    span, in text order) but no event: the first actor as source, the next different one as
    target, the model's best class at root level. None when the model is not sure enough or
    reads no event."""
    label, p = prediction.best()
    if label == NONE_CLASS or label not in CLASS_NAMES or p < policy.propose_min or not actors:
        return None
    index, start, end = sentence
    source, source_span = actors[0]
    target_pair = next(((a, s) for a, s in actors[1:] if a.code != source.code), None)
    root = proposed_root(prediction, label)
    entry = codebook.get(root)
    event_type, mode = codebook.plover(root)
    spans = {"source": source_span}
    if target_pair is not None:
        spans["target"] = target_pair[1]
    key = f"{document.id}\x1f{start}\x1f{root}\x1f{source.code}\x1f{tag.version}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:20],
        doc_id=document.id,
        sentence_index=index,
        evidence=Evidence(document.text[start:end], start, end, spans),
        source=source,
        target=target_pair[0] if target_pair else None,
        code=root,
        root_code=entry.root_code,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=Plover(event_type, mode),
        date=EventDate.publication(document.date),
        rule={PROPOSED_RULE: f"{tag.name} {tag.version}: {label} {p:.2f}"},
        confidence=round(p, 4),
        verifier={
            "model": tag.name,
            "version": tag.version,
            "class": label,
            "p_class": round(p, 4),
            "best": label,
            "p_best": round(p, 4),
            "action": "proposed",
            "reason": f"actors but no rule event; model reads {label} {p:.2f}",
        },
    )
