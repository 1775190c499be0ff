"""The entities step for French and Vietnamese: people with offices, and places.

``entities.fr.v1`` and ``entities.vi.v1`` read the word tables of
``passerelle.extract.lang`` (``ROLES``, ``HONORIFICS``, ``PLACE_WORDS``,
``ORGANIZATION_WORDS``). They are simpler than the English component and
precision-first:

- a person is a run of two to four capitalised words right after an office
  ("l'ambassadeur Dinh Toan Thang", "Chủ tịch UBND tỉnh Nguyễn Văn Phương"), after
  the office's "of" phrase and a comma ("le préfet de l'Hérault, François-Xavier
  Lauch"), or before a comma and an office ("M. Hugues Moutouh, Préfet de ...");
- a place is a capitalised name the gazetteer knows (as in English);
- organisations are not extracted yet (their names are mostly in lower case).

Not a stable API beyond the two registered names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from passerelle import registry
from passerelle.errors import ExtractionError
from passerelle.extract import lexicon_en as lex
from passerelle.extract.base import Analysis
from passerelle.extract.coref import build_people
from passerelle.extract.lang import find_phrases, fold_case, tables
from passerelle.extract.people import PersonMention, RawTitle
from passerelle.extract.placenames import place_info
from passerelle.extract.places import PlaceMention, find_places, merge_places
from passerelle.extract.tokens import Token, fold, tokenize

_MAX_NAME = 4
_ARTICLES = re.compile(r"^(?:(?:de la|de l['’]|du|des|de|d['’]|l['’]|la|le|les|en|à|au|aux|của|tại"
                       r"|(?:son|sa|ses|leur|leurs)(?=\s))\s*)+",
                       re.IGNORECASE)
_HONORIFIC_WORDS = frozenset({"m", "mme", "mlle", "ông", "bà", "ngài", "s.e", "dr", "pr"})
# First words of organisation and compass names, never of a personal name (folded).
_NOT_NAME_STARTS = frozenset(
    """phong bo so uy ban truong hoi vien trung tap cong dai tong cuc van nha chinh thuong
    comite conseil universite ambassade chambre metropole communaute region ville sud nord
    est ouest""".split()
)
_MAX_GAP = 14  # tokens between an office and its holder's name ("de la province de l'Hérault, ")
# Lower-case words allowed between an office and the name, per language, besides the
# table's place and organisation words.
_GAP_WORDS = {
    "fr": frozenset("""de du des la le les l d ’ ' en à au aux et populaire municipal municipale
        provincial provinciale urbaine urbain communauté conseil comité régional régionale
        départemental départementale métropole centre groupe société entreprise français
        française vietnamien vietnamienne étrangères étranger extérieur extérieures rural
        naturelles sociales publique publiques supérieur national nationale
        son sa ses leur leurs université école institut directoire chambre ambassade consulat
        ministère préfecture mairie agence fondation fédération association""".split()),
    "vi": frozenset("""tại của và nhân dân ủy uỷ ban hội đồng tỉnh thành phố tp""".split()),
}


@dataclass
class _Seg:
    name: str
    text: str
    tokens: list[Token]
    mentions: list[PersonMention] = field(default_factory=list)


def _run(analysis: Analysis, language: str) -> None:
    try:
        segs = [_people_in(name, text, language) for name, text in analysis.segments.items()]
    except Exception as exc:  # noqa: BLE001 - reported with the document
        raise ExtractionError(f"entity extraction ({language}) failed: {exc}",
                              source=analysis.doc.id, hint="report the document") from exc
    places: list[PlaceMention] = []
    for s in segs:
        taken = [(m.start, m.end) for m in s.mentions]
        words = {w for m in s.mentions for w in fold(m.name).split()}
        places.extend(p for p in find_places(s.name, s.text, s.tokens, taken, words)
                      if len(p.written) > 1 and fold(p.written) not in _NOT_NAME_STARTS)
    doc = analysis.doc
    doc.places = merge_places(places)
    countries = {fold(p.name): p.country for p in doc.places if p.country}
    mentions = [m for s in segs for m in s.mentions]
    doc.people = build_people(mentions, [], [], lambda *_: None, countries)


@registry.register("entities.fr.v1")
def run_fr(analysis: Analysis) -> None:
    """Fill people (with offices) and places of a French document."""
    _run(analysis, "fr")


@registry.register("entities.vi.v1")
def run_vi(analysis: Analysis) -> None:
    """Fill people (with offices) and places of a Vietnamese document."""
    _run(analysis, "vi")


def _people_in(segment: str, text: str, language: str) -> _Seg:
    seg = _Seg(segment, text, tokenize(text))
    if not unicodedata.is_normalized("NFC", text):
        return seg  # offsets of the tables' matcher would not be those of the text
    mod = tables(language)
    orgs = getattr(mod, "ORGANIZATION_WORDS", {})
    starts = [t.start for t in seg.tokens]
    found = [(mod.ROLES[p], a, b) for p, a, b in find_phrases(text, [*mod.ROLES, *orgs])
             if p in mod.ROLES and p not in orgs and (text[a:a + 1].isupper() or _after_det(text, a))]
    roles_at = {a: (role, b) for role, a, b in found}
    for role, a, b in found:
        _after_role(seg, role, a, b, starts, language, roles_at)
    _apposed(seg, mod, language)
    if language == "fr":
        _led_by(seg)
    _also(seg, mod)
    _honorific_names(seg, mod)
    seg.mentions = _dedupe(seg.mentions)
    return seg


def _after_det(text: str, a: int) -> bool:
    """A lower-case office counts after an article or possessive ("le maire", "son vice-président")."""
    before = fold_case(text[max(0, a - 6):a]).rstrip()
    return before.endswith(("le", "la", "l'", "l’", "son", "sa", "leur", "du", "de"))


def _index(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_left(starts, offset)


def _after_role(
    seg: _Seg, role: str, a: int, b: int, starts: list[int], language: str,
    roles_at: dict[int, tuple[str, int]],
) -> None:
    """Find the holder's name after an office, skipping its "of" phrase; offices in a
    row ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X") all go to that name."""
    if language == "vi" and _bare_object_vi(seg.text, a, b):
        return
    toks = seg.tokens
    i = _index(starts, b)
    gap_start = i
    titles: list[RawTitle] = []
    allowed = _GAP_WORDS.get(language, frozenset()) | _table_words(language)
    while i < len(toks) and i - gap_start <= _MAX_GAP:
        t = toks[i]
        if t.start in roles_at:
            if language == "fr" and _OBLIQUE_FR.search(seg.text[max(0, a - 12):a]):
                return  # "à l'invitation du maire, l'ambassadeur X": not the mayor
            titles.append(_raw_title(role, _of_text(seg, gap_start, i)))
            role, end = roles_at[t.start]
            i = gap_start = _index(starts, end)
            continue
        if t.is_word and t.is_cap:
            if language == "vi" and _ORG_HEAD_VI.search(fold_case(seg.text[max(0, t.start - 30):t.start])):
                return  # "Tổng Giám đốc Công ty Sato Foods": the company's name, not a person
            j = i
            while j < len(toks) and j - i < 8 and toks[j].is_word and toks[j].is_cap:
                j += 1
            name = None if _object_of_de(seg, i, j, gap_start) else _name_span(seg, i, j)
            if name:
                k, end = name
                titles.append(_raw_title(role, _of_text(seg, gap_start, k)))
                seg.mentions.append(PersonMention(
                    seg.text[toks[k].start:toks[end - 1].end], seg.name, toks[k].start,
                    toks[end - 1].end, titles, rank=0))
                return
            i = j
        elif t.text in (",",) or fold_case(t.text) in allowed or t.text in "’'()-" \
                or (t.text == "." and fold_case(seg.text[max(0, t.start - 2):t.start]) == "tp"):
            i += 1
        elif language == "fr" and _CHARGE_FR.match(fold_case(t.text)):
            i = _past_charge(toks, i, gap_start)  # "adjointe ... chargée des sports, X"
        elif language == "fr" and (k := _plain_of_words(seg, i, gap_start)) is not None:
            i = k  # "le président de la cave coopérative, X": any plain words, then a comma
        else:
            return


