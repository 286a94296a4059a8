"""Names the dictionaries lack, known from the description the article gives them.

News introduces a company, a body or a person it expects readers not to know with a
description the dictionaries do code, then goes on with the bare name:

- before the name: "the Iranian airline Mahan Air", "the Greek gas producer Energean",
  "UK-based retailer Tesco" (a country + an agent word, a compound of the name);
- after the name: "Ana Ruiz, the Defence Secretary", "Kallos, a Greek shipping company"
  (an apposition);
- in a sentence of its own: "Ruiz was the deputy leader of the Sunrise Brigades" (a person
  whose role in a known body a copula states: the body's actor).

:func:`described_names` gives the name the description's actor (``IRNBUS``, ``GRCBUS``,
``PHLGOV``) and keeps it for the rest of the document, in full or shortened: an organisation
by its first word ("Mahan" after "Mahan Air"), a person by the last ("Ruiz"). Such mentions can
be the source of an act, unlike people and organisations only the entity recogniser found
(``relations.entity_actors``), whose country is a guess. A short form is taken only when the
document gives it to one actor. Rules: docs/dictionaries.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.model import Actor
from dyadwatch.nlp.arrays import tokens_with

FLAG = "described-name"
# a described name that is a person's ("Ana Ruiz, the Defence Secretary"): a later "he"/"she"
# may stand for them (events/antecedents.py)
PERSON_FLAG = "described-person"
MAX_NAME_WORDS = 4
# words that open many names and so are no short form of one ("Air India", "National Bank")
GENERIC_OPENERS = frozenset(
    """air national general first new united royal international global american british
    european the gas oil energy state central great north south east west""".split()  # noqa: SIM905
)
BODY_PREFIXES = ("IGO", "NGO")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
COMPANY_SECTORS = frozenset({"BUS", "MED"})
# a company's own head word, capitalised in its name: "Ford Motor Company"
COMPANY_HEADS = frozenset({"company", "corporation", "airline", "airlines"})
NAME_JOINERS = frozenset({"and", "&"})  # "Pacific Gas and Electric Company"
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# "X was the commander of Y", "X is a spokesman for Y", "X was a lecturer at Y"
ROLE_PREPS = frozenset({"of", "for", "at"})
# predicate nouns that tie a person to a body without making them one of its own
NOT_ROLES = frozenset(
    """son daughter wife husband widow widower mother father brother sister child children
    fiancee fiancée fiance fiancé cousin nephew niece relative friend partner girlfriend
    boyfriend critic opponent rival enemy foe victim target hostage prisoner captive
    detainee guest client customer founder""".split()  # noqa: SIM905
)
# predicate nouns of citizenship: "X is a Turkish national" (a private person: CVL)
CITIZEN_NOUNS = frozenset({"national", "citizen"})
# verbs of a relative clause that make a person speak for the body they govern
LEADING_VERBS = frozenset({"head", "lead", "chair", "run", "command"})
# a name's form is known from where its first mention ends, with its actor, rule and flags
_Form = tuple[int, Actor, str, frozenset[str]]
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "EVENT", ""})


def described_names(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for names a description codes, and for their later full or short forms."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    named: list[tuple[int, int, ActorMention, bool]] = []
    for mention in mentions:
        if mention.actor.person is not None:
            continue
        span = _name_fused(doc, mention, covered)
        if span is None and _describes(mention) and "context" not in mention.flags:
            span = _name_after(doc, mention, covered)
        # a title in apposition is the person's own, its country however it was found
        if span is None and (span := _name_before(doc, mention, covered)) is not None:
            noun = _appositive_noun(doc, mention)  # "X, a Turkish national": TURCVL
            mention = next(iter(_citizenship(noun, {mention.head: mention})), mention)
        if span is None:
            continue
        named.append((*span, mention, _is_person(doc, span, mention)))
        covered.update(range(*span))
    for start, end, body in [
        *_stated_roles(doc, mentions, covered),
        *_affiliations(doc, mentions, covered),
    ]:
        named.append((start, end, body, True))
        covered.update(range(start, end))
    named.sort(key=lambda n: n[0])
    out: list[ActorMention] = []
    forms: dict[tuple[str, ...], _Form | None] = {}
    for start, end, description, person in named:
        actor = replace(description.actor, name=doc[start:end].text)
        rule = f"name described as {description.rule}"
        flags = frozenset({FLAG, PERSON_FLAG} if person else {FLAG})
        out.append(ActorMention(start, end, end - 1, actor, rule, flags))
        for form in [*_forms(doc, start, end, person), *_acronym_after(doc, description)]:
            if form not in forms:
                forms[form] = (end, actor, rule, flags)
                continue
            seen = forms[form]
            if seen is not None and seen[1].code != actor.code:
                forms[form] = None  # two actors share the form: neither is meant
    return out + _later_forms(doc, forms, covered)


def _stated_roles(
    doc: Doc, mentions: Sequence[ActorMention], covered: set[int]
) -> list[tuple[int, int, ActorMention]]:
    """ "Ruiz was the deputy leader of the Sunrise Brigades": a person's name, the subject of
    "be", whose predicate noun is a role ("leader", "commander", not a kin or a foe: "the
    son of", "a critic of") in a body the dictionaries know (a sector or an international
    body, not a bare country) named in its "of"/"for"/"at" phrase."""
    by_head = {m.head: m for m in mentions}
    out: list[tuple[int, int, ActorMention]] = []
    for token in tokens_with(doc, "dep", "attr"):
        if token.dep_ != "attr" or token.lemma_.lower() in NOT_ROLES:
            continue
        # a capitalised title may be tagged a proper noun ("Special Envoy"), when it is an actor
        if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and token.i in by_head):
            continue
        verb = token.head
        if verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
            continue
        # the parser may split a hyphenated name into subjects: "al - Muhandis"
        names = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if _who_clause(verb):  # "Ruiz, who was the Kenyan foreign minister, ..."
            names = [verb.head]
        if not names or names[-1].i - names[0].i != len(names) - 1:
            continue
        # the role itself may name its actor: "the Kenyan foreign minister", "Obama's envoy"
        bodies = [by_head[token.i]] if token.i in by_head else []
        bodies = bodies or _citizenship(token, by_head)
        bodies = bodies or [
            by_head[p.i]
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in ROLE_PREPS
            for p in prep.children
            if p.dep_ == "pobj" and p.i in by_head
        ]
        body = bodies[0] if len(bodies) == 1 else None
        if body is None or "context" in body.flags or not _describes(body):
            continue
        span = _subject_name(doc, names[0].i, names[-1].i + 1, covered)
        if span is not None:
            out.append((*span, body))
    return out


def _citizenship(noun: Token | None, by_head: dict[int, ActorMention]) -> list[ActorMention]:
    """ "X is a Turkish national", "an Iranian citizen": a private person of that country
    (CVL), the country a bare country adjective on the noun names."""
    if noun is None or noun.lemma_.lower() not in CITIZEN_NOUNS:
        return []
    for child in noun.children:
        country = by_head.get(child.i)
        if child.dep_ not in _MODIFIER_DEPS or country is None:
            continue
        actor = country.actor
        if actor.country is None or actor.sector is not None or actor.code != actor.country:
            continue
        civilian = Actor(code=actor.country + "CVL", name=noun.text, country=actor.country)
        civilian = replace(civilian, sector="CVL")
        rule = f"{country.rule} + {noun.lower_}"
        return [replace(country, actor=civilian, rule=rule, flags=frozenset())]
    return []


def _who_clause(verb: Token) -> bool:
    """A relative clause on a name whose subject is "who": "Ruiz, who heads ..."."""
    return (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "PROPN"
        and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)
    )


def _affiliations(
    doc: Doc, mentions: Sequence[ActorMention], covered: set[int]
) -> list[tuple[int, int, ActorMention]]:
    """A person's name tied to a body the dictionaries know by an "of" phrase ("Ana Ruiz of
    the Sunrise Party", "Ana Ruiz, of the provincial council") or by a relative clause saying
    they lead it ("Ruiz, who heads the country's election commission"): the body's actor."""
    out: list[tuple[int, int, ActorMention]] = []
    for body in mentions:
        # a body's country guessed from the story is the person's as much as the body's
        if not _describes(body) or body.actor.person is not None:
            continue
        head = doc[body.head]
        link = head.head
        if head.dep_ == "pobj" and link.dep_ == "prep" and link.lower_ == "of":
            name = link.head
            between = doc[name.i + 1 : link.i]
            if name.i >= link.i or any(t.text != "," for t in between) or len(between) > 1:
                continue
            if "capital" in body.flags or not _whole_phrase(head, body):
                continue  # "Smith of University College London": a place in another name
        elif head.dep_ == "dobj" and link.lemma_ in LEADING_VERBS and _who_clause(link):
            name = link.head
        else:
            continue
        if name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
            continue
        span = _subject_name(doc, name.i, name.i + 1, covered)
        if span is not None:
            out.append((*span, body))
    return out


