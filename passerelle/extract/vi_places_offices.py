"""Vietnamese places and offices that ``entities.vi.v2`` adds to the people-and-places step.

Helpers of ``passerelle.extract.entities_vi`` (not a component, not a stable API):

- places announced by a lower-case unit or nature word ("huyện Thoại Sơn", "vịnh Vân
  Phong", "sông Hậu"), and cities that share their province's name read as the
  province after "tỉnh" ("tỉnh Thanh Hóa", "tỉnh Savannakhet");
- offices written after a name ("X, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Y"), with
  what they are of; provincial offices without their province; "Tỉnh trưởng" of a
  province outside France is a governor; "Đại sứ Cộng hòa Pháp" is of "Pháp".
"""

from __future__ import annotations

import re

from passerelle.extract import lexicon_en as lex
from passerelle.extract.base import Analysis
from passerelle.extract.entities_fr import OrgSpan, person_spans
from passerelle.extract.lang import find_phrases, fold_case
from passerelle.extract.lang import vi as vi_tables
from passerelle.extract.placenames import place_info
from passerelle.extract.tokens import fold

Span = tuple[int, int]


# A lower-case unit word before a capitalised name: the name is that unit's, even when
# the gazetteer does not know it ("huyện Thoại Sơn", "xã Vĩnh Hanh", "thành phố Vinh").
_UNIT_NAMED = re.compile(r"(?<![\w.])(?<!UBND )(?<!tác )(?<!HĐND )(huyện|quận|thị xã|thị trấn|xã|phường|"
                         r"thành phố)\s+(?=[A-ZÀ-ÝĐ])")
_UNIT_KIND = {"huyện": "district", "quận": "district", "thị xã": "city", "thị trấn": "city",
              "xã": "other", "phường": "other", "thành phố": "city"}
# A lower-case generic word of nature before a capitalised name ("vịnh Vân Phong",
# "sông Hậu", "hồ Xuân Hương"): one natural place, named with its generic word.
# "cảng biển Quy Nhơn" is a seaport of the town, not a sea.
_NATURAL = re.compile(r"(?<!\w)(?<!cảng )(vịnh|sông|hồ|núi|đảo|đèo|biển)\s+(?=[A-ZÀ-ÝĐ])")
_WORD = re.compile(r"[\w’'-]+")


def caps_end(text: str, pos: int, limit: int = 3) -> int:
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


def add_named_places(analysis: Analysis) -> None:
    """Places announced by a lower-case unit or nature word that the gazetteer step
    missed. A natural place takes the mentions of a same-named town read inside it
    ("vịnh Hạ Long" is the bay, not the city)."""
    people = person_spans(analysis)
    for seg, text in analysis.segments.items():
        spans = people.get(seg, [])
        for m in _NATURAL.finditer(text):
            end = caps_end(text, m.end())
            if not _in_people(m.end(), spans):
                _put_place(analysis, text[m.start():end], "natural", seg, m.start(), end)
        for m in _UNIT_NAMED.finditer(text):
            end = min([caps_end(text, m.end())] + [a for a, _ in spans if a > m.end()])
            name = text[m.end():end].rstrip(" ,")
            if _in_people(m.end(), spans) or _known_prefix(analysis, name):
                continue
            if fold(name.split()[0]) in lex.VIETNAMESE_SURNAMES and len(name.split()) > 2:
                continue  # "thành phố Nguyễn Văn A": an office, then its holder
            _put_place(analysis, name, _UNIT_KIND[m.group(1)], seg, m.end(), end)
        _areas(analysis, seg, text, spans)


# "vùng Đồng Tháp Mười": a region the gazetteer does not know (it may know a province
# named by its first words); "khu công nghiệp chế biến thủy sản Thọ Quang": a named park.
_REGION_VI = re.compile(r"(?<!\w)vùng\s+(?=[A-ZÀ-ÝĐ])")
_PARK_VI = re.compile(r"(?<!\w)[Kk]hu (?:công nghiệp|kinh tế|chế xuất|công nghệ cao|di tích)\s+"
                      r"((?:[a-zà-ỹđ]+\s+){0,5}?)(?=[A-ZÀ-ÝĐ])")


def _areas(analysis: Analysis, seg: str, text: str, spans: list[Span]) -> None:
    """Unknown regions after "vùng" and parks after "khu công nghiệp ..." (kind "other")."""
    for m in _REGION_VI.finditer(text):
        end = caps_end(text, m.end(), 4)
        name = text[m.end():end]
        if len(name.split()) >= 2 and _unknown_name(name, m.end(), spans):
            _put_place(analysis, name, "region", seg, m.end(), end)
    for m in _PARK_VI.finditer(text):
        if any(fold_case(w) in vi_tables.NAME_STOPWORDS for w in m.group(1).split()):
            continue
        end = caps_end(text, m.end())
        name = text[m.end():end]
        if _office_first(text[m.end():m.end() + 40]):
            continue  # "khu di tích Chủ tịch Hồ Chí Minh": a site named after a person
        if _unknown_name(name, m.end(), spans):
            _put_place(analysis, name, "other", seg, m.end(), end)


