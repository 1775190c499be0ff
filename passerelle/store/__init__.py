"""The store: one gateway (``Database``) to SQLite or PostgreSQL, and the documents in it.

Example::

    from passerelle.store import open_db, store_document, iter_documents

    db = open_db("sqlite:///kb.sqlite")          # migrates on open
    with db.transaction() as conn:
        result = store_document(conn, doc, raw=None, origin="example")
    for doc in iter_documents(db, language="fr"):
        ...

``store.runs`` is the run log (``runs`` and ``failures``): every ingest, from the command
line or the web app, starts, fails inputs and finishes through it.

``store.knowledge`` (the knowledge base) writes inside the same transaction as
``store_document``; its tables come in their own migrations.
"""

from __future__ import annotations

from passerelle.store.db import Database, normalize_url, open_db
from passerelle.store.documents import (
    StoreResult,
    count_documents,
    find_duplicate,
    find_near_duplicate,
    get_document,
    get_raw,
    iter_documents,
    store_document,
)
from passerelle.store import runs

__all__ = [
    "Database",
    "open_db",
    "normalize_url",
    "StoreResult",
    "store_document",
    "find_duplicate",
    "find_near_duplicate",
    "get_document",
    "get_raw",
    "iter_documents",
    "count_documents",
    "runs",
]
