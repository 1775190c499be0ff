"""Events of the knowledge base: reports (sources), clustering them, refreshing events.

Each event of a document becomes a report in ``kb_event_sources``; it joins every
event one of whose reports matches (:func:`passerelle.resolve.event_reports_match`).
Internal module of :mod:`passerelle.store.knowledge`; not a stable API.
"""

from __future__ import annotations

import json
from typing import Any

from passerelle.records import Document
from passerelle.resolve.match import EventReport, event_reports_match
from passerelle.resolve.normalize import fold
from passerelle.store.knowledge_entities import KINDS, local_entity
from passerelle.store.knowledge_index import (
    count_months,
    fts_drop,
    fts_put,
    shift_months,
    shift_places,
)
from passerelle.store.knowledge_sql import Touched, insert_id, json_list, w, wm

# Candidate reports of one event are looked for among articles published this many
# days apart at most (a superset of CLOSE_DAYS: dated reports may be older).
_WINDOW_DAYS = 120

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


def add_events(conn: Any, doc_id: str, doc: Document, local: dict[tuple[str, str], int],
               touched: Touched) -> None:
    """Add the document's event reports and attach each to the events it matches."""
    # Without a publication date, the article's latest event date stands in for it (a
    # story is written after what it reports; older events it recalls are background).
    published = doc.published or max((e.start for e in doc.events if e.start), default=None)
    for idx, event in enumerate(doc.events):
        people = [local_entity(conn, doc_id, local, KINDS, name, touched, "person")
                  for name in event.participants]
        place_id = local_entity(conn, doc_id, local, ("place",), event.place, touched, "place")
        sort_date = published or event.start
        event_id = insert_id(conn, "INSERT INTO kb_events (type) VALUES (:t)", t=event.type)
        source_id = insert_id(
            conn, "INSERT INTO kb_event_sources (event_id, doc_id, idx, type, start_date, "
            "end_date, precision, place_id, published, sectors, evidence) VALUES (:eid, :d, :i, "
            ":t, :s, :e, :p, :pl, :pub, :sec, :ev)", eid=event_id, d=doc_id, i=idx, t=event.type,
            s=event.start, e=event.end, p=event.precision if event.start else None, pl=place_id,
            pub=published, sec=json.dumps(sorted(set(event.sectors))), ev=event.evidence)
        links = [(entity_id, "participant") for entity_id in sorted({p for p in people if p})]
        links += [(place_id, "place")] if place_id is not None else []
        wm(conn, "INSERT INTO kb_event_links (event_id, source_id, entity_id, role, type, "
           "sort_date) VALUES (:e, :s, :n, :r, :t, :d)",
           [dict(e=event_id, s=source_id, n=entity_id, r=role, t=event.type, d=sort_date)
            for entity_id, role in links])
        touched.events.add(event_id)
        participants = {entity_id for entity_id, role in links if role == "participant"}
        attach_source(conn, source_id, touched,
                      (event_id, participants, event.type, published or event.start))


def _reports(conn: Any, source_ids: list[int]) -> dict[int, tuple[int, EventReport]]:
    """``{source_id: (event_id, report)}`` for the given sources."""
    if not source_ids:
        return {}
    rows = w(conn, "SELECT s.id, s.event_id, s.type, s.start_date, s.end_date, s.precision, "
             "s.place_id, s.published, p.name, p.parents FROM kb_event_sources s LEFT JOIN "
             "kb_entities p ON p.id = s.place_id WHERE s.id IN :ids", ids=source_ids).all()
    parts: dict[int, set[int]] = {}
    for sid, eid in w(conn, "SELECT source_id, entity_id FROM kb_event_links WHERE role = "
                      "'participant' AND source_id IN :ids", ids=source_ids):
        parts.setdefault(sid, set()).add(eid)
    out = {}
    for r in rows:
        names = frozenset(fold(n) for n in [r.name or "", *json_list(r.parents)] if n)
        out[r.id] = (r.event_id, EventReport(r.type, frozenset(parts.get(r.id, ())), r.place_id,
                                             names, r.start_date, r.end_date, r.precision,
                                             r.published))
    return out