_DE = frozenset({"de", "du", "des", "d"})
# Lower-case words that end an office's "of" phrase: a verb or a clause, not a body.
_NOT_OF_WORDS = frozenset("""a ont est sont été était qui que dont où avec par pour lors
    selon dans sur avant après pendant entre chez sans vers et ou mais puis""".split())
_MAX_PLAIN = 4  # lower-case words of an "of" phrase past the tables ("cave coopérative")


# "son adjointe aux relations internationales, X": a deputy's portfolio, then the name.
_PORTFOLIO_TO = frozenset({"aux", "à", "au"})


def _plain_of_words(seg: _Seg, i: int, gap_start: int) -> int | None:
    """The comma after a few plain lower-case words that close an office's "of" phrase
    ("président de la cave coopérative, X"; "présidente de l'université rouennaise, X"),
    when a capitalised name follows it; else ``None``."""
    toks = seg.tokens
    before = [fold_case(t.text) for t in toks[gap_start:i] if t.text not in "'’"]
    if not before or not set(before) & (_DE | _PORTFOLIO_TO):
        return None
    k = i
    while k < len(toks) and k - i < _MAX_PLAIN and toks[k].is_word and not toks[k].is_cap \
            and fold_case(toks[k].text) not in _NOT_OF_WORDS:
        k += 1
    if k == i or k + 2 >= len(toks) or toks[k].text != ",":
        return None
    return k if all(t.is_word and t.is_cap for t in toks[k + 1:k + 3]) else None
