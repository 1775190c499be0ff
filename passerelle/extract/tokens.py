"""Word tokens with offsets, and the small tests the entity rules ask of them.

Not a stable API: helpers of the entities step. A token is a word (letters and
digits, joined by inner hyphens: "Valras-Plage", "Jean-Claude"), a possessive
``'s`` / ``’s``, one punctuation character, or a line break (so that no name runs
across lines). En dashes split ("France–Vietnam").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"\b(?:Mr|Ms|Dr|St|Mrs|Prof|Mme|Mgr)\.|\w+(?:[-‐]\w+)*|['’]s\b|\S|\n")


class Token:
    """One token of a segment: its text and character offsets ``[start, end)``.

    ``lower``, ``is_cap`` (starts with an upper-case letter) and ``is_word`` (starts
    with a letter or digit) are computed once, when the token is made: the entity
    rules ask them tens of thousands of times per article. A plain class with
    ``__slots__`` (tokens are made by the thousand per article); treat it as
    immutable. Equality and hashing go by ``(text, start, end)``.
    """

    __slots__ = ("text", "start", "end", "lower", "is_cap", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[:1]
        self.is_cap = first.isupper()
        self.is_word = first.isalnum()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start!r}, end={self.end!r})"

    @property
    def is_acronym(self) -> bool:
        """All upper case, two letters or more ("AFD", "VNA")."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_possessive(self) -> bool:
        return self.text in ("'s", "’s")


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens that keep their character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A comparison key: no accents, ``đ`` -> ``d``, lower case, hyphens and quotes as spaces."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[-‐–.,'’`]", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def split_camel(word: str) -> str:
    """``"VicePresident"`` -> ``"Vice President"`` (words glued by bad HTML)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", word)


__all__ = ["Token", "tokenize", "fold", "split_camel"]
