"""Derived rows of the knowledge base: full-text rows and summary counters.

``kb_fts`` holds one folded full-text row per document, entity, event and
commitment; ``kb_sector_months`` and ``kb_place_counts`` count events per month and
sector, and per place and type. Internal module of :mod:`passerelle.store.knowledge`;
not a stable API.
"""

from __future__ import annotations

from typing import Any

from passerelle.resolve.normalize import fold
from passerelle.store.knowledge_sql import json_list, w, wm

_FTS_SLOT = {"document": 0, "person": 1, "organization": 2, "place": 3, "event": 4,
             "commitment": 5}


def fts_put(conn: Any, kind: str, ref: int | str, number: int, body: str,
            doc_id: str | None = None) -> None:
    """Replace the full-text row of one object (folded text on both backends).

    Internal helper; not a stable API.
    """
    folded = fold(body)
    if conn.dialect.name == "sqlite":
        rowid = number * 8 + _FTS_SLOT[kind]
        if folded:  # FTS5 honours REPLACE on its rowid
            w(conn, "INSERT OR REPLACE INTO kb_fts (rowid, kind, ref, doc_id, text) VALUES "
              "(:r, :k, :ref, :d, :t)", r=rowid, k=kind, ref=str(ref), d=doc_id, t=folded)
        else:
            w(conn, "DELETE FROM kb_fts WHERE rowid = :r", r=rowid)
        return
    if folded:  # one round trip: delete the old row and insert the new one
        w(conn, "WITH gone AS (DELETE FROM kb_fts WHERE kind = :k AND ref = :ref) INSERT INTO "
          "kb_fts (kind, ref, doc_id, text) VALUES (:k, :ref, :d, :t)", k=kind, ref=str(ref),
          d=doc_id, t=folded)
    else:
        w(conn, "DELETE FROM kb_fts WHERE kind = :k AND ref = :ref", k=kind, ref=str(ref))


def fts_drop(conn: Any, kind: str, number: int, ref: int | str) -> None:
    """Delete the full-text row of one object. Internal helper; not a stable API."""
    if conn.dialect.name == "sqlite":
        w(conn, "DELETE FROM kb_fts WHERE rowid = :r", r=number * 8 + _FTS_SLOT[kind])
    else:
        w(conn, "DELETE FROM kb_fts WHERE kind = :k AND ref = :ref", k=kind, ref=str(ref))


def count_months(conn: Any, event_ids: list[int], sign: int) -> None:
    """Add (``sign`` 1) or remove (-1) events from the ``kb_sector_months`` and
    ``kb_place_counts`` summaries."""
    rows = w(conn, "SELECT sort_date, sectors, place_id, type FROM kb_events WHERE id IN :e",
             e=event_ids).all()
    shift_months(conn, [(r.sort_date, r.sectors, sign) for r in rows])
    shift_places(conn, [(r.place_id, r.type, sign) for r in rows])


def shift_places(conn: Any, changes: list[tuple[int | None, str, int]]) -> None:
    """Apply ``(place_id, event type, sign)`` changes to ``kb_place_counts`` (net)."""
    net: dict[tuple[int, str], int] = {}
    for place_id, type_, sign in changes:
        if place_id is not None:
            net[(place_id, type_)] = net.get((place_id, type_), 0) + sign
    wm(conn, "INSERT INTO kb_place_counts (place_id, type, n) VALUES (:p, :t, :n) ON "
       "CONFLICT (place_id, type) DO UPDATE SET n = kb_place_counts.n + excluded.n",
       [dict(p=p, t=t, n=n) for (p, t), n in sorted(net.items()) if n])


def shift_months(conn: Any, changes: list[tuple[str | None, str, int]]) -> None:
    """Apply ``(sort_date, sectors JSON, sign)`` changes to ``kb_sector_months`` (net)."""
    net: dict[tuple[str, str], int] = {}
    for sort_date, sectors, sign in changes:
        for sector in json_list(sectors) if sort_date else []:
            net[(sort_date[:7], sector)] = net.get((sort_date[:7], sector), 0) + sign
    wm(conn, "INSERT INTO kb_sector_months (month, sector, n) VALUES (:m, :s, :n) ON "
       "CONFLICT (month, sector) DO UPDATE SET n = kb_sector_months.n + excluded.n",
       [dict(m=m, s=sec, n=n) for (m, sec), n in sorted(net.items()) if n])
