"""Recognising credit paragraphs: author bios, translator and wire credits, bylines, disclaimers.

Each recogniser looks at one whole paragraph and says what it is, or None. They are pure and
know nothing of position; :mod:`dyadwatch.ingest.segment` decides from the layout whether a
credit-like paragraph really closes an article. A credit is *strong* when its wording cannot be
ordinary article prose ("Translated by ...", "(Reporting by ...; Editing by ...)"), *weak* when
it can ("X is a former minister ..." might be a sentence of the story).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Keys of Document.metadata written by credits.
AUTHOR = "author"
AUTHOR_BIO = "author_bio"
TRANSLATOR = "translator"
REPORTER = "reporter"
EDITOR = "editor"
WRITER = "writer"
COPYRIGHT = "copyright"
NOTE = "note"
BYLINE = "byline"


@dataclass(frozen=True, slots=True)
class Credit:
    key: str  # the metadata key it fills
    value: str
    names: tuple[str, ...] = ()  # people named, when the credit names people
    strong: bool = True


_DECORATION = "*_—–-•· \t"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES = _words(
    "de da del della der den di du dos das van von bin binti ibn al el la le y ter zu"
)
_NOT_NAME_START = _words(
    "The This That These Those It He She They We You A An In On At As If When While After "
    "Before Since But And Or So Its His Her Their Our"
)
_CALENDAR = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Today Yesterday Tomorrow"
)
# Roles that describe someone who writes commentary. Generic roles ("chairman", "member",
# "director") also describe companies and officials in news copy, so they count only together
# with an institution word ("... director of the Center for ...").
_WRITER_ROLES = _words(
    """professor lecturer fellow researcher scholar academic analyst journalist writer columnist
    correspondent reporter author commentator contributor blogger novelist poet student doctoral
    phd candidate graduate emeritus adviser advisor consultant lawyer attorney economist
    historian diplomat ambassador activist expert specialist strategist physician engineer
    teacher instructor freelance freelancer photographer filmmaker translator editor former
    retired dean"""
)
_GENERIC_ROLES = _words(
    """director deputy chair chairman chairwoman chairperson president founder co-founder
    cofounder member officer associate assistant lawmaker legislator councilor councillor head
    partner executive ceo secretary-general"""
)
_INSTITUTIONS = _words(
    """institute institution university center centre foundation school college academy program
    programme initiative project council forum think-tank tank"""
)
# Words that show a capitalised phrase is a title or an organisation, not a person's name.
_NOT_NAME_WORDS = _words(
    """President Minister Prime Premier Chancellor Chairman Chairwoman Secretary General Senator
    Governor Mayor King Queen Prince Princess Chief Commissioner Ambassador Director Spokesman
    Spokeswoman Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. Plc Group Services Properties
    Holdings Industries Company Bank Partners Association Institute University Ministry
    Department Council Committee Agency Party Government Times News Post Fund Army Navy Police"""
)
_WRITER_SUBJECTS = frozenset(
    {"the author", "the authors", "the writer", "the writers", "the columnist", "the reviewer"}
)
_BIO = re.compile(
    r"(?P<names>[^\s].{2,150}?)\s+(?P<verb>is|are|teaches|teach|works|work|writes|write|"
    r"serves|serve|heads|leads|chairs|lectures|researches)\s+(?P<rest>.+)",
    re.DOTALL,
)
_NAME_LIST_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_TRANSLATOR = re.compile(
    r"(?i:translated|translation)(?:\s+(?:from|into)\s+(?:the\s+)?\w+)?(?:\s+by|\s*:)\s+"
    r"(?P<names>.+?)\.?"
)
_CREDIT_WORDS = {
    "reporting": REPORTER,
    "additional reporting": REPORTER,
    "editing": EDITOR,
    "edited": EDITOR,
    "writing": WRITER,
    "written": WRITER,
    "compiled": WRITER,
}
_WIRE_PART = re.compile(
    r"(?P<verb>(?i:additional reporting|reporting|editing|edited|writing|written|compiled))"
    r"\s+by\s+(?P<names>.+?)\.?"
)
_BYLINE = re.compile(r"(?i:by)\s+(?P<names>[^,|]+?)\s*(?:[,|]\s*(?P<affiliation>.{1,80}))?")
_COPYRIGHT = re.compile(
    r"(?:©|\((?i:c)\)\s*\d{4}|(?i:copyright)\s+(?:©|\((?i:c)\)|\d{4}|by\b)"
    r"|.*\b(?i:all rights reserved)\b)"
)
_NOTE = re.compile(
    r"(?i:(?:the )?(?:views|opinions) expressed\b(?=.*\b(?:author|writer|own|necessarily|reflect))"
    r"|(?:this|the) (?:article|story|piece|column|op-ed|commentary) (?:was |is |has been )?"
    r"(?:originally |first )(?:published|appeared|ran)"
    r"|(?:follow|contact) (?:the author|him|her|them) (?:on|at)\b)"
)
_SECTION_MARKER = re.compile(
    r"(?i:related(?: articles| stories| news| coverage| reading| content)?|read (?:more|also|next)"
    r"|also read|see also|further reading|more (?:from|on|stories|news)\b.*"
    r"|recommended(?: for you)?"
    r"|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed)"
    r"|(?:latest|top) (?:news|stories|headlines)|trending(?: now)?|editor'?s picks)\s*:?"
)
_LOOSE_NAME_WORDS = _words(
    "and & in at from of for the our staff writer reporter editor correspondent"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z])")


def parse_credit(paragraph: str) -> list[Credit] | None:
    """The credits a paragraph consists of, or None when it is not a credit paragraph."""
    text = _undecorate(paragraph)
    if not text or len(text.split()) > 80:
        return None
    for recogniser in (_translator, _wire_credits, _copyright_or_note, _author_bio):
        found = recogniser(text)
        if found:
            return found
    return None


def parse_byline(paragraph: str) -> list[Credit] | None:
    """A standalone byline such as ``By Jane Roe and Li Wei, Staff Reporters``, or None."""
    text = _undecorate(paragraph)
    match = _BYLINE.fullmatch(text)
    if match is None or len(text.split()) > 14:
        return None
    names = _person_names(match.group("names"))
    if names is None:
        return None
    return [Credit(AUTHOR, "; ".join(names), names), Credit(BYLINE, text)]


def is_section_marker(paragraph: str) -> bool:
    """A heading that introduces links to other articles ("Related", "Read more", ...)."""
    text = _undecorate(paragraph)
    return len(text.split()) <= 8 and _SECTION_MARKER.fullmatch(text) is not None


def ends_mid_sentence(text: str) -> bool:
    """True when a paragraph stops without closing punctuation, or trails off in an ellipsis."""
    stripped = text.rstrip()
    if stripped.endswith(("...", "…")):
        return True
    stripped = stripped.rstrip("\"'”’»)]*_ ")
    return not stripped.endswith((".", "!", "?", ":"))


def _translator(text: str) -> list[Credit] | None:
    match = _TRANSLATOR.fullmatch(text)
    if match is None or not _loose_names(match.group("names")):
        return None
    names = match.group("names").strip()
    return [Credit(TRANSLATOR, names, _person_names(names) or ())]


def _wire_credits(text: str) -> list[Credit] | None:
    body = text[1:-1] if text.startswith("(") and text.endswith(")") else text
    credits: list[Credit] = []
    for part in body.split(";"):
        match = _WIRE_PART.fullmatch(part.strip())
        if match is None or not _loose_names(match.group("names")):
            return None
        key = _CREDIT_WORDS[match.group("verb").lower()]
        credits.append(Credit(key, match.group("names").strip()))
    return credits


def _copyright_or_note(text: str) -> list[Credit] | None:
    if len(text.split()) > 40:
        return None
    if _COPYRIGHT.match(text):
        return [Credit(COPYRIGHT, text)]
    if _NOTE.match(text):  # weak: "The views expressed by ..." can open a news paragraph
        return [Credit(NOTE, text, strong=False)]
    return None


def _author_bio(text: str) -> list[Credit] | None:
    """``<Name>[ and <Name>] is/are a <role> ...`` or ``The author is ...``: a weak credit."""
    match = _BIO.fullmatch(text)
    if match is None or len(_SENTENCE_BREAK.findall(text)) > 2:
        return None
    words = len(text.split())
    if words > 60 or (words > 25 and ends_mid_sentence(text)):
        return None  # a long unfinished paragraph is a teaser, not a bio
    if not _describes_a_writer(match.group("rest")):
        return None
    subject = match.group("names")
    if subject.lower() in _WRITER_SUBJECTS:
        names: tuple[str, ...] = ()
    else:
        found = _person_names(subject)
        if found is None:
            return None
        names = found
    bio = [Credit(AUTHOR_BIO, text, names, strong=False)]
    if names:
        bio.append(Credit(AUTHOR, "; ".join(names), names, strong=False))
    return bio


def _describes_a_writer(rest: str) -> bool:
    words = [w.strip(",.;:()'’").lower() for w in rest.split()]
    head = set(words[:12]) | {w[:-1] for w in words[:12] if w.endswith("s")}  # "researchers"
    if head & _WRITER_ROLES:
        return True
    return bool(head & _GENERIC_ROLES) and bool(set(words) & _INSTITUTIONS)


def _person_names(text: str) -> tuple[str, ...] | None:
    """``"A B, C D and E F"`` as names when every part looks like a person's name."""
    parts = [p for p in _NAME_LIST_SPLIT.split(text.strip().rstrip(".")) if p]
    if not parts or len(parts) > 6 or not all(_is_person_name(p) for p in parts):
        return None
    return tuple(parts)


def _is_person_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0] in _NOT_NAME_START or tokens[0] in _CALENDAR or tokens[-1].lower() in _PARTICLES:
        return False
    for token in tokens:
        if token.lower() in _PARTICLES:
            continue
        if token in _NOT_NAME_WORDS:
            return False
        if not token[0].isupper() or not all(ch.isalpha() or ch in "-'’." for ch in token):
            return False
    return True


def _loose_names(text: str) -> bool:
    """Names with connectors, places and job words allowed ("Ann Lee in Taipei; staff writer")."""
    tokens = text.replace(",", " ").split()
    if not tokens or len(tokens) > 16 or _SENTENCE_BREAK.search(text):
        return False
    capitalised = [t for t in tokens if t[0].isupper()]
    return bool(capitalised) and all(
        t[0].isupper() or t.lower() in _LOOSE_NAME_WORDS or t.lower() in _PARTICLES for t in tokens
    )


def _undecorate(paragraph: str) -> str:
    return paragraph.strip().strip(_DECORATION).strip()