def _whole_phrase(head: Token, body: ActorMention) -> bool:
    """Whether the body's mention holds every proper noun of the phrase it heads."""
    return all(
        body.start <= t.i < body.end for t in head.subtree if t.pos_ == "PROPN" and t.i <= head.i
    )


def _subject_name(doc: Doc, start: int, end: int, covered: set[int]) -> tuple[int, int] | None:
    """The whole person's name a subject ends, all of it tagged PERSON and known to no
    dictionary ("al-Muhandis", "Ana Ruiz")."""
    if any(t.ent_type_ != "PERSON" for t in doc[start:end]):
        return None
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
        start -= 1
    if any(i in covered for i in range(start, end)) or end - start > MAX_NAME_WORDS:
        return None
    if not all(t.pos_ == "PROPN" or t.text == "-" for t in doc[start:end]):
        return None
    return start, end


def _describes(mention: ActorMention) -> bool:
    """A country with a sector ("Iranian airline"), or an international or non-governmental
    body ("UN")."""
    actor = mention.actor
    return (actor.country is not None and actor.sector is not None) or _body(actor)


def _body(actor: Actor) -> bool:
    return actor.code.startswith(BODY_PREFIXES)


def _appositive_noun(doc: Doc, mention: ActorMention) -> Token | None:
    """The noun in apposition that the mention is or modifies: "the Defence Secretary", "a
    Turkish national", "a UN rapporteur"; a bare country ("Mindanao, Philippines") is a place."""
    head = doc[mention.head]
    if head.dep_ == "appos":
        return head if _describes(mention) else None
    noun = head.head
    if head.dep_ in _MODIFIER_DEPS and noun.dep_ == "appos" and noun.pos_ == "NOUN":
        has_country = mention.actor.country is not None or _body(mention.actor)
        return noun if noun.i >= mention.end and has_country else None
    return None


