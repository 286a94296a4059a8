"""A learned second opinion on the rule coder (docs/verifier.md).

``dyadwatch train`` fine-tunes a small transformer sentence classifier on annotated sentences
(:mod:`~dyadwatch.verifier.training`); ``--verifier MODEL_DIR`` (or the ``verifier`` setting)
puts it behind the coder (:mod:`~dyadwatch.verifier.apply`), where it sets each event's
``confidence``, flags or drops events whose class it rejects and may propose a replacement
(:mod:`~dyadwatch.verifier.policy`).

The model parts need the optional ``ml`` extra (torch, transformers, the base model package);
everything else in dyadwatch works without it, and asking for a verifier without it raises a
:class:`~dyadwatch.errors.ConfigError` that says what to install.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from dyadwatch.errors import ConfigError
from dyadwatch.verifier.apply import VerifiedCoder, VerifiedResult
from dyadwatch.verifier.policy import Prediction, VerifierPolicy

if TYPE_CHECKING:
    from dyadwatch.settings import Settings
    from dyadwatch.verifier.inference import Verifier

INSTALL_HINT = (
    "the verifier needs the optional ML packages: pip install 'dyadwatch[ml]' "
    "(install torch==2.13.0 first to keep the CPU build)"
)
_ML_MODULES = ("torch", "transformers")

C = TypeVar("C")


def require_ml() -> None:
    """Raise a ConfigError naming the extra to install when torch or transformers is missing."""
    for module in _ML_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise ConfigError(f"{INSTALL_HINT} ({module} is not importable: {exc})") from None


def load_verifier(
    model_dir: str | Path,
    *,
    batch_size: int = 32,
    device: str | None = None,
    threads: int | None = None,
) -> Verifier:
    """A trained verifier from ``model_dir`` (checked before torch is imported)."""
    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        raise ConfigError(f"verifier model directory {model_dir} does not exist")
    require_ml()
    from dyadwatch.verifier.inference import Verifier

    return Verifier(model_dir, batch_size=batch_size, device=device, threads=threads)


@cache
def _cached_verifier(model_dir: str, batch_size: int) -> Verifier:
    return load_verifier(model_dir, batch_size=batch_size)


def policy_of(settings: Settings) -> VerifierPolicy:
    try:
        return VerifierPolicy(
            flag_below=settings.verifier_flag_below,
            drop_below=settings.verifier_drop_below,
            propose=cast(Any, settings.verifier_propose),
        )
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def prepare_verifier(settings: Settings) -> None:
    """Load the verifier ``settings`` name, if any, so that a missing extra or model fails
    before the (slower) rule coder loads. Loaded models are kept for the process."""
    if settings.verifier:
        policy_of(settings)
        _cached_verifier(str(Path(settings.verifier).resolve()), settings.batch_size)


def with_verifier(coder: C, settings: Settings) -> C:
    """``coder`` itself, or, when ``settings.verifier`` names a model directory, the coder
    wrapped in a :class:`VerifiedCoder`. Callers hold coders by what they use of them
    (``code``, ``code_many``, ``version``, as for plugin coders), which the wrapper offers."""
    if not settings.verifier:
        return coder
    policy = policy_of(settings)
    predictor = _cached_verifier(str(Path(settings.verifier).resolve()), settings.batch_size)
    return cast(C, VerifiedCoder(cast(Any, coder), predictor, policy))


__all__ = [
    "INSTALL_HINT",
    "Prediction",
    "VerifiedCoder",
    "VerifiedResult",
    "VerifierPolicy",
    "load_verifier",
    "policy_of",
    "prepare_verifier",
    "require_ml",
    "with_verifier",
]
