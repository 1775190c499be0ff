"""Indexes in the order of the newest-first lists (timeline, commitments).

``timeline`` and ``commitments`` page with ``ORDER BY date DESC NULLS LAST, id DESC``.
PostgreSQL can only read that order from an index declared with it (a plain index read
backwards puts NULLs first), so without these it sorted every event to show 50 (9 ms at
12,000 events, growing with the base). SQLite reads ``DESC NULLS LAST`` from a plain
index backwards; it lacked one for commitments by status.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0007_newest_first_indexes"

_STATEMENTS = {
    "sqlite": (
        "CREATE INDEX ix_kb_commitments_status_last ON kb_commitments (status, last_date, id)",
        "CREATE INDEX ix_kb_commitments_last ON kb_commitments (last_date, id)",
    ),
    "postgresql": (
        "CREATE INDEX ix_kb_events_newest ON kb_events (sort_date DESC NULLS LAST, id DESC)",
        "CREATE INDEX ix_kb_commitments_status_last ON kb_commitments "
        "(status, last_date DESC NULLS LAST, id DESC)",
        "CREATE INDEX ix_kb_commitments_last ON kb_commitments "
        "(last_date DESC NULLS LAST, id DESC)",
    ),
}


def up(conn: Any) -> None:
    """Create the indexes for this backend.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    for statement in _STATEMENTS.get(conn.dialect.name, _STATEMENTS["sqlite"]):
        conn.execute(text(statement))
