"""Indexes for the knowledge base's map and month summaries (measured with bench/bench_kb.py).

``kb_events (place_id, type)`` makes the per-place counts of ``places_map`` an index-only
scan; ``kb_event_links (event_id, role, entity_id)`` serves the partners of a place;
``kb_event_sectors (event_id, sector)`` covers the sector joins.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0003_knowledge_indexes"

_STATEMENTS = (
    "CREATE INDEX ix_kb_events_place_type ON kb_events (place_id, type)",
    "CREATE INDEX ix_kb_event_links_event_role ON kb_event_links (event_id, role, entity_id)",
    "CREATE INDEX ix_kb_event_sectors_cover ON kb_event_sectors (event_id, sector)",
)


def up(conn: Any) -> None:
    """Create the indexes.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    for statement in _STATEMENTS:
        conn.execute(text(statement))
