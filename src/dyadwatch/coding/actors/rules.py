"""Token-level rules of actor recognition: word lists and small tests on spaCy tokens.

Kept apart from the recognizer (``coding/actors/recognizer.py``) so that file stays about
matching and chaining. See docs/dictionaries.md for what each rule is for.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from dyadwatch.coding.actors.pieces import Piece
from dyadwatch.dictionaries.actors import ActorEntry
from dyadwatch.nlp.arrays import word_pair_occurs

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# the word that joins the two halves of a minister's portfolio ("Trade and Industry")
PORTFOLIO_JOINERS = frozenset({"and", "&"})
HYPHENS = frozenset({"-", "–"})
# a matched agent word tagged as one of these is not a noun here ("will press China")
NOT_NOUN = frozenset({"VERB", "AUX", "ADP", "ADV", "PRON", "DET", "CCONJ", "SCONJ", "PART"})
# "Minister of National Defense", "Ministry of Foreign Affairs and Trade"
OFFICE_HEADS = ["minister", "ministers", "ministry", "secretary", "department", "office"]
OFFICE_WORDS = [
    "defense", "defence", "national", "foreign", "affairs", "interior", "home", "justice",
    "finance", "trade", "economy", "economic", "commerce", "state", "security", "public",
    "health", "education", "agriculture", "labor", "labour", "industry", "energy",
    "environment", "transport", "transportation", "information", "culture", "communications",
    "war", "navy", "army", "internal", "external", "international", "cooperation",
    "unification", "development", "planning", "treasury", "homeland", "intelligence",
    "veterans", "emergency", "situations",
]  # fmt: skip
NAME_STOP = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip
NUMERIC_ENTITIES = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
NOT_PERSON_ENTITIES = frozenset({"DATE", "TIME", "GPE", "NORP", "LOC", "FAC", "MONEY"})
MAX_ABSORBED_NAME = 4
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "da", "dos", "van", "von", "der",
     "den", "le", "la", "du", "-"}
)  # fmt: skip
# a noun phrase in one of these relations to a head outside it is a phrase of its own
# ("gave [the Philippines] [two patrol boats]": dative + dobj)
_OWN_PHRASE_DEPS = frozenset(
    {"dative", "iobj", "dobj", "nsubj", "nsubjpass", "pobj", "attr", "oprd", "npadvmod"}
)
PREFIXES = frozenset({"pro", "anti", "non", "post", "pre", "neo", "ex"})
WORD = re.compile(r"[^\W_]+")


def has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


# capitalised before a name, the word is a US House member's title ("Representative Ann
# Lee", "Representatives Lee and Diaz": LEG), not the generic agent "representatives" (GOV)
HOUSE_MEMBER_FORMS = frozenset({"representative", "representatives"})
# the capitalised words that may precede it (a party, the United States: the title is the US
# House's); others make another post ("Trade Representative", "Special Representative",
# "Palestinian Representative" to the UN: GOV); "committee" ends the name of the House
# committee a member chairs ("chair of the House Intelligence Committee Representative X")
HOUSE_MEMBER_OPENERS = frozenset(
    {"democratic", "republican", "democrat", "gop", "us", "u.s.", "states", "american", "committee"}
)


def house_member(doc: Doc, piece: Piece, title: ActorEntry | None, tagged: bool) -> Piece:
    """The piece, or the legislator title ``title`` for "Representative(s) <Name>"."""
    span = doc[piece.start : piece.end]
    if (
        title is None
        or piece.kind != "agent"
        or piece.entry is None
        or piece.entry.phrase.lower() not in HOUSE_MEMBER_FORMS  # also "Represenative X"
        or not span.text[0].isupper()
        or piece.end >= len(doc)
        or not is_name_token(doc[piece.end], tagged)
    ):
        return piece
    before = doc[piece.start - 1] if piece.start > 0 else None
    if before is None or not before.text[:1].isupper() or before.lower_ in HOUSE_MEMBER_OPENERS:
        return Piece(piece.start, piece.end, "agent", entry=title)
    if before.is_sent_start and before.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return Piece(piece.start, piece.end, "agent", entry=title)  # "When Representative X"
    return piece


def is_name_token(token: Token, tagged: bool) -> bool:
    """A capitalised word that is (or, untagged, could be) part of a proper name."""
    if not token.is_alpha or not token.text[0].isupper():
        return False
    return token.pos_ == "PROPN" if tagged else True


def adjectival_bare_agent(chain: list[Piece], span: Span) -> bool:
    """A bare agent word used as an adjective ("military cooperation", "official documents")
    describes a thing, not an actor; with a country ("Chinese military power") it is kept."""
    if any(p.kind not in ("agent", "group") for p in chain):
        return False
    root = span.root
    return root.dep_ == "amod" and not (span.start <= root.head.i < span.end)


def inside_proper_name(doc: Doc, piece: Piece, tagged: bool) -> bool:
    """An attached word capitalised after a name ("the Green Party", "Denver Public
    Schools") is part of that name and acts on its own."""
    if piece.start == 0 or doc[piece.start].is_sent_start:
        return False
    if not doc[piece.start].text[:1].isupper():
        return False
    return is_name_token(doc[piece.start - 1], tagged)


def separate_phrases(doc: Doc, chain_start: int, last: Piece, piece: Piece) -> bool:
    """With a parse: ``last`` and ``piece`` head noun phrases of their own (a verb's dative
    and its object...) attached outside the would-be chain, so they must not merge into one
    mention."""
    if not doc.has_annotation("DEP"):
        return False
    root = doc[last.start : last.end].root
    other = doc[piece.start : piece.end].root
    if root.dep_ not in _OWN_PHRASE_DEPS or other.dep_ not in _OWN_PHRASE_DEPS:
        return False
    if root.dep_ == other.dep_:
        return False  # two subjects of one verb: a misparse of one name ("Lee Nak-yon")
    # neither attaches inside the would-be chain: two arguments of one verb, side by side
    span = range(chain_start, piece.end)
    return root.head.i not in span and other.head.i not in span and root.head.i != other.i


def office_entry(span: Span) -> ActorEntry:
    title = span[0].lower_ in ("minister", "ministers", "secretary")
    return ActorEntry(
        kind="agent",
        phrase=span.text,
        source="office-pattern",
        sector="GOV",
        role="title" if title else "specific",
    )


def ethnic_group(doc: Doc, piece: Piece) -> Piece:
    """ "ethnic Albanians", "ethnic Turks": people of that origin living elsewhere, a civilian
    group whose country is where they live (their phrase, the sentence or the document), not
    the state their name comes from."""
    entry = piece.entry
    if entry is None or piece.kind not in ("country", "adjective"):
        return piece
    if piece.start > 0 and doc[piece.start - 1].lower_ == "ethnic":
        start = piece.start - 1
    elif _residents(doc, piece):
        start = piece.start
    else:
        return piece
    group = ActorEntry(
        kind="group",
        phrase=doc[start : piece.end].text,
        source=entry.source,
        sector="CVL",
    )
    return Piece(start, piece.end, "group", entry=group)


def _residents(doc: Doc, piece: Piece) -> bool:
    """A people named as living in a place: "the Albanians of southern Serbia" (a plural
    demonym whose "of" phrase names a place; "Americans in Baghdad" may be anyone there)."""
    if not doc.has_annotation("DEP") or piece.end - piece.start != 1:
        return False
    token = doc[piece.start]
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC"}:
                    return True
    return False


def fold_accents(word: str) -> str:
    """The word without combining accents: "erdoğan" -> "erdogan", "sánchez" -> "sanchez"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def chain_gap_ok(gap: Span, possessive: bool) -> bool:
    """Tokens allowed between two pieces of one chain: a possessive after a modifier, then
    the capitalised words of a title ("the US Special Representative") or at most two
    lower-case adjectives, numbers or compound nouns ("Lebanon's new President", "the US
    peace envoy")."""
    if len(gap) == 0:
        return True
    start = 1 if possessive and gap[0].text in POSSESSIVES else 0
    rest = gap[start:]
    if possessive and _title_words(rest):
        # "Trump's Special Presidential Envoy", "the US Special Representative": a capitalised
        # title's own words, after its holder's country or body as after a possessor
        return True
    # "the US peace envoy", "a UN human rights official": nouns compounded onto the agent
    return len(rest) <= 2 and all(
        t.is_lower and (t.pos_ in ("ADJ", "NUM") or t.like_num or t.dep_ == "compound")
        for t in rest
    )


def _title_words(words: Span) -> bool:
    """At most two capitalised adjectives of a capitalised title right after them ("Special
    Presidential" before "Envoy"), no names of their own; or the portfolio of a minister
    joined by "and" ("Agriculture and Livestock Development Minister")."""
    doc = words.doc
    if not 0 < len(words) <= 4 or words.end >= len(doc) or not doc[words.end].is_title:
        return False
    joiners = [i for i, t in enumerate(words) if t.lower_ in PORTFOLIO_JOINERS]
    # a joiner stands between two halves: a lone "and" joins two people ("Secretary of State
    # X and Foreign Minister Y"), not a portfolio's halves
    if (len(words) > 2 or joiners) and (len(joiners) != 1 or joiners[0] in (0, len(words) - 1)):
        return False
    # the recogniser often takes a joined portfolio for an organisation's name
    names = ("PERSON", "GPE", "NORP") if joiners else ("PERSON", "GPE", "ORG", "NORP")
    return all(
        t.lower_ in PORTFOLIO_JOINERS or (t.is_title and t.is_alpha and t.ent_type_ not in names)
        for t in words
    )


def in_person_name(
    doc: Doc, piece: Piece, covered: set[int], tagged: bool, entities: dict[int, Span]
) -> bool:
    """A country name that is a word of a person's name ("Bill Israel", "Kenya Moore"): the
    NER calls the whole a person and an unknown given name or surname stands next to it."""
    ent = entities.get(piece.start)
    if ent is None or ent.label_ != "PERSON" or len(ent) < 2:
        return False
    if ent.start > piece.start or ent.end < piece.end:
        return False
    neighbours = [i for i in (piece.start - 1, piece.end) if ent.start <= i < ent.end]
    return any(i not in covered and is_name_token(doc[i], tagged) for i in neighbours)


def other_reading(
    doc: Doc,
    piece: Piece,
    covered: set[int],
    tagged: bool,
    entities: dict[int, Span],
) -> bool:
    """A "?"-marked name that here reads as a person or a US state ("Michael Jordan",
    "Atlanta, Georgia", "George Washington")."""
    ent = entities.get(piece.start)
    if ent is not None and ent.label_ == "PERSON":
        return True
    before = doc[piece.start - 1] if piece.start > 0 else None
    after = doc[piece.end] if piece.end < len(doc) else None
    if after is not None and after.i not in covered and is_name_token(after, tagged):
        return True
    if before is not None and before.i not in covered and is_name_token(before, tagged):
        return not before.is_sent_start or piece.start == 1
    if before is not None and before.text == "," and piece.start >= 2:
        place = doc[piece.start - 2]
        return place.i not in covered and is_name_token(place, tagged)
    return False


def office_matcher(vocab: Vocab) -> Matcher:
    """ "Department of Health", "Ministry of Foreign Affairs": an office's longest name."""
    matcher = Matcher(vocab)
    matcher.add(
        "OFFICE",
        [
            [
                {"LOWER": {"IN": OFFICE_HEADS}},
                {"LOWER": "of"},
                {"LOWER": "the", "OP": "?"},
                {"LOWER": {"IN": OFFICE_WORDS}, "OP": "+"},
                {"LOWER": {"IN": ["and", "&"]}, "OP": "?"},
                {"LOWER": {"IN": OFFICE_WORDS}, "OP": "*"},
            ]
        ],
        greedy="LONGEST",
    )
    return matcher


def office_matches(matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
    """The :func:`office_matcher` matches; a Doc with no head word followed by "of" (most of
    them) has none, and the Matcher's per-token predicates are not run over it."""
    return matcher(doc) if word_pair_occurs(doc, OFFICE_HEADS, "of") else []


# a bracketed gloss between a title and a name: "MP (Member of Parliament) Tom Watson",
# "Senator (D-Illinois) Dick Durbin"; short, and only names, acronyms and their small words
MAX_GLOSS = 6
GLOSS_WORDS = frozenset({"of", "for", "and", "the", "-", "–", "&", ",", "/", "."})


def skip_title_gloss(doc: Doc, end: int, tagged: bool) -> int:
    """The index after a bracketed gloss at ``end`` when a name follows it, else ``end``."""
    if end >= len(doc) or doc[end].text != "(":
        return end
    close = end + 1
    while close < len(doc) and close - end <= MAX_GLOSS + 1 and doc[close].text != ")":
        word = doc[close]
        if word.is_sent_start or not (word.text[:1].isupper() or word.lower_ in GLOSS_WORDS):
            return end  # "(who was absent)": a clause, not a gloss
        close += 1
    if close == end + 1 or close >= len(doc) or doc[close].text != ")":
        return end
    after = close + 1
    if after >= len(doc) or not is_name_token(doc[after], tagged) or doc[after].lower_ in NAME_STOP:
        return end
    return after


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def inside_named_thing(piece: Piece, entities: dict[int, Span], heads: set[str]) -> bool:
    """A country word inside a longer named place or thing ("the Taiwan Relations Act");
    ``heads`` are the last words of such names."""
    ent = entities.get(piece.start)
    if ent is None or (ent.start >= piece.start and ent.end <= piece.end):
        return False
    end = ent.end
    while end > piece.end and ent.doc[end - 1].text in POSSESSIVES:
        end -= 1  # "Ivory Coast's" tagged LOC is still the country
    if ent.label_ in ("LOC", "FAC") and end > piece.end:
        return True
    return end > piece.end and ent[-1].lower_ in heads


# a title of courtesy before a surname: no first name, so no other person of that surname
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mme", "madame", "mlle"})
# words for a whole government, which a leader's name before them makes that leader's
GOVERNMENT_WORDS = frozenset({"administration", "government", "regime", "cabinet"})


def _state_agent_word(piece: Piece, role: str) -> bool:
    """An agent word of the government sector with the given dictionary role."""
    entry = piece.entry
    return (
        piece.kind == "agent" and piece.role == role and entry is not None and entry.sector == "GOV"
    )


def government_word(piece: Piece) -> bool:
    """ "the Reagan administration": a word for a whole government right after a person."""
    entry = piece.entry
    return (
        _state_agent_word(piece, "specific")
        and entry is not None
        and entry.phrase.lower() in GOVERNMENT_WORDS
    )


def speaks_for(piece: Piece) -> bool:
    """A generic word of the state's ("leaders", "officials", "spokesman") that an agent word
    of another sector may own ("the seamen's leaders" are labour's); not "critics", which has
    no sector of its own."""
    return _state_agent_word(piece, "generic")


def after_bracketed(doc: Doc, last: Piece, gap: Span) -> Span:
    """The gap after a piece in brackets without its closing bracket: "the European Community
    (EC) farm ministers" goes on from the acronym to the agent word."""
    if len(gap) and gap[0].text == ")" and last.start > 0 and doc[last.start - 1].text == "(":
        return gap[1:]
    return gap


def claimed_surnames(doc: Doc, pieces: list[Piece]) -> set[str]:
    """Surnames of full names the NER finds but the dictionary does not know ("Nancy Reagan"):
    another person's, so the surname alone is not read as a listed person's. A title of
    courtesy is no first name ("Mrs Thatcher" may be the prime minister herself)."""
    known = {i for p in pieces if p.kind == "person" for i in range(p.start, p.end)}
    return {
        ent[-1].lower_
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and ent[-1].i not in known
        and ent[0].lower_.rstrip(".") not in HONORIFICS
    }


def ticker(span: Span) -> bool:
    """Whether ``span`` is in angle brackets, as the wires write a stock symbol ("<EC>")."""
    doc = span.doc
    return (
        span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text == "<"
        and doc[span.end].text == ">"
    )
