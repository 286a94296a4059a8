"""What a naming verb says its object is ("called X a liar", "described X as a cowardly act",
"called the deal "fair""): the words of judgement and the parse of the label (used by
``predicates`` and ``statements``)."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import pobj_of
from dyadwatch.dictionaries.evaluative_cues import default_evaluative_cues

# what calling someone something means: "called X a liar" criticises X (111); "called X an
# ally" is a plain statement (010)
DEROGATORY = frozenset(
    """nasty liar liars terrorist terrorists criminal criminals aggressor aggressors enemy
    enemies threat menace dangerous irresponsible illegal illegitimate unacceptable provocative
    hypocrite hypocritical dictator tyrant murderer murderers thug thugs evil outrageous absurd
    ridiculous racist fascist fascists puppet puppets traitor traitors rogue reckless shameful
    disgraceful barbaric cowardly corrupt incompetent fraud fake lunatic madman aggression
    violation crime crimes provocation invasion occupation genocide atrocity massacre piracy
    terrorism dastardly barbarity barbarism mistake blunder disaster catastrophe stunt
    propaganda maneuver manoeuvre lie lies void betrayal stab bully aggressive hostile
    unlawful criminal heinous cowardice sabotage hoax sham farce scam disgrace clown
    bully lousy appalling deplorable despicable disastrous dishonest
    unjust unfair unconstitutional invalid baseless groundless unfounded slanderous
    inhumane cruel brutal cynical insulting offensive""".split()  # noqa: SIM905
)
# ... and what praises it: "called the decision courageous" (051); a relation word ("called
# X an ally", "a partner") stays a plain statement
LAUDATORY = frozenset(
    """historic courageous brave heroic wise excellent outstanding swift decisive justified
    constructive fruitful productive hero heroes milestone breakthrough landmark
    visionary decent honest honorable honourable admirable principled exemplary selfless
    tireless""".split()  # noqa: SIM905
)
JUDGEMENTS = DEROGATORY | LAUDATORY
# judging adjectives the parser may tag as nouns ("null and void" after a "between" phrase)
ADJECTIVES_AS_NOUNS = frozenset({"null", "void", "illegal", "unlawful", "illegitimate"})
# verbs that name what their object is: only they judge it with a neutral label
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "term"})
CRITICIZE_CODE = "111"
PRAISE_CODE = "051"
LABEL_PREP = "as"  # "described X as a cowardly act", "labelled X as a terrorist"
# the words of a label that say what it is: the label, its conjuncts and their modifiers
LABEL_WORD_DEPS = frozenset({"amod", "compound", "advmod"})
# labels that call an act an armed aggression against its target (CAMEO 1123)
# how the parser may hang a naming verb's object on its adjective label
OBJECT_ON_LABEL = frozenset({"npadvmod", "nsubj"})
AGGRESSION_LABELS = frozenset({"aggression", "invasion", "incursion", "intrusion"})
SOVEREIGN = frozenset({"sovereignty", "airspace", "territorial", "borders"})
AGGRESSION_CODE = "1123"
# codes of the evaluative cues (dictionaries/data/evaluative_cues.tsv) a label may carry
BLAME_CODES = frozenset({"111", "112"})


def object_predicate(verb: Token) -> Token | None:
    """What a verb says its object is: "called X nasty", "called X a liar" (the parser's
    ``oprd``, an adjective or noun complement after the object, an indefinite noun right after
    it, or the second object of "branded X a terrorist state")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj", "dative"}]
    if not objects:
        # a lone "oprd" is the parser's name for the object itself; of two, the second
        pair = double_complement(verb)
        return pair[1] if pair is not None else None
    first = min(objects, key=lambda o: o.i)
    for prep in verb.children:  # "described the attack as a cowardly act"
        if prep.dep_ == "prep" and prep.lower_ == LABEL_PREP and prep.i > first.i:
            # "as a hoax" (a pobj), "as calm" (an adjective the parser hangs on the "as")
            label = pobj_of(prep) or next(iter(prep.children), None)
            if label is not None:
                return label
    for c in verb.children:
        if c.i <= first.i:
            continue
        if c.dep_ == "oprd":
            return c
        if (
            c.dep_ in {"xcomp", "ccomp"}
            and c.pos_ in {"ADJ", "NOUN"}
            and not any(a.dep_ in {"aux", "nsubj"} for a in c.children)
        ):
            return c
        if c.dep_ in {"dobj", "obj"}:  # "named him a traitor", "calling it "an aggression""
            return c
    for c in first.rights:  # "called the ambassador a friend": no comma, so no apposition
        # (a quote mark may open the label: "called the plan "a waste of time"")
        between = [t for t in verb.doc[first.i + 1 : c.i] if not t.is_quote]
        if c.dep_ == "appos" and len(between) == 1 and between[0].lower_ in {"a", "an"}:
            return c
    return trailing_adjective(first)


