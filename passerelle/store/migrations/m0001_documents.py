"""Documents, raw inputs, simhash bands, runs and failures.

Creates the tables of ``passerelle.store.schema`` as they were when this migration
shipped; later changes to those tables come as new migrations.
"""

from __future__ import annotations

from typing import Any

from passerelle.store.schema import STORE_TABLES

NAME = "m0001_documents"


def up(conn: Any) -> None:
    """Create the store tables and their indexes."""
    for table in STORE_TABLES:
        table.create(conn, checkfirst=True)
