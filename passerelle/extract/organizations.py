"""Organisations named in one segment of English text, and their merging per document.

An organisation is accepted on evidence, never because a model guessed it:

1. a capitalised name holding an organisation word ("Barba Group", "People's
   Committee of Da Nang", "IUT Béziers University of Technology");
2. a name followed by a describing apposition ("Loft Orbital, a space startup");
3. what an office is held in ("Vietjet Managing Director", "member of the Bundestag");
4. spaCy's ORG entities of one word that recur or take a possessive ("Airbus").

Acronyms in brackets become aliases ("French Development Agency (AFD)") and count as
mentions wherever they recur. Not a stable API: a helper of the entities step.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from passerelle.extract import lexicon_en as lex
from passerelle.extract.nlp import EntitySpan
from passerelle.extract.offices import match_role
from passerelle.extract.placenames import country_of_demonym, place_info
from passerelle.extract.tokens import Token, fold
from passerelle.records import Mention, Organization

# Names of documents, events and plans that spaCy calls ORG: not organisations.
_NOT_ORG_WORDS = frozenset(
    """law laws resolution decree memorandum mou agreement partnership strategy conference
    forum festival day week year plan project initiative summit fair expo award prize
    museum theatre theater port park street square bridge pagoda temple stadium
    station airport wharf wharves""".split()
)
_ARTICLES = {"the", "a", "an"}
_PREPOSITIONS = {"at", "of", "in", "for", "from", "with", "to", "by", "on", "under"}
# "in" joins a name only after these words ("Vietnamese Embassy in Germany").
_IN_HEADS = {"embassy", "consulate", "consulate-general", "office", "delegation", "mission"}
_MAX_DESCRIPTOR_GAP = 6
# Last words that make a place's name the name of its governing body, even where the
# gazetteer lists the metropolitan area ("Toulouse Métropole", "Lorient Agglomération").
_BODY_SUFFIXES = frozenset({"metropole", "agglomeration", "agglo"})


# Name connectors and "the", joined once (asked for every token of a name run).
_CONNECTORS_THE = lex.NAME_CONNECTORS | {"the"}


@dataclass
class OrgMention:
    """One place where an organisation is named."""

    name: str
    segment: str
    start: int
    end: int
    kind: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


def find_organizations(
    segment: str, text: str, tokens: list[Token], ents: list[EntitySpan],
    taken: list[tuple[int, int]], hints: list[str], person_words: frozenset[str] = frozenset(),
    skip_to: int = 0,
) -> list[OrgMention]:
    """Find organisations in one segment.

    Args:
        segment: ``"body"`` or ``"caption:N"``.
        text: the segment's text.
        tokens: ``tokenize(text)``.
        ents: spaCy's entities of the segment.
        taken: character spans of people already found (never organisations).
        skip_to: offset where the story starts (after a dateline).
        hints: names that an office was held in and that are no place.

    Returns:
        Mentions, possibly overlapping (``merge_organizations`` sorts them out).
    """
    ctx = _Ctx(segment, text, tokens, taken + [(0, skip_to)])
    found = _keyword_names(ctx) + _described(ctx) + _led_by_descriptor(ctx) \
        + _hinted(ctx, hints) + _spacy_orgs(ctx, ents) + _international_bodies(ctx) \
        + _acronym_expansions(ctx) + _trailing_nouns(ctx) + _acronyms_after_the(ctx)
    return [m for m in found if _acceptable(m) and fold(m.name) not in person_words]


def model_organizations(
    segment: str, text: str, tokens: list[Token], ents: list[EntitySpan],
    taken: list[tuple[int, int]], person_words: frozenset[str] = frozenset(),
) -> list[OrgMention]:
    """Organisations that only the statistical model proposes (one-word names)."""
    ctx = _Ctx(segment, text, tokens, taken)
    return [m for m in _spacy_orgs(ctx, ents) if _acceptable(m) and fold(m.name) not in person_words]


@dataclass
class _Ctx:
    segment: str
    text: str
    tokens: list[Token]
    taken: list[tuple[int, int]]
    covered: bytearray = field(default_factory=bytearray)

    def __post_init__(self) -> None:
        self.covered = coverage(len(self.text), self.taken)

    def span(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].start : self.tokens[b - 1].end]

    def low(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < len(self.tokens) else ""

    def is_taken(self, i: int) -> bool:
        return bool(self.covered[self.tokens[i].start])

    def mention(self, a: int, b: int, **kw: object) -> OrgMention:
        return OrgMention(self.span(a, b), self.segment, self.tokens[a].start,
                          self.tokens[b - 1].end, **kw)  # type: ignore[arg-type]


def coverage(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """A byte per character of a text, 1 inside any of ``spans``."""
    covered = bytearray(length + 1)
    for a, b in spans:
        covered[max(a, 0) : max(b, 0)] = b"\x01" * (max(b, 0) - max(a, 0))
    return covered


# ---------------------------------------------------------------- 1. keyword names


def _keyword_names(ctx: _Ctx) -> list[OrgMention]:
    out: list[OrgMention] = []
    i = 0
    while i < len(ctx.tokens):
        b = _run_end(ctx, i)
        if b > i:
            out.extend(_cut_run(ctx, i, b))
            i = b
        else:
            i += 1
    return out


def _starts_name(ctx: _Ctx, i: int) -> bool:
    t = ctx.tokens[i]
    return t.is_word and t.is_cap and t.lower not in lex.FUNCTION_WORDS \
        and t.lower not in lex.DATE_WORDS and not ctx.is_taken(i)


def _run_end(ctx: _Ctx, i: int) -> int:
    """End of a name run starting at ``i``: capitalised words and connectors."""
    if not _starts_name(ctx, i):
        return i
    j = i + 1
    n = len(ctx.tokens)
    while j < n and not ctx.is_taken(j):
        t = ctx.tokens[j]
        nxt_cap = j + 1 < n and ctx.tokens[j + 1].is_cap and not ctx.is_taken(j + 1) \
            and ctx.low(j + 1) not in lex.DATE_WORDS
        if _ends_at_head(ctx, i, j):
            break
        if t.is_word and t.is_cap or t.is_possessive:
            j += 1
        elif t.lower in _CONNECTORS_THE and nxt_cap:
            if t.lower == "in" and ctx.low(j - 1) not in _IN_HEADS:
                break
            j += 1
        elif t.lower == "of" and ctx.low(j + 1) == "the" and j + 2 < n \
                and ctx.tokens[j + 2].is_cap and not ctx.is_taken(j + 2):
            j += 2
        elif t.text.isdigit() and len(t.text) <= 2 and nxt_cap and j > i \
                and ctx.low(j - 1) not in lex.DATE_WORDS and _org_word_ahead(ctx, j + 1):
            j += 1  # "Naval Region 4 Command", "District 1 People's Committee"
        elif t.text == "(" and _bracketed_acronym(ctx, j):
            j = _bracketed_acronym(ctx, j)
        elif t.is_word and t.lower in lex.ORG_LOWER_TAILS:
            j += 1
        elif t.is_word and (t.lower, ctx.low(j + 1)) in lex.ORG_LOWER_PAIRS:
            j += 2
        elif t.lower in lex.ORG_INNER_LEVELS and nxt_cap:
            j += 1
        elif t.lower in lex.ORG_LOWER_MODIFIERS and _lower_tail(ctx, j):
            j = _lower_tail(ctx, j)
        elif t.is_word and t.lower in lex.PLACE_GENERIC and nxt_cap:
            j += 1
        elif t.is_word and t.lower in lex.PLACE_GENERIC and ctx.low(j - 1) != "s" \
                and _org_before(ctx, i, j):
            j += 1
        elif t.text in "-–" and nxt_cap and ctx.text[t.start - 1 : t.start] == " " \
                and ctx.low(j + 1) not in lex.FUNCTION_WORDS:
            j += 1
        else:
            break
    return j


def _org_word_ahead(ctx: _Ctx, j: int) -> bool:
    """An organisation word among the capitalised words from ``j`` on."""
    while j < len(ctx.tokens) and ctx.tokens[j].is_cap:
        if ctx.low(j) in lex.ORG_TAIL_WORDS:
            return True
        j += 1
    return False


def _ends_at_head(ctx: _Ctx, i: int, j: int) -> bool:
    """After an organisation word the name ends, unless an organisation or office word
    follows: "X People's Committee | Nguyen Van A", "X Group | on Monday",
    "X Corporation | 's terminal" ("Party Committee", "University Hospital" go on)."""
    if j == i or ctx.low(j - 1) not in lex.ORG_TAIL_WORDS \
            or ctx.low(j - 1) in lex.ORG_LEADING_HEADS:
        return False
    t = ctx.tokens[j]
    if t.is_possessive:
        return True
    if not (t.is_word and t.is_cap):
        return False
    low = t.lower
    if low in lex.ORG_TAIL_WORDS or low in lex.ORG_KEYWORDS or low in lex.ORG_NAME_CONTINUATIONS:
        return False
    return match_role(ctx.tokens, j, need_cap=False) is None


def _bracketed_acronym(ctx: _Ctx, j: int) -> int:
    """End of "(ABC)" or "(HDF Energy)" at ``j``, or 0 (never an outlet: "(VNA)")."""
    if j + 1 >= len(ctx.tokens) or not ctx.tokens[j + 1].is_acronym \
            or ctx.low(j + 1) in lex.OUTLETS:
        return 0
    for k in range(j + 2, min(j + 5, len(ctx.tokens))):
        if ctx.tokens[k].text == ")":
            return k + 1
        if not ctx.tokens[k].is_cap:
            return 0
    return 0


def _lower_tail(ctx: _Ctx, j: int) -> int:
    """End of "vocational school" at ``j`` (modifiers then a tail word), or 0."""
    k = j
    while k < len(ctx.tokens) and k - j < 2 and ctx.low(k) in lex.ORG_LOWER_MODIFIERS:
        k += 1
    return k + 1 if ctx.low(k) in lex.ORG_LOWER_TAILS else 0


def _org_before(ctx: _Ctx, i: int, j: int) -> bool:
    """An organisation word and "of" came before: "Committee of Da Nang city"."""
    words = [ctx.low(x) for x in range(i, j)]
    return "of" in words and org_kind(" ".join(words[: words.index("of")])) is not None


def _cut_run(ctx: _Ctx, a: int, b: int) -> list[OrgMention]:
    """Split a run at offices, then keep the parts that hold an organisation word."""
    out: list[OrgMention] = []
    start = a
    x = a
    while x < b:
        hit = match_role(ctx.tokens, x, need_cap=False)
        if hit is not None and not _role_inside_name(ctx, x):
            out.extend(_org_part(ctx, start, x))
            start = x = hit.end
            if ctx.low(x) == "of":
                start = x = x + 1
        else:
            x += 1
    out.extend(_org_part(ctx, start, b))
    return out


def _role_inside_name(ctx: _Ctx, x: int) -> bool:
    """"Head" in "Head Office" or "General" in "General Assembly" are no offices."""
    nxt = ctx.low(x + 1)
    return nxt in lex.ORG_TAIL_WORDS or ctx.low(x) in ("general", "member") and nxt != "of"


def _org_part(ctx: _Ctx, a: int, b: int) -> list[OrgMention]:
    a, b = _trim(ctx, a, b)
    if b <= a:
        return []
    parts = _split_dash(ctx, a, b)
    out = []
    for pa, pb in parts:
        kind = org_kind(ctx.span(pa, pb)) or facility_org_kind(ctx.span(pa, pb))
        if kind:
            out.append(ctx.mention(pa, pb, kind=kind))
    return out


def _trim(ctx: _Ctx, a: int, b: int) -> tuple[int, int]:
    while a < b and (ctx.low(a) in lex.FUNCTION_WORDS | lex.COMMON_HEADS
                     or not ctx.tokens[a].is_word):
        a += 1
    a = _after_common_head(ctx, a, b)
    if a + 2 < b and ctx.tokens[a + 1].is_possessive and place_info(ctx.tokens[a].text):
        a += 2
    while b > a and (ctx.low(b - 1) in _CONNECTORS_THE
                     or not ctx.tokens[b - 1].is_word):
        if ctx.tokens[b - 1].text == ")":
            break
        b -= 1
    return a, b


def _after_common_head(ctx: _Ctx, a: int, b: int) -> int:
    """"Students of the University of X": a common noun and "of the" before a name."""
    for x in range(a + 1, min(a + 3, b - 2)):
        if ctx.low(x) in ("of", "from", "at") and ctx.low(x + 1) == "the":
            head = ctx.span(a, x)
            if org_kind(head) is None and place_info(head) is None:
                return x + 2
            return a
    return a


def _split_dash(ctx: _Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """"Brest Urban Community (BMO) - France": keep the dash only inside one name.

    Also cuts "X Council and People's Committee" in two when both sides hold an
    organisation word ("Chamber of Commerce and Industry" stays whole).
    """
    for x in range(a, b):
        if _of_the_legislature(ctx, a, x, b):
            return [(a, x), (x + 2, b)]
        if ctx.low(x) == "and" and org_kind(ctx.span(a, x)) and org_kind(ctx.span(x + 1, b)):
            return [(a, x)] + _split_dash(ctx, x + 1, b)
        if ctx.low(x) == "with" and x > a and ctx.low(x - 1) in lex.ORG_TAIL_WORDS \
                and org_kind(ctx.span(a, x)) and org_kind(ctx.span(x + 1, b)):
            return [(a, x)] + _split_dash(ctx, x + 1, b)  # "X University with Y University"
        if ctx.low(x) == "and" and x > a and ctx.low(x - 1) in lex.ORG_TAIL_WORDS \
                and org_kind(ctx.span(a, x)) and not org_kind(ctx.span(x + 1, b)):
            return [(a, x)]  # "X Hospital and La Timone": a finished name, then another
        if ctx.tokens[x].text in "-–":
            left, right = (a, x), (x + 1, b)
            if org_kind(ctx.span(*right)) is None:
                return [left]
            if org_kind(ctx.span(*left)) is None:
                return [(a, b)]
            return [left, right]
    return [(a, b)]


# Legislatures whose groups and committees are named "X of the Y Assembly".
_LEGISLATURES = frozenset({"assembly", "parliament", "senate", "congress", "bundestag"})


def _of_the_legislature(ctx: _Ctx, a: int, x: int, b: int) -> bool:
    """"the Friendship Group | of the | National Assembly": a body of a legislature
    and the legislature itself are two organisations."""
    return ctx.low(x) == "of" and ctx.low(x + 1) == "the" and x > a \
        and ctx.low(x - 1) in lex.ORG_TAIL_WORDS and ctx.low(b - 1) in _LEGISLATURES


def facility_org_kind(name: str) -> str | None:
    """Kind of a facility named as a body: "ABCD Port" (an acronym before "Port") is a
    port company; "Kyoto Hi-Tech Park" (a place, then "Park" or "Zone") an agency."""
    words = name.split()
    if len(words) < 2 or words[-1] not in ("Port", "Park", "Zone"):
        return None
    if words[-1] == "Port":
        return "company" if len(words) == 2 and re.fullmatch(r"[A-Z]{3,}", words[0]) else None
    placed = place_info(words[0]) or place_info(" ".join(words[:2]))
    inner = words[1:-1]
    if len(words) > 2 and placed and any("-" in w or w.lower() in _ZONE_WORDS for w in inner):
        return "agency"
    return None


_ZONE_WORDS = frozenset({"industrial", "economic", "export"})


_LEGAL_FORMS = frozenset({"sa", "sas"})


def org_kind(name: str) -> str | None:
    """The kind given by the first organisation word in ``name``, or ``None``."""
    written = [w for w in re.split(r"[\s()’'-]+", name) if w]
    # legal forms count in capitals only ("Xyz SA"; not "Tien Sa", "Sa Pa")
    words = [w.lower() if w.isupper() or w.lower() not in _LEGAL_FORMS else "" for w in written]
    if _department_of_portfolio(words):
        return "government"
    if words and words[0] in lex.ORG_FIRST_WORDS and len(words) > 1:
        return lex.ORG_FIRST_WORDS[words[0]]
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        for key in (f"{w} {nxt}", w):
            if key in lex.ORG_KEYWORDS and (key != "school" or i == len(words) - 1 or nxt != "of"):
                if key in lex.ORG_KEYWORDS:
                    return lex.ORG_KEYWORDS[key]
    return None


def _department_of_portfolio(words: list[str]) -> bool:
    """"Department of Construction": a department of a portfolio is an administration,
    not the French territorial department ("Department of Gironde")."""
    return any(w == "department" and words[i + 1 : i + 2] == ["of"]
               and words[i + 2 : i + 3] and words[i + 2] in lex.PORTFOLIO_WORDS
               for i, w in enumerate(words))


# ---------------------------------------------------------------- 2. appositions


def described_spans(segment: str, text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Character spans of names described as organisations ("X, a space startup")."""
    return [(m.start, m.end) for m in _described(_Ctx(segment, text, tokens, []))]


