"""Statement helpers of the knowledge base, and the change set one write carries.

``q`` goes through SQLAlchemy; ``w`` / ``wm`` run on the connection's DBAPI cursor in
the same transaction (the knowledge base writes a few dozen small statements per
document). :class:`Touched` records what one integration changed, so that entities,
events and commitments are refreshed once at the end. Internal module of
:mod:`passerelle.store.knowledge`; not a stable API.
"""

from __future__ import annotations

import json
import re
from collections import namedtuple
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, text

from passerelle.errors import ResolveError


def q(conn: Any, sql: str, **params: Any) -> Any:
    """Execute ``sql`` with named parameters; list/tuple/set values expand for ``IN``.

    Internal helper shared with :mod:`passerelle.query`; not a stable API.
    """
    stmt = text(sql)
    expanding = [k for k, v in params.items() if isinstance(v, (list, tuple, set, frozenset))]
    if expanding:
        stmt = stmt.bindparams(*[bindparam(k, expanding=True) for k in expanding])
        params = {k: (sorted(v) if isinstance(v, (set, frozenset)) else list(v))
                  if k in expanding else v for k, v in params.items()}
    return conn.execute(stmt, params)


class _Rows:
    """The fetched rows of one statement, with the parts of SQLAlchemy's Result used here."""

    __slots__ = ("_rows",)

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)

    def all(self) -> list[Any]:
        return self._rows

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        if len(self._rows) != 1:
            raise ResolveError(f"expected one row, got {len(self._rows)}")
        return self._rows[0][0]

    def mappings(self) -> _Rows:
        return _Rows([r._asdict() for r in self._rows])


_PARAM = re.compile(r"(?<![:\w]):(\w+)")


@lru_cache(maxsize=4096)
def _row_type(names: tuple[str, ...]) -> Any:
    return namedtuple("Row", names, rename=True)  # type: ignore[misc]


@lru_cache(maxsize=4096)
def _prepare(sql: str, pg: bool, sizes: tuple[tuple[str, int], ...]) -> str:
    """``sql`` with list parameters expanded to ``(:k_0, ...)`` in the driver's style."""
    for key, size in sizes:
        items = ", ".join(f":{key}_{i}" for i in range(size)) or "NULL"
        sql = re.sub(rf"(?<![:\w]):{key}\b", f"({items})", sql)
    if pg:
        sql = _PARAM.sub(lambda m: f"%({m.group(1)})s", sql.replace("%", "%%"))
    return sql


def w(conn: Any, sql: str, **params: Any) -> _Rows:
    """Execute ``sql`` like :func:`q`, on the connection's DBAPI cursor (same transaction).

    The knowledge base's writes run a few dozen small statements per document; going
    through the driver directly costs a fraction of SQLAlchemy's per-statement work.
    Internal helper; not a stable API.
    """
    sizes = []
    for key, value in list(params.items()):
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
            sizes.append((key, len(items)))
            del params[key]
            params.update({f"{key}_{i}": v for i, v in enumerate(items)})
    prepared = _prepare(sql, conn.dialect.name == "postgresql", tuple(sizes))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(prepared, params)
        if cursor.description is None:
            return _Rows([])
        row = _row_type(tuple(d[0] for d in cursor.description))
        return _Rows([row._make(r) for r in cursor.fetchall()])
    finally:
        cursor.close()


def wm(conn: Any, sql: str, rows: list[dict[str, Any]]) -> None:
    """Execute one write statement for each parameter dict of ``rows`` (``executemany``).

    Internal helper; not a stable API.
    """
    if not rows:
        return
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.executemany(_prepare(sql, conn.dialect.name == "postgresql", ()), rows)
    finally:
        cursor.close()


def insert_id(conn: Any, sql: str, **params: Any) -> int:
    """Run an ``INSERT`` and return the new row's id."""
    return int(w(conn, sql + " RETURNING id", **params).scalar_one())


def json_list(raw: str | None) -> list[Any]:
    """The list stored as JSON text in ``raw`` (empty when ``raw`` is empty)."""
    return json.loads(raw) if raw else []


class Touched:
    """What one integration changed, to refresh once at the end."""

    def __init__(self) -> None:
        self.entities: set[int] = set()
        self.events: set[int] = set()
        self.commitments: set[int] = set()
        self.absorbed: list[tuple[int, int]] = []  # (keep, other)
        self.renamed: set[int] = set()  # entities with a new spelling (full-text row)
        # Kinds of recorded corrections ("merge", "split"); None: not looked up (assume both).
        self.corrections: set[str] | None = None
