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
from passerelle.extract.vi_places_offices import (
    add_named_places,
    apposed_titles,
    caps_end,
    foreign_councils,
    governors,
    home_offices,
    provinces_named_as_such,
    republic_offices,
    tidy_of,
)

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
        add_named_places(analysis)
        provinces_named_as_such(analysis)
        drop_outlets(analysis, vi_tables.OUTLET_WORDS)
        spans = person_spans(analysis)
        found = [o for seg, text in analysis.segments.items()
                 for o in find_organizations_vi(seg, text, spans.get(seg, []))]
        _complete_units(analysis, found)
    except Exception as exc:  # noqa: BLE001 - reported with the document
        raise ExtractionError(f"organisation extraction (vi) failed: {exc}",
                              source=analysis.doc.id, hint="report the document") from exc
    finish(analysis, found)
    apposed_titles(analysis, found)
    home_offices(analysis)
    governors(analysis)
    foreign_councils(analysis)
    republic_offices(analysis)
    tidy_of(analysis)
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
            if caps == 1 and place_info(text[toks[j - 1].start:toks[good - 1].end]):
                return None, None, None  # "Hội An và Khu đền ...": a place, not a body
            if caps == 1 and (end := _described_place(text, toks, k, people)):
                return end, None, _country_in(text, toks, j, end)
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


_MAX_DESCRIPTION = 6  # lower-case syllables between a body's first word and its place


def _described_place(text: str, toks: list[Token], k: int, people: list[Span]) -> int | None:
    """"Trung tâm Quản lý bảo tồn di sản văn hóa Hội An": after the first capitalised
    word, lower-case syllables (no function word) then a known place that ends the
    clause; the token after the place, else ``None``."""
    n = k
    while n < len(toks) and n - k < _MAX_DESCRIPTION and toks[n].is_word \
            and not toks[n].is_cap and (fold_case(toks[n].text) not in vi_tables.NAME_STOPWORDS
                                        or fold(toks[n].text) == "va"):
        n += 1
    if n == k or n >= len(toks) or not toks[n].is_cap:
        return None
    place = _place_at(text, toks, n, people)
    if place is None or place[1].kind == "country":
        return None
    end = place[0]
    return end if end >= len(toks) or toks[end].text in ".,;:)" else None


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


# Lower-case words inside a foreign (French) proper name: "Centre-Val de Loire".
_FOREIGN_PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "les", "sur", "en", "et"})


def _read_foreign(text: str, toks: list[Token], j: int, people: list[Span]) -> Reading:
    """A foreign body's name after its Vietnamese head ("Hội đồng vùng Centre-Val de
    Loire"): capitalised words, hyphens and French particles between them."""
    good = k = j
    while k < len(toks) and k - j < _MAX_SYLLABLES and not _in(toks[k], people):
        t = toks[k]
        if t.is_word and t.is_cap:
            good = k = k + 1
        elif (t.text in "-'’" or t.lower in _FOREIGN_PARTICLES) and good > j \
                and k + 1 < len(toks) and (toks[k + 1].is_cap or toks[k + 1].text in "'’"):
            k += 1
        else:
            break
    if good == j:
        return None, None, None
    return good, None, _country_in(text, toks, j, good)


_READERS = {
    "unit": _read_unit, "party": _read_party, "country": _read_country,
    "embassy": _read_embassy, "named": _read_named, "company": _read_company,
    "fixed": _read_fixed, "foreign": _read_foreign,
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
        chained = _chain_place(analysis, org, kind)
        place = chained or _only_place(analysis, kind)
        if place is not None:
            if chained is None:  # the bare form names the only province's body
                org.aliases.append(org.name)
            org.name = f"{org.name} {place[0]}"
            org.country = place[1] or org.country


_CHAIN_PLACE = re.compile(r"\s*,\s*[^.;,]{0,40}?\b(?:tỉnh|thành phố)\s+(?=[A-ZÀ-ÝĐ])")


def _chain_place(analysis: Analysis, org: OrgSpan, kind: str) -> tuple[str, str | None] | None:
    """"Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Xiêng Khoảng": the place that the next office
    of the same person is of."""
    text = analysis.segments.get(org.segment, "")
    m = _CHAIN_PLACE.match(text, org.end)
    if m is None:
        return None
    written = text[m.end():caps_end(text, m.end())]
    place = next((p for p in analysis.doc.places if p.kind == kind and p.name == written), None)
    return (place.name, place.country) if place else None


def _missing_place_kind(words: list[str]) -> str | None:
    heads = vi_tables.ORGANIZATION_HEADS
    if " ".join(words) in heads and heads[" ".join(words)][1] == "party":
        return "city" if words[0] == "thành" else "province"
    if len(words) >= 2 and heads.get(" ".join(words[:-1]), ("", ""))[1] == "unit":
        return vi_tables.UNIT_WORDS.get(words[-1])
    if len(words) >= 3 and heads.get(" ".join(words[:-2]), ("", ""))[1] == "unit":
        return vi_tables.UNIT_WORDS.get(" ".join(words[-2:]))
    return None


def _only_place(analysis: Analysis, kind: str) -> tuple[str, str | None] | None:
    names = {p.name for p in analysis.doc.places if p.country == "VN" and p.kind == kind}
    return (names.pop(), "VN") if len(names) == 1 else None


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


__all__ = ["run_vi", "find_organizations_vi"]
