"""Officers of companies, news outlets and societies: a role tied to one is not the government's.

"Westfield Corp president X", "a vice president at Acme Power", "the spokesman of Harbor
Times": a title or generic agent word ("president", "officials") alone reads as GOV, but a
named firm or outlet it belongs to makes it a business (BUS) or media (MED) actor. The firm is
told by the words of its own name (a legal form such as "Inc" or "Ltd", an industry noun such
as "Airlines", a newspaper noun such as "Times"), so a name the dictionaries do not know still
counts; a known actor in the name ("Bank of America", "Russian Railways") leaves it alone.
A federation, association, society or club ("the Chess Federation", "the Bar Association")
makes its officers a non-governmental body (NGO).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# legal forms and industry nouns that end or make a company's name
COMPANY_WORDS = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
        "limited", "llc", "plc", "ag", "gmbh", "nv", "n.v.", "s.a.", "bancorp", "holdings",
        "industries", "technologies", "airlines", "airways", "motors", "petroleum", "oil",
        "electric", "utilities", "pharmaceuticals", "telecom", "power", "energy", "enterprises",
    }
)  # fmt: skip
# legal forms: a name they end is a company's whatever its other words
LEGAL_FORMS = frozenset(
    {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
     "limited", "llc", "plc", "gmbh", "bancorp"}
)  # fmt: skip
# the words of a newspaper's or broadcaster's name
MEDIA_WORDS = frozenset(
    {
        "times", "post", "herald", "journal", "gazette", "tribune", "daily", "news", "tv",
        "television", "radio", "broadcasting", "chronicle", "observer", "courier",
    }
)  # fmt: skip
# the last words of the name of a club, federation or society: a body of private members
# (a sports federation, a bar association), whose president is no head of state
CIVIL_BODY_WORDS = frozenset(
    {"federation", "association", "society", "club", "foundation", "guild", "fraternity"}
)
# "a vice president at Acme Power", "an official of Harbor Times", "a spokesman for X Inc"
_TYING_PREPS = frozenset({"of", "at", "for", "with"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_MAX_NAME = 6


def company_sector(doc: Doc, start: int, end: int, covered: set[int]) -> tuple[str, str] | None:
    """(sector, rule) of the firm or outlet a bare chain ``doc[start:end]`` belongs to: a name
    right before it ("Acme Corp president", "Acme Corp's officials") or the object of a
    preposition on it ("president of Acme Corp"); None when no such name ties it."""
    name = _name_before(doc, start, covered)
    found = _sector(name) if name else None
    if found is not None:
        return found
    if not doc.has_annotation("DEP"):
        return None
    for token in doc[start:end]:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in _TYING_PREPS or prep.i < end:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i not in covered:
                    found = _sector(_name_of(pobj, covered))
                    if found is not None:
                        return found
    return None


def society_sector(doc: Doc, start: int, end: int, covered: set[int]) -> tuple[str, str] | None:
    """(NGO, rule) when a bare chain ``doc[start:end]`` is an office of a federation,
    association, society or club, named right before it ("Iranian Chess Federation
    President") or after "of" ("the president of the Kenya Football Federation"); a country
    inside the name is the society's own (unlike a known actor in a firm's name), but a name
    that is itself an actor's ("the Russian Federation") is no society."""
    if not doc.has_annotation("DEP"):
        return None
    names = [_capitalised_before(doc, start)]
    for token in doc[start:end]:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in _TYING_PREPS and prep.i >= end:
                objects = [p for p in prep.children if p.dep_ == "pobj"]
                names += [_name_of(p, set()) for p in objects]
    for words in names:
        if len(words) > 1 and words[-1].lower_ in CIVIL_BODY_WORDS and words[-1].i not in covered:
            return "NGO", f"society name '{' '.join(t.text for t in words)}'"
    return None


def _capitalised_before(doc: Doc, start: int) -> list[Token]:
    """The capitalised words right before ``start`` (a name the chain is the office of)."""
    return _name_before(doc, start, set())


def in_company_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the capitalised words ``doc[start:end]`` run on into a company's legal form
    ("International King's Table Inc", "Prince Tool Corp"): part of a firm's name."""
    if not doc[start].text[:1].isupper():
        return False
    i = end
    while i < len(doc) and i < end + _MAX_NAME:
        token = doc[i]
        if token.lower_ in LEGAL_FORMS:
            return True
        if token.text not in _POSSESSIVES and not (token.is_alpha and token.text[:1].isupper()):
            return False
        i += 1
    return False


def opens_org_name(doc: Doc, end: int) -> bool:
    """Whether the word before ``end`` opens an organisation's name that the word at ``end``
    continues: an ORG entity, or a company word ("Carmaker General Motors", untagged)."""
    if end >= len(doc):
        return False
    title, after = doc[end - 1], doc[end]
    if after.lower_ in COMPANY_WORDS and after.text[:1].isupper():
        return True
    return (
        title.ent_type_ == "ORG"
        and title.ent_iob_ == "B"
        and after.ent_type_ == "ORG"
        and after.ent_iob_ == "I"
    )


def _name_before(doc: Doc, start: int, covered: set[int]) -> list[Token]:
    """The capitalised words right before ``start``, past one possessive ("Acme Corp's"),
    unless another actor's words open them."""
    i = start - 1
    if i >= 0 and doc[i].text in _POSSESSIVES:
        i -= 1
    words: list[Token] = []
    while i >= 0 and len(words) < _MAX_NAME:
        if i in covered:
            return []  # "Malaysian Primary Industries Minister": a ministry's portfolio
        token = doc[i]
        if not token.text.rstrip(".").isalpha() or not token.text[:1].isupper():
            break
        words.insert(0, token)
        if token.is_sent_start:
            break
        i -= 1
    return words


def _name_of(pobj: Token, covered: set[int]) -> list[Token]:
    """The capitalised words of a prepositional object's own noun phrase."""
    words = [t for t in pobj.subtree if t.i <= pobj.i and t.dep_ in ("compound", "pobj", "amod")]
    words = [t for t in words if t.text[:1].isupper()]
    if any(t.i in covered for t in words):
        return []
    return words


def _sector(words: list[Token]) -> tuple[str, str] | None:
    if not words or not words[0].text[:1].isupper():
        return None
    lowered = [t.lower_ for t in words]
    text = " ".join(t.text for t in words)
    if len(lowered) > 1 and lowered[-1] in MEDIA_WORDS:
        return "MED", f"outlet name '{text}'"
    if any(w in COMPANY_WORDS for w in lowered[1:]):
        return "BUS", f"company name '{text}'"
    return None
