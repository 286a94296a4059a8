"""The verb dictionary: patterns over the dependency parse that select a CAMEO event code.

A pattern is a head word followed by what must hang off it (``docs/verbs.md`` has the full
format)::

    sign +agreement|accord|treaty      verb "sign" whose object is one of those nouns
    call on                            phrasal verb: "call" with the particle/preposition "on"
    launch +air_strike|airstrike       a multi-word object: "air strike", "airstrike"
    call +ACTOR                        the object must be a recognised actor ("called Lavrov")
    @summit                            a nominal event: the noun "summit"
    @state_of_emergency                a multi-word nominal event (its head is "state")

Codes, names and scores live in the codebook; the dictionary only maps patterns to codes. A
``frame`` makes the entry's code depend on a complement ("pledged to send troops" is an intent,
0334, not a deployment): see :data:`FRAMES` and ``verb_frames.tsv``. Every file is validated
when it is loaded and errors name the file and line.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dyadwatch.dictionaries.codebook import Codebook, default_codebook
from dyadwatch.dictionaries.tsv import packaged_path, read_tsv
from dyadwatch.errors import DictionaryError

VERB_FILE = "verbs.tsv"
FRAME_FILE = "verb_frames.tsv"

#: Frames: how an entry's complement decides the code.
#: - intent/appeal/demand/reject/threaten/halt/prepare: the complement act (a verb or an event
#:   noun) is coded and mapped into that CAMEO family through verb_frames.tsv ("urged X to
#:   withdraw" is an appeal, 0256); the wished-for act itself is not an event.
#: - light: a light verb ("hold", "launch", "stage") takes its code from its event-noun object.
#: - received: a light verb of receiving or undergoing ("received weapons from X", "faces
#:   pressure from X"): the giver in its "from" phrase acts on the subject; no giver, no event.
#: - speech: a verb of saying; it is an event (the entry's code) only when the clause it reports
#:   yields no event of its own ("X said Y attacked Z" is Y's attack, attributed to X).
#: - report: a speech verb that only reports ("said", "told", "confirmed"): like speech, but a
#:   bare statement of it (no target, nothing else coded) is attribution, not an event.
#: - avowal: a speech verb ("claim", "admit") that is also a claim of responsibility (015) when
#:   the act it reports is the speaker's own ("the group claimed it attacked the base").
#: - enact: the complement act itself, dated and qualified by this verb ("decided to lift the
#:   sanctions" is the lifting, asserted when the decision is).
#: - opaque: the entry's code; its complement is not an event ("considered imposing sanctions").
#: - complement: (event nouns only) never an event on its own, only the object of a light verb or
#:   the complement of a family frame ("imposed a curfew", "called for a ceasefire").
#: - goal: (event nouns only) only the complement of a family frame ("demanded independence";
#:   "held a referendum" is no yield). Event nouns with a family frame ("demand", "offer") are
#:   likewise never events on their own.
#: - owned: (event nouns only) like complement, and an event on its own when it names both who
#:   imposes it and whom it is aimed at ("American sanctions on Cuba", "X is under EU
#:   sanctions", "X has been the subject of US sanctions").
FAMILY_FRAMES = ("intent", "appeal", "demand", "reject", "threaten", "halt", "prepare")
OWNED_FRAME = "owned"
RECEIVED_FRAME = "received"
LIGHT_FRAMES = ("light", RECEIVED_FRAME)
NOUN_FRAMES = ("complement", "goal", OWNED_FRAME)
# "label": naming X something is an event only when the label is derogatory (a criticism);
# "forces": a movement verb that is an event only when armed forces move ("troops left Iraq")
# "crowd": a gathering verb that is a protest only when protesters gather ("protesters gathered
# outside parliament"; "ministers gathered in Rome" is nothing)
# "police": questioning or searching that investigates (091) only when police, prosecutors or
# spies do it ("police questioned the mayor"; "reporters questioned the mayor" is nothing)
FRAMES = (
    *FAMILY_FRAMES,
    *LIGHT_FRAMES,
    *("enact", "speech", "report", "avowal", "opaque", "label", "forces", "crowd", "police"),
    *NOUN_FRAMES,
)
NO_CODE = "-"  # frame entries that are events only through their complement

ACTOR_OBJECT = "ACTOR"
MONEY_OBJECT = "MONEY"  # an amount of money: "provided $5 million", "gave 6 million euros"
SPECIAL_OBJECTS = (ACTOR_OBJECT, MONEY_OBJECT)

_WORD = r"[a-z][a-z'.]*"
_PHRASE_WORD = r"[a-z][a-z'.-]*"  # hyphens only inside phrases: "cease-fire" = cease_fire
_HEAD = re.compile(rf"^(?:{_WORD}|@{_PHRASE_WORD}(?:_{_PHRASE_WORD})*)$")
_PARTICLE = re.compile(rf"^{_WORD}$")
_ALT = rf"(?:{ACTOR_OBJECT}|{MONEY_OBJECT}|{_PHRASE_WORD}(?:_{_PHRASE_WORD})*)"
_OBJECT = re.compile(rf"^\+{_ALT}(?:\|{_ALT})*$")
_CODE = re.compile(r"^\d{2,4}$")


# a preposition in a phrase follows its head word
HEAD_PREPOSITIONS = frozenset({"of", "with"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word sequence; ``head`` is the index of the syntactic head ("state_of_emergency" -> 0)."""

    words: tuple[str, ...]
    head: int

    @classmethod
    def parse(cls, text: str) -> Phrase:
        # the tokenizer splits hyphenated words, so "cease-fire" is matched as two words
        words = tuple(w for w in re.split(r"[_-]", text) if w)
        # "X of Y", "X with Y": X is the head ("show of force", "call with"); otherwise the
        # last word ("air strike", "hunger strike")
        heads = [i - 1 for i, w in enumerate(words) if i > 0 and w in HEAD_PREPOSITIONS]
        return cls(words, heads[0] if heads else len(words) - 1)

    @property
    def head_word(self) -> str:
        return self.words[self.head]


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One dictionary entry: a pattern and the CAMEO code it selects."""

    id: str  # stable provenance id: "<file>:<pattern>"
    code: str | None  # None: an event only through its complement (light and family frames)
    pattern: str
    head: Phrase  # the verb lemma, or the event noun for nominal entries
    nominal: bool
    particles: tuple[str, ...] = ()
    objects: tuple[Phrase, ...] = ()  # alternatives; empty = no object required
    object_actor: bool = False  # a recognised actor also satisfies the object (+ACTOR)
    object_money: bool = False  # an amount of money also satisfies the object (+MONEY)
    object_after: str | None = None  # the particle whose pobj is the object (None = dobj)
    frame: str | None = None
    state_code: str | None = None  # code when the source is a state actor (troops, police)
    joint_code: str | None = None  # code when two or more countries act together
    path: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        """More constrained patterns win over less constrained ones on the same head."""
        # a named object noun is the strongest cue; "+ACTOR"/"+MONEY" are weaker than a
        # particle ("called on X to" is an appeal even when the parse makes X an object)
        weight = 4 if self.objects else 2 if self.object_actor or self.object_money else 0
        return len(self.head.words) + 3 * len(self.particles) + weight


@dataclass(frozen=True, slots=True)
class ParsedPattern:
    head: Phrase
    nominal: bool
    particles: tuple[str, ...]
    objects: tuple[Phrase, ...]
    object_actor: bool
    object_money: bool
    object_after: str | None


def parse_pattern(text: str) -> ParsedPattern:
    """Parse a pattern; raises ValueError with a readable message on bad syntax."""
    tokens = text.split()
    if not tokens:
        raise ValueError("empty pattern")
    head_text, rest = tokens[0], tokens[1:]
    if not _HEAD.match(head_text):
        raise ValueError(f"bad head {head_text!r} (lower-case word, '@' for a noun, '_' joins)")
    nominal = head_text.startswith("@")
    head = Phrase.parse(head_text.lstrip("@"))
    if not nominal and len(head.words) > 1:
        raise ValueError("a verb head is one word; write particles after it ('carry out')")
    particles: list[str] = []
    objects: tuple[Phrase, ...] = ()
    object_actor = False
    object_money = False
    object_after: str | None = None
    seen_object = False
    for token in rest:
        if token.startswith("+"):
            if seen_object:
                raise ValueError("at most one object (+...) per pattern")
            if not _OBJECT.match(token):
                raise ValueError(f"bad object {token!r} (+noun|noun, +air_strike, +ACTOR)")
            seen_object = True
            alts = token[1:].split("|")
            object_actor = ACTOR_OBJECT in alts
            object_money = MONEY_OBJECT in alts
            objects = tuple(Phrase.parse(alt) for alt in alts if alt not in SPECIAL_OBJECTS)
            object_after = particles[-1] if particles else None
        elif _PARTICLE.match(token):
            if token in particles:
                raise ValueError(f"particle {token!r} repeated")
            particles.append(token)
        else:
            raise ValueError(f"bad element {token!r} (particle word or +object)")
    if nominal and (particles or seen_object):
        raise ValueError("a nominal pattern (@noun) takes no particles or objects")
    return ParsedPattern(
        head, nominal, tuple(particles), objects, object_actor, object_money, object_after
    )


@dataclass(frozen=True, slots=True)
class FrameTable:
    """Maps (family, code of the complement act) to the family's subcode, longest prefix first."""

    rules: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def map(self, frame: str, act_code: str) -> str | None:
        for prefix, code in self.rules.get(frame, ()):
            if act_code.startswith(prefix):
                return code
        return None


