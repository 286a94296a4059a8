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
from collections.abc import Iterator, Sequence, Set
from typing import Protocol

import numpy
from spacy.attrs import IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from dyadwatch.dictionaries.evaluative_cues import cue_word_forms
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
    newline are left alone. Only sentence starts change: tokens and offsets stay the text's.
    Only the whitespace tokens are visited (a per-token walk cost a tenth of the prefilter)."""
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()
    for i in spaces:
        if i == 0 or i >= len(doc) - 1:
            continue
        token = doc[i]
        if "\n" not in token.text:
            continue
        if token.is_sent_start or token.text.count("\n") >= 2:
            token.is_sent_start = False
            doc[i + 1].is_sent_start = True
    return doc


# a capitalised word: "Peladeau", "McCain"
_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")

# the pronouns whose antecedent the coder looks for in the sentence before (an object "him"/"her"
# may stand for a person only the entity recogniser finds there)
_PERSONAL = frozenset({"he", "she", "him", "her"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})

# titles written with a full stop before a name: "Sgt. York", "Lt. Col. Smith" go on
_TITLES = frozenset(
    {"Adm", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Gen", "Gov", "Lt", "Maj", "Mr", "Mrs"}
    | {"Ms", "Prof", "Rep", "Rev", "Sen", "Sgt", "St", "Supt"}
)


def join_false_breaks(doc: Doc) -> Doc:
    """Undo the rule-based sentencizer's breaks that no parser makes: before a word in lower
    case ("Robert Byrd (D-W.Va.) | wants ...") and after a title's full stop ("the Sgt. |
    York gun"). A sentence cut there is parsed as two fragments and loses its event. Only
    sentence starts change."""
    starts = [s.start for s in doc.sents][1:]
    for start in starts:
        first = start
        while first < len(doc) - 1 and (doc[first].is_space or doc[first].is_punct):
            first += 1
        before = start - 1
        while before > 0 and doc[before].is_space:
            before -= 1
        lower = doc[first].text[:1].islower()
        title = doc[before].text == "." and before > 0 and doc[before - 1].text in _TITLES
        if lower or title:
            doc[start].is_sent_start = False
    return doc


def later_names(words: Sequence[str], in_lower_case: Set[str]) -> set[str]:
    """The capitalised words of a sentence (``words``: its token texts) after its first word
    ("Pierre", "Peladeau") that the document never writes in lower case (so not "Markets" or
    "Officials")."""
    return {
        text for text in words[1:] if _NAME.fullmatch(text) and text.lower() not in in_lower_case
    }


def full_name_surnames(words: Sequence[str]) -> set[str]:
    """The surnames of the full names a sentence (``words``: its token texts) writes: a
    capitalised word after a given name ("Pierre Peladeau" gives "Peladeau")."""
    found: set[str] = set()
    previous = ""
    for text in words:
        if _NAME.fullmatch(text):
            if previous:
                found.add(text)
            previous = text
        else:
            previous = ""
    return found


def context(
    sentences: Sequence[Sequence[str]], lowers: Sequence[Sequence[str]], kept: Sequence[bool]
) -> set[int]:
    """The sentences not in ``kept`` that a kept sentence needs parsed to find its actors:
    where a surname it uses alone was first written as a full name ("Pierre Peladeau ...
    Peladeau said"), and the sentence before one with "he", "she", "him" or "her" (the
    coder's pronoun antecedents are the people named in the sentence before). ``sentences``
    holds each sentence's token texts, ``lowers`` the same in lower case."""
    introduced: dict[str, int] = {}
    needed: set[int] = set()
    for position, words in enumerate(sentences):
        if kept[position]:
            for text, lower in zip(words, lowers[position], strict=True):
                first = introduced.get(text)
                if first is not None and not kept[first]:
                    needed.add(first)
                elif position > 0 and lower in _PERSONAL and not kept[position - 1]:
                    needed.add(position - 1)
        for name in full_name_surnames(words):
            introduced.setdefault(name, position)
    return needed


def judging_quotes(sentences: Sequence[Span], kept: Sequence[bool]) -> set[int]:
    """The sentences not in ``kept`` that go on a quotation with a judging word (an evaluative
    cue) within two sentences after a kept one: "Leaving them to die is a big mistake.""
    names no actor, but its speaker is attributed in the sentence before and the coder reads
    its judgement (coding/events/evaluations.py)."""
    forms = cue_word_forms()
    needed: set[int] = set()
    for position, sentence in enumerate(sentences):
        if kept[position] or not any(kept[max(0, position - 2) : position]):
            continue
        words = {t.lower_ for t in sentence}
        if words & _QUOTE_MARKS and not words.isdisjoint(forms):
            needed.add(position)
    return needed


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

    def keep(self, sentence: Span, position: int = 0, names: Set[str] = frozenset()) -> bool:
        """Whether a sentence must be parsed: it can hold an event (a dictionary word and a
        possible actor, and with ``prefilter_gate = "learned"`` the learned gate's say), or it
        names a date that later sentences may count from ("In 2004 ... The following
        year ..."). ``position`` is the sentence's index in its document (a feature of the
        learned gate); a word of ``names`` counts as a possible actor (:func:`later_names`)."""
        words = [t.text for t in sentence]
        lowers = [t.lower_ for t in sentence]
        return self._keeps(sentence.text, words, lowers, position, names)

    def _keeps(
        self,
        text: str,
        words: Sequence[str],
        lowers: Sequence[str],
        position: int,
        names: Set[str],
        mentions_actor: bool | None = None,
    ) -> bool:
        """:meth:`keep` on a sentence's text, token texts and lower-case token texts (read
        from the Doc's arrays: a walk over Token objects cost more than the checks)."""
        if _DATE_CUE.search(text):
            return True
        if not self.gate.admits(set(lowers)):
            return False
        if mentions_actor is None:
            mentions_actor = self.actors.could_mention_actor(text)
        if not mentions_actor and names.isdisjoint(words):
            return False
        if self.learned is None:
            return True
        return self.learned.keeps([w for w in words if not w.isspace()], position, True)

    def choose(self, doc: Doc, words: Sequence[str]) -> Iterator[tuple[Span, bool]]:
        """Each sentence of a split document (``words``: its token texts) and whether to
        parse it (:meth:`keep`). A name that a sentence with a possible actor gave ("Quebecor
        president Pierre Peladeau") is a possible actor in the sentences after it
        ("Peladeau said ..."): the coder finds such surnames from the earlier mention.

        A kept sentence also needs the sentences its actors are found in (:func:`context`):
        the one that gave a full name a later kept sentence calls by its surname alone, and
        the one before a kept sentence with "he" or "she" (the pronoun's antecedent). Unparsed,
        they have no entities, and the kept sentence's event loses its actor."""
        in_lower_case = {word for word in words if word.islower()}
        strings = doc.vocab.strings
        lower_words = [strings[lower] for lower in doc.to_array(LOWER).tolist()]
        text = doc.text
        names: set[str] = set()
        sentences = list(doc.sents)
        spans = [(s.start, s.end) for s in sentences]
        texts = [text[s.start_char : s.end_char] for s in sentences]  # each Span.text
        sentence_words = [words[a:b] for a, b in spans]
        sentence_lowers = [lower_words[a:b] for a, b in spans]
        kept: list[bool] = []
        for position in range(len(sentences)):
            sentence_text = texts[position]
            mentions_actor = self.actors.could_mention_actor(sentence_text)
            kept.append(
                self._keeps(
                    sentence_text,
                    sentence_words[position],
                    sentence_lowers[position],
                    position,
                    names,
                    mentions_actor,
                )
            )
            if mentions_actor:
                names |= later_names(sentence_words[position], in_lower_case)
        for position in context(sentence_words, sentence_lowers, kept):
            kept[position] = True
        for position in judging_quotes(sentences, kept):
            kept[position] = True
        yield from zip(sentences, kept, strict=True)

    def split(self, text: str) -> Doc:
        """The text's tokens with the prefilter's sentences (not parsed)."""
        doc = self.sentencizer(make_doc_any_length(self.nlp, text))
        return join_false_breaks(mark_paragraphs(doc))

    def parse(self, text: str) -> Doc:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[Doc]:
        """Parse the texts, each sentence that passes :meth:`keep` in full."""
        plans: list[_Plan] = []
        wanted: list[Doc] = []
        for text in texts:
            doc = self.split(text)
            strings = doc.vocab.strings
            plan = _Plan(
                [strings[orth] for orth in doc.to_array(ORTH).tolist()],
                [bool(space) for space in doc.to_array(SPACY).tolist()],
            )
            for sentence, kept in self.choose(doc, plan.words):
                plan.add(sentence.start, sentence.end, kept)
            wanted += [plan.tokens_only(self.nlp, a, b) for a, b, kept in plan.sentences if kept]
            plans.append(plan)
        parsed = iter(self.nlp.pipe(wanted))
        return [
            plan.assemble(self.nlp, parsed) if plan.sentences else parse_any_length(self.nlp, text)
            for text, plan in zip(texts, plans, strict=True)
        ]


# every token attribute a Doc can be rebuilt from (what ``Doc.from_docs`` copies)
_ATTRS = list(Doc._get_array_attrs())


class _Plan:
    """One text's tokens and sentences, each marked kept (parsed) or not."""

    def __init__(self, words: list[str], spaces: list[bool]) -> None:
        self.words = words
        self.spaces = spaces
        self.sentences: list[tuple[int, int, bool]] = []
        self.line_starts: list[int] = []  # run-internal sentences that begin a new line

    def add(self, start: int, end: int, kept: bool) -> None:
        """The next sentence. Adjacent kept sentences of a paragraph make one run, parsed as
        one Doc: the parser then draws its own sentence boundaries there, as in the full
        parse (a quotation the rule-based split cut after "... if I want." stays one
        sentence with its speaker), and reads each sentence with its neighbours' words."""
        if kept and self.sentences and self.sentences[-1][2]:
            self.sentences[-1] = (self.sentences[-1][0], end, True)
            if start > 0 and "\n" in self.words[start - 1]:
                # a sentence after a line break starts there even in a run: a blank line ends
                # a heading with no full stop (mark_paragraphs); Reuters writes one per line
                self.line_starts.append(start)
        else:
            self.sentences.append((start, end, kept))

    def tokens_only(self, nlp: Language, start: int, end: int) -> Doc:
        """A run of sentences as a Doc of its own tokens, for the pipeline to annotate
        (``Span.as_doc`` copies the whole document's arrays each time: quadratic)."""
        doc = Doc(nlp.vocab, words=self.words[start:end], spaces=self.spaces[start:end])
        for line_start in self.line_starts:
            if start < line_start < end:  # the parser keeps a boundary set before it runs
                doc[line_start - start].is_sent_start = True
        return doc

    def assemble(self, nlp: Language, parsed: Iterator[Doc]) -> Doc:
        """The document as one Doc: a kept sentence carries its parse (taken from ``parsed``
        in order), any other a flat placeholder parse (its tokens hang off its first one; no
        tags, no entities). The same Doc ``Doc.from_docs`` made of one Doc per sentence,
        built from arrays in one go instead of token by token."""
        heads: list[int] = []
        deps: list[str] = []
        for start, end, _ in self.sentences:
            heads += [start] * (end - start)
            deps += ["ROOT"] + ["dep"] * (end - start - 1)
        doc = Doc(nlp.vocab, words=self.words, spaces=self.spaces, heads=heads, deps=deps)
        array = doc.to_array(_ATTRS)
        for start, end, kept in self.sentences:
            if kept:  # heads are relative: a sentence's rows move as they are
                array[start:end] = next(parsed).to_array(_ATTRS)
        return doc.from_array(_ATTRS, array)  # type: ignore[arg-type]
