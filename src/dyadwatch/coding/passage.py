"""A law as the subject of its passage: "the bill passed the Senate", "a measure banning
rallies cleared the House" is the chamber passing the law, the same act as "the Senate passed
the bill" (roles.subjects and roles.direct_object swap the two; docs/verbs.md, "Bills and laws")."""

from __future__ import annotations

from spacy.tokens import Token

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
