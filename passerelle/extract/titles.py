"""Offices as written around a person's name: the words before a role and its "of".

``make_title`` turns a matched role (:func:`passerelle.extract.offices.match_role`),
what stands right before it (a nationality, a possessive, a place or an organisation:
``read_qualifier``) and its "of" phrase into a :class:`RawTitle`: "Vietnamese
Ambassador" gives the country, "Minister of Foreign Affairs" keeps the portfolio in the
role, "the company's Director" leaves an anaphor to resolve later. Split out of
:mod:`passerelle.extract.people`, which finds the names; not a stable API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from passerelle.extract import lexicon_en as lex
from passerelle.extract.offices import RoleHit
from passerelle.extract.organizations import org_kind
from passerelle.extract.placenames import (
    country_display_name,
    country_of_demonym,
    place_info,
)
from passerelle.extract.tokens import Token

_POSSESSIVE_ANAPHORS = {"its", "his", "her", "their"}


@dataclass
class RawTitle:
    """An office as written, before ``of`` is resolved to a name."""

    role: str
    of: str | None = None  # text of the place/organisation/country, as written
    anaphor: str | None = None  # "company", "agency", "its", "region"... to resolve later
    anaphor_pos: int = 0  # character offset of the anaphor, to look back from
    country: str | None = None  # set by a nationality ("Vietnamese Ambassador")
    org_like: bool = False  # ``of`` is no place: probably an organisation
    segment: str = "body"  # where the anaphor is (set when merged)


@dataclass
class SegmentTokens:
    """The tokens of one segment, with the lookups the people rules make."""

    segment: str
    text: str
    tokens: list[Token]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]

    def span_text(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].start : self.tokens[b - 1].end] if b > a else ""

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def low(self, i: int) -> str:
        t = self.tok(i)
        return t.lower if t else ""


def is_place_span(ctx: SegmentTokens, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` name a known place."""
    return place_info(ctx.span_text(a, b)) is not None


@dataclass
class Qualifier:
    """What stands right before a role."""

    text: str | None = None  # "Saintes", "Vietjet", "Việt Nam"
    country: str | None = None  # from a nationality
    anaphor: str | None = None  # "company", "its"
    pos: int = 0


def read_qualifier(ctx: SegmentTokens, i: int) -> Qualifier:
    """What stands right before a role: nationality, possessive, place or organisation."""
    pos = ctx.tokens[i].start if i < len(ctx.tokens) else 0
    prev = ctx.tok(i - 1)
    if prev is None or not (prev.is_word or prev.is_possessive):
        return Qualifier(pos=pos)
    if prev.lower in _POSSESSIVE_ANAPHORS:
        return Qualifier(anaphor="its", pos=pos)
    if prev.is_possessive:
        return _possessive_qualifier(ctx, i - 1, pos)
    nat = country_of_demonym(prev.text) if prev.is_cap else None
    if nat:
        return Qualifier(country=nat, pos=pos)
    if prev.lower in lex.LEVEL_ADJECTIVES:  # "Departmental Councillor": no "of"
        return Qualifier(pos=pos)
    p = _prefix_start(ctx, i)
    return Qualifier(text=ctx.span_text(p, i) or None, pos=pos)


def _prefix_start(ctx: SegmentTokens, i: int) -> int:
    """Start of the capitalised words (possessives allowed inside) that end at ``i``."""
    p = i
    while p > 0 and i - p < 6:
        if prefix_token(ctx, p - 1):
            p -= 1
        elif ctx.tokens[p - 1].is_possessive and p >= 2 and prefix_token(ctx, p - 2) and p < i:
            p -= 1
        else:
            break
    return p


def prefix_token(ctx: SegmentTokens, p: int) -> bool:
    """Whether token ``p`` is a capitalised word that is no function word."""
    t = ctx.tokens[p]
    return t.is_word and t.is_cap and t.lower not in lex.FUNCTION_WORDS


def _possessive_qualifier(ctx: SegmentTokens, ps: int, pos: int) -> Qualifier:
    owner = ctx.tok(ps - 1)
    if owner is None:
        return Qualifier(pos=pos)
    if not owner.is_cap and owner.lower in lex.ANAPHORIC_ORG_NOUNS | lex.ANAPHORIC_PLACE_NOUNS:
        return Qualifier(anaphor=owner.lower, pos=pos)
    p = _prefix_start(ctx, ps)
    return Qualifier(text=ctx.span_text(p, ps) or None, pos=pos)


