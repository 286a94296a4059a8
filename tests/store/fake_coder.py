"""A deterministic fake coder over a tiny controlled language, for the store tests.

``CHNMIL attacked JPN on 2024-03-05 near Senkaku.`` gives one event (source CHNMIL, target JPN,
CAMEO 190, dated 2024-03-05 from the text, at the Senkaku Islands). Sentences with "may" are
hypothetical, "did not" negated; without a date the publication date is used. A document whose
text contains ``EXPLODE`` makes the coder raise. Loaded by file path (conftest, and the
subprocess of the crash test), so it imports nothing from the tests.
"""

from __future__ import annotations

import hashlib
import re

from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Modality, Place, Plover

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_CLAUSE = re.compile(
    r"\b(?P<src>[A-Z]{3}(?:[A-Z]{3})?) (?P<neg>did not )?(?P<may>may )?"
    r"(?P<verb>attacked|attack|met|meet|protested against|threatened|threaten|accused) "
    r"(?P<tgt>[A-Z]{3}(?:[A-Z]{3})?)\b"
)
_VERBS = {
    "attacked": "190",
    "attack": "190",
    "met": "040",
    "meet": "040",
    "protested against": "141",
    "threatened": "130",
    "threaten": "130",
    "accused": "112",
}
_DATE = re.compile(r"\b(?:on|in) (\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")
_PLACES = {
    "Senkaku": Place("Senkaku Islands", None, 25.75, 123.5, "island_group", "dw:senkaku-islands"),
    "Tokyo": Place("Tokyo", "JPN", 35.68, 139.69, "city", "geonames:1850147"),
}


def _actor(code: str) -> Actor:
    country = code[:3] if code[:3] not in {"IGO", "NGO"} else None
    return Actor(code=code, name=code.title(), country=country, sector=code[3:] or None)


class FakeCoder:
    """Deterministic coder over the controlled language above."""

    def __init__(self, version: str = "fake-1") -> None:
        self.version = version
        self.calls: list[str] = []

    def code(self, doc: Document) -> list[Event]:
        self.calls.append(doc.id)
        if "EXPLODE" in doc.text:
            raise RuntimeError("fake coder exploded")
        codebook = default_codebook()
        events: list[Event] = []
        for index, match in enumerate(_SENTENCE.finditer(doc.text)):
            sentence = match.group(0)
            clause = _CLAUSE.search(sentence)
            if clause is None:
                continue
            code = _VERBS[clause["verb"]]
            entry = codebook.get(code)
            modality: Modality = "asserted"
            if clause["neg"]:
                modality = "negated"
            elif clause["may"]:
                modality = "hypothetical"
            found = _DATE.search(sentence)
            if found:
                value = found.group(1)
                precision = {4: "year", 7: "month", 10: "day"}[len(value)]
                date = EventDate(value, precision, "text")  # type: ignore[arg-type]
            else:
                date = EventDate.publication(doc.date)
            place = next((p for key, p in _PLACES.items() if key in sentence), None)
            start = match.start() + (len(sentence) - len(sentence.lstrip()))
            key = f"{doc.id}|{index}|{code}|{clause['src']}|{clause['tgt']}|{self.version}"
            events.append(
                Event(
                    id="e-" + hashlib.sha1(key.encode()).hexdigest()[:16],
                    doc_id=doc.id,
                    sentence_index=index,
                    evidence=Evidence(
                        sentence.strip(),
                        start,
                        match.end(),
                        {
                            "verb": (
                                match.start() + clause.start("verb"),
                                match.start() + clause.end("verb"),
                            )
                        },
                    ),
                    source=_actor(clause["src"]),
                    target=_actor(clause["tgt"]),
                    code=code,
                    root_code=entry.root_code,
                    quad_class=entry.quad_class,
                    goldstein=entry.goldstein,
                    plover=Plover(*codebook.plover(code)),
                    modality=modality,
                    date=date,
                    location=place,
                    rule={"verb": f"fake:{clause['verb']}"},
                )
            )
        return events
