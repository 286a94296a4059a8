"""An act told twice in one document is one event.

News tells its main act in the lead and again further down ("On Friday the president declared
an emergency. ... He declared it the same day, after Congress ..."); coded twice it would count
one act as two. A later asserted event with the same source, CAMEO code, target and the same
stated day as an earlier asserted event of the document, in another sentence, is that event
told again and is dropped; the first telling stays (it is the one that names the act in full).

Only days the text gives count (a date from the text or its context, at day precision): acts
dated by the publication date or by a month or a year only may well be distinct acts of one
period ("Biden criticized Trump" in a roundup of the month). Two named people on either side
make two acts ("X was convicted", "Y was convicted" on one day).

Pure over the coded events (``Coder.code_parsed`` applies it last).
"""

from __future__ import annotations

from collections.abc import Sequence

from dyadwatch.model import Actor, Event

Key = tuple[str, str, str | None, str]


def told_again(events: Sequence[Event]) -> list[Event]:
    """The events, without those that repeat an earlier one of the document (module doc)."""
    first: dict[Key, list[Event]] = {}
    kept: list[Event] = []
    for event in events:
        key = _key(event)
        if key is None:
            kept.append(event)
            continue
        earlier = first.setdefault(key, [])
        if any(_same_act(before, event) for before in earlier):
            continue
        earlier.append(event)
        kept.append(event)
    return kept


def _key(event: Event) -> Key | None:
    """What two tellings of one act share; None for an event that is never a repeat."""
    date = event.date
    if event.modality != "asserted" or date.value is None or date.precision != "day":
        return None
    if date.source not in ("text", "context"):
        return None
    target = event.target.code if event.target is not None else None
    return (event.source.code, event.code, target, date.value)


def _same_act(before: Event, event: Event) -> bool:
    if before.sentence_index == event.sentence_index:
        return False  # one sentence's own events are settled by ``one_per_act``
    if _other_person(before.source, event.source):
        return False
    if before.target is None or event.target is None:
        return True
    return not _other_person(before.target, event.target)


def _other_person(a: Actor, b: Actor) -> bool:
    """Whether two actors are named people known to differ."""
    return a.person is not None and b.person is not None and a.person != b.person
