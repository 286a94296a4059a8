"""Cooperative acts whose code depends on the words around their verb (issue 9).

Helping others negotiate is mediating (045, CAMEO "mediate or attempt to mediate between
others"): "helped negotiate the truce", "assisted in negotiating the swap", "played a key role
in negotiating the deal"; so is hosting or arranging talks between others ("hosted talks
between X and Y"). Keeping a channel or the door open is a stated readiness to talk
(036) only when it is kept open: "kept the door shut" is none. Pure over the parse.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.dictionaries.verbs import VerbPattern

MEDIATE_CODE = "045"
NEGOTIATE_CODE = "046"
MEET_INTENT_CODE = "036"
# verbs whose infinitive or "in"/"with" phrase is an act done for others
HELPING_VERBS = frozenset({"help", "assist", "aid"})
# nouns of a share in someone else's act: "a key role in negotiating the deal"
ROLE_NOUNS = frozenset({"role", "part", "hand"})
PLAYING_VERBS = frozenset({"play", "take", "have"})
HELP_PREPS = frozenset({"in", "with"})
# verbs of holding talks for others: "hosted talks between X and Y", "arranged a meeting
# between X and Y" mediate (045) when the talks are between others; otherwise the verb's own
# entry holds ("hosted the summit", "organized talks with Y")
HOSTING_VERBS = frozenset({"host", "organize", "organise", "arrange", "convene", "sponsor"})
TALK_NOUNS = frozenset(
    {"meeting", "talk", "summit", "negotiation", "dialogue", "dialog", "conference", "round"}
)
PARTY_PREPS = frozenset({"between", "among"})
# verbs whose object is held open: "kept the channels open", "left the door open"
HOLDING_VERBS = frozenset({"keep", "leave"})
OPEN_WORDS = frozenset({"open", "ajar"})


def helped_act(token: Token, nominal: bool) -> bool:
    """Whether an act is named as what someone helped with: the infinitive of a helping verb
    ("helped (to) negotiate"), or the verb or noun of its "in"/"with" phrase ("assisted in
    negotiating", "helped with the negotiations", "a role in negotiating")."""
    head = token.head
    if not nominal and token.dep_ == "xcomp" and head.lemma_.lower() in HELPING_VERBS:
        return True
    if token.dep_ not in {"pcomp", "pobj"} or head.lower_ not in HELP_PREPS:
        return False
    helper = head.head.lemma_.lower()
    if helper in PLAYING_VERBS:  # "played a role in negotiating", the phrase on the verb
        roles = [c for c in head.head.children if c.dep_ == "dobj"]
        helper = roles[0].lemma_.lower() if roles else helper
    return helper in HELPING_VERBS or (not nominal and helper in ROLE_NOUNS)


def talks_between_others(verb: Token) -> bool:
    """Whether a hosting verb's object is talks between parties it names ("hosted talks
    between the US and the Taliban"); the "between" phrase may hang on the verb."""
    talks = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS]
    holders = [*talks, verb] if talks else []
    return any(c.dep_ == "prep" and c.lower_ in PARTY_PREPS for h in holders for c in h.children)


def held_open(verb: Token) -> bool:
    """Whether "open" is said in the kept object's clause: on the verb ("kept [channels]
    open"), on the object ("left the door open to talks") or, misparsed, deeper ("keeps
    channels to Turkey open", with "open" read as the noun after "to")."""
    return any(w.lower_ in OPEN_WORDS for w in verb.subtree)


def cooperative_entry(entry: VerbPattern, token: Token, nominal: bool) -> VerbPattern | None:
    """The entry a cooperative match stands for in its context; None when it is no act."""
    if entry.code == NEGOTIATE_CODE and helped_act(token, nominal):
        return replace(entry, code=MEDIATE_CODE, state_code=None, id=f"{entry.id} (helped)")
    if not nominal and token.lemma_.lower() in HOSTING_VERBS and talks_between_others(token):
        return replace(
            entry, code=MEDIATE_CODE, state_code=None, frame=None, id=f"{entry.id} (between)"
        )
    held = entry.code == MEET_INTENT_CODE and token.lemma_.lower() in HOLDING_VERBS
    if held and not nominal and not held_open(token):
        return None
    return entry