# An office after a preposition ("invitation du maire", "avec la préfète"): another
# person's office, never the first of a chain of offices held by the next name.
_OBLIQUE_FR = re.compile(r"(?i)(?:\b(?:du|des|au|aux|avec|par|pour)\s+|\b(?:de|à|avec|par)\s+"
                         r"(?:la\s+|l['’]))$")


def _object_of_de(seg: _Seg, i: int, j: int, gap_start: int) -> bool:
    """Capitalised words ``[i, j)`` that close the office's "of" phrase ("président de
    l'université de Rouen Normandie, Marc Vasseur"): after "de" inside the gap, and
    followed by a comma and another capitalised name, which is the holder's."""
    toks = seg.tokens
    before = [fold_case(t.text) for t in toks[gap_start:i] if t.text not in "'’"]
    if not before or before[-1] not in _DE and not (len(before) > 1 and before[-2] in _DE):
        return False
    return j + 2 < len(toks) and toks[j].text == "," and all(
        t.is_word and t.is_cap for t in toks[j + 1:j + 3])


# Lower-case words that end a company's or school's head: a name after them is the body's.
_ORG_HEAD_VI = re.compile(r"(?<!\w)(?:công ty|tập đoàn|hãng|ngân hàng|trường)"
                          r"(?:\s+(?:tnhh|cổ phần|cp|mtv))*\s+$")
_OBJECT_BEFORE_VI = re.compile(r"(?<!\w)(?:với|cho|cùng|tới|gửi|cảm ơn|tiếp|đón|gặp|mời)\s+$",
                               re.IGNORECASE)


def _bare_object_vi(text: str, a: int, b: int) -> bool:
    """"Thông tin với Đại sứ, Chủ tịch UBND tỉnh X ...": an office named alone as an
    object, then a comma; it is not one more office of the next name."""
    return text[b:b + 1] == "," and _OBJECT_BEFORE_VI.search(text[max(0, a - 12):a]) is not None


_CHARGE_FR = re.compile(r"^(?:chargée?s?|en charge)$")


