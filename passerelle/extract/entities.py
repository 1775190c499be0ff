"""The entities step: people with their offices, organisations and places (issue 3).

``entities.en.v1`` fills ``doc.people``, ``doc.organizations`` and ``doc.places`` of
an English document, each entity with the ``mentions`` (spans in the body or a
caption) where it is named. The order matters: people first (their spans are never
organisations or places), then organisations, then places, then lone surnames and
offices are attached to the people ("Thang", "the Vietnamese Ambassador").

Rules come from ``people``/``offices``/``organizations``/``places``/``coref``; words
from ``lexicon_en``; spaCy (``nlp``) only proposes person and organisation names;
the gazetteer (``placenames``) says what is a place. Precision comes first: a name is
output only when a rule found evidence for it in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from passerelle import registry
from passerelle.errors import ExtractionError
from passerelle.extract import lexicon_en as lex
from passerelle.extract import nlp
from passerelle.extract.base import Analysis
from passerelle.extract.coref import build_people
from passerelle.extract.organizations import (
    OrgMention,
    coverage,
    described_spans,
    find_organizations,
    merge_organizations,
    model_organizations,
)
from passerelle.extract.offices import is_role_word
from passerelle.extract.people import (
    PersonMention,
    RoleMention,
    SegmentPeople,
    add_model_people,
    find_people,
)
from passerelle.extract.placenames import place_info
from passerelle.extract.places import PlaceMention, dateline_end, find_places, merge_places
from passerelle.extract.tokens import Token, fold, tokenize
from passerelle.records import Mention, Organization, Place

_ORG_ANAPHORS = {
    "company": ("company",), "firm": ("company",), "group": ("company",),
    "startup": ("company",), "enterprise": ("company",), "corporation": ("company",),
    "agency": ("agency", "association"), "organisation": ("agency", "association"),
    "organization": ("agency", "association"), "association": ("association",),
    "university": ("university",), "school": ("university", "other"),
    "committee": ("government",), "council": ("government",), "chamber": ("association",),
}


@dataclass
class _Found:
    """Everything found in one document, before merging."""

    tokens: dict[str, list[Token]] = field(default_factory=dict)
    people: list[PersonMention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


@registry.register("entities.en.v1")
def run(analysis: Analysis) -> None:
    """Fill the document's people, organisations and places from English text.

    Args:
        analysis: the document cut into segments (body, captions).

    Raises:
        ExtractionError: when the language model cannot process the text.
    """
    try:
        found = _find(analysis)
    except Exception as exc:  # noqa: BLE001 - any failure is reported with the document
        raise ExtractionError(
            f"entity extraction failed: {exc}", source=analysis.doc.id,
            hint="check that the body is plain text; report the document if it is",
        ) from exc
    doc = analysis.doc
    doc.places = merge_places(found.places)
    countries = _place_countries(doc.places)
    doc.organizations = merge_organizations(found.orgs, analysis.segments, countries)
    surnames = list(_free_words(analysis, found, doc.organizations, doc.places))
    resolver = _Resolver(analysis, doc.organizations, doc.places)
    doc.people = build_people(found.people, found.roles, surnames, resolver, countries)
    doc.organizations.extend(resolver.added)
    _short_names_of_bodies(doc)


# A body is often named without its head word: "La Timone" for "La Timone hospital",
# "Cho Ray" for "Cho Ray Hospital". Such a short name is no person, and no place unless
# a sizeable town (the hospital of "Da Nang" is not Da Nang).
_SHORT_NAME_HEADS = frozenset({"hospital", "university", "school", "college", "institute"})
_TOWN_POPULATION = 100_000


def _short_names_of_bodies(doc) -> None:
    """Give "X Hospital" the alias "X"; drop the person or small place named "X"."""
    for org in doc.organizations:
        words = org.name.split()
        if len(words) < 2 or words[-1].lower() not in _SHORT_NAME_HEADS:
            continue
        short = " ".join(words[:-1])
        info = place_info(short)
        if info is not None and info.population >= _TOWN_POPULATION:
            continue
        same = [e for e in [*doc.people, *doc.places]
                if fold(e.name) == fold(short) and not getattr(e, "titles", None)]
        if not same and not info:
            continue
        for e in same:
            org.mentions.extend(m for m in e.mentions if m not in org.mentions)
        doc.people = [p for p in doc.people if p not in same]
        doc.places = [p for p in doc.places if p not in same]
        if short not in org.aliases:
            org.aliases.append(short)


def _find(analysis: Analysis) -> _Found:
    """Rules first; then the model reads only the sentences the rules left unexplained."""
    found = _Found()
    by_seg: dict[str, SegmentPeople] = {}
    for seg, text in analysis.segments.items():
        toks = found.tokens[seg] = tokenize(text)
        by_seg[seg] = find_people(seg, text, toks, [])
    _repeat_known_names(analysis, by_seg)
    hints = _org_hints([m for sp in by_seg.values() for m in sp.mentions],
                       [r for sp in by_seg.values() for r in sp.roles])
    orgs, places = _rule_orgs_places(analysis, found, by_seg, hints)
    explained = {seg: [(m.start, m.end) for m in [*by_seg[seg].mentions, *orgs[seg], *places[seg]]]
                 for seg in analysis.segments}
    known = {fold(m.name).split()[-1] for sp in by_seg.values() for m in sp.mentions}
    ents = nlp.entities_in(analysis, _model_sentences(analysis, found.tokens, explained, known))
    for seg, text in analysis.segments.items():
        _add_model_entities(found, by_seg[seg], seg, text, ents[seg], orgs, places)
    return found


def _repeat_known_names(analysis: Analysis, by_seg: dict[str, SegmentPeople]) -> None:
    """A full name found once by a rule is a mention wherever else it is written."""
    names = {m.name for sp in by_seg.values() for m in sp.mentions if m.full}
    for seg, text in analysis.segments.items():
        sp = by_seg[seg]
        for name in names:
            if name not in text:  # the pattern needs the name verbatim: skip the regex
                continue
            # not when the name goes on: "Ho Chi Minh City", "Ho Chi Minh Museum"
            for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)(?![ -][A-ZÀ-Ý])", text):
                if not any(m.start < hit.end() and hit.start() < m.end for m in sp.mentions):
                    sp.mentions.append(PersonMention(name, seg, hit.start(), hit.end(), rank=2))


def _rule_orgs_places(
    analysis: Analysis, found: _Found, by_seg: dict[str, SegmentPeople], hints: list[str]
) -> tuple[dict[str, list[OrgMention]], dict[str, list[PlaceMention]]]:
    orgs: dict[str, list[OrgMention]] = {}
    places: dict[str, list[PlaceMention]] = {}
    person_words = {w for sp in by_seg.values() for m in sp.mentions for w in fold(m.name).split()}
    for seg, text in analysis.segments.items():
        taken = [(m.start, m.end) for m in by_seg[seg].mentions]
        skip = dateline_end(text) if seg == "body" else 0
        orgs[seg] = find_organizations(seg, text, found.tokens[seg], [], taken, hints,
                                       frozenset(person_words), skip)
        found_places = find_places(seg, text, found.tokens[seg], taken, person_words)
        places[seg] = [p for p in found_places if not _inside_org(p, orgs[seg], text)]
    return orgs, places


def _add_model_entities(
    found: _Found, sp: SegmentPeople, seg: str, text: str, ents: list[nlp.EntitySpan],
    orgs: dict[str, list[OrgMention]], places: dict[str, list[PlaceMention]],
) -> None:
    """Add the model's people and one-word organisations to what the rules found."""
    toks = found.tokens[seg]
    rule_spans = [(o.start, o.end) for o in orgs[seg]] + described_spans(seg, text, toks)
    add_model_people(sp, seg, text, toks, ents)
    people = [m for m in sp.mentions if not _described_org(m, rule_spans)]
    found.people.extend(people)
    found.roles.extend(sp.roles)
    taken = [(m.start, m.end) for m in people] + [(p.start, p.end) for p in places[seg]]
    words = frozenset(w for m in people for w in fold(m.name).split())
    found.orgs.extend(orgs[seg] + model_organizations(seg, text, toks, ents, taken, words))
    found.places.extend(p for p in places[seg]
                        if not any(m.start <= p.start < m.end for m in people))