def _described(ctx: _Ctx) -> list[OrgMention]:
    """"Loft Orbital, a space startup", "X - a French video game publisher"."""
    out = []
    for c, t in enumerate(ctx.tokens):
        if t.text not in (",", "-", "–") and t.lower != "is":
            continue
        a = c
        while a > 0 and c - a < 4 and ctx.tokens[a - 1].is_cap and not ctx.is_taken(a - 1):
            a -= 1
        while a < c and ctx.low(a) in lex.FUNCTION_WORDS:
            a += 1
        if a == c or place_info(ctx.span(a, c)):
            continue
        kind, country = _descriptor(ctx, c + 1)
        if kind:
            out.append(ctx.mention(a, c, kind=kind, country=country))
    return out


def _led_by_descriptor(ctx: _Ctx) -> list[OrgMention]:
    """"Paris transport operator ABC", "the carmaker group Xyz": a lower-case company noun
    right before a short capitalised name (one to three words, no place, no office)."""
    out = []
    for c, t in enumerate(ctx.tokens[:-1]):
        if t.is_cap or t.lower not in lex.ORG_LEADING_DESCRIPTORS:
            continue
        b = c + 1
        while b < len(ctx.tokens) and b - c <= 3 and _starts_name(ctx, b) \
                and ctx.low(b) not in lex.STOPWORDS:
            b += 1
        if b == c + 1 or b - c > 3 or (b < len(ctx.tokens) and ctx.tokens[b].is_possessive):
            continue
        name = ctx.span(c + 1, b)
        if place_info(name) or match_role(ctx.tokens, c + 1, need_cap=False) \
                or country_of_demonym(ctx.tokens[c + 1].text):
            continue
        out.append(ctx.mention(c + 1, b, kind=lex.ORG_DESCRIPTORS.get(t.lower, "company")))
    return out


