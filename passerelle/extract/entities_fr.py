"""French entities with organisations: ``entities.fr.v2``.

People (with their offices) and places come from ``entities.fr.v1``
(``passerelle.extract.entities_intl``); this component adds what that one leaves
out, precision first:

- organisations named after a head word of ``lang.fr.ORGANIZATION_HEADS``
  ("l'Université Paul Valéry Montpellier (UPVM)", "l'ambassade du Vietnam en France",
  "le Comité populaire de Hai Phong", "Toulouse Métropole"), with an acronym in
  brackets as an alias and its later uses as mentions, plus a few bodies known by a
  bare name ("la Francophonie");
- places that are really organisations ("Toulouse Métropole") are dropped from the
  places, and a place written with a generic prefix is cleaned.

The helpers ``OrgSpan``, ``finish`` and ``person_spans`` are shared with
``entities_vi``. Not a stable API beyond the registered name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from passerelle import registry
from passerelle.errors import ExtractionError
from passerelle.extract.base import Analysis
from passerelle.extract.lang import fr as fr_tables
from passerelle.extract.organizations import OrgMention, merge_organizations
from passerelle.extract.placenames import place_info, place_info_any
from passerelle.extract.tokens import Token, fold, tokenize
from passerelle.records import Mention, Person, Place, Title

_MAX_WORDS = 10
_CONNECTORS = frozenset({"de", "du", "des", "d", "la", "le", "l", "et", "'", "’", "-"})
_EMBASSY_CONNECTORS = frozenset({"en", "au", "aux", "à"})
_ACRONYM = re.compile(r"\s*\(([A-ZÀ-Ý][A-ZÀ-Ý0-9&.\-]{1,11})\)")


@dataclass
class OrgSpan:
    """An organisation found in a segment, before merging."""

    name: str
    segment: str
    start: int
    end: int
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)

    def mention(self) -> OrgMention:
        """The mention the shared merger of ``organizations`` reads."""
        return OrgMention(self.name, self.segment, self.start, self.end, self.kind,
                          self.country, list(self.aliases))


@registry.register("entities.fr.v2")
def run_fr(analysis: Analysis) -> None:
    """Fill people (with offices), organisations and places of a French document."""
    base_component("entities.fr.v1")(analysis)
    try:
        add_unit_places(analysis, UNIT_PLACE_FR, loose=True)
        add_unit_places(analysis, COMPOUND_PLACE_FR)
        add_unit_places(analysis, NAMED_REGION_FR)
        add_french_places(analysis)
        add_president_ho(analysis)
        drop_outlets(analysis, fr_tables.OUTLET_WORDS)
        spans = person_spans(analysis)
        found = [o for seg, text in analysis.segments.items()
                 for o in find_organizations_fr(seg, text, spans.get(seg, []))]
        found += possessive_committees(analysis)
    except Exception as exc:  # noqa: BLE001 - reported with the document
        raise ExtractionError(f"organisation extraction (fr) failed: {exc}",
                              source=analysis.doc.id, hint="report the document") from exc
    finish(analysis, found)
    _committee_titles(analysis.doc)


def _committee_titles(doc) -> None:  # noqa: ANN001 - a records.Document
    """An office "of" a committee named by a possessive is of that committee, named in
    full ("comité populaire de Hai Phong"), with the committee's role names (Chairman),
    and its holder serves Vietnam."""
    full = [o for o in doc.organizations if any(fold(a) == _BARE_COMMITTEE for a in o.aliases)]
    if len(full) != 1:
        return
    for person in doc.people:
        for title in person.titles:
            if title.of and fold(title.of) == _BARE_COMMITTEE or not title.of \
                    and title.role in _COMMITTEE_ROLES.values():
                title.of = full[0].name
                title.role = _COMMITTEE_ROLES.get(title.role, title.role)
                person.country = person.country or full[0].country


# "une délégation de Hai Phong, conduite par le vice-président de son comité populaire":
# the committee of the Vietnamese city or province named before it in the sentence.
_THEIR_COMMITTEE = re.compile(
    r"\b(?:son|sa|leur)\s+(?:(?:vice-)?présidente?\s+du\s+)?(comité populaire)\b"
    r"(?!\s+(?:de|du|d['’]|des)\b)", re.IGNORECASE)
_LOCAL_KINDS = frozenset({"city", "province"})
_BARE_COMMITTEE = fold("comité populaire")
# As the tables name the heads of a committee ("président du comité populaire": Chairman).
_COMMITTEE_ROLES = {"President": "Chairman", "Vice President": "Vice Chairman"}


def possessive_committees(analysis: Analysis) -> list[OrgSpan]:
    """People's committees named by a possessive, after the Vietnamese city or province
    written last before them in the sentence."""
    out = []
    for sent in analysis.sentences:
        for m in _THEIR_COMMITTEE.finditer(sent.text):
            at = sent.start + m.start()
            owner = _last_local_place(analysis, sent.segment, sent.start, at)
            if owner is not None:
                out.append(OrgSpan(f"{m.group(1)} de {owner}", sent.segment,
                                   sent.start + m.start(1), sent.start + m.end(1), "government",
                                   "VN", [m.group(1)]))
    return out


def _last_local_place(analysis: Analysis, segment: str, lo: int, hi: int) -> str | None:
    """The Vietnamese city or province mentioned last in ``[lo, hi)`` of a segment."""
    seen = [(x.start, p.name) for p in analysis.doc.places
            if p.country == "VN" and p.kind in _LOCAL_KINDS
            for x in p.mentions if x.segment == segment and lo <= x.start < hi]
    return max(seen)[1] if seen else None


def base_component(name: str):  # noqa: ANN201 - a registered component
    """The people-and-places component this one builds on, registered by its module."""
    from passerelle.extract import entities_intl  # noqa: F401 - registers the v1 names

    return registry.get(name)


def person_spans(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """Segment -> spans where people are named (an organisation's name stops there)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for p in analysis.doc.people:
        for m in p.mentions:
            out.setdefault(m.segment, []).append((m.start, m.end))
    return out


CAP_RUN = r"([A-ZÀ-ÝĐ][\w’'-]*(?:[ -][A-ZÀ-ỸĐ][\w’'-]*){0,3})"
UNIT_PLACE_FR = re.compile(
    r"\b(?:province|ville|région|département|commune|district|aéroport|habitants)\s+"
    r"(?:de la |de l['’]|du |de |d['’])" + CAP_RUN)

# A hyphenated town name after a preposition ("à Saint-Émilion", "de Villenave-d'Ornon"):
# the shared step misses small towns without an English cue and names cut at "d'".
COMPOUND_PLACE_FR = re.compile(
    r"(?<![\w-])(?:à|de|d['’]|du|vers|depuis)\s+(?!(?:Nord|Sud|Est|Ouest|Centre)-)"
    r"([A-ZÀ-Ý][^\W\d_]+(?:-(?:(?:sur|sous|en|lès|lez|les|la|le|de|du|des|aux?)-)?"
    r"(?:[dl]['’])?[A-ZÀ-Ý][^\W\d_]+)+)(?![\w’'-])")
# "la Région Normandie", "région Occitanie": a region named without "de".
NAMED_REGION_FR = re.compile(r"\b[Rr]égion\s+"
                             r"([A-ZÀ-Ý][\w-]*(?:(?:[ -]|\sd['’])[A-ZÀ-Ý][\w-]*){0,2})")


def add_unit_places(analysis: Analysis, pattern: re.Pattern[str], *, loose: bool = False) -> None:
    """Add the places written after a unit word ("province de Long An", "tỉnh Long An")
    that the people-and-places step missed: the longest known prefix of the name. With
    ``loose``, a whole name the strict lookup refuses (it also reads as a personal name:
    "la ville de Vinh") counts too, since the unit word marks it as a place."""
    doc = analysis.doc
    for seg, text in analysis.segments.items():
        for m in pattern.finditer(text):
            words = m.group(1).split()
            for n in range(len(words), 0, -1):
                written = " ".join(words[:n])
                info = place_info(written)
                if info is None and loose and n == len(words):
                    info = place_info_any(written)
                if info is None:
                    continue
                _put_place(doc, written, info, Mention(m.start(1), m.start(1) + len(written), seg))
                break


NATURAL_FR = re.compile(
    r"\b(?:delta|mer|fleuve|rivière|baie|golfe|lac|océan|mont|massif|île|plateau)\s+"
    r"(?:du |de la |de l['’]|des |d['’])?" + CAP_RUN)
# Regions written with a lower-case generic head and a capitalised tail.
_REGION_FR = re.compile(r"\b(?:hauts[- ]plateaux|plaine|plaines|côte)\s+"
                        r"(?:du |de la |de l['’]|des |d['’])" + CAP_RUN)
_STORM_FR = re.compile(r"\b(?:typhon|tempête(?: tropicale)?|cyclone|ouragan|dépression)\s+$",
                       re.IGNORECASE)
_ARTICLE_UNIT_FR = re.compile(
    r"(?:la|le|les|l['’]|une?|cette|ce|chaque|notre|sa|son)\s+"
    r"(?:province|ville|région|commune|district|département|city|capitale)$", re.IGNORECASE)
# A place name inside quotes with a word before it is a nickname ("la « petite X »").
_NICKNAME_OPEN = re.compile(r"[«“\"]\s*(?:[a-zà-ÿ][\w-]*\s+){1,2}$")
_NICKNAME_CLOSE = re.compile(r"\s*[»”\"]")
_CONTRACTED_FR = re.compile(r"\b(?:du|au)\s+([A-ZÀ-Ý][\w-]+)")
_COUNTRY_FR = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(fr_tables.COUNTRIES, key=len,
                                                           reverse=True)) + r")(?![\w-])",
    re.IGNORECASE)


