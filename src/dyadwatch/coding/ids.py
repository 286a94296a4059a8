"""Stable event ids: the same input and dictionaries always give the same id."""

from __future__ import annotations

import hashlib

# Bump when the extraction rules change what an event means (not for every dictionary edit:
# the dictionary digest is part of the coder version already).
RULES_VERSION = "2"


def coder_version(verbs_version: str, data_version: str) -> str:
    """The version string of a coder: extraction rules plus one digest of the verb dictionary
    it was given and of every dictionary data file (``dictionaries.tsv.data_digest``)."""
    both = hashlib.sha1(f"{verbs_version}\x1f{data_version}".encode()).hexdigest()[:12]
    return f"rules{RULES_VERSION}-dict{both}"


def event_id(
    doc_id: str,
    sentence_index: int,
    verb_span: tuple[int, int],
    code: str,
    source: str,
    target: str | None,
    version: str,
) -> str:
    """A 20-hex-digit id from where the event is and what it says."""
    key = "\x1f".join(
        (
            doc_id,
            str(sentence_index),
            f"{verb_span[0]}:{verb_span[1]}",
            code,
            source,
            target or "",
            version,
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