def _office_first(after: str) -> bool:
    """Whether ``after`` starts with an office word ("Chủ tịch ...", "Đại tướng ...")."""
    folded = fold_case(after)
    return any(folded.startswith(fold_case(role) + " ") for role in vi_tables.ROLES)


def _unknown_name(name: str, start: int, spans: list[Span]) -> bool:
    """A name no gazetteer entry, country or person has, with no country inside it."""
    words = name.split()
    return bool(words) and place_info(name) is None and not _in_people(start, spans) \
        and not any(fold_case(" ".join(words[a:b])) in vi_tables.COUNTRIES
                    for a in range(len(words)) for b in range(a + 1, len(words) + 1))


_AS_PROVINCE = re.compile(r"(?i)(?:tỉnh|tỉnh ủy|tỉnh uỷ)\s+$")
_AS_CITY = re.compile(r"(?i)(?:thành phố|tp\.?)\s+$")


def provinces_named_as_such(analysis: Analysis) -> None:
    """A city that shares its province's name ("Thanh Hóa", "Savannakhet", "Shizuoka") is
    the province when the text writes it after "tỉnh" and never after "thành phố"."""
    for place in analysis.doc.places:
        if place.kind != "city":
            continue
        before = [analysis.segments.get(m.segment, "")[max(0, m.start - 12):m.start]
                  for m in place.mentions]
        if any(_AS_PROVINCE.search(b) for b in before) and not any(_AS_CITY.search(b) for b in before):
            place.kind = "province"


def _in_people(offset: int, spans: list[Span]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _known_prefix(analysis: Analysis, name: str) -> bool:
    """Whether the name, or its first words, is a place the gazetteer or the document knows
    ("Rouen" in "thành phố Rouen Marie Leroy")."""
    words = name.split()
    return not words or any(place_info(" ".join(words[:n])) or _known_place(analysis, " ".join(words[:n]))
                            for n in range(1, len(words) + 1))


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


def apposed_titles(analysis: Analysis, found: list[OrgSpan]) -> None:
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
        cap = caps_end(text, place_at) if text[phrase_end:phrase_end + 1] == " " else place_at
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


_COMMITTEE = r"(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|TP)"
_PARTY = r"(?:Tỉnh|Thành) (?:ủy|uỷ)"
_HOME_ROLES = {
    "Chairman": _COMMITTEE, "Vice Chairman": _COMMITTEE, "Permanent Vice Chairman": _COMMITTEE,
    "Secretary": _PARTY, "Deputy Secretary": _PARTY, "Standing Deputy Secretary": _PARTY,
}


def home_offices(analysis: Analysis) -> None:
    """"Chủ tịch UBND tỉnh Nguyễn Văn A", "X, Phó Chủ tịch UBND thành phố, ...": a local
    office written without its place is of the document's only Vietnamese province (or
    city, for "thành phố" and "Thành ủy")."""
    for person in analysis.doc.people:
        for title in person.titles:
            pattern = _HOME_ROLES.get(title.role)
            if title.of or pattern is None:
                continue
            for m in person.mentions:
                text = analysis.segments.get(m.segment, "")
                near = re.search(pattern, text[max(0, m.start - 40):m.end + 60])
                home = _home(analysis, near.group(0)) if near else None
                if home:
                    title.of = f"{near.group(0)} {home}"  # type: ignore[union-attr]
                    break


def _home(analysis: Analysis, body: str) -> str | None:
    """The only Vietnamese province (or city, when ``body`` is a city's) of the document."""
    kind = "city" if re.search(r"(?i)thành|TP", body) else "province"
    names = {p.name for p in analysis.doc.places if p.kind == kind and p.country == "VN"}
    return names.pop() if len(names) == 1 else None


_REPUBLIC_OF = re.compile(r"(?:Cộng hòa|Cộng hoà|CH)\s+(\w+(?: \w+)?)")


def republic_offices(analysis: Analysis) -> None:
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


# "Phó Chủ tịch Hội đồng vùng X": the head of a foreign council is its President.
_FOREIGN_COUNCIL = re.compile(r"^Hội đồng (?:vùng|tỉnh|thành phố)\s+[A-ZÀ-Ý]")
_COUNCIL_ROLES = {"Chairman": "President", "Vice Chairman": "Vice President",
                  "Permanent Vice Chairman": "First Vice President"}


def foreign_councils(analysis: Analysis) -> None:
    """Chairs of a foreign regional or departmental council are its (Vice) President."""
    for person in analysis.doc.people:
        for title in person.titles:
            if title.of and title.role in _COUNCIL_ROLES and _FOREIGN_COUNCIL.match(title.of):
                title.role = _COUNCIL_ROLES[title.role]


_PREFECTS = {"Prefect": "Governor", "Deputy Prefect": "Vice Governor"}


def tidy_of(analysis: Analysis) -> None:
    """"Chủ tịch UBND TP. Hải Phòng": the office is of "Hải Phòng", not ". Hải Phòng"."""
    for person in analysis.doc.people:
        for title in person.titles:
            if title.of:
                title.of = title.of.lstrip(". ") or None


def governors(analysis: Analysis) -> None:
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


__all__ = ["add_named_places", "provinces_named_as_such", "apposed_titles", "home_offices",
           "foreign_councils",
           "governors", "republic_offices", "tidy_of", "caps_end"]