def add_french_places(analysis: Analysis) -> None:
    """French place forms the shared step misses: a natural feature with its generic
    word ("le delta du Mékong", "la mer Orientale"; it replaces the bare name inside
    it), a country after a capitalised article ("Le Vietnam est ..."); a storm's name
    ("le typhon Kajiki") is no place; "du Havre" / "au Mans" name Le Havre and Le Mans."""
    doc = analysis.doc
    for seg, text in analysis.segments.items():
        for m in NATURAL_FR.finditer(text):
            info = place_info(m.group()) or place_info_any(m.group())
            if info is not None and info.kind == "natural":
                _put_place(doc, m.group(), info, Mention(m.start(), m.end(), seg))
        for m in _REGION_FR.finditer(text):  # "les hauts plateaux du Centre"
            info = place_info(m.group())
            if info is not None and info.kind in ("region", "natural"):
                _put_place(doc, m.group(), info, Mention(m.start(), m.end(), seg))
        for m in _CONTRACTED_FR.finditer(text):  # "le maire du Havre": Le Havre
            info = place_info(m.group(1)) is None and place_info("Le " + m.group(1))
            if info and info.kind == "city":
                _put_place(doc, "Le " + m.group(1), info, Mention(m.start(1), m.end(1), seg))
        for m in _COUNTRY_FR.finditer(text):
            info = place_info(m.group())
            if m.group()[0].isupper() and info is not None:
                _put_place(doc, m.group(), info, Mention(m.start(), m.end(), seg))
    add_landmarks(analysis)
    add_resorts(analysis)
    for place in doc.places:
        place.mentions = [x for x in place.mentions if not _not_a_place_fr(analysis, x)]
    doc.places = [p for p in doc.places if p.mentions]


