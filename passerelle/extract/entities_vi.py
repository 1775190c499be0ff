"""Vietnamese entities with organisations: ``entities.vi.v2``.

People (with their offices) and places come from ``entities.vi.v1``
(``passerelle.extract.entities_intl``); this component adds organisations, found
after the head words of ``lang.vi.ORGANIZATION_HEADS``, precision first:

- "UBND tỉnh Thừa Thiên Huế", "Tỉnh ủy Quảng Nam": a head, a unit word, a place the
  gazetteer knows. Written without the place ("Chủ tịch UBND tỉnh Nguyễn Văn A"),
  the name takes the document's only Vietnamese province, if it names exactly one;
- "Chính phủ Pháp", "Đại sứ quán Việt Nam tại Pháp": a country, then "tại" a place;
- "Bộ Ngoại giao", "Phòng Thương mại và Công nghiệp (CCI) tỉnh X": capitalised
  syllables, each maybe followed by one lower-case syllable of the same word;
- "tập đoàn VinFast": the company's own name, the generic word as an alias.

Places written "CH Pháp" (the Republic of France) are named "Pháp". Not a stable API
beyond the registered name.
"""

from __future__ import annotations

import re
import unicodedata

from passerelle import registry
from passerelle.errors import ExtractionError
from passerelle.extract import lexicon_en as lex
from passerelle.extract.base import Analysis
from passerelle.extract.entities_fr import (
    CAP_RUN,
    OrgSpan,
    add_unit_places,
    base_component,
    drop_outlets,
    finish,
    person_spans,
    tidy_titles,
)
from passerelle.extract.lang import find_phrases, fold_case
from passerelle.extract.lang import vi as vi_tables
from passerelle.extract.placenames import PlaceInfo, place_info
from passerelle.extract.tokens import Token, fold, tokenize

_MAX_SYLLABLES = 10
_REPUBLIC = re.compile(r"^(?:CH|Cộng hòa|Cộng hoà)\s+")
_ACRONYM = re.compile(r"\s*\(([A-ZĐ][A-ZĐ0-9&.\-]{1,11})\)")

Span = tuple[int, int]
_FIRST_WORDS = frozenset(h.split()[0] for h in vi_tables.ORGANIZATION_HEADS)
# "vùng Provence-Alpes-Côte d'Azur": a capitalised run that may go on with "d'Azur".
_CAP_RUN_VI = r"([A-ZÀ-ÝĐ][\w’'-]*(?:(?:[ -]|\sd['’])[A-ZÀ-ỸĐ][\w’'-]*){0,3})"
_UNIT_PLACE_VI = re.compile(r"(?<!\w)(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|vùng)\s+"
                            + _CAP_RUN_VI)


@registry.register("entities.vi.v2")
def run_vi(analysis: Analysis) -> None:
    """Fill people (with offices), organisations and places of a Vietnamese document."""
    base_component("entities.vi.v1")(analysis)
    try:
        _clean_places(analysis)
        add_unit_places(analysis, _UNIT_PLACE_VI)
        _add_named_places(analysis)
        _provinces_named_as_such(analysis)
        drop_outlets(analysis, vi_tables.OUTLET_WORDS)
        spans = person_spans(analysis)
        found = [o for seg, text in analysis.segments.items()
                 for o in find_organizations_vi(seg, text, spans.get(seg, []))]
        _complete_units(analysis, found)
    except Exception as exc:  # noqa: BLE001 - reported with the document
        raise ExtractionError(f"organisation extraction (vi) failed: {exc}",
                              source=analysis.doc.id, hint="report the document") from exc
    finish(analysis, found)
    _apposed_titles(analysis, found)
    _home_offices(analysis)
    _governors(analysis)
    _republic_offices(analysis)
    tidy_titles(analysis.doc)  # the countries of the offices just read


