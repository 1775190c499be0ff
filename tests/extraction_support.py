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