# A named building or site: "le palais du Pharo", "l'Abbaye-aux-Dames", "la citadelle de X".
_LANDMARK_FR = re.compile(
    r"(?<![\w-])(?:[Pp]alais|[Cc]hâteau|[Aa]bbaye|[Cc]athédrale|[Bb]asilique|[Cc]itadelle)"
    r"(?:-(?:[\w]+-)*[A-ZÀ-Ý][\w]+|\s+(?:du |de la |de l['’]|des |de |d['’])" + CAP_RUN + ")")
# A park or sports ground named by a capitalised word right after its lower-case head
# ("au parc Borély", "le complexe sportif Delort", "le stade Vélodrome").
_GROUND_FR = re.compile(r"(?<![\w-])(?:parc|stade|complexe sportif|gymnase)\s+"
                        r"(?!(?:de|du|des|d['’])\b)([A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+)?)")


# A resort named after "station de" ("la station de Val Thorens", "station de ski de
# Les Arcs"): the resort's own name, which may start with its article.
_RESORT_FR = re.compile(r"\bstations?\s+(?:de ski\s+|balnéaire\s+|thermale\s+)?(?:de|d['’])\s*"
                        r"((?:(?:La|Le|Les|L['’])\s*)?[A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+)?)")


def add_resorts(analysis: Analysis) -> None:
    """Resorts the gazetteer lacks, named after "station de", as places of kind "other"."""
    doc = analysis.doc
    for seg, text in analysis.segments.items():
        for m in _RESORT_FR.finditer(text):
            name = m.group(1)
            if place_info(name) is None and not any(fold(p.name) == fold(name) for p in doc.places):
                doc.places.append(Place(name, [], "other", None,
                                        mentions=[Mention(m.start(1), m.end(1), seg)]))


def add_landmarks(analysis: Analysis) -> None:
    """Named buildings and sites as places of kind "other", as written. A town written
    inside the name as it is called stays ("cathédrale de Chartres"); one only inferred
    from a contracted article ("palais du Pharo" -> "Le Pharo") gives way to it."""
    doc = analysis.doc
    for seg, text in analysis.segments.items():
        for m in [*_LANDMARK_FR.finditer(text), *_GROUND_FR.finditer(text)]:
            span = Mention(m.start(), m.end(), seg)
            inner = [p for p in doc.places for x in p.mentions if _strictly_inside(x, span)]
            for place in inner:
                place.mentions = [x for x in place.mentions if not _strictly_inside(x, span)
                                  or text[x.start:x.end] == place.name]
            site = next((p for p in inner if p.kind == "other"), None)
            if site is not None:  # "château de Chambord": the site the gazetteer knows
                site.aliases = list(dict.fromkeys([*site.aliases, m.group()]))
                continue
            country = next((p.country for p in inner if p.country), None)
            if not any(fold(p.name) == fold(m.group()) for p in doc.places):
                doc.places.append(Place(m.group(), [], "other", country, mentions=[span]))
    doc.places = [p for p in doc.places if p.mentions]


# "l'Asie du Sud-Est": a compass point, not the province of that name abroad.
_COMPASS_FR = re.compile(r"(?:Nord|Sud|Est|Ouest)(?:-(?:Est|Ouest))?$")


