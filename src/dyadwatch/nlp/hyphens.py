"""Prefixed words written with a hyphen ("co-founded", "re-elected", "pre-empted") kept whole.

spaCy's English tokenizer splits a hyphen between letters, so "re-arrested" reaches the
tagger and parser as "re", "-", "arrested": "re" is taken for the verb and the real verb
hangs off it as a conjunct or clause, which loses the subject and object of every event in
the sentence. :func:`keep_prefix_hyphens` makes such a word one token (a ``token_match``
built at load time; other hyphenated words split as before), and
:func:`prefixed_verb_lemmas` gives a prefixed verb the lemma the verb dictionary knows: the
verb's own ("re-arrested" is an arrest, "co-sponsored" a sponsoring), or the joined word
where that is its own verb ("pre-empted" -> "preempt", "co-operated" -> "cooperate").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# prefixes English writes before a verb with a hyphen; "ex-", "anti-", "pro-" make nouns and
# adjectives whose two halves the actor dictionaries read (non_actors.tsv hyphen modifiers)
PREFIXES = ("co", "re", "pre", "counter")
PREFIXED = re.compile(r"(?i:co|re|pre|counter)-[^\W\d_]{2,}\Z")
# prefixes whose verb is a word of its own rather than the bare verb again
_JOINING = frozenset({"pre", "counter"})
# verbs written both ways whose bare half means something else ("operate", "ordinate")
_JOINED = frozenset({"cooperate", "coordinate", "coopt", "coexist"})
_VERB_POS = frozenset({"VERB", "AUX"})
COMPONENT = "prefixed_verb_lemmas"


def keep_prefix_hyphens(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer keep a prefix-hyphen word (see :data:`PREFIXED`) whole.
    Setting ``token_match`` empties the tokenizer's cache, so no old split survives."""
    nlp.tokenizer.token_match = PREFIXED.match  # type: ignore[union-attr]


def split_prefix(text: str) -> tuple[str, str] | None:
    """("re", "elected") for "re-elected"; None for a word that is not prefix-hyphen-word."""
    if not PREFIXED.match(text):
        return None
    prefix, _, rest = text.partition("-")
    return prefix.lower(), rest


def add_prefixed_verb_lemmas(nlp: Language) -> None:
    """Add the component that re-lemmatises prefixed verbs after ``nlp``'s lemmatizer."""
    if COMPONENT in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    _register()
    nlp.add_pipe(COMPONENT, after="lemmatizer")


def _register() -> None:
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT)
    def _make(nlp: Language, name: str) -> Any:
        return _PrefixedVerbLemmas(nlp)


class _PrefixedVerbLemmas:
    """Sets the lemma of every prefix-hyphen verb from its bare verb's lemma."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.memo: dict[tuple[str, str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ not in _VERB_POS or "-" not in token.text:
                continue
            parts = split_prefix(token.text)
            if parts is None:
                continue
            key = (token.text.lower(), token.tag_, str(token.morph))
            lemma = self.memo.get(key)
            if lemma is None:
                prefix, bare = parts
                word = prefix + bare if prefix in _JOINING else bare
                lemma = self.memo[key] = prefixed_lemma(prefix, self._lemma(word, token))
            token.lemma_ = lemma
        return doc

    def _lemma(self, bare: str, token: Any) -> str:
        from spacy.tokens import Doc

        lemmatizer: Any = self.nlp.get_pipe("lemmatizer")
        word: Any = Doc(self.nlp.vocab, words=[bare.lower()])[0]
        word.tag_ = token.tag_
        word.pos_ = token.pos_
        word.set_morph(str(token.morph))
        lemmas = lemmatizer.lemmatize(word)
        return str(lemmas[0]) if lemmas else bare.lower()


def prefixed_lemma(prefix: str, lemma: str) -> str:
    """The lemma of a prefixed verb from its prefix and the lemma of its bare verb (of the
    joined word for a joining prefix, whose lemma already carries the prefix)."""
    if prefix in _JOINING:
        return lemma
    joined = prefix + lemma
    return joined if joined in _JOINED else lemma
