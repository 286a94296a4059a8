"""Finding date expressions in a sentence's text: our own small grammar, no dateparser.

``find_mentions(text, date_spans)`` returns every date expression it recognises, in text order,
as a :class:`DateMention` whose ``expr`` says *what* was written (an absolute date, a month name,
"last week", "the following year", "for 152 consecutive days", ...). Turning an expression into
calendar dates (relative to the publication date or to an earlier date of the same sentence) is
the job of :mod:`dyadwatch.coding.dates.resolve`; deciding which event a mention dates is
:mod:`dyadwatch.coding.dates.scope`.

Bare month names and bare years are ambiguous ("May" the modal or the name, "2004 troops"), so
they count only after a cue word ("in", "since", "As early as", ...) or inside a spaCy DATE
entity (``date_spans``). Numbers never count as dates on their own, and neither do ages
("70-year-old"), distances or adjectives such as "annual".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from dyadwatch.coding.dates.expressions import (
    Absolute,
    Ago,
    Anaphoric,
    Decade,
    Deictic,
    Duration,
    Edge,
    Expr,
    MentionKind,
    MonthDay,
    MonthName,
    Range,
    Since,
    Unit,
    Weekday,
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "couple": 2,
}  # fmt: skip
# "a few years" has no exact count; the resolver treats it as this many units (documented)
VAGUE_COUNT = 3

# Capitalised month names only: "march" and "may" in lower case are a verb and a modal.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[0-9]|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# a month placed by a year counted from publication: "in March (of) last year", "on May 2 this
# year": the named month of that year, not the last such month before publication
_YEAR_COUNTED = r"(?P<yr>last|this|next)\s+year\b(?![\'’])"  # not "last year's winner"
_OF_YEAR = rf"(?i:\s+(?:of\s+)?{_YEAR_COUNTED})?"
_OF_YEAR_AFTER_DAY = rf"(?i:,?\s+(?:of\s+)?{_YEAR_COUNTED})?"  # "December 22, last year"
_NUM = (
    r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|a|an"
    r"|a\s+couple\s+of|a\s+few|few|several)"
)
_UNIT = r"(?:day|week|month|year|decade)s?"

# Words that make a following bare month or year a date ("in May", "As early as 2004").
_CUE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|during|of|from|between|around|circa|as\s+of|as\s+early\s+as"
    r"|as\s+late\s+as|year|throughout|until|till|by|before|after|through|to|and)\s+"
    r"|\b(?:early|late|mid)[-\s]+)$"
)
_WEAK_CUE = re.compile(r"(?i)\b(?:to|and|until|till|through)\s+$")  # only inside a range
# a bare "to" outside "from X to Y" gives a target, not the act's date: "extended the
# lockdown to May 1", "adjourned the trial to Friday" (ranges are joined before this)
_BOUND_CUE = re.compile(r"(?i)\b(?:before|after|until|till|by|to|prior\s+to|no\s+later\s+than)\s+$")
_SINCE_CUE = re.compile(r"(?i)\bsince\s+$")
_AS_OF_CUE = re.compile(r"(?i)\bas\s+(?:of|at)\s+$")
_RANGE_OPEN = re.compile(r"(?i)\b(from|between)\s+$")
_RANGE_JOIN = re.compile(r"(?i)^\s*(?:to|until|till|through|and|-|–)\s*$")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the sentence: character offsets into the sentence text."""

    start: int
    end: int
    expr: Expr
    kind: MentionKind = "point"
    anchor: bool = False  # introduced by "as of": the reference point of a duration
    weak: bool = False  # a bare month/year after "and"/"to": kept only inside a range
    entity_only: bool = False  # a bare month/year vouched for by a spaCy DATE entity alone

    def text(self, sentence: str) -> str:
        return sentence[self.start : self.end]


