"""Indexes for the columns a merge or a re-extraction rewrites (``store.knowledge``).

``merge_into`` moves every reference of an absorbed entity to the kept one, and
``forget_document`` deletes what a document said before; without these indexes each of
those statements scanned its whole table (``kb_event_sources``, ``kb_entities``,
``kb_commitment_steps``, ``kb_merges``), a cost that grows with the base.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0005_knowledge_merge_indexes"

_STATEMENTS = (
    "CREATE INDEX ix_kb_event_sources_place ON kb_event_sources (place_id)",
    "CREATE INDEX ix_kb_entities_merged ON kb_entities (merged_into)",
    "CREATE INDEX ix_kb_steps_counterpart ON kb_commitment_steps (counterpart_id)",
    "CREATE INDEX ix_kb_merges_doc ON kb_merges (doc_id)",
)


def up(conn: Any) -> None:
    """Create the indexes.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    for statement in _STATEMENTS:
        conn.execute(text(statement))