def _not_a_place_fr(analysis: Analysis, x: Mention) -> bool:
    """A storm's name ("le typhon Kajiki"), a compass point ("du Sud-Est"), or an article and a unit word read as a
    name and its generic word ("La province de ...")."""
    text = analysis.segments.get(x.segment, "")
    return bool(_STORM_FR.search(text[max(0, x.start - 30):x.start])
                or _COMPASS_FR.match(text[x.start:x.end])
                or _ARTICLE_UNIT_FR.match(text[x.start:x.end])
                or _NICKNAME_OPEN.search(text[max(0, x.start - 30):x.start])
                and _NICKNAME_CLOSE.match(text[x.end:x.end + 5]))


_PRESIDENT_HO = re.compile(
    r"\b(?:[Pp]résident|l['’][Oo]ncle|[Oo]ncle)\s+(H[ôo]\s?[Cc]hi\s?[Mm]inh)(?![\w-])")


def add_president_ho(analysis: Analysis) -> None:
    """"le président Hô Chi Minh", "l'Oncle Hô Chi Minh": the person, not the city
    named after him."""
    doc = analysis.doc
    for seg, text in analysis.segments.items():
        for m in _PRESIDENT_HO.finditer(text):
            a, b = m.span(1)
            for place in doc.places:
                place.mentions = [x for x in place.mentions
                                  if not (x.segment == seg and x.start < b and a < x.end)]
                _rename_from_mentions(analysis, place, m.group(1))
            person = next((p for p in doc.people if fold(p.name) == fold(m.group(1))), None)
            if person is None:
                person = Person(m.group(1), [], [Title("President", "Vietnam")], "VN")
                doc.people.append(person)
            person.mentions.append(Mention(a, b, seg))
    doc.places = [p for p in doc.places if p.mentions]


def _rename_from_mentions(analysis: Analysis, place: Place, dropped: str) -> None:
    """A place whose name was the dropped form takes the form of its first other mention."""
    if fold(place.name) != fold(dropped) or not place.mentions:
        return
    first = place.mentions[0]
    written = analysis.segments.get(first.segment, "")[first.start:first.end]
    if written:
        place.aliases = [n for n in place.aliases if n != written]
        place.name = written


def _strictly_inside(x: Mention, outer: Mention) -> bool:
    """Whether mention ``x`` lies inside ``outer`` without being the same span."""
    return (x.segment == outer.segment and outer.start <= x.start and x.end <= outer.end
            and (x.start, x.end) != (outer.start, outer.end))


def _put_place(doc, written: str, info, mention: Mention) -> None:  # noqa: ANN001
    """Add ``mention`` to the place named ``written`` (made when new), taking it from
    the places whose mentions lie inside it ("Mékong" inside "delta du Mékong")."""
    for place in doc.places:
        place.mentions = [x for x in place.mentions if not _strictly_inside(x, mention)]
    keys = {fold(written), fold(info.name)}
    same = next((p for p in doc.places if keys & {fold(n) for n in [p.name, *p.aliases]}), None)
    if same is None:
        doc.places.append(Place(written, [], info.kind, info.country, mentions=[mention]))
    elif not any((x.segment, x.start) == (mention.segment, mention.start) for x in same.mentions):
        same.mentions.append(mention)


def drop_outlets(analysis: Analysis, outlet_words: frozenset[str]) -> None:
    """Drop "people" every mention of whom follows an outlet word ("theo báo Nhân Dân",
    "selon le quotidien Le Parisien"): they are newspapers, not persons."""
    doc = analysis.doc
    doc.people = [p for p in doc.people
                  if not p.mentions or not all(_after_outlet(analysis, m, outlet_words)
                                               for m in p.mentions)]


def _after_outlet(analysis: Analysis, m: Mention, outlet_words: frozenset[str]) -> bool:
    before = analysis.segments.get(m.segment, "")[max(0, m.start - 25):m.start]
    before = " ".join(before.lower().split())
    return any(before.endswith(w) for w in outlet_words)


def finish(analysis: Analysis, found: list[OrgSpan]) -> None:
    """Merge organisation spans into ``doc.organizations``, drop places that are them,
    and tidy the people's titles (see ``tidy_titles``)."""
    doc = analysis.doc
    tidy_titles(doc)
    places = {fold(p.name): p.country for p in doc.places if p.country}
    orgs = merge_organizations([o.mention() for o in found], analysis.segments, places)
    for org, kind in zip(orgs, _kinds(orgs, found)):
        org.kind = kind
    doc.organizations = orgs
    names = {fold(n) for o in orgs for n in [o.name, *o.aliases]}
    spans = [(m.segment, m.start, m.end) for o in orgs for m in o.mentions]
    inner = [(m.segment, m.start, m.end) for o in orgs if o.kind in _PLACELESS_KINDS
             for m in o.mentions]
    texts = analysis.segments
    for place in doc.places:
        place.mentions = [m for m in place.mentions if not _crosses(m, spans)
                          and not _strictly_within(m, inner, texts.get(m.segment, ""))]
    doc.places = [p for p in doc.places if fold(p.name) not in names and p.mentions]