def _shift(day: str | None, days: int) -> str | None:
    """The ISO day ``days`` after ``day`` (``None`` when ``day`` is not a date)."""
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def attach_source(conn: Any, source_id: int, touched: Touched,
                  known: tuple[int, set[int], str, str | None] | None = None) -> None:
    """Merge the event of ``source_id`` with every event one of whose reports matches it.

    ``known`` is ``(event_id, participant ids, type, anchor date)`` of a report just
    written, so that it is read back together with the candidates (one query less).
    """
    report = None
    if known is None:
        mine = _reports(conn, [source_id]).get(source_id)
        if mine is None:
            return
        event_id, report = mine
        known = (event_id, set(report.participants), report.type,
                 report.published or report.start)
    event_id, participants, type_, anchor = known
    if not participants:
        return
    lo, hi = _shift(anchor, -_WINDOW_DAYS), _shift(anchor, _WINDOW_DAYS)
    when = "(sort_date BETWEEN :lo AND :hi OR sort_date IS NULL)" if lo else "1 = 1"
    candidates = [r[0] for r in w(
        conn, "SELECT DISTINCT source_id FROM kb_event_links WHERE role = 'participant' AND "
        f"entity_id IN :ents AND type = :t AND {when} AND event_id != :ev",
        ents=participants, t=type_, ev=event_id, **({"lo": lo, "hi": hi} if lo else {}))]
    found = _reports(conn, candidates + ([] if report else [source_id]))
    report = report or found.pop(source_id)[1]
    events = {ev for ev, other in found.values() if event_reports_match(report, other)}
    if events:
        merge_events(conn, min(events | {event_id}), events | {event_id}, touched)


def merge_events(conn: Any, keep: int, event_ids: set[int], touched: Touched) -> None:
    """Fold several events into ``keep``. Internal helper; not a stable API."""
    others = sorted(event_ids - {keep})
    if not others:
        return
    for table in ("kb_event_sources", "kb_event_links"):
        column = "event_id"
        w(conn, f"UPDATE {table} SET {column} = :k WHERE {column} IN :o", k=keep, o=others)
    w(conn, "UPDATE kb_commitments SET fulfilled_by = :k WHERE fulfilled_by IN :o", k=keep,
      o=others)
    w(conn, "DELETE FROM kb_event_sectors WHERE event_id IN :o", o=others)
    count_months(conn, others, -1)
    w(conn, "DELETE FROM kb_events WHERE id IN :o", o=others)
    for other in others:
        fts_drop(conn, "event", other, other)
        touched.events.discard(other)
    touched.events.add(keep)


def refresh_event(conn: Any, event_id: int) -> None:
    """Recompute an event's date, place, sectors and counts from its reports."""
    rows = w(conn, "SELECT s.*, p.name AS place_name, p.parents AS place_parents, e.sort_date "
             "AS old_sort, e.sectors AS old_sectors, e.place_id AS old_place, e.type AS ev_type "
             "FROM kb_event_sources s JOIN kb_events e ON "
             "e.id = s.event_id LEFT JOIN kb_entities p ON p.id = s.place_id WHERE s.event_id "
             "= :e", e=event_id).mappings().all()
    if not rows:
        count_months(conn, [event_id], -1)
        w(conn, "DELETE FROM kb_events WHERE id = :e", e=event_id)
        w(conn, "DELETE FROM kb_event_sectors WHERE event_id = :e", e=event_id)
        fts_drop(conn, "event", event_id, event_id)
        return
    dated = min(rows, key=lambda r: (_PRECISION_RANK.get(r["precision"], 3) if r["start_date"]
                                     else 9, r["start_date"] or "", r["end_date"] or ""))
    placed = [r for r in rows if r["place_id"] is not None]
    place = min(placed, key=lambda r: (-len(json_list(r["place_parents"])),
                                       r["place_name"] or "")) if placed else None
    sectors = sorted({s for r in rows for s in json_list(r["sectors"])})
    first = min((r["published"] for r in rows if r["published"]), default=None)
    w(conn, "UPDATE kb_events SET start_date = :s, end_date = :en, precision = :p, place_id = :pl, "
      "sectors = :sec, source_count = :n, first_published = :f, sort_date = :sd WHERE id = :e",
      s=dated["start_date"], en=dated["end_date"], p=dated["precision"],
      pl=place["place_id"] if place else None, sec=json.dumps(sectors),
      n=len({r["doc_id"] for r in rows}), f=first, sd=dated["start_date"] or first, e=event_id)
    old = rows[0]
    shift_months(conn, [(old["old_sort"], old["old_sectors"], -1),
                        (dated["start_date"] or first, json.dumps(sectors), 1)])
    shift_places(conn, [(old["old_place"], old["ev_type"], -1),
                        (place["place_id"] if place else None, old["ev_type"], 1)])
    if json_list(old["old_sectors"]) != sectors:  # kb_event_sectors mirrors kb_events.sectors
        w(conn, "DELETE FROM kb_event_sectors WHERE event_id = :e", e=event_id)
        wm(conn, "INSERT INTO kb_event_sectors (event_id, sector) VALUES (:e, :s)",
           [dict(e=event_id, s=sector) for sector in sectors])
    body = " ".join(sorted({r["evidence"] or "" for r in rows}))
    fts_put(conn, "event", event_id, event_id, f"{rows[0]['type']} {body}")