def _acronym_expansions(ctx: _Ctx) -> list[OrgMention]:
    """"Agence universitaire de la Francophonie (AUF)": the words before a bracketed
    acronym whose initials spell it, when a lower-case word stops the capitalised run
    and an organisation word is among them (never "Official Development Assistance
    (ODA)")."""
    out = []
    for c, t in enumerate(ctx.tokens[:-2]):
        acr = ctx.tokens[c + 1]
        if t.text != "(" or not acr.is_acronym or ctx.tokens[c + 2].text != ")" \
                or acr.lower in lex.OUTLETS:
            continue
        a = _expansion_start(ctx, c, acr.text)
        if a is not None and org_kind(ctx.span(a, c)) and not ctx.is_taken(a) \
                and any(not ctx.tokens[x].is_cap and ctx.low(x) not in _CONNECTORS_THE
                        for x in range(a, c)):
            out.append(ctx.mention(a, c, kind=org_kind(ctx.span(a, c)), aliases=[acr.text]))
    return out


def _expansion_start(ctx: _Ctx, c: int, acronym: str) -> int | None:
    """First token of the words before ``c`` whose initials spell ``acronym``, or None."""
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    x = c - 1
    while letters and x >= 0 and ctx.tokens[x].is_word:
        low = ctx.low(x)
        if low[:1] == letters[-1]:
            letters.pop()
        elif low not in lex.NAME_CONNECTORS | {"the", "et", "l"}:
            return None
        x -= 1
    a = x + 1
    return a if not letters and a < c - 1 and ctx.tokens[a].is_cap else None


