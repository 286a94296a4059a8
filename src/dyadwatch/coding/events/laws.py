"""Who does what a law does: "X passed a bill banning rallies" bans rallies (X's act), but
"X rejected / vetoed / opposed / sponsored a bill banning rallies" bans nothing; the law's
participle is its author's act only when the verb carrying the law enacts it (docs/verbs.md,
"Bills and laws")."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.complements import INSTRUMENT_NOUNS
from dyadwatch.coding.events.frames import SentenceState

# acts on a law that do not put it in force: criticism (11), rejection and veto (12), threats
# (13), and the intent a sponsored, drafted or introduced bill is (0342)
NOT_ENACTING = ("11", "12", "13", "034")


def law_author(state: SentenceState, author: Token | None, participle: Token) -> Token | None:
    """The author of the object carrying a participle act (extractor.message_author), unless
    that object is a law the author's verb does not enact."""
    if author is None or participle.head.lemma_.lower() not in INSTRUMENT_NOUNS:
        return author
    act = state.acts.get(author.i)
    if act is not None and act.code.startswith(NOT_ENACTING):
        return None
    return author
