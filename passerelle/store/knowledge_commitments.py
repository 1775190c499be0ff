"""Commitments of the knowledge base: statements (steps), follow-up and fulfilment.

Each commitment of a document becomes a step; steps of other articles that match
(:func:`passerelle.resolve.commitment_steps_match`) join one commitment, whose status
is open, repeated or fulfilled by a later event. Internal module of
:mod:`passerelle.store.knowledge`; not a stable API.
"""

from __future__ import annotations

import json
from typing import Any

from passerelle.records import Document
from passerelle.resolve.match import StepReport, commitment_steps_match, step_labels
from passerelle.store.knowledge_entities import local_entity
from passerelle.store.knowledge_index import fts_drop, fts_put
from passerelle.store.knowledge_sql import Touched, insert_id, json_list, w, wm

_FULFILLING_TYPES = ("agreement", "visit", "meeting")


def add_commitments(conn: Any, doc_id: str, doc: Document, local: dict[tuple[str, str], int],
                    touched: Touched) -> None:
    """Add the document's commitment statements and attach each to the commitments it
    follows up."""
    kinds = ("person", "organization", "place")
    for idx, com in enumerate(doc.commitments):
        actor = local_entity(conn, doc_id, local, kinds, com.actor, touched, "person")
        counterpart = local_entity(conn, doc_id, local, kinds, com.counterpart, touched,
                                   "organization")
        commitment_id = insert_id(conn, "INSERT INTO kb_commitments (kind) VALUES (:k)", k=com.kind)
        step_id = insert_id(
            conn, "INSERT INTO kb_commitment_steps (commitment_id, doc_id, idx, actor_id, "
            "counterpart_id, kind, summary, sectors, evidence, step_date) VALUES (:c, :d, :i, :a, "
            ":cp, :k, :s, :sec, :ev, :dt)", c=commitment_id, d=doc_id, i=idx, a=actor,
            cp=counterpart, k=com.kind, s=com.summary, sec=json.dumps(sorted(set(com.sectors))),
            ev=com.evidence, dt=doc.published)
        touched.commitments.add(commitment_id)
        attach_step(conn, step_id, touched)


def _step_report(row: Any) -> StepReport:
    return StepReport(row.actor_id, row.counterpart_id, row.kind, frozenset(json_list(row.sectors)),
                      row.step_date)


def attach_step(conn: Any, step_id: int, touched: Touched) -> None:
    """Merge the commitment of ``step_id`` with every commitment one of whose steps matches."""
    row = w(conn, "SELECT * FROM kb_commitment_steps WHERE id = :s", s=step_id).first()
    if row is None or row.actor_id is None:
        return
    mine = _step_report(row)
    # Only another article follows a commitment up (a restatement in the same one is not news).
    others = w(conn, "SELECT * FROM kb_commitment_steps WHERE actor_id = :a AND commitment_id "
               "!= :c AND doc_id != :d", a=row.actor_id, c=row.commitment_id, d=row.doc_id).all()
    found = {o.commitment_id for o in others if commitment_steps_match(mine, _step_report(o))}
    if not found:
        return
    keep = min(found | {row.commitment_id})
    gone = sorted((found | {row.commitment_id}) - {keep})
    w(conn, "UPDATE kb_commitment_steps SET commitment_id = :k WHERE commitment_id IN :g",
      k=keep, g=gone)
    w(conn, "DELETE FROM kb_commitment_sectors WHERE commitment_id IN :g", g=gone)
    w(conn, "DELETE FROM kb_commitments WHERE id IN :g", g=gone)
    for other in gone:
        fts_drop(conn, "commitment", other, other)
        touched.commitments.discard(other)
    touched.commitments.add(keep)


def statuses_after_events(conn: Any, touched: Touched) -> None:
    """Check the touched events against the commitments of their participants that they
    could realise (open ones, or fulfilled ones whose fulfilling event is later): older
    events were checked when they, or the commitment, last changed."""
    events = sorted(touched.events)
    if not events:
        return
    rows = w(conn, "SELECT DISTINCT c.id, c.fulfilled_by, c.actor_id, c.counterpart_id, c.kind, "
             "c.sectors, c.first_date AS step_date FROM kb_event_links l JOIN kb_events e "
             "ON e.id = l.event_id JOIN kb_commitments c ON (c.actor_id = l.entity_id OR "
             "c.counterpart_id = l.entity_id) LEFT JOIN kb_events f ON f.id = c.fulfilled_by "
             "WHERE l.event_id IN :ev AND l.role = 'participant' AND e.type IN :t AND "
             "c.first_date < e.sort_date AND (f.id IS NULL OR e.sort_date < f.sort_date)",
             ev=events, t=_FULFILLING_TYPES).all()
    for row in rows:
        if row.id not in touched.commitments:
            only = events + ([row.fulfilled_by] if row.fulfilled_by else [])
            _check_fulfilment(conn, row, only)