def find_organizations_vi(segment: str, text: str, people: list[Span]) -> list[OrgSpan]:
    """Organisations named in one Vietnamese segment.

    Args:
        segment: "body" or "caption:N".
        text: the segment's text (NFC; other forms are skipped, offsets would differ).
        people: spans of people's names in the segment; a name never runs into them.

    Returns:
        One ``OrgSpan`` per occurrence, in text order.
    """
    if not unicodedata.is_normalized("NFC", text):
        return []
    toks = tokenize(text)
    out: list[OrgSpan] = []
    i = 0
    while i < len(toks):
        found = _org_at(text, toks, i, people, segment)
        if found is None:
            i += 1
            continue
        org, i = found
        out.append(org)
    _renamed(text, out)
    return out


_NOW = re.compile(r"\s*[,(]?\s*(?:nay là|nay đổi tên thành|nay đã đổi tên thành|tức là|tức)\s*$")


def _renamed(text: str, orgs: list[OrgSpan]) -> None:
    """An old name, then "nay là" and the new one: one body, two names."""
    for a, b in zip(orgs, orgs[1:]):
        if _NOW.match(text[a.end:b.start]):
            a.aliases.append(b.name)
            b.aliases.append(a.name)


def _org_at(
    text: str, toks: list[Token], i: int, people: list[Span], segment: str
) -> tuple[OrgSpan, int] | None:
    """The organisation whose head is at token ``i``, and the token after it."""
    head = _match_head(toks, i)
    if head is None or _in(toks[i], people):
        return None
    n, kind, mode = head
    if mode != "company" and not toks[i].is_cap:
        return None
    reader = _READERS[mode]
    j, alias, country = reader(text, toks, i + n, people)
    if j is None:
        return None
    start = toks[i].start
    if mode == "company":
        start = next(t.start for t in toks[i + n:j] if fold_case(t.text) not in _LEGAL_FORMS)
        alias = text[toks[i].start:toks[j - 1].end]
    name = text[start:toks[j - 1].end]
    if fold_case(name) in vi_tables.GENERIC_BODIES:
        return None
    acr = _ACRONYM.match(text, toks[j - 1].end)
    if acr and not alias:
        alias = acr.group(1)
    org = OrgSpan(name, segment, start, toks[j - 1].end, kind, country,
                  [alias] if alias else [])
    return org, j


def _match_head(toks: list[Token], i: int) -> tuple[int, str, str] | None:
    """The longest head phrase at token ``i``: (tokens, kind, mode)."""
    heads = vi_tables.ORGANIZATION_HEADS
    if fold_case(toks[i].text) not in _FIRST_WORDS:
        return None
    for n in range(min(6, len(toks) - i), 0, -1):
        if not all(t.is_word for t in toks[i:i + n]):
            continue
        key = fold_case(" ".join(t.text for t in toks[i:i + n]))
        if key in heads:
            kind, mode = heads[key]
            return n, kind, mode
    return None


def _in(t: Token, spans: list[Span]) -> bool:
    return any(a <= t.start < b for a, b in spans)


def _cap_run(toks: list[Token], j: int, people: list[Span], limit: int = 5) -> int:
    """The end of the run of capitalised words from token ``j`` (no person's name)."""
    k = j
    while k < len(toks) and k - j < limit and toks[k].is_word and toks[k].is_cap \
            and not _in(toks[k], people):
        k += 1
    return k


def _place_at(text: str, toks: list[Token], j: int, people: list[Span]) -> tuple[int, PlaceInfo] | None:
    """The longest place name the gazetteer knows starting at token ``j``."""
    end = _cap_run(toks, j, people)
    for k in range(end, j, -1):
        written = text[toks[j].start:toks[k - 1].end]
        code = vi_tables.COUNTRIES.get(fold_case(written))
        info = PlaceInfo(written, "country", code) if code else place_info(written)
        if info is not None:
            return k, info
    return None


def _unit_at(toks: list[Token], j: int) -> tuple[int, str] | None:
    """An administrative unit word at token ``j`` ("tỉnh", "thành phố", "TP."): (end, kind)."""
    for n in (2, 1):
        key = fold_case(" ".join(t.text for t in toks[j:j + n]))
        if key in vi_tables.UNIT_WORDS and all(t.is_word for t in toks[j:j + n]):
            end = j + n
            if end < len(toks) and toks[end].text == "." and key == "tp":
                end += 1
            return end, vi_tables.UNIT_WORDS[key]
    return None


