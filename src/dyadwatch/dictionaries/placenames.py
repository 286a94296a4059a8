"""Match keys for place names: the same folding on the gazetteer side and the text side.

A key is the name's words, folded and joined by single spaces: "Côte d’Ivoire" and
"COTE D'IVOIRE" both give ``cote d ivoire``; "Winston-Salem" and "Winston Salem" both give
``winston salem``. Folding removes case and diacritics from Latin letters only; other scripts
are kept exactly (Japanese ド stays ド, 釣魚台 is not 钓鱼岛), apart from Unicode compatibility
forms (full-width letters) which NFKC maps to their plain form.

Punctuation separates words and is otherwise ignored, so on the text side a span of tokens gives
the same key whether the tokenizer split "U.S." or "Xi'an" or not. Changing anything here
changes every key: bump :data:`KEY_VERSION` and rebuild the derived gazetteer
(``tools/build_gazetteer.py``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

KEY_VERSION = 1
MAX_WORDS = 8  # longer names are not indexed; no toponym we match needs more

# Latin letters that carry no combining mark to strip, folded to their usual ASCII spelling
_LATIN_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h", "Ħ": "H"}
)  # fmt: skip


def _is_latin(ch: str) -> bool:
    code = ord(ch)
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF


def fold(text: str) -> str:
    """Case- and diacritic-folded text: marks on Latin letters dropped, other scripts kept."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text))
    out: list[str] = []
    latin_base = False
    for ch in decomposed.translate(_LATIN_LETTERS):
        if unicodedata.combining(ch):
            if not latin_base:
                out.append(ch)
            continue
        latin_base = _is_latin(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).casefold()


def _is_word_char(ch: str) -> bool:
    # combining marks stay inside words (Devanagari vowel signs, Thai tone marks)
    return ch.isalnum() or unicodedata.category(ch)[0] == "M"


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    out: list[str] = []
    current: list[str] = []
    for ch in fold(text):
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return tuple(out)


def name_key(name: str) -> str:
    """The match key of a gazetteer name ("" when it has no letters or digits)."""
    return " ".join(words(name))


def is_latin_word(word: str) -> bool:
    """True when a folded word is written in Latin letters (ASCII after folding)."""
    return all(_is_latin(ch) for ch in word if ch.isalpha())
