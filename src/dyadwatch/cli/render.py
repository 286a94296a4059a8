"""Plain-text rendering of coded documents for people (the `--format table` output)."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable

from dyadwatch.dictionaries.actor_names import actor_label
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.model import Document, Event, Reject

_WIDTH = 100
# segmentation bookkeeping that says nothing to a reader of the summary
_HIDDEN_METADATA = frozenset({"page_span", "part", "cut_mid_sentence"})


def _actor(code: str | None) -> str:
    return actor_label(code) or "-"


def _when(event: Event) -> str:
    date = event.date
    if date.value is None:
        return "undated"
    text = date.value + (f"..{date.end}" if date.end else "")
    return text if date.source == "text" else f"{text} (pub)"


def render_document(doc: Document, events: list[Event]) -> str:
    """A document header, then one block per event: what, who, when, where, evidence."""
    codebook = default_codebook()
    flags = ["teaser, truncated"] if doc.truncated else []
    if doc.date:
        flags.append(f"published {doc.date.isoformat()}")
    title = f" - {doc.title}" if doc.title else ""
    lines = [f"== {doc.id}{title}" + (f" ({'; '.join(flags)})" if flags else "")]
    for key, value in sorted(doc.metadata.items()):
        if key not in _HIDDEN_METADATA:
            lines.append(f"   {key}: {textwrap.shorten(value, width=_WIDTH - len(key) - 5)}")
    if not events:
        lines.append("   no events")
    for event in events:
        name = codebook.get(event.code).name if event.code in codebook else event.code
        modality = "" if event.modality == "asserted" else f" [{event.modality.upper()}]"
        said = f" (per {event.attributed_to})" if event.attributed_to else ""
        target = _actor(event.target.code if event.target else None)
        lines.append(
            f"  {_when(event):<22} {_actor(event.source.code)} -> {target}"
            f"  {event.code} {name}{modality}{said}"
        )
        if event.location:
            lines.append(f"  {'':22} at {event.location.name} ({event.location.country or 'intl'})")
        # the whole sentence, wrapped: a cut sentence can hide the negation or the target
        evidence = " ".join(event.evidence.text.split())
        lines.extend(
            textwrap.wrap(
                f"\u201c{evidence}\u201d",
                width=_WIDTH,
                initial_indent=" " * 25,
                subsequent_indent=" " * 26,
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


def render_summary(n_docs: int, events: Iterable[Event], rejects: list[Reject]) -> str:
    events = list(events)
    by_modality = Counter(e.modality for e in events)
    asserted = by_modality.pop("asserted", 0)
    others = ", ".join(f"{n} {m}" for m, n in sorted(by_modality.items()))
    lines = [
        "",
        f"{n_docs} document(s), {len(events)} event(s): {asserted} asserted"
        + (f"; not counted as events: {others}" if others else ""),
    ]
    by_root = Counter(e.root_code for e in events if e.modality == "asserted")
    if by_root:
        codebook = default_codebook()
        top = ", ".join(
            f"{root} {codebook.get(root).name.lower()} x{n}" for root, n in by_root.most_common(6)
        )
        lines.append(f"asserted by root class: {top}")
    if rejects:
        lines.append(f"{len(rejects)} input(s) rejected:")
        lines.extend(f"  {r.origin}: {r.code}: {r.reason}" for r in rejects)
    return "\n".join(lines)
