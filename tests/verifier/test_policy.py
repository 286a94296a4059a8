"""The verifier's decisions, with a stand-in predictor: no torch needed."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from dyadwatch.model import Actor, Document, Event, Evidence, Plover
from dyadwatch.verifier import Prediction, VerifiedCoder, VerifierPolicy
from dyadwatch.verifier.policy import ModelTag, fuse, verify_sentence

TAG = ModelTag("test-model", "v0")
CLASSES = (
    "statement",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


def _event(code: str, sentence: int = 0, text: str = "Rebels stormed the town hall.") -> Event:
    return Event(
        id=f"e{code}{sentence}",
        doc_id="d",
        sentence_index=sentence,
        evidence=Evidence(text, 0, len(text)),
        source=Actor("XYZREB", "Rebels", "XYZ", "REB"),
        target=Actor("XYZGOV", "town hall", "XYZ", "GOV"),
        code=code,
        root_code=code[:2],
        quad_class=4,
        goldstein=-9.0,
        plover=Plover("ASSAULT"),
        rule={"verb": "test.tsv:1 stormed", "source": "test.tsv:2 rebels"},
    )


def _prediction(best: str, p: float) -> Prediction:
    rest = (1.0 - p) / (len(CLASSES) - 1)
    return Prediction({c: (p if c == best else rest) for c in CLASSES})


def test_policy_keeps_flags_and_drops_by_the_probability_of_the_event_class() -> None:
    policy = VerifierPolicy(flag_below=0.5, drop_below=0.1, propose="none")
    kept = verify_sentence([_event("190")], _prediction("material_conflict", 0.9), policy, TAG)
    flagged = verify_sentence([_event("190")], _prediction("material_conflict", 0.3), policy, TAG)
    dropped = verify_sentence([_event("190")], _prediction("statement", 0.96), policy, TAG)
    assert [e.verifier["action"] for e in kept.events if e.verifier] == ["kept"]
    assert [e.verifier["action"] for e in flagged.events if e.verifier] == ["flagged"]
    assert dropped.events == []
    [gone] = dropped.dropped
    assert gone.verifier is not None and gone.verifier["action"] == "dropped"
    assert "statement" in gone.verifier["reason"] and gone.modality == "asserted"
    assert kept.events[0].confidence == pytest.approx(0.9)
    assert gone.confidence == pytest.approx(0.01)


def test_policy_thresholds_are_configurable() -> None:
    prediction = _prediction("material_conflict", 0.9)
    strict = VerifierPolicy(flag_below=1.0, drop_below=0.95, propose="none")
    verdict = verify_sentence([_event("190")], prediction, strict, TAG)
    assert verdict.events == [] and len(verdict.dropped) == 1
    with pytest.raises(ValueError):
        VerifierPolicy(flag_below=0.1, drop_below=0.5)


def test_policy_proposes_a_root_level_event_of_the_model_class_when_all_are_dropped() -> None:
    policy = VerifierPolicy(drop_below=0.2, propose="replacements", propose_min=0.6)
    verdict = verify_sentence([_event("190")], _prediction("verbal_conflict", 0.8), policy, TAG)
    [proposed] = verdict.events
    assert proposed.code == "11" and proposed.root_code == "11"
    assert "verifier" in proposed.rule and "190" in proposed.rule["replaces"]
    assert proposed.source.code == "XYZREB" and proposed.id != verdict.dropped[0].id
    assert proposed.verifier is not None and proposed.verifier["action"] == "proposed"
    unsure = verify_sentence([_event("190")], _prediction("verbal_conflict", 0.55), policy, TAG)
    assert unsure.events == []  # below propose_min: dropped, nothing proposed


def test_policy_proposes_nothing_while_a_rule_event_of_the_sentence_survives() -> None:
    policy = VerifierPolicy()
    events = [_event("190"), _event("112")]
    verdict = verify_sentence(events, _prediction("verbal_conflict", 0.95), policy, TAG)
    assert [e.code for e in verdict.events] == ["112"]
    assert [e.code for e in verdict.dropped] == ["190"]


def test_policy_type_head_chooses_the_root_within_the_class() -> None:
    prediction = Prediction(
        _prediction("material_conflict", 0.9).classes, {"PROTEST": 0.7, "AGREE": 0.2}
    )
    verdict = verify_sentence([_event("040")], prediction, VerifierPolicy(), TAG)
    assert [e.code for e in verdict.events] == ["14"]


def test_fuse_combines_a_rule_confidence_with_the_model() -> None:
    assert fuse(None, 0.7) == pytest.approx(0.7)
    assert fuse(0.5, 0.7) == pytest.approx(0.7)  # an undecided prior changes nothing
    assert fuse(0.8, 0.8) > 0.8
    prior = _event("190")
    verdict = verify_sentence(
        [Event(**{**_fields(prior), "confidence": 0.9})],
        _prediction("material_conflict", 0.6),
        VerifierPolicy(),
        TAG,
    )
    assert verdict.events[0].confidence == pytest.approx(fuse(0.9, 0.6), abs=1e-4)
    assert verdict.events[0].verifier == {**verdict.events[0].verifier, "prior_confidence": 0.9}


def _fields(event: Event) -> dict[str, object]:
    return {name: getattr(event, name) for name in Event.__slots__}


class _Rules:
    version = "rules-test"

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.dictionary_version = "dict-test"

    def code(self, document: Document) -> list[Event]:
        if document.id == "broken":
            raise RuntimeError("cannot code")
        return list(self.events.get(document.id, []))


class _Model:
    name = "stand-in"
    version = "s1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        self.calls.append(list(sentences))
        # reads "shouted" as a statement and anything else as material conflict
        return [
            _prediction("statement" if "shouted" in s else "material_conflict", 0.97)
            for s in sentences
        ]


def test_verified_coder_drops_keeps_and_batches_sentences_across_documents() -> None:
    a = [_event("190", 0), _event("190", 1, "The crowd shouted at the mayor.")]
    rules = _Rules({"a": a, "b": [_event("193", 0)]})
    model = _Model()
    coder = VerifiedCoder(rules, model, VerifierPolicy(propose="none"))
    docs = [Document("a", "x"), Document("b", "y"), Document("c", "z")]
    results = list(coder.code_many(docs))
    assert [len(r.events) for r in results] == [1, 1, 0]
    assert [e.sentence_index for e in results[0].dropped] == [1]
    assert len(model.calls) == 1 and len(model.calls[0]) == 3  # one batch, three sentences
    events, dropped = coder.code_verified(docs[0])
    assert len(events) == 1 and len(dropped) == 1
    assert coder.version == "rules-test+verifier-s1"
    assert coder.dictionary_version == "dict-test"  # the rule coder's attributes show through


def test_verified_coder_code_many_keeps_a_failed_document_and_goes_on() -> None:
    rules = _Rules({"ok": [_event("190")]})

    class _WithMany(_Rules):
        def code_many(self, documents: list[Document], batch_size: int | None = None):  # type: ignore[no-untyped-def]
            from dyadwatch.verifier.apply import VerifiedResult

            for d in documents:
                try:
                    yield VerifiedResult(d, self.code(d))
                except RuntimeError as exc:
                    yield VerifiedResult(d, [], exc)

    coder = VerifiedCoder(_WithMany(rules.events), _Model())
    results = list(coder.code_many([Document("broken", "x"), Document("ok", "y")]))
    assert results[0].error is not None and results[0].reject().code == "coding_failed"
    assert results[1].ok and [e.verifier["action"] for e in results[1].events if e.verifier] == [
        "kept"
    ]


def test_event_record_carries_confidence_and_verifier_block() -> None:
    verdict = verify_sentence([_event("190")], _prediction("material_conflict", 0.8),
                              VerifierPolicy(), TAG)  # fmt: skip
    record = verdict.events[0].to_dict()
    assert record["confidence"] == pytest.approx(0.8)
    assert record["verifier"]["model"] == "test-model"
    assert Event.from_dict(record) == verdict.events[0]
    assert _event("190").to_dict()["verifier"] is None


class _Token:
    def __init__(self, text: str, idx: int) -> None:
        self.text, self.idx = text, idx


class _Mention:
    def __init__(self, start: int, actor: Actor) -> None:
        self.start, self.end, self.actor = start, start + 1, actor


class _Recognizer:
    """Knows two one-word actors."""

    def __init__(self) -> None:
        self.ACTORS = {"Ruritania": Actor("RUR", "Ruritania"), "Elbonia": Actor("ELB", "Elbonia")}

    def could_mention_actor(self, text: str) -> bool:
        return any(name in text for name in self.ACTORS)

    def find(self, tokens: list[_Token], when: object = None) -> list[_Mention]:
        return [
            _Mention(i, self.ACTORS[t.text]) for i, t in enumerate(tokens) if t.text in self.ACTORS
        ]


def _tokenize(text: str) -> list[_Token]:
    tokens, at = [], 0
    for word in text.replace(".", " .").split():
        at = text.index(word, at)
        tokens.append(_Token(word, at))
        at += len(word)
    return tokens


class _RulesWithActors(_Rules):
    nlp = staticmethod(_tokenize)
    recognizer = _Recognizer()


def test_sentences_mode_proposes_where_the_rules_found_actors_but_no_event() -> None:
    text = "Rebels stormed the town hall. Ruritania shouted at Elbonia. The weather was fine."
    rules = _RulesWithActors({"d": [_event("190", 0, "Rebels stormed the town hall.")]})
    model = _Model()
    doc = Document("d", text)
    events = VerifiedCoder(rules, model, VerifierPolicy(propose="sentences")).code(doc)
    assert [e.code for e in events] == ["190", "01"]  # in text order
    proposed = events[1]
    assert (proposed.source.code, proposed.target and proposed.target.code) == ("RUR", "ELB")
    assert text[slice(*proposed.evidence.spans["source"])] == "Ruritania"
    assert proposed.evidence.text == "Ruritania shouted at Elbonia."
    assert proposed.verifier is not None and proposed.verifier["action"] == "proposed"
    assert "verifier" in proposed.rule
    # the sentence without an actor never reached the model
    assert not any("weather" in s for call in model.calls for s in call)
    default = VerifiedCoder(rules, _Model()).code(doc)
    assert [e.code for e in default] == ["190"]  # replacements only, by default
