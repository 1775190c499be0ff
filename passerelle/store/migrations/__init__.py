"""Named, ordered schema migrations (sqlite-utils ``migrations.py`` is the model).

Each module ``mNNNN_name.py`` in this package has ``NAME`` (a unique string) and
``up(conn) -> None``. Modules are found automatically and applied in module-name
order; each pending one runs in its own transaction together with its row in the
``migrations`` table, so ``apply`` can run any number of times, and a migration that
fails leaves nothing behind. Two processes opening the same database at once are
serialised: PostgreSQL by an advisory lock, SQLite by ``BEGIN IMMEDIATE``.

A shipped migration is never edited; a schema change is a new module.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from passerelle.errors import MigrationError
from passerelle.store.schema import migrations_table

if TYPE_CHECKING:
    from passerelle.store.db import Database

_MODULE_NAME = re.compile(r"^m\d{4}_\w+$")
# An arbitrary constant naming passerelle's advisory lock on PostgreSQL.
_PG_LOCK_KEY = 7_314_159_265


@dataclass(frozen=True)
class Migration:
    """One migration: its name, the module it lives in, and its ``up`` function."""

    name: str
    module: str
    up: Callable[[Any], None]


def discover() -> list[Migration]:
    """All migrations of this package, in module-name order.

    Raises:
        MigrationError: if a module lacks ``NAME`` or ``up`` or two share a name.
    """
    mods = sorted(m.name for m in pkgutil.iter_modules(__path__) if _MODULE_NAME.match(m.name))
    found = [_load(f"{__name__}.{m}") for m in mods]
    names = [m.name for m in found]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise MigrationError(f"migration names used twice: {sorted(dupes)}", hint="rename one")
    return found


def _load(dotted: str) -> Migration:
    mod: ModuleType = importlib.import_module(dotted)
    name, up = getattr(mod, "NAME", None), getattr(mod, "up", None)
    if not isinstance(name, str) or not callable(up):
        raise MigrationError(f"{dotted} must define NAME (str) and up(conn)", hint="see m0001")
    return Migration(name, dotted, up)


def applied(db: Database) -> list[str]:
    """Names of the migrations already applied to ``db``, oldest first."""
    _ensure_table(db)
    with db.connect() as conn:
        query = select(migrations_table.c.name).order_by(
            migrations_table.c.applied_at, migrations_table.c.name
        )
        rows = conn.execute(query)
        return [r[0] for r in rows]


def apply(db: Database) -> list[str]:
    """Apply every pending migration to ``db``.

    Returns:
        The names applied by this call (empty when the schema was up to date).

    Raises:
        MigrationError: naming the migration that failed; the database keeps every
            migration before it.
    """
    _ensure_table(db)
    done: list[str] = []
    for mig in discover():
        if _apply_one(db, mig):
            done.append(mig.name)
    return done


def _apply_one(db: Database, mig: Migration) -> bool:
    try:
        with db.transaction() as conn:
            _lock(conn)
            exists = conn.execute(
                select(migrations_table.c.name).where(migrations_table.c.name == mig.name)
            ).first()
            if exists:
                return False
            mig.up(conn)
            conn.execute(migrations_table.insert().values(name=mig.name, applied_at=_now()))
            return True
    except SQLAlchemyError as exc:
        raise MigrationError(
            f"migration {mig.name} ({mig.module}) failed: {exc.__class__.__name__}: {exc}",
            hint="nothing of it was applied; fix the database or the migration and reopen",
        ) from exc


def _ensure_table(db: Database) -> None:
    try:
        with db.transaction() as conn:
            _lock(conn)
            migrations_table.create(conn, checkfirst=True)
    except SQLAlchemyError as exc:
        raise MigrationError(
            f"cannot create the migrations table in {db.safe_url}: {exc}",
            hint="check that the database is reachable and writable",
        ) from exc


def _lock(conn: Any) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


__all__ = ["Migration", "discover", "applied", "apply"]
