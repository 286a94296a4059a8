"""Criticism and accusation carried by what political actors say (docs/verbs.md, "Criticism in
reported speech").

An analyst codes "the minister said the neighbour's blockade was illegal" as a criticism or an
accusation of the neighbour, not as a plain statement. This pass reads the words of statements
(010, 012) and of attributed quotations with the evaluative cue dictionary
(``dictionaries/data/evaluative_cues.tsv``) and recodes or adds an event only when:

- the speaker is a political actor (``statements.is_political``);
- a cue in what was said judges something: it is what a clause says of its subject ("X is a
  liar", "X's decision was a mistake", "X is behaving like a bully", "X treats the law with
  contempt"), a verb of wrongdoing with its doer ("X has been lying", "X violated the truce"),
  or a feeling about an act ("disappointed by X's vote"); a cue that is only the object of
  some act ("X fought the terrorists") or is negated ("was not a mistake") judges nothing;
- the one judged is an actor: named in the judged phrase (its head, a possessor, a nationality
  adjective, an "of"/"by" phrase), or the doer of the judged act, found among the acts coded in
  the sentence or the two before it ("The rebels shelled the town. The mayor called the attack
  cowardly"). Without one, nothing changes: no criticism is coded aimed at no one.

A criticism by label with no target ("described the attack as a cowardly act", the ``label``
rules of ``predicates.py``) gets the doer of the labelled act in the same way; a refusal with
no target (12x: "the ministers refused to hand over the files") is aimed at whoever asked the
refuser for something (an appeal or demand, 02 or 10) in its sentence or the two before.

Pure: reads candidates and the parse; ``coder.py`` runs it before statement hygiene. Whom a
judgement is aimed at is found by ``judged_actors.JudgementFinder``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.clauses import pobj_of
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.charges import already_charged, charged
from dyadwatch.coding.events.judged_actors import ACT_WINDOW, JUDGEMENT_RULE, JudgementFinder
from dyadwatch.coding.events.judged_acts import sentences_within
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.quotes import REPORTING, attributed
from dyadwatch.coding.events.refusals import REFUSAL_RULE, answers, asker
from dyadwatch.coding.events.statement_aims import ACCUSATION_RULE, ACCUSE_CODE, backer
from dyadwatch.dictionaries.evaluative_cues import CueHit, EvaluativeCues, default_evaluative_cues

STATEMENT_CODES = frozenset({"010", "012"})
# dependents of a verb of saying that hold what was said
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
VERBS = frozenset({"VERB", "AUX"})
DISAPPROVE_ROOT = "11"
REJECT_ROOT = "12"
QUOTE_JUDGEMENT = "verbs:quoted judgement"
ACCORDING = "verbs:according to"
ACCORDING_RULE = "according-to"


def judged_statements(
    candidates: list[EventCandidate],
    doc: Doc,
    index: MentionIndex,
    cues: EvaluativeCues | None = None,
) -> list[EventCandidate]:
    """The candidates with statements that judge an actor recoded as criticisms or
    accusations of it, untargeted criticisms by label aimed at the labelled act's doer, and
    one event for each quoted sentence with no event of its own that judges an actor."""
    cues = cues or default_evaluative_cues()
    finder = JudgementFinder(doc, index, candidates, cues)
    out: list[EventCandidate] = []
    for candidate in candidates:
        if candidate.code in STATEMENT_CODES and finder.political(candidate.source):
            roots = _content_roots(candidate.predicate)
            found = finder.judgement(roots, candidate.source)
            if found is not None:
                hit, judged = found
                candidate = replace(
                    candidate,
                    code=hit.cue.code,
                    entries=(*candidate.entries, f"{JUDGEMENT_RULE}: {' '.join(hit.cue.words)}"),
                    target=judged,
                    target_rule=JUDGEMENT_RULE,
                )
        elif candidate.code[:2] in {DISAPPROVE_ROOT, REJECT_ROOT} and candidate.target is None:
            # "refused to hand them over": whoever asked; "opposed the withdrawal": its doer
            asked_by = asker(candidate, candidates, ACT_WINDOW) if answers(candidate) else None
            if asked_by is not None:
                candidate = replace(candidate, target=asked_by, target_rule=REFUSAL_RULE)
            else:
                doer = finder.labelled_doer(candidate) or finder.felt_about(candidate)
                if doer is not None:
                    candidate = replace(candidate, target=doer, target_rule=JUDGEMENT_RULE)
        out.append(candidate)
    out = charged(out, doc, index, finder.speaker_of, finder.first_other, finder.actor_of)
    out += _unspoken(finder, out)
    out += _according(finder, out)
    return out + _quoted(finder, out)


def _content_roots(verb: Token) -> list[Token]:
    """The heads of what a verb of saying reports: its clause, or the quotation it is hung
    on ("'X is a bully,' the minister said" may hang "said" on the quoted verb)."""
    roots = [c for c in verb.children if c.dep_ in CONTENT_DEPS]
    if verb.dep_ == "parataxis" and verb.head.pos_ in VERBS:
        roots.append(verb.head)
    return roots


def _unspoken(finder: JudgementFinder, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Criticisms by verbs of saying that have no event of their own: "said X's decision
    to close the border was a mistake" (the extractor codes the closure, not the saying)."""
    out: list[EventCandidate] = []
    coded = {c.predicate.i for c in candidates}
    for n, sentence in enumerate(finder.doc.sents):
        for verb in sentence:
            if verb.i in coded or verb.pos_ != "VERB" or verb.lemma_ not in REPORTING:
                continue
            speaker = finder.speaker_of(verb)
            if speaker is None or already_charged([*candidates, *out], n, speaker):
                continue
            found = finder.judgement(_content_roots(verb), speaker)
            if found is not None:
                hit, judged = found
                out.append(_judgement_event(sentence, n, verb, hit, speaker, judged))
                continue
            sponsor = _sponsor(finder, _content_roots(verb), speaker)
            if sponsor is not None:  # "said the militias are armed by X"
                charge = ACCUSE_CODE, ACCUSATION_RULE, speaker, sponsor
                out.append(_event(sentence, n, verb, f"verbs:{verb.lemma_.lower()}", *charge))
    return out


