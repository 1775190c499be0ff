"""Titles stated apart from the name (English people, ``entities.en.v1``).

"the union, chaired by Jane Roe", "Mayor X, who is also President of Y", "... as the
City People's Committee Chairman": each adds a title to a person ``people.find_people``
already found (or, for "chaired by", a person with that title). Called by
``people.find_people``; not a stable API.
"""

from __future__ import annotations

from passerelle.extract import lexicon_en as lex
from passerelle.extract.offices import RoleHit, match_role
from passerelle.extract.people import (
    _MAX_NAME,
    PersonMention,
    SegmentPeople,
    _Ctx,
    _is_cap,
    _name_tok,
    _nearest_before,
    _role_chain,
    _sentence_start,
    _token_index_after,
)
from passerelle.extract.titles import Qualifier, RawTitle, is_place_span, make_title, read_qualifier

__all__ = ["chaired_by", "who_is_also", "in_capacity"]


_CHAIRED = {"chaired": "Chair", "headed": "Head", "presided": "President"}


def chaired_by(ctx: _Ctx, out: SegmentPeople) -> None:
    """"the union, chaired by Jane Roe": Jane Roe holds the chair of what comes before."""
    for i, t in enumerate(ctx.tokens[:-2]):
        if t.lower not in _CHAIRED or ctx.low(i + 1) != "by" or ctx.low(i - 1) != ",":
            continue
        a = b = i + 2
        while b < len(ctx.tokens) and b - a < _MAX_NAME and _name_tok(ctx, b):
            b += 1
        if b - a < 2 or is_place_span(ctx, a, b):
            continue
        title = RawTitle(_CHAIRED[t.lower], anaphor_pos=ctx.tokens[i].start)
        out.mentions.append(PersonMention(ctx.span_text(a, b), ctx.segment, ctx.tokens[a].start,
                                          ctx.tokens[b - 1].end, [title], None, rank=1))


def who_is_also(ctx: _Ctx, out: SegmentPeople) -> None:
    """"Mayor Robert Ménard, who is also President of X": one more title."""
    for m in out.mentions:
        b = _token_index_after(ctx, m.end)
        if b is None or ctx.tokens[b].text != "," or ctx.low(b + 1) != "who":
            continue
        r = b + 2
        while ctx.low(r) in ("is", "was", "also", "the", "currently", "now"):
            r += 1
        hit = match_role(ctx.tokens, r, need_cap=False)
        if hit is not None:
            chain, _ = _role_chain(ctx, hit)
            m.titles.extend(make_title(ctx, role, span, Qualifier(pos=ctx.tokens[r].start))
                            for role, span in chain)


def in_capacity(ctx: _Ctx, out: SegmentPeople) -> None:
    """"... as the City People's Committee Chairman", "in his capacity as French Prime
    Minister": a title for the person named right after, else the last one before."""
    for i, t in enumerate(ctx.tokens):
        if t.lower != "as" or ctx.low(i - 1) in ("such", "well", "so"):
            continue
        r = i + 1 + (ctx.low(i + 1) == "the")
        hit, q = _role_after_qualifier(ctx, r)
        if hit is None or _is_cap(ctx, hit.end) or ctx.low(hit.end) == "of":
            continue
        owner = _person_after(out.mentions, ctx, hit.end) or _nearest_before(
            out.mentions, ctx.segment, t.start, _sentence_start(ctx, i))
        if owner is not None:
            owner.titles.append(make_title(ctx, hit, None, q))


def _role_after_qualifier(ctx: _Ctx, r: int) -> tuple[RoleHit | None, Qualifier]:
    """A capitalised role within four capitalised words after ``r``, with its qualifier."""
    for x in range(r, min(r + 5, len(ctx.tokens))):
        hit = match_role(ctx.tokens, x)
        if hit is not None:
            return hit, read_qualifier(ctx, x) if x > r else Qualifier(pos=ctx.tokens[x].start)
        if not (ctx.tokens[x].is_cap or ctx.tokens[x].is_possessive):
            break
    return None, Qualifier()


def _person_after(mentions: list[PersonMention], ctx: _Ctx, j: int) -> PersonMention | None:
    if ctx.low(j) != ",":
        return None
    k = j + 1 + (ctx.low(j + 1).rstrip(".") in lex.HONORIFICS)
    start = ctx.tokens[k].start if k < len(ctx.tokens) else -1
    return next((m for m in mentions if m.start == start and m.full), None)