def _name_after(doc: Doc, mention: ActorMention, covered: set[int]) -> tuple[int, int] | None:
    """ "the Iranian airline Mahan Air": a capitalised name right after the description,
    which the description modifies."""
    last = doc[mention.end - 1]
    if last.pos_ != "NOUN":
        return None
    end = mention.end
    while end < len(doc) and end - mention.end < MAX_NAME_WORDS and _name_word(doc[end], covered):
        end += 1
    if end == mention.end:
        return None
    inside = range(mention.end, end)
    linked = last.head.i in inside or any(doc[i].head.i == last.i for i in inside)
    # the parser often hangs "retailer" in "UK-based retailer Tesco and ..." elsewhere; still a
    # modifier, not the head of its own noun phrase
    if not linked and last.dep_ not in _MODIFIER_DEPS:
        return None
    if end < len(doc) and doc[end].text in ("-", "–"):
        return None  # "Mahan Air-operated": a modifier of something else
    return mention.end, end


def _name_fused(doc: Doc, mention: ActorMention, covered: set[int]) -> tuple[int, int] | None:
    """ "Ford Motor Company", "Pacific Gas and Electric Company": the capitalised words of a
    company's name before its own capitalised head words ("Company", "Shipping Company"),
    which alone are the mention."""
    words = doc[mention.start : mention.end]
    if mention.actor.sector not in COMPANY_SECTORS or words[-1].lower_ not in COMPANY_HEADS:
        return None
    if not all(t.is_title for t in words) or words[0].is_sent_start:
        return None  # "the company", "Company meteorologist X" opening a sentence
    start = mention.start
    while start > 0 and mention.start - start < MAX_NAME_WORDS:
        before = doc[start - 1]
        joined = before.lower_ in NAME_JOINERS and start >= 2
        joined = joined and _name_word(doc[start - 2], covered)
        if not (_name_word(before, covered) or joined) or (before.is_sent_start and joined):
            break
        start -= 1
        if before.is_sent_start:
            break
    if start == mention.start or not _name_word(doc[start], covered):
        return None
    return start, mention.start


