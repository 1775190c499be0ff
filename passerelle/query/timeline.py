"""Events over time and on the map, and the knowledge base's overall counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from passerelle.query.filters import Filters, event_where, reading
from passerelle.store.knowledge import q


def _place_dict(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"id": row.id, "name": row.name, "lat": row.lat, "lon": row.lon,
            "country": row.country, "geonames_id": row.geonames_id,
            "parents": json.loads(row.parents) if row.parents else []}


def event_dicts(conn: Any, ids: list[int]) -> list[dict[str, Any]]:
    """Full dicts of the given events, in the order of ``ids``. Not a stable API."""
    if not ids:
        return []
    rows = {r.id: r for r in q(conn, "SELECT * FROM kb_events WHERE id IN :ids", ids=ids)}
    parts: dict[int, list[dict[str, Any]]] = {}
    for r in q(conn, "SELECT DISTINCT l.event_id, n.id, n.name, n.kind FROM kb_event_links l JOIN "
               "kb_entities n ON n.id = l.entity_id WHERE l.role = 'participant' AND l.event_id "
               "IN :ids ORDER BY n.name", ids=ids):
        parts.setdefault(r[0], []).append({"id": r[1], "name": r[2], "kind": r[3]})
    place_ids = sorted({r.place_id for r in rows.values() if r.place_id})
    places = {r.id: _place_dict(r) for r in q(conn, "SELECT * FROM kb_entities WHERE id IN :p",
                                             p=place_ids or [-1])}
    sources: dict[int, list[dict[str, Any]]] = {}
    for r in q(conn, "SELECT s.event_id, s.doc_id, s.evidence, d.title, d.url, d.outlet, "
               "d.published, d.language FROM kb_event_sources s LEFT JOIN kb_docs d ON d.doc_id = "
               "s.doc_id WHERE s.event_id IN :ids ORDER BY d.published, s.doc_id", ids=ids):
        sources.setdefault(r.event_id, []).append(
            {"document_id": r.doc_id, "title": r.title, "url": r.url, "outlet": r.outlet,
             "published": r.published, "language": r.language, "evidence": r.evidence})
    return [_event_dict(rows[i], parts, places, sources) for i in ids if i in rows]


def _event_dict(row: Any, parts: dict[int, Any], places: dict[int, Any],
                sources: dict[int, Any]) -> dict[str, Any]:
    return {
        "id": row.id, "type": row.type, "participants": parts.get(row.id, []),
        "place": places.get(row.place_id), "start": row.start_date, "end": row.end_date,
        "precision": row.precision, "sectors": json.loads(row.sectors or "[]"),
        "source_count": row.source_count, "sources": sources.get(row.id, []),
    }


def timeline(db: Any, *, limit: int = 100, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
    """Events, newest first.

    Args:
        db: the ``Database``.
        limit: page size.
        offset: rows to skip.
        **filters: ``place, person, org, sector, country, date_from, date_to, language,
            outlet`` (see :class:`Filters`).

    Returns:
        ``[{id, type, participants [{id, name, kind}], place {id, name, lat, lon, country,
        geonames_id, parents} | None, start, end, precision, sectors, source_count,
        sources [{document_id, title, url, outlet, published, language, evidence}]}]``.

    Raises:
        ConfigError: on an unknown filter name.
    """
    f = Filters.of(filters)
    with reading(db) as conn:
        w = event_where(conn, f)
        ids = [r[0] for r in q(conn, f"SELECT e.id FROM kb_events e {w.sql()} ORDER BY "
                                     "e.sort_date DESC NULLS LAST, e.id DESC LIMIT :lim OFFSET :off",
                                     lim=int(limit), off=int(offset), **w.params)]
        return event_dicts(conn, ids)


def places_map(db: Any, *, limit: int = 1000, partners_of: int = 20,
               **filters: Any) -> list[dict[str, Any]]:
    """Places with coordinates where filtered events happened.

    Args:
        db: the ``Database``.
        limit: most places returned (busiest first).
        partners_of: partners are listed for this many of the busiest places (cost).
        **filters: as :func:`timeline`.

    Returns:
        ``[{id, name, lat, lon, country, geonames_id, parents, events, visits, meetings,
        partners [{id, name, kind, count}]}]``.
    """
    f = Filters.of(filters)
    with reading(db) as conn:
        w = event_where(conn, f)
        w.add("e.place_id IS NOT NULL")
        per_type = (f"SELECT e.place_id, e.type, COUNT(*) AS n FROM kb_events e {w.sql()} "
                    "GROUP BY e.place_id, e.type") if f.active() else \
            "SELECT place_id, type, n FROM kb_place_counts WHERE n > 0"  # kept by store.knowledge
        rows = q(conn, _BUSIEST.format(per_type=per_type), lim=int(limit), **w.params).all()
        partners = _partners(conn, w, [r.place_id for r in rows[:partners_of]])
        out = [dict(_place_dict(r) or {}, events=r.events, visits=r.visits, meetings=r.meetings,
                    partners=partners.get(r.id, [])) for r in rows if r.lat is not None]
        return sorted(out, key=lambda p: (-p["events"], p["name"]))


# The busiest places (events per place and type summed in SQL, one row per place) and
# their entity columns; places without coordinates are dropped by the caller.
_BUSIEST = (
    "SELECT b.place_id, b.events, b.visits, b.meetings, n.id, n.name, n.lat, n.lon, n.country, "
    "n.geonames_id, n.parents FROM (SELECT place_id, CAST(SUM(n) AS BIGINT) AS events, "
    "CAST(SUM(CASE WHEN type = 'visit' THEN n ELSE 0 END) AS BIGINT) AS visits, "
    "CAST(SUM(CASE WHEN type = 'meeting' THEN n ELSE 0 END) AS BIGINT) AS meetings FROM "
    "({per_type}) t GROUP BY place_id ORDER BY SUM(n) DESC, place_id LIMIT :lim) b "
    "LEFT JOIN kb_entities n ON n.id = b.place_id ORDER BY b.events DESC, b.place_id")


def _partners(conn: Any, w: Any, place_ids: list[int], top: int = 5) -> dict[int, list[Any]]:
    """The most frequent participants of the filtered events at each place (one query:
    the events of these places only, ranked per place with a window function, named by
    a join)."""
    out: dict[int, list[Any]] = {place_id: [] for place_id in place_ids}
    if not place_ids:
        return out
    with _no_parallel_plan(conn):
        rows = _partner_rows(conn, w, place_ids, top)
    for r in rows:
        out[r.place_id].append({"id": r.entity_id, "name": r.name, "kind": r.kind, "count": r.c})
    return out


@contextmanager
def _no_parallel_plan(conn: Any) -> Iterator[None]:
    """On PostgreSQL, plan the enclosed queries without parallel workers, then restore.

    The partners query reads a few thousand rows through indexes; PostgreSQL's parallel
    sequential plan for it costs about three times as much on a small server (13 ms ->
    36-50 ms p50 on the 100k bench base, 2 cores). SQLite: nothing to do.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    before = q(conn, "SHOW max_parallel_workers_per_gather").scalar()
    q(conn, "SET LOCAL max_parallel_workers_per_gather = 0")
    try:
        yield
    finally:
        q(conn, f"SET LOCAL max_parallel_workers_per_gather = {int(before)}")


