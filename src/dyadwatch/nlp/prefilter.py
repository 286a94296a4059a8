"""Parse only the sentences that can hold an event (``settings.prefilter``).

Parsing dominates coding time. A sentence can only yield an event when some whole
verb-dictionary entry could match in it (``dyadwatch.nlp.gate``: the head in an inflected form
plus the entry's other literal words) and it could mention an actor, so the prefilter splits
the text with a rule-based sentencizer, parses the sentences that pass, and reassembles one Doc with
the document's exact text: parsed sentences carry the full annotation, the others a flat
placeholder parse (no tags, no entities) that no pattern can match. Offsets into the document
text are unchanged. Documented in ``docs/verbs.md`` (the measurement is in
``docs/evaluation.md``).

Setting ``prefilter_gate`` chooses the gate: ``"words"`` (the word gate and a possible actor)
or ``"learned"`` (the word gate and a possible actor, then ``dyadwatch.nlp.sentence_gate``
decides). Sentences with a date cue are parsed either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from dyadwatch.dictionaries.verbs import VerbDictionary
from dyadwatch.errors import ConfigError
from dyadwatch.nlp.gate import PredicateGate, irregular_forms
from dyadwatch.nlp.pieces import make_doc_any_length, parse_any_length
from dyadwatch.nlp.sentence_gate import SentenceGate, load_sentence_gate
from dyadwatch.settings import load_settings

GATES = ("words", "learned")

# a year or a month name: the sentence anchors dates for the sentences after it
_DATE_CUE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


def mark_paragraphs(doc: Doc) -> Doc:
    """Keep paragraph breaks from heading a sentence: a newline token that starts a sentence
    (after "...ended." and a blank line) goes with the sentence before it, as the full parse
    attaches it, and a blank line ends a sentence even without a full stop (a heading). A
    leading newline token made the parser attach the fronted phrase wrongly. Spaces without a
    newline are left alone. Only sentence starts change: tokens and offsets stay the text's."""
    for token, after in pairwise(list(doc)[1:]):
        if not token.is_space or "\n" not in token.text:
            continue
        if token.is_sent_start or token.text.count("\n") >= 2:
            token.is_sent_start = False
            after.is_sent_start = True
    return doc


class _ActorCheck(Protocol):
    def could_mention_actor(self, text: str) -> bool: ...


class SentencePrefilter:
    """Decides which sentences to parse and builds the partially parsed Doc."""

    def __init__(
        self,
        nlp: Language,
        verbs: VerbDictionary,
        actors: _ActorCheck,
        gate: str | None = None,
        learned: SentenceGate | None = None,
    ) -> None:
        """``gate`` is ``"words"`` or ``"learned"`` (default: the ``prefilter_gate`` setting
        from the environment or settings file); ``learned`` replaces the packaged model."""
        self.nlp = nlp
        self.actors = actors
        self.sentencizer = Sentencizer()
        self.gate = PredicateGate(verbs, irregular_forms(nlp))
        kind = gate or load_settings().prefilter_gate
        if kind not in GATES:
            raise ConfigError(f"prefilter_gate must be one of {', '.join(GATES)}, not {kind!r}")
        self.learned = (learned or load_sentence_gate()) if kind == "learned" else None

    def keep(self, sentence: Span, position: int = 0) -> bool:
        """Whether a sentence must be parsed: it can hold an event (a dictionary word and a
        possible actor, and with ``prefilter_gate = "learned"`` the learned gate's say), or it
        names a date that later sentences may count from ("In 2004 ... The following
        year ..."). ``position`` is the sentence's index in its document (a feature of the
        learned gate)."""
        if _DATE_CUE.search(sentence.text):
            return True
        if not self.gate.admits({t.lower_ for t in sentence}):
            return False
        if not self.actors.could_mention_actor(sentence.text):
            return False
        if self.learned is None:
            return True
        words = [t.text for t in sentence if not t.is_space]
        return self.learned.keeps(words, position, True)

    def parse(self, text: str) -> Doc:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[Doc]:
        """Parse the texts, each sentence that passes :meth:`keep` in full."""
        pieces: list[list[Doc | None]] = []
        wanted: list[Doc] = []
        for text in texts:
            doc = mark_paragraphs(self.sentencizer(make_doc_any_length(self.nlp, text)))
            row: list[Doc | None] = []
            for position, sentence in enumerate(doc.sents):
                if self.keep(sentence, position):
                    wanted.append(self._tokens_only(sentence))
                    row.append(None)
                else:
                    row.append(self._placeholder(sentence))
            pieces.append(row)
        parsed = iter(self.nlp.pipe(wanted))
        out: list[Doc] = []
        for text, row in zip(texts, pieces, strict=True):
            docs = [piece if piece is not None else next(parsed) for piece in row]
            merged = (
                Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
                if docs
                else parse_any_length(self.nlp, text)
            )
            out.append(merged if merged.text == text else parse_any_length(self.nlp, text))
        return out

    def _tokens_only(self, sentence: Span) -> Doc:
        """The sentence as a Doc of its own tokens, for the pipeline to annotate
        (``Span.as_doc`` copies the whole document's arrays each time: quadratic)."""
        words = [t.text for t in sentence]
        spaces = [bool(t.whitespace_) for t in sentence]
        return Doc(self.nlp.vocab, words=words, spaces=spaces)

    def _placeholder(self, sentence: Span) -> Doc:
        """An unparsed sentence: its tokens hang flat off the first one."""
        words = [t.text for t in sentence]
        spaces = [bool(t.whitespace_) for t in sentence]
        heads = [0] * len(words)
        deps = ["ROOT"] + ["dep"] * (len(words) - 1)
        return Doc(self.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