def _sponsor(
    finder: JudgementFinder, roots: list[Token], speaker: MentionLike, within: range | None = None
) -> MentionLike | None:
    """The actor what was said accuses of backing an armed group (``statement_aims.backer``)."""
    for root in roots:
        sponsor = backer(root, finder.index)
        if sponsor is not None and (within is None or sponsor.i in within):
            return finder.first_other(finder.index.head_mentions(sponsor), speaker)
    return None


def _according(finder: JudgementFinder, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Judgements and accusations a sentence gives to a political actor with "according to",
    where that actor has no event of its own in it: "According to the ministry, the blockade
    is illegal" (a cue, as in a statement), "according to X, the militias are armed by Y" (an
    accusation of Y, ``statement_aims.backer``). A news outlet is no speaker here."""
    out: list[EventCandidate] = []
    for n, sentence in enumerate(finder.doc.sents):
        for word in sentence:
            to = next((c for c in word.children if c.lower_ == "to"), None)
            thing = pobj_of(to) if word.lower_ == "according" and to is not None else None
            if thing is None:
                continue
            speaker = next(
                (m for m in finder.index.head_mentions(thing) if finder.political(m)), None
            )
            if speaker is None or any(
                c.sentence_index == n and c.source.actor.code == speaker.actor.code
                for c in [*candidates, *out]
            ):
                continue
            # what is said is the rest of the sentence, on the longer side of the phrase
            phrase = range(word.i, max(t.i for t in word.subtree) + 1)
            before = range(sentence.start, phrase.start)
            after = range(phrase.stop, sentence.end)
            said = after if len(after) >= len(before) else before
            found = finder.judgement([sentence.root], speaker, said)
            if found is not None:
                hit, judged = found
                cue = f"{JUDGEMENT_RULE}: {' '.join(hit.cue.words)}"
                out.append(_event(sentence, n, word, ACCORDING, hit.cue.code, cue, speaker, judged))
                continue
            sponsor = _sponsor(finder, [sentence.root], speaker, said)
            if sponsor is not None:
                charge = ACCUSE_CODE, ACCUSATION_RULE, speaker, sponsor
                out.append(_event(sentence, n, word, ACCORDING, *charge))
    return out


def _event(
    sentence: Span,
    n: int,
    word: Token,
    entry: str,
    code: str,
    rule: str,
    speaker: MentionLike,
    judged: MentionLike,
) -> EventCandidate:
    """A judgement or accusation said by ``word`` (a verb of saying, or "according")."""
    return EventCandidate(
        sentence=sentence,
        sentence_index=n,
        predicate=word,
        verb_tokens=(word,),
        code=code,
        entries=(entry, rule),
        source=speaker,
        target=judged,
        source_rule=ACCORDING_RULE if entry == ACCORDING else "nsubj",
        target_rule=rule,
    )


def _quoted(finder: JudgementFinder, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Criticisms in quoted sentences that carry no event of their speaker: the second
    sentence of "The minister said: 'We are calm. Their government is lying.'"."""
    out: list[EventCandidate] = []
    for quotation in attributed(finder.doc, finder.index):
        speaker = quotation.speaker
        if speaker is None or not finder.political(speaker):
            continue
        inside = range(quotation.start, quotation.end)
        for sentence in sentences_within(finder.doc, quotation.start, quotation.end):
            if sentence.root.i not in inside:
                continue  # "the minister said, '...'": the statement's own clause
            n = finder.sentence_of[sentence.start]
            if any(
                c.sentence_index == n and c.source.actor.code == speaker.actor.code
                for c in candidates
            ):
                continue
            found = finder.judgement([sentence.root], speaker, inside)
            if found is None:
                continue
            hit, judged = found
            out.append(_judgement_event(sentence, n, None, hit, speaker, judged))
    return out


def _judgement_event(
    sentence: Span,
    n: int,
    verb: Token | None,
    hit: CueHit,
    speaker: MentionLike,
    judged: MentionLike,
) -> EventCandidate:
    """A criticism said by ``verb``, or quoted with no verb of saying in its sentence."""
    cue = f"{JUDGEMENT_RULE}: {' '.join(hit.cue.words)}"
    if verb is None:
        tokens = tuple(sentence.doc[hit.start : hit.end])
        entries, rule = (QUOTE_JUDGEMENT, cue), "quote-speaker"
    else:
        tokens = (verb,)
        entries, rule = (f"verbs:{verb.lemma_.lower()}", cue), "nsubj"
    return EventCandidate(
        sentence=sentence,
        sentence_index=n,
        predicate=tokens[0],
        verb_tokens=tokens,
        code=hit.cue.code,
        entries=entries,
        source=speaker,
        target=judged,
        source_rule=rule,
        target_rule=JUDGEMENT_RULE,
    )
