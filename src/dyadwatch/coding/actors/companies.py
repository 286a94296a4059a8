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

from dyadwatch.coding.actors.pieces import Piece
from dyadwatch.dictionaries.actors import ActorEntry

# legal forms and industry nouns that end or make a company's name
COMPANY_WORDS = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
        "limited", "llc", "plc", "ag", "gmbh", "nv", "n.v.", "s.a.", "bancorp", "holdings",
        "industries", "technologies", "airlines", "airways", "motors", "petroleum", "oil",
        "electric", "utilities", "pharmaceuticals", "telecom", "power", "energy", "enterprises",
    }
)  # fmt: skip
# industry nouns that close a firm's name a country word opens ("American Motors"); "oil",
# "energy", "power" are left out: they also name portfolios ("Oil Minister")
INDUSTRY_NAMES = frozenset(
    {"motors", "airlines", "airways", "industries", "technologies", "pharmaceuticals",
     "enterprises", "steel", "chemicals"}
)  # fmt: skip
# legal forms: a name they end is a company's whatever its other words
LEGAL_FORMS = frozenset(
    {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
     "limited", "llc", "plc", "gmbh", "bancorp"}
)  # fmt: skip
# nouns that make a capitalised name a body acting as one (organisations.py); "union",
# "council", "committee" and "party" are left out: most such bodies are states' (Security
# Council, House Committee). A name with one is no firm ("Youth Forum Zimbabwe").
ORGANISATION_HEADS = frozenset(
    """organization organisation front movement campaign foundation federation association
    alliance coalition network league relief forum society""".split()  # noqa: SIM905
)
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
# agent words for who speaks or acts for a body ("president", "spokesman", "officials")
OFFICER_ROLES = frozenset({"title", "name_title", "generic"})
# the words of a firm's name a country word opens, read as a business agent after the country
FIRM_NAME = ActorEntry("agent", "firm", "company name", sector="BUS", role="specific")
# "a vice president at Acme Power", "an official of Harbor Times", "a spokesman for X Inc"
_TYING_PREPS = frozenset({"of", "at", "for", "with"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_NAME_JOINERS = frozenset({"and", "&"})
_MAX_NAME = 6
# the officers a firm speaks through: in a story a firm leads, these words with no country of
# their own ("a spokesman said", "President Robert Roe told a news conference") are the firm's
FIRM_OFFICERS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "president",
     "vice president", "vice-president", "vice presidents", "chief executive"}
)  # fmt: skip


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
    for prep in _chain_preps(doc, start, end):
        if prep.lower_ not in _TYING_PREPS or prep.i < end:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.i not in covered:
                words = _name_of(pobj, covered)
                found = _sector(words)
                if found is None and prep.lower_ == "with" and words:
                    # "a vice president with Harlow Grain": an employer no dictionary
                    # knows; a state's officers are "of" it, not "with" it
                    found = "BUS", f"employer name '{' '.join(t.text for t in words)}'"
                if found is not None:
                    return found
    return None


def _chain_preps(doc: Doc, start: int, end: int) -> list[Token]:
    """The prepositions on a chain's words, and on a lower-case function after "for"
    ("vice president for marketing with Harlow Grain")."""
    preps = [c for t in doc[start:end] for c in t.children if c.dep_ == "prep"]
    for prep in list(preps):
        if prep.lower_ == "for":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.text.islower():
                    preps += [c for c in pobj.children if c.dep_ == "prep"]
    return preps


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
    return company_name_end(doc, start, end) is not None


