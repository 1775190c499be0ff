"""The one gateway to the SQL database (SQLite or PostgreSQL).

Every read and write of passerelle goes through a ``Database``: ``transaction()``
for writes (begin, commit, rollback on error) and ``connect()`` for reads. SQLite
runs in WAL mode with foreign keys on, and write transactions start with
``BEGIN IMMEDIATE`` so that two writers queue instead of failing half-way;
PostgreSQL goes through psycopg 3.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from passerelle.errors import ConfigError, StoreError
from passerelle.settings import default_db_url

log = logging.getLogger(__name__)

# Seconds a SQLite writer waits for the lock held by another writer before failing.
_SQLITE_BUSY_TIMEOUT = 60


def normalize_url(url: str | None) -> str:
    """Turn what a user typed into a SQLAlchemy URL.

    ``None`` gives the default; a bare path gives a SQLite file; ``postgresql://``
    and ``postgres://`` get the psycopg 3 driver.

    Raises:
        ConfigError: if the URL names an unsupported database.
    """
    url = url or default_db_url()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    if scheme.split("+")[0] not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"unsupported database URL scheme {scheme!r}",
            hint="use sqlite:///path.sqlite or postgresql+psycopg://user@host/db",
        )
    return url


class Database:
    """A database passerelle stores into.

    Attributes:
        url: the SQLAlchemy URL (with the password, if any).
        dialect: ``"sqlite"`` or ``"postgresql"``.
        engine: the SQLAlchemy engine.
    """

    def __init__(self, url: str | None = None, *, tracer: Tracer | None = None):
        """Create the engine (no connection is made yet).

        Args:
            url: as for ``open_db``.
            tracer: called with ``(sql, parameters)`` before every statement.
        """
        self.url = normalize_url(url)
        self.engine: Engine = _make_engine(self.url)
        self.dialect: str = self.engine.dialect.name
        if tracer is not None:
            event.listen(self.engine, "before_cursor_execute", _tracing(tracer))

    @property
    def safe_url(self) -> str:
        """The URL with any password hidden, for messages and ``passerelle info``."""
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or ``None`` for PostgreSQL and in-memory SQLite."""
        db = make_url(self.url).database
        if self.dialect != "sqlite" or not db or db == ":memory:":
            return None
        return Path(db)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection in a write transaction: committed on success, rolled back on error.

        Raises:
            StoreError: if the database cannot be reached.
        """
        with self._connection() as conn:
            conn.execution_options(passerelle_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reads (its implicit transaction is rolled back at the end)."""
        with self._connection() as conn:
            yield conn

    def migrate(self) -> list[str]:
        """Apply pending migrations; returns the names applied now."""
        from passerelle.store import migrations

        return migrations.apply(self)

    def migrations(self) -> list[str]:
        """Names of the migrations applied so far."""
        from passerelle.store import migrations

        return migrations.applied(self)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.safe_url!r})"

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        try:
            conn = self.engine.connect()
        except OperationalError as exc:
            raise StoreError(
                f"cannot connect to {self.safe_url}: {exc.orig}",
                hint="check the --db URL, that the server runs and that you may write there",
            ) from exc
        with conn:
            yield conn


Tracer = Callable[[str, Any], None]


def _tracing(tracer: Tracer) -> Callable[..., None]:
    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        tracer(statement, parameters)

    return before


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(url, parsed.database)
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigError(
            f"cannot use database URL {url!r}: {exc}",
            hint="for PostgreSQL install the 'postgres' extra (pip install 'passerelle[postgres]')",
        ) from exc


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": _SQLITE_BUSY_TIMEOUT})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module, which would not wrap
    # DDL in a transaction; we emit BEGIN ourselves in _sqlite_on_begin.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # In WAL mode NORMAL still keeps every transaction atomic across a crash or a kill;
    # only the last commits before a power cut may be lost (they are redone on rerun).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT * 1000}")
    cur.close()


def _sqlite_on_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("passerelle_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def open_db(
    url: str | None = None, *, migrate: bool = True, tracer: Tracer | None = None
) -> Database:
    """Open the database at ``url`` and bring its schema up to date.

    Args:
        url: a SQLAlchemy URL, a file path, or ``None`` for $PASSERELLE_DB or the
            default SQLite file in the user data directory.
        migrate: apply pending migrations (default True).
        tracer: called with ``(sql, parameters)`` before every statement, e.g.
            ``print`` while debugging (sqlite-utils' ``tracer=`` is the model).

    Returns:
        The open ``Database``.

    Raises:
        ConfigError: the URL is malformed or its driver missing.
        StoreError: the database cannot be reached.
        MigrationError: a migration failed.
    """
    db = Database(url, tracer=tracer)
    if migrate:
        applied = db.migrate()
        if applied:
            log.info("applied migrations to %s: %s", db.safe_url, ", ".join(applied))
    return db


__all__ = ["Database", "open_db", "normalize_url"]
