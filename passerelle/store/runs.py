"""The run log: the one gateway to the ``runs`` and ``failures`` tables.

Every ingest writes here, whoever starts it: ``passerelle ingest``
(``passerelle.pipeline``, ``via="cli"``) and the web app's ingest jobs
(``passerelle.web.jobs``, ``via="web"``). A run is started ``running``, gets one
``failures`` row per input it could not store, and is finished with its counts and
final status. Readers list recent runs or fetch one with its failures.

Statuses: ``running``, ``done`` (finished; some inputs may have failed), ``failed``
(a web job that kept nothing, or crashed) and ``interrupted`` (stopped before the
end: Ctrl-C, or a web server that died; see :func:`mark_interrupted`).

Example::

    from passerelle.store import open_db, runs

    db = open_db("sqlite:///kb.sqlite")
    run_id = runs.start_run(db, ["feed.xml"], via="cli")
    runs.record_failure(db, run_id, "feed.xml#3", "no text")
    runs.finish_run(db, run_id, {"stored": 4, "failed": 1})
    [latest] = runs.recent_runs(db, limit=1)
    assert latest.failures[0].reason == "no text"

Every function raises :class:`~passerelle.errors.StoreError` when the database
cannot be read or written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError

from passerelle.errors import StoreError
from passerelle.store.schema import failures
from passerelle.store.schema import runs as _declared_runs

if TYPE_CHECKING:
    from passerelle.store.db import Database

STATUSES = ("running", "done", "failed", "interrupted")
VIAS = ("cli", "web")
COUNTS = ("stored", "duplicates", "near_duplicates", "failed")

_runs = _declared_runs


@dataclass(frozen=True)
class RunFailure:
    """One input a run could not store.

    Attributes:
        origin: where the input came from (path, URL, ``file.jsonl:3``, upload name).
        reason: why it was not stored.
        at: when, ISO 8601 UTC.
    """

    origin: str
    reason: str
    at: str


@dataclass(frozen=True)
class Run:
    """One row of ``runs``, with (some of) its failures.

    Attributes:
        id: the run's id.
        status: one of :data:`STATUSES`.
        via: ``"cli"``, ``"web"``, or None for rows older than the column.
        sources: the sources as the user named them.
        started_at: ISO 8601 UTC.
        finished_at: ISO 8601 UTC, None while running.
        stored, duplicates, near_duplicates, failed: the counts written so far.
        failures: its failures, oldest first (possibly only the first ones, see
            :func:`recent_runs`).
    """

    id: int
    status: str
    via: str | None
    sources: list[str]
    started_at: str
    finished_at: str | None = None
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    failures: list[RunFailure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        """Inputs handled, whatever became of them."""
        return self.stored + self.duplicates + self.near_duplicates + self.failed

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return asdict(self)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextmanager
def _guard(action: str) -> Iterator[None]:
    """Turn a database error while doing ``action`` into a StoreError."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"could not {action} in the run log: {exc.__class__.__name__}: {exc}",
                         hint="check that the database is reachable, writable and migrated "
                              "(passerelle info shows its migrations)") from exc


def _check_counts(counts: Mapping[str, int]) -> dict[str, int]:
    unknown = sorted(set(counts) - set(COUNTS))
    if unknown:
        raise StoreError(f"unknown run counts {unknown}", hint=f"use only {list(COUNTS)}")
    return {k: int(v) for k, v in counts.items()}