def _acronym_after(doc: Doc, description: ActorMention) -> list[tuple[str, ...]]:
    """ "Pacific Gas and Electric Company (PG&E)": the acronym in brackets after a company's
    name is one of its forms (``references.defined_acronyms`` takes letters only)."""
    end = description.end
    if description.actor.sector not in COMPANY_SECTORS or end + 2 >= len(doc):
        return []
    acronym = doc[end + 1]
    if doc[end].text != "(" or doc[end + 2].text != ")" or not 2 <= len(acronym.text) <= 8:
        return []
    return [(acronym.text,)] if acronym.text.isupper() else []


def _name_before(doc: Doc, mention: ActorMention, covered: set[int]) -> tuple[int, int] | None:
    """ "Ana Ruiz, the Defence Secretary": a name the description is in apposition to."""
    noun = _appositive_noun(doc, mention)
    if noun is None or noun.head.i >= mention.start:
        return None
    name_head = noun.head
    if not _name_word(name_head, covered) or name_head.i + 1 >= mention.start:
        return None
    if name_head.ent_type_ in PLACE_ENTITIES:
        return None  # "Jolo, a town in Sulu": a place, no actor
    if doc[name_head.i + 1].text != ",":
        return None
    start = name_head.i
    while (
        start > 0
        and name_head.i - start + 1 < MAX_NAME_WORDS
        and _name_word(doc[start - 1], covered)
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if start > 0 and doc[start - 1].is_sent_start and _name_word(doc[start - 1], covered):
        start -= 1
    return start, name_head.i + 1


def _name_word(token: Token, covered: set[int]) -> bool:
    return (
        token.i not in covered
        and token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and (token.is_alpha or "-" in token.text)
        and token.ent_type_ in _NAME_ENTITIES
    )


def _is_person(doc: Doc, span: tuple[int, int], description: ActorMention) -> bool:
    """A person, named before a title ("Ana Ruiz, the Defence Secretary") or tagged PERSON
    after a description; a company never (the small model tags many a firm PERSON)."""
    if description.actor.sector in COMPANY_SECTORS:
        return False
    return span[1] <= description.start or doc[span[1] - 1].ent_type_ == "PERSON"


def _forms(doc: Doc, start: int, end: int, person: bool) -> list[tuple[str, ...]]:
    """The full name, and its short form: a person's last word, an organisation's first."""
    words = tuple(t.text for t in doc[start:end])
    forms = [words]
    if len(words) < 2:
        return forms
    short = words[-1] if person else words[0]
    if short.lower() not in GENERIC_OPENERS and len(short) > 2:
        forms.append((short,))
    return forms


def _later_forms(
    doc: Doc,
    forms: dict[tuple[str, ...], _Form | None],
    covered: set[int],
) -> list[ActorMention]:
    """Mentions of the names' forms after their first, described, mention."""
    known: dict[tuple[str, ...], _Form] = {
        form: found for form, found in forms.items() if found is not None
    }
    if not known:
        return []
    out: list[ActorMention] = []
    taken = set(covered)
    longest_first = sorted(known, key=len, reverse=True)
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        for form in longest_first:
            end = token.i + len(form)
            first_end, actor, rule, flags = known[form]
            if token.i < first_end or end > len(doc):
                continue
            if tuple(t.text for t in doc[token.i : end]) != form:
                continue
            if any(i in taken for i in range(token.i, end)):
                continue
            before = doc[token.i - 1] if token.i > 0 else None
            if (end < len(doc) and _name_word(doc[end], taken)) or (
                before is not None and not before.is_sent_start and _name_word(before, taken)
            ):
                continue  # "Mahan Smith", "Tom Ruiz": another name with the same word
            taken.update(range(token.i, end))
            actor = replace(actor, name=doc[token.i : end].text)
            out.append(ActorMention(token.i, end, end - 1, actor, f"{rule} (later)", flags))
            break
    return out
