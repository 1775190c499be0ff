"""Write what one document says into the knowledge base, incrementally (issue 5).

``integrate_document(conn, doc_id, doc)`` runs inside the caller's transaction, right
after the document is stored. It

1. forgets what an earlier extraction of the same document said (re-extraction);
2. resolves the document's people, organisations and places to KB entities: a name
   form joins every entity that has a *compatible* form with the same key
   (:func:`passerelle.resolve.names_compatible`), merging them if there are several;
3. adds offices, event reports and commitment statements, and attaches each to the
   events / commitments it matches (:func:`passerelle.resolve.event_reports_match`,
   :func:`passerelle.resolve.commitment_steps_match`), merging where several match;
4. when entities merged, re-checks the reports of the absorbed entity, since two
   reports may only now share a participant;
5. refreshes commitment statuses touched by new events and re-applies corrections.

Because every rule is pairwise and merges only grow, the KB is the connected
components of the rules whatever the ingestion order (tested).

The work is split by what it holds: :mod:`~passerelle.store.knowledge_entities`
(resolution and merging), :mod:`~passerelle.store.knowledge_events` (reports and
events), :mod:`~passerelle.store.knowledge_commitments` (follow-up and fulfilment),
:mod:`~passerelle.store.knowledge_index` (full-text rows and summary counts) and
:mod:`~passerelle.store.knowledge_sql` (statement helpers); this module is the entry.

Known limit: forgetting a document that was the only link between two merged
entities or events does not split them again (``passerelle split`` does).
"""

from __future__ import annotations

import logging
from typing import Any

from passerelle.errors import ResolveError
from passerelle.records import Document
from passerelle.resolve.normalize import fold
from passerelle.store.knowledge_commitments import (
    add_commitments,
    attach_step,
    realises,
    refresh_commitment,
    statuses_after_events,
)
from passerelle.store.knowledge_entities import (
    KINDS,
    entity_by_name,
    merge_into,
    new_entity,
    refresh_entity,
    resolve_entities,
    resolve_one,
)
from passerelle.store.knowledge_events import add_events, attach_source, merge_events, refresh_event
from passerelle.store.knowledge_index import fts_drop, fts_put
from passerelle.store.knowledge_sql import Touched, insert_id, q, w, wm

log = logging.getLogger(__name__)

# Older names that :mod:`passerelle.query.corrections` reaches through this module.
_new_entity = new_entity
_insert = insert_id
_attach_source = attach_source
# Helpers other stages import from here (``q``, ``entity_by_name``, ``merge_into``, ...);
# they live in the modules above and stay importable from this entry.
_REEXPORTED = (KINDS, entity_by_name, merge_events, q, realises, resolve_one, wm)


def integrate_document(conn: Any, doc_id: str, doc: Document) -> None:
    """Merge ``doc``'s facts into the knowledge base, inside the caller's transaction.

    Args:
        conn: an open SQLAlchemy Connection in a transaction.
        doc_id: the stored document's id.
        doc: the extracted document.

    Raises:
        ResolveError: if the document cannot be integrated (the message names it).
    """
    try:
        forget_document(conn, doc_id)
        touched = Touched()
        touched.corrections = {r[0] for r in w(conn, "SELECT DISTINCT action FROM "
                                                "kb_corrections")}
        number = _add_doc(conn, doc_id, doc)
        local = resolve_entities(conn, doc_id, doc, touched)
        _add_offices(conn, doc_id, doc, local)
        add_events(conn, doc_id, doc, local, touched)
        add_commitments(conn, doc_id, doc, local, touched)
        fts_put(conn, "document", doc_id, number, f"{doc.title or ''} {doc.body}", doc_id)
        apply_corrections(conn, touched)
        finish(conn, touched)
    except ResolveError:
        raise
    except Exception as exc:  # noqa: BLE001  one boundary: name the document
        raise ResolveError(f"could not add document {doc_id} to the knowledge base: {exc}",
                           hint="check the record with `passerelle export`") from exc


def finish(conn: Any, touched: Touched) -> None:
    """Re-check what merges changed, then refresh touched entities, events, commitments.

    Internal helper shared with :mod:`passerelle.query.corrections`; not a stable API.
    """
    while touched.absorbed:
        keep, other = touched.absorbed.pop()
        _recheck_after_merge(conn, keep, other, touched)
    for entity_id in sorted(touched.entities):
        refresh_entity(conn, entity_id, fts=entity_id in touched.renamed)
    touched.renamed.clear()
    for event_id in sorted(touched.events):
        refresh_event(conn, event_id)
    statuses_after_events(conn, touched)
    for commitment_id in sorted(touched.commitments):
        refresh_commitment(conn, commitment_id)


