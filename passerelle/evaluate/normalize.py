"""Name normalisation and text shingles, as ``shared/spec/SCORING.md`` defines them.

Two names are "the same" for scoring when their normalised forms are equal:
Unicode NFKD, combining marks dropped, ``đ`` -> ``d``, case folded; hyphens, dots,
apostrophes and commas become spaces; runs of spaces collapse; leading honorifics
are dropped. Place names also lose generic words ("province", "city", ...).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Honorifics in their normalised form ("ông" -> "ong", "h.e." -> "h e"), per SCORING.md.
HONORIFICS: tuple[str, ...] = ("mr", "mrs", "ms", "dr", "prof", "m", "mme", "ong", "ba", "h e")

# Generic words dropped from place names, per SCORING.md (normalised form).
PLACE_GENERIC_WORDS: frozenset[str] = frozenset(
    {"province", "region", "city", "town", "department", "prefecture", "commune", "district"}
)

# Hyphens and dashes, dots, apostrophes (straight, curly, modifier) and commas.
_SEPARATORS = re.compile(r"[\-\u2010-\u2015\u2212.,'\u2018\u2019\u02bc\u00b4`]")
_SPACES = re.compile(r"\s+")
_TRAILING_PUNCT = re.compile(r"[\s\W_]+$")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """NFKD, drop combining marks, ``đ`` -> ``d``, case fold.

    Args:
        text: any string.

    Returns:
        The folded string (separators untouched).
    """
    # NFKD both before and after case folding: compatibility forms may decompose to
    # capitals ("ℌ" -> "H") and folding may add marks ("İ" -> "i" + dot above).
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return bare.replace("đ", "d")


def _squash(text: str) -> str:
    """Fold, turn separators into spaces and collapse runs of spaces."""
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", fold(text))).strip()


def _drop_honorifics(name: str) -> str:
    """Drop leading honorifics ("h e mr x" -> "x"); a name that is only one stays."""
    stripped = True
    while stripped:
        stripped = False
        for honorific in HONORIFICS:
            if name.startswith(honorific + " "):
                name, stripped = name[len(honorific) + 1 :], True
    return name


def normalize_name(name: str | None) -> str:
    """The normalised form of a person, organisation or participant name.

    Args:
        name: the name as written (``None`` gives ``""``).

    Returns:
        "Mr. François-Xavier Lauch" -> "francois xavier lauch".
    """
    if not name:
        return ""
    return _drop_honorifics(_squash(name))


def normalize_place(name: str | None) -> str:
    """The normalised form of a place name: ``normalize_name`` minus generic words.

    A name made only of generic words keeps them, so "District" stays comparable.

    Args:
        name: the place name as written.

    Returns:
        "Ho Chi Minh City" -> "ho chi minh".
    """
    base = normalize_name(name)
    kept = [w for w in base.split(" ") if w not in PLACE_GENERIC_WORDS]
    return " ".join(kept) if kept else base


def normalize_title(title: str | None) -> str:
    """The normalised form of an article title: folded, separators spaced, no trailing punctuation.

    Args:
        title: the title as written.

    Returns:
        The comparable form; honorifics are kept (a title is not a name).
    """
    if not title:
        return ""
    return _TRAILING_PUNCT.sub("", _squash(title))


def words(text: str | None) -> list[str]:
    """The folded words of ``text`` (runs of letters and digits)."""
    return _WORD.findall(fold(text or ""))


def shingles(text: str | None, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of word ``size``-grams of ``text``.

    Args:
        text: a body text.
        size: words per shingle (SCORING.md uses 4).

    Returns:
        A ``Counter`` of word tuples; a text shorter than ``size`` words gives one
        shingle of all its words (or none when it has no words).
    """
    toks = words(text)
    if 0 < len(toks) < size:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


__all__ = [
    "HONORIFICS",
    "PLACE_GENERIC_WORDS",
    "fold",
    "normalize_name",
    "normalize_place",
    "normalize_title",
    "words",
    "shingles",
]