# ---------------------------------------------------------------- how names go on


Reading = tuple[int | None, str | None, str | None]  # (end token, alias, country)


def _read_unit(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """"UBND tỉnh Thừa Thiên Huế", "UBND TP. Đà Nẵng", "UBND tỉnh" (place unsaid)."""
    unit = _unit_at(toks, j)
    if unit is None:
        place = _place_at(text, toks, j, people)
        return (place[0], None, place[1].country) if place else (None, None, None)
    place = _place_at(text, toks, unit[0], people)
    if place is None:
        return unit[0], None, "VN"
    return place[0], None, place[1].country


def _read_party(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """"Tỉnh ủy Thừa Thiên Huế", or "Tỉnh ủy" alone."""
    place = _place_at(text, toks, j, people)
    return (place[0], None, place[1].country) if place else (j, None, "VN")


def _read_country(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """"Chính phủ Pháp"; "Chính phủ" and "Quốc hội" alone are Vietnam's."""
    place = _place_at(text, toks, _after_republic(toks, j), people)
    if place is not None and place[1].kind == "country":
        return place[0], None, place[1].country
    head = fold(toks[j - 1].text) if j else ""
    if head in ("phu", "hoi", "giao"):  # Chính phủ, Quốc hội, Bộ Ngoại giao
        return j, None, "VN"
    return None, None, None


def _after_republic(toks: list[Token], j: int) -> int:
    """Skip "CH" / "Cộng hòa" before a country's name."""
    if j < len(toks) and toks[j].text == "CH":
        return j + 1
    if j + 1 < len(toks) and fold(f"{toks[j].text} {toks[j + 1].text}") == "cong hoa":
        return j + 2
    return j


def _read_embassy(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """"Đại sứ quán Việt Nam tại Pháp": the sending country, then where it sits."""
    place = _place_at(text, toks, _after_republic(toks, j), people)
    if place is None:
        return None, None, None
    end, country = place[0], place[1].country
    if end < len(toks) and fold(toks[end].text) == "tai":
        there = _place_at(text, toks, _after_unit(toks, _after_republic(toks, end + 1)), people)
        if there is not None:
            end = there[0]
    return end, None, country


def _read_named(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """Capitalised syllables (each maybe followed by a lower-case one), "và", an
    acronym in brackets, a unit and its place, "tại" and a place."""
    good, k, alias, caps = j, j, None, 0
    while k < len(toks) and k - j < _MAX_SYLLABLES:
        t = toks[k]
        if _in(t, people) or _starts_person(text, toks, k, people) and caps:
            break
        if t.is_word and t.is_cap:
            caps += 1
            good = k = k + 1
            if _compound_tail(text, toks, k):
                good = k = k + 1
        elif fold(t.text) == "va" and _joins(text, toks, k + 1, people):
            k += 1
        elif t.text in "-–" and caps and k + 1 < len(toks) and toks[k + 1].is_cap:
            k += 1
        elif t.text == "," and caps and _listed(toks, k + 1):
            k += 1
        elif t.text == "(" and (m := _ACRONYM.match(text, toks[k - 1].end)):
            alias = m.group(1)
            k = good = _index_after(toks, m.end())
        elif (unit := _unit_at(toks, k)) and (place := _place_at(text, toks, unit[0], people)):
            good = k = place[0]
            caps += 1
            break
        elif fold(t.text) == "tai" and (place := _place_at(text, toks, _after_unit(toks, k + 1),
                                                            people)):
            good = k = place[0]
            break
        else:
            break
    if caps == 0 and not _head_is_name(toks, j):
        return None, None, None
    if place_info(text[toks[j - 1].start:toks[good - 1].end]) is not None:
        return None, None, None  # "Hội An", "Trường Sa": a place, not a body
    return good, alias, _country_in(text, toks, j, good)


def _after_unit(toks: list[Token], j: int) -> int:
    """Skip a unit word ("TP.", "tỉnh") before a place's name."""
    unit = _unit_at(toks, j)
    return unit[0] if unit else j


def _joins(text: str, toks: list[Token], k: int, people: list[Span]) -> bool:
    """Whether "và" before token ``k`` joins two words of one name ("Kế hoạch và Đầu tư")
    rather than two names ("Đại học Huế và Đại học Bordeaux", "... và Pháp")."""
    if k >= len(toks) or not toks[k].is_cap or _match_head(toks, k) is not None:
        return False
    return _place_at(text, toks, k, people) is None


def _listed(toks: list[Token], k: int) -> bool:
    """Whether a comma at ``k - 1`` separates words of one name that a "và" closes
    ("Bộ Văn hóa, Thể thao và Du lịch")."""
    if k < len(toks) and _match_head(toks, k) is not None:
        return False
    for n in range(k, min(len(toks), k + 6)):
        t = toks[n]
        if fold(t.text) == "va":
            return n + 1 < len(toks) and toks[n + 1].is_cap and n > k
        if not t.is_word or (not t.is_cap and n == k):
            return False
    return False


def _head_is_name(toks: list[Token], j: int) -> bool:
    """Whether the head is a full name by itself ("Phòng Thương mại và Công nghiệp")."""
    return j >= 3 and all(t.is_cap or fold(t.text) == "va" for t in toks[j - 3:j])


def _compound_tail(text: str, toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is the lower-case second syllable of the word before it
    ("Ngoại giao", "Văn hóa"), not a function word or the start of the next clause."""
    if k >= len(toks) or not toks[k].is_word or toks[k].is_cap:
        return False
    if fold_case(toks[k].text) in vi_tables.NAME_STOPWORDS:
        return False
    if text[toks[k - 1].end:toks[k].start] != " ":
        return False
    return fold_case(toks[k - 1].text) not in vi_tables.COUNTRIES  # "Pháp đối với ..."


def _starts_person(text: str, toks: list[Token], k: int, people: list[Span]) -> bool:
    """A Vietnamese surname followed by one to three capitalised syllables, not a place."""
    if fold(toks[k].text) not in lex.VIETNAMESE_SURNAMES:
        return False
    end = _cap_run(toks, k, people)
    if not 2 <= end - k <= 4:
        return False
    return place_info(text[toks[k].start:toks[end - 1].end]) is None


def _index_after(toks: list[Token], offset: int) -> int:
    return next((n for n, t in enumerate(toks) if t.start >= offset), len(toks))


def _country_in(text: str, toks: list[Token], j: int, end: int) -> str | None:
    """The country of the first place named in tokens ``[j, end)``."""
    for k in range(j, end):
        place = _place_at(text, toks, k, [])
        if place is not None and place[1].country:
            return place[1].country
    return None


def _read_company(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """"tập đoàn VinFast": one to four capitalised words that are not a place."""
    while j < len(toks) and (fold_case(toks[j].text) in _LEGAL_FORMS
                             or _company_head(toks, j)):
        j += 1 + (_company_head(toks, j) and fold_case(toks[j].text) == "tập")
    end = _cap_run(toks, j, people, limit=4)
    if end == j or place_info(text[toks[j].start:toks[end - 1].end]) is not None:
        return None, None, None
    return _trade_and_place(text, toks, end, people), None, None


def _company_head(toks: list[Token], j: int) -> bool:
    """"Tập đoàn" inside a company's name ("Công ty Cổ phần Tập đoàn Lộc Trời")."""
    return j + 1 < len(toks) and fold_case(f"{toks[j].text} {toks[j + 1].text}") == "tập đoàn"


def _trade_and_place(text: str, toks: list[Token], end: int, people: list[Span]) -> int:
    """"Công ty Cấp thoát nước Lâm Đồng": the trade in lower case, then a known place,
    belong to the name; without the place, the name stops at the capitals."""
    k = end
    while k < len(toks) and k - end < 3 and toks[k].is_word and not toks[k].is_cap \
            and fold_case(toks[k].text) not in vi_tables.NAME_STOPWORDS:
        k += 1
    if k == end:
        return end
    place = _place_at(text, toks, k, people)
    return place[0] if place is not None else end


_LEGAL_FORMS = frozenset({"tnhh", "cp", "cổ", "phần", "mtv", "jsc"})


def _read_fixed(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    return j, None, None


_READERS = {
    "unit": _read_unit, "party": _read_party, "country": _read_country,
    "embassy": _read_embassy, "named": _read_named, "company": _read_company,
    "fixed": _read_fixed,
}


# ---------------------------------------------------------------- document level


def _complete_units(analysis: Analysis, found: list[OrgSpan]) -> None:
    """"UBND tỉnh" / "Tỉnh ủy" without a place: name it after the document's only
    Vietnamese province (or city, for "thành phố"), keeping the written form as an alias."""
    for org in found:
        words = fold_case(org.name).split()
        kind = _missing_place_kind(words)
        if kind is None:
            continue
        place = _only_place(analysis, kind)
        if place is not None:
            org.aliases.append(org.name)
            org.name = f"{org.name} {place}"


def _missing_place_kind(words: list[str]) -> str | None:
    heads = vi_tables.ORGANIZATION_HEADS
    if " ".join(words) in heads and heads[" ".join(words)][1] == "party":
        return "city" if words[0] == "thành" else "province"
    if len(words) >= 2 and heads.get(" ".join(words[:-1]), ("", ""))[1] == "unit":
        return vi_tables.UNIT_WORDS.get(words[-1])
    if len(words) >= 3 and heads.get(" ".join(words[:-2]), ("", ""))[1] == "unit":
        return vi_tables.UNIT_WORDS.get(" ".join(words[-2:]))
    return None


def _only_place(analysis: Analysis, kind: str) -> str | None:
    names = {p.name for p in analysis.doc.places if p.country == "VN" and p.kind == kind}
    return names.pop() if len(names) == 1 else None


def _clean_places(analysis: Analysis) -> None:
    """"CH Pháp" -> "Pháp" (the mention starts at the country's name); "Huế" read in
    "tỉnh Thừa thiên Huế" (a syllable not capitalised) is the province."""
    _republic_prefix(analysis)
    for place in list(analysis.doc.places):
        _widen(analysis, place)
    for place in analysis.doc.places:
        place.mentions = [m for m in place.mentions if not _office_word(analysis, m)]
    analysis.doc.places = [p for p in analysis.doc.places if p.mentions]


def _office_word(analysis: Analysis, m) -> bool:  # noqa: ANN001 - a records.Mention
    """Whether a place's mention is the first word of an office ("Bí thư" is not "Bỉ")."""
    text = analysis.segments.get(m.segment, "")
    found = find_phrases(text[m.start:m.start + 40], vi_tables.ROLES)
    return bool(found) and found[0][1] == 0 and found[0][2] > m.end - m.start


def _widen(analysis: Analysis, place) -> None:  # noqa: ANN001 - a records.Place
    """Give ``place``'s mentions to the longer place written around all of them."""
    wider = [_wider_at(analysis.segments.get(m.segment, ""), m.start, m.end) for m in place.mentions]
    if not wider or not all(wider) or len({w[1].name for w in wider}) != 1:  # type: ignore[index]
        return
    written, info, starts = wider[0][0], wider[0][1], [w[2] for w in wider]  # type: ignore[index]
    for mention, start in zip(place.mentions, starts):
        mention.start = start
    target = next((p for p in analysis.doc.places
                   if p is not place and place_info(p.name) == info), None)
    if target is not None:
        target.mentions.extend(place.mentions)
        analysis.doc.places.remove(place)
        return
    place.name, place.kind, place.country = written, info.kind, info.country
    place.lat = place.lon = place.geonames_id = None


def _wider_at(text: str, start: int, end: int) -> tuple[str, PlaceInfo, int] | None:
    """A known place of another kind that one or two words before ``start`` begin."""
    own = place_info(text[start:end])
    head = text[max(0, start - 30):start]
    for m in re.finditer(r"(?:\w+ ){1,2}$", head):
        for n in range(2, 0, -1):
            words = m.group().split()[-n:]
            begin = start - len(" ".join(words)) - 1
            if not words[0][:1].isupper():
                continue
            info = place_info(text[begin:end])
            if info is not None and own is not None and info.name != own.name:
                return text[begin:end], info, begin
    return None


def _republic_prefix(analysis: Analysis) -> None:
    for place in analysis.doc.places:
        m = _REPUBLIC.match(place.name)
        if m is None or place_info(place.name[m.end():]) is None:
            continue
        place.aliases = [a for a in place.aliases if a != place.name[m.end():]]
        place.name = place.name[m.end():]
        for mention in place.mentions:
            text = analysis.segments.get(mention.segment, "")
            if _REPUBLIC.match(text[mention.start:mention.end]):
                mention.start += m.end()


# ---------------------------------------------------------------- places and offices

# A lower-case unit word before a capitalised name: the name is that unit's, even when
# the gazetteer does not know it ("huyện Thoại Sơn", "xã Vĩnh Hanh", "thành phố Vinh").
_UNIT_NAMED = re.compile(r"(?<![\w.])(?<!UBND )(?<!tác )(?<!HĐND )(huyện|quận|thị xã|thị trấn|xã|phường|"
                         r"thành phố)\s+(?=[A-ZÀ-ÝĐ])")
_UNIT_KIND = {"huyện": "district", "quận": "district", "thị xã": "city", "thị trấn": "city",
              "xã": "other", "phường": "other", "thành phố": "city"}
# A lower-case generic word of nature before a capitalised name ("vịnh Vân Phong",
# "sông Hậu", "hồ Xuân Hương"): one natural place, named with its generic word.
_NATURAL = re.compile(r"(?<!\w)(vịnh|sông|hồ|núi|đảo|đèo|biển)\s+(?=[A-ZÀ-ÝĐ])")
_WORD = re.compile(r"[\w’'-]+")


def _caps_end(text: str, pos: int, limit: int = 3) -> int:
    """The end of the run of up to ``limit`` capitalised words from ``pos`` ("d'Azur"
    continues one); ``pos`` itself when none starts there."""
    end, k = pos, 0
    while k < limit:
        m = _WORD.match(text, pos)
        if m is None or not (m.group()[:1].isupper() or re.match(r"d['’][A-ZÀ-ỸĐ]", m.group())):
            break
        if not m.group()[:1].isupper() and k == 0:
            break
        end, k = m.end(), k + 1
        if text[end:end + 1] != " ":
            break
        pos = end + 1
    return end


def _add_named_places(analysis: Analysis) -> None:
    """Places announced by a lower-case unit or nature word that the gazetteer step
    missed. A natural place takes the mentions of a same-named town read inside it
    ("vịnh Hạ Long" is the bay, not the city)."""
    people = person_spans(analysis)
    for seg, text in analysis.segments.items():
        spans = people.get(seg, [])
        for m in _NATURAL.finditer(text):
            end = _caps_end(text, m.end())
            if not _in_people(m.end(), spans):
                _put_place(analysis, text[m.start():end], "natural", seg, m.start(), end)
        for m in _UNIT_NAMED.finditer(text):
            end = _caps_end(text, m.end())
            name = text[m.end():end]
            if _in_people(m.end(), spans) or _known_place(analysis, name):
                continue
            if fold(name.split()[0]) in lex.VIETNAMESE_SURNAMES and len(name.split()) > 2:
                continue  # "thành phố Nguyễn Văn A": an office, then its holder
            _put_place(analysis, name, _UNIT_KIND[m.group(1)], seg, m.end(), end)


_AS_PROVINCE = re.compile(r"(?i)(?:tỉnh|tỉnh ủy|tỉnh uỷ)\s+$")
_AS_CITY = re.compile(r"(?i)(?:thành phố|tp\.?)\s+$")


def _provinces_named_as_such(analysis: Analysis) -> None:
    """A Vietnamese city that shares its province's name ("Thanh Hóa", "Hà Tĩnh") is the
    province when the text writes it after "tỉnh" and never after "thành phố"."""
    for place in analysis.doc.places:
        if place.kind != "city" or place.country != "VN":
            continue
        before = [analysis.segments.get(m.segment, "")[max(0, m.start - 12):m.start]
                  for m in place.mentions]
        if any(_AS_PROVINCE.search(b) for b in before) and not any(_AS_CITY.search(b) for b in before):
            place.kind = "province"


def _in_people(offset: int, spans: list[Span]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _known_place(analysis: Analysis, name: str) -> bool:
    key = fold(name)
    return any(key in (fold(p.name), *(fold(a) for a in p.aliases)) for p in analysis.doc.places)


def _put_place(analysis: Analysis, written: str, kind: str, seg: str, start: int, end: int) -> None:
    """Add a place mention (creating the place), taking over overlapping mentions of others."""
    from passerelle.records import Mention, Place  # noqa: PLC0415

    info = place_info(written)
    if info is not None and info.kind != kind and kind != "natural":
        return  # the gazetteer knows the name as something else
    for other in analysis.doc.places:
        other.mentions = [x for x in other.mentions
                          if not (x.segment == seg and start <= x.start < end)]
    analysis.doc.places = [p for p in analysis.doc.places if p.mentions]
    place = next((p for p in analysis.doc.places if fold(p.name) == fold(written)), None)
    if place is None:
        place = Place(written, [], kind, info.country if info else "VN")
        analysis.doc.places.append(place)
    place.mentions.append(Mention(start, end, seg))


# ", Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Nam": offices written after a name.
_COMMA = re.compile(r"\s*,\s*")
_OF_UNIT = re.compile(r"(?:tỉnh|thành phố|TP\.?)\s+", re.I)
_OF_ORG = re.compile(r"(?:UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)",
                     re.I)
_PARTY_ROLE = re.compile(r"(?:Tỉnh|Thành) (?:ủy|uỷ)$", re.I)


_COMPANY_HEAD = re.compile(r"(?:Công ty|Tập đoàn|Hãng)(?:\s+(?:TNHH|Cổ phần|cổ phần|CP|MTV))*\s+")


def _apposed_titles(analysis: Analysis, found: list[OrgSpan]) -> None:
    """Give each person the offices written after their name, with what they are of
    (an organisation named there, else a place); a Party office without its place
    ("Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nghệ An") is of the place the chain ends with."""
    spans = person_spans(analysis)
    for person in analysis.doc.people:
        for m in person.mentions:
            text = analysis.segments.get(m.segment, "")
            orgs = {o.start: o for o in found if o.segment == m.segment}
            starts = sorted(a for a, _ in spans.get(m.segment, []))
            for role, of in _chain(text, m.end, orgs, starts):
                if of == "":  # the office is that of the name right after it
                    person.titles = [t for t in person.titles if t.role != role or t.of]
                else:
                    _merge_title(person, role, of)


def _chain(text: str, pos: int, orgs: dict[int, OrgSpan],
           names: list[int]) -> list[tuple[str, str | None]]:
    """The offices after a name and a comma, with what they are of; ``(role, "")`` for
    an office followed by another person's name ("X, Đại sứ Y": Y's office)."""
    out: list[tuple[str, str | None]] = []
    while (comma := _COMMA.match(text, pos)) is not None:
        rest = text[comma.end():comma.end() + 80]
        found = find_phrases(rest, vi_tables.ROLES)
        if not found or found[0][1] != 0 or not rest[:1].isupper():
            break
        phrase_end = comma.end() + found[0][2]
        unit = _OF_UNIT.match(text, phrase_end + 1) if text[phrase_end:phrase_end + 1] == " " else None
        place_at = unit.end() if unit else phrase_end + 1
        cap = _caps_end(text, place_at) if text[phrase_end:phrase_end + 1] == " " else place_at
        name = next((a for a in names if place_at <= a < max(cap, place_at + 1)), None)
        if name == place_at or (name is not None and unit is None and not out):
            return [(vi_tables.ROLES[found[0][0]], "")] if not out else _finish_chain(out)
        cap = text[:name].rstrip() if name is not None else cap
        cap = len(cap) if isinstance(cap, str) else cap
        cap = cap if cap > place_at else None
        head = _COMPANY_HEAD.match(text, place_at)
        org_at = head.end() if head and head.end() in orgs else place_at
        if cap and org_at in orgs:  # "Chủ tịch Phòng Thương mại ...", "Giám đốc Công ty X"
            out.append((vi_tables.ROLES[found[0][0]], orgs[org_at].name, ""))
            pos = orgs[org_at].end
            continue
        written = text[comma.end():cap] if cap else text[comma.end():phrase_end]
        org = _OF_ORG.search(written)
        of = written[org.start():] if org and cap else (text[place_at:cap] if cap else None)
        out.append((vi_tables.ROLES[found[0][0]], of, written))  # type: ignore[arg-type]
        pos = cap if cap else phrase_end
    return _finish_chain(out)


def _finish_chain(out: list) -> list[tuple[str, str | None]]:
    """A Party office without its place takes the place the chain ends with."""
    last = next((o for _, o, _w in reversed(out) if o), None)  # type: ignore[misc]
    place = re.sub(r"^.*?(?:tỉnh|thành phố|TP\.?)\s+", "", last) if last else None
    return [(r, o or (f"{_PARTY_ROLE.search(w).group(0)} {place}" if place and _PARTY_ROLE.search(w)
                      else None)) for r, o, w in out]  # type: ignore[misc]


def _merge_title(person, role: str, of: str | None) -> None:  # noqa: ANN001 - a records.Person
    from passerelle.records import Title  # noqa: PLC0415

    same = [t for t in person.titles if t.role == role]
    if not same:
        person.titles.append(Title(role, of))
    elif of and not any(t.of for t in same):
        same[0].of = of


_HOME_ROLES = {
    "Chairman": r"(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) tỉnh",
    "Vice Chairman": r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh",
    "Permanent Vice Chairman": r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh",
    "Secretary": r"Tỉnh (?:ủy|uỷ)", "Deputy Secretary": r"Tỉnh (?:ủy|uỷ)",
    "Standing Deputy Secretary": r"Tỉnh (?:ủy|uỷ)",
}


def _home_offices(analysis: Analysis) -> None:
    """"Chủ tịch UBND tỉnh Nguyễn Văn A", "X, Phó Chủ tịch UBND tỉnh, ...": a provincial
    office written without its province is of the document's only Vietnamese province."""
    homes = {p.name for p in analysis.doc.places if p.kind == "province" and p.country == "VN"}
    if len(homes) != 1:
        return
    home = homes.pop()
    for person in analysis.doc.people:
        for title in person.titles:
            pattern = _HOME_ROLES.get(title.role)
            if title.of or pattern is None:
                continue
            for m in person.mentions:
                text = analysis.segments.get(m.segment, "")
                near = re.search(pattern, text[max(0, m.start - 40):m.end + 60])
                if near:
                    title.of = f"{near.group(0)} {home}"
                    break


_REPUBLIC_OF = re.compile(r"(?:Cộng hòa|Cộng hoà|CH)\s+(\w+(?: \w+)?)")


def _republic_offices(analysis: Analysis) -> None:
    """"Đại sứ Cộng hòa Pháp tại Việt Nam": the office is of "Pháp", not of "Cộng"."""
    for person in analysis.doc.people:
        for title in person.titles:
            if title.of not in ("Cộng", "CH", "Cộng hòa", "Cộng hoà"):
                continue
            title.of = None
            for m in person.mentions:
                text = analysis.segments.get(m.segment, "")
                for hit in _REPUBLIC_OF.finditer(text, max(0, m.start - 60), m.end + 60):
                    words = hit.group(1).split()
                    name = next((" ".join(words[:n]) for n in (2, 1)
                                 if fold_case(" ".join(words[:n])) in vi_tables.COUNTRIES), None)
                    title.of = title.of or name


_PREFECTS = {"Prefect": "Governor", "Deputy Prefect": "Vice Governor"}


def _governors(analysis: Analysis) -> None:
    """"Tỉnh trưởng" is a French prefect, but the governor of a province elsewhere
    (Laos, Thailand): "Prefect" becomes "Governor" unless the office is French."""
    for person in analysis.doc.people:
        for title in person.titles:
            if title.role not in _PREFECTS:
                continue
            info = place_info(title.of) if title.of else None
            country = info.country if info else person.country
            if country and country != "FR":
                title.role = _PREFECTS[title.role]


__all__ = ["run_vi", "find_organizations_vi"]