# Kinds of bodies whose name's place is no place of the story ("École de X"); a
# government or party body's place is ("Comité populaire de X", "Tỉnh ủy X"), and so is
# the seat of an agency's office ("... tại Thành phố X").
_PLACELESS_KINDS = frozenset({"university", "company", "association", "agency"})
_SEAT_BEFORE = re.compile(r"\b(?:tại|ở|à|au|en|in|at)\s+(?:(?:thành phố|tỉnh|la ville de)\s+)?$",
                          re.IGNORECASE)


def _strictly_within(m, spans: list[tuple[str, int, int]], text: str) -> bool:  # noqa: ANN001
    """Whether a place's mention lies inside a non-government body's name ("École de
    X"): the place is part of that name, not a place of the story (unless it is the
    seat of the body's office: "Agence X à Lyon", "... tại Thành phố Y")."""
    return any(seg == m.segment and a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
               and not _SEAT_BEFORE.search(text[a:m.start]) for seg, a, b in spans)


def _crosses(m, spans: list[tuple[str, int, int]]) -> bool:  # noqa: ANN001 - a Mention
    """Whether a place's mention straddles the edge of an organisation's name ("La
    Chambre" read in "La Chambre de commerce ..."): then it is not a place."""
    return any(seg == m.segment and m.start < b and a < m.end and not (a <= m.start and m.end <= b)
               for seg, a, b in spans)


_DIPLOMATS = frozenset({"Ambassador", "Consul", "Consul General", "Honorary Consul",
                        "Counsellor", "Minister Counsellor", "Chargé d'Affaires"})
_SEAT = re.compile(r"\s+(?:à|en|au|aux|auprès d[eu]|tại|ở)\s+.*$", re.IGNORECASE)
_GENERIC_OF = re.compile(
    r"^(?:(?:la|le|l['’])\s*)?(?:province|ville|région|département|commune|tỉnh|thành phố|"
    r"TP\.?)\s+(?:(?:de la|de l['’]|du|de|d['’])\s*)?", re.IGNORECASE)


# A country's usual name per code, from the first French name of the tables.
_COUNTRY_NAMES = {code: name.title() for name, code in reversed(fr_tables.COUNTRIES.items())}


_PORTFOLIO = re.compile(r"(?i)(?:chargée?s?|en charge|déléguée?s?)\b")


def tidy_titles(doc) -> None:  # noqa: ANN001 - a records.Document
    """"Consul General" of "France à Hô Chi Minh-Ville" is of France, and the person
    serves France; "province de Long An" is "Long An"; a person without a country
    takes that of the place their office is of."""
    for person in doc.people:
        for title in person.titles:
            if title.of and _PORTFOLIO.match(title.of):
                title.of = None  # "adjointe chargée de la culture": a portfolio, no body
            if not title.of:
                continue
            if title.role in _DIPLOMATS:
                title.of = _SEAT.sub("", title.of).strip(" ,")
            code = fr_tables.NATIONALITIES.get(title.of.lower())
            if code is not None:  # "le recteur vietnamien": a nationality, not what it is of
                title.of = _COUNTRY_NAMES.get(code) if title.role in _DIPLOMATS else None
                person.country = person.country or code
                continue
            bare = _GENERIC_OF.sub("", title.of)
            if bare != title.of and place_info(bare) is not None:
                title.of = bare
            if place_info(title.of) is None and place_info("Le " + title.of) is not None:
                title.of = "Le " + title.of  # "maire du Havre"
            info = place_info(title.of)
            if info is None or not info.country:
                continue
            if title.role in _DIPLOMATS and info.kind == "country":
                person.country = info.country
            elif person.country is None:
                person.country = info.country


def _kinds(orgs: list, found: list[OrgSpan]) -> list[str]:
    """The kind of each merged organisation: that of the span that gave its name."""
    by_name = {}
    for o in found:
        for n in (o.name, _ACRONYM.sub("", o.name), *o.aliases):
            by_name.setdefault(fold(n), o.kind)
    out = []
    for org in orgs:
        names = [org.name, *org.aliases]
        out.append(next((by_name[fold(n)] for n in names if fold(n) in by_name), "other"))
    return out


# ---------------------------------------------------------------- French names


def find_organizations_fr(
    segment: str, text: str, people: list[tuple[int, int]]
) -> list[OrgSpan]:
    """Organisations named in one French segment.

    Args:
        segment: "body" or "caption:N".
        text: the segment's text.
        people: spans of people's names in the segment; a name never runs into them.

    Returns:
        One ``OrgSpan`` per occurrence, in text order.
    """
    toks = tokenize(text)
    known = _standalone(segment, text)
    out: list[OrgSpan] = []
    taken_to = -1
    for i, t in enumerate(toks):
        if t.start < taken_to or not t.is_word or any(o.start <= t.start < o.end for o in known):
            continue
        span = (_head_at(text, toks, i, people) or _suffix_head_at(text, toks, i, people)
                or _lower_tail_at(text, toks, i, people))
        if span is None:
            continue
        a, b, kind, alias = span
        name = text[a:b]
        aliases = [alias] if alias else []
        out.append(OrgSpan(name, segment, a, b, kind, _country_fr(name, kind), aliases))
        taken_to = b
    return sorted(out + known, key=lambda o: o.start)


