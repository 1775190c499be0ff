"""Entities of the knowledge base: resolving name forms, merging, refreshing, looking up.

A name form joins every entity that has a *compatible* form with the same key
(:func:`passerelle.resolve.names_compatible`), merging them if there are several; a
split correction keeps a name key apart. Internal module of
:mod:`passerelle.store.knowledge`; not a stable API.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from passerelle.records import Document
from passerelle.resolve.match import NameForm, canonical_name, names_compatible
from passerelle.resolve.normalize import fold, name_forms, strip_titles
from passerelle.store.knowledge_index import fts_drop, fts_put, shift_places
from passerelle.store.knowledge_sql import Touched, insert_id, w, wm

KINDS = ("person", "organization", "place")


def _entity_specs(doc: Document) -> list[tuple[str, Any]]:
    return ([("person", p) for p in doc.people] + [("organization", o) for o in doc.organizations]
            + [("place", p) for p in doc.places])


def resolve_entities(conn: Any, doc_id: str, doc: Document,
                     touched: Touched) -> dict[tuple[str, str], int]:
    """Entity id of every name form of the document, keyed by (kind, folded form)."""
    local: dict[tuple[str, str], int] = {}
    for idx, (kind, item) in enumerate(_entity_specs(doc)):
        entity_id = resolve_one(conn, doc_id, idx, kind, item, touched)
        if entity_id is None:
            continue
        for form in [item.name, *item.aliases]:
            for key in {fold(form), strip_titles(fold(form))}:
                if key:
                    local.setdefault((kind, key), entity_id)
    return local


def _item_attrs(kind: str, item: Any) -> dict[str, Any]:
    attrs = {"country": getattr(item, "country", None), "subkind": getattr(item, "kind", None),
             "lat": None, "lon": None, "gid": None, "parents": None}
    if kind == "place":
        attrs.update(lat=item.lat, lon=item.lon, gid=item.geonames_id,
                     parents=json.dumps(list(item.parents), ensure_ascii=False))
    return attrs


def resolve_one(conn: Any, doc_id: str, idx: int, kind: str, item: Any,
                touched: Touched) -> int | None:
    """Find or create the entity of one person/organisation/place of one document.

    Internal helper; not a stable API.

    Returns:
        The entity id, or ``None`` when the item has no usable name.
    """
    forms = name_forms(kind, item.name or "", list(item.aliases))
    if not forms:
        return None
    attrs = _item_attrs(kind, item)
    found = _matching_entities(conn, kind, forms, attrs, doc_id, touched)
    entity_id = min(found) if found else new_entity(conn, kind, forms[0][0], forms[0][1])
    if entity_id in found:  # the mention joins an entity: keep why
        w(conn, "INSERT INTO kb_merges (kind, entity_id, absorbed_id, doc_id, reason, confidence) "
          "VALUES (:k, :e, NULL, :d, :r, :c)", k=kind, e=entity_id, d=doc_id,
          r=found[entity_id][0], c=found[entity_id][1])
    for other in sorted(set(found) - {entity_id}):
        merge_into(conn, kind, entity_id, other, touched, doc_id=doc_id,
                   reason=found[other][0], confidence=found[other][1])
    known = {r[0] for r in w(conn, "SELECT DISTINCT name FROM kb_names WHERE entity_id = :e AND "
                             "name IN :n", e=entity_id, n=[f[0] for f in forms])} \
        if found else set()  # a new entity knows no form yet
    if found.keys() - {entity_id} or any(f[0] not in known for f in forms):
        touched.renamed.add(entity_id)
    wm(conn, "INSERT INTO kb_names (entity_id, kind, doc_id, idx, name, norm, primary_name, "
       "matchable, country, geonames_id, subkind, lat, lon, parents) VALUES (:e, :k, :d, :i, "
       ":n, :norm, :p, :m, :country, :gid, :subkind, :lat, :lon, :parents)",
       [dict(e=entity_id, k=kind, d=doc_id, i=idx, n=form, norm=key, p=int(primary),
             m=int(matchable), **attrs) for form, key, primary, matchable in forms])
    touched.entities.add(entity_id)
    return entity_id


def _matching_entities(conn: Any, kind: str, forms: list[tuple[str, str, bool, bool]],
                       attrs: dict[str, Any], doc_id: str,
                       touched: Touched) -> dict[int, tuple[str, float]]:
    keys = [key for _, key, _, matchable in forms if matchable]
    if not keys:
        return {}
    rows = w(conn, "SELECT entity_id, norm, country, geonames_id FROM kb_names WHERE kind = :k "
             "AND matchable = 1 AND norm IN :keys", k=kind, keys=keys).all()
    blocked = _blocked_entities(conn, kind, [*keys, f"doc:{doc_id}"], touched)
    found: dict[int, tuple[str, float]] = {}
    for entity_id, norm, country, gid in rows:
        mine = NameForm(norm, attrs["country"], attrs["gid"])
        other = NameForm(norm, country, gid)
        same, reason, confidence = names_compatible(mine, other)
        if same and entity_id not in blocked and confidence > found.get(entity_id, ("", 0))[1]:
            found[entity_id] = (reason, confidence)
    return found


def _blocked_entities(conn: Any, kind: str, keys: list[str], touched: Touched) -> set[int]:
    """Entities a split correction keeps apart from these name keys."""
    if touched.corrections is not None and "split" not in touched.corrections:
        return set()
    rows = w(conn, "SELECT target FROM kb_corrections WHERE kind = :k AND action = 'split' "
             "AND other IN :keys", k=kind, keys=keys).all()
    blocked: set[int] = set()
    for (target,) in rows:
        blocked |= {r[0] for r in w(conn, "SELECT DISTINCT entity_id FROM kb_names WHERE "
                                    "kind = :k AND norm = :n AND matchable = 1",
                                    k=kind, n=target)}
    return blocked


def new_entity(conn: Any, kind: str, name: str, key: str) -> int:
    """Create an entity with one display name and key; return its id."""
    return insert_id(conn, "INSERT INTO kb_entities (kind, name, norm) VALUES (:k, :n, :norm)",
                     k=kind, n=name, norm=key)


_ENTITY_COLUMNS = (
    ("kb_names", "entity_id"), ("kb_offices", "entity_id"), ("kb_event_links", "entity_id"),
    ("kb_event_sources", "place_id"), ("kb_events", "place_id"),
    ("kb_commitments", "actor_id"), ("kb_commitments", "counterpart_id"),
    ("kb_commitment_steps", "actor_id"), ("kb_commitment_steps", "counterpart_id"),
    ("kb_entities", "merged_into"),
)


def merge_into(conn: Any, kind: str, keep: int, other: int, touched: Touched, *,
               doc_id: str | None, reason: str, confidence: float) -> None:
    """Fold entity ``other`` into ``keep`` and log why. Internal; not a stable API."""
    if keep == other:
        return
    for table, column in _ENTITY_COLUMNS:
        w(conn, f"UPDATE {table} SET {column} = :keep WHERE {column} = :other",
          keep=keep, other=other)
    w(conn, "UPDATE kb_entities SET merged_into = :keep WHERE id = :other", keep=keep, other=other)
    # kb_events.place_id moved (if ``other`` is a place): move the per-place summary too.
    moved = w(conn, "SELECT type, n FROM kb_place_counts WHERE place_id = :o", o=other).all()
    if moved:
        w(conn, "DELETE FROM kb_place_counts WHERE place_id = :o", o=other)
        shift_places(conn, [(keep, t, n) for t, n in moved])
    w(conn, "UPDATE kb_merges SET entity_id = :keep WHERE entity_id = :other", keep=keep,
      other=other)
    w(conn, "INSERT INTO kb_merges (kind, entity_id, absorbed_id, doc_id, reason, confidence) "
      "VALUES (:k, :e, :a, :d, :r, :c)", k=kind, e=keep, a=other, d=doc_id, r=reason,
      c=confidence)
    fts_drop(conn, kind, other, other)
    touched.entities.discard(other)
    touched.entities.add(keep)
    touched.renamed.add(keep)
    touched.absorbed.append((keep, other))


def refresh_entity(conn: Any, entity_id: int, fts: bool = True) -> None:
    """Recompute an entity's display name, country and place data from its name forms.

    Deterministic for a given set of forms (ingestion order does not matter); deletes
    the entity when no form is left. Aggregates in SQL: an entity may have thousands of
    forms. Internal helper; not a stable API.
    """
    facts = _entity_facts(conn, entity_id)
    forms = facts["f"]
    if not forms:
        kind = w(conn, "SELECT kind FROM kb_entities WHERE id = :e", e=entity_id).scalar()
        w(conn, "DELETE FROM kb_entities WHERE id = :e", e=entity_id)
        if kind:
            fts_drop(conn, kind, entity_id, entity_id)
        return
    main = [f for f in forms if f[2]] or list(forms)
    name = canonical_name([(n, k) for n, k, _p, c, _k in main for _ in range(c)])
    key = next(k for n, k, *_ in main if n == name)
    best = facts["b"][0]
    w(conn, "UPDATE kb_entities SET name = :n, norm = :norm, country = :c, subkind = :s, "
      "lat = :lat, lon = :lon, geonames_id = :gid, parents = :p, name_count = :nc, "
      "doc_count = :dc WHERE id = :e", n=name, norm=key, c=_majority(facts["c"]),
      s=_majority(facts["s"], skip="other"), lat=best[2], lon=best[3], gid=best[1],
      p=best[0], nc=sum(f[3] for f in forms), dc=facts["d"][0][1], e=entity_id)
    if fts:
        names = " ".join(sorted({f[0] for f in forms}))
        fts_put(conn, forms[0][4], entity_id, entity_id, names)


# One round trip for everything ``refresh_entity`` needs, tagged by the first column:
# f = forms (name, norm, primary, count, kind), b = the form with the best place data
# (parents, geonames_id, lat, lon), c / s = counts per country / subkind, d = documents.
_ENTITY_FACTS = """
SELECT 'f' AS tag, name AS t1, norm AS t2, MAX(primary_name) AS i1, COUNT(*) AS i2,
       NULL AS f1, NULL AS f2, MIN(kind) AS t3
  FROM kb_names WHERE entity_id = :e GROUP BY name, norm