class VerbDictionary:
    """All verb and event-noun patterns, indexed by head word."""

    def __init__(self, patterns: Iterable[VerbPattern], frames: FrameTable, version: str) -> None:
        self.patterns = tuple(patterns)
        self.frames = frames
        self.version = version
        verbs: dict[str, list[VerbPattern]] = defaultdict(list)
        nouns: dict[str, list[VerbPattern]] = defaultdict(list)
        for pattern in self.patterns:
            (nouns if pattern.nominal else verbs)[pattern.head.head_word].append(pattern)
        order = lambda p: (-p.specificity, p.line)  # noqa: E731 - sort key
        self._verbs = {k: sorted(v, key=order) for k, v in verbs.items()}
        self._nouns = {k: sorted(v, key=order) for k, v in nouns.items()}

    def __len__(self) -> int:
        return len(self.patterns)

    def verb_patterns(self, lemma: str) -> Sequence[VerbPattern]:
        """Verb entries headed by ``lemma``, most specific first."""
        return self._verbs.get(lemma, ())

    def noun_patterns(self, word: str) -> Sequence[VerbPattern]:
        """Nominal entries whose head word is ``word``, most specific first."""
        return self._nouns.get(word, ())

    def head_words(self) -> frozenset[str]:
        """Every verb lemma and event-noun head word (the parse prefilter uses it)."""
        return frozenset(self._verbs) | frozenset(self._nouns)

    @classmethod
    def load(
        cls,
        extra_dir: str | Path | None = None,
        codebook: Codebook | None = None,
    ) -> VerbDictionary:
        """Load the packaged verbs and frames, then ``extra_dir``'s files of the same names,
        whose entries replace packaged ones with the same pattern."""
        codebook = codebook or default_codebook()
        files = [packaged_path(VERB_FILE)]
        frame_files = [packaged_path(FRAME_FILE)]
        if extra_dir is not None:
            for name, bucket in ((VERB_FILE, files), (FRAME_FILE, frame_files)):
                candidate = Path(extra_dir) / name
                if candidate.is_file():
                    bucket.append(candidate)
        digest = hashlib.sha1()
        merged: dict[str, VerbPattern] = {}
        for path in files:
            digest.update(path.read_bytes())
            for pattern in read_verb_file(path, codebook):
                merged[pattern.pattern] = pattern
        rules: dict[str, dict[str, str]] = defaultdict(dict)
        for path in frame_files:
            digest.update(path.read_bytes())
            for frame, prefix, code in read_frame_file(path, codebook):
                rules[frame][prefix] = code
        table = FrameTable(
            {f: tuple(sorted(r.items(), key=lambda kv: -len(kv[0]))) for f, r in rules.items()}
        )
        return cls(merged.values(), table, digest.hexdigest()[:12])


