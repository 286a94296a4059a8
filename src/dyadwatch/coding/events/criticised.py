"""Attacks on things one can only criticise: "Japan attacked the OECD forecasts", "union
leaders joined attacks on the wage freeze", "the senator assailed the farm budget cuts". An
assault verb (or the noun "attack") aimed at a policy, a plan, a forecast or a remark is words,
criticism (CAMEO 111), not force (18-19) and not a mere figure of speech to drop."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.roles import direct_object
from dyadwatch.dictionaries.verbs import VerbPattern

CRITICIZE_CODE = "111"
ASSAULT_LEMMAS = frozenset({"attack", "assail"})
# what is judged, not struck; no place, building, post or system ("attacked the position",
# "attacked the computer system" may be force)
CRITICISED_THINGS = frozenset(
    """policy plan proposal idea bill law budget measure decision ruling verdict decree
    legislation reform program programme remark comment statement speech stance record
    leadership handling approach strategy forecast estimate report assessment freeze tax
    increase cut spending mentality attitude view claim accusation allegation practice conduct
    behaviour behavior move deal agreement accord tariff levy subsidy sanction""".split()  # noqa: SIM905
)


def criticised_entry(entry: VerbPattern, token: Token, nominal: bool) -> VerbPattern | None:
    """The entry recoded as criticism when an assault entry's object is a thing one judges
    (its direct object; for the noun, its "on"/"against" phrase); None otherwise. An entry
    that names its own objects is meant as it says."""
    codes = {c[:2] for c in (entry.code, entry.state_code) if c}
    if not codes & {"18", "19"} or entry.objects or token.lemma_.lower() not in ASSAULT_LEMMAS:
        return None
    if nominal:
        objects = [
            o
            for p in token.children
            if p.dep_ == "prep" and p.lower_ in {"on", "against"}
            for o in p.children
            if o.dep_ == "pobj"
        ]
    else:
        found = direct_object(token)
        objects = [found] if found is not None else []
    if not any(o.lemma_.lower() in CRITICISED_THINGS for o in objects):
        return None
    return replace(entry, code=CRITICIZE_CODE, state_code=None, joint_code=None, frame=None,
                   id=f"{entry.id} (criticised)")  # fmt: skip
