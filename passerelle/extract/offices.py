"""Offices in running text: "Deputy Mayor", "Vietnamese Ambassador to France", "Mayor of X".

Recognises a role at a token position, the qualifier before it (nationality,
place, organisation, possessive) and the "of" phrase after it. Rules only; the
words come from ``lexicon_en``. Not a stable API: a helper of the entities step.
"""

from __future__ import annotations

from dataclasses import dataclass

from passerelle.extract import lexicon_en as lex
from passerelle.extract.tokens import Token, split_camel

_ACRONYM_ROLES = {"ceo", "cfo", "coo", "cto", "mp"}
_APOSTROPHES = {"'", "’"}
_PHRASE_PREFIXES = frozenset(
    " ".join(p.split()[:n]) for p in lex.ROLE_PHRASES for n in range(1, len(p.split()))
)
# Lower-cased first words a role can start with (a fast first check).
_FIRST_WORDS = frozenset(
    {p.split()[0] for p in lex.ROLE_PHRASES} | lex.ROLE_HEADS | lex.ROLE_MODIFIERS
)


@dataclass
class RoleHit:
    """A role word sequence at tokens ``[start, end)``."""

    start: int
    end: int
    role: str  # title-cased English role, e.g. "Deputy Mayor"

    @property
    def key(self) -> str:
        return self.role.lower()


def match_role(tokens: list[Token], i: int, *, need_cap: bool = True) -> RoleHit | None:
    """The longest role that starts at token ``i``.

    Args:
        tokens: the segment's tokens.
        i: where the role would start.
        need_cap: require the first word to be capitalised (names after a role are
            only trusted when the role is written as a title).

    Returns:
        The match, or ``None``.
    """
    if i >= len(tokens) or not tokens[i].is_word or (need_cap and not tokens[i].is_cap):
        return None
    if not could_start_role(tokens[i]):
        return None
    words: list[str] = []
    best: RoleHit | None = None
    for j in range(i, min(i + 7, len(tokens))):
        if tokens[j].text in _APOSTROPHES and words and words[-1] == "d":
            continue  # "Chargé d'affaires": the elided "de" joins the office
        if not tokens[j].is_word or tokens[j].is_acronym and tokens[j].lower not in _ACRONYM_ROLES:
            break
        words.extend(split_camel(tokens[j].text).lower().split())
        phrase = " ".join(words)
        if _is_role(words, phrase):
            best = RoleHit(i, j + 1, _display(words))
        elif not _could_grow(words, phrase):
            break
    if best is not None:
        best.end = _after_interim(tokens, best.end)
    return best


def _after_interim(tokens: list[Token], j: int) -> int:
    """Past "a.i." or "ad interim" after an office ("Chargé d'affaires a.i. X")."""
    texts = [t.text.lower() for t in tokens[j : j + 4]]
    if texts[:4] == ["a", ".", "i", "."]:
        return j + 4
    if texts[:3] == ["a", ".", "i"]:
        return j + 3
    return j + 2 if texts[:2] == ["ad", "interim"] else j


def could_start_role(token: Token) -> bool:
    """A cheap first test: can a role start with this token's word? (``match_role``
    returns ``None`` whenever this is false.)"""
    if token.lower in _FIRST_WORDS:
        return True
    words = split_camel(token.text).split()
    return bool(words) and words[0].lower() in _FIRST_WORDS


def _is_role(words: list[str], phrase: str) -> bool:
    if phrase in lex.ROLE_PHRASES:
        return True
    return words[-1] in lex.ROLE_HEADS and all(w in lex.ROLE_MODIFIERS for w in words[:-1])


def _could_grow(words: list[str], phrase: str) -> bool:
    return phrase in _PHRASE_PREFIXES or all(
        w in lex.ROLE_MODIFIERS or w in lex.ROLE_HEADS for w in words
    )


def _display(words: list[str]) -> str:
    if words[-2:] == ["d", "affaires"]:
        return " ".join(w.capitalize() for w in words[:-3] + [words[-3]]) + " d'Affaires"
    return " ".join(w.upper() if w in _ACRONYM_ROLES
                    else "-".join(p.capitalize() for p in w.split("-")) for w in words)


def is_role_word(token: Token) -> bool:
    """True when the token is a role head or modifier ("Mayor", "Deputy")."""
    w = token.lower
    return w in lex.ROLE_HEADS or w in lex.ROLE_MODIFIERS


def is_name_token(token: Token) -> bool:
    """Could this token be part of a personal name? Capitalised, not a role, not all caps."""
    if not token.is_word or not token.is_cap or token.is_acronym:
        return False
    low = token.lower.rstrip(".")
    if low in lex.HONORIFICS or low in lex.STOPWORDS or low in lex.ROLE_HEADS or low in lex.ROLE_MODIFIERS:
        return False
    if low in lex.NATIONALITIES or low in lex.ORG_TAIL_WORDS or low in lex.PLACE_GENERIC:
        return False
    if low in lex.PORTFOLIO_WORDS:
        return False
    return not any(ch.isdigit() for ch in token.text)


__all__ = ["RoleHit", "match_role", "could_start_role", "is_role_word", "is_name_token"]