def company_name_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the firm's name that the capitalised words ``doc[start:end]`` open ends (after
    its legal form: "Australian Stock Exchange Ltd"); None when they open no such name."""
    if not doc[start].text[:1].isupper():
        return None
    i = end
    while i < len(doc) and i < end + _MAX_NAME:
        token = doc[i]
        if token.lower_ in LEGAL_FORMS:
            return i + 1
        joiner = token.lower_ in _NAME_JOINERS and i > end  # "Telephone and Telegraph Co"
        if not joiner and token.text not in _POSSESSIVES and not _capitalised(token):
            return None
        i += 1
    return None


def firm_led(doc: Doc) -> bool:
    """Whether the story opens with a firm's name: capitalised words up to a legal form
    ("Acme Widget Co said"), a stock symbol after the name ("Acme <ACM> said") or the angle
    brackets wire news puts round an unlisted firm ("<Acme Holdings> said")."""
    bracketed = len(doc) > 0 and doc[0].text == "<"
    start = 1 if bracketed else 0
    for token in doc[start : start + _MAX_NAME + 2]:
        if token.i > start and (token.lower_ in LEGAL_FORMS and token.text[:1].isupper()):
            return True
        if token.i > start and (token.text == "<" or (bracketed and token.text == ">")):
            return True
        if not (token.text[:1].isupper() or token.lower_ in _OPENING_JOINERS):
            return False
    return False


_OPENING_JOINERS = frozenset({"and", "&", "of", "-", "/", "."})


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


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
    if pobj.i in covered:
        return []
    # "a spokesman for Japanese car firm Tarrow Motors Co": a known actor may describe the
    # firm before its name; the name is the words after it
    last = max((t.i for t in words if t.i in covered), default=-1)
    return [t for t in words if t.i > last]


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


def firm_name_pieces(doc: Doc, pieces: list[Piece], firm_names: set[str]) -> list[Piece]:
    """Read firms' names into business agent pieces.

    A country word that opens a firm's name ("the Australian Stock Exchange Ltd", "Korean Air
    Lines Co") names the firm's country, not the state: the rest of the name, up to its legal
    form, becomes a business agent piece after it (the country's BUS actor). The name's first
    words are remembered in ``firm_names`` (the story's), and when they come back alone right
    before an agent word ("Sumitomo President Koh Komatsu" after "Sumitomo Bank Ltd"), they
    become such a piece too: the title is the firm's. So does a country's name that ends a
    firm's ("Texaco Canada") and a capital a bank is named after ("the Bank of Tokyo")."""
    firm_names.update(_legal_names(doc, pieces))
    starts = {p.start for p in pieces if p.kind == "agent" and p.role in OFFICER_ROLES}
    out: list[Piece] = []
    name_end = -1
    for piece in pieces:
        if piece.start < name_end:
            continue  # a word inside the name ("Exchange", "Air")
        before = _short_name(doc, piece.start, firm_names) if piece.start in starts else None
        if before is not None and before < piece.start and before >= name_end:
            out.append(Piece(before, piece.start, "agent", entry=FIRM_NAME))
        subsidiary = _subsidiary_start(doc, piece, name_end)
        if subsidiary is None:
            subsidiary = _bank_of_capital(doc, piece, name_end)
        if subsidiary is not None:
            # "Texaco Canada": the country's firm; its name opens the mention
            out = [p for p in out if p.end <= subsidiary]  # "Union" in "Union Carbide France"
            out.append(Piece(subsidiary, subsidiary + 1, piece.kind, entry=piece.entry))
            out.append(Piece(subsidiary + 1, piece.end, "agent", entry=FIRM_NAME))
            continue
        out.append(piece)
        if piece.kind not in ("country", "adjective"):
            continue
        end = company_name_end(doc, piece.start, piece.end)
        if end is None or end <= piece.end + 1:  # "American Motors", "Acme (Japan) Ltd"
            end = _industry_name_end(doc, piece) or _bracketed_country_end(doc, piece)
        if end is not None and end > piece.end:
            while end < len(doc) and doc[end].lower_ in LEGAL_FORMS:
                end += 1  # "Co Ltd"
            out.append(Piece(piece.end, end, "agent", entry=FIRM_NAME))
            name_end = end
    return out


def _industry_name_end(doc: Doc, piece: Piece) -> int | None:
    """Where a firm's name ends that a country word opens and an industry noun closes
    ("American Motors", "British Airways said"); a portfolio is no firm ("Energy Minister")."""
    i = piece.end
    while i < len(doc) and i < piece.end + 3 and _capitalised(doc[i]):
        if doc[i].lower_ in INDUSTRY_NAMES:
            after = doc[i + 1] if i + 1 < len(doc) else None
            return i + 1 if after is None or not _capitalised(after) else None
        i += 1
    return None


def _bracketed_country_end(doc: Doc, piece: Piece) -> int | None:
    """Where the legal form ends after a country in brackets inside a firm's name ("Acme
    Securities (Japan) Ltd"): the firm's branch in that country, not its state."""
    start, end = piece.start, piece.end
    if start == 0 or doc[start - 1].text != "(" or end + 1 >= len(doc) or doc[end].text != ")":
        return None
    if doc[end + 1].lower_ not in LEGAL_FORMS or not _capitalised(doc[start - 2]):
        return None
    return end + 2


def _subsidiary_start(doc: Doc, piece: Piece, name_end: int) -> int | None:
    """Where a firm's name begins that a country's name ends ("Texaco Canada", "Union Carbide
    France": the NER's organisation, opened by capitalised words no actor word covers); None
    for any other country word ("the Republic of Korea" has a lower-case word)."""
    if piece.kind != "country" or doc[piece.start].ent_type_ != "ORG":
        return None
    start = piece.start
    while start > 0 and doc[start - 1].ent_iob_ in ("B", "I") and doc[start].ent_iob_ == "I":
        start -= 1
    if start == piece.start or start < name_end or doc[piece.end - 1].ent_iob_ == "B":
        return None
    if piece.end < len(doc) and doc[piece.end].ent_iob_ == "I":
        return None  # the country inside a longer name ("the Canada Council for the Arts")
    words = doc[start : piece.start]
    if not all(_capitalised(t) and t.lower_ not in ORGANISATION_HEADS for t in words):
        return None
    return start


def _bank_of_capital(doc: Doc, piece: Piece, name_end: int) -> int | None:
    """Where "Bank" opens a bank named after a capital ("the Bank of Tokyo"): a city's bank
    is a firm, not the government seated there (a central bank is named after its country)."""
    bank = piece.start - 2
    if piece.kind != "capital" or bank < max(name_end, 0) or doc[bank + 1].lower_ != "of":
        return None
    return bank if doc[bank].text == "Bank" else None


def _legal_names(doc: Doc, pieces: list[Piece]) -> set[str]:
    """The opening words of every firm's name with a legal form that no actor word opens
    ("sumitomo", "sumitomo bank" for "Sumitomo Bank Ltd")."""
    covered = {i for p in pieces for i in range(p.start, p.end)}
    names: set[str] = set()
    for token in doc:
        if token.lower_ not in LEGAL_FORMS or not token.text[:1].isupper():
            continue
        i = token.i
        while i > 0 and token.i - i < _MAX_NAME and _name_word(doc[i - 1], covered):
            i -= 1
        words = [t.lower_ for t in doc[i : token.i]]
        names.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return names


def _short_name(doc: Doc, start: int, firm_names: set[str]) -> int | None:
    """Where a remembered firm's name that ends right before ``start`` begins, if any."""
    for i in range(max(0, start - _MAX_NAME), start):
        words = doc[i:start]
        if all(_name_word(t, set()) for t in words) and words.text.lower() in firm_names:
            return i
    return None


def _name_word(token: Token, covered: set[int]) -> bool:
    return token.i not in covered and token.is_alpha and token.text[:1].isupper()