def _add_doc(conn: Any, doc_id: str, doc: Document) -> int:
    number = insert_id(
        conn, "INSERT INTO kb_docs (doc_id, title, url, outlet, published, language) "
        "VALUES (:d, :t, :u, :o, :p, :l)", d=doc_id, t=doc.title, u=doc.source.url,
        o=doc.source.outlet or doc.site_name, p=doc.published, l=doc.language)
    wm(conn, "INSERT INTO kb_doc_sectors (doc_id, sector) VALUES (:d, :s)",
       [dict(d=doc_id, s=sector) for sector in sorted(set(doc.sectors))])
    return number


# --------------------------------------------------------------------------- forgetting


def forget_document(conn: Any, doc_id: str) -> None:
    """Remove what an earlier integration of ``doc_id`` added (before re-extraction).

    Args:
        conn: an open Connection in a transaction.
        doc_id: the document id.
    """
    row = w(conn, "SELECT id FROM kb_docs WHERE doc_id = :d", d=doc_id).first()
    if row is None:
        return
    touched = Touched()
    touched.entities |= {r[0] for r in w(conn, "SELECT DISTINCT entity_id FROM kb_names "
                                         "WHERE doc_id = :d", d=doc_id)}
    touched.events |= {r[0] for r in w(conn, "SELECT DISTINCT event_id FROM kb_event_sources "
                                       "WHERE doc_id = :d", d=doc_id)}
    touched.commitments |= {r[0] for r in w(conn, "SELECT DISTINCT commitment_id FROM "
                                            "kb_commitment_steps WHERE doc_id = :d", d=doc_id)}
    touched.renamed |= touched.entities
    if touched.events:
        touched.commitments |= {r[0] for r in w(conn, "SELECT id FROM kb_commitments WHERE "
                                                "fulfilled_by IN :ev", ev=touched.events)}
    w(conn, "DELETE FROM kb_event_links WHERE source_id IN "
      "(SELECT id FROM kb_event_sources WHERE doc_id = :d)", d=doc_id)
    w(conn, "DELETE FROM kb_merges WHERE doc_id = :d AND absorbed_id IS NULL", d=doc_id)
    for table in ("kb_names", "kb_offices", "kb_event_sources", "kb_commitment_steps",
                  "kb_doc_sectors", "kb_docs"):
        w(conn, f"DELETE FROM {table} WHERE doc_id = :d", d=doc_id)
    fts_drop(conn, "document", row[0], doc_id)
    finish(conn, touched)


def _recheck_after_merge(conn: Any, keep: int, other: int, touched: Touched) -> None:
    """Reports of the merged entity may now match others: attach them again."""
    sources = [r[0] for r in w(conn, "SELECT DISTINCT source_id FROM kb_event_links WHERE "
                               "entity_id = :e", e=keep)]
    for source_id in sources:
        attach_source(conn, source_id, touched)
    steps = [r[0] for r in w(conn, "SELECT id FROM kb_commitment_steps WHERE actor_id = :e",
                             e=keep)]
    for step_id in steps:
        attach_step(conn, step_id, touched)


# --------------------------------------------------------------------------- offices


def _add_offices(conn: Any, doc_id: str, doc: Document, local: dict[tuple[str, str], int]) -> None:
    rows = []
    for person in doc.people:
        entity_id = local.get(("person", fold(person.name)))
        rows += [dict(e=entity_id, d=doc_id, r=title.role, o=title.of, p=doc.published,
                      ev=title.evidence) for title in person.titles if entity_id and title.role]
    wm(conn, "INSERT INTO kb_offices (entity_id, doc_id, role, of_name, published, evidence) "
       "VALUES (:e, :d, :r, :o, :p, :ev)", rows)


# --------------------------------------------------------------------------- corrections


def apply_corrections(conn: Any, touched: Touched) -> None:
    """Re-apply recorded manual merges whose two sides are separate entities again."""
    if touched.corrections is not None and "merge" not in touched.corrections:
        return
    rows = w(conn, "SELECT m.kind, m.target, m.other, m.note FROM kb_corrections m WHERE "
             "m.action = 'merge' AND NOT EXISTS (SELECT 1 FROM kb_corrections s WHERE s.action "
             "= 'split' AND s.kind = m.kind AND s.id > m.id AND s.other IN (m.target, m.other)) "
             "ORDER BY m.id").all()  # a later split undoes an earlier merge
    for kind, target, other, note in rows:
        keep, gone = entity_by_name(conn, kind, target), entity_by_name(conn, kind, other)
        if keep and gone and keep != gone:
            merge_into(conn, kind, min(keep, gone), max(keep, gone), touched, doc_id=None,
                       reason=f"manual merge{': ' + note if note else ''}", confidence=1.0)


def new_touched() -> Touched:
    """An empty change set (for :mod:`passerelle.query.corrections`). Not a stable API."""
    return Touched()


__all__ = ["forget_document", "integrate_document"]
