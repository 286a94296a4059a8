"""Fine-tune the verifier on labelled sentences and write MODEL_DIR (``dyadwatch train``).

The class head learns the five Multi-CoPED classes (plus ``none`` when article gold gives
sentences without events); the type head learns PLOVER types when the data has any. A record
without a label for a head does not train that head. Before training, a stratified share of
the data is held out; the model is scored on it and the scores are written with the model.

Needs the ``ml`` extra; import through :mod:`dyadwatch.verifier`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from dyadwatch.errors import ConfigError
from dyadwatch.verifier import modelio
from dyadwatch.verifier.examples import (
    CLASS_NAMES,
    NONE_CLASS,
    Example,
    digest,
    stratified_split,
)
from dyadwatch.verifier.inference import pick_device, set_threads
from dyadwatch.verifier.policy import Prediction

Log = Callable[[str], None]
IGNORE = -100  # cross-entropy's "no label here"


@dataclass(frozen=True, slots=True)
class TrainingOptions:
    base: str = modelio.DEFAULT_BASE
    epochs: int = 5
    max_length: int = 96
    batch_size: int = 16
    learning_rate: float = 1e-4
    holdout: float = 0.1  # share held out for the model's own scores; 0 trains on everything
    seed: int = 13
    threads: int | None = None
    device: str | None = None
    # freeze the embeddings and the first N encoder layers: faster steps on a CPU, and less
    # to overfit on a small training set
    freeze_layers: int = 0


def label_sets(examples: Sequence[Example]) -> tuple[list[str], list[str]]:
    """The class labels (always the five, plus ``none`` when present) and PLOVER types seen."""
    classes = list(CLASS_NAMES)
    if any(e.label == NONE_CLASS for e in examples):
        classes.append(NONE_CLASS)
    types = sorted({e.plover_type for e in examples if e.plover_type})
    return classes, types


def train_examples(
    examples: Sequence[Example],
    out: Path,
    options: TrainingOptions | None = None,
    *,
    name: str | None = None,
    sources: Sequence[str] = (),
    log: Log | None = None,
) -> modelio.ModelMeta:
    """Train on ``examples`` (minus the held-out share), score, and save to ``out``."""
    options = options or TrainingOptions()
    say = log or (lambda _: None)
    usable = [e for e in examples if e.label or e.plover_type]
    if len(usable) < 2:
        raise ConfigError("training needs at least two labelled sentences")
    train, held = stratified_split(usable, options.holdout, options.seed)
    classes, types = label_sets(usable)
    set_threads(options.threads)
    torch.manual_seed(options.seed)
    base_dir = modelio.resolve_base(options.base)
    network, tokenizer = modelio.new_network(base_dir, len(classes), len(types))
    device = pick_device(options.device)
    network.to(device)
    say(
        f"training on {len(train)} sentences ({len(held)} held out), classes {classes}"
        + (f", {len(types)} PLOVER types" if types else "")
        + f", {options.epochs} epoch(s) on {device}"
    )
    started = time.perf_counter()
    _fit(network, tokenizer, train, classes, types, options, device, say)
    seconds = time.perf_counter() - started
    heldout = score(predict_with(network, tokenizer, options.max_length, device, classes, types),
                    held) if held else {}  # fmt: skip
    data_digest = digest(usable)
    version = hashlib.sha256(
        "|".join(
            map(
                str,
                (
                    data_digest,
                    options.base,
                    options.epochs,
                    options.max_length,
                    options.learning_rate,
                    options.holdout,
                    options.seed,
                ),
            )
        ).encode()
    ).hexdigest()[:12]
    meta = modelio.ModelMeta(
        name=name or out.name,
        version=version,
        base=options.base,
        classes=classes,
        types=types,
        max_length=options.max_length,
        training={
            "sources": list(sources),
            "sentences": len(usable),
            "trained_on": len(train),
            "held_out": len(held),
            "data_digest": data_digest,
            "epochs": options.epochs,
            "batch_size": options.batch_size,
            "learning_rate": options.learning_rate,
            "seed": options.seed,
            "freeze_layers": options.freeze_layers,
            "seconds": round(seconds, 1),
            "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
        heldout=heldout,
    )
    modelio.save(out, network, tokenizer, meta)
    say(f"saved {out} (version {version})" + (f"; held-out {_show(heldout)}" if held else ""))
    return meta


def _show(scores: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in scores.items())


def _fit(
    network: modelio.Network,
    tokenizer: Any,
    train: Sequence[Example],
    classes: list[str],
    types: list[str],
    options: TrainingOptions,
    device: Any,
    say: Log,
) -> None:
    frozen = freeze(network, options.freeze_layers)
    if frozen:
        say(f"froze {frozen} parameter tensors (embeddings, first {options.freeze_layers} layers)")
    class_index = {c: i for i, c in enumerate(classes)}
    type_index = {t: i for i, t in enumerate(types)}
    trainable = [p for p in network.modules.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=options.learning_rate)
    steps = max(1, options.epochs * -(-len(train) // options.batch_size))
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup + 1)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    order = list(train)
    shuffler = random.Random(options.seed)
    network.modules.train()
    for epoch in range(1, options.epochs + 1):
        began = time.perf_counter()
        shuffler.shuffle(order)
        total = 0.0
        for start in range(0, len(order), options.batch_size):
            chunk = order[start : start + options.batch_size]
            batch = _encode(tokenizer, [e.text for e in chunk], options.max_length, device)
            class_gold = torch.tensor([class_index.get(e.label, IGNORE) for e in chunk])
            class_logits, type_logits = network.forward(batch)
            loss = _loss(loss_fn, class_logits, class_gold.to(device))
            if type_logits is not None:
                type_gold = torch.tensor(
                    [type_index.get(e.plover_type or "", IGNORE) for e in chunk]
                )
                loss = loss + _loss(loss_fn, type_logits, type_gold.to(device))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            schedule.step()
            total += float(loss.item()) * len(chunk)
            if epoch == 1 and start // options.batch_size == 9:  # an early speed reading
                rate = (start + len(chunk)) / (time.perf_counter() - began)
                say(f"training at {rate:.1f} sentences/s")
        seconds = time.perf_counter() - began
        say(f"epoch {epoch}/{options.epochs}: loss {total / len(order):.4f}, {seconds:.0f} s")
    network.modules.eval()


def freeze(network: modelio.Network, layers: int) -> int:
    """Stop gradients in the encoder's embeddings and its first ``layers`` layers (BERT-style
    parameter names); returns the number of tensors frozen."""
    if layers <= 0:
        return 0
    prefixes = ("embeddings.", *(f"encoder.layer.{i}." for i in range(layers)))
    count = 0
    for name, parameter in network.modules["encoder"].named_parameters():
        if name.startswith(prefixes):
            parameter.requires_grad_(False)
            count += 1
    return count


def _loss(loss_fn: Any, logits: Any, gold: Any) -> Any:
    if bool((gold == IGNORE).all()):
        return logits.sum() * 0.0  # no label for this head in the batch
    return loss_fn(logits, gold)


def _encode(tokenizer: Any, texts: list[str], max_length: int, device: Any) -> dict[str, Any]:
    encoded = tokenizer(
        texts, truncation=True, padding=True, max_length=max_length, return_tensors="pt"
    )
    return {k: v.to(device) for k, v in encoded.items()}


def predict_with(
    network: modelio.Network,
    tokenizer: Any,
    max_length: int,
    device: Any,
    classes: list[str],
    types: list[str],
    batch_size: int = 32,
) -> Callable[[Sequence[str]], list[Prediction]]:
    """A predict function over an in-memory network (for scoring before saving)."""

    def predict(sentences: Sequence[str]) -> list[Prediction]:
        out: list[Prediction] = []
        with torch.inference_mode():
            for start in range(0, len(sentences), batch_size):
                batch = _encode(
                    tokenizer, list(sentences[start : start + batch_size]), max_length, device
                )
                class_logits, type_logits = network.forward(batch)
                class_p = torch.softmax(class_logits, -1).cpu().tolist()
                type_p = torch.softmax(type_logits, -1).cpu().tolist() if types else None
                for i, row in enumerate(class_p):
                    out.append(
                        Prediction(
                            dict(zip(classes, row, strict=True)),
                            dict(zip(types, type_p[i], strict=True)) if type_p else {},
                        )
                    )
        return out

    return predict


def score(
    predict: Callable[[Sequence[str]], list[Prediction]], examples: Sequence[Example]
) -> dict[str, float]:
    """Class accuracy and macro-F1 (over the classes present in ``examples``) and, where the
    examples have PLOVER types, type accuracy."""
    predictions = predict([e.text for e in examples])
    scores: dict[str, float] = {}
    pairs = [(e.label, p.best()[0]) for e, p in zip(examples, predictions, strict=True) if e.label]
    if pairs:
        scores["accuracy"] = sum(g == p for g, p in pairs) / len(pairs)
        f1s = []
        for label in sorted({g for g, _ in pairs}):
            tp = sum(g == p == label for g, p in pairs)
            predicted = sum(p == label for _, p in pairs)
            actual = sum(g == label for g, _ in pairs)
            precision = tp / predicted if predicted else 0.0
            recall = tp / actual
            f1s.append(2 * precision * recall / (precision + recall) if tp else 0.0)
        scores["macro_f1"] = sum(f1s) / len(f1s)
    typed = [
        (e.plover_type, max(p.types, key=lambda t: p.types[t]))
        for e, p in zip(examples, predictions, strict=True)
        if e.plover_type and p.types
    ]
    if typed:
        scores["type_accuracy"] = sum(g == p for g, p in typed) / len(typed)
    return {k: round(v, 4) for k, v in scores.items()}


def train_files(
    paths: Sequence[str | Path],
    out: Path,
    options: TrainingOptions | None = None,
    *,
    corpus: Path | None = None,
    log: Log | None = None,
) -> modelio.ModelMeta:
    """``dyadwatch train``: read the gold files, train, save. Article gold without a corpus is
    skipped with a message rather than failing the run."""
    from dyadwatch.errors import EvaluationError
    from dyadwatch.verifier.examples import read_examples

    say = log or (lambda _: None)
    examples: list[Example] = []
    seen: set[str] = set()
    used: list[str] = []
    for path in paths:
        try:
            found = read_examples(path, corpus)
        except EvaluationError as exc:
            if corpus is None and "article gold" in str(exc):
                say(f"skipped {path}: {exc}")
                continue
            raise
        used.append(str(path))
        kept = 0
        for example in found:
            key = " ".join(example.text.split())
            if key not in seen:
                seen.add(key)
                examples.append(example)
                kept += 1
        say(f"{path}: {kept} sentence(s)")
    return train_examples(examples, out, options, sources=used, log=log)
