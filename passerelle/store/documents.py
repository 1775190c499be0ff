"""Store and read documents: exact and near-duplicate detection, JSON records.

Every function takes an open SQLAlchemy ``Connection`` (inside
``Database.transaction()`` for writes) or a ``Database`` for streaming reads.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, or_, select
from sqlalchemy.exc import IntegrityError

from passerelle.errors import ConfigError, StoreError
from passerelle.records import Document
from passerelle.store import dedup
from passerelle.store.schema import documents, lsh_bands, raw_inputs

if TYPE_CHECKING:
    from passerelle.store.db import Database

log = logging.getLogger(__name__)

STATUSES = ("stored", "duplicate", "near-duplicate")
# Raw inputs shorter than this are kept as they are: compressing them saves nothing.
_COMPRESS_MIN = 256
_PAGE = 200  # rows per query when streaming documents


@dataclass(frozen=True)
class StoreResult:
    """What ``store_document`` did.

    Attributes:
        status: ``stored``, ``duplicate`` (nothing written) or ``near-duplicate``
            (stored, linked to the document it resembles).
        doc_id: id of the stored document, or of the existing one for a duplicate.
        duplicate_of: the existing document for ``duplicate`` and ``near-duplicate``.
    """

    status: str
    doc_id: str
    duplicate_of: str | None = None


def find_duplicate(conn: Connection, doc: Document) -> str | None:
    """Id of a stored document with the same URL or the same normalised body, if any."""
    conds = [documents.c.body_sha256 == dedup.body_hash(doc.body)]
    if doc.source.url:
        conds.append(documents.c.url == doc.source.url)
    row = conn.execute(select(documents.c.id).where(or_(*conds)).limit(1)).first()
    return row[0] if row else None


def find_near_duplicate(
    conn: Connection, body: str | dedup.Fingerprint, threshold: float = 0.6
) -> str | None:
    """Id of the most similar stored document whose shingle Jaccard is >= ``threshold``.

    Args:
        conn: an open connection.
        body: the new body (or its ``dedup.fingerprint``).
        threshold: the smallest Jaccard similarity of word 3-shingles that counts.
    """
    fp = body if isinstance(body, dedup.Fingerprint) else dedup.fingerprint(body)
    grams = set(fp.shingles)
    best: tuple[float, str] | None = None
    for cand_id, cand_body in _candidates(conn, list(fp.bands)):
        score = dedup.jaccard(grams, dedup.shingles(cand_body))
        if score >= threshold and (best is None or (score, cand_id) > best):
            best = (score, cand_id)
    return best[1] if best else None


def _candidates(conn: Connection, keys: list[int]) -> list[tuple[str, str]]:
    if not keys:
        return []
    hit = or_(*[(lsh_bands.c.band == i) & (lsh_bands.c.value == k) for i, k in enumerate(keys)])
    ids = select(lsh_bands.c.doc_id).where(hit).distinct()
    rows = conn.execute(select(documents.c.id, documents.c.body).where(documents.c.id.in_(ids)))
    return [(r[0], r[1]) for r in rows]


def store_document(
    conn: Connection,
    doc: Document,
    raw: bytes | None,
    origin: str,
    *,
    near_threshold: float = 0.6,
    integrate: bool = True,
) -> StoreResult:
    """Store ``doc`` unless it is a duplicate; link it when it is a near-duplicate.

    Call inside ``Database.transaction()``: the document, its raw bytes, its LSH
    bands and its knowledge-base facts (``store.knowledge.integrate_document``) are
    written together or not at all.

    Args:
        conn: a connection in a write transaction.
        doc: the (extracted) document; ``doc.id`` is kept unless it is taken.
        raw: the bytes it was read from (kept compressed), or ``None``.
        origin: where it came from (URL, path, ``file.jsonl#12``), for audits.
        near_threshold: Jaccard similarity from which a body is a near-duplicate.
        integrate: also write its facts to the knowledge base.

    Returns:
        A ``StoreResult``.

    Raises:
        StoreError: if the database refuses the row.
    """
    existing = find_duplicate(conn, doc)
    if existing:
        return StoreResult("duplicate", existing, existing)
    fp = dedup.fingerprint(doc.body)
    near = find_near_duplicate(conn, fp, near_threshold)
    doc_id = _free_id(conn, doc)
    doc.id = doc_id
    try:
        raw_sha = _store_raw(conn, raw, origin) if raw is not None else None
        conn.execute(documents.insert().values(**_row(doc, fp, raw_sha, near, origin)))
        _store_bands(conn, doc_id, fp.bands)
    except IntegrityError as exc:
        raise StoreError(
            f"cannot store document {doc_id!r} from {origin}: {exc.orig}",
            hint="another process may have stored the same article; rerun to skip it",
        ) from exc
    if integrate:
        _integrate(conn, doc_id, doc)
    return StoreResult("near-duplicate" if near else "stored", doc_id, near)


def _integrate(conn: Connection, doc_id: str, doc: Document) -> None:
    from passerelle.store.knowledge import integrate_document

    integrate_document(conn, doc_id, doc)


def _free_id(conn: Connection, doc: Document) -> str:
    """``doc.id`` if it is free, else the id with the first free ``-N`` suffix."""
    base = doc.id or "doc-" + dedup.body_hash(doc.body)[:16]
    candidate, n = base, 1
    while conn.execute(select(documents.c.id).where(documents.c.id == candidate)).first():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _store_raw(conn: Connection, raw: bytes, origin: str) -> str:
    sha = dedup.sha256_hex(raw)
    if conn.execute(select(raw_inputs.c.sha256).where(raw_inputs.c.sha256 == sha)).first():
        return sha
    packed = zlib.compress(raw, 6) if len(raw) >= _COMPRESS_MIN else raw
    compressed = len(packed) < len(raw)
    conn.execute(
        raw_inputs.insert().values(
            sha256=sha, origin=origin, bytes=packed if compressed else raw, compressed=compressed
        )
    )
    return sha


def _store_bands(conn: Connection, doc_id: str, keys: tuple[int, ...]) -> None:
    if keys:
        conn.execute(
            lsh_bands.insert(),
            [{"doc_id": doc_id, "band": i, "value": k} for i, k in enumerate(keys)],
        )


def _row(
    doc: Document, fp: dedup.Fingerprint, raw_sha: str | None, near: str | None, origin: str
) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.source.url,
        "path": doc.source.path,
        "outlet": doc.source.outlet,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
        "body": doc.body,
        "captions": json.dumps(doc.captions, ensure_ascii=False),
        "record": json.dumps(doc.to_record(), ensure_ascii=False),
        "raw_sha256": raw_sha,
        "body_sha256": fp.body_sha256,
        "simhash": dedup.to_signed(fp.simhash),
        "near_duplicate_of": near,
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "components": json.dumps(doc.components, ensure_ascii=False),
        "origin": origin,
    }


def get_raw(conn: Connection, sha256: str) -> bytes | None:
    """The raw bytes stored under ``sha256`` (decompressed), or ``None``."""
    row = conn.execute(
        select(raw_inputs.c.bytes, raw_inputs.c.compressed).where(raw_inputs.c.sha256 == sha256)
    ).first()
    if row is None:
        return None
    return zlib.decompress(row[0]) if row[1] else bytes(row[0])


def get_document(db: Database, doc_id: str) -> Document | None:
    """The stored document ``doc_id`` with everything extracted from it, or ``None``."""
    with db.connect() as conn:
        row = conn.execute(select(documents.c.record).where(documents.c.id == doc_id)).first()
    return Document.from_record(json.loads(row[0])) if row else None


_FILTERS = ("language", "outlet", "since", "until", "url", "ids", "limit", "near_duplicates")


def iter_documents(db: Database, **filters: Any) -> Iterator[Document]:
    """Stream stored documents in id order, reading a page at a time.

    Args:
        db: the database.
        **filters: ``language``, ``outlet``, ``url`` (equality); ``since`` and
            ``until`` (inclusive ``YYYY-MM-DD`` bounds on ``published``); ``ids``
            (a collection of ids); ``limit`` (an int); ``near_duplicates`` (False to
            leave out documents linked to an earlier one).

    Raises:
        ConfigError: on an unknown filter name.
    """
    unknown = set(filters) - set(_FILTERS)
    if unknown:
        raise ConfigError(f"unknown document filter(s) {sorted(unknown)}", hint=f"use {_FILTERS}")
    where = _where(filters)
    limit = filters.get("limit")
    last, seen = None, 0
    while limit is None or seen < limit:
        page = _page(db, where, last, _PAGE if limit is None else min(_PAGE, limit - seen))
        if not page:
            return
        for doc_id, record in page:
            yield Document.from_record(json.loads(record))
        seen += len(page)
        last = page[-1][0]


def _where(filters: dict[str, Any]) -> list[Any]:
    c = documents.c
    where: list[Any] = []
    for key in ("language", "outlet", "url"):
        if filters.get(key) is not None:
            where.append(getattr(c, key) == filters[key])
    if filters.get("since"):
        where.append(c.published >= filters["since"])
    if filters.get("until"):
        where.append(c.published <= filters["until"])
    if filters.get("ids") is not None:
        where.append(c.id.in_(list(filters["ids"])))
    if filters.get("near_duplicates") is False:
        where.append(c.near_duplicate_of.is_(None))
    return where


def _page(db: Database, where: list[Any], after: str | None, size: int) -> list[tuple[str, str]]:
    query = select(documents.c.id, documents.c.record).where(*where)
    if after is not None:
        query = query.where(documents.c.id > after)
    with db.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(query.order_by(documents.c.id).limit(size))]


def count_documents(db: Database) -> dict[str, int]:
    """Counts for ``passerelle info``: documents, near-duplicates, raw inputs."""
    with db.connect() as conn:
        total = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        near = conn.execute(
            select(func.count()).where(documents.c.near_duplicate_of.is_not(None))
        ).scalar_one()
        raw = conn.execute(select(func.count()).select_from(raw_inputs)).scalar_one()
    return {"documents": total, "near_duplicates": near, "raw_inputs": raw}


__all__ = [
    "STATUSES",
    "StoreResult",
    "find_duplicate",
    "find_near_duplicate",
    "store_document",
    "get_document",
    "get_raw",
    "iter_documents",
    "count_documents",
]