def _head_at(
    text: str, toks: list[Token], i: int, people: list[tuple[int, int]]
) -> tuple[int, int, str, str | None] | None:
    """An organisation starting with a head word at token ``i``."""
    head = _match_head(text, toks, i)
    if head is None:
        return None
    n, kind = head
    first = toks[i]
    if not first.is_cap and not _lower_head_ok(text, toks, i, n):
        return None
    j, alias = _extend(text, toks, i + n, people, kind)
    named = alias or any(t.is_cap for t in toks[i + n:j]) or kind == "university" and j > i + n
    council = _head_key(text[first.start:toks[i + n - 1].end]) in _BARE_COUNCILS
    bare = fold(" ".join(t.text for t in toks[i:i + n])) in _BARE_OK
    if not named and not council and (j == i + n or not bare):
        return None
    return first.start, toks[j - 1].end, kind, alias[0] if alias else None


def _match_head(text: str, toks: list[Token], i: int) -> tuple[int, str] | None:
    """The longest head phrase of ``ORGANIZATION_HEADS`` at token ``i``: (tokens, kind)."""
    heads = fr_tables.ORGANIZATION_HEADS
    if toks[i].lower not in _first_words(tuple(heads)):
        return None
    for n in range(min(8, len(toks) - i), 0, -1):
        if not toks[i + n - 1].is_word:
            continue
        key = _head_key(text[toks[i].start:toks[i + n - 1].end])
        if key in heads:
            return n, heads[key]
    return None


@lru_cache(maxsize=8)
def _first_words(heads: tuple[str, ...]) -> frozenset[str]:
    """The first words of ``heads``, to skip most tokens at once."""
    return frozenset(re.split(r"[ '’]", h)[0] for h in heads)


def _head_key(written: str) -> str:
    """A head as the tables write it: lower case, straight apostrophes, single spaces."""
    return " ".join(written.lower().replace("’", "'").replace("' ", "'").split())


def _lower_head_ok(text: str, toks: list[Token], i: int, n: int) -> bool:
    """A lower-case head counts when a capitalised name follows "de/du/des"
    ("l'ambassade du Vietnam", "du comité populaire de Hanoï")."""
    key = _head_key(text[toks[i].start:toks[i + n - 1].end])
    k = i + n
    if key in _NAMED_LOWER_HEADS:  # "le musée Cernuschi", "la coopérative viticole X"
        while k < len(toks) and toks[k].lower in _ADJECTIVES:
            k += 1
        return k < len(toks) and toks[k].is_cap and toks[k].is_word and not toks[k].is_acronym
    if key not in _LOWER_HEADS:
        return False
    if key in _BARE_COUNCILS and re.search(r"\b(?:du|au|le)\s+$", text[:toks[i].start]):
        return True  # "le président du conseil départemental": the council of the story
    if key == "université" and _place_closed(toks, k) is not None:
        return True  # "l'université des sciences et technologies de Hanoï"
    if key == "université" and k + 1 < len(toks) and toks[k].is_cap and toks[k + 1].is_cap \
            and toks[k].is_word and not toks[k].is_acronym:
        return True  # "l'université Savoie Mont Blanc": two capitalised words, no "de"
    while k < len(toks) and (toks[k].lower in _CONNECTORS | _ADJECTIVES
                             or toks[k].lower in fr_tables.PLACE_WORDS):
        k += 1
    return k > i + n and k < len(toks) and toks[k].is_cap and toks[k].is_word


def _extend(
    text: str, toks: list[Token], j: int, people: list[tuple[int, int]], kind: str
) -> tuple[int, tuple[str, int] | None]:
    """Where the name that starts before token ``j`` ends: (end token, (acronym, end))."""
    if kind == "university" and _school_adjective(toks, j):
        j += 1  # "École hôtelière de X": one lower-case word, then "de" and a name
    good = k = j
    while k < len(toks) and k - j < _MAX_WORDS:
        t = toks[k]
        if _breaks(text, toks, k, people):
            break
        low = t.lower
        if t.is_word and t.is_cap and not _elided_article(toks, k):
            good = k = k + 1
        elif low in _ADJECTIVES:
            good = k = k + 1
        elif low == "et" and _next_name(text, toks, k + 1):
            break
        elif low in _CONNECTORS or low in fr_tables.PLACE_WORDS or (
                kind == "government" and low in _EMBASSY_CONNECTORS and _embassy(toks, j)):
            k += 1
        else:
            break
    acr = _ACRONYM.match(text, toks[good - 1].end) if good > 0 else None
    if acr is None and kind == "university":
        return _lower_university(text, toks, j, good)
    return good, (acr.group(1), acr.end()) if acr else None


