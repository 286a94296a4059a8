"""Verb forms that are no act of their own, and money objects: the end of a hyphenated
adjective ("so-called"), "has alleged ties" (the verb "have" with an adjective), and amounts of
money (an entry may want a money object: "paid $5 million"), and a source's wish to stay unnamed
("declined to be named"). Split from ``predicates.py``."""

from __future__ import annotations

from spacy.tokens import Token


def hyphen_adjective(verb: Token) -> bool:
    """Whether a verb form is the end of a hyphenated adjective led by an adverb or adjective
    ("strong-armed", "so-called", "well-armed"); one led by an actor ("U.S.-backed",
    "government-backed") still names its act."""
    if verb.i < 2:
        return False
    dash, lead = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if dash.text != "-" or dash.whitespace_ or lead.whitespace_:
        return False
    return lead.pos_ in {"ADV", "ADJ"}


# a tie said of someone: "has alleged ties to X" is having ties that are alleged
RELATION_NOUNS = frozenset({"tie", "link", "connection", "relationship", "association"})


def alleged_relation(verb: Token) -> bool:
    """Whether "has alleged" before a relation noun tied "to" or "with" someone is the verb
    "have" with an adjective ("the director has alleged ties to the guards"), which the parser
    reads as a perfect; an accusation of ties names both sides ("alleged ties between X and Y")
    or has no "has"."""
    if verb.lemma_ != "allege" or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_ not in RELATION_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ in {"to", "with"} for c in obj.children)


# verbs a source uses to stay anonymous: "declined to be named", "asked not to be identified"
ANONYMITY_VERBS = frozenset({"decline", "refuse", "ask", "request"})
NAMING_VERBS = frozenset({"name", "identify", "quote"})


def anonymity_wish(verb: Token) -> bool:
    """Whether a verb only says its subject wants to stay unnamed ("the official, who declined
    to be identified, said ..."): a habit of the press, not a rejection or a request; being
    named to a role ("refused to be named as a sponsor") is one."""
    if verb.lemma_ not in ANONYMITY_VERBS:
        return False
    return any(
        c.dep_ == "xcomp"
        and c.lemma_ in NAMING_VERBS
        and any(a.dep_ == "auxpass" for a in c.children)
        and not any(a.dep_ == "prep" and a.lower_ == "as" for a in c.children)
        for c in verb.children
    )


CURRENCIES = frozenset(
    {"$", "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupee",
     "rupees", "franc", "francs", "ruble", "rubles", "rouble", "roubles", "kroner", "krona"}
)  # fmt: skip


def is_money(token: Token) -> bool:
    """An amount of money: an entity the NER calls MONEY, or a currency word."""
    return token.ent_type_ == "MONEY" or token.lower_ in CURRENCIES
