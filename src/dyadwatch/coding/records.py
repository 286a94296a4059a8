"""The event record: from an extracted candidate to the :class:`~dyadwatch.model.Event` the coder
returns, with actors as of the event date, codebook facts, date, place, modality, attribution,
evidence spans, the rules that fired, the confidence (coding/confidence.py) and the stable id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.confidence import event_confidence
from dyadwatch.coding.dates.event_date import resolve_event_date
from dyadwatch.coding.dates.resolve import period_days
from dyadwatch.coding.events.arguments import FORCE_ROOTS, PLACE_TARGET_ROOTS
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, RecognizerLike
from dyadwatch.coding.events.yields import REFUSED
from dyadwatch.coding.ids import event_id
from dyadwatch.coding.modality.classify import (
    attempted,
    attribution_of,
    charged_act,
    decided,
    doubted,
    modality_of,
)
from dyadwatch.coding.passage import vetoed_law_target
from dyadwatch.coding.places.placer import Placer
from dyadwatch.dictionaries.codebook import Codebook
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Modality, Place, Plover

# threats of force or restriction land where they would be carried out
THREAT_CODES = "13"
# coercion and force: the attempt is the act ("tried to hack", "attempted to assassinate")
ATTEMPTED_ROOTS = frozenset({"17", "18", "19", "20"})
# acts with no named target that are domestic by nature: protest (14), repression (17), a
# concession such as lifting a curfew (08), threats of political restrictions (132, 133)
DOMESTIC_ROOTS = frozenset({"08", "14", "17"})
DOMESTIC_THREATS = ("132", "133")
# military de-escalation (ceasefire, demobilisation, withdrawal) is aimed at the other side or
# the place left, never at the source's own country: "announced a withdrawal from the region"
NOT_DOMESTIC = ("087",)


class RecordBuilder:
    """Builds the coder's event records; shares the coder's recognizer, codebook and placer."""

    def __init__(
        self, recognizer: RecognizerLike[Any], codebook: Codebook, placer: Placer, version: str
    ) -> None:
        self.recognizer = recognizer
        self.codebook = codebook
        self.placer = placer
        self.version = version

    def event(
        self,
        document: Document,
        doc: Doc,
        candidate: EventCandidate,
        index: MentionIndex,
        countries: list[str],
    ) -> Event:
        """The event record of one candidate of ``document`` (parsed as ``doc``)."""
        predicate = candidate.predicate
        date = resolve_event_date(predicate, document.date, _stated(candidate))
        when = _as_date(date) or document.date
        if when is not None and document.date is not None and when > document.date:
            # a date after the story ("aid through 1992") is no act yet: people hold the
            # posts they held when the story was written
            when = document.date
        source = self.recognizer.at_date(candidate.source, when)
        target = self.recognizer.at_date(candidate.target, when) if candidate.target else None
        entry = self.codebook.get(candidate.code)
        location = self.placer.locate(predicate, countries)
        event_type, mode = self.codebook.plover(candidate.code)
        sentence = candidate.sentence
        verb_span = _char_span(candidate.verb_tokens)
        spans = {"source": _mention_chars(doc, candidate.source), "verb": verb_span}
        if candidate.target is not None:
            spans["target"] = _mention_chars(doc, candidate.target)
        rule = {
            "verb": candidate.entries[0],
            "chain": " > ".join(candidate.entries),
            "source": f"{candidate.source_rule}: {candidate.source.rule}",
        }
        if candidate.target is not None:
            rule["target"] = f"{candidate.target_rule}: {candidate.target.rule}"
        elif (fallback := fallback_target(candidate.code, source, location)) is not None and (
            fallback[1] != DOMESTIC_RULE or not _names_foreign(index, sentence, source)
        ):
            target, rule["target"] = fallback
        elif (
            vetoed := vetoed_law_target(candidate.code, candidate.verb_tokens, source)
        ) is not None:
            target, rule["target"] = vetoed  # "the governor vetoed the bill" (coding/passage.py)
        if candidate.recoded:
            rule["recoded"] = candidate.recoded
        event = Event(
            id=event_id(
                document.id,
                candidate.sentence_index,
                verb_span,
                candidate.code,
                source.code,
                target.code if target else None,
                self.version,
            ),
            doc_id=document.id,
            sentence_index=candidate.sentence_index,
            evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char, spans),
            source=source,
            target=target,
            code=candidate.code,
            root_code=entry.root_code,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=Plover(event_type, mode),
            modality=self._modality(candidate, index, source),
            attributed_to=self._attribution(predicate, index, when),
            date=date,
            location=location,
            rule=rule,
        )
        return replace(event, confidence=event_confidence(event))

    def _modality(self, candidate: EventCandidate, index: MentionIndex, source: Actor) -> Modality:
        modality = modality_of(candidate.predicate)
        attempt = candidate.code[:2] in ATTEMPTED_ROOTS and attempted(candidate.predicate)
        if modality == "hypothetical" and attempt:
            return "asserted"  # "rebels tried to storm the base": an attack all the same
        if modality in ("future", "hypothetical") and decided(candidate.predicate):
            return "asserted"  # "X's decision to expel the envoy": done as it was decided
        alleged = modality == "hypothetical" and not charged_act(candidate.predicate)
        if alleged and modality_of(candidate.predicate, False) == "asserted":
            # an allegation ("X claimed that Y attacked") is only the claim of its speaker,
            # unless the speaker speaks for the source's own side; a charge against a named
            # party ("his critics blame him for V-ing") stays one whoever makes it
            speaker = attribution_of(candidate.predicate)
            found = index.head_mentions(speaker) if speaker is not None else []
            if any(_same_side(m.actor, source, charge=True) for m in found):
                modality = "asserted"
        if candidate.recoded == REFUSED and modality == "negated":
            return "asserted"  # "did not accede to the demands": the refusal is asserted
        if candidate.recoded != "future" or modality == "question":
            return modality
        if doubted(candidate.predicate):
            return modality  # a forecast someone doubts or denies is no promise
        # a future act recoded as an intent or threat is itself asserted when the actor says
        # it ("Iran said it will send troops"), not when someone else forecasts it ("Iran will
        # send troops, a US official said"): then it is only a future act
        speaker = attribution_of(candidate.predicate)
        if speaker is None:
            return "asserted"
        found = index.head_mentions(speaker)
        if found and not any(_same_side(m.actor, source) for m in found):
            return "future"
        return "asserted"

    def _attribution(
        self, predicate: Token, index: MentionIndex, when: dt.date | None
    ) -> str | None:
        speaker = attribution_of(predicate)
        if speaker is None:
            return None
        found = index.head_mentions(speaker)
        if not found:
            return None
        return self.recognizer.at_date(found[0], when).code


DOMESTIC_RULE = "domestic: own country"


def _names_foreign(index: MentionIndex, sentence: Span, source: Actor) -> bool:
    """Whether a sentence names an actor of another country than the source's: then the act
    is not domestic by default ("Iran issued a warrant for the US president")."""
    return any(
        m.actor.country is not None and m.actor.country != source.country
        for m in index.in_span(sentence.start, sentence.end)
    )


def fallback_target(code: str, source: Actor, location: Place | None) -> tuple[Actor, str] | None:
    """The target of an act that names none (docs/verbs.md): force or restriction lands on the
    country it happens in ("imposed a curfew in Abidjan" -> CIV); a protest, a repression or a
    concession with no place and no target is domestic: aimed at the source's own country."""
    root = code[:2]
    placed = root in PLACE_TARGET_ROOTS or code.startswith(THREAT_CODES)
    if placed and location is not None and location.country is not None:
        country = location.country
        if root in FORCE_ROOTS and country == source.country:
            return None
        return Actor(code=country, name=location.name, country=country), "location"
    domestic = root in DOMESTIC_ROOTS and not code.startswith(NOT_DOMESTIC)
    if (domestic or code.startswith(DOMESTIC_THREATS)) and source.country:
        country = source.country
        return Actor(code=country, name=country, country=country), DOMESTIC_RULE
    return None