def _school_adjective(toks: list[Token], j: int) -> bool:
    """A lower-case word at ``j`` after a school head, followed by "de" and a capitalised
    name ("École hôtelière de X", "Lycée agricole de Y")."""
    return j + 2 < len(toks) and toks[j].is_word and not toks[j].is_cap \
        and toks[j].lower not in _CONNECTORS and toks[j + 1].lower in ("de", "du", "d") \
        and toks[j + 2].is_cap


def _lower_university(
    text: str, toks: list[Token], j: int, good: int
) -> tuple[int, tuple[str, int] | None]:
    """"Université de langues et d'études internationales (ULIS)": lower-case words
    count as the name only when an acronym in brackets closes them."""
    for k in range(good, min(len(toks), j + _MAX_WORDS)):
        t = toks[k]
        if not (t.is_word or t.text in "'’-"):
            break
        acr = _ACRONYM.match(text, t.end)
        if acr and t.is_word:
            return k + 1, (acr.group(1), acr.end())
    end = _place_closed(toks, good) if good == j else None
    return (end, None) if end is not None else (good, None)


_MAX_FIELD_WORDS = 6  # lower-case words naming a school's fields ("sciences et technologies")
_NOT_FIELD = frozenset(
    """a ont est sont été qui que dont où avec par pour lors selon dans sur avant après
    pendant entre chez sans vers ou mais puis ce cette ces son sa ses leur leurs un une""".split())


def _place_closed(toks: list[Token], k: int) -> int | None:
    """"des sciences et technologies de Hanoï": lower-case words after a school's head,
    then "de" and a place the gazetteer knows; the token after the place, else ``None``."""
    n, words = k, 0
    while n < len(toks) and n - k < 2 * _MAX_FIELD_WORDS:
        t = toks[n]
        if t.lower in ("de", "d") and words and n + 1 < len(toks):
            m = n + 1 + (toks[n + 1].text in "'’")
            end = m
            while end < len(toks) and end - m < 3 and toks[end].is_word and toks[end].is_cap:
                end += 1
            if end > m and place_info(" ".join(x.text for x in toks[m:end])) is not None:
                return end
        if not t.is_word and t.text not in "'’" or t.is_cap or t.lower in _NOT_FIELD:
            return None
        words += t.lower not in _CONNECTORS
        n += 1
    return None


def _next_name(text: str, toks: list[Token], k: int) -> bool:
    """Whether another name starts at token ``k`` ("... et la Société Générale")."""
    while k < len(toks) and toks[k].lower in ("de", "du", "des", "d", "'", "’") \
            and k + 1 < len(toks) and toks[k + 1].lower != "industrie":
        k += 1  # "et de l'École ...": the next name's head follows its article
    if k >= len(toks):
        return False
    return toks[k].lower in ("la", "le", "l", "les", "un", "une") or (
        toks[k].is_cap and _match_head(text, toks, k) is not None)


def _breaks(text: str, toks: list[Token], k: int, people: list[tuple[int, int]]) -> bool:
    """A line break before token ``k``, or the token is in a person's name."""
    t = toks[k]
    if k > 0 and "\n" in text[toks[k - 1].end:t.start]:
        return True
    return any(a <= t.start < b for a, b in people)


def _elided_article(toks: list[Token], k: int) -> bool:
    """"L’ambassadeur", "D'autres": a capital letter that is an elided article."""
    return len(toks[k].text) == 1 and k + 1 < len(toks) and toks[k + 1].text in ("'", "’")


def _embassy(toks: list[Token], j: int) -> bool:
    """Whether the name being read is an embassy's or a consulate's."""
    return any(t.lower.startswith(("ambassade", "consulat")) for t in toks[max(0, j - 2):j])


def _suffix_head_at(
    text: str, toks: list[Token], i: int, people: list[tuple[int, int]]
) -> tuple[int, int, str, str | None] | None:
    """"Toulouse Métropole", "Montpellier Méditerranée Métropole": a place, then a suffix."""
    if not toks[i].is_cap or any(a <= toks[i].start < b for a, b in people):
        return None
    if i + 1 < len(toks) and toks[i + 1].text in ("Port", "Ports") \
            and re.fullmatch(r"[A-ZÀ-Ý]{3,}", toks[i].text):
        return toks[i].start, toks[i + 1].end, "company", None  # "ABCD Port"
    if not any(t.lower in _SUFFIX_HEADS for t in toks[i + 1:i + 4]):
        return None
    for n in (1, 2, 3):
        k = i + n
        if k >= len(toks) or not all(t.is_word and t.is_cap for t in toks[i:k + 1]):
            return None
        if toks[k].lower in _SUFFIX_HEADS and place_info(text[toks[i].start:toks[i].end]):
            return toks[i].start, toks[k].end, _SUFFIX_HEADS[toks[k].lower], None
    return None


