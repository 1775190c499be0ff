"""Manual corrections: merge two entities, split a name or a document off one.

Each correction is recorded in ``kb_corrections`` by *name key*, not by id, so it
survives re-extraction: merges are re-applied after every integration, and a split
keeps the split-off name (or document) from joining the entity again.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from passerelle.errors import ConfigError
from passerelle.query.entities import check_kind
from passerelle.resolve.normalize import fold
from passerelle.store.knowledge import (
    entity_by_name,
    finish,
    merge_into,
    new_touched,
    q,
)


def _writing(db: Any) -> Any:
    return db.transaction() if hasattr(db, "transaction") else _Same(db)


class _Same:
    """Context manager yielding an already open connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        return self.conn

    def __exit__(self, *exc: Any) -> None:
        return None


def _require(conn: Any, kind: str, key: str | int) -> tuple[int, str]:
    entity_id = entity_by_name(conn, kind, key)
    if entity_id is None:
        raise ConfigError(f"no {kind} named {key!r} in the knowledge base",
                          hint="check the spelling with `passerelle search`")
    norm = q(conn, "SELECT norm FROM kb_entities WHERE id = :e", e=entity_id).scalar()
    return entity_id, norm


def _record(conn: Any, kind: str, action: str, target: str, other: str, note: str | None) -> None:
    q(conn, "INSERT INTO kb_corrections (kind, action, target, other, note, created) VALUES "
      "(:k, :a, :t, :o, :n, :c)", k=kind, a=action, t=target, o=other, n=note,
      c=datetime.now(timezone.utc).isoformat(timespec="seconds"))


def merge_entities(db: Any, kind: str, keep: str | int, other: str | int,
                   note: str | None = None) -> dict[str, Any]:
    """Merge entity ``other`` into ``keep`` and record the correction.

    Args:
        db: the ``Database``.
        kind: ``person``, ``organization`` (``org``) or ``place``.
        keep: id or name of the entity that stays.
        other: id or name of the entity merged into it.
        note: why (kept with the correction and the merge log).

    Returns:
        ``{kept: id, merged: id, name}``.

    Raises:
        ConfigError: if either entity is unknown or both are the same.
    """
    kind = check_kind(kind)
    with _writing(db) as conn:
        (keep_id, keep_key), (other_id, other_key) = _require(conn, kind, keep), _require(
            conn, kind, other)
        if keep_id == other_id:
            raise ConfigError(f"{keep!r} and {other!r} are already one {kind}")
        _record(conn, kind, "merge", keep_key, other_key, note)
        touched = new_touched()
        merge_into(conn, kind, keep_id, other_id, touched, doc_id=None,
                   reason=f"manual merge{': ' + note if note else ''}", confidence=1.0)
        finish(conn, touched)
        name = q(conn, "SELECT name FROM kb_entities WHERE id = :e", e=keep_id).scalar()
        return {"kept": keep_id, "merged": other_id, "name": name}


def split_entity(db: Any, kind: str, entity: str | int, alias_or_doc: str,
                 note: str | None = None) -> dict[str, Any]:
    """Split a name form (with its article mentions) or one document's mention off an entity.

    Args:
        db: the ``Database``.
        kind: ``person``, ``organization`` (``org``) or ``place``.
        entity: id or name of the entity to split.
        alias_or_doc: a name form of it, or the id of a document whose mention is moved.
        note: why.

    Returns:
        ``{entity: id, new: id, moved_documents: [...]}``.

    Raises:
        ConfigError: if nothing of the entity matches ``alias_or_doc``.
    """
    kind = check_kind(kind)
    with _writing(db) as conn:
        entity_id, key = _require(conn, kind, entity)
        groups, other = _split_groups(conn, entity_id, alias_or_doc)
        if not groups:
            raise ConfigError(f"{alias_or_doc!r} is neither a name form nor a document of "
                              f"{entity!r}",
                              hint=f"see its names with `passerelle show {kind} {entity!r}`")
        _record(conn, kind, "split", key, other, note)
        new_id = _move(conn, kind, entity_id, groups)
        moved = sorted({d for d, _ in groups})
        return {"entity": entity_id, "new": new_id, "moved_documents": moved}