def _partner_rows(conn: Any, w: Any, place_ids: list[int], top: int) -> list[Any]:
    """Rows (place_id, entity_id, c, name, kind) of the ``top`` partners per place."""
    return q(conn, "SELECT r.place_id, r.entity_id, r.c, n.name, n.kind FROM (SELECT e.place_id, "
             "l.entity_id, COUNT(DISTINCT e.id) AS c, ROW_NUMBER() OVER (PARTITION BY e.place_id "
             "ORDER BY COUNT(DISTINCT e.id) DESC, l.entity_id) AS rn FROM kb_events e JOIN "
             f"kb_event_links l ON l.event_id = e.id AND l.role = 'participant' {w.sql()} "
             "AND e.place_id IN :pp GROUP BY e.place_id, l.entity_id) r JOIN kb_entities n ON "
             "n.id = r.entity_id WHERE r.rn <= :top ORDER BY r.place_id, r.rn", pp=place_ids,
             top=top, **w.params).all()


def sectors_over_time(db: Any, **filters: Any) -> list[dict[str, Any]]:
    """Number of events per month and sector.

    Args:
        db: the ``Database``.
        **filters: as :func:`timeline`.

    Returns:
        ``[{month: "YYYY-MM", sector, count}]`` sorted by month then sector.
    """
    f = Filters.of(filters)
    with reading(db) as conn:
        if not f.active():  # the summary kept by store.knowledge
            rows = q(conn, "SELECT month, sector, n FROM kb_sector_months WHERE n > 0 ORDER BY "
                     "month, sector")
            return [{"month": m, "sector": s, "count": n} for m, s, n in rows]
        w = event_where(conn, f)
        w.add("e.sort_date IS NOT NULL")
        rows = q(conn, "SELECT SUBSTR(e.sort_date, 1, 7) AS m, s.sector, COUNT(*) FROM kb_events "
                 f"e JOIN kb_event_sectors s ON s.event_id = e.id {w.sql()} GROUP BY "
                 "SUBSTR(e.sort_date, 1, 7), s.sector ORDER BY m, s.sector", **w.params)
        return [{"month": m, "sector": s, "count": n} for m, s, n in rows]