UNION ALL
SELECT 'b', parents, NULL, geonames_id, NULL, lat, lon, NULL FROM (
  SELECT parents, geonames_id, lat, lon FROM kb_names WHERE entity_id = :e
   ORDER BY geonames_id IS NULL, lat IS NULL, doc_id, idx LIMIT 1) best
UNION ALL
SELECT 'c', country, NULL, COUNT(*), NULL, NULL, NULL, NULL FROM kb_names
 WHERE entity_id = :e AND country IS NOT NULL GROUP BY country
UNION ALL
SELECT 's', subkind, NULL, COUNT(*), NULL, NULL, NULL, NULL FROM kb_names
 WHERE entity_id = :e AND subkind IS NOT NULL GROUP BY subkind
UNION ALL
SELECT 'd', NULL, NULL, COUNT(DISTINCT doc_id), NULL, NULL, NULL, NULL FROM kb_names
 WHERE entity_id = :e
"""


def _entity_facts(conn: Any, entity_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """The tagged rows of ``_ENTITY_FACTS``: ``f`` forms ``(name, norm, primary, count,
    kind)``, ``b`` best place data ``(parents, geonames_id, lat, lon)``, ``c`` / ``s``
    ``(value, count)`` most frequent first (ties alphabetical), ``d`` ``(None, documents)``."""
    out: dict[str, list[tuple[Any, ...]]] = {"f": [], "b": [], "c": [], "s": [], "d": []}
    for tag, t1, t2, i1, i2, f1, f2, t3 in w(conn, _ENTITY_FACTS, e=entity_id):
        out[tag].append({"f": (t1, t2, i1, i2, t3), "b": (t1, i1, f1, f2)}.get(tag, (t1, i1)))
    for tag in ("c", "s"):
        out[tag].sort(key=lambda r: (-r[1], r[0]))
    return out


def _majority(rows: list[tuple[Any, int]], skip: str | None = None) -> str | None:
    """Most frequent non-empty value of counted ``rows`` (ties: alphabetical)."""
    kept = [r[0] for r in rows if r[0] and r[0] != skip]
    return kept[0] if kept else (rows[0][0] if rows else None)


def local_entity(conn: Any, doc_id: str, local: dict[tuple[str, str], int], kinds: Iterable[str],
                 name: str | None, touched: Touched, fallback: str) -> int | None:
    """Entity of a name used by an event or commitment (created if the lists lack it)."""
    if not name:
        return None
    for key in (fold(name), strip_titles(fold(name))):
        for kind in kinds:
            if (kind, key) in local:
                return local[(kind, key)]
    from passerelle.records import Organization, Person, Place

    maker = {"person": Person, "organization": Organization, "place": Place}[fallback]
    idx = 1000 + len(local)
    entity_id = resolve_one(conn, doc_id, idx, fallback, maker(name), touched)
    if entity_id is not None:
        local[(fallback, fold(name))] = entity_id
    return entity_id


def entity_by_name(conn: Any, kind: str, key: str | int) -> int | None:
    """Live entity id for an id or a name (any of its forms). Internal; not a stable API."""
    if isinstance(key, int) or str(key).isdigit():
        row = w(conn, "SELECT id, merged_into FROM kb_entities WHERE id = :e AND kind = :k",
                e=int(key), k=kind).first()
        if row is not None:
            return int(row.merged_into or row.id)
    folded = fold(str(key))
    keys = {folded, folded.replace(" ", ""), strip_titles(folded)}
    row = w(conn, "SELECT entity_id, COUNT(*) AS n FROM kb_names WHERE kind = :k AND norm IN :n "
            "GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT 1", k=kind, n=keys).first()
    return int(row[0]) if row else None
