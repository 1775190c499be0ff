"""Word tables of the languages beyond English (``fr``, ``vi``), and phrase lookup.

The tables are plain data in ``fr.py`` and ``vi.py``. Each module has ``ROLES``
(office -> English role), ``EVENT_TRIGGERS`` (event type -> phrases),
``COMMITMENT_TRIGGERS`` (commitment kind -> phrases), ``HONORIFICS``,
``PLACE_WORDS`` (generic word -> place kind) and ``COUNTRIES``. ``find_phrases``
finds the phrases of a table in a text: the longest first, on whole words, case
and Unicode composition ignored.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from types import ModuleType

from passerelle.errors import ConfigError

LANGUAGES: tuple[str, ...] = ("fr", "vi")


def tables(language: str) -> ModuleType:
    """The table module of ``language`` (``passerelle.extract.lang.fr`` ...).

    Raises:
        ConfigError: for a language without tables, listing those that have them.
    """
    if language not in LANGUAGES:
        raise ConfigError(f"no word tables for language {language!r}",
                          hint=f"available: {', '.join(LANGUAGES)}")
    return importlib.import_module(f"passerelle.extract.lang.{language}")


def fold_case(text: str) -> str:
    """NFC and lower case: the form the table keys are written in."""
    return unicodedata.normalize("NFC", text).lower()


@lru_cache(maxsize=64)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex of whole-word alternatives, longest first."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p) for p in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def find_phrases(text: str, phrases: Iterable[str]) -> list[tuple[str, int, int]]:
    """Non-overlapping occurrences of ``phrases`` in ``text``, left to right, longest first.

    Args:
        text: the text to search (any case; NFC or NFD).
        phrases: table keys (lower case, NFC).

    Returns:
        ``(phrase, start, end)`` triples; offsets are into the NFC, lower-cased text,
        which has the length of ``text`` for NFC input.
    """
    keys = tuple(sorted(phrases))
    if not keys:
        return []
    return [(m.group(0), m.start(), m.end()) for m in _pattern(keys).finditer(fold_case(text))]


def find_roles(text: str, language: str) -> list[tuple[str, str]]:
    """The offices written in ``text``: ``(phrase, English role)`` pairs, in order.

    Organisation words (``ORGANIZATION_WORDS`` where a table has them) are matched
    too, so "đại sứ quán" (an embassy) is not read as "đại sứ" (an ambassador).
    """
    mod = tables(language)
    orgs = getattr(mod, "ORGANIZATION_WORDS", {})
    found = find_phrases(text, [*mod.ROLES, *orgs])
    return [(p, mod.ROLES[p]) for p, _, _ in found if p in mod.ROLES and p not in orgs]


__all__ = ["LANGUAGES", "tables", "fold_case", "find_phrases", "find_roles"]