def _trailing_nouns(ctx: _Ctx) -> list[OrgMention]:
    """"the Minalogic cluster", "the Sophia Antipolis technopole": a capitalised name
    (after "the") that a lower-case organisation noun follows names a body."""
    out = []
    for c, t in enumerate(ctx.tokens):
        if t.lower not in lex.ORG_TRAILING_NOUNS or t.is_cap:
            continue
        a = c
        while a > 0 and c - a < 4 and _starts_name(ctx, a - 1):
            a -= 1
        if a < c and ctx.low(a - 1) == "the" and not place_info(ctx.span(a, c)):
            out.append(ctx.mention(a, c, kind=org_kind(ctx.span(a, c)) or "other"))
    return out


def _acronyms_after_the(ctx: _Ctx) -> list[OrgMention]:
    """"a laboratory of the CNRS": an acronym of three letters or more right after
    "the" and before a stop, a comma or "and" ("the APEC summit" is an event)."""
    out = []
    for c, t in enumerate(ctx.tokens[1:-1], start=1):
        nxt = ctx.tokens[c + 1]
        if ctx.low(c - 1) != "the" or not (t.is_acronym and t.text.isalpha()
                                           and len(t.text) >= 3) or ctx.is_taken(c):
            continue
        if (nxt.is_word and nxt.lower not in ("and", "or")) or nxt.text in ("-", "(") \
                or t.lower in lex.OUTLETS or place_info(t.text):
            continue
        out.append(ctx.mention(c, c + 1, kind="agency"))
    return out


