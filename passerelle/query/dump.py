"""A canonical, id-free dump of the knowledge base (for tests and audits).

Two knowledge bases built from the same articles in different orders give equal
dumps: ids are replaced by names and document ids, and everything is sorted.
"""

from __future__ import annotations

from typing import Any

from passerelle.query.filters import reading
from passerelle.store.knowledge import q


def canonical_dump(db: Any) -> dict[str, list[Any]]:
    """Entities, events and commitments without database ids, sorted.

    Args:
        db: the ``Database`` (or an open Connection).

    Returns:
        ``{"entities": [...], "events": [...], "commitments": [...]}`` of tuples.
    """
    with reading(db) as conn:
        names = {r.id: r.name for r in q(conn, "SELECT id, name FROM kb_entities")}
        return {"entities": _entities(conn), "events": _events(conn, names),
                "commitments": _commitments(conn, names)}


def _entities(conn: Any) -> list[Any]:
    forms: dict[int, set[tuple[str, str]]] = {}
    for eid, doc, name in q(conn, "SELECT entity_id, doc_id, name FROM kb_names"):
        forms.setdefault(eid, set()).add((doc, name))
    rows = q(conn, "SELECT id, kind, name, country, lat, geonames_id FROM kb_entities WHERE "
             "merged_into IS NULL").all()
    return sorted((r.kind, r.name, r.country, r.lat, r.geonames_id,
                   tuple(sorted(forms.get(r.id, ())))) for r in rows)


def _events(conn: Any, names: dict[int, str]) -> list[Any]:
    parts: dict[int, set[str]] = {}
    for ev, ent in q(conn, "SELECT event_id, entity_id FROM kb_event_links WHERE role = "
                     "'participant'"):
        parts.setdefault(ev, set()).add(names.get(ent, "?"))
    docs: dict[int, set[str]] = {}
    for ev, doc in q(conn, "SELECT event_id, doc_id FROM kb_event_sources"):
        docs.setdefault(ev, set()).add(doc)
    rows = q(conn, "SELECT * FROM kb_events").all()
    return sorted((r.type, r.start_date or "", r.end_date or "", names.get(r.place_id, ""),
                   r.sectors, r.source_count, tuple(sorted(parts.get(r.id, ()))),
                   tuple(sorted(docs.get(r.id, ())))) for r in rows)


def _commitments(conn: Any, names: dict[int, str]) -> list[Any]:
    steps: dict[int, list[tuple[str, int, str]]] = {}
    for cid, doc, idx, step in q(conn, "SELECT commitment_id, doc_id, idx, step FROM "
                                 "kb_commitment_steps"):
        steps.setdefault(cid, []).append((doc, idx, step or ""))
    rows = q(conn, "SELECT * FROM kb_commitments").all()
    return sorted((r.status, r.kind, names.get(r.actor_id, ""), names.get(r.counterpart_id, ""),
                   r.sectors, r.first_date or "", tuple(sorted(steps.get(r.id, ()))))
                  for r in rows)
