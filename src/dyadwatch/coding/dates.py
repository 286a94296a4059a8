"""Event dates. Interface owned by the dates work (issue 3); this baseline uses the publication date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from dyadwatch.model import EventDate


def resolve_event_date(verb: Token, publication: dt.date | None) -> EventDate:
    """The date of the event whose predicate is ``verb``, relative to the publication date."""
    return EventDate.publication(publication)
