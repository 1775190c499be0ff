"""Passes of ``events.en.v1`` over the events found sentence by sentence. Not a stable API.

- A reception by a local official implies the guests' visit to the official's town or
  province ("Hanoi Chairman X received Y and Z": Y and Z visited Hanoi), when the story
  tells of no other visit by them and they hold no office there. The official's home
  is what the office is "of": a town or province, or a local government body named
  after one ("Chairman of the X City People's Committee").
- "During their stay from May 3 to 7" dates the guests' visit so implied.
- A meeting without a place, with a local official and someone shown visiting that
  official's town, took place in that town.
"""

from __future__ import annotations

import re

from passerelle.extract.actors import resolve_sentences
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import dates_in
from passerelle.records import Document, Event, Person, Place

__all__ = ["RECEIVING", "guest_visits", "place_meetings_with_local_officials"]

RECEIVING = re.compile(r"\b(?:(?P<passive>(?:was|were)\s+(?:warmly\s+)?(?:received|welcomed|"
                       r"hosted)\s+by)|received|receiving|receives|receive|welcomed|welcoming|"
                       r"welcomes|hosted\s+(?:a\s+)?reception|hosting\s+(?:a\s+)?reception)\b",
                       re.I)
_HOME_KINDS = ("city", "district", "province")
# Bodies that govern a town or province: their officials receive guests at home.
_LOCAL_BODY = re.compile(r"\b(?:People['’]s Committee|People['’]s Council|City Council|"
                         r"Municipal(?:ity)?|City Hall|Town Hall|Party Committee|"
                         r"Provincial Council)\b", re.I)


def guest_visits(analysis: Analysis, events: list[Event]) -> list[Event]:
    """Visits implied by receptions: "Hanoi Chairman X received Y", "Y was received by
    Hanoi Chairman X", "Receiving Y, Hanoi Chairman X said": Y visited Hanoi.

    The host is the side whose office is of a town, district or province the document
    names (or of its local government), and who stands where a host stands: before an
    active verb, after "by", or after the guests named right after a sentence-opening
    "Receiving"."""
    doc = analysis.doc
    places = {p.name: p for p in doc.places}
    people = {p.name: p for p in doc.people}
    visitors = {name for e in events if e.type == "visit" for name in e.participants}
    stay = _stay_span(analysis)
    out = []
    for ev in events:
        m = RECEIVING.search(ev.evidence) if ev.type == "meeting" else None
        persons = [people[n] for n in ev.participants if n in people]
        if m is None or len(persons) < 2:
            continue
        sides = _host_and_guests(ev.evidence, m, persons)
        home = _home(sides[0], places) if sides else None
        if home is None:
            continue
        guests = [g for g in sides[1] if _home(g, places) != home]
        if not guests or any(g.name in visitors for g in guests):
            continue
        start, end = _dates(ev, stay)
        out.append(Event("visit", [g.name for g in guests], home, start, end, ev.precision,
                         ev.sectors, ev.evidence, evidence_segment=ev.evidence_segment,
                         place_aliases=list(places[home].parents), tense=ev.tense))
    return out


def _host_and_guests(text: str, m: re.Match[str], sides: list[Person]) -> tuple | None:
    """(host, guests) of a receiving sentence from where each side is written."""
    at = [_first_at(text, p) for p in sides]
    if None in at:
        return None
    order = [sides[i] for i in sorted(range(len(sides)), key=lambda i: at[i])]
    before = sum(1 for a in at if a < m.start())
    if m.group("passive"):  # "Y (and Z) were received by X"
        return (order[-1], order[:-1]) if before == len(sides) - 1 else None
    if not text[: m.start()].strip(" \"'“"):  # "Receiving Y, X said"
        return order[-1], order[:-1]
    return (order[0], order[1:]) if before == 1 else None


def _first_at(text: str, person: Person) -> int | None:
    """Where the person is first written in ``text`` (full name, then other forms)."""
    for form in (person.name, *person.aliases):
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)
        if found:
            return found.start()
    return None


def _home(person: Person, places: dict[str, Place]) -> str | None:
    """The town, district or province the person's office is of, if any."""
    for title in person.titles:
        of = title.of or ""
        if of in places and places[of].kind in _HOME_KINDS:
            return of
        if _LOCAL_BODY.search(of):
            inside = [n for n, p in places.items() if p.kind in _HOME_KINDS
                      and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", of)]
            if len(inside) == 1:
                return inside[0]
    return None


# "During their stay from May 3 to 7", "throughout the delegation's four-day stay".
_STAY = re.compile(r"\b(?:[Dd]uring|[Tt]hroughout|[Ii]n the course of)\s+(?:their|his|her|its|"
                   r"the)\s+(?:[\w’'-]+\s+){0,3}?(?:stay|trip|visit|tour|mission)\b")


def _stay_span(analysis: Analysis) -> tuple[str, str] | None:
    """The days of the guests' stay, written as "during their stay from A to B"."""
    for sa in resolve_sentences(analysis):
        m = _STAY.search(sa.sentence.text)
        if m is None or sa.sentence.segment != "body":
            continue
        ranges = [s for s in dates_in(analysis, sa) if s.precision == "day"
                  and s.start and s.end and s.start < s.end and abs(s.begin - m.end()) < 40]
        if ranges:
            return ranges[0].start, ranges[0].end
    return None


def _dates(ev: Event, stay: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The reception's day, or the stay around it."""
    if stay and (ev.start is None or (ev.start == ev.end and stay[0] <= ev.start <= stay[1])):
        return stay
    return ev.start, ev.end


# Kinds of place whose officials receive visitors at home: a meeting with the mayor of a
# town during a visit to that town (or to its département) took place in that town.
_LOCAL_KINDS = ("city", "district")


def place_meetings_with_local_officials(doc: Document, events: list[Event]) -> None:
    """Give a place to meetings that state none, when the text implies it.

    A meeting without a stated place (or with only a country or region) between sides
    of whom one is a local official (a person whose office is "of" a town the document
    names) and another is shown visiting that town or a unit enclosing it took place in
    that town — when exactly one town fits.
    """
    places = {p.name: p for p in doc.places}
    titles = {p.name: [t.of for t in p.titles if t.of] for p in doc.people}
    visits = [e for e in events if e.type == "visit" and e.place and e.tense != "planned"]
    for ev in events:
        if ev.type != "meeting" or not _vague(ev.place, places):
            continue
        towns = {of for name in ev.participants for of in titles.get(name, [])
                 if of in places and places[of].kind in _LOCAL_KINDS}
        fits = [t for t in towns if _visited(t, ev, visits, places)]
        if len(fits) == 1:
            ev.place = fits[0]


def _visited(town: str, ev: Event, visits: list[Event], places: dict) -> bool:
    """A side of ``ev`` visits ``town`` or a unit enclosing it (and the meeting's own
    vague place, if any, encloses the town)."""
    reach = {town, *places[town].parents}
    if ev.place and ev.place not in reach:
        return False
    return any(set(v.participants) & set(ev.participants) and v.place in reach for v in visits)


def _vague(place: str | None, places: dict) -> bool:
    """No place, or only a country or region: a town inside it is more precise."""
    return place is None or (place in places and places[place].kind in ("country", "region"))