def _descriptor(ctx: _Ctx, m: int) -> tuple[str | None, str | None]:
    if ctx.low(m) not in _ARTICLES:
        return None, None
    country = None
    for x in range(m + 1, min(m + 1 + _MAX_DESCRIPTOR_GAP, len(ctx.tokens))):
        t = ctx.tokens[x]
        if not t.is_word or t.lower in _PREPOSITIONS:
            return None, None  # "X, a lecturer at Y University": the noun is not X's
        country = country or (country_of_demonym(t.text) if t.is_cap else None)
        kind = lex.ORG_DESCRIPTORS.get(t.lower)
        if kind and not (x + 1 < len(ctx.tokens) and ctx.tokens[x + 1].is_possessive):
            return kind, country
    return None, None


# ---------------------------------------------------------------- 3. office hints, 4. spaCy


def _hinted(ctx: _Ctx, hints: list[str]) -> list[OrgMention]:
    out = []
    for name in hints:
        for m in re.finditer(_hint_pattern(name), ctx.text):
            if not ctx.covered[m.start()]:
                out.append(OrgMention(name, ctx.segment, m.start(), m.end(), org_kind(name)))
    return out


def _international_bodies(ctx: _Ctx) -> list[OrgMention]:
    """"UNESCO", "FAO": international organisations named by their acronym."""
    return [ctx.mention(i, i + 1, kind=lex.INTERNATIONAL_BODIES[t.text])
            for i, t in enumerate(ctx.tokens)
            if t.text in lex.INTERNATIONAL_BODIES and not ctx.is_taken(i)]


