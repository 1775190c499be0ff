"""People, organisations and places; commitments; one document with its facts."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from passerelle.errors import ConfigError
from passerelle.query.filters import Filters, commitment_where, place_ids, reading
from passerelle.query.timeline import event_dicts
from passerelle.store.knowledge import entity_by_name
from passerelle.store.knowledge import q as _sql

KINDS = ("person", "organization", "place")
_KIND_ALIASES = {"org": "organization", "people": "person", "orgs": "organization",
                 "places": "place", "organisation": "organization", "persons": "person"}
STATUSES = ("open", "repeated", "fulfilled")


def check_kind(kind: str) -> str:
    """The canonical entity kind for ``kind`` ("org" -> "organization").

    Raises:
        ConfigError: listing the valid kinds.
    """
    kind = _KIND_ALIASES.get(kind, kind)
    if kind not in KINDS:
        raise ConfigError(f"unknown entity kind {kind!r}", hint=f"use one of {', '.join(KINDS)}")
    return kind


def _brief(conn: Any, ids: list[int | None]) -> dict[int, dict[str, Any]]:
    real = sorted({i for i in ids if i})
    rows = _sql(conn, "SELECT id, name, kind, country FROM kb_entities WHERE id IN :i",
             i=real or [-1])
    return {r.id: {"id": r.id, "name": r.name, "kind": r.kind, "country": r.country} for r in rows}


# --------------------------------------------------------------------------- commitments


def commitment_dicts(conn: Any, ids: list[int]) -> list[dict[str, Any]]:
    """Full dicts of the given commitments, in order. Not a stable API."""
    if not ids:
        return []
    rows = {r.id: r for r in _sql(conn, "SELECT * FROM kb_commitments WHERE id IN :i", i=ids)}
    steps: dict[int, list[dict[str, Any]]] = {}
    for s in _sql(conn, "SELECT st.*, d.title, d.url, d.outlet FROM kb_commitment_steps st LEFT "
               "JOIN kb_docs d ON d.doc_id = st.doc_id WHERE st.commitment_id IN :i ORDER BY "
               "st.step_date, st.doc_id, st.idx", i=ids):
        steps.setdefault(s.commitment_id, []).append(
            {"document_id": s.doc_id, "step": s.step, "kind": s.kind, "summary": s.summary,
             "evidence": s.evidence, "date": s.step_date, "title": s.title, "url": s.url,
             "outlet": s.outlet})
    people = _brief(conn, [x for r in rows.values() for x in (r.actor_id, r.counterpart_id)])
    fulfilled = [r.fulfilled_by for r in rows.values() if r.fulfilled_by]
    events = {e["id"]: e for e in event_dicts(conn, fulfilled)}
    return [_commitment(rows[i], steps.get(i, []), people, events) for i in ids if i in rows]


def _commitment(row: Any, trail: list[dict[str, Any]], people: dict[int, Any],
                events: dict[int, Any]) -> dict[str, Any]:
    trail = list(trail)
    event = events.get(row.fulfilled_by)
    if event:
        first = event["sources"][0] if event["sources"] else {}
        trail.append({"document_id": first.get("document_id"), "step": "fulfilled",
                      "kind": event["type"], "summary": f"{event['type']} event {event['id']}",
                      "evidence": first.get("evidence"), "date": event["start"] or
                      first.get("published"), "title": first.get("title"),
                      "url": first.get("url"), "outlet": first.get("outlet"),
                      "event_id": event["id"]})
    return {"id": row.id, "kind": row.kind, "actor": people.get(row.actor_id),
            "counterpart": people.get(row.counterpart_id), "summary": row.summary,
            "sectors": json.loads(row.sectors or "[]"), "status": row.status,
            "first_date": row.first_date, "last_date": row.last_date,
            "fulfilled_by": row.fulfilled_by, "trail": trail}


def commitments(db: Any, *, status: str | None = None, limit: int = 200, offset: int = 0,
                **filters: Any) -> list[dict[str, Any]]:
    """Commitments followed across articles, newest first.

    Args:
        db: the ``Database``.
        status: ``open``, ``repeated`` or ``fulfilled`` (``None``: all).
        limit: page size.
        offset: rows to skip.
        **filters: as :func:`passerelle.query.timeline`.

    Returns:
        ``[{id, kind, actor {id, name, kind, country}, counterpart, summary, sectors, status,
        first_date, last_date, fulfilled_by, trail [{document_id, step: made|repeated|advanced|
        fulfilled, kind, summary, evidence, date, title, url, outlet}]}]``.

    Raises:
        ConfigError: on an unknown status or filter.
    """
    if status is not None and status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}", hint=f"use one of {', '.join(STATUSES)}")
    f = Filters.of(filters)
    with reading(db) as conn:
        w = commitment_where(conn, f)
        if status:
            w.add("c.status = :st", st=status)
        ids = [r[0] for r in _sql(conn, f"SELECT c.id FROM kb_commitments c {w.sql()} ORDER BY "
                                     "c.last_date DESC NULLS LAST, c.id DESC LIMIT :lim OFFSET :off",
                                     lim=int(limit), off=int(offset), **w.params)]
        return commitment_dicts(conn, ids)


# --------------------------------------------------------------------------- entities


def entities(db: Any, kind: str, *, q: str | None = None, limit: int = 50,
             offset: int = 0) -> list[dict[str, Any]]:
    """People, organisations or places, most documented first.

    Args:
        db: the ``Database``.
        kind: ``person``, ``organization`` (``org``) or ``place``.
        q: keep those with a name form starting with these words.
        limit: page size.
        offset: rows to skip.

    Returns:
        ``[{id, name, kind, country, subkind, doc_count, lat, lon}]``.
    """
    kind = check_kind(kind)
    text = q
    with reading(db) as conn:
        cond, params = "", {}
        if text:
            from passerelle.resolve.normalize import fold

            key = fold(text)
            # The matching names first (an index range), then their entities: PostgreSQL
            # otherwise walked every entity of the kind, most documented first.
            # Two ranges joined by UNION, not OR: SQLite used no range at all for the OR.
            cond = ("JOIN (SELECT entity_id FROM kb_names WHERE kind = :k AND norm >= :lo AND "
                    "norm < :hi UNION SELECT entity_id FROM kb_names WHERE kind = :k AND norm >= "
                    ":lo2 AND norm < :hi2) m ON m.entity_id = x.id")
            params = {"lo": key, "hi": key + "~", "lo2": key.replace(" ", ""),
                      "hi2": key.replace(" ", "") + "~"}
        rows = _sql(conn, f"SELECT x.* FROM kb_entities x {cond} WHERE x.kind = :k AND "
                    "x.merged_into IS NULL ORDER BY x.doc_count DESC, x.name LIMIT :lim "
                    "OFFSET :off",
                    k=kind, lim=int(limit), off=int(offset), **params)
        return [{"id": r.id, "name": r.name, "kind": r.kind, "country": r.country,
                 "subkind": r.subkind, "doc_count": r.doc_count, "lat": r.lat, "lon": r.lon}
                for r in rows]


def _resolve(conn: Any, kind: str, key: str | int) -> Any:
    entity_id = entity_by_name(conn, kind, key)
    row = _sql(conn, "SELECT * FROM kb_entities WHERE id = :i", i=entity_id or -1).first()
    if row is None:
        raise ConfigError(f"no {kind} named {key!r} in the knowledge base",
                          hint=f"list them with `passerelle {_LIST_COMMAND[kind]}`")
    return row


_LIST_COMMAND = {"person": "people", "organization": "orgs", "place": "places"}


def profile(db: Any, kind: str, key: str | int) -> dict[str, Any]:
    """Everything the knowledge base knows about one person, organisation or place.

    Args:
        db: the ``Database``.
        kind: ``person``, ``organization`` (``org``) or ``place``.
        key: its id or any of its names (diacritics and titles ignored).

    Returns:
        ``{id, kind, name, aliases, country, subkind, offices [{role, of, first_seen,
        last_seen, sources}], visits, meetings, events, counterparts [{id, name, kind,
        count}], sectors {slug: n}, commitments, network {nodes, edges}, sources, merges}``;
        places also ``lat, lon, parents, geonames_id``.

    Raises:
        ConfigError: if no such entity exists.
    """
    kind = check_kind(kind)
    with reading(db) as conn:
        row = _resolve(conn, kind, key)
        events = _entity_events(conn, row)
        out = {"id": row.id, "kind": row.kind, "name": row.name, "country": row.country,
               "subkind": row.subkind, "aliases": _aliases(conn, row),
               "offices": _offices(conn, row.id), "events": events,
               "visits": [e for e in events if e["type"] == "visit"],
               "meetings": [e for e in events if e["type"] == "meeting"],
               "counterparts": _counterparts(conn, row.id),
               "sectors": dict(Counter(s for e in events for s in e["sectors"]).most_common()),
               "commitments": _place_commitments(conn, row.id) if kind == "place" else
               commitments(conn, **{_FILTER[kind]: row.id}),
               "sources": _sources(conn, row.id), "merges": _merges(conn, row.id)}
        if kind == "place":
            out.update(lat=row.lat, lon=row.lon, geonames_id=row.geonames_id,
                       parents=json.loads(row.parents or "[]"))
        out["network"] = _network(out)
        return out


_FILTER = {"person": "person", "organization": "org", "place": "place"}


def _place_commitments(conn: Any, place_id: int, limit: int = 200) -> list[dict[str, Any]]:
    """``commitments(place=...)`` with its three conditions joined by UNION, not OR
    (PostgreSQL walked every commitment to test the OR at 100,000 documents)."""
    ids = [r[0] for r in _sql(
        conn, "SELECT c.id FROM kb_commitments c WHERE c.id IN (SELECT id FROM kb_commitments "
        "WHERE actor_id IN :p UNION SELECT id FROM kb_commitments WHERE counterpart_id IN :p "
        "UNION SELECT st.commitment_id FROM kb_commitment_steps st JOIN kb_names n ON n.doc_id "
        "= st.doc_id WHERE n.entity_id IN :p) ORDER BY c.last_date DESC NULLS LAST, c.id DESC "
        "LIMIT :lim", p=place_ids(conn, place_id), lim=limit)]
    return commitment_dicts(conn, ids)


def _aliases(conn: Any, row: Any) -> list[str]:
    names = _sql(conn, "SELECT DISTINCT name FROM kb_names WHERE entity_id = :e", e=row.id)
    return sorted({n[0] for n in names} - {row.name})


def _offices(conn: Any, entity_id: int) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT role, of_name, MIN(published), MAX(published), COUNT(*) FROM "
             "kb_offices WHERE entity_id = :e GROUP BY role, of_name ORDER BY MIN(published)",
             e=entity_id).all()
    out = []
    for role, of, first, last, _n in rows:
        docs = _sql(conn, "SELECT DISTINCT doc_id FROM kb_offices WHERE entity_id = :e AND role = :r "
                 "ORDER BY doc_id LIMIT 20", e=entity_id, r=role).all()
        out.append({"role": role, "of": of, "first_seen": first, "last_seen": last,
                    "sources": [d[0] for d in docs]})
    return out


def _entity_events(conn: Any, row: Any, limit: int = 50) -> list[dict[str, Any]]:
    # A place's events: UNION, not OR (PostgreSQL scanned every event for the OR).
    held = "SELECT id FROM kb_events WHERE place_id = :e UNION " if row.kind == "place" else ""
    ids = [r[0] for r in _sql(conn, f"SELECT e.id FROM kb_events e WHERE e.id IN ({held}SELECT "
                                 "event_id FROM kb_event_links WHERE entity_id = :e) ORDER BY "
                                 "e.sort_date DESC NULLS LAST, e.id DESC LIMIT :lim", e=row.id, lim=limit)]
    return event_dicts(conn, ids)


def _counterparts(conn: Any, entity_id: int, top: int = 20) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT n.id, n.name, n.kind, COUNT(DISTINCT l2.event_id) AS c FROM "
             "kb_event_links l JOIN kb_event_links l2 ON l2.event_id = l.event_id AND "
             "l2.entity_id != l.entity_id AND l2.role = 'participant' JOIN kb_entities n ON n.id = "
             "l2.entity_id WHERE l.entity_id = :e GROUP BY n.id, n.name, n.kind ORDER BY c DESC, "
             "n.name LIMIT :top", e=entity_id, top=top)
    return [{"id": r.id, "name": r.name, "kind": r.kind, "count": r.c} for r in rows]


def _sources(conn: Any, entity_id: int, limit: int = 50) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT DISTINCT d.doc_id, d.title, d.url, d.outlet, d.published, d.language "
             "FROM kb_names n JOIN kb_docs d ON d.doc_id = n.doc_id WHERE n.entity_id = :e ORDER "
             "BY d.published DESC NULLS LAST, d.doc_id LIMIT :lim", e=entity_id, lim=limit)
    return [{"document_id": r.doc_id, "title": r.title, "url": r.url, "outlet": r.outlet,
             "published": r.published, "language": r.language} for r in rows]


def _merges(conn: Any, entity_id: int) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT absorbed_id, doc_id, reason, confidence FROM kb_merges WHERE "
             "entity_id = :e ORDER BY id", e=entity_id)
    return [{"absorbed": r.absorbed_id, "document_id": r.doc_id, "reason": r.reason,
             "confidence": r.confidence} for r in rows]


def _network(p: dict[str, Any]) -> dict[str, Any]:
    nodes = [{"id": p["id"], "name": p["name"], "kind": p["kind"]}]
    nodes += [{"id": c["id"], "name": c["name"], "kind": c["kind"]} for c in p["counterparts"]]
    edges = [{"source": p["id"], "target": c["id"], "weight": c["count"], "relation": "met"}
             for c in p["counterparts"]]
    return {"nodes": nodes, "edges": edges}


# --------------------------------------------------------------------------- documents


def document(db: Any, doc_id: str) -> dict[str, Any]:
    """One document: its record, its facts linked to KB entities, and the same story.

    Args:
        db: the ``Database``.
        doc_id: the stored document id.

    Returns:
        ``{id, record, entities [{kind, id, name, forms}], events [timeline dicts],
        commitments [...], same_story [{document_id, title, url, outlet, published,
        shared_events}], near_duplicate_of}``.

    Raises:
        ConfigError: if the document is unknown.
    """
    with reading(db) as conn:
        row = _sql(conn, "SELECT * FROM documents WHERE id = :d", d=doc_id).mappings().first()
        if row is None:
            raise ConfigError(f"no document {doc_id!r}", hint="search with `passerelle search`")
        record = json.loads(row["record"]) if row.get("record") else {}
        ev_ids = [r[0] for r in _sql(conn, "SELECT DISTINCT event_id FROM kb_event_sources WHERE "
                                  "doc_id = :d ORDER BY event_id", d=doc_id)]
        com_ids = [r[0] for r in _sql(conn, "SELECT DISTINCT commitment_id FROM kb_commitment_steps "
                                   "WHERE doc_id = :d ORDER BY commitment_id", d=doc_id)]
        return {"id": doc_id, "record": record, "entities": _doc_entities(conn, doc_id),
                "events": event_dicts(conn, ev_ids), "commitments": commitment_dicts(conn, com_ids),
                "same_story": _same_story(conn, doc_id),
                "near_duplicate_of": row.get("near_duplicate_of")}


def _doc_entities(conn: Any, doc_id: str) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT n.kind, n.entity_id, x.name, n.name AS form FROM kb_names n JOIN "
             "kb_entities x ON x.id = n.entity_id WHERE n.doc_id = :d ORDER BY n.idx, n.id",
             d=doc_id)
    out: dict[int, dict[str, Any]] = {}
    for r in rows:
        item = out.setdefault(r.entity_id, {"kind": r.kind, "id": r.entity_id, "name": r.name,
                                            "forms": []})
        item["forms"].append(r.form)
    return list(out.values())


def _same_story(conn: Any, doc_id: str) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT s2.doc_id, COUNT(DISTINCT s2.event_id) AS n, d.title, d.url, d.outlet, "
             "d.published FROM kb_event_sources s JOIN kb_event_sources s2 ON s2.event_id = "
             "s.event_id AND s2.doc_id != s.doc_id LEFT JOIN kb_docs d ON d.doc_id = s2.doc_id "
             "WHERE s.doc_id = :d GROUP BY s2.doc_id, d.title, d.url, d.outlet, d.published "
             "ORDER BY n DESC, s2.doc_id", d=doc_id)
    return [{"document_id": r.doc_id, "title": r.title, "url": r.url, "outlet": r.outlet,
             "published": r.published, "shared_events": r.n} for r in rows]
