"""People and their offices in one segment of English text.

Four ways a person is named, tried in this order (an earlier one wins where two
overlap):

1. after an office: "Mayor of Béziers Robert Ménard", "Vietnamese Ambassador to
   France Dinh Toan Thang", "General Secretary and President To Lam";
2. before an office, in apposition: "Hugues Moutouh, Governor of Herault",
   "Frédéric Cristini, the company's Commercial Director";
3. after an honorific: "Mr. Michel Morvan";
4. spaCy's PERSON entities of two to four name-like words that are no place.

A lone surname ("Ambassador Thang", "Thang") and an office without a name ("the
Vietnamese Ambassador") are kept as partial mentions for ``coref`` to attach to a
full name. Titles stated apart from the name ("who is also", "as the X", "chaired
by") are added by ``people_extra``. Not a stable API: a helper of the entities step.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from passerelle.extract import lexicon_en as lex
from passerelle.extract.nlp import EntitySpan
from passerelle.extract.offices import RoleHit, could_start_role, is_name_token, match_role
from passerelle.extract.placenames import cued_place_info, place_info, site_noun_after
from passerelle.extract.titles import (
    LEVEL_BODY_ADJECTIVES,
    Qualifier,
    RawTitle,
    SegmentTokens,
    clean_of,
    is_place_span,
    make_title,
    prefix_token,
    read_qualifier,
)
from passerelle.extract.tokens import Token, fold

_MAX_NAME = 4
# A city name glued before a personal name ("Béziers Robert Ménard") is cut off only
# when the city is this big or the name is a region/province/country: small towns share
# names with surnames (tuned on the dev set: Saintes 29k is cut, "Tran" is not).
_STRONG_CITY = 15_000
# Vietnamese given names that are also English function words ("Nguyen Van An").
_SHORT_GIVEN_NAMES = {"an", "ha", "to", "do", "my", "le", "la"}
_PARTICLES = {"de", "du", "von", "van", "der", "den", "da", "di", "del", "della", "le", "la", "bin"}
_CREDIT_WORDS = {"photo", "photos", "source", "by", "reporter", "photographer", "credit"}
_FACILITY_WORDS = frozenset(
    """museum theatre theater office port park street square bridge hospital pagoda temple
    stadium hall airport station tower market school university gifted terminal terminals
    wharf pier zone port ports river rivers province district commune ward""".split()
)


# Unions of word lists, made once (the "of" phrase reader asks them for every token).
_CONNECTORS_THE = lex.NAME_CONNECTORS | {"the"}
_ANAPHORIC_NOUNS = lex.ANAPHORIC_PLACE_NOUNS | lex.ANAPHORIC_ORG_NOUNS
_GENERIC_OR_TAIL = lex.PLACE_GENERIC | lex.ORG_TAIL_WORDS


@dataclass
class PersonMention:
    """One place in a segment where a person is named."""

    name: str
    segment: str
    start: int
    end: int
    titles: list[RawTitle] = field(default_factory=list)
    surface: str | None = None  # "Ambassador Thang": the role-and-name form, as written
    rank: int = 0  # which rule found it (lower wins overlaps)

    @property
    def full(self) -> bool:
        """Two words or more: a full name rather than a surname."""
        return len(self.name.split()) >= 2


@dataclass
class RoleMention:
    """An office named without a person ("the Vietnamese Ambassador")."""

    title: RawTitle
    segment: str
    start: int
    end: int
    text: str
    qualified: bool  # has a nationality or an "of": specific enough to be an alias


@dataclass
class SegmentPeople:
    """What ``find_people`` returns for one segment."""

    mentions: list[PersonMention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)


# The segment's tokens and their lookups; the short name is used in every rule below.
_Ctx = SegmentTokens


def find_people(
    segment: str, text: str, tokens: list[Token], ents: list[EntitySpan]
) -> SegmentPeople:
    """Find people, offices and their qualifiers in one segment.

    Args:
        segment: ``"body"`` or ``"caption:N"``.
        text: the segment's text.
        tokens: ``tokenize(text)``.
        ents: spaCy's entities of the segment.

    Returns:
        Person mentions (full names and lone surnames) and office-only mentions.
    """
    out = SegmentPeople()
    ctx = _Ctx(segment, text, tokens)
    _role_led(ctx, out)
    _appositions(ctx, out)
    _honorifics(ctx, out)
    if ents:
        _spacy_people(ctx, ents, out)
    from passerelle.extract import people_extra  # noqa: PLC0415  (it imports this module)

    people_extra.who_is_also(ctx, out)
    people_extra.in_capacity(ctx, out)
    people_extra.chaired_by(ctx, out)
    out.mentions = _drop_overlaps(out.mentions)
    return out


# ---------------------------------------------------------------- 1. role-led names


def _role_led(ctx: _Ctx, out: SegmentPeople) -> None:
    i = 0
    while i < len(ctx.tokens):
        if not (ctx.tokens[i].is_word and could_start_role(ctx.tokens[i])):  # the common case
            i += 1
            continue
        hit = match_role(ctx.tokens, i, need_cap=not _after_the(ctx, i)) \
            or _lower_role_after_name(ctx, i) or _bare_lower_role(ctx, i)
        if hit is None:
            i += 1
            continue
        i = _read_role_led(ctx, hit, out)


def _name_after_comma(ctx: _Ctx, j: int) -> tuple[int, int] | None:
    """"its director, Jane Roe.": a two- to four-word name set off by commas after a
    lower-case office."""
    if ctx.low(j) != ",":
        return None
    a = j + 1
    if ctx.low(a).rstrip(".") in lex.HONORIFICS:
        a += 1  # "its director, Dr Jane Roe"
        a += ctx.low(a) == "."
    second = match_role(ctx.tokens, a, need_cap=False) if a < len(ctx.tokens) else None
    if second is not None and not ctx.tokens[a].is_cap:
        a = second.end  # "its president, deputy Jane Roe": a second office, then the name
    b = a
    while b < len(ctx.tokens) and b - a < _MAX_NAME and _name_tok(ctx, b):
        b += 1
    end = ctx.tok(b)
    if not 2 <= b - a <= _MAX_NAME or (end is not None and end.text not in ",.;"):
        return None
    return None if is_place_span(ctx, a, b) else (a, b)


def _lower_portfolio(ctx: _Ctx, j: int) -> int:
    """End of a lower-case portfolio after an office ("its vice president | for
    international affairs | , Jane Roe"), or ``j`` when none is there."""
    if ctx.low(j) != "for":
        return j
    x = j + 1
    while ctx.low(x) in lex.PORTFOLIO_WORDS and not ctx.tokens[x].is_cap or (
            ctx.low(x) in ("and", "&") and x > j + 1 and ctx.low(x + 1) in lex.PORTFOLIO_WORDS):
        x += 1
    return x if x > j + 1 else j


def _lower_role_after_name(ctx: _Ctx, i: int) -> RoleHit | None:
    """"Acme chief executive Jane Roe": a lower-case office between a capitalised name
    (its organisation) and a personal name of two words or more."""
    prev = ctx.tok(i - 1)
    if prev is None or ctx.tokens[i].is_cap or not prefix_token(ctx, i - 1) \
            or i < 2 or not ctx.tokens[i - 2].is_word:
        return None
    hit = match_role(ctx.tokens, i, need_cap=False)
    if hit is None or not (_name_tok(ctx, hit.end) and _name_tok(ctx, hit.end + 1)):
        return None
    return hit


def _bare_lower_role(ctx: _Ctx, i: int) -> RoleHit | None:
    """"where rector Jane Roe presented": a lower-case office after a lower-case word and
    right before a personal name of two words or more."""
    prev = ctx.tok(i - 1)
    if prev is None or ctx.tokens[i].is_cap or not prev.is_word or prev.is_cap:
        return None
    hit = match_role(ctx.tokens, i, need_cap=False)
    if hit is None or not (_name_tok(ctx, hit.end) and _name_tok(ctx, hit.end + 1)) \
            or ctx.low(hit.end) in lex.STOPWORDS:
        return None
    return hit


_DETERMINERS = frozenset({"the", "whose", "its", "their", "our", "his", "her", "your"})


def _determined(ctx: _Ctx, i: int) -> bool:
    """A capitalised office after a determiner or a possessive ("whose Secretary-General,
    Jane Roe,"; "the Vice Chairman of X, Jane Roe"): a name set off by commas may follow."""
    if ctx.low(i - 1) == "own":  # "our own Secretary-General"
        i -= 1
    prev = ctx.tok(i - 1)
    return prev is not None and (prev.lower in _DETERMINERS or prev.is_possessive)


def _after_the(ctx: _Ctx, i: int) -> bool:
    """A lower-case role counts after "the" or a nationality ("the Vietnamese ambassador")."""
    prev = ctx.low(i - 1)
    if prev == "and" and ctx.low(i + 1) == "of" or prev in ("its", "their"):
        return True
    if i >= 2 and ctx.tokens[i - 1].is_possessive and ctx.low(i + 1) == ",":
        return place_info(ctx.tokens[i - 2].text) is not None  # "Lyon's mayor, Jane Roe"
    if prev in _LOWER_ORG_HEADS and ctx.low(i - 2) == "the" and ctx.low(i + 1) == ",":
        return True  # "the hospital director, Dr Jane Roe,"
    return prev == "the" or (prev in lex.NATIONALITIES and ctx.low(i - 2) == "the")


def _read_role_led(ctx: _Ctx, hit: RoleHit, out: SegmentPeople) -> int:
    """Read "[qualifier] ROLE [of X] [and ROLE [of Y]] [NAME]"; return where to go on."""
    before = read_qualifier(ctx, hit.start)
    chain, j = _role_chain(ctx, hit)
    j = _in_charge_of(ctx, j)
    j = _past_rank(ctx, j)
    name_span, chain = _name_after(ctx, chain, j)
    if name_span is None and (not ctx.tokens[hit.start].is_cap or _determined(ctx, hit.start)):
        name_span = _name_after_comma(ctx, j) or _name_after_comma(ctx, _lower_portfolio(ctx, j))
    titles = [make_title(ctx, role, of_span, before) for role, of_span in chain]
    if name_span is None:
        _role_only(ctx, hit, titles, before, j, out)
        return max(j, hit.end)
    a, b = name_span
    name = ctx.span_text(a, b)
    surface = ctx.span_text(hit.start, b) if b - a == 1 else None
    out.mentions.append(PersonMention(
        name, ctx.segment, ctx.tokens[a].start, ctx.tokens[b - 1].end, titles, surface, rank=0))
    return b


# Lower-case heads that go on a capitalised name ("the Valence Romans Agglo tourism
# office"): the capitalised words before them name a body, not a person.
_LOWER_ORG_HEADS = frozenset({"office", "agency", "board", "company", "hospital", "school",
                              "association", "council", "committee", "centre", "center"})


# Military ranks of two words before a name ("Major General Jane Roe").
_RANK_FIRST = frozenset({"brigadier", "major", "lieutenant", "rear", "vice", "senior"})
_RANK_HEADS = frozenset({"general", "admiral", "colonel"})


def rank_end(ctx: _Ctx, i: int) -> int:
    """End of a two-word military rank at ``i`` ("Major General"), or ``i``."""
    if _is_cap(ctx, i) and ctx.low(i) in _RANK_FIRST and _is_cap(ctx, i + 1) \
            and ctx.low(i + 1) in _RANK_HEADS:
        return i + 2
    return i


def _past_rank(ctx: _Ctx, j: int) -> int:
    """Skip a rank between an office and the name ("Commander of X Major General Jane Roe")."""
    r = rank_end(ctx, j)
    return r if r > j and _name_tok(ctx, r) and _name_tok(ctx, r + 1) else j


def _lower_org_head(ctx: _Ctx, j: int) -> bool:
    """A lower-case organisation head within two words after ``j``."""
    return any(ctx.tok(x) is not None and not ctx.tokens[x].is_cap
               and ctx.low(x) in _LOWER_ORG_HEADS for x in (j, j + 1)) \
        and ctx.tok(j) is not None and ctx.tokens[j].is_word and not ctx.tokens[j].is_cap


def _in_charge_of(ctx: _Ctx, j: int) -> int:
    """Skip "in charge of international relations" between an office and the name."""
    if (ctx.low(j), ctx.low(j + 1), ctx.low(j + 2)) != ("in", "charge", "of"):
        return j
    x = j + 3
    while x < len(ctx.tokens) and x - j < 9 and ctx.tokens[x].is_word \
            and not ctx.tokens[x].is_cap:
        x += 1
    return x if _name_tok(ctx, x) and _name_tok(ctx, x + 1) else j


def _role_chain(ctx: _Ctx, hit: RoleHit) -> tuple[list[tuple[RoleHit, tuple[int, int] | None]], int]:
    """Roles joined by "and", each with its "of" phrase span (if any)."""
    chain: list[tuple[RoleHit, tuple[int, int] | None]] = []
    cur, j = hit, hit.end
    while True:
        of_span = None
        j = _portfolio_before_of(ctx, j)
        if ctx.low(j) == "to" and cur.key in lex.DIPLOMATIC_ROLES:
            j = _skip_place(ctx, j + 1)
        elif ctx.low(j) == "in" and cur.key in lex.DIPLOMATIC_ROLES:
            j = _skip_post(ctx, j)
        if ctx.low(j) == "of" or (ctx.low(j) == "the" and _is_cap(ctx, j + 1)):
            start = j + 1 if ctx.low(j) == "of" else j
            end = _of_run(ctx, start)
            if end > start:
                of_span, j = (start, end), end
            if ctx.low(j) == "to" and cur.key in lex.DIPLOMATIC_ROLES and of_span is not None:
                j = _skip_place(ctx, j + 1)
                chain.append((cur, of_span))
                return chain, j
        if of_span is None and ctx.low(j) == "for":
            j = _skip_portfolio(ctx, j + 1)
        chain.append((cur, of_span))
        if of_span is not None and _split_tail(ctx, *of_span) is not None:
            return chain, j
        nxt = match_role(ctx.tokens, j + 1, need_cap=False) if ctx.low(j) == "and" else None
        if nxt is None:
            return chain, j
        cur, j = nxt, nxt.end


def _portfolio_before_of(ctx: _Ctx, j: int) -> int:
    """"Alderman for Culture of Namur": skip "for Culture" so that "of" is read."""
    if ctx.low(j) != "for":
        return j
    x = j + 1
    while _is_cap(ctx, x) and ctx.low(x) in lex.PORTFOLIO_WORDS or (
            ctx.low(x) in ("and", "&") and x > j + 1 and ctx.low(x + 1) in lex.PORTFOLIO_WORDS):
        x += 1
    return x if x > j + 1 and ctx.low(x) == "of" else j


def _skip_portfolio(ctx: _Ctx, k: int) -> int:
    """"Minister for Development Cooperation Jane Roe": skip the portfolio (it stays out
    of the title) up to the name glued after it; ``k - 1`` when no name follows."""
    x = k
    while _is_cap(ctx, x) and ctx.low(x) in lex.PORTFOLIO_WORDS or (
            ctx.low(x) in ("and", "&") and x > k and ctx.low(x + 1) in lex.PORTFOLIO_WORDS):
        x += 1
    return x if x > k and _name_tok(ctx, x) and _name_tok(ctx, x + 1) else k - 1


def _is_cap(ctx: _Ctx, i: int) -> bool:
    t = ctx.tok(i)
    return bool(t and t.is_word and t.is_cap)


def _skip_post(ctx: _Ctx, j: int) -> int:
    """"Consul General in Lyon Jane Roe": skip "in" and the city of the post when a name
    follows it; ``j`` otherwise."""
    x = _skip_place(ctx, j + 1)
    if x > j + 1 and ctx.low(x) in ("city", "province") and _is_cap(ctx, x):
        x += 1
    return x if x > j + 1 and _name_tok(ctx, x) and _name_tok(ctx, x + 1) else j


def _skip_place(ctx: _Ctx, j: int) -> int:
    """Skip the destination of "Ambassador to France": the longest place name there."""
    for m in range(4, 0, -1):
        if all(_is_cap(ctx, x) for x in range(j, j + m)) and is_place_span(ctx, j, j + m):
            return j + m
    return j


def _of_run(ctx: _Ctx, k: int) -> int:
    """End of an "of" phrase: capitalised words, connectors, "(ABC)", "city"."""
    j = k
    if ctx.low(j) == "the":
        j += 1
        t = ctx.tok(j)
        if t and not t.is_cap and t.lower in LEVEL_BODY_ADJECTIVES and _is_cap(ctx, j + 1):
            j += 1  # "the provincial People's Committee": the body of a place said before
        elif t and not t.is_cap and t.lower in _ANAPHORIC_NOUNS:
            return j + 1
    while j < len(ctx.tokens):
        t = ctx.tokens[j]
        if t.is_word and t.is_cap:
            if j > k and match_role(ctx.tokens, j) and ctx.low(j - 1) in ("and", ","):
                break
            if j > k and _past_rank(ctx, j) > j:
                break  # "of Military Region 9 | Major General Jane Roe"
            j += 1
        elif t.lower == "de" and ctx.low(j + 1) in ("la", "le") \
                and _is_cap(ctx, j + 2) and ctx.low(j + 2) not in lex.DATE_WORDS:
            j += 2  # "Pays de la Loire"
        elif t.is_possessive or (t.lower in _CONNECTORS_THE and _is_cap(ctx, j + 1)
                                 and ctx.low(j + 1) not in lex.DATE_WORDS):
            if t.lower == "and" and (match_role(ctx.tokens, j + 1, need_cap=False)
                                     or _place_and_person(ctx, k, j)
                                     or _person_and_office(ctx, k, j)):
                break
            j += 1
        elif t.text == "(" and ctx.low(j + 2) == ")" and ctx.tokens[j + 1].is_acronym:
            j += 3
        elif t.text.isdigit() and len(t.text) <= 2 and j > k and _is_cap(ctx, j - 1):
            j += 1  # "Military Region 9"
        elif t.is_word and j > k and t.lower in _GENERIC_OR_TAIL:
            j += 1
        elif j > k and t.lower in lex.ORG_INNER_LEVELS and _is_cap(ctx, j + 1):
            j += 1  # "of the Ninh Binh provincial People's Committee"
        elif t.text in "-–" and j > k and _is_cap(ctx, j + 1) and _spaced(ctx, j):
            j += 1
        else:
            break
    while j > k and (ctx.low(j - 1) in _CONNECTORS_THE or ctx.tokens[j - 1].is_possessive):
        j -= 1
    return j


def _place_and_person(ctx: _Ctx, k: int, j: int) -> bool:
    """ "Mayor of Bühl Hubert Schnurr and X": the "of" phrase ends with a person, so
    the "and" joins two people, not two words of one name."""
    split = _split_tail(ctx, k, j)
    return split is not None and split[0] > k and is_place_span(ctx, k, split[0])


def _person_and_office(ctx: _Ctx, k: int, j: int) -> bool:
    """ "Chairman of the X Committee Jane Roe and Osaka Vice Governor John Doe": the
    phrase before "and" ends with a name and a capitalised office follows after one or
    two place words, so the "and" joins two people."""
    if _split_tail(ctx, k, j) is None:
        return False
    for r in (j + 2, j + 3):
        if all(_is_cap(ctx, x) for x in range(j + 1, r)) and is_place_span(ctx, j + 1, r):
            hit = match_role(ctx.tokens, r)
            if hit is not None:
                return True
    return False


def _spaced(ctx: _Ctx, j: int) -> bool:
    """A dash with spaces around it inside a name ("Vietnam - Loire-Atlantique ...")."""
    t = ctx.tokens[j]
    return ctx.text[t.start - 1 : t.start] == " " and ctx.text[t.end : t.end + 1] == " "


def _name_after(
    ctx: _Ctx, chain: list[tuple[RoleHit, tuple[int, int] | None]], j: int
) -> tuple[tuple[int, int] | None, list[tuple[RoleHit, tuple[int, int] | None]]]:
    """The name that follows the chain: the tail of the last "of" phrase, or the next words."""
    role, of_span = chain[-1]
    if of_span is not None and of_span[1] == j and not _anaphoric_of(ctx, *of_span):
        split = None if _lower_org_head(ctx, j) else _split_tail(ctx, *of_span)
        if split is None:
            return None, chain
        k, b = split
        chain[-1] = (role, (of_span[0], k) if k > of_span[0] else None)
        return (k, b), chain
    b = j
    while b < len(ctx.tokens) and b - j < _MAX_NAME and _name_tok(ctx, b):
        b += 1
    if b == j or is_name_token(ctx.tok(b) or Token("", 0, 0)):
        return None, chain
    if is_place_span(ctx, j, b) and not _vietnamese_name(ctx, j, b):
        return None, chain
    if b - j >= 2 and _place_prefix(ctx, j, b) > j:
        return None, chain
    return (j, b), chain


def _name_tok(ctx: _Ctx, i: int) -> bool:
    """A name word; also a Vietnamese family name that is an English word ("To Lam"),
    and a lower-case particle between name words ("Ursula von der Leyen")."""
    t = ctx.tokens[i]
    if is_name_token(t):
        return True
    if t.is_cap and t.lower in lex.STOPWORDS and 0 < i and t.lower not in lex.HONORIFICS \
            and is_name_token(ctx.tokens[i - 1]) and not match_role(ctx.tokens, i - 1) \
            and t.lower in _SHORT_GIVEN_NAMES:
        return True
    if t.text in _PARTICLES and 0 < i < len(ctx.tokens) - 1:
        nxt = ctx.tokens[i + 1]
        prev_ok = is_name_token(ctx.tokens[i - 1]) or ctx.tokens[i - 1].text in _PARTICLES
        return prev_ok and (is_name_token(nxt) or nxt.text in _PARTICLES)
    if not (t.is_cap and t.lower in lex.VIETNAMESE_SURNAMES) or i == 0:
        return False
    nxt = ctx.tok(i + 1)
    return ctx.tokens[i - 1].text not in ".!?:" and nxt is not None and is_name_token(nxt)


def _vietnamese_name(ctx: _Ctx, a: int, b: int) -> bool:
    """Three or four words starting with a Vietnamese family name ("President Ho Chi Minh"):
    a person after an office even when a place bears the same name."""
    return 3 <= b - a <= 4 and fold(ctx.tokens[a].text) in lex.VIETNAMESE_SURNAMES


def _anaphoric_of(ctx: _Ctx, a: int, b: int) -> bool:
    """ "of the region": a lower-case noun that refers back to a place or organisation."""
    return b - a == 2 and ctx.low(a) == "the" and not ctx.tokens[a + 1].is_cap


def _split_tail(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """Cut the person's name off the end of an "of" phrase ("Béziers Robert Ménard")."""
    k = b
    while k > a and b - k < _MAX_NAME and _name_tok(ctx, k - 1):
        k -= 1
    k = _place_prefix(ctx, k, b)
    k = _past_split_place(ctx, a, k, b)
    if k == a and b - a >= 3:
        k = _known_place_prefix(ctx, a, b)  # "Le Havre Sophie Lemaire": "Le" is no surname
    if b - k < 2 or k == a or is_place_span(ctx, k, b):
        return None
    return k, b


def _past_split_place(ctx: _Ctx, a: int, k: int, b: int) -> int:
    """ "University of Da Nang Le Van Tam": a place begun before ``k`` ends inside the
    name ("Da | Nang"); the name starts after it when two words or more remain."""
    for m in (1, 2):
        if b - (k + m) < 2:
            break
        if any(is_place_span(ctx, s, k + m) for s in range(max(a, k - 2), k)):
            return k + m
    return k


def _known_place_prefix(ctx: _Ctx, a: int, b: int) -> int:
    """End of the longest known place at the start of ``[a, b)`` that leaves two words."""
    for m in range(min(3, b - a - 2), 0, -1):
        if is_place_span(ctx, a, a + m):
            return a + m
    return a


def _place_prefix(ctx: _Ctx, k: int, b: int) -> int:
    """Skip place names at the start of tokens ``[k, b)``, keeping two for the name."""
    if k >= b or fold(ctx.tokens[k].text) in lex.VIETNAMESE_SURNAMES and b - k <= 4:
        return k
    for m in range(min(3, b - k - 2), 0, -1):
        info = place_info(ctx.span_text(k, k + m))
        if info and (info.kind != "city" or info.population >= _STRONG_CITY):
            return k + m
    return k


def _role_only(
    ctx: _Ctx, hit: RoleHit, titles: list[RawTitle], q: Qualifier, j: int, out: SegmentPeople
) -> None:
    if len(titles) != 1:
        return
    start = ctx.tokens[hit.start - 1].start if q.country else ctx.tokens[hit.start].start
    end = ctx.tokens[max(j, hit.end) - 1].end
    qualified = bool(q.country or titles[0].of) and not titles[0].org_like
    out.roles.append(RoleMention(titles[0], ctx.segment, start, end, ctx.text[start:end], qualified))


# ---------------------------------------------------------------- 2. appositions


def _appositions(ctx: _Ctx, out: SegmentPeople) -> None:
    for c, t in enumerate(ctx.tokens):
        if t.text not in (",", "–", "—") and not (t.text == "-" and _spaced(ctx, c)):
            continue
        span = _name_before(ctx, c)
        if span is None:
            continue
        titles = _titles_after_comma(ctx, c + 1)
        if titles:
            a, b = span
            out.mentions.append(PersonMention(
                ctx.span_text(a, b), ctx.segment, ctx.tokens[a].start, ctx.tokens[b - 1].end,
                titles, rank=1))


def _name_before(ctx: _Ctx, c: int) -> tuple[int, int] | None:
    k = c
    while k > 0 and c - k < _MAX_NAME and _name_tok(ctx, k - 1):
        k -= 1
    honorific = ctx.low(k - 1).rstrip(".") in lex.HONORIFICS or (k >= 2 and rank_end(ctx, k - 2) == k)
    if c - k < 2 and not (honorific and c - k == 1):
        return None
    if k > 0 and is_name_token(ctx.tokens[k - 1]) or is_place_span(ctx, k, c):
        return None
    if k > 0 and ctx.tokens[k - 1].is_cap and match_role(ctx.tokens, k - 1) is None and not honorific \
            and ctx.low(k - 1) not in lex.STOPWORDS:
        return None
    return k, c


def _titles_after_comma(ctx: _Ctx, m: int) -> list[RawTitle]:
    if ctx.low(m) in ("the", "a", "an"):
        m += 1
    for r in range(m, min(m + 6, len(ctx.tokens))):
        hit = match_role(ctx.tokens, r, need_cap=False)
        if hit is not None:
            if not _plain_prefix(ctx, m, r):
                return []
            q = read_qualifier(ctx, r) if r > m else Qualifier(pos=ctx.tokens[r].start)
            chain, _ = _role_chain(ctx, hit)
            return [make_title(ctx, role, span, q) for role, span in chain]
        t = ctx.tokens[r]
        if not (t.is_cap or t.is_possessive or t.lower in lex.ANAPHORIC_ORG_NOUNS):
            return []
    return []


def _plain_prefix(ctx: _Ctx, m: int, r: int) -> bool:
    """Between the comma and the role: capitalised words or "the company's" only."""
    return all(ctx.tokens[x].is_cap or ctx.tokens[x].is_possessive
               or ctx.tokens[x].lower in lex.ANAPHORIC_ORG_NOUNS for x in range(m, r))


# ---------------------------------------------------------------- 3. honorifics, 4. spaCy


def _honorifics(ctx: _Ctx, out: SegmentPeople) -> None:
    for h, t in enumerate(ctx.tokens):
        if t.lower.rstrip(".") not in lex.HONORIFICS or not t.is_cap or t.lower in ("he", "sir"):
            continue
        b = h + 1
        while b < len(ctx.tokens) and b - h <= _MAX_NAME and is_name_token(ctx.tokens[b]):
            b += 1
        if b > h + 1 and not is_place_span(ctx, h + 1, b):
            out.mentions.append(PersonMention(
                ctx.span_text(h + 1, b), ctx.segment, ctx.tokens[h + 1].start,
                ctx.tokens[b - 1].end, rank=2))


def _spacy_people(ctx: _Ctx, ents: list[EntitySpan], out: SegmentPeople) -> None:
    for e in ents:
        if e.label != "PERSON":
            continue
        span = _token_span(ctx, e.start, e.end)
        if span is None:
            continue
        a, b = span
        while b < len(ctx.tokens) and ctx.tokens[b - 1].text in _PARTICLES and _name_tok(ctx, b):
            b += 1  # the small model stops inside "Ursula von der Leyen"
        if _acceptable_person(ctx, a, b):
            out.mentions.append(PersonMention(
                ctx.span_text(a, b), ctx.segment, ctx.tokens[a].start, ctx.tokens[b - 1].end,
                rank=3))


def _token_span(ctx: _Ctx, start: int, end: int) -> tuple[int, int] | None:
    a = _token_index_after(ctx, start)
    if a is None:
        return None
    b = a
    while b < len(ctx.tokens) and ctx.tokens[b].end <= end:
        b += 1
    if b == a:
        return None
    while b > a and not ctx.tokens[b - 1].is_word:
        b -= 1
    while a < b and ctx.low(a) == "the":
        a += 1
    return (a, b) if b > a else None


def _acceptable_person(ctx: _Ctx, a: int, b: int) -> bool:
    if not 2 <= b - a <= _MAX_NAME + 2 or not all(_name_tok(ctx, x) for x in range(a, b)):
        return False
    nxt = ctx.tok(b)
    if nxt is not None and nxt.is_word and (nxt.lower in _FACILITY_WORDS or nxt.lower in lex.ORG_TAIL_WORDS
                                             or (nxt.is_cap and not match_role(ctx.tokens, b))):
        return False
    if any(ctx.low(x) in _FACILITY_WORDS for x in range(a, b)) or _credit_before(ctx, a):
        return False
    if _before_plural_place(ctx, b):
        return False
    return not is_place_span(ctx, a, b) and _place_prefix(ctx, a, b) == a \
        and not _named_site(ctx, a, b)


def _before_plural_place(ctx: _Ctx, b: int) -> bool:
    """ "the Xa and Yb districts": names before a plural place noun, straight after or
    after "and" and a second name, are places."""
    if ctx.low(b) == "and":
        b += 1
        while _is_cap(ctx, b) and b < len(ctx.tokens):
            b += 1
    t = ctx.tok(b)
    return t is not None and not t.is_cap and t.lower in lex.PLURAL_PLACE_NOUNS


def _named_site(ctx: _Ctx, a: int, b: int) -> bool:
    """"the Xyz Abc paper flower village", "in Xyz Abc" (a district the gazetteer knows):
    the context makes the name a place, not a person."""
    prev = ctx.low(a - 1) if a > 0 else ""
    if prev == "the":
        after = [ctx.tokens[x] for x in range(b, min(b + 3, len(ctx.tokens)))]
        return site_noun_after([t.lower for t in after], [t.is_word and not t.is_cap for t in after]) >= 0
    return prev in ("in", "at", "near") and cued_place_info(ctx.span_text(a, b)) is not None


def _credit_before(ctx: _Ctx, a: int) -> bool:
    """"Photo: X", "(By X)": a credit, not a person of the story ("led by X" is no credit)."""
    for x in range(max(0, a - 3), a):
        low = ctx.low(x)
        if low in _CREDIT_WORDS and low != "by":
            return True
        if ctx.tokens[x].text == "By" and (x == 0 or ctx.tokens[x - 1].text in "\n(–—-"):
            return True
    return False


def add_model_people(
    found: SegmentPeople, segment: str, text: str, tokens: list[Token], ents: list[EntitySpan]
) -> None:
    """Add spaCy's PERSON names that no rule found (lowest rank: rules win overlaps)."""
    ctx = _Ctx(segment, text, tokens)
    _spacy_people(ctx, ents, found)
    found.mentions = _drop_overlaps(found.mentions)


def _sentence_start(ctx: _Ctx, i: int) -> int:
    while i > 0 and ctx.tokens[i - 1].text not in ".!?":
        i -= 1
    return ctx.tokens[i].start if ctx.tokens else 0


def _token_index_after(ctx: _Ctx, end: int) -> int | None:
    """Index of the first token that starts at or after ``end`` (binary search)."""
    i = bisect.bisect_left(ctx.starts, end)
    return i if i < len(ctx.tokens) else None


def _nearest_before(
    mentions: list[PersonMention], segment: str, pos: int, floor: int = 0
) -> PersonMention | None:
    best = [m for m in mentions if m.segment == segment and floor <= m.start and m.end <= pos
            and m.full]
    return max(best, key=lambda m: m.end) if best else None


def _drop_overlaps(mentions: list[PersonMention]) -> list[PersonMention]:
    kept: list[PersonMention] = []
    for m in sorted(mentions, key=lambda m: (m.rank, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
        else:
            _merge_titles(kept, m)
    return sorted(kept, key=lambda m: m.start)


def _merge_titles(kept: list[PersonMention], m: PersonMention) -> None:
    for k in kept:
        if not (m.end <= k.start or m.start >= k.end) and m.titles:
            k.titles.extend(m.titles)
            return


__all__ = ["RawTitle", "PersonMention", "RoleMention", "SegmentPeople", "find_people", "clean_of",
           "add_model_people"]