def _check_choice(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise StoreError(f"unknown run {what} {value!r}", hint=f"use one of {list(allowed)}")
    return value


def start_run(db: Database, sources: Sequence[str], via: str = "cli") -> int:
    """Insert a ``running`` run for ``sources``; returns its id.

    Args:
        db: the open database.
        sources: the sources as the user named them (paths, URLs, upload names).
        via: ``"cli"`` or ``"web"``.
    """
    values = {"started_at": _now(), "status": "running", "via": _check_choice(via, VIAS, "via"),
              "sources": json.dumps([str(s) for s in sources]), **dict.fromkeys(COUNTS, 0)}
    with _guard("start a run"), db.transaction() as conn:
        row = conn.execute(_runs.insert().values(**values).returning(_runs.c.id))
        return int(row.scalar_one())


def record_failure(db: Database, run_id: int, origin: str, reason: str) -> None:
    """Add one failure of run ``run_id``: the input ``origin`` was not stored for ``reason``."""
    with _guard(f"record a failure of run {run_id}"), db.transaction() as conn:
        conn.execute(failures.insert().values(run_id=run_id, origin=str(origin),
                                              reason=str(reason), at=_now()))


def update_counts(db: Database, run_id: int, counts: Mapping[str, int]) -> None:
    """Write the counts reached so far by run ``run_id`` (it stays ``running``).

    Args:
        db: the open database.
        run_id: the run.
        counts: some of :data:`COUNTS` (others keep their value).
    """
    values = _check_counts(counts)
    with _guard(f"update run {run_id}"), db.transaction() as conn:
        conn.execute(update(_runs).where(_runs.c.id == run_id).values(**values))


def finish_run(db: Database, run_id: int, counts: Mapping[str, int], status: str = "done") -> None:
    """Mark run ``run_id`` finished with ``counts`` and ``status``.

    Args:
        db: the open database.
        run_id: the run.
        counts: some of :data:`COUNTS` (others keep their value).
        status: ``done``, ``failed`` or ``interrupted``.
    """
    values = {**_check_counts(counts), "finished_at": _now(),
              "status": _check_choice(status, STATUSES[1:], "status")}
    with _guard(f"finish run {run_id}"), db.transaction() as conn:
        conn.execute(update(_runs).where(_runs.c.id == run_id).values(**values))


def mark_interrupted(db: Database, via: str = "web") -> list[int]:
    """Mark every ``running`` run started ``via`` this interface ``interrupted``.

    The web app calls it once per server process, before its first job starts: a
    web run still ``running`` then belongs to a server that died.

    Returns:
        The ids of the runs marked, oldest first.
    """
    stale = (_runs.c.status == "running") & (_runs.c.via == _check_choice(via, VIAS, "via"))
    with _guard("mark interrupted runs"), db.transaction() as conn:
        ids = conn.execute(select(_runs.c.id).where(stale).order_by(_runs.c.id)).scalars().all()
        if ids:
            conn.execute(update(_runs).where(_runs.c.id.in_(ids))
                         .values(status="interrupted", finished_at=_now()))
    return [int(i) for i in ids]


def recent_runs(db: Database, limit: int = 20, failures_per_run: int = 20) -> list[Run]:
    """The latest ``limit`` runs, newest first, each with its first failures.

    Args:
        db: the open database.
        limit: how many runs.
        failures_per_run: at most this many failures per run (``Run.failed`` has the count).
    """
    query = select(_runs).order_by(_runs.c.id.desc()).limit(max(int(limit), 0))
    with _guard("list runs"), db.connect() as conn:
        rows = conn.execute(query).mappings().all()
        found = _failures_of(conn, [r["id"] for r in rows], failures_per_run)
    return [_run(row, found.get(row["id"], [])) for row in rows]


def get_run(db: Database, run_id: int) -> Run | None:
    """Run ``run_id`` with all its failures, or None when there is no such run."""
    with _guard(f"read run {run_id}"), db.connect() as conn:
        row = conn.execute(select(_runs).where(_runs.c.id == run_id)).mappings().first()
        if row is None:
            return None
        found = _failures_of(conn, [run_id], None)
    return _run(row, found.get(run_id, []))


def _failures_of(conn: Any, run_ids: list[int], cap: int | None) -> dict[int, list[RunFailure]]:
    """Failures of ``run_ids`` by run, oldest first, at most ``cap`` each (None: all)."""
    if not run_ids:
        return {}
    rank = func.row_number().over(partition_by=failures.c.run_id, order_by=failures.c.id)
    inner = select(failures, rank.label("n")).where(failures.c.run_id.in_(run_ids)).subquery()
    query = select(inner).order_by(inner.c.run_id, inner.c.id)
    if cap is not None:
        query = query.where(inner.c.n <= cap)
    out: dict[int, list[RunFailure]] = {}
    for row in conn.execute(query).mappings():
        out.setdefault(row["run_id"], []).append(RunFailure(row["origin"], row["reason"], row["at"]))
    return out


def _run(row: Mapping[str, Any], found: list[RunFailure]) -> Run:
    try:
        sources = [str(s) for s in json.loads(row["sources"] or "[]")]
    except ValueError:
        sources = [str(row["sources"])]
    counts = {name: int(row[name] or 0) for name in COUNTS}
    return Run(id=int(row["id"]), status=row["status"], via=row["via"], sources=sources,
               started_at=row["started_at"], finished_at=row["finished_at"],
               failures=found, **counts)


__all__ = ["Run", "RunFailure", "STATUSES", "VIAS", "COUNTS", "start_run", "record_failure",
           "update_counts", "finish_run", "mark_interrupted", "recent_runs", "get_run"]