def _hint_pattern(name: str) -> str:
    """The name as written; a ministry also where only its minister is ("Minister of X")."""
    if name.startswith("Ministry of "):
        return rf"Minist(?:ry|er) of {re.escape(name[len('Ministry of '):])}(?!\w)"
    return re.escape(name)


def _spacy_orgs(ctx: _Ctx, ents: list[EntitySpan]) -> list[OrgMention]:
    # standalone uses only: "Xyz University" does not make a second "Xyz"
    counts = Counter(t.text for k, t in enumerate(ctx.tokens) if t.is_cap and not (
        k + 1 < len(ctx.tokens) and ctx.tokens[k + 1].is_cap and ctx.tokens[k + 1].is_word))
    out = []
    for e in ents:
        if e.label != "ORG":
            continue
        idx = [i for i, t in enumerate(ctx.tokens) if t.start >= e.start and t.end <= e.end
               and t.is_word and t.lower not in ("the",)]
        if len(idx) != 1:
            continue
        i = idx[0]
        t = ctx.tokens[i]
        nxt = ctx.tokens[i + 1] if i + 1 < len(ctx.tokens) else None
        if ctx.is_taken(i) or (nxt is not None and nxt.is_cap and nxt.is_word) \
                or ctx.low(i - 1) in _PLACE_PREPOSITIONS:
            continue  # "students from Xyz", "lecturers to Xyz": a town the model misread
        if counts[t.text] >= 2 or (nxt is not None and nxt.is_possessive):
            out.append(ctx.mention(i, i + 1))
    return out


