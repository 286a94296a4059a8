"""spaCy's attribute ruler, matched a batch at a time (same output, a fraction of the time).

The ``attribute_ruler`` of the English pipelines maps fine tags to coarse ones and fixes a
few words (179 rules in ``en_core_web_sm``): its ``Matcher`` runs once per Doc, and the
prefilter sends the parser thousands of one-sentence Docs, so the ruler cost about as much as
the parser (2.4 of 14.5 CPU seconds of the pipeline over Wikinews). :func:`batch_attribute_ruler`
gives the component a ``pipe`` that evaluates every rule with numpy over the token arrays of a
whole batch, then hands the matches, sorted as the ``Matcher``'s are, to the ruler's own
``set_annotations``: only the finding of matches changes. Rules are compiled from the
ruler's patterns; a pattern this module does not understand (an operator, a quantifier, an
attribute other than TAG, LOWER, DEP, IS_SPACE) leaves the ruler as spaCy made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

# a test on one token: the batch's columns and string table in, a boolean per token out
Test = Callable[[numpy.ndarray, dict[int, str]], numpy.ndarray]
# one rule: its id and its patterns, each a list of token tests
Rule = tuple[int, list[list[list[Test]]]]


def batch_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler a batch ``pipe``; False when it has none or
    holds a pattern that cannot be compiled (it is then left as it was)."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    rules = _compile(ruler)
    if rules is None:
        return False
    ruler.pipe = partial(_pipe, ruler, rules)  # type: ignore[attr-defined]
    return True


def _compile(ruler: Any) -> list[Rule] | None:
    rules: list[Rule] = []
    for attr_id in range(len(ruler.attrs)):
        found = ruler.matcher.get(ruler.vocab.strings[str(attr_id)])
        if found is None:
            return None
        patterns: list[list[list[Test]]] = []
        for pattern in found[1]:
            tokens: list[list[Test]] = []
            for spec in pattern:
                tests = [_test(key, value) for key, value in spec.items()]
                if any(t is None for t in tests) or not tests:
                    return None
                tokens.append([t for t in tests if t is not None])
            patterns.append(tokens)
        rules.append((attr_id, patterns))
    return rules


def _test(key: str, value: object) -> Test | None:
    column = _COLUMNS.get(key)
    if column is None:
        return None
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            return None
        flag = int(value)
        return lambda cols, _: cols[:, column] == flag
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda cols, _: cols[:, column] == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            ids = numpy.array([get_string_id(v) for v in arg], dtype=numpy.uint64)
            inside = op == "IN"
            return lambda cols, _: numpy.isin(cols[:, column], ids) == inside
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)

            def search(cols: numpy.ndarray, strings: dict[int, str]) -> numpy.ndarray:
                values = cols[:, column]
                hits = [h for h in numpy.unique(values).tolist() if regex.search(strings[h])]
                return numpy.isin(values, numpy.array(hits, dtype=numpy.uint64))

            return search
    return None


def _pipe(
    ruler: Any, rules: list[Rule], stream: Iterable[Doc], batch_size: int = 128
) -> Iterator[Doc]:
    batch: list[Doc] = []
    for doc in stream:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _annotate(ruler, rules, batch)
            batch = []
    if batch:
        yield from _annotate(ruler, rules, batch)


def _annotate(ruler: Any, rules: list[Rule], docs: list[Doc]) -> list[Doc]:
    arrays = [doc.to_array(_ARRAY_ATTRS).reshape(-1, len(_ARRAY_ATTRS)) for doc in docs]
    cols = numpy.concatenate(arrays) if arrays else numpy.zeros((0, 4), dtype=numpy.uint64)
    starts = numpy.cumsum([0] + [len(a) for a in arrays])
    owner = numpy.repeat(numpy.arange(len(docs)), [len(a) for a in arrays])
    strings = {h: ruler.vocab.strings[h] for h in numpy.unique(cols[:, 1:3]).tolist()}
    strings |= {h: ruler.vocab.strings[h] for h in numpy.unique(cols[:, 0]).tolist()}
    cache: dict[int, numpy.ndarray] = {}
    matches: list[list[tuple[int, int, int, int]]] = [[] for _ in docs]
    total = len(cols)
    for attr_id, patterns in rules:
        match_id = ruler.vocab.strings[str(attr_id)]
        for pattern in patterns:
            width = len(pattern)
            if total < width:
                continue
            hit = numpy.ones(total - width + 1, dtype=bool)
            for offset, tests in enumerate(pattern):
                for test in tests:
                    key = id(test)
                    if key not in cache:
                        cache[key] = test(cols, strings)
                    hit &= cache[key][offset : offset + total - width + 1]
            if width > 1:  # a match must not run from one Doc into the next
                hit &= owner[: total - width + 1] == owner[width - 1 :]
            for i in numpy.flatnonzero(hit).tolist():
                d = int(owner[i])
                start = i - int(starts[d])
                matches[d].append((attr_id, match_id, start, start + width))
    for doc, found in zip(docs, matches, strict=True):
        ruler.set_annotations(doc, sorted(found))
    return docs
