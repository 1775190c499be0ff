"""Place mentions in one segment of English text, and their merging per document.

Runs of capitalised words are matched, longest first, against the gazetteer (through
``placenames``), whatever spaCy labelled them: spaCy calls Valras-Plage a person and
Occitanie an organisation. A small town whose name is also a common word or a
surname must be backed by its context ("the town of X", "in X", "X city"). Datelines
("Paris (VNA) –") and continents are not places of the story. Not a stable API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from passerelle.extract import lexicon_en as lex
from passerelle.extract.offices import is_role_word, match_role
from passerelle.extract.organizations import coverage
from passerelle.extract.placenames import (
    SETTLEMENT_NOUNS,
    PlaceInfo,
    cued_place_info,
    natural_feature,
    place_info,
    place_info_any,
    site_noun_after,
)
from passerelle.extract.tokens import Token, fold
from passerelle.records import Mention, Place

# Below this population a lone town name needs a cue in its context. Tuned on the
# dev set: keeps Nice (340k) and Saintes (29k), drops hamlets named like surnames.
_MIN_POPULATION = 15_000
# A lone town name at the start of a sentence must be this big (or have a cue): there
# the capital letter does not show a name. Keeps Toulouse, Lyon, Haiphong.
_MIN_POPULATION_SENTENCE_START = 200_000
_MAX_WORDS = 5  # "Trang An Scenic Landscape Complex"
# Plural feature words after two names ("the Red and Black rivers").
_PLURAL_FEATURES = frozenset({"rivers", "lakes", "mountains", "islands", "bays"})
_PLURAL_PLACES = _PLURAL_FEATURES | lex.PLURAL_PLACE_NOUNS
# Generic words after a name that make it a place of their kind ("Xyz province").
_GENERIC_KINDS = {"city": "city", "town": "city", "province": "province", "district": "district",
                  "commune": "district", "village": "city", "prefecture": "province",
                  "county": "district", "port": "other", "river": "natural"}
_CUES_BEFORE = {"in", "of", "to", "from", "at", "near", "visit", "visited", "visiting", "and",
                "between", "outside", "across"}
# Lower-case feature words that extend a place into a natural feature ("the Loire estuary").
_FEATURE_WORDS = frozenset({"estuary", "river", "delta", "valley", "basin", "lagoon", "bay"})
_DATELINE = re.compile(
    r"^\s*[A-ZÀ-Ý][\w .'’-]{1,40}?\s*(?:\((?:VNA|VNS|AFP|AP|Reuters|Xinhua|VOV)\)\s*[–—-]?|[–—])"
)


@dataclass
class PlaceMention:
    """One place where a place is named."""

    written: str
    info: PlaceInfo
    segment: str
    start: int
    end: int


def find_places(
    segment: str, text: str, tokens: list[Token], taken: list[tuple[int, int]],
    person_words: set[str],
) -> list[PlaceMention]:
    """Find place names in one segment.

    Args:
        segment: ``"body"`` or ``"caption:N"``.
        text: the segment's text.
        tokens: ``tokenize(text)``.
        taken: character spans of people (a place inside a person's name is none).
        person_words: folded words of the people's names, never lone places.

    Returns:
        Place mentions in text order.
    """
    skip_to = dateline_end(text) if segment == "body" else 0
    taken = coverage(len(text), taken)  # type: ignore[assignment]
    out: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        if tokens[i].start < skip_to or not (_candidate(tokens[i], taken)
                                             or _function_word_start(tokens, i, taken)):
            i += 1
            continue
        found = _longest_place(text, tokens, i, taken, person_words)
        if found is None:
            pair = _coordinated_features(text, tokens, i, taken)
            out.extend(PlaceMention(w, PlaceInfo(w, kind, None, 0), segment, a, b)
                       for w, a, b, kind in pair)
            i = i + 1 if not pair else _token_after(tokens, pair[-1][2])
            continue
        out.append(PlaceMention(found[1], found[2], segment, tokens[i].start, found[3]))
        i = found[0]
    return out


def _coordinated_features(
    text: str, tokens: list[Token], i: int, taken: bytearray
) -> list[tuple[str, int, int, str]]:
    """"the Thu Bon and Huong rivers": two names joined by "and" before a plural feature
    word; ``[(name, start, end), ...]`` or ``[]``."""
    k = _cap_run(tokens, i, taken)
    if k == i or k >= len(tokens) or tokens[k].lower != "and":
        return []
    m = _cap_run(tokens, k + 1, taken)
    if m == k + 1 or m >= len(tokens) or tokens[m].lower not in _PLURAL_PLACES \
            or tokens[m].is_cap:
        return []
    spans = [(tokens[i].start, tokens[k - 1].end), (tokens[k + 1].start, tokens[m - 1].end)]
    kind = "natural" if tokens[m].lower in _PLURAL_FEATURES else "other"
    return [(text[a:b], a, b, kind) for a, b in spans]


def _cap_run(tokens: list[Token], i: int, taken: bytearray) -> int:
    j = i
    while j < len(tokens) and j - i < 3 and _candidate(tokens[j], taken):
        j += 1
    return j


def _token_after(tokens: list[Token], offset: int) -> int:
    return next((x for x, t in enumerate(tokens) if t.start >= offset), len(tokens))


def dateline_end(text: str) -> int:
    """Offset where the story starts after a dateline ("Paris (VNA) – "), else 0."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _candidate(t: Token, taken: bytearray) -> bool:
    if not (t.is_word and t.is_cap) or t.lower in lex.FUNCTION_WORDS:
        return False
    return not taken[t.start]


def _longest_place(
    text: str, tokens: list[Token], i: int, taken: bytearray, person_words: set[str]
) -> tuple[int, str, PlaceInfo, int] | None:
    """(end token, written name, info, end offset) of the longest place at ``i``."""
    for m in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
        span = tokens[i : i + m]
        if not _span_ok(span, taken):
            continue
        written = text[span[0].start : span[-1].end]
        info = _info(written) or _with_generic(tokens, i + m, written, person_words) \
            or _cued(tokens, i, m, written, person_words)
        info = _kind_checked(info, tokens, i + m, written)
        if info is None or not _credible(tokens, i, m, info, person_words) \
                or _glued(tokens, i - 1, taken) or _glued(tokens, i + m, taken):
            continue
        end = i + m
        if info.name == f"{written} border gate":
            written, end = info.name, end + 2
        elif end < len(tokens) and tokens[end].lower in lex.PLACE_GENERIC:
            end += 1
        feature = _feature_after(tokens, end, written) if info.kind != "natural" else None
        if feature is not None:
            written, info, end = feature
        elif info.kind != "natural" and _RIVER_CUE.search(text[: span[0].start]):
            info = _river(written) or info
        return end, written, info, tokens[end - 1].end
    return None


# "on the left bank of the Rhône", "along the Loire": the river, not the department.
_RIVER_CUE = re.compile(r"\b(?:banks? of|along|mouth of|upstream on|downstream on) the\s+$",
                        re.IGNORECASE)


def _river(written: str) -> PlaceInfo | None:
    """The river called ``written`` ("Rhône" -> "Rhône River"), when the gazetteer has one."""
    info = place_info(f"{written} River")
    return info if info is not None and info.kind == "natural" else None


def _feature_after(
    tokens: list[Token], j: int, written: str
) -> tuple[str, PlaceInfo, int] | None:
    """"the Loire estuary", "the Xyz river": a lower-case feature word after a place that
    is no feature itself (a province, a town) makes the feature the place (name, info,
    end token), or ``None``."""
    if j >= len(tokens) or tokens[j].is_cap or tokens[j].lower not in _FEATURE_WORDS:
        return None
    longer = f"{written} {tokens[j].text}"
    info = place_info(longer)
    if info is None or info.kind != "natural":
        info = PlaceInfo(longer, "natural", None, 0) if natural_feature(longer) else None
    return (longer, info, j + 1) if info is not None else None


def _cued(
    tokens: list[Token], i: int, m: int, written: str, person_words: set[str]
) -> PlaceInfo | None:
    """A name the gazetteer knows but ``place_info`` finds too ambiguous alone, marked as
    a place by its context: "in Xyz Abc", "the Xyz industrial park", "Suwon and Xyz"."""
    before = tokens[i - 1].lower if i > 0 else ""
    after = tokens[i + m : i + m + 3]
    site = before == "the" and site_noun_after(
        [t.lower for t in after], [t.is_word and not t.is_cap for t in after]) >= 0
    words = fold(written).split()
    if not (site or before in _CUES_BEFORE) or any(w in lex.STOPWORDS for w in words) \
            or not site and any(w in person_words for w in words):
        return None
    info = cued_place_info(written)
    if info is None and site and m >= 2 and all(t.is_cap for t in tokens[i : i + m]):
        return _settlement(tokens, i + m, written)
    if info is None and m <= 2 and _port_of(tokens, i):
        return PlaceInfo(written, "other", None, 0)
    if info is None or not (site or before in ("in", "at", "near")
                            or info.population >= _MIN_POPULATION):
        return None
    return info


def _port_of(tokens: list[Token], i: int) -> bool:
    """"the fishing port of Xyz": a lower-case "port of" names the place it is in (the
    capitalised "Port of Xyz" is the port's authority, an organisation)."""
    return i >= 2 and tokens[i - 1].lower == "of" and not tokens[i - 2].is_cap \
        and tokens[i - 2].lower in ("port", "harbour", "harbor")


def _settlement(tokens: list[Token], j: int, written: str) -> PlaceInfo | None:
    """"the Xyz Abc ancient village": a named village is a place of its own."""
    after = tokens[j : j + 3]
    x = site_noun_after([t.lower for t in after], [t.is_word and not t.is_cap for t in after])
    if after[x].lower == "gate" and x == 1 and after[0].lower == "border":
        return PlaceInfo(f"{written} border gate", "other", None, 0)  # "the Xyz border gate"
    return PlaceInfo(written, "other", None, 0) if after[x].lower in SETTLEMENT_NOUNS else None


def _function_word_start(tokens: list[Token], i: int, taken: bytearray) -> bool:
    """"in My Tho", "the An Giang delta": a capitalised function word inside a sentence,
    before another capitalised word, may start a place name of two words or more."""
    t = tokens[i]
    if not (t.is_word and t.is_cap) or taken[t.start] or i == 0 or i + 1 >= len(tokens):
        return False
    prev = tokens[i - 1]
    return prev.is_word and not prev.is_cap and _later_word(tokens[i + 1], taken)


def _span_ok(span: list[Token], taken: bytearray) -> bool:
    """Capitalised words, with lower-case connectors inside ("Pays de la Loire")."""
    first_ok = _candidate(span[0], taken) or len(span) > 1 and span[0].is_cap
    if not first_ok or len(span) > 1 and not _later_word(span[-1], taken):
        return False
    return all(_later_word(t, taken) or t.lower in lex.PLACE_CONNECTORS and not taken[t.start]
               for t in span[1:-1])


def _later_word(t: Token, taken: bytearray) -> bool:
    """A capitalised word after the first one, even a function word ("Nghe An")."""
    return t.is_word and t.is_cap and not taken[t.start]


# A gazetteer town smaller than this is not taken for a "district" or "province" of the
# same name ("Xyz district" is the district, not a hamlet called Xyz abroad).
_SMALL_TOWN = 100_000


def _kind_checked(info: PlaceInfo | None, tokens: list[Token], j: int, written: str
                  ) -> PlaceInfo | None:
    """A small town found for a name the text calls a district or province becomes an
    unlocated place of that kind."""
    if info is None or info.kind != "city" or info.population >= _SMALL_TOWN \
            or j >= len(tokens) or tokens[j].is_cap:
        return info
    kind = _GENERIC_KINDS.get(tokens[j].lower)
    return PlaceInfo(written, kind, None, 0) if kind in ("district", "province") else info


def _with_generic(
    tokens: list[Token], j: int, written: str, person_words: set[str]
) -> PlaceInfo | None:
    """"Vinh city", "Ba Tri district": a name that a generic word follows is a place of
    that kind even when the name alone is too ambiguous (or unknown) to accept."""
    if j >= len(tokens) or tokens[j].lower not in _GENERIC_KINDS \
            or tokens[j].is_cap and tokens[j].lower == "port":
        return None
    words = fold(written).split()
    if any(w in lex.STOPWORDS or w in person_words or w in lex.NATIONALITIES for w in words) \
            or any(not t.is_cap for t in tokens[j - len(words) : j]):
        return None
    found = place_info_any(written)
    if found is not None or _GENERIC_KINDS[tokens[j].lower] != "natural":
        return found or PlaceInfo(written, _GENERIC_KINDS[tokens[j].lower], None, 0)
    found = place_info(f"{written} {tokens[j].text}")  # "X river": only a river it knows
    return found if found is not None and found.kind == "natural" else None


def _info(written: str) -> PlaceInfo | None:
    info = place_info(written)
    if info is None and natural_feature(written):
        return PlaceInfo(written, "natural", None, 0)
    return info


def _credible(tokens: list[Token], i: int, m: int, info: PlaceInfo, person_words: set[str]) -> bool:
    """Is this name a place here? Strong names always; small towns with a cue."""
    words = fold(" ".join(t.text for t in tokens[i : i + m])).split()
    if m == 1 and (words[0] in person_words or tokens[i].is_acronym and info.kind != "country"):
        return False
    if m == 1 and (tokens[i].lower in lex.NATIONALITIES or tokens[i].lower in lex.STOPWORDS
                   or is_role_word(tokens[i])):
        return False
    if m == 1 and match_role(tokens, i, need_cap=False) is not None:
        return False  # "Chargé" of "Chargé d'affaires", though a French village
    if info.kind in ("country", "region", "province", "natural") or m >= 2:
        return True
    before = tokens[i - 1].lower if i > 0 else ""
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if before in _CUES_BEFORE or after in lex.PLACE_GENERIC:
        return True
    if before in ("", "\n", ".", "!", "?", '"', "“", "‘", "'"):
        # A capital at the start of a sentence says nothing: "Mobile payments ..."
        return info.population >= _MIN_POPULATION_SENTENCE_START
    return info.population >= _MIN_POPULATION


def _glued(tokens: list[Token], j: int, taken: bytearray) -> bool:
    """A capitalised word right beside the name: it belongs to a longer name
    ("Brest Sea Festival", "Ka Pet"), unless it is a person's name, an office or "city"."""
    if not 0 <= j < len(tokens):
        return False
    t = tokens[j]
    if not (t.is_word and t.is_cap) or taken[t.start]:
        return False
    low = t.lower
    return low not in lex.FUNCTION_WORDS and low not in lex.PLACE_GENERIC and not is_role_word(t)


# ---------------------------------------------------------------- merging per document


def merge_places(mentions: list[PlaceMention]) -> list[Place]:
    """One ``Place`` per place named in the document, in order of first mention."""
    groups: dict[tuple[str, str | None], list[PlaceMention]] = {}
    for m in mentions:
        groups.setdefault((fold(m.info.name), m.info.country), []).append(m)
    return [_place(g) for g in groups.values()]


def _place(g: list[PlaceMention]) -> Place:
    forms = [m.written if fold(m.written) == fold(m.info.name) else _bare(m.written) for m in g]
    name = max(forms, key=lambda f: (forms.count(f), -forms.index(f)))
    aliases = [f for f in dict.fromkeys(m.written for m in g) if f != name]
    info = g[0].info
    mentions = [Mention(m.start, m.end, m.segment) for m in g]
    return Place(name, aliases, info.kind, info.country, mentions=mentions)


def _bare(written: str) -> str:
    words = written.split()
    while len(words) > 1 and words[-1].lower() in lex.PLACE_GENERIC:
        words.pop()
    return " ".join(words)


__all__ = ["PlaceMention", "find_places", "merge_places", "dateline_end"]
