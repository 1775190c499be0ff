"""Record web ingest jobs in the ``runs`` and ``failures`` tables, as ``passerelle ingest`` does.

So ``passerelle runs`` (and anyone auditing the base) sees what the web app ingested,
with the sources named as the user gave them. Not a stable API.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from passerelle.errors import PasserelleError

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def start_run(db: Any, labels: list[str]) -> int | None:
    """Insert a ``running`` run for these sources; its id, or None if it could not be written."""
    from passerelle.store.schema import runs

    try:
        with db.transaction() as conn:
            row = conn.execute(runs.insert().values(started_at=_now(), status="running",
                                                    sources=json.dumps(labels)).returning(runs.c.id))
            return int(row.scalar_one())
    except (PasserelleError, SQLAlchemyError):
        log.warning("could not record the start of a web ingest run", exc_info=True)
        return None


def record_failure(db: Any, run_id: int | None, origin: str, reason: str) -> None:
    """Add one failure of run ``run_id`` (nothing when the run was not recorded)."""
    from passerelle.store.schema import failures

    if run_id is None:
        return
    try:
        with db.transaction() as conn:
            conn.execute(failures.insert().values(run_id=run_id, origin=origin, reason=reason, at=_now()))
    except (PasserelleError, SQLAlchemyError):
        log.warning("could not record a failure of run %s", run_id, exc_info=True)


def finish_run(db: Any, run_id: int | None, counts: dict[str, int]) -> None:
    """Mark run ``run_id`` done with ``counts`` (stored, duplicates, near_duplicates, failed)."""
    from passerelle.store.schema import runs

    if run_id is None:
        return
    try:
        with db.transaction() as conn:
            conn.execute(update(runs).where(runs.c.id == run_id)
                         .values(finished_at=_now(), status="done", **counts))
    except (PasserelleError, SQLAlchemyError):
        log.warning("could not record the end of run %s", run_id, exc_info=True)