def stats(db: Any, *, latest: int = 10) -> dict[str, Any]:
    """Counts of the knowledge base and its latest events.

    The counts are exact. On PostgreSQL they are kept from the last call while the
    database snapshot is unchanged (no transaction committed or started writing since),
    as counting the large tables costs tens of milliseconds at 100,000 documents.

    Args:
        db: the ``Database``.
        latest: how many latest events to include.

    Returns:
        ``{documents, people, organizations, places, events, commitments: {open, repeated,
        fulfilled, total}, sources, merges, latest_events: [...timeline dicts]}``.
    """
    with reading(db) as conn:
        out = _counts(conn)
    out["latest_events"] = timeline(db, limit=latest)
    return out


# (database URL, snapshot) -> counts; one entry per database (PostgreSQL only).
_COUNTS: dict[str, tuple[str, dict[str, Any]]] = {}
# NULL when this transaction wrote (its own rows are visible to it only: never cached).
_SNAPSHOT = ("SELECT CASE WHEN pg_current_xact_id_if_assigned() IS NULL THEN "
             "CAST(pg_current_snapshot() AS TEXT) END")


def _counts(conn: Any) -> dict[str, Any]:
    """The counts of :func:`stats`; reused while PostgreSQL's snapshot is the same."""
    if conn.dialect.name != "postgresql":
        return _count(conn)
    key, before = str(conn.engine.url), q(conn, _SNAPSHOT).scalar()
    cached = _COUNTS.get(key)
    if before is not None and cached and cached[0] == before:
        return _copy_counts(cached[1])
    out = _count(conn)
    if before is not None and q(conn, _SNAPSHOT).scalar() == before:  # none committed since
        _COUNTS[key] = (before, _copy_counts(out))
    return out


def _copy_counts(counts: dict[str, Any]) -> dict[str, Any]:
    return dict(counts, commitments=dict(counts["commitments"]))


def _count(conn: Any) -> dict[str, Any]:
    """Exact counts of documents, entities by kind, events, commitments, sources, merges."""
    kinds = dict(q(conn, "SELECT kind, COUNT(*) FROM kb_entities WHERE merged_into IS NULL "
                      "GROUP BY kind").all())
    status = dict(q(conn, "SELECT status, COUNT(*) FROM kb_commitments GROUP BY status").all())
    one = lambda sql: int(q(conn, sql).scalar() or 0)  # noqa: E731
    return {
        "documents": one("SELECT COUNT(*) FROM kb_docs"),
        "people": kinds.get("person", 0), "organizations": kinds.get("organization", 0),
        "places": kinds.get("place", 0), "events": one("SELECT COUNT(*) FROM kb_events"),
        "sources": one("SELECT COUNT(*) FROM kb_event_sources"),
        "merges": one("SELECT COUNT(*) FROM kb_merges"),
        "commitments": {s: status.get(s, 0) for s in ("open", "repeated", "fulfilled")}
        | {"total": sum(status.values())},
    }
