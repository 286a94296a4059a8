"""The crime a verdict or sentence is for, done by the one convicted.

"A jury convicted X of stabbing a guard", "X was sentenced to life for driving his car into a
crowd", "was found guilty of raping a tourist": a court's verdict or sentence establishes the
act it is for, so that act (the -ing clause of its "of" or "for") is asserted, and its doer is
whom the verdict falls on (the verb's object, or a passive's subject). An arrest, a charge or
an accusation ("arrested for", "charged with", "accused of") establishes nothing.

Pure over the parse and the actor mentions; used by ``implied.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import verdict_over
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.private import private_person
from dyadwatch.coding.roles import direct_object


def convicted_doers(verb: Token, mentions: MentionIndex) -> list[MentionLike]:
    """The one convicted of or sentenced for the act ``verb`` heads, when it is the -ing
    clause of a verdict's "of"/"for" phrase; else none."""
    judged = verdict_over(verb)
    if judged is None:
        return []
    if judged.lower_ == "guilty":  # "was found guilty of V-ing": who was found so
        judged = judged.head
    convicted = direct_object(judged)
    if convicted is None:
        return []
    return list(mentions.head_mentions(convicted)) or private_person(convicted, mentions)