def _check_fulfilment(conn: Any, row: Any, only: list[int]) -> None:
    """Mark the commitment ``row`` (id, actor_id, counterpart_id, kind, sectors, step_date)
    fulfilled if one of the events ``only`` realises it."""
    fulfilled = _fulfilling_event(conn, row, row.counterpart_id, set(json_list(row.sectors)), only)
    if fulfilled:
        w(conn, "UPDATE kb_commitments SET status = 'fulfilled', fulfilled_by = :f WHERE id = :c",
          f=fulfilled, c=row.id)


def refresh_commitment(conn: Any, commitment_id: int) -> None:
    """Order the steps, label them, and decide the status of one commitment."""
    steps = w(conn, "SELECT s.*, c.sectors AS old_sectors FROM kb_commitment_steps s JOIN "
              "kb_commitments c ON c.id = s.commitment_id WHERE s.commitment_id = :c ORDER BY "
              "s.step_date, s.doc_id, s.idx", c=commitment_id).all()
    if not steps:
        w(conn, "DELETE FROM kb_commitments WHERE id = :c", c=commitment_id)
        w(conn, "DELETE FROM kb_commitment_sectors WHERE commitment_id = :c", c=commitment_id)
        fts_drop(conn, "commitment", commitment_id, commitment_id)
        return
    wm(conn, "UPDATE kb_commitment_steps SET step = :l WHERE id = :s",
       [dict(l=label, s=step.id) for step, label in zip(steps, step_labels([s.kind for s in steps]))
        if step.step != label])
    first = steps[0]
    counterpart = next((s.counterpart_id for s in steps if s.counterpart_id), None)
    sectors = sorted({x for s in steps for x in json_list(s.sectors)})
    fulfilled = _fulfilling_event(conn, first, counterpart, set(sectors))
    docs = {s.doc_id for s in steps}
    status = "fulfilled" if fulfilled else "repeated" if len(docs) > 1 else "open"
    w(conn, "UPDATE kb_commitments SET actor_id = :a, counterpart_id = :cp, kind = :k, summary = "
      ":s, sectors = :sec, status = :st, first_date = :f, last_date = :l, step_count = :n, "
      "fulfilled_by = :fb WHERE id = :c", a=first.actor_id, cp=counterpart, k=first.kind,
      s=first.summary, sec=json.dumps(sectors), st=status, f=first.step_date,
      l=steps[-1].step_date, n=len(steps), fb=fulfilled, c=commitment_id)
    if json_list(first.old_sectors) != sectors:  # kb_commitment_sectors mirrors the column
        w(conn, "DELETE FROM kb_commitment_sectors WHERE commitment_id = :c", c=commitment_id)
        wm(conn, "INSERT INTO kb_commitment_sectors (commitment_id, sector) VALUES (:c, :s)",
           [dict(c=commitment_id, s=sector) for sector in sectors])
    body = " ".join([first.summary or ""] + sorted({s.evidence or "" for s in steps}))
    fts_put(conn, "commitment", commitment_id, commitment_id, body)


def _fulfilling_event(conn: Any, first: Any, counterpart: int | None, sectors: set[str],
                      only: list[int] | None = None) -> int | None:
    """The earliest later event that realises the commitment, if any (among ``only``).

    An invitation is realised by a visit of the invitee; any other commitment by an
    agreement, visit or meeting of the actor with the counterpart (when named) on a
    shared sector (an agreement may have no sector).
    """
    invitation = first.kind == "invitation"
    who = counterpart if invitation else first.actor_id
    if who is None or not first.step_date:
        return None
    params: dict[str, Any] = {"w": who, "t": ("visit",) if invitation else _FULFILLING_TYPES,
                              "d": first.step_date}
    join = scope = ""
    if counterpart is not None and not invitation:
        join = "JOIN kb_event_links l2 ON l2.event_id = e.id AND l2.entity_id = :cp"
        params["cp"] = counterpart
    if only is not None:
        scope = "AND e.id IN :only"
        params["only"] = only
    rows = w(conn, f"SELECT DISTINCT e.id, e.type, e.sectors, e.sort_date FROM kb_event_links l "
             f"JOIN kb_events e ON e.id = l.event_id {join} WHERE l.entity_id = :w AND l.role = "
             f"'participant' AND e.type IN :t AND e.sort_date > :d {scope} ORDER BY e.sort_date, "
             "e.id LIMIT 200", **params).all()
    for row in rows:
        if realises(row.type, set(json_list(row.sectors)), sectors, invitation):
            return int(row.id)
    return None


def realises(event_type: str, event_sectors: set[str], sectors: set[str], invitation: bool) -> bool:
    """Whether an event of this type and sectors realises a commitment (participants and
    dates already checked). Not a stable API."""
    if invitation:
        return True
    if event_type == "agreement":
        return not sectors or not event_sectors or bool(sectors & event_sectors)
    return bool(sectors & event_sectors)
