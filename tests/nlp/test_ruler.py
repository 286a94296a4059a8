"""The batch attribute ruler: the same annotation as spaCy's own, and a safe fallback."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.nlp.pipeline import load_pipeline
from dyadwatch.nlp.ruler import batch_attribute_ruler

SENTENCES = [
    "There's nothing the harbour board ain't tried, y'all know that.",
    "Ministers didn't agree; they have said so twice.",
    "Rescuers got there late and the mayor gets the blame.",
    "There are   two  spaces here\n\nand a new line.",
]


def _annotations(docs: list[Doc]) -> list[list[tuple[str, str, str, str]]]:
    return [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in docs]


def test_the_batch_ruler_annotates_as_spacys_matcher_does(nlp: Language) -> None:
    plain = load_pipeline(gemm="blis")
    ruler = plain.get_pipe("attribute_ruler")
    spacy_own = [ruler(doc) for doc in _upto_ruler(plain)]  # one Doc at a time
    batch = list(ruler.pipe(_upto_ruler(plain)))  # the patched pipe, whole batch
    assert "pipe" in vars(ruler)  # load_pipeline patched it
    assert _annotations(batch) == _annotations(spacy_own)
    full = list(nlp.pipe(SENTENCES))  # the lemmatizer comes after the ruler: no lemmas here
    assert [a[:2] + a[3:] for d in _annotations(full) for a in d] == [
        a[:2] + a[3:] for d in _annotations(batch) for a in d
    ]


def _upto_ruler(nlp: Language) -> list[Doc]:
    docs = [nlp.make_doc(text) for text in SENTENCES]
    for name in ("tok2vec", "tagger", "parser"):
        docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


def test_a_two_token_rule_does_not_run_across_two_docs() -> None:
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"TAG": "NNP"}, index=0)
    assert batch_attribute_ruler(nlp)
    first, _, third = nlp.pipe(["in new", "york today", "new york"])
    assert first[1].tag_ == "" and third[0].tag_ == "NNP"


def test_a_rule_it_cannot_compile_leaves_spacys_ruler() -> None:
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"TAG": "JJ"})
    assert not batch_attribute_ruler(nlp)
    assert "pipe" not in vars(ruler)
