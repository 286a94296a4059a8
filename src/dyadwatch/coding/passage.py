"""A law as the subject of its passage: "the bill passed the Senate", "a measure banning
rallies cleared the House" is the chamber passing the law, the same act as "the Senate passed
the bill" (roles.subjects and roles.direct_object swap the two); what a law does
(``law_clauses``); whose law a government vetoes (``vetoed_law_target``). See docs/verbs.md,
"Bills and laws"."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.model import Actor

PASSING_VERBS = frozenset({"pass", "clear"})
# the nouns of the verbs.tsv entry `pass +bill|law|...` (frame enact)
LAW_NOUNS = frozenset({"bill", "law", "legislation", "measure", "act", "amendment", "ordinance"})
CHAMBER_NOUNS = frozenset(
    {"senate", "house", "assembly", "parliament", "congress", "legislature", "chamber",
     "council", "commons", "lords", "diet", "duma", "knesset", "majlis", "bundestag", "sejm",
     "cortes", "storting", "riksdag", "seanad", "dail", "committee"}
)  # fmt: skip


def passed_chamber(verb: Token) -> tuple[Token, Token] | None:
    """(law, chamber) when a law is the subject of passing or clearing a chamber."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PASSING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    if subj is None or obj is None:
        return None
    if subj.lemma_.lower() in LAW_NOUNS and obj.lemma_.lower() in CHAMBER_NOUNS:
        return subj, obj
    return None


VETO_CODE = "129"
VETOED_RULE = "vetoed law: the legislature of the vetoer's country"


def vetoed_law_target(
    code: str, verbs: tuple[Token, ...], source: Actor
) -> tuple[Actor, str] | None:
    """Whose law a government vetoes when the sentence names no owner: the legislature that
    passed it, of the vetoer's own country ("the governor vetoed the bill" -> USAGOV 129 USALEG)."""
    if code != VETO_CODE or source.sector != "GOV" or not source.country:
        return None
    for verb in verbs:
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is None or obj.lemma_.lower() not in LAW_NOUNS:
            continue
        if any(c.dep_ == "poss" for c in obj.children):
            return None  # "vetoed the senator's bill": its owner is named
        country = source.country
        return Actor(
            code=f"{country}LEG", name=obj.text, country=country, sector="LEG"
        ), VETOED_RULE
    return None


def law_clauses(law: Token) -> list[Token]:
    """What a law does, told by its participle, its infinitive or a relative clause it is the
    subject of: "a bill banning rallies", "a bill to ban rallies", "the bill which decriminalized
    gambling"."""
    return [
        c
        for c in law.children
        if (c.dep_ == "acl" and c.tag_ == "VBG")
        or (
            c.dep_ in {"acl", "relcl"}
            and c.tag_ == "VB"
            and any(a.lower_ == "to" for a in c.children)
        )
        or (c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ == "WDT" for s in c.children))
    ]
