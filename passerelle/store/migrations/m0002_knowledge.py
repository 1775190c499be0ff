"""Knowledge-base tables: entities across articles, events with several sources,
commitments with their trail, corrections, and a full-text index.

Tables (``kb_`` prefix)::

    kb_docs            one row per integrated document (filters, full-text row id)
    kb_entities        one row per person / organization / place across articles
    kb_names           every name form of every entity, per document (match keys)
    kb_offices         offices a person holds, dated by the article's publication
    kb_merges          why two name clusters were merged (reason, confidence)
    kb_events          one real-world event; kb_event_sources: each article telling it
    kb_event_links     event <-> entity (participant or place), for filters
    kb_event_sectors   event <-> sector
    kb_commitments     one commitment followed across articles; kb_commitment_steps its trail
    kb_commitment_sectors
    kb_doc_sectors     document <-> sector (facets)
    kb_corrections     manual merge/split, re-applied after re-extraction
    kb_fts             full-text index (SQLite FTS5 / PostgreSQL tsvector + GIN)

Text in ``kb_fts.text`` is folded (lower case, diacritics removed with unidecode) so
"Hà Nội" and "Ha Noi" find each other on both backends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0002_knowledge"

_TABLES = """
CREATE TABLE kb_docs (
    id {pk}, doc_id TEXT NOT NULL UNIQUE, title TEXT, url TEXT, outlet TEXT,
    published TEXT, language TEXT
);
CREATE INDEX ix_kb_docs_published ON kb_docs (published);
CREATE TABLE kb_entities (
    id {pk}, kind TEXT NOT NULL, name TEXT NOT NULL, norm TEXT NOT NULL,
    country TEXT, subkind TEXT, lat REAL, lon REAL, geonames_id BIGINT, parents TEXT,
    name_count INTEGER NOT NULL DEFAULT 0, doc_count INTEGER NOT NULL DEFAULT 0,
    merged_into INTEGER
);
CREATE INDEX ix_kb_entities_kind_norm ON kb_entities (kind, norm);
CREATE INDEX ix_kb_entities_kind_docs ON kb_entities (kind, doc_count);
CREATE INDEX ix_kb_entities_country ON kb_entities (country);
CREATE TABLE kb_names (
    id {pk}, entity_id INTEGER NOT NULL, kind TEXT NOT NULL, doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL, name TEXT NOT NULL, norm TEXT NOT NULL, primary_name INTEGER NOT NULL,
    matchable INTEGER NOT NULL, country TEXT, geonames_id BIGINT, subkind TEXT,
    lat REAL, lon REAL, parents TEXT
);
CREATE INDEX ix_kb_names_match ON kb_names (kind, norm, matchable);
CREATE INDEX ix_kb_names_entity ON kb_names (entity_id, primary_name);
CREATE INDEX ix_kb_names_doc ON kb_names (doc_id, kind, idx);
CREATE TABLE kb_offices (
    id {pk}, entity_id INTEGER NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL,
    of_name TEXT, published TEXT, evidence TEXT
);
CREATE INDEX ix_kb_offices_entity ON kb_offices (entity_id);
CREATE INDEX ix_kb_offices_doc ON kb_offices (doc_id);
CREATE TABLE kb_merges (
    id {pk}, kind TEXT NOT NULL, entity_id INTEGER NOT NULL, absorbed_id INTEGER,
    doc_id TEXT, reason TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX ix_kb_merges_entity ON kb_merges (entity_id);
CREATE TABLE kb_events (
    id {pk}, type TEXT NOT NULL, start_date TEXT, end_date TEXT, precision TEXT,
    place_id INTEGER, sectors TEXT NOT NULL DEFAULT '[]', source_count INTEGER NOT NULL DEFAULT 0,
    first_published TEXT, sort_date TEXT
);
CREATE INDEX ix_kb_events_sort ON kb_events (sort_date, id);
CREATE INDEX ix_kb_events_place ON kb_events (place_id, sort_date);
CREATE TABLE kb_event_sources (
    id {pk}, event_id INTEGER NOT NULL, doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
    type TEXT NOT NULL, start_date TEXT, end_date TEXT, precision TEXT, place_id INTEGER,
    published TEXT, sectors TEXT NOT NULL DEFAULT '[]', evidence TEXT
);
CREATE INDEX ix_kb_event_sources_event ON kb_event_sources (event_id);
CREATE INDEX ix_kb_event_sources_doc ON kb_event_sources (doc_id);
CREATE TABLE kb_event_links (
    event_id INTEGER NOT NULL, source_id INTEGER NOT NULL, entity_id INTEGER NOT NULL,
    role TEXT NOT NULL, type TEXT NOT NULL, sort_date TEXT
);
CREATE INDEX ix_kb_event_links_entity ON kb_event_links (entity_id, type, sort_date);
CREATE INDEX ix_kb_event_links_event ON kb_event_links (event_id);
CREATE INDEX ix_kb_event_links_source ON kb_event_links (source_id);
CREATE TABLE kb_event_sectors (event_id INTEGER NOT NULL, sector TEXT NOT NULL);
CREATE INDEX ix_kb_event_sectors ON kb_event_sectors (sector, event_id);
CREATE INDEX ix_kb_event_sectors_event ON kb_event_sectors (event_id);
CREATE TABLE kb_commitments (
    id {pk}, actor_id INTEGER, counterpart_id INTEGER, kind TEXT NOT NULL, summary TEXT,
    sectors TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL DEFAULT 'open',
    first_date TEXT, last_date TEXT, step_count INTEGER NOT NULL DEFAULT 0,
    fulfilled_by INTEGER
);
CREATE INDEX ix_kb_commitments_status ON kb_commitments (status, first_date);
CREATE INDEX ix_kb_commitments_actor ON kb_commitments (actor_id);
CREATE INDEX ix_kb_commitments_counterpart ON kb_commitments (counterpart_id);
CREATE TABLE kb_commitment_steps (
    id {pk}, commitment_id INTEGER NOT NULL, doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
    actor_id INTEGER, counterpart_id INTEGER, kind TEXT NOT NULL, summary TEXT,
    sectors TEXT NOT NULL DEFAULT '[]', evidence TEXT, step_date TEXT, step TEXT
);
CREATE INDEX ix_kb_steps_commitment ON kb_commitment_steps (commitment_id);
CREATE INDEX ix_kb_steps_actor ON kb_commitment_steps (actor_id);
CREATE INDEX ix_kb_steps_doc ON kb_commitment_steps (doc_id);
CREATE TABLE kb_commitment_sectors (commitment_id INTEGER NOT NULL, sector TEXT NOT NULL);
CREATE INDEX ix_kb_commitment_sectors ON kb_commitment_sectors (sector, commitment_id);
CREATE INDEX ix_kb_commitment_sectors_c ON kb_commitment_sectors (commitment_id);
CREATE TABLE kb_doc_sectors (doc_id TEXT NOT NULL, sector TEXT NOT NULL);
CREATE INDEX ix_kb_doc_sectors ON kb_doc_sectors (sector, doc_id);
CREATE INDEX ix_kb_doc_sectors_doc ON kb_doc_sectors (doc_id);
CREATE TABLE kb_corrections (
    id {pk}, kind TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
    other TEXT NOT NULL, note TEXT, created TEXT
);
"""

_FTS = {
    "sqlite": [
        "CREATE VIRTUAL TABLE kb_fts USING fts5(kind UNINDEXED, ref UNINDEXED, doc_id UNINDEXED,"
        " text, tokenize = 'unicode61 remove_diacritics 2')",
    ],
    "postgresql": [
        "CREATE TABLE kb_fts (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL,"
        " doc_id TEXT, text TEXT NOT NULL,"
        " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED)",
        "CREATE INDEX ix_kb_fts_tsv ON kb_fts USING GIN (tsv)",
        "CREATE INDEX ix_kb_fts_ref ON kb_fts (kind, ref)",
    ],
}

_PK = {"sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT", "postgresql": "BIGSERIAL PRIMARY KEY"}


def up(conn: Any) -> None:
    """Create the knowledge-base tables and the full-text index.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    dialect = conn.dialect.name
    ddl = _TABLES.format(pk=_PK.get(dialect, _PK["sqlite"]))
    for statement in ddl.split(";"):
        if statement.strip():
            conn.execute(text(statement))
    for statement in _FTS.get(dialect, _FTS["sqlite"]):
        conn.execute(text(statement))
