"""Actor recognition: countries, organizations, agents and named people in a spaCy Doc.

``ActorRecognizer.load()`` builds phrase matchers from the actor dictionaries once per process;
``find(doc, when)`` returns the actor mentions of a document, longest first, each a CAMEO-style
:class:`~dyadwatch.model.Actor` (``CHNMIL``, ``IGOUNO``) with the dictionary rows that fired.
Pure: nothing is written to the Doc. Rules, codes and limits: docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from dyadwatch.coding.actors.companies import firm_name_pieces, in_company_name, opens_org_name
from dyadwatch.coding.actors.context import MODIFIER_KINDS, STATED_POST, Resolution, resolve_chain
from dyadwatch.coding.actors.coordinated import distribute_coordinated
from dyadwatch.coding.actors.countries import ActorPlacements, place_from_document
from dyadwatch.coding.actors.fused import fused_country_pieces
from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.misspelt import MisspeltTitles
from dyadwatch.coding.actors.pieces import ActorContext, Piece
from dyadwatch.coding.actors.relations import (
    hyphen_groups,
    later_surnames,
    mark_hyphen_pairs,
    note_titled,
)
from dyadwatch.coding.actors.rules import (
    HYPHENS,
    MAX_ABSORBED_NAME,
    NAME_PARTICLES,
    NAME_STOP,
    NOT_NOUN,
    NOT_PERSON_ENTITIES,
    NUMERIC_ENTITIES,
    PREFIXES,
    WORD,
    adjectival_bare_agent,
    after_bracketed,
    chain_gap_ok,
    claimed_surnames,
    ethnic_group,
    fold_accents,
    government_word,
    has_upper,
    house_member,
    in_person_name,
    inside_named_thing,
    inside_proper_name,
    is_name_token,
    office_entry,
    office_matcher,
    office_matches,
    other_reading,
    separate_phrases,
    skip_title_gloss,
    speaks_for,
    ticker,
)
from dyadwatch.coding.clauses import finite_predicate
from dyadwatch.dictionaries.actors import ActorDictionary, ActorEntry, load_actor_dictionary
from dyadwatch.dictionaries.cache import cache_key, cached
from dyadwatch.dictionaries.people import Person, load_people, merge_people
from dyadwatch.model import Actor
from dyadwatch.nlp.hyphens import keep_prefix_hyphens

__all__ = ["ActorContext", "ActorMention", "ActorRecognizer", "hyphen_groups"]

# lower sorts first when two matches cover the same tokens
_PRIORITY = {
    "non_actor": 0,
    "organization": 1,
    "person": 2,
    "country": 3,
    "capital": 3,
    "adjective": 3,
    "agent": 4,
    "group": 4,
}


class ActorRecognizer:
    """Finds actor mentions; build once with :meth:`load`, then call :meth:`find` per Doc."""

    def __init__(self, dictionary: ActorDictionary, people: dict[str, Person]) -> None:
        self.dictionary = dictionary
        self.people = people
        self._nlp = spacy.blank("en")
        keep_prefix_hyphens(self._nlp)  # phrases tokenised as the documents are
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        self._candidates: dict[str, list[ActorEntry | Person]] = {}
        self._after_modifier: set[str] = set()
        self._hyphen_modifier: set[str] = set()
        self._hyphen_country_only: set[str] = set()
        self._entity_heads: set[str] = set()
        triggers: set[str] = set()
        for entry in dictionary.entries:
            if entry.kind == "non_actor" and entry.role != "place":
                self._non_actor_word(entry)
                continue
            self._add_phrase(entry.phrase, entry, triggers)
        self._surnames: dict[str, tuple[Person, ...]] = {}
        for person in people.values():
            for form in person.names:
                self._add_phrase(form, person, triggers)
            for surname in person.surname_spellings:
                key = fold_accents(surname.lower())
                if person not in self._surnames.get(key, ()):
                    self._surnames[key] = (*self._surnames.get(key, ()), person)
                triggers.add(key)
        self._office = office_matcher(self._nlp.vocab)
        self._misspelt = MisspeltTitles(dictionary.entries)
        self._triggers = frozenset(triggers)

    # spaCy's Matcher forgets greedy="LONGEST" when pickled (dictionaries/cache.py keeps a
    # built recogniser on disk): the office matcher is built again on unpickling
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        del state["_office"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._office = office_matcher(self._nlp.vocab)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, dictionary_dir: Path | None = None) -> ActorRecognizer:
        """Packaged dictionaries plus an optional directory whose files extend them; the
        built recogniser is kept on disk for the next process (dictionaries/cache.py)."""
        key = cache_key("actors", dictionary_dir)
        return cached("actors", key, lambda: cls.build(dictionary_dir))

    @classmethod
    def build(cls, dictionary_dir: Path | None = None) -> ActorRecognizer:
        """:meth:`load` without the cache: read the dictionaries and build the matchers."""
        dictionary = load_actor_dictionary(dictionary_dir)
        countries = set(dictionary.country_names)
        tables = [load_people(path, countries) for path in dictionary.people_paths]
        return cls(dictionary, merge_people(*tables))

    def _non_actor_word(self, entry: ActorEntry) -> None:
        target = {
            "after_modifier": self._after_modifier,
            "hyphen_modifier": self._hyphen_modifier,
            "hyphen_country_only": self._hyphen_country_only,
            "entity_head": self._entity_heads,
        }[entry.role]
        target.add(entry.phrase.lower())

    def _add_phrase(self, phrase: str, target: ActorEntry | Person, triggers: set[str]) -> None:
        pattern = self._nlp.make_doc(phrase)
        key = " ".join(t.lower_ for t in pattern)
        if key not in self._candidates:
            self._candidates[key] = []
            self._matcher.add(key, [pattern])
        self._candidates[key].append(target)
        exact = isinstance(target, ActorEntry) and target.exact_case
        words = WORD.findall(phrase if exact else phrase.lower())
        if words:
            # the longest word is the most selective; exact-case forms keep their case
            triggers.add(max(words, key=len))

    # -- public API ---------------------------------------------------------------------
    def new_context(self) -> ActorContext:
        """A fresh document context, to share across the sentences of one document."""
        return ActorContext()

    def could_mention_actor(self, text: str) -> bool:
        """Cheap check on raw text (no parse): could any dictionary phrase occur in it?"""
        words = WORD.findall(text)
        if not self._triggers.isdisjoint(words):
            return True
        return not self._triggers.isdisjoint(w.lower() for w in words)

    def find(
        self,
        doc: Doc,
        when: dt.date | None = None,
        context: ActorContext | None = None,
    ) -> list[ActorMention]:
        """All actor mentions in ``doc``, sorted by start and non-overlapping. ``context``
        carries what earlier sentences of the document established (bare agents, surnames)."""
        context = context if context is not None else ActorContext()
        tagged = doc.has_annotation("TAG") or doc.has_annotation("POS")
        pieces = firm_name_pieces(doc, self._pieces(doc, tagged), context.firm_names)
        self._note_unknown_people(doc, pieces, context)
        chains = [c for c in self._chains(doc, pieces, tagged) if c[0]]
        kinds = self.dictionary.country_kinds
        places = ActorPlacements(doc, chains, when, kinds)
        resolved: list[tuple[ActorMention, list[Piece]]] = []
        covered = 0  # end of the previous chain, which may have absorbed a name
        for index, (chain, start, end) in enumerate(chains):
            if start < covered:
                continue  # "Minister Julie Bishop Okafor": "Bishop" is inside that name
            covered = end
            span = doc[start:end]
            if end > chain[-1].end:  # an unknown name after a title
                context.other_surnames.add(doc[end - 1].lower_)
            if adjectival_bare_agent(chain, span):
                continue
            placed = places.for_chain(index, chain, start, end)
            titled = end > chain[-1].end  # "Prime Minister Ana Ruiz": a new named official
            resolution = resolve_chain(chain, span.text, when, context, kinds, placed, titled)
            if resolution is None:
                continue
            self._note(context, resolution, chain)
            flags = resolution.flags
            if any(p.kind == "surname" for p in chain):
                flags = flags | {"surname"}
            mention = ActorMention(
                start, end, span.root.i, resolution.actor, resolution.rule, flags
            )
            resolved.append((mention, chain))
            if end > chain[-1].end:  # "Information Minister Ali Hassan": later "Hassan"
                note_titled(context, doc, end, resolution.actor, resolution.rule)
        if places.parsed:
            resolved = place_from_document(doc, resolved, kinds)
        found = distribute_coordinated(doc, resolved)
        found = sorted(
            [*found, *later_surnames(doc, found, context, tagged)], key=lambda m: m.start
        )
        return mark_hyphen_pairs(doc, found)

    def at_date(self, mention: ActorMention, when: dt.date | None) -> Actor:
        """The mention's actor on an event date: a person's role held on that date."""
        person = self.people.get(mention.actor.person or "")
        if person is None:
            return mention.actor
        if STATED_POST in mention.flags and when is not None and person.role_on(when) is None:
            return mention.actor  # the post the story gave, not a former-official reading
        actor = person.actor_on(when, name=mention.actor.name)
        if "former" in mention.flags and actor.country is not None:
            return replace(actor, code=actor.country + "ELI", sector="ELI")
        return actor

    def _note_unknown_people(self, doc: Doc, pieces: list[Piece], context: ActorContext) -> None:
        """Full names the NER finds but the dictionary does not know claim their surname."""
        context.other_surnames.update(claimed_surnames(doc, pieces))

    # -- matching -----------------------------------------------------------------------
    def _pieces(self, doc: Doc, tagged: bool) -> list[Piece]:
        found: list[tuple[int, int, int, ActorEntry | tuple[Person, ...]]] = []
        strings = self._nlp.vocab.strings
        for match_id, start, end in self._matcher(doc):
            span = doc[start:end]
            people: list[Person] = []
            for target in self._candidates[strings[match_id]]:
                if not self._acceptable(target, span, tagged):
                    continue
                if isinstance(target, Person):
                    people.append(target)
                else:
                    found.append((start, end, _PRIORITY[target.kind], target))
            if people:
                found.append((start, end, _PRIORITY["person"], tuple(people)))
        for _match_id, start, end in office_matches(self._office, doc):
            span = doc[start:end]
            if not (tagged and span[-1].pos_ in NOT_NOUN):
                found.append((start, end, _PRIORITY["agent"], office_entry(span)))
        taken = [False] * len(doc)
        pieces: list[Piece] = []
        for start, end, _priority, found_target in sorted(
            found, key=lambda m: (m[0] - m[1], m[2], m[0])
        ):
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            if isinstance(found_target, tuple):
                pieces.append(Piece(start, end, "person", people=found_target))
            elif found_target.kind != "non_actor":
                pieces.append(Piece(start, end, found_target.kind, entry=found_target))
        # "Represenative X", "a spokeman for": one-letter typos of agent words
        pieces.extend(self._misspelt.pieces(doc, taken, tagged))
        pieces.extend(self._surname_pieces(doc, taken, tagged))
        pieces.extend(
            fused_country_pieces(
                doc, taken, self._targets, self._hyphen_modifier, self._hyphen_country_only
            )
        )
        rep = next((t for t in self._targets("Rep.") if isinstance(t, ActorEntry)), None)
        pieces = sorted((house_member(doc, p, rep, tagged) for p in pieces), key=lambda p: p.start)
        return self._filter(doc, pieces, tagged)

    def _targets(self, phrase: str) -> list[ActorEntry | Person]:
        return self._candidates.get(" ".join(t.lower_ for t in self._nlp.make_doc(phrase)), [])

    def _acceptable(self, target: ActorEntry | Person, span: Span, tagged: bool) -> bool:
        text = span.text
        if isinstance(target, Person):
            return text != text.lower()
        if target.exact_case:
            if ticker(span):
                return False  # "Engelhard Corp <EC>": a stock symbol, not the acronym's body
            phrase = target.phrase.replace(" ", "")
            text = text.replace(" ", "")
            # long acronyms also in British title case: "Nato", "Opec", "Farc"
            return text == phrase or (
                len(phrase) >= 4 and phrase.isalpha() and text == phrase.title()
            )
        if has_upper(target.phrase) and text == text.lower():
            return False
        if target.kind == "agent" and tagged and span[-1].pos_ in NOT_NOUN:
            # "ousted President X" is a former holder, not "the coalition ousted X"'s verb
            if target.role == "name_title" and span.end < len(span.doc):  # "daily Kathimerini"
                return is_name_token(span.doc[span.end], tagged)
            return target.role == "former" and not finite_predicate(span[-1])
        return True

    def _surname_pieces(self, doc: Doc, taken: list[bool], tagged: bool) -> Iterable[Piece]:
        """Surname alone ("Kishi"): kept when a known person has it and no other first name
        stands next to it; which person it is gets decided with the document context."""
        # accents folded ("Erdoğan" is "Erdogan"); only tokens whose word is a known surname
        lowers, strings = doc.to_array(LOWER).tolist(), doc.vocab.strings
        known = {w for w in set(lowers) if fold_accents(strings[w]) in self._surnames}
        for token in (doc[i] for i, w in enumerate(lowers) if w in known):
            people = self._surnames.get(fold_accents(token.lower_))
            # the small model often tags a capitalised sentence-initial name as a common noun
            initial = bool(token.is_sent_start) and token.is_alpha and token.text[0].isupper()
            if people is None or taken[token.i] or not (is_name_token(token, tagged) or initial):
                continue
            if token.ent_type_ in NUMERIC_ENTITIES:
                continue
            before = doc[token.i - 1] if token.i > 0 else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if (
                before is not None
                and not taken[before.i]
                and is_name_token(before, tagged)
                and not before.is_sent_start
            ):
                continue  # another first name: a different person with that surname
            if after is not None and not taken[after.i] and is_name_token(after, tagged):
                continue
            # "May" alone is a month unless the NER says person or the document named her
            # (the small model often tags a lone surname GPE or ORG, so those are allowed)
            named = token.ent_type_ == "PERSON" or token.lower_ not in NAME_STOP
            yield Piece(token.i, token.i + 1, "surname", people=people, named_person=named)

    def _filter(self, doc: Doc, pieces: list[Piece], tagged: bool) -> list[Piece]:
        """Drop matches the context shows are not actors; absorb hyphen suffixes."""
        covered = {i for p in pieces for i in range(p.start, p.end)}
        entities = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        kept: list[Piece] = []
        for piece in pieces:
            piece = ethnic_group(doc, piece)
            if piece.kind == "agent" and in_company_name(doc, piece.start, piece.end):
                continue  # "King's Table Inc": a word of a firm's name
            entry = piece.entry
            if piece.kind == "agent" and entry is not None and entry.role == "attached":
                piece.proper = inside_proper_name(doc, piece, tagged)
            if entry is None or (piece.kind not in MODIFIER_KINDS and piece.kind != "group"):
                kept.append(piece)
                continue
            if entry.ambiguous and other_reading(doc, piece, covered, tagged, entities):
                continue
            if piece.kind == "country" and in_person_name(doc, piece, covered, tagged, entities):
                continue
            if piece.kind != "organization" and inside_named_thing(
                piece, entities, self._entity_heads
            ):
                continue
            after = doc[piece.end] if piece.end < len(doc) else None
            if (
                after is not None
                and piece.kind in ("country", "adjective")
                and after.lower_ in self._after_modifier
            ):
                continue  # "US dollar", "Chinese language"
            if piece.start >= 2 and doc[piece.start - 1].text in HYPHENS:
                prefix = doc[piece.start - 2]
                lowered = prefix.is_lower or prefix.lower_ in PREFIXES
                if prefix.is_alpha and lowered and prefix.i not in covered:
                    continue  # "anti-American", "pro-Russian": not the actor
            if after is not None and after.text in HYPHENS and piece.end + 1 < len(doc):
                suffix = doc[piece.end + 1]
                if suffix.is_alpha and suffix.is_lower and suffix.i not in covered:
                    if suffix.lower_ in self._hyphen_modifier:
                        continue  # "US-made systems"
                    piece.flag_only = suffix.lower_ in self._hyphen_country_only
                    piece.end = suffix.i + 1  # "Saudi-led", "Chinese-flagged"
            kept.append(piece)
        return kept

    # -- chains -------------------------------------------------------------------------
    def _chains(
        self, doc: Doc, pieces: Sequence[Piece], tagged: bool
    ) -> Iterable[tuple[list[Piece], int, int]]:
        chain: list[Piece] = []
        for piece in pieces:
            if chain and self._joins(doc, chain, piece):
                chain.append(piece)
                continue
            if chain:
                yield self._close(doc, chain, tagged)
            chain = [piece]
        if chain:
            yield self._close(doc, chain, tagged)

    def _joins(self, doc: Doc, chain: list[Piece], piece: Piece) -> bool:
        last = chain[-1]
        kinds = [p.kind for p in chain]
        gap = after_bracketed(doc, last, doc[last.end : piece.start])  # "Fund (IMF) officials"
        if separate_phrases(doc, chain[0].start, last, piece):
            return False  # "gave the Philippines two patrol boats": two noun phrases
        if last.kind in ("person", "surname"):
            if not len(gap) and government_word(piece):
                return True  # "the Reagan administration": the leader's government
            # "Trump's former national security adviser": the possessor's country
            return piece.kind == "agent" and len(gap) > 0 and chain_gap_ok(gap, possessive=True)
        if piece.kind in ("country", "adjective", "capital"):
            # "Ousted Kyrgyz President X": former-words may precede the country
            formers = all(p.kind == "agent" and p.role == "former" for p in chain)
            return formers and chain_gap_ok(gap, possessive=False)
        if piece.kind == "organization" and not (
            kinds in (["country"], ["adjective"], ["capital"]) or kinds == ["agent"]
        ):
            return False
        if piece.kind == "organization" and kinds == ["agent"] and last.role != "former":
            return False
        if piece.kind in ("person", "surname") and any(k in ("organization",) for k in kinds[1:]):
            return False
        spoken = last.kind == "agent" and speaks_for(piece)  # "the seamen's leaders"
        return chain_gap_ok(gap, possessive=last.kind in MODIFIER_KINDS or spoken)

    def _close(self, doc: Doc, chain: list[Piece], tagged: bool) -> tuple[list[Piece], int, int]:
        """Absorb an unknown name after a title ("President Elias Hrawi"); drop name-only
        titles ("General") that no name follows."""
        end = chain[-1].end
        last = chain[-1]
        if last.kind == "agent" and last.role in ("title", "name_title"):
            absorbed = 0
            # "General Motors", "General Dynamics": the first word of an organisation's
            # name, not a rank before a person's name
            in_org_name = last.role == "name_title" and opens_org_name(doc, end)
            bare_end = end
            end = skip_title_gloss(doc, end, tagged)  # "MP (Member of Parliament) Tom Watson"
            while end < len(doc) and absorbed < MAX_ABSORBED_NAME and not in_org_name:
                token = doc[end]
                if absorbed and token.lower_ in NAME_PARTICLES:
                    after = end
                    while after < len(doc) and doc[after].lower_ in NAME_PARTICLES:
                        after += 1
                    if after < len(doc) and is_name_token(doc[after], tagged):
                        end = after  # "Bashar al-Assad", "Ursula von der Leyen"
                        continue
                    break
                if (
                    not is_name_token(token, tagged)
                    or token.lower_ in NAME_STOP
                    or token.ent_type_ in NOT_PERSON_ENTITIES
                ):
                    break
                end += 1
                absorbed += 1
            if absorbed == 0:
                end = bare_end  # no name after the bracket: the gloss is not the title's
            while end > last.end and doc[end - 1].lower_ in NAME_PARTICLES:
                end -= 1
            if last.role == "name_title" and absorbed == 0:
                chain = chain[:-1]
                end = chain[-1].end if chain else last.start
        if not chain:
            return [], last.start, last.start
        return chain, chain[0].start, end

    def _note(self, context: ActorContext, resolution: Resolution, chain: list[Piece]) -> None:
        actor = resolution.actor
        kinds = self.dictionary.country_kinds
        if actor.sector is not None:
            context.note_sector(actor.sector, chain)
        context.note_firm_words(chain, actor.sector)
        if actor.country is not None and kinds.get(actor.country) != "region":
            context.note_country(actor.country)
            if resolution.explicit_country and actor.sector is not None:
                context.sector_country[actor.sector] = actor.country
                if all(p.kind == "capital" for p in chain):
                    context.capital_pairs.add(actor.sector)
                else:
                    context.capital_pairs.discard(actor.sector)
                context.note_agent_words(
                    [p for p in chain if p.kind == "agent" and p.role != "former"], actor.country
                )
        context.note_body_words(chain, actor)  # "an Interpol spokesperson ... the spokesperson"
        person = self.people.get(actor.person or "")
        if person is not None:
            context.note_person(person)
