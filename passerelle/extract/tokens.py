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
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\b(?:Mr|Ms|Dr|St|Mrs|Prof|Mme|Mgr)\.|\w+(?:[-‐]\w+)*|['’]s\b|\S|\n")


@dataclass(frozen=True)
class Token:
    """One token of a segment.

    ``lower``, ``is_cap`` (starts with an upper-case letter) and ``is_word`` (starts
    with a letter or digit) are computed once, when the token is made: the entity
    rules ask them tens of thousands of times per article.
    """

    text: str
    start: int
    end: int
    lower: str = field(init=False, repr=False, compare=False)
    is_cap: bool = field(init=False, repr=False, compare=False)
    is_word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        first = self.text[:1]
        object.__setattr__(self, "lower", self.text.lower())
        object.__setattr__(self, "is_cap", first.isupper())
        object.__setattr__(self, "is_word", first.isalnum())

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
