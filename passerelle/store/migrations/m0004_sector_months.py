"""Events per month and sector, kept up to date by ``store.knowledge`` as events change.

``sectors_over_time`` without filters reads this summary instead of grouping every
event (about 40 ms at 10k documents, growing with the base; see bench/bench_kb.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0004_sector_months"


def up(conn: Any) -> None:
    """Create ``kb_sector_months`` and fill it from the events already there.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    conn.execute(text("CREATE TABLE kb_sector_months (month TEXT NOT NULL, sector TEXT NOT NULL, "
                      "n INTEGER NOT NULL, PRIMARY KEY (month, sector))"))
    conn.execute(text("INSERT INTO kb_sector_months (month, sector, n) SELECT SUBSTR(e.sort_date, "
                      "1, 7), s.sector, COUNT(*) FROM kb_events e JOIN kb_event_sectors s ON "
                      "s.event_id = e.id WHERE e.sort_date IS NOT NULL GROUP BY "
                      "SUBSTR(e.sort_date, 1, 7), s.sector"))
