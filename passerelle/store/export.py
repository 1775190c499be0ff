"""Export stored documents (JSON Lines, CSV) and describe a database.

JSON Lines is the exchange format: one ``Document.to_record()`` a line (RECORD.md),
read back with ``Document.from_record``. CSV is a flat, one-row-per-document view
for spreadsheets; its list columns join names with `` | ``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import func, inspect, select

from passerelle.records import Document
from passerelle.store.documents import count_documents, iter_documents
from passerelle.store.schema import failures, runs

if TYPE_CHECKING:
    from passerelle.store.db import Database

CSV_COLUMNS = (
    "id", "url", "path", "outlet", "title", "published", "language", "sectors",
    "people", "organizations", "places", "events", "commitments", "body",
)
LIST_SEPARATOR = " | "


def write_jsonl(docs: Iterable[Document], out: IO[str]) -> int:
    """Write one RECORD.md record a line; returns the number written."""
    n = 0
    for doc in docs:
        out.write(json.dumps(doc.to_record(), ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_row(doc: Document) -> dict[str, Any]:
    """The flat CSV row of ``doc``."""
    join = LIST_SEPARATOR.join
    return {
        "id": doc.id,
        "url": doc.source.url or "",
        "path": doc.source.path or "",
        "outlet": doc.source.outlet or "",
        "title": doc.title or "",
        "published": doc.published or "",
        "language": doc.language or "",
        "sectors": join(doc.sectors),
        "people": join(p.name for p in doc.people),
        "organizations": join(o.name for o in doc.organizations),
        "places": join(p.name for p in doc.places),
        "events": len(doc.events),
        "commitments": len(doc.commitments),
        "body": doc.body,
    }


def write_csv(docs: Iterable[Document], out: IO[str]) -> int:
    """Write a header and one row per document; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for doc in docs:
        writer.writerow(csv_row(doc))
        n += 1
    return n


def describe(db: Database) -> dict[str, Any]:
    """What ``passerelle info`` shows: URL, path, dialect, counts, migrations, tables.

    Reads only: a database that does not exist yet, or was never migrated, is
    described as empty rather than created.
    """
    info: dict[str, Any] = {
        "url": db.safe_url,
        "dialect": db.dialect,
        "path": str(db.path) if db.path else None,
        "exists": db.path.exists() if db.path else True,
        "counts": {},
        "migrations": [],
        "tables": [],
    }
    if not info["exists"]:
        return info
    info["tables"] = sorted(inspect(db.engine).get_table_names())
    if "migrations" in info["tables"]:
        info["migrations"] = db.migrations()
    if "documents" in info["tables"]:
        info["counts"] = _counts(db)
    return info


def _counts(db: Database) -> dict[str, int]:
    counts = count_documents(db)
    with db.connect() as conn:
        counts["runs"] = conn.execute(select(func.count()).select_from(runs)).scalar_one()
        counts["failures"] = conn.execute(select(func.count()).select_from(failures)).scalar_one()
    return counts


def export_documents(db: Database, fmt: str, out: IO[str], **filters: Any) -> int:
    """Write the documents of ``db`` matching ``filters`` as ``jsonl`` or ``csv``.

    Returns:
        The number of documents written.
    """
    docs = iter_documents(db, **filters)
    return write_csv(docs, out) if fmt == "csv" else write_jsonl(docs, out)


__all__ = ["CSV_COLUMNS", "write_jsonl", "write_csv", "csv_row", "describe", "export_documents"]