def _split_groups(conn: Any, entity_id: int, alias_or_doc: str) -> tuple[set[tuple[str, int]], str]:
    """The (doc_id, idx) mentions to move, and the key recorded for the correction."""
    by_doc = q(conn, "SELECT DISTINCT doc_id, idx FROM kb_names WHERE entity_id = :e AND doc_id "
               "= :d", e=entity_id, d=alias_or_doc).all()
    if by_doc:
        return {(r[0], r[1]) for r in by_doc}, f"doc:{alias_or_doc}"
    keys = {fold(alias_or_doc), fold(alias_or_doc).replace(" ", "")}
    rows = q(conn, "SELECT DISTINCT doc_id, idx, norm FROM kb_names WHERE entity_id = :e AND norm "
             "IN :k", e=entity_id, k=keys).all()
    return {(r[0], r[1]) for r in rows}, (rows[0][2] if rows else "")


def _move(conn: Any, kind: str, entity_id: int, groups: set[tuple[str, int]]) -> int:
    """Move the mentions (and their documents' links) to a new entity; re-cluster events."""
    from passerelle.store import knowledge as kb

    new_id = kb._new_entity(conn, kind, "?", "?")  # noqa: SLF001  same package family
    docs = sorted({d for d, _ in groups})
    for doc_id, idx in sorted(groups):
        q(conn, "UPDATE kb_names SET entity_id = :n WHERE entity_id = :e AND doc_id = :d AND idx "
          "= :i", n=new_id, e=entity_id, d=doc_id, i=idx)
    for table, column in (("kb_offices", "entity_id"), ("kb_commitment_steps", "actor_id"),
                          ("kb_commitment_steps", "counterpart_id")):
        q(conn, f"UPDATE {table} SET {column} = :n WHERE {column} = :e AND doc_id IN :d",
          n=new_id, e=entity_id, d=docs)
    touched = new_touched()
    sources = [r[0] for r in q(conn, "SELECT id FROM kb_event_sources WHERE doc_id IN :d", d=docs)]
    if sources:
        q(conn, "UPDATE kb_event_links SET entity_id = :n WHERE entity_id = :e AND source_id IN :s",
          n=new_id, e=entity_id, s=sources)
        q(conn, "UPDATE kb_event_sources SET place_id = :n WHERE place_id = :e AND id IN :s",
          n=new_id, e=entity_id, s=sources)
        _detach_sources(conn, sources, touched)
    touched.entities |= {entity_id, new_id}
    touched.renamed |= {entity_id, new_id}
    touched.commitments |= {r[0] for r in q(conn, "SELECT DISTINCT commitment_id FROM "
                                            "kb_commitment_steps WHERE doc_id IN :d", d=docs)}
    finish(conn, touched)
    return new_id


def _detach_sources(conn: Any, sources: list[int], touched: Any) -> None:
    """Give each moved report its own event again, then let it re-join what matches."""
    from passerelle.store import knowledge as kb

    for source_id in sources:
        row = q(conn, "SELECT event_id, type FROM kb_event_sources WHERE id = :s",
                s=source_id).first()
        new_event = kb._insert(conn, "INSERT INTO kb_events (type) VALUES (:t)", t=row.type)  # noqa: SLF001
        q(conn, "UPDATE kb_event_sources SET event_id = :v WHERE id = :s", v=new_event, s=source_id)
        q(conn, "UPDATE kb_event_links SET event_id = :v WHERE source_id = :s", v=new_event,
          s=source_id)
        touched.events |= {row.event_id, new_event}
    for source_id in sources:
        kb._attach_source(conn, source_id, touched)  # noqa: SLF001