def make_title(
    ctx: SegmentTokens, hit: RoleHit, of_span: tuple[int, int] | None, q: Qualifier
) -> RawTitle:
    """The office of ``hit``, qualified by ``q`` and by the "of" phrase at ``of_span``."""
    role = hit.role
    t = RawTitle(role, anaphor_pos=q.pos)
    if of_span is not None:
        of_text = ctx.span_text(*of_span)
        if _portfolio(ctx, hit, of_span, of_text) and hit.key in lex.MINISTER_ROLES:
            t.of, t.org_like = f"Ministry of {of_text}", True
        elif _portfolio(ctx, hit, of_span, of_text):
            t.role = f"{role} of {of_text}"
        else:
            _set_of(t, of_text, ctx.low(of_span[0]) == "the")
    if t.of is None and not t.anaphor:
        _apply_qualifier(t, q)
    elif hit.key in lex.DIPLOMATIC_ROLES and q.country:
        t.country = q.country
        t.of = country_display_name(q.country)
    if q.country and t.country is None:
        t.country = q.country
    return t


def _portfolio(ctx: SegmentTokens, hit: RoleHit, of_span: tuple[int, int], of_text: str) -> bool:
    """"Minister of Foreign Affairs", "Head of International": the "of" names a portfolio
    (no place, no organisation), which belongs in the role."""
    if hit.key not in lex.ROLE_WITH_DEPARTMENT or of_span[1] - of_span[0] > 4:
        return False
    if ctx.low(of_span[0]) == "the" or is_place_span(ctx, *of_span):
        return False
    return org_kind(of_text) is None and not any(
        place_info(ctx.tokens[x].text) for x in range(*of_span) if ctx.tokens[x].is_cap
    )


# "the provincial People's Committee": a body of the province (city) the text named
# before; the anaphor "provincial|People's Committee" is resolved to "X People's Committee".
LEVEL_BODY_ADJECTIVES = frozenset({"provincial", "municipal", "city"})
_LEVEL_PLACE_NOUN = {"provincial": "province", "municipal": "city", "city": "city"}


def level_body_anaphor(words: list[str]) -> str | None:
    """``"province|People's Committee"`` for "the provincial People's Committee", else None."""
    if len(words) < 3 or words[0].lower() != "the" or words[1] not in LEVEL_BODY_ADJECTIVES:
        return None
    body = " ".join(words[2:])
    if org_kind(body) != "government" or not all(w[:1].isupper() for w in words[2:]):
        return None
    return f"{_LEVEL_PLACE_NOUN[words[1]]}|{body}"


def _set_of(t: RawTitle, of_text: str, starts_with_the: bool) -> None:
    words = of_text.split()
    level = level_body_anaphor(words)
    if level is not None:
        t.anaphor = level
        return
    if starts_with_the and len(words) == 2 and words[1].lower() in (
        lex.ANAPHORIC_ORG_NOUNS | lex.ANAPHORIC_PLACE_NOUNS
    ):
        t.anaphor = words[1].lower()
        return
    t.of = clean_of(of_text)
    t.org_like = place_info(t.of) is None


def clean_of(text: str) -> str:
    """Tidy an "of" phrase: no leading "the", no trailing "city" after a place, no "X's Y"."""
    text = re.sub(r"\s*\([A-Z][A-Z0-9&-]+\)", "", text)
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    out = " ".join(words)
    for sep in ("’s ", "'s "):
        head, _, tail = out.partition(sep)
        if tail and place_info(tail) and place_info(head):
            out = tail
    # "Consul General of France in Ho Chi Minh City": the state, not where it sits
    head, _, tail = out.partition(" in ")
    if tail and place_info(head) and place_info(tail.split(" City")[0]):
        out = head
    words = out.split()
    if len(words) > 1 and words[-1].lower() in lex.PLACE_GENERIC and any(
        place_info(" ".join(words[-1 - n : -1])) for n in range(1, min(4, len(words)))
    ):
        out = " ".join(words[:-1])
    return out


def _apply_qualifier(t: RawTitle, q: Qualifier) -> None:
    if q.country:
        t.country = q.country
        t.of = country_display_name(q.country)
    elif q.anaphor:
        t.anaphor = q.anaphor
    elif q.text:
        t.of = clean_of(q.text)
        t.org_like = place_info(t.of) is None and country_of_demonym(t.of) is None
