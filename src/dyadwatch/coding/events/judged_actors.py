"""Finding the actor a judgement is aimed at (docs/verbs.md, "Criticism in reported speech").

``JudgementFinder`` reads one Doc for ``evaluations.py``: the cue in what was said that judges
someone and whom it judges (named in the judged phrase, or the doer of the judged act coded
in the sentence or the two before it), and the doer of an act a label or a criticism names.

Pure: reads candidates and the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import is_negated, pobj_of, prep_objects
from dyadwatch.coding.events.arguments import names_the_act, whole_country
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.judged_acts import (
    act_objects,
    doer_unless_own,
    earlier_clauses,
    gerund_deed,
    includes_speaker,
    is_topic,
    lead_deed,
    named_back,
    noun_roots,
    pointed,
    points_back,
    says_foreign,
    speaks_for_unknown_body,
)
from dyadwatch.coding.events.labels import double_complement, object_as_label, object_predicate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.quotes import REPORTING
from dyadwatch.coding.events.refusals import speaks
from dyadwatch.coding.events.statement_aims import CONTEXT_COUNTRY, is_place
from dyadwatch.coding.events.statements import is_political
from dyadwatch.coding.roles import subjects
from dyadwatch.dictionaries.evaluative_cues import CueHit, EvaluativeCues

VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
# how a cue hangs on what it judges: a modifier or a predicate of it
PREDICATE_DEPS = frozenset({"amod", "acomp", "attr", "oprd", "advmod", "npadvmod", "compound"})
LIST_DEPS = frozenset({"conj", "appos"})
# verbs whose object is what the subject does or is: "made a mistake", "showed contempt"
LIGHT_VERBS = frozenset(
    {"make", "commit", "show", "display", "demonstrate", "tell", "spread", "act", "behave"}
)
# "behaving like a bully", "described as a sham": the phrase says what its head is
LIKENESS_PREPS = frozenset({"like", "as"})
# "suppressed protests in an unlawful way", "treats the law with contempt": how it is done
# "came to power through fraud", "won due to fraud": the means of the act
MEANS_PREPS = frozenset({"through", "via"})
CAUSE_WORDS = frozenset({"due", "owing", "thanks", "because"})
MANNER_PREPS = frozenset({"in", "with"})
MANNER_NOUNS = frozenset({"way", "manner", "fashion"})
# "disappointed by the vote", "disappointment at the ruling": the feeling is about the object
ABOUT_PREPS = frozenset({"at", "by", "with", "over", "about", "in"})
CLAUSE_CLIMB = frozenset({"xcomp", "conj"})  # "have chosen to suppress": the chooser did it
ACT_WINDOW = 2  # sentences before the judged act's noun in which its doer is looked for
STORY_WINDOW = 10_000  # the same for an act named by its own word: the whole story before
STEM = 4  # letters an act noun shares with its verb ("decision" ~ "decide", "bombing" ~ "bomb")
MAX_STEPS = 8
# nouns that may name any act just reported: "criticised the move"
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
ANY_ACT = frozenset({"move", "step", "action", "measure", "decision", "announcement"})
GENERIC = frozenset({"every", "any", "no", "all", "each"})
JUDGEMENT_RULE = "judgement"
# feelings voiced about what another did: "expressed disappointment", "voiced outrage at X"
FEELINGS = frozenset(
    {"disappointment", "outrage", "anger", "displeasure", "dissatisfaction", "indignation"}
    | {"dismay", "opposition", "disapproval"}
)
FELT_PREPS = ABOUT_PREPS | {"to", "against"}  # "opposition to the swearing-in of X"
SPEECH_ROOTS = frozenset({"01", "02"})


class JudgementFinder:
    """Finds judged actors in one Doc."""

    def __init__(
        self,
        doc: Doc,
        index: MentionIndex,
        candidates: list[EventCandidate],
        cues: EvaluativeCues,
    ) -> None:
        self.doc = doc
        self.index = index
        self.candidates = candidates
        self.cues = cues
        self.sentence_of = {s.start: n for n, s in enumerate(doc.sents)}

    def political(self, speaker: MentionLike) -> bool:
        """Whether a speaker's judgements are political: a political actor by its code, and
        not one whose own description names a body the dictionaries do not know ("a council
        spokesman")."""
        return speaks(speaker.actor) and not speaks_for_unknown_body(speaker, self.doc, self.index)

    # ------------------------------------------------------------------ statements
    def judgement(
        self, roots: list[Token], speaker: MentionLike, within: range | None = None
    ) -> tuple[CueHit, MentionLike] | None:
        """The first cue under ``roots`` (inside ``within`` when given) that judges an actor
        other than the speaker, and that actor."""
        for root in roots:
            # "'X is a bully,' the minister said": the verb of saying hung on the quotation's
            # verb is no part of what was said
            said = [c for c in root.children if c.dep_ == "parataxis" and c.lemma_ in REPORTING]
            skipped = {t.i for c in said for t in c.subtree}
            skipped |= set(range(speaker.start, speaker.end))
            tokens = [
                t for t in root.subtree if t.i not in skipped and (within is None or t.i in within)
            ]
            for hit in self.cues.find(tokens):
                if self.index.at(hit.head) is not None:
                    continue  # part of a name: "the Patriotic Front for Justice"
                judged = self._judged(hit, root, speaker)
                if judged is not None:
                    return hit, judged
        return None

    def _judged(self, hit: CueHit, root: Token, speaker: MentionLike) -> MentionLike | None:
        """The actor a cue judges (module docstring), climbing from the cue to the clause
        that says it of someone, not past ``root``."""
        node = hit.head
        for _ in range(MAX_STEPS):
            if node.pos_ in VERBS:
                if is_negated(node):
                    return None
                for subject in _clause_subjects(node):
                    if includes_speaker(subject, speaker, self.index):
                        return None  # "he and the president misled the public": own doing
                    found = self.actor_of(subject, speaker)
                    if found is not None:
                        return found
                if node.i == root.i or node.dep_ not in CLAUSE_CLIMB:
                    return None
                node = node.head
                continue
            climbs = self._climbs(node)
            # the cue itself names what it is about only where it judges: "disappointed by
            # X's vote", "was X's meddling", not "investigated crimes by X"
            if node.i != hit.head.i or (climbs and node.dep_ != "prep") or node.i == root.i:
                found = self._about(node, speaker)
                if found is not None:
                    return found
            if node.i == root.i or not climbs:
                return None
            if _manner_on_object(node):
                node = node.head  # "treats the law with contempt": the parser hangs the
                # manner on the object, but it says how the verb's act is done
            node = node.head
        return None

    def _climbs(self, node: Token) -> bool:
        """Whether a word on the way up from a cue still says what its head is or does."""
        head = node.head
        if node.dep_ in PREDICATE_DEPS or node.dep_ == "prep":
            return True
        if node.dep_ == "pcomp" and head.lower_ in CAUSE_WORDS:
            return True  # "won due to fraud" parsed as due -> to -> fraud
        if node.dep_ in LIST_DEPS:
            # "unacceptable and illegal": judgements in a row; a listed noun is only another
            # thing ("weapons, jets and dangerous arms")
            return node.pos_ not in NOUNS
        if node.dep_ in {"dobj", "obj"}:
            return head.lemma_.lower() in LIGHT_VERBS
        if node.dep_ == "pobj":
            word = head.lower_
            if word in LIKENESS_PREPS or word in MEANS_PREPS or word in CAUSE_WORDS:
                return True  # "won due to fraud" parsed as due -> fraud
            if word in {"to", "of"} and head.head.lower_ in CAUSE_WORDS:
                return True  # "won due to fraud", "won because of fraud"
            return word in MANNER_PREPS and (
                node.lemma_.lower() in MANNER_NOUNS or self.cues_at(node)
            )
        return False

    def cues_at(self, token: Token) -> bool:
        return any(True for _ in self.cues.find([token]))

    def _about(self, word: Token, speaker: MentionLike) -> MentionLike | None:
        """The actor a judging noun or adjective names by its object ("disappointed by X's
        vote", "X's meddling")."""
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in ABOUT_PREPS:
                thing = pobj_of(prep)
                found = self.actor_of(thing, speaker) if thing is not None else None
                if found is not None:
                    return found
        if word.pos_ == "NOUN":
            owners = [c for c in word.children if c.dep_ in {"poss", "amod", "compound"}]
            for owner in owners:
                found = self.first_other(self.index.head_mentions(owner), speaker)
                if found is not None:
                    return found
        return None

    def actor_of(self, noun: Token, speaker: MentionLike) -> MentionLike | None:
        """The actor a judged noun phrase names, or the doer of the act it names; none for
        a clause ("denying them visas was illegal": its object is no doer) or a whole kind
        ("every corrupt act")."""
        if gerund_deed(noun):
            return self.doer(noun, speaker)  # "leaving them to die is a mistake": who left
        if noun.pos_ in VERBS or any(c.lower_ in GENERIC for c in noun.children):
            return None
        found = None
        for prep in noun.children:  # "the downgrading of X by Y": Y did it
            if prep.dep_ == "prep" and prep.lower_ == "by":
                agent = pobj_of(prep)
                if agent is not None:
                    found = self.first_other(self.index.head_mentions(agent), speaker)
        if found is None:
            # "the Iran arms policy": a country's name before a noun is its topic, not its
            # owner ("Iran's policy", "the Iranian policy" are)
            named = [m for m in self.index.head_mentions(noun) if not is_topic(m, noun)]
            found = self.first_other(named, speaker)
        if found is None and noun.pos_ == "NOUN":
            found = self.first_other(self._parties(noun), speaker)  # "the pact between X and Y"
        if found is None and noun.pos_ == "NOUN":
            # "the legal team's claims": whoever made them
            for owner in (c for c in noun.children if c.dep_ == "poss"):
                own = [m for m in self.index.head_mentions(owner) if m.start <= owner.i < m.end]
                found = found or self.first_other(own, speaker)
        if found is None and noun.pos_ == "NOUN":
            found = self.doer(noun, speaker)
        if found is None and noun.pos_ == "PRON":  # "X tries to grab power - this is bad"
            for clause in earlier_clauses(noun):
                for subject in subjects(clause)[0]:
                    found = found or self.first_other(self.index.head_mentions(subject), speaker)
        if found is None and (points_back(noun) or named_back(noun)):
            found = self.doer(noun, speaker, any_deed=True)  # "this is a stunt"
            if found is not None and not speaks(found.actor):
                return None  # "it was dangerous" after a firm's attempt: too loose a guess
        return found

    def _parties(self, noun: Token) -> list[MentionLike]:
        """The actors of a "between" phrase on a noun or on the verb that qualifies it:
        "the accord between X and Y", "the deal signed between X and Y"."""
        holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
        found: list[MentionLike] = []
        for holder in holders:
            for party in prep_objects(holder, ("between",)):
                for token in (party, *party.conjuncts):
                    found += self.index.head_mentions(token)
        return found

    def first_other(self, mentions: list[MentionLike], speaker: MentionLike) -> MentionLike | None:
        """The first mention that is neither the speaker, nor a place, nor an actor said to be
        foreign whose country was only guessed from the context ("foreign forces")."""
        for mention in mentions:
            if same_party(mention, speaker) or is_place(mention, self.doc, self.index):
                continue
            if mention.actor.code == speaker.actor.country and whole_country(mention):
                continue  # the speaker's own country as a whole: "reports that it intended"
                # (a person coded as the bare country, a candidate, is judged all the same)
            guessed = CONTEXT_COUNTRY in mention.rule
            if guessed and (says_foreign(mention, self.doc) or not is_political(mention.actor)):
                continue  # "foreign forces", "business confidence": no actor of that country
            return mention
        return None

    # ------------------------------------------------------------------ acts and doers
    def doer(self, noun: Token, speaker: MentionLike, any_deed: bool = False) -> MentionLike | None:
        """The source of the latest act coded before the noun in the story whose word is the
        noun's ("the attack" ~ "attacked", "the decision" ~ "decided", "the warrants" ~
        "issued warrants", a gerund "leaving them" ~ "will leave") or whose CAMEO root its
        event noun codes ("the attacks" ~ "bombings struck"), or of any deed in the noun's
        sentence or the two before it for a noun that can name any ("the move", "the step";
        with none there, the deed the story opens with) or for a pronoun that points back at
        one ("this is a stunt", ``any_deed``; with none there, the story's deed); none when
        that is the speaker or the speaker's own state (a minister's words on "the shelling"
        by his country's troops are a reaction at home, not a criticism of them)."""
        here = self.sentence_of[noun.sent.start]
        word = noun.lemma_.lower()
        stem = word[:STEM]
        if len(stem) < STEM and not any_deed:
            return None
        # an act named by its own word is sought back through the story ("leaving them to
        # die" ~ "troops will leave"); a word for any deed ("the move", "this is a stunt")
        # stands only for one just told
        window = ACT_WINDOW if any_deed or word in ANY_ACT else STORY_WINDOW
        for other in reversed(self.candidates):
            if not here - window <= other.sentence_index <= here:
                continue
            if other.code[:2] in {"01", "02"} or other.predicate.i >= noun.i:
                continue
            if any_deed or word in ANY_ACT:
                if other.code[:2] in VERBAL_ROOTS or not (any_deed or pointed(noun)):
                    continue  # "the move" is a deed, not what someone said of it
            elif other.predicate.lemma_.lower()[:STEM] != stem and not (
                # "issued warrants" ~ "the warrants"; a criticism's object is no deed of its;
                # "the attacks" ~ "bombings struck" (an event noun of the deed's CAMEO root)
                other.code[:2] not in VERBAL_ROOTS
                and (word in act_objects(other) or other.code[:2] in noun_roots(word))
            ):
                continue
            return doer_unless_own(other, speaker)
        # with no deed just told, "the move" or a quoted "this is a stunt" is the story's deed
        lead = lead_deed(self.candidates, noun) if word in ANY_ACT or any_deed else None
        return doer_unless_own(lead, speaker) if lead is not None else None

    def labelled_doer(self, candidate: EventCandidate) -> MentionLike | None:
        """The doer of the act a criticism judges ("described the attack as cowardly",
        "opposed the withdrawal", "criticised the move")."""
        verb = candidate.predicate
        objects = [
            c
            for c in verb.children
            if c.dep_ in {"dobj", "obj"}
            and (c.pos_ == "NOUN" or named_back(c))  # "called it a non-starter"
            and not names_the_act(c, candidate.entries)  # "expressed opposition"
        ]
        pair = double_complement(verb)  # "called Trump a clown": both complements
        if not objects and pair is None:
            return self._label_owner(verb, candidate.source)
        obj = min(objects, key=lambda o: o.i) if objects else pair[0] if pair else verb
        found = self.actor_of(obj, candidate.source)
        return found or self._label_owner(verb, candidate.source)

    def felt_about(self, candidate: EventCandidate) -> MentionLike | None:
        """Whom a voiced feeling is aimed at: the actor of what it is about ("expressed
        outrage over X's vote", "opposition to the swearing-in of X"), or, about nothing
        named, the doer of the latest act told in its sentence or the one before ("The court
        struck the law down. The minister expressed disappointment"); none when that doer is
        the speaker's own body."""
        verb = candidate.predicate
        feeling = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in FEELINGS
            ),
            None,
        )
        if feeling is None:
            return None
        preps = [*feeling.children, *verb.children]  # the parser may hang it on the verb
        things = [pobj_of(p) for p in preps if p.dep_ == "prep" and p.lower_ in FELT_PREPS]
        named = [t for t in things if t is not None]
        if named:
            return next((f for f in (self.actor_of(t, candidate.source) for t in named) if f), None)
        here = candidate.sentence_index
        for other in reversed(self.candidates):
            if not here - 1 <= other.sentence_index <= here or other is candidate:
                continue
            if other.code[:2] in SPEECH_ROOTS or other.predicate.i >= verb.i:
                continue
            doer, speaker = other.source, candidate.source
            # a government disappointed by its own court's ruling still disapproves of it;
            # only the speaker's own body or its country as a whole is no target
            own = {speaker.actor.code, speaker.actor.country}
            return None if same_party(doer, speaker) or doer.actor.code in own else doer
        return None

    def _label_owner(self, verb: Token, speaker: MentionLike) -> MentionLike | None:
        """The actor a label names as the author of what it judges: "labelled them as
        Russian disinformation", "called the raid a Turkish provocation"."""
        label = object_predicate(verb) or object_as_label(verb)
        return self._about(label, speaker) if label is not None and label.pos_ == "NOUN" else None

    # ------------------------------------------------------------------ saying verbs
    def speaker_of(self, verb: Token) -> MentionLike | None:
        for subject in subjects(verb)[0]:
            for found in self.index.head_mentions(subject):  # "X and his supporters said"
                if self.political(found):
                    return found
        return None


def _clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, or its own ``nsubj`` or clausal subject where the role finder
    gives none: "the fact that the authorities have chosen to ..." (a clause the parser hangs
    on a noun), "leaving them to die is a mistake"."""
    return subjects(verb)[0] or [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]


def _manner_on_object(prep: Token) -> bool:
    return (
        prep.dep_ == "prep"
        and prep.lower_ in MANNER_PREPS
        and prep.head.dep_ in {"dobj", "obj"}
        and prep.head.head.pos_ in VERBS
    )
