"""The learned sentence gate: its features, its decision, and how the prefilter uses it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.errors import ConfigError
from dyadwatch.nlp.prefilter import SentencePrefilter
from dyadwatch.nlp.sentence_gate import SentenceGate, load_sentence_gate, sentence_features


class AnyCapital:
    """A stand-in actor check: a capitalised word after the first could be an actor."""

    def could_mention_actor(self, text: str) -> bool:
        return any(w[:1].isupper() for w in text.split()[1:])


def _parsed_flags(prefilter: SentencePrefilter, text: str) -> list[bool]:
    return [any(t.tag_ for t in s) for s in prefilter.parse(text).sents]


def test_features_are_cheap_token_facts() -> None:
    words = ["Bolivia", "denounced", "Brazil", "'s", "3", "new", "tariffs", "."]
    features = sentence_features(words, position=0, could_mention_actor=True)
    assert {"bias", "actor", "number", "w=denounced", "w=tariffs", "first=bolivia"} <= features
    assert "pos=0" in features
    assert not any(f.startswith("w=3") for f in features)
    assert "actor" not in sentence_features(words, 5, could_mention_actor=False)


def test_the_gate_keeps_what_scores_at_the_threshold() -> None:
    gate = SentenceGate({"bias": -1.0, "w=denounced": 2.0}, threshold=0.0)
    assert gate.keeps(["Bolivia", "denounced", "Brazil"], 0, True)
    assert not gate.keeps(["Bolivia", "praised", "Brazil"], 0, True)
    assert gate.probability({"bias"}) == pytest.approx(1 / (1 + 2.718281828**1.0), rel=1e-6)


def test_the_file_format_is_checked() -> None:
    with pytest.raises(ValueError):
        SentenceGate.from_json({"format": "other", "weights": {}, "threshold": 0})
    gate = SentenceGate({"bias": 0.5}, 0.1, {"note": "x"})
    assert SentenceGate.from_json(gate.to_json()) == gate


def test_learned_gate_drops_only_sentences_the_word_gate_admits(nlp: Language) -> None:
    # the model here likes "denounced" and dislikes "said"; "weather" is in no dictionary entry
    learned = SentenceGate({"bias": -1.0, "w=denounced": 3.0, "w=weather": 9.0}, threshold=0.0)
    prefilter = SentencePrefilter(nlp, default_verbs(), AnyCapital(), "learned", learned)
    text = (
        "Bolivia denounced Brazil over the border. Officials in Lima said little about "
        "it. The weather in Quito was mild. In 1998 the border moved."
    )
    assert _parsed_flags(prefilter, text) == [True, False, False, True]
    words = SentencePrefilter(nlp, default_verbs(), AnyCapital(), "words")
    assert _parsed_flags(words, text) == [True, True, False, True]


def test_gate_comes_from_the_setting(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADWATCH_PREFILTER_GATE", "learned")
    assert SentencePrefilter(nlp, default_verbs(), AnyCapital()).learned is not None
    monkeypatch.setenv("DYADWATCH_PREFILTER_GATE", "words")
    assert SentencePrefilter(nlp, default_verbs(), AnyCapital()).learned is None
    with pytest.raises(ConfigError):
        SentencePrefilter(nlp, default_verbs(), AnyCapital(), "smart")


def test_packaged_gate_records_its_training_and_held_out_articles() -> None:
    gate = load_sentence_gate()
    info = gate.training
    assert info["trained_by"] == "tools/train_sentence_gate.py"
    for corpus, trained in info["trained_doc_ids"].items():
        held = info["held_out_doc_ids"][corpus]
        assert trained and held and not set(trained) & set(held)
    assert 0.9 <= info["held_out_event_recall"] <= 1.0
    assert len(gate.weights) > 100
