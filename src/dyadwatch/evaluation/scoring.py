"""Scoring coded events against gold, exactly as ``gold/README.md`` defines it.

Only asserted events count. PLOVER set: each event's CAMEO code maps to a PLOVER v0.5 type and
actors are compared by country (first three letters of the code, JAP=JPN, ITL=ITA, VTN=VNM,
TLS=TMP, TAL=AFG (the Taliban), ALQ=IMG (al-Qaeda), every international organisation = IGO).
Multi-CoPED set: a sentence's class is the class of its first asserted event by CAMEO root; a
sentence without one is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyadwatch.evaluation.gold import MulticopedRecord, PloverRecord
from dyadwatch.model import Event

# CAMEO known-group codes of international organisations (codebooks/cameo_known_groups.tsv)
IGO_CODES = frozenset(
    """IGO UNO NAT EEC ASN AFB ARL OAU OPC WTO GOS GOE GSS IMF WBK ABD ACC ADB AEU AMF AMU
    APE ATD BCA BIS CEM CFA CIS COE CPA CPC CSS CWN EBR ECA EFT FAO GCC HCH HCR HIP IAC
    IAD IAE ICC ICJ ICO IDB IGC ILO IOM IPU ITP KID NEP NON OAS OIC PAP PRC SAA SAD SCE
    SOT UEM WAD WAM WAS WCT WFP WHO""".split()  # noqa: SIM905
)
# international non-governmental organisations are international organisations too
INTERNATIONAL_NGOS = frozenset(
    {"AMN", "HRW", "MSF", "IRC", "CRC", "RCR", "ICG", "FID", "IHF", "JUR"}
)
# old CAMEO country codes the gold still uses (Vietnam VTN, East Timor TLS for CAMEO TMP), and
# armed groups the article gold codes by their known-group code alone, compared by the country
# our codes give them: the Taliban (TAL, our AFGINSTAL), al-Qaeda (ALQ, our IMGALQ)
COUNTRY_ALIASES = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TLS": "TMP", "TAL": "AFG", "ALQ": "IMG",
}  # fmt: skip
QUAD_NAMES = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict",
              "material_conflict")  # fmt: skip


def v05_type(code: str) -> str | None:
    """The PLOVER v0.5 event type of a CAMEO code (None for 01 and 02)."""
    root = code[:2]
    if code.startswith("057"):
        return "AGREE"
    if code.startswith("087") or code.startswith("166"):
        return "RETREAT"
    return {
        "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
        "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE",
        "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
        "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT",
    }.get(root)  # fmt: skip


def country_of(code: str) -> str:
    """Country-level comparison key of an actor code."""
    code = code.strip().upper()
    key = COUNTRY_ALIASES.get(code[:3], code[:3])
    if key in IGO_CODES:
        return "IGO"
    if key in {"IGO", "NGO"} and code[3:6] in IGO_CODES | INTERNATIONAL_NGOS:
        return "IGO"  # NGOAMN (Amnesty International), NGOIRC (Red Cross)
    return key


def quad_of(code: str) -> int:
    """Multi-CoPED class of a CAMEO code by its root."""
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def asserted(events: Sequence[Event]) -> list[Event]:
    return [e for e in events if e.modality == "asserted"]


def source_right(event: Event, gold: PloverRecord) -> bool:
    return v05_type(event.code) == gold.event and country_of(event.source.code) in {
        country_of(c) for c in gold.sources
    }


def dyad_right(event: Event, gold: PloverRecord) -> bool:
    if not source_right(event, gold):
        return False
    if not gold.targets:
        return True
    return event.target is not None and country_of(event.target.code) in {
        country_of(c) for c in gold.targets
    }


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, right_events: int, produced: int, found: int, total: int) -> PRF:
        precision = right_events / produced if produced else 0.0
        recall = found / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


def score_plover(
    pairs: Sequence[tuple[PloverRecord, Sequence[Event]]],
) -> dict[str, PRF]:
    """Source and dyad precision/recall/F1 over (gold record, produced events) pairs."""
    produced = right_source = right_dyad = found_source = found_dyad = 0
    for gold, events in pairs:
        counted = asserted(events)
        produced += len(counted)
        src = sum(source_right(e, gold) for e in counted)
        dyad = sum(dyad_right(e, gold) for e in counted)
        right_source += src
        right_dyad += dyad
        found_source += src > 0
        found_dyad += dyad > 0
    total = len(pairs)
    return {
        "source": PRF.of(right_source, produced, found_source, total),
        "dyad": PRF.of(right_dyad, produced, found_dyad, total),
    }


def predicted_quad(events: Sequence[Event]) -> int | None:
    counted = asserted(events)
    return quad_of(counted[0].code) if counted else None


def score_multicoped(
    pairs: Sequence[tuple[MulticopedRecord, Sequence[Event]]],
) -> tuple[float, float, dict[int, PRF]]:
    """Accuracy, macro-F1 over the five classes, and each class's P/R/F1."""
    predictions = [(gold.quad, predicted_quad(events)) for gold, events in pairs]
    correct = sum(g == p for g, p in predictions)
    accuracy = correct / len(predictions) if predictions else 0.0
    per_class: dict[int, PRF] = {}
    for quad in range(5):
        tp = sum(g == quad and p == quad for g, p in predictions)
        predicted = sum(p == quad for _, p in predictions)
        actual = sum(g == quad for g, _ in predictions)
        per_class[quad] = PRF.of(tp, predicted, tp, actual)
    macro = sum(p.f1 for p in per_class.values()) / 5
    return accuracy, macro, per_class