def _model_sentences(
    analysis: Analysis, tokens: dict[str, list[Token]], explained: dict[str, list[tuple[int, int]]],
    known: set[str],
) -> list[tuple[str, int, int]]:
    """Sentences with a capitalised word that no rule explains: worth the model's time."""
    out = []
    covered = {seg: coverage(len(analysis.segments[seg]), spans) for seg, spans in explained.items()}
    starts = {seg: [t.start for t in toks] for seg, toks in tokens.items()}
    for s in analysis.sentences:
        toks = tokens[s.segment]
        a = bisect.bisect_left(starts[s.segment], s.start)
        for k in range(a, len(toks)):
            t = toks[k]
            if t.start >= s.end:
                break
            if not covered[s.segment][t.start] and _unexplained(t, k == a, known):
                out.append((s.segment, s.start, s.end))
                break
    return out


def _unexplained(t: Token, first: bool, known: set[str]) -> bool:
    if not (t.is_word and t.is_cap) or t.is_acronym:
        return False
    low = t.lower.rstrip(".")
    if low in lex.HONORIFICS or fold(t.text) in known:
        return False
    if low in lex.STOPWORDS or low in lex.NATIONALITIES or low in lex.PLACE_GENERIC:
        return False
    if is_role_word(t) or low in lex.ORG_TAIL_WORDS or (first and low in lex.FUNCTION_WORDS):
        return False
    return place_info(t.text) is None