def _acceptable(m: OrgMention) -> bool:
    key = fold(m.name)
    words = key.split()
    if not words or key in lex.OUTLETS or key in lex.STOPWORDS:
        return False
    if place_info(m.name) and words[-1] not in _BODY_SUFFIXES:  # "Toulouse Métropole" rules
        return False
    if _described_by_place(m.name) or _unplaced_government(m.name):
        return False
    if len(words) == 1 and words[0] in lex.PORTFOLIO_WORDS:  # "Education" (a section)
        return False
    if _landmark(words) and not facility_org_kind(m.name) or _stray_digits(m.name):
        return False
    if country_of_demonym(m.name) or m.name.isupper() and (len(words) > 1 or m.kind is None):
        return False
    generic = lex.ORG_TAIL_WORDS | lex.ORG_LEADING_HEADS | {"people", "s", "the", "of"}
    return not all(w in generic for w in words)


_DESCRIBING_CITY = 200_000
_PLACE_PREPOSITIONS = frozenset({"to", "from", "in", "near"})


def _unplaced_government(name: str) -> bool:
    """"the Xyz provincial government" names a body only when Xyz is a place ("the
    Japanese prefectural government" does not)."""
    words = name.split()
    if len(words) < 3 or (words[-2].lower(), words[-1].lower()) not in lex.ORG_LOWER_PAIRS \
            or words[-1].lower() != "government":
        return False
    return place_info(" ".join(words[:-2])) is None


def _described_by_place(name: str) -> bool:
    """"the Can Tho hospital", "a French university": a place or a nationality and a bare
    lower-case organisation noun describe a body, they do not name it."""
    head, _, tail = name.rpartition(" ")
    if not head or tail not in lex.ORG_LOWER_TAILS:
        return False
    info = place_info(head)
    if info is not None and (info.kind in ("country", "province", "region")
                             or info.population >= _DESCRIBING_CITY):
        return True  # a small place may lend its name to the body ("La Conception hospital")
    return country_of_demonym(head) is not None


# Units numbered at the end of their name ("Military Region 9", "Naval Zone 3").
_NUMBERED_UNITS = frozenset({"region", "zone", "division", "corps", "fleet", "brigade"})


def _stray_digits(name: str) -> bool:
    """Digits outside a short number inside the name ("Region 4 Command" is fine)."""
    words = name.split()
    if len(words) >= 3 and words[-1].isdigit() and len(words[-1]) <= 2 \
            and words[-2].lower() in _NUMBERED_UNITS:
        words = words[:-1]
        name = " ".join(words)
    inner = name.split()[1:-1]
    return any(ch.isdigit() for w in name.split() if not (w in inner and w.isdigit()
                                                            and len(w) <= 2) for ch in w)


def _landmark(words: list[str]) -> bool:
    """A document, event or building ("X Museum", "Y Port"), unless an organisation word
    ends the name ("Busan Port Authority") or it is a "University Hospital"."""
    if not any(w in _NOT_ORG_WORDS for w in words):
        return False
    if words[-1] in lex.ORG_TAIL_WORDS and words[-1] not in _NOT_ORG_WORDS:
        return False
    return words[-2:] != ["university", "hospital"]


# ---------------------------------------------------------------- merging per document


def merge_organizations(
    mentions: list[OrgMention], texts: dict[str, str], places: dict[str, str] | None = None
) -> list[Organization]:
    """One ``Organization`` per organisation named in the document.

    Args:
        mentions: every segment's mentions.
        texts: segment name -> text, to find acronyms and their later uses.
        places: folded place names of the document -> country, to give an
            organisation named after a place that place's country.

    Returns:
        Organisations, in order of first mention.
    """
    groups: list[list[OrgMention]] = []
    for m in sorted(mentions, key=lambda m: -len(m.name)):
        _add_to_groups(groups, _strip_acronym(m))
    orgs = [_organization(g, places or {}) for g in groups]
    for org in orgs:
        _acronym_mentions(org, texts)
    return sorted(orgs, key=lambda o: _first(o.mentions))