Builder = Callable[["re.Match[str]"], Expr | None]


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _number(word: str) -> tuple[int, bool]:
    """(count, vague) for a number written in digits or words."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w), False
    if w in ("a few", "few", "several"):
        return VAGUE_COUNT, True
    if w == "a couple of":
        return 2, False
    if w == "a hundred":
        return 100, False
    if "-" in w:
        tens, ones = w.split("-", 1)
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones], False
    return NUMBER_WORDS[w], False


def _unit(word: str) -> Unit:
    u = word.lower().rstrip("s")
    if u not in ("day", "week", "month", "year", "decade"):
        raise ValueError(u)
    return u  # type: ignore[return-value]


def _year_offset(word: str | None) -> int | None:
    return _OFFSETS[word.lower()] if word else None


def _which(word: str | None) -> str:
    return (word or "").lower() or "bare"


# Each rule: (pattern, builder, needs a cue before a bare month/year). Order does not matter:
# overlapping matches are settled by keeping the longest, then the earliest. Every rule needs
# a digit, a capitalised month or one of _DATE_WORDS in its match (see _may_hold_date).
def _rules() -> list[tuple[re.Pattern[str], Builder, bool]]:
    rules: list[tuple[str, Builder, bool]] = [
        (
            rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
            lambda m: Absolute(int(m["y"]), int(m["m"]), int(m["d"])),
            False,
        ),
        (
            rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b",
            lambda m: Absolute(int(m["y"]), _month(m["mon"]), _day(m["d"])),
            False,
        ),
        (
            rf"\b(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
            lambda m: Absolute(int(m["y"]), _month(m["mon"]), _day(m["d"])),
            False,
        ),
        (
            rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b{_OF_YEAR_AFTER_DAY}",
            lambda m: MonthDay(_month(m["mon"]), _day(m["d"]), _year_offset(m["yr"])),
            False,
        ),
        (
            rf"\b(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)"
            rf"{_OF_YEAR_AFTER_DAY}",
            lambda m: MonthDay(_month(m["mon"]), _day(m["d"]), _year_offset(m["yr"])),
            False,
        ),
        (
            rf"(?i:\b(?:early|late|mid)[-\s]+)?\b(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b",
            lambda m: Absolute(int(m["y"]), _month(m["mon"])),
            False,
        ),
        (
            rf"(?i:\b(?P<which>last|this|next)\s+)?(?i:\b(?:early|late|mid)[-\s]+)?"
            rf"\b(?P<mon>{_MONTH})(?!\w){_OF_YEAR}",
            lambda m: MonthName(
                _month(m["mon"]), f"{m['yr'].lower()}_year" if m["yr"] else _which(m["which"])
            ),
            True,
        ),
        (
            rf"(?i:\b(?:in\s+)?the\s+year\s+)(?P<y>{_YEAR})\b",
            lambda m: Absolute(int(m["y"])),
            False,
        ),
        (
            rf"(?:(?i:\b(?:early|late|mid))[-\s]?|(?<![\d.,$£€¥#/-]))\b(?P<y>{_YEAR})\b(?![-/.,]?\d)",
            lambda m: Absolute(int(m["y"])),
            True,
        ),
        (
            rf"\b(?P<a>{_YEAR})\s?[-–]\s?(?P<b>{_YEAR})\b",
            lambda m: Range(Absolute(int(m["a"])), Absolute(int(m["b"]))),
            True,
        ),
        (
            r"(?i:\bthe\s+)?\b(?P<y>(?:1[0-9]|20)\d)0s\b",
            lambda m: Decade(int(m["y"]) * 10),
            False,
        ),
        (
            rf"(?i:\b(?P<which>last|this|next)\s+)?\b(?P<wd>{_WEEKDAY})\b"
            rf"(?i:(?:\s+of)?\s+(?P<week>last|this|next)\s+week\b)?",
            lambda m: Weekday(
                WEEKDAYS.index(m["wd"].lower()),
                f"{m['week'].lower()}_week" if m["week"] else _which(m["which"]),
            ),
            False,
        ),
        (
            r"(?i)\b(?P<w>yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))\b",
            lambda m: Deictic("day", _DAY_WORDS[m["w"].lower().split()[0]]),
            False,
        ),
        (
            r"(?i)\b(?:(?P<part>earlier|later)\s+)?(?P<which>last|this|next|coming)\s+"
            r"(?P<u>week|month|year|weekend)\b",
            lambda m: Deictic(
                m["u"].lower(),  # type: ignore[arg-type]
                _OFFSETS[m["which"].lower()],
                (m["part"] or "").lower() or None,  # type: ignore[arg-type]
            ),
            False,
        ),
        (
            r"(?i)\b(?P<part>earlier|later)\s+in\s+the\s+(?P<u>week|month|year)\b",
            lambda m: Deictic(
                m["u"].lower(),  # type: ignore[arg-type]
                0,
                m["part"].lower(),  # type: ignore[arg-type]
            ),
            False,
        ),
        (
            r"(?i)\b(?:in|over|during)\s+recent\s+(?P<u>days|weeks|months|years|decades)\b",
            lambda m: Duration(VAGUE_COUNT, _unit(m["u"]), vague=True, recent=True),
            False,
        ),
        (
            r"(?i)\b(?:over\s+the|this\s+past|at\s+the)\s+weekend\b",
            lambda m: Deictic("weekend", -1),
            False,
        ),
        (
            rf"(?i)\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+ago\b",
            lambda m: Ago(_number(m["n"])[0], _unit(m["u"])),
            False,
        ),
        (
            r"(?i)\bthe\s+(?P<rel>following|next|previous|preceding|same)\s+"
            r"(?P<u>day|week|month|year)\b",
            lambda m: Anaphoric(_unit(m["u"]), _ANAPHORA[m["rel"].lower()]),
            False,
        ),
        (
            r"(?i)\b(?:(?:earlier|later)\s+)?that\s+(?P<u>day|week|month|year)\b",
            lambda m: Anaphoric(_unit(m["u"]), 0),
            False,
        ),
        (
            rf"(?i)\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+(?P<dir>later|earlier|afterwards?"
            r"|before\s+that|after\s+that)\b",
            lambda m: Anaphoric(_unit(m["u"]), _number(m["n"])[0] * _direction(m["dir"])),
            False,
        ),
        (
            r"(?i)\bsince\s+then\b",
            lambda m: Since(Anaphoric(None, 0)),
            False,
        ),
        (
            rf"(?i)\bthe\s+(?P<edge>end|beginning|start|middle)\s+of\s+"
            rf"(?P<inner>(?:last|this|next)\s+(?:week|month|year)|the\s+(?:year|month)"
            rf"|(?-i:{_MONTH})(?:,?\s+{_YEAR})?|{_YEAR})\b",
            _edge,
            False,
        ),
        (
            rf"(?i)\b(?P<prep>for|over|during|throughout|in|within)\s+(?:the\s+)?"
            rf"(?:(?P<past>past|last|previous)\s+)?"
            rf"(?:(?:more\s+than|over|nearly|almost|about|around|some|at\s+least)\s+)?"
            rf"(?:(?P<n>{_NUM})\s+)?(?:(?:consecutive|straight|successive)\s+)?(?P<u>{_UNIT})\b"
            r"(?![-\w])",
            _duration,
            False,
        ),
    ]
    return [(re.compile(p), b, cue) for p, b, cue in rules]


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "this": 0, "tomorrow": 1}
_OFFSETS = {"last": -1, "this": 0, "next": 1, "coming": 1}
_ANAPHORA = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}


def _direction(word: str) -> int:
    return -1 if word.lower().startswith(("earlier", "before")) else 1


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _edge(m: re.Match[str]) -> Expr | None:
    edge = m["edge"].lower()
    inner_text = " ".join(m["inner"].split())
    low = inner_text.lower()
    inner: Expr
    if low.startswith(("last ", "this ", "next ")):
        which, unit = low.split()
        inner = Deictic(unit, _OFFSETS[which])  # type: ignore[arg-type]
    elif low.startswith("the "):
        inner = Deictic(low.split()[1], 0)  # type: ignore[arg-type]
    elif low[:1].isdigit():
        inner = Absolute(int(low))
    else:
        parts = inner_text.replace(",", " ").split()
        month = _month(parts[0])
        inner = Absolute(int(parts[1]), month) if len(parts) > 1 else MonthName(month, "bare")
    return Edge("start" if edge == "beginning" else edge, inner)  # type: ignore[arg-type]


def _duration(m: re.Match[str]) -> Expr | None:
    prep = m["prep"].lower()
    unit = _unit(m["u"])
    if m["n"] is None:
        if not m["past"] or m["u"].lower().endswith("s"):
            return None  # "for years", "in the past years": no usable length
        count, vague = 1, False
    else:
        count, vague = _number(m["n"])
    if m["past"] is None and prep not in ("for", "over", "throughout"):
        return None  # "in two weeks", "within a month": a deadline, not a span
    return Duration(count, unit, vague, recent=m["past"] is not None)


_RULES = _rules()

# What every rule's match contains, in some case ("Monday" and "today" hold "day", "weekend"
# "week", "since then" "then"), besides a digit or a capitalised month
_DATE_WORDS = (
    "day", "week", "month", "year", "decade", "tonight", "tomorrow", "morning", "afternoon",
    "evening", "then",
)  # fmt: skip
_DIGIT_OR_MONTH = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


def _may_hold_date(text: str) -> bool:
    """False when no rule can match ``text``: most sentences hold no date, and this check costs
    a small part of running the rules. Text beyond ASCII always goes to the rules (their
    case-insensitive matching knows letters such as the dotless i that ``lower`` keeps)."""
    if _DIGIT_OR_MONTH.search(text) or not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in _DATE_WORDS)


def _overlaps(a: DateMention, b: DateMention) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@lru_cache(maxsize=4096)
def find_mentions(
    text: str, date_spans: tuple[tuple[int, int], ...] = ()
) -> tuple[DateMention, ...]:
    """Date expressions in ``text`` (one sentence), in order, without overlaps.

    ``date_spans`` are the character spans of spaCy DATE entities in the same text: they
    vouch for a bare month or year that has no cue word before it.
    """
    if not _may_hold_date(text):
        return ()
    found: list[DateMention] = []
    for pattern, build, needs_cue in _RULES:
        for m in pattern.finditer(text):
            try:
                expr = build(m)
            except (KeyError, ValueError):
                continue
            if expr is None:
                continue
            weak = entity_only = False
            if needs_cue and not _has_cue(text, m):
                if _inside(m.start(), m.end(), date_spans):
                    entity_only = True
                elif _WEAK_CUE.search(text[: m.start()]):
                    weak = True
                else:
                    continue
            found.append(DateMention(m.start(), m.end(), expr, weak=weak, entity_only=entity_only))
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    chosen: list[DateMention] = []
    for mention in found:
        if not any(_overlaps(mention, c) for c in chosen):
            chosen.append(mention)
    chosen.sort(key=lambda d: d.start)
    return tuple(_classify(text, _join_ranges(text, chosen)))


def _has_cue(text: str, m: re.Match[str]) -> bool:
    whole = m.group(0)
    if re.match(r"(?i)(?:last|this|next|early|late|mid)\b", whole):
        return True
    return bool(_CUE_BEFORE.search(text[: m.start()])) and not _WEAK_CUE.search(text[: m.start()])


def _joinable(expr: Expr) -> bool:
    return isinstance(expr, Absolute | MonthDay | MonthName | Decade)


def _join_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``from X to Y`` / ``between X and Y`` become one range mention; unjoined weak ones go."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        opener = _RANGE_OPEN.search(text[: cur.start])
        if (
            nxt is not None
            and opener is not None
            and _joinable(cur.expr)
            and _joinable(nxt.expr)
            and _RANGE_JOIN.match(text[cur.end : nxt.start])
            and (opener.group(1).lower() == "between") == ("and" in text[cur.end : nxt.start])
        ):
            out.append(DateMention(opener.start(), nxt.end, Range(cur.expr, nxt.expr)))
            i += 2
            continue
        if not cur.weak:
            out.append(cur)
        i += 1
    return out


def _classify(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Mark what the words before a mention make of it: since-span, as-of anchor, or a bound."""
    out: list[DateMention] = []
    for m in mentions:
        before = text[: m.start]
        if isinstance(m.expr, Duration):
            out.append(replace(m, kind="duration"))
        elif isinstance(m.expr, Since):
            out.append(replace(m, kind="since"))
        elif _SINCE_CUE.search(before):
            out.append(replace(m, kind="since", expr=Since(m.expr)))
        elif _AS_OF_CUE.search(before):
            out.append(replace(m, anchor=True))
        elif _BOUND_CUE.search(before) and not isinstance(m.expr, Range):
            out.append(replace(m, kind="bound"))
        else:
            out.append(m)
    return out