def _same_side(speaker: Actor, source: Actor, charge: bool = False) -> bool:
    """Whether a speaker speaks for the source: the same actor or the same country; for a
    ``charge`` (an allegation) not when one is the state and the other its armed or political
    opponents ("the minister alleged that the rebels are planning attacks" is the state's
    charge, not the rebels' word)."""
    if speaker.code == source.code:
        return True
    if (
        charge
        and {speaker.sector, source.sector} & STATE_SECTORS
        and {
            speaker.sector,
            source.sector,
        }
        & OPPONENT_SECTORS
    ):
        return False
    return speaker.country is not None and speaker.country == source.country


# a country's state bodies, and the domestic groups that fight or oppose them
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
OPPONENT_SECTORS = frozenset({"REB", "INS", "OPP", "PTY", "RAD", "SEP", "UAF"})


def _as_date(date: EventDate) -> dt.date | None:
    days = period_days(date.value)
    return days[0] if days else None


def _char_span(tokens: tuple[Token, ...]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _mention_chars(doc: Doc, mention: MentionLike) -> tuple[int, int]:
    span = doc[mention.start : mention.end]
    return span.start_char, span.end_char


# present-tense tags: a stance told in the present ("said they keep channels open")
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
INTENT_ROOT = "03"


def _stated(candidate: EventCandidate) -> bool:
    """Whether the event is a statement dated when it was said: a future act stated now, or
    an intent to cooperate (03) told in the present under a speech verb."""
    if candidate.recoded == "future":
        return True
    return candidate.code.startswith(INTENT_ROOT) and candidate.predicate.tag_ in PRESENT_TAGS
