"""Events per place and type, kept up to date by ``store.knowledge`` as events change.

``places_map`` without filters reads this summary instead of grouping every event of
the base (the map's cost grew with the number of events; see bench/bench_kb.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0006_place_counts"


def up(conn: Any) -> None:
    """Create ``kb_place_counts`` and fill it from the events already there.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    conn.execute(text("CREATE TABLE kb_place_counts (place_id INTEGER NOT NULL, type TEXT NOT "
                      "NULL, n INTEGER NOT NULL, PRIMARY KEY (place_id, type))"))
    conn.execute(text("INSERT INTO kb_place_counts (place_id, type, n) SELECT place_id, type, "
                      "COUNT(*) FROM kb_events WHERE place_id IS NOT NULL GROUP BY place_id, type"))
