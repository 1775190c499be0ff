"""The store's tables, declared once with SQLAlchemy Core.

Other stores (the knowledge base) may declare their tables on the same ``metadata``
and create them in their own migration. A migration that has shipped never changes:
a later change to a table here comes with a new migration that alters it.

Tables:
    documents: one row per stored article; ``record`` is the JSON of
        ``Document.to_record()``, the other columns are copies for filtering.
    raw_inputs: the bytes each document came from, keyed by their SHA-256.
    lsh_bands: the MinHash LSH band keys of each document, the index of
        near-duplicate candidates (see ``store/dedup.py``).
    runs: one row per ``passerelle ingest`` run, with its counts.
    failures: each input a run could not store, with the reason.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

raw_inputs = Table(
    "raw_inputs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("compressed", Boolean, nullable=False, default=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text, unique=True),
    Column("path", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(10)),  # YYYY-MM-DD
    Column("language", String(16)),
    Column("body", Text, nullable=False),
    Column("captions", Text, nullable=False, default="[]"),  # JSON list
    Column("record", Text, nullable=False),  # JSON of Document.to_record()
    Column("raw_sha256", String(64), ForeignKey("raw_inputs.sha256")),
    Column("body_sha256", String(64), nullable=False, unique=True),
    Column("simhash", BigInteger, nullable=False),  # signed view of the unsigned 64 bits
    Column("near_duplicate_of", String(200), ForeignKey("documents.id")),
    Column("ingested_at", String(32), nullable=False),  # ISO 8601 UTC
    Column("components", Text, nullable=False, default="{}"),  # JSON {step: component}
    Column("origin", Text),
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_language", documents.c.language)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("doc_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)
Index("ix_lsh_bands_band_value", lsh_bands.c.band, lsh_bands.c.value)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False, default="running"),  # running|done|failed|interrupted
    Column("sources", Text, nullable=False, default="[]"),  # JSON list
    Column("stored", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("near_duplicates", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("via", String(16)),  # cli|web, NULL before m0009
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

migrations_table = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

STORE_TABLES = (raw_inputs, documents, lsh_bands, runs, failures)

__all__ = [
    "metadata",
    "raw_inputs",
    "documents",
    "lsh_bands",
    "runs",
    "failures",
    "migrations_table",
    "STORE_TABLES",
]
