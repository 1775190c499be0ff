"""Query stage: pure functions over the knowledge base that return dicts and lists.

The web app and the CLI only render what these return. Every function takes the
``Database`` (``passerelle.store.open_db()``) first; list functions accept the keyword
filters of :class:`passerelle.query.filters.Filters` where meaningful:
``place, person, org, sector, country, date_from, date_to, language, outlet``
(entity filters take an id or a name).

Public API::

    stats(db) -> dict
    timeline(db, *, filters..., limit=100, offset=0) -> list[dict]
    search(db, q, *, filters..., limit=20, offset=0) -> dict
    profile(db, kind, key) -> dict
    commitments(db, *, status=None, filters..., limit=200, offset=0) -> list[dict]
    places_map(db, *, filters...) -> list[dict]
    document(db, doc_id) -> dict
    entities(db, kind, *, q=None, limit=50, offset=0) -> list[dict]
    sectors_over_time(db, *, filters...) -> list[dict]
    merge_entities(db, kind, keep, other, note=None) -> dict
    split_entity(db, kind, entity, alias_or_doc, note=None) -> dict
    export_graph(db, fmt, out) -> int          (passerelle.query.graph)
"""

from __future__ import annotations

from passerelle.query.corrections import merge_entities, split_entity
from passerelle.query.dump import canonical_dump
from passerelle.query.entities import commitments, document, entities, profile
from passerelle.query.filters import Filters
from passerelle.query.search import search
from passerelle.query.timeline import places_map, sectors_over_time, stats, timeline

__all__ = [
    "Filters",
    "canonical_dump",
    "commitments",
    "document",
    "entities",
    "merge_entities",
    "places_map",
    "profile",
    "search",
    "sectors_over_time",
    "split_entity",
    "stats",
    "timeline",
]