def _past_charge(toks: list[Token], i: int, gap_start: int) -> int:
    """The token after a French "chargé(e) de ..." clause: at its comma, within the gap."""
    k = i + 1
    while k < len(toks) and k - gap_start <= _MAX_GAP and toks[k].text not in ",.;":
        k += 1
    return k if k < len(toks) and toks[k].text == "," else len(toks)


def _raw_title(role: str, of: str) -> RawTitle:
    """A title; a diplomat's "of" is the first country or place named ("du Vietnam en France")."""
    if of and role.lower() in lex.DIPLOMATIC_ROLES:
        for word in re.findall(r"[^\W\d_][\w-]*(?: [A-ZÀ-ỸĐ][\w-]*)*", of):
            info = place_info(word) if word[:1].isupper() else None
            if info is not None:
                return RawTitle(role, word, country=info.country)
    return RawTitle(role, of or None, org_like=bool(of) and place_info(of) is None)


def _table_words(language: str) -> frozenset[str]:
    mod = tables(language)
    words = [*getattr(mod, "PLACE_WORDS", {}), *getattr(mod, "ORGANIZATION_WORDS", {})]
    return frozenset(w for phrase in words for w in phrase.split())


def _name_span(seg: _Seg, i: int, j: int) -> tuple[int, int] | None:
    """The person's name inside capitalised words ``[i, j)``: two to four words, after
    any place name that starts the run ("Thừa Thiên Huế Nguyễn Văn Phương")."""
    toks = seg.tokens
    while i < j and fold_case(toks[i].text).rstrip(".") in _HONORIFIC_WORDS:
        i += 1
    k = i
    if not (fold(toks[i].text) in lex.VIETNAMESE_SURNAMES and j - i <= _MAX_NAME) if i < j else True:
        for m in range(min(3, j - i - 2), 0, -1):
            if place_info(_span(seg, i, i + m)):
                k = i + m
                break
    elif j - i == 4 and place_info(_span(seg, i, i + 2)) \
            and fold(toks[i + 2].text) not in lex.VIETNAMESE_SURNAMES | {"van", "thi"}:
        k = i + 2  # "Le Havre Édouard Blanc": a city whose first word reads as "Lê"
    k = max(k, j - _MAX_NAME)
    if j - k < 2 or place_info(_span(seg, k, j)) or fold(toks[k].text) in _NOT_NAME_STARTS:
        return None
    if any(t.is_acronym for t in toks[k:j]):
        return None
    return k, j


def _span(seg: _Seg, a: int, b: int) -> str:
    return seg.text[seg.tokens[a].start:seg.tokens[b - 1].end]


def _of_text(seg: _Seg, a: int, b: int) -> str:
    """The office's "of" phrase without its articles: "de l'Hérault" -> "Hérault"."""
    if b <= a:
        return ""
    text = seg.text[seg.tokens[a].start:seg.tokens[b - 1].end].strip(" ,")
    text = re.sub(r",?\s+(?:chargée?s?|en charge)\b.*$", "", text)  # French "chargé de ..."
    if re.match(r"(?:aux|à|au)\s+[a-zà-ÿ]", text):
        return ""  # "adjointe aux relations internationales": a portfolio, not a body
    return _ARTICLES.sub("", text).strip(" ,")


# French words that start a sentence before a name ("Selon X, directeur ...").
_LEADING_FR = frozenset("""selon pour avec après avant pendant lors dans par sur chez malgré
    contre entre depuis et mais enfin ensuite""".split())


def _apposed(seg: _Seg, mod: object, language: str) -> None:
    """"M. Hugues Moutouh, Préfet de ...": a name, a comma, then an office."""
    toks = seg.tokens
    roles = getattr(mod, "ROLES", {})
    for c, t in enumerate(toks):
        if t.text != ",":
            continue
        k = c
        while k > 0 and c - k < _MAX_NAME and toks[k - 1].is_word and toks[k - 1].is_cap:
            k -= 1
        while k < c and fold_case(toks[k].text).rstrip(".") in _HONORIFIC_WORDS:
            k += 1
        while language == "fr" and k < c and fold_case(toks[k].text) in _LEADING_FR:
            k += 1  # "Selon Nguyen Van Hoa, directeur ...": not part of the name
        if c - k < 2 or place_info(seg.text[toks[k].start:toks[c - 1].end]):
            continue
        after = seg.text[toks[c].end:toks[c].end + 60]
        found = find_phrases(after, roles)
        if found and found[0][1] <= 2:
            seg.mentions.append(PersonMention(
                seg.text[toks[k].start:toks[c - 1].end], seg.name, toks[k].start,
                toks[c - 1].end, [RawTitle(roles[found[0][0]])], rank=1))