def _strip_acronym(m: OrgMention) -> OrgMention:
    """"Brest Urban Community (BMO)" -> name without "(BMO)", alias "BMO"."""
    match = re.search(r"\s*\(([^()]{2,40})\)", m.name)
    if match:
        inner = match.group(1)
        if inner.split()[0].isupper():
            m.aliases.append(inner)
            m.name = (m.name[: match.start()] + m.name[match.end():]).strip()
    return m


def _same_org(a: str, b: str) -> bool:
    fa, fb = _org_key(a), _org_key(b)
    if fa == fb or sorted(fa.split()) == sorted(fb.split()):
        return True
    short, long_ = sorted((fa, fb), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long_} "


# Words that do not tell two names of one organisation apart ("Comité populaire de
# la province de X" is "Comité populaire de X").
_KEY_DROPPED = frozenset({"the", "of", "s", "city", "de", "la", "du", "d", "province", "ville",
                          "provincial", "municipal"})


def _org_key(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _KEY_DROPPED]
    return " ".join(words)


def _add_to_groups(groups: list[list[OrgMention]], m: OrgMention) -> None:
    for g in groups:
        names = [x.name for x in g] + [a for x in g for a in x.aliases]
        if any(_same_org(m.name, n) for n in names) or any(
            fold(a) == fold(m.name) for a in names
        ):
            g.append(m)
            return
    groups.append([m])


def _organization(g: list[OrgMention], places: dict[str, str]) -> Organization:
    counts = Counter(m.name for m in g)
    name = max(counts, key=lambda n: (counts[n] + (n[:1].isupper()), len(n)))
    aliases = list(dict.fromkeys([m.name for m in g] + [a for m in g for a in m.aliases]))
    kind = next((m.kind for m in g if m.kind), None) or "company"
    country = next((m.country for m in g if m.country), None) or country_in_name(name, places) \
        or _country_from_name(name)
    mentions = sorted({(m.segment, m.start, m.end): Mention(m.start, m.end, m.segment)
                       for m in g}.values(), key=lambda x: (x.segment != "body", x.start))
    return Organization(name, [a for a in aliases if a != name], kind, country, mentions)


def country_in_name(name: str, places: dict[str, str]) -> str | None:
    """The country of a place of the document named inside ``name`` ("Da Nang People's
    Committee" -> VN), the longest place name first."""
    key = f" {fold(name)} "
    for place in sorted(places, key=len, reverse=True):
        if f" {place} " in key:
            return places[place]
    return None


def _country_from_name(name: str) -> str | None:
    for word in re.split(r"[\s’']+", name):
        if word[:1].isupper():
            code = country_of_demonym(word)
            info = None if code else place_info(word)
            if code or (info and (info.kind != "city" or info.population >= 100_000)):
                return code or (info.country if info else None)
    return None


def _acronym_mentions(org: Organization, texts: dict[str, str]) -> None:
    acronyms = [a for a in org.aliases if a.isupper() and " " not in a]
    initials = "".join(w[0] for w in org.name.split() if w[:1].isupper())
    for seg, text in texts.items():
        for m in re.finditer(r"\b[A-Z]{2,6}\b", text):
            word = m.group()
            if word in acronyms or (len(word) >= 2 and word == initials and word not in lex.OUTLETS):
                if not any(x.segment == seg and x.start <= m.start() < x.end for x in org.mentions):
                    org.mentions.append(Mention(m.start(), m.end(), seg))
                    if word not in org.aliases:
                        org.aliases.append(word)


def _first(mentions: list[Mention]) -> tuple[bool, str, int]:
    return min(((m.segment != "body", m.segment, m.start) for m in mentions),
               default=(True, "", 0))


__all__ = ["OrgMention", "find_organizations", "merge_organizations", "org_kind", "described_spans",
           "model_organizations", "coverage",
           "country_in_name"]