def _place_countries(places: list[Place]) -> dict[str, str]:
    """Folded names and aliases of the document's places -> their country."""
    out: dict[str, str] = {}
    for p in places:
        if p.country:
            for name in [p.name, *p.aliases]:
                out.setdefault(fold(name), p.country)
    return out


def _described_org(m: PersonMention, spans: list[tuple[int, int]]) -> bool:
    """spaCy's person that a rule found to be an organisation ("X, a startup")."""
    return m.rank >= 3 and any(a <= m.start < b or m.start <= a < m.end for a, b in spans)


def _org_hints(people: list[PersonMention], roles: list[RoleMention]) -> list[str]:
    """Names that an office is held in and that are no place: organisations."""
    titles = [t for m in people for t in m.titles] + [r.title for r in roles]
    return sorted({t.of for t in titles if t.of and t.org_like and t.of[:1].isupper()})


def _inside_org(p: PlaceMention, orgs: list[OrgMention], text: str) -> bool:
    """A place inside an organisation's name counts only after "of"/"in" in a government
    body's name ("Committee of Da Nang"), not in "University of X"."""
    for o in orgs:
        if o.segment == p.segment and o.start <= p.start and p.end <= o.end:
            before = text[o.start : p.start].split()
            return not before or before[-1].lower() not in ("of", "in") \
                or o.kind not in ("government", None)
    return False


def _free_words(analysis: Analysis, found: _Found, orgs: list[Organization], places: list[Place]):
    """Capitalised words outside every entity: candidates for lone surnames."""
    spans = [(m.segment, m.start, m.end) for m in found.people]
    spans += [(m.segment, m.start, m.end) for e in [*orgs, *places] for m in e.mentions]
    for seg, toks in found.tokens.items():
        covered = coverage(len(analysis.segments[seg]), [(a, b) for s, a, b in spans if s == seg])
        for t in toks:
            if t.is_word and t.is_cap and not covered[t.start]:
                yield seg, t