_TAIL_HEADS = {"centre": "agency", "comité": "government", "agence": "agency",
               "office": "agency", "institut": "agency", "commission": "government",
               "direction": "government", "fonds": "agency", "atelier": "agency",
               "observatoire": "agency", "conservatoire": "university"}
_TAIL_LINKS = frozenset({"de", "du", "des", "d", "la", "le", "l", "pour", "'", "’"})
_TAIL_STOPS = frozenset(
    """a ont est sont qui que dont avec dans en à au aux sur par sera seront était avait
    ce cette ces son sa ses leur leurs un une et ou mais depuis lors selon""".split())
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:le|la|du|au|aux|des|les)\s+|\bl['’])$", re.IGNORECASE)
_ADJECTIVE_END = re.compile(r"(?:al|ale|aux|ien|ienne|ais|aise|ique|el|elle|if|ive)$")
_NAME_ACRONYM = re.compile(r"\s*\(([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&.\-]{1,11})\)")


def _lower_tail_at(
    text: str, toks: list[Token], i: int, people: list[tuple[int, int]]
) -> tuple[int, int, str, str | None] | None:
    """"le Centre national de prévision météorologique", "l'Atelier parisien
    d'urbanisme (Apur)": a capitalised head after an article, then lower-case words
    (and names after "de"), up to a verb, a clause word or punctuation."""
    t = toks[i]
    if not (t.is_cap and t.lower in _TAIL_HEADS) or not _ARTICLE_BEFORE.search(
            text[max(0, t.start - 5):t.start]):
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not (nxt.lower in _TAIL_LINKS or _ADJECTIVE_END.search(nxt.lower)):
        return None  # "le Centre national ...", "l'Office du ...", not "le Comité offre"
    last, k = i, i + 1
    while k < len(toks) and k - i <= _MAX_WORDS and not _breaks(text, toks, k, people):
        w = toks[k]
        if w.lower in _TAIL_LINKS or w.text == "-":
            k += 1
        elif w.is_word and w.lower not in _TAIL_STOPS and (
                not w.is_cap or toks[k - 1].lower in _TAIL_LINKS):
            last, k = k, k + 1
        else:
            break
    if last == i:
        return None
    acr = _NAME_ACRONYM.match(text, toks[last].end)
    return t.start, toks[last].end, _TAIL_HEADS[t.lower], acr.group(1) if acr else None


def _standalone(segment: str, text: str) -> list[OrgSpan]:
    """Bodies known by a bare name ("la Francophonie"), the longest name first."""
    out: list[OrgSpan] = []
    known = fr_tables.KNOWN_ORGANIZATIONS
    for name in sorted(known, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(o.start <= m.start() < o.end for o in out):
                acr = _ACRONYM.match(text, m.end())
                out.append(OrgSpan(m.group(), segment, m.start(), m.end(), known[name],
                                   aliases=[acr.group(1)] if acr else []))
    return out


def _country_fr(name: str, kind: str) -> str | None:
    """The country of the first place named after "de/du/en/au" in ``name``
    ("ambassade du Vietnam en France" -> VN), else of a leading place ("Lyon Métropole")."""
    runs = re.finditer(r"(?:^|\b(?:de|du|des|en|au|aux|à|d['’]|l['’])\s*)"
                       r"([A-ZÀ-ÝĐ][\w-]*(?: [A-ZÀ-ÝĐ][\w-]*)*)", name)
    for m in runs:
        if m.start() == 0 and not name.lower().endswith(tuple(_SUFFIX_HEADS)):
            continue
        info = place_info(m.group(1)) or place_info(m.group(1).split()[0])
        if info is not None and info.country:
            return info.country
    return None


_LOWER_HEADS = frozenset(
    _head_key(k) for k in ("ambassade", "consulat", "consulat général", "comité populaire",
                      "conseil départemental", "conseil régional", "ministère", "préfecture",
                      "mairie", "université", "communauté urbaine", "métropole",
                      "chambre de commerce et d'industrie", "chambre de commerce")
)
# Lower-case heads that a capitalised name follows directly, without "de".
_NAMED_LOWER_HEADS = frozenset(_head_key(k) for k in ("musée", "lycée", "coopérative",
                                                      "groupe d'amitié"))
_BARE_OK = frozenset(fold(k) for k in ("comité populaire",))
# Councils named by their office alone ("le président du conseil départemental").
_BARE_COUNCILS = frozenset(_head_key(k) for k in ("conseil départemental", "conseil régional"))
_ADJECTIVES = frozenset(
    """populaire municipal municipale provincial provinciale urbaine urbain départemental
    départementale régional régionale national nationale général générale international
    internationale internationaux internationales communiste français française vietnamien
    vietnamienne étrangères étranger extérieur extérieures intérieur supérieur supérieure
    culturel culturelle normale viticole agricole laitière""".split()
)
_SUFFIX_HEADS = {"métropole": "government", "agglo": "government"}

__all__ = ["OrgSpan", "run_fr", "find_organizations_fr", "finish", "person_spans",
           "base_component"]
