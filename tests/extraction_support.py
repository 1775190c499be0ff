"""Shared test helper: documents whose entities the test fills itself.

Used by the component tests (``test_events.py``, ``test_commitments.py``) that run one
extraction component on a document with known people, organisations and places, so the
result depends on that component alone. The component's module must be imported first
(importing it registers the component).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from passerelle import registry
from passerelle.extract.base import analyze
from passerelle.records import Document, Mention, Organization, Person, Place, Title


def make_doc(body: str, people: Iterable = (), orgs: Iterable = (), places: Iterable = (),
             captions: Iterable[str] = (), published: str | None = None) -> Document:
    """A document with the given entities; mentions found by string search.

    Args:
        body: The article body.
        people: ``(name, aliases, [(role, of), ...])`` triples.
        orgs: ``(name, aliases)`` pairs.
        places: ``(name, aliases, kind)`` triples.
        captions: Photo captions of the document.
        published: ISO date of publication, if any.

    Returns:
        An English document whose entities carry one mention per occurrence in ``body``.
    """
    doc = Document(id="t", body=body, captions=list(captions), published=published,
                   language="en")
    doc.people = [Person(n, list(a), [Title(r, o) for r, o in t]) for n, a, t in people]
    doc.organizations = [Organization(n, list(a)) for n, a in orgs]
    doc.places = [Place(n, list(a), kind=k) for n, a, k in places]
    for ent in doc.people + doc.organizations + doc.places:
        for form in [ent.name, *ent.aliases]:
            for m in re.finditer(re.escape(form), body):
                ent.mentions.append(Mention(m.start(), m.end()))
    return doc


def run_component(doc: Document, name: str) -> Document:
    """Run the registered extraction component ``name`` alone on ``doc``.

    Args:
        doc: A document, usually from ``make_doc``.
        name: A registry name such as ``"events.en.v1"``.

    Returns:
        ``doc``, filled in place by the component.
    """
    registry.get(name)(analyze(doc))
    return doc


def english_events(body: str, people: Iterable = (), orgs: Iterable = (),
                   places: Iterable = (), published: str = "2026-05-20",
                   countries: dict[str, str] | None = None) -> list:
    """Events found by ``events.en.v1`` alone on a ``make_doc`` document.

    Args:
        body, people, orgs, places, published: as :func:`make_doc`.
        countries: person name -> country code, for rules that check nationality.

    Returns:
        The document's events.
    """
    doc = make_doc(body, people=people, orgs=orgs, places=places, published=published)
    for person in doc.people:
        person.country = (countries or {}).get(person.name)
    return run_component(doc, "events.en.v1").events


def meetings_of(events: Iterable) -> list[list[str]]:
    """The sides of each meeting, sorted (order-free comparison)."""
    return sorted(sorted(e.participants) for e in events if e.type == "meeting")


def visits_of(events: Iterable) -> list[tuple]:
    """(sorted visitors, place, start, end) of each visit, in order."""
    return [(sorted(e.participants), e.place, e.start, e.end) for e in events
            if e.type == "visit"]


def extract_text(body: str, language: str, published: str = "2026-05-20") -> Document:
    """The whole default extraction (``extract_document``) on a bare body."""
    from passerelle.extract import extract_document  # noqa: PLC0415

    return extract_document(Document(id="t", body=body, published=published, language=language))


def titles_by_person(doc: Document) -> dict[str, dict[str, str | None]]:
    """``{person: {role: of}}`` of an extracted document."""
    return {p.name: {t.role: t.of for t in p.titles} for p in doc.people}