class _Resolver:
    """Finds what "the company", "its" or "the region" refers to, looking back."""

    def __init__(self, analysis: Analysis, orgs: list[Organization], places: list[Place]):
        self.analysis = analysis
        self.orgs = orgs
        self.places = places
        self.added: list[Organization] = []

    def __call__(self, anaphor: str, segment: str, pos: int) -> str | None:
        if "|" in anaphor:
            return self._level_body(anaphor, segment, pos)
        if anaphor in ("region", "city", "province", "town", "department", "state", "country"):
            return self._place(anaphor, segment, pos)
        kinds = _ORG_ANAPHORS.get(anaphor)
        named = self._org(kinds, segment, pos)
        lower = self._lowercase_org(anaphor, segment, pos)
        best = max((c for c in (named, lower) if c), key=lambda c: c[1], default=None)
        if best is lower and lower is not None:
            self._add(anaphor, segment, lower)
        return best[0] if best else None

    def _before(self, entities: list, segment: str, pos: int) -> list:
        hits = []
        for e in entities:
            for m in e.mentions:
                if (m.segment == segment and m.end <= pos) or (segment != "body" and m.segment == "body"):
                    hits.append((m.segment == segment, m.start, e))
        return [e for _, _, e in sorted(hits, key=lambda h: (h[0], h[1]))]

    def _org(self, kinds: tuple[str, ...] | None, segment: str, pos: int) -> tuple[str, int] | None:
        for o in reversed(self._before(self.orgs, segment, pos)):
            if kinds is None or o.kind in kinds:
                here = [m.start for m in o.mentions if m.segment == segment and m.end <= pos]
                return o.name, max(here, default=-1)
        return None

    def _place(self, noun: str, segment: str, pos: int) -> str | None:
        kinds = {"town": "city", "department": "province", "state": "region"}.get(noun, noun)
        for p in reversed(self._before(self.places, segment, pos)):
            if p.kind == kinds:
                return p.name
        return None

    def _level_body(self, anaphor: str, segment: str, pos: int) -> str | None:
        """"the provincial People's Committee" after "Dong Thap province": the body of
        the last province (or city) named before, added as an organisation."""
        noun, body = anaphor.split("|", 1)
        own = {o.name for o in [*self.orgs, *self.added] if o.kind == "government"
               and re.search(rf"\b(?:provincial|municipal) {re.escape(body)}$", o.name)}
        if len(own) == 1:  # the article already named "X provincial People's Committee"
            return own.pop()
        place = self._place(noun, segment, pos)
        if place is None:
            return None
        name = f"{place} {body}"
        if not any(fold(o.name) == fold(name) for o in [*self.orgs, *self.added]):
            country = next((p.country for p in self.places if p.name == place), None)
            self.added.append(Organization(name, [], "government", country, []))
        return name

    def _lowercase_org(self, noun: str, segment: str, pos: int) -> tuple[str, int] | None:
        """"organised by the North-South economic ... agency": a name in lower case."""
        if noun not in _ORG_ANAPHORS:
            return None
        text = self.analysis.segments.get(segment, "")[:pos]
        pat = rf"\b(?:by|of|from|with|at) the ([A-Z][\w’'-]*(?: [\w’'-]+){{0,6}} {noun})\b"
        hits = list(re.finditer(pat, text))
        return (hits[-1].group(1), hits[-1].start(1)) if hits else None

    def _add(self, noun: str, segment: str, found: tuple[str, int]) -> None:
        name, start = found
        if not any(fold(o.name) == fold(name) for o in self.added):
            mention = Mention(start, start + len(name), segment)
            self.added.append(Organization(name, [], _ORG_ANAPHORS[noun][0], None, [mention]))


__all__ = ["run"]

# The French and Vietnamese components register themselves on import.
from passerelle.extract import entities_intl as _entities_intl  # noqa: E402,F401