def double_complement(verb: Token) -> tuple[Token, Token] | None:
    """The object and the label of "called Trump a clown" when the parser gives the verb no
    object: both are complements (``oprd``) of the verb, or the name is a compound of the
    label that stands before the label's article ("Trump" in "Trump a clown")."""
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    if not complements or any(c.dep_ in {"dobj", "obj"} for c in verb.children):
        return None
    if len(complements) >= 2:
        return complements[0], complements[1]
    label = complements[0]
    for obj in label.children:
        # "called the minister's deal "lousy"": the object hangs on the adjective label
        if obj.dep_ in OBJECT_ON_LABEL and obj.pos_ in {"NOUN", "PROPN"} and obj.i < label.i:
            return obj, label
    article = next((c for c in label.children if c.dep_ == "det"), None)
    names = [c for c in label.children if c.dep_ == "compound" and c.i < label.i]
    for name in names:
        if name.pos_ == "PROPN" and article and name.i < article.i:
            return name, label
    # "called the Green party fascist", "called X's pardon generous": the article or the
    # owner is the object's, so the judging word after it is the label (only a judgement:
    # "the party leader" is one noun)
    first = next((c for c in label.children if c.dep_ in {"det", "poss"}), None)
    owned = first is not None and names and first.i < min(n.i for n in names)
    if owned and (label.lower_ in JUDGEMENTS or label_code(label) is not None):
        return max(names, key=lambda n: n.i), label
    return None


def named_quality(verb: Token) -> bool:
    """A naming verb ("call", "brand") whose object carries an adjective after it, which says
    what the object is: "called the deal "fair"" (any adjective, not only a judgement)."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    return any(
        c.pos_ == "ADJ" and c.dep_ in {"amod", "acl"} and c.i > obj.i
        for obj in objects
        for c in obj.children
    )


def trailing_adjective(obj: Token) -> Token | None:
    """A judgement the parser hung inside the object though it says what the object is: an
    adjective after the object ("called the treaty "void""), or the bare words ending the
    object's last phrase ("called the pact between A and B null and void", taken for a
    conjunct of B or for the noun of "between")."""
    last = max((t for t in obj.subtree if not t.is_punct), key=lambda t: t.i)
    for word in obj.subtree:
        if word.i <= obj.i or not (word.pos_ == "ADJ" or word.lower_ in ADJECTIVES_AS_NOUNS):
            continue  # "charging the president with crimes": a noun there is no label
        if not {w.lower_ for w in (word, *word.conjuncts)} & JUDGEMENTS:
            continue  # "announced his resignation effective Monday" gives no verdict
        if word.pos_ == "ADJ" and word.dep_ in {"acl", "amod"} and word.head.i == obj.i:
            return word
        ends = last.i in {w.i for w in (word, *word.conjuncts)}
        bare = not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in word.children)
        if ends and bare and word.dep_ in {"conj", "pobj"}:
            return word
    return None


def object_as_label(verb: Token) -> Token | None:
    """The "as" phrase the parser hangs on the object instead of the verb: "described the
    attacks as a "dastardly act"" (the quote mark may split the phrase off the verb)."""
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == LABEL_PREP and prep.i > obj.i:
                return pobj_of(prep) or next(iter(prep.children), None)
    return None


def accuses_aggression(label: Token) -> bool:
    """Whether a derogatory label calls an act an aggression (CAMEO 1123, accuse of
    aggression): "called the strike an aggression", "an invasion", "described the raid as a
    violation of its sovereignty"."""
    parts = (label, *label.conjuncts)
    if any(p.lemma_.lower() in AGGRESSION_LABELS for p in parts):
        return True
    return any(
        p.lemma_.lower() == "violation" and any(t.lower_ in SOVEREIGN for t in p.subtree)
        for p in parts
    )


def label_code(label: Token) -> str | None:
    """What a label says of what it names: 111 (criticize) when it is derogatory, 051
    (praise) when laudatory, else None. Its words are the label, its conjuncts and their
    modifiers ("a dastardly act", "a clown and a liar"), matched on the word lists above and
    on the evaluative cues, whose phrases may run on past them ("a smash and grab", "a stab
    in the back") so long as the phrase's head is one of those words."""
    # "a non-starter" may come as three labels in a row: "non", "-", "starter"
    parts = (label, *label.conjuncts, *_split_word(label))
    heads = {p.i for p in parts}
    heads |= {c.i for p in parts for c in p.children if c.dep_ in LABEL_WORD_DEPS}
    words = {w for t in label.doc if t.i in heads for w in (t.lemma_.lower(), t.lower_)}
    if words & DEROGATORY:
        return CRITICIZE_CODE
    if words & LAUDATORY:
        return PRAISE_CODE
    words_run = sorted(
        {t for p in (label, *_split_word(label)) for t in p.subtree}, key=lambda t: t.i
    )
    for hit in default_evaluative_cues().find(words_run):
        if hit.head.i in heads:
            return CRITICIZE_CODE if hit.cue.code in BLAME_CODES else hit.cue.code
    return None


def _split_word(label: Token) -> list[Token]:
    """The tokens after a label that the parser made labels of the same verb, one by one,
    though they are the parts of one hyphenated word ("non", "-", "starter")."""
    run: list[Token] = []
    doc = label.doc
    i = label.i + 1
    while i < len(doc) and doc[i].head.i == label.head.i and doc[i].dep_ == label.dep_:
        if not (doc[i].lower_ == "-" or doc[i - 1].lower_ == "-"):
            break
        run.append(doc[i])
        i += 1
    return run
