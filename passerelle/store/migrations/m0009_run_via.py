"""Which interface started each run (``runs.via``), and failures found by run.

``via`` is ``"cli"`` (``passerelle ingest``) or ``"web"`` (an ingest job of the web app);
rows written before this migration keep NULL (unknown). The web app uses it to mark
its own jobs interrupted after a restart without touching a command-line run that may
still be going. The index serves "the failures of run N" (``store.runs.get_run``).

The column is only added when absent, so declaring it later in ``store/schema.py``
(which ``m0001`` creates from) does not break a fresh database.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text

NAME = "m0009_run_via"


def up(conn: Any) -> None:
    """Add ``runs.via`` and the index ``ix_failures_run`` (SQLite and PostgreSQL).

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    columns = {c["name"] for c in inspect(conn).get_columns("runs")}
    if "via" not in columns:
        conn.execute(text("ALTER TABLE runs ADD COLUMN via VARCHAR(16)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_failures_run ON failures (run_id, id)"))
