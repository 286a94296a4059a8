"""Run a trained verifier on sentences: batched, on a GPU when one is present.

Needs the ``ml`` extra; load through :func:`dyadwatch.verifier.load_verifier`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

from dyadwatch.verifier import modelio
from dyadwatch.verifier.policy import Prediction


def pick_device(device: str | None = None) -> Any:
    """``device`` if given, else the first CUDA GPU when there is one, else the CPU."""
    if device:
        return torch.device(device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def set_threads(threads: int | None) -> None:
    """Cap torch's CPU threads (the machines running dyadwatch are often shared)."""
    if threads:
        torch.set_num_threads(threads)


class Verifier:
    """A loaded verifier: :meth:`predict` gives each sentence's class (and type) distribution."""

    def __init__(
        self,
        model_dir: str | Path,
        *,
        batch_size: int = 32,
        device: str | None = None,
        threads: int | None = None,
    ) -> None:
        set_threads(threads)
        self.model_dir = Path(model_dir)
        self.network, self.tokenizer, self.meta = modelio.load(self.model_dir)
        self.device = pick_device(device)
        self.network.to(self.device)
        self.batch_size = batch_size

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def version(self) -> str:
        return self.meta.version

    @property
    def classes(self) -> list[str]:
        return self.meta.classes

    @property
    def types(self) -> list[str]:
        return self.meta.types

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        """One prediction per sentence, in order."""
        out: list[Prediction] = []
        for start in range(0, len(sentences), self.batch_size):
            out.extend(self._batch(sentences[start : start + self.batch_size]))
        return out

    def _batch(self, sentences: Sequence[str]) -> list[Prediction]:
        if not sentences:
            return []
        encoded = self.tokenizer(
            list(sentences),
            truncation=True,
            padding=True,
            max_length=self.meta.max_length,
            return_tensors="pt",
        )
        batch = {k: v.to(self.device) for k, v in encoded.items()}
        with torch.inference_mode():
            class_logits, type_logits = self.network.forward(batch)
            class_p = torch.softmax(class_logits, dim=-1).cpu().tolist()
            type_p = (
                torch.softmax(type_logits, dim=-1).cpu().tolist()
                if type_logits is not None
                else None
            )
        return [
            Prediction(
                classes=dict(zip(self.classes, row, strict=True)),
                types=dict(zip(self.types, type_p[i], strict=True)) if type_p else {},
            )
            for i, row in enumerate(class_p)
        ]