def _normalise(pattern: str) -> str:
    return " ".join(pattern.split())


def read_verb_file(path: Path, codebook: Codebook) -> list[VerbPattern]:
    """Parse and validate one verb file (columns: code, pattern, frame, state_code,
    joint_code)."""
    out: list[VerbPattern] = []
    seen: dict[str, int] = {}
    where = str(path)
    for line, row in read_tsv(path, ("code", "pattern")):
        raw_code = row["code"]
        frame = row.get("frame") or None
        if frame is not None and frame not in FRAMES:
            raise DictionaryError(
                f"unknown frame {frame!r} (one of {', '.join(FRAMES)})", where, line
            )
        code: str | None = None
        if raw_code == NO_CODE:
            if frame not in (*FAMILY_FRAMES, *LIGHT_FRAMES, "enact"):
                raise DictionaryError("code '-' needs a light, enact or family frame", where, line)
        elif frame in LIGHT_FRAMES:
            raise DictionaryError(
                "a light verb takes its code from its object: use '-'", where, line
            )
        elif not _CODE.match(raw_code) or raw_code not in codebook:
            raise DictionaryError(f"unknown CAMEO code {raw_code!r}", where, line)
        else:
            code = raw_code
        text = _normalise(row["pattern"])
        try:
            parsed = parse_pattern(text)
        except ValueError as exc:
            raise DictionaryError(f"bad pattern {text!r}: {exc}", where, line) from None
        if text in seen:
            raise DictionaryError(
                f"duplicate pattern {text!r} (first on line {seen[text]})", where, line
            )
        seen[text] = line
        if frame in ("light", "speech", "report", "avowal") and parsed.nominal:
            raise DictionaryError(f"a nominal entry cannot have the {frame} frame", where, line)
        if frame in NOUN_FRAMES and not parsed.nominal:
            raise DictionaryError(
                f"only nominal entries (@noun) take the {frame} frame", where, line
            )
        state = row.get("state_code") or None
        if state is not None and (not _CODE.match(state) or state not in codebook):
            raise DictionaryError(f"unknown CAMEO state_code {state!r}", where, line)
        joint = row.get("joint_code") or None
        if joint is not None and (not _CODE.match(joint) or joint not in codebook):
            raise DictionaryError(f"unknown CAMEO joint_code {joint!r}", where, line)
        out.append(
            VerbPattern(
                id=f"{path.stem}:{text}",
                code=code,
                pattern=text,
                head=parsed.head,
                nominal=parsed.nominal,
                particles=parsed.particles,
                objects=parsed.objects,
                object_actor=parsed.object_actor,
                object_money=parsed.object_money,
                object_after=parsed.object_after,
                frame=frame,
                state_code=state,
                joint_code=joint,
                path=where,
                line=line,
            )
        )
    return out


def read_frame_file(path: Path, codebook: Codebook) -> list[tuple[str, str, str]]:
    """Parse verb_frames.tsv rows (frame, complement code prefix, resulting code)."""
    out: list[tuple[str, str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    where = str(path)
    for line, row in read_tsv(path, ("frame", "complement", "code")):
        frame, prefix, code = row["frame"], row["complement"], row["code"]
        if frame not in FAMILY_FRAMES:
            raise DictionaryError(
                f"unknown frame {frame!r} (one of {', '.join(FAMILY_FRAMES)})", where, line
            )
        if not _CODE.match(prefix) or prefix not in codebook:
            raise DictionaryError(f"unknown complement code {prefix!r}", where, line)
        if not _CODE.match(code) or code not in codebook:
            raise DictionaryError(f"unknown CAMEO code {code!r}", where, line)
        if (frame, prefix) in seen:
            raise DictionaryError(
                f"duplicate rule {frame} {prefix} (first on line {seen[(frame, prefix)]})",
                where,
                line,
            )
        seen[(frame, prefix)] = line
        out.append((frame, prefix, code))
    return out


@cache
def default_verbs() -> VerbDictionary:
    """The packaged verb dictionary, loaded once per process."""
    return VerbDictionary.load()
