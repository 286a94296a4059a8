"""The library API that the CLI, the HTTP API and notebooks share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, BinaryIO

from dyadwatch import registry
from dyadwatch.engine.local import DocumentResult, Outcome
from dyadwatch.engine.runner import run
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings, load_settings

if TYPE_CHECKING:
    from dyadwatch.coding.coder import Coder


@cache
def get_coder(settings: Settings) -> Coder:
    """The coder for these settings, loaded once per process (loading parses dictionaries).

    ``settings.coder`` names the factory in :data:`dyadwatch.registry.coders`; a plugin's coder
    must offer what callers use of :class:`~dyadwatch.coding.coder.Coder` (at least ``code``).
    With ``settings.verifier`` set, the coder comes wrapped in the verifier model."""
    from dyadwatch.engine.local import freeze_loaded
    from dyadwatch.nlp.pipeline import import_spacy

    if not settings.verifier:  # the verifier package (and the gold readers it uses) unloaded
        import_spacy(settings)  # without torch when nothing needs it (a faster start)
        rules: Coder = registry.coders.get(settings.coder)(settings)
        freeze_loaded()  # kept for the process: out of the collector's walks
        return rules
    from dyadwatch.verifier import prepare_verifier, with_verifier

    prepare_verifier(settings)  # a missing ml extra fails before spaCy loads
    import_spacy(settings)
    coder: Coder = registry.coders.get(settings.coder)(settings)
    freeze_loaded()
    return with_verifier(coder, settings)


def code_inputs(
    inputs: Sequence[str],
    *,
    date: dt.date | None = None,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Outcome]:
    """Read and code every input; yields a DocumentResult per accepted document and a Reject
    per input (or record) that could not be read or coded, in input order."""
    from dyadwatch.ingest import read_inputs

    settings = settings or load_settings()
    items = read_inputs(inputs, default_date=date, stdin=stdin, max_bytes=settings.max_input_bytes)
    coder = get_coder(settings) if settings.workers <= 1 and settings.engine == "local" else None
    yield from run(items, settings, coder)


def code_text(
    text: str,
    *,
    date: dt.date | None = None,
    doc_id: str = "text",
    settings: Settings | None = None,
) -> list[Event]:
    """Code one text (no page splitting) and return its events; handy in notebooks."""
    coder = get_coder(settings or load_settings())
    return coder.code(Document(id=doc_id, text=text, date=date, origin=doc_id))


__all__ = ["DocumentResult", "Outcome", "code_inputs", "code_text", "get_coder"]