# "l'association X, présidée par Y": Y holds the office the participle names.
_LED_BY_FR = re.compile(r"\b(?:(présidée?s?)|dirigée?s?)\s+par\s+(?:(?:M|Mme|Mlle)\.?\s+)?(?=[A-ZÀ-ÝĐ])")


def _led_by(seg: _Seg) -> None:
    """"..., présidée par Trần Minh Châu": a person of two to four capitalised words,
    President (or Director after "dirigé par") of the body named before."""
    toks = seg.tokens
    starts = [t.start for t in toks]
    for m in _LED_BY_FR.finditer(seg.text):
        i = _index(starts, m.end())
        j = i
        while j < len(toks) and j - i < 8 and toks[j].is_word and toks[j].is_cap:
            j += 1
        name = _name_span(seg, i, j) if j > i else None
        if name and name[0] == i:
            role = "President" if m.group(1) else "Director"
            seg.mentions.append(PersonMention(_span(seg, i, j), seg.name, toks[i].start,
                                              toks[j - 1].end, [RawTitle(role)], rank=1))


_ALSO = re.compile(r"^\s*,\s*(?:qui est )?(?:également|aussi|đồng thời là|đồng thời)\s+", re.I)


def _also(seg: _Seg, mod: object) -> None:
    """"X, également vice-président de Y": one more title for X."""
    roles = getattr(mod, "ROLES", {})
    for m in seg.mentions:
        hit = _ALSO.match(seg.text[m.end:m.end + 40])
        if not hit:
            continue
        rest = seg.text[m.end + hit.end():m.end + hit.end() + 120]
        found = find_phrases(rest, roles)
        if found and found[0][1] == 0:
            of = re.split(r"[,.;]", rest[found[0][2]:], maxsplit=1)[0]
            m.titles.append(_raw_title(roles[found[0][0]], _ARTICLES.sub("", of.strip())))


def _honorific_names(seg: _Seg, mod: object) -> None:
    honorifics = getattr(mod, "HONORIFICS", frozenset())
    toks = seg.tokens
    for h, t in enumerate(toks):
        word = fold_case(t.text)
        pair = fold_case(f"{t.text} {toks[h + 1].text}") if h + 1 < len(toks) else ""
        if pair in honorifics:  # "đồng chí Nguyễn Văn A"
            word, h = pair, h + 1
        elif word not in honorifics and word + "." not in honorifics:
            continue
        j = h + 1 + (h + 1 < len(toks) and toks[h + 1].text == ".")
        k = j
        while k < len(toks) and k - j < _MAX_NAME and toks[k].is_word and toks[k].is_cap:
            k += 1
        if k - j >= 2 and not place_info(seg.text[toks[j].start:toks[k - 1].end]):
            seg.mentions.append(PersonMention(
                seg.text[toks[j].start:toks[k - 1].end], seg.name, toks[j].start,
                toks[k - 1].end, rank=2))


def _dedupe(mentions: list[PersonMention]) -> list[PersonMention]:
    kept: list[PersonMention] = []
    for m in sorted(mentions, key=lambda m: (m.rank, m.start)):
        clash = next((k for k in kept if m.start < k.end and k.start < m.end), None)
        if clash is None:
            kept.append(m)
        else:
            clash.titles.extend(m.titles)
    return sorted(kept, key=lambda m: m.start)


__all__ = ["run_fr", "run_vi"]
