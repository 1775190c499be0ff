"""Write what one document says into the knowledge base, incrementally (issue 5).

``integrate_document(conn, doc_id, doc)`` runs inside the caller's transaction, right
after the document is stored. It

1. forgets what an earlier extraction of the same document said (re-extraction);
2. resolves the document's people, organisations and places to KB entities: a name
   form joins every entity that has a *compatible* form with the same key
   (:func:`passerelle.resolve.names_compatible`), merging them if there are several;
3. adds offices, event reports and commitment statements, and attaches each to the
   events / commitments it matches (:func:`passerelle.resolve.event_reports_match`,
   :func:`passerelle.resolve.commitment_steps_match`), merging where several match;
4. when entities merged, re-checks the reports of the absorbed entity, since two
   reports may only now share a participant;
5. refreshes commitment statuses touched by new events and re-applies corrections.

Because every rule is pairwise and merges only grow, the KB is the connected
components of the rules whatever the ingestion order (tested).

Known limit: forgetting a document that was the only link between two merged
entities or events does not split them again (``passerelle split`` does).
"""

from __future__ import annotations

import json
import logging
import re
from collections import namedtuple
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, text

from passerelle.errors import ResolveError
from passerelle.records import Document
from passerelle.resolve.match import (
    EventReport,
    NameForm,
    StepReport,
    canonical_name,
    commitment_steps_match,
    event_reports_match,
    names_compatible,
    step_labels,
)
from passerelle.resolve.normalize import fold, name_forms, strip_titles

log = logging.getLogger(__name__)

KINDS = ("person", "organization", "place")
# Candidate reports of one event are looked for among articles published this many
# days apart at most (a superset of CLOSE_DAYS: dated reports may be older).
_WINDOW_DAYS = 120
_FULFILLING_TYPES = ("agreement", "visit", "meeting")
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
_FTS_SLOT = {"document": 0, "person": 1, "organization": 2, "place": 3, "event": 4,
             "commitment": 5}


# --------------------------------------------------------------------------- SQL helpers


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


def _insert(conn: Any, sql: str, **params: Any) -> int:
    return int(w(conn, sql + " RETURNING id", **params).scalar_one())


def _jl(raw: str | None) -> list[Any]:
    return json.loads(raw) if raw else []


# --------------------------------------------------------------------------- full text


def fts_put(conn: Any, kind: str, ref: int | str, number: int, body: str,
            doc_id: str | None = None) -> None:
    """Replace the full-text row of one object (folded text on both backends).

    Internal helper; not a stable API.
    """
    folded = fold(body)
    if conn.dialect.name == "sqlite":
        rowid = number * 8 + _FTS_SLOT[kind]
        if folded:  # FTS5 honours REPLACE on its rowid
            w(conn, "INSERT OR REPLACE INTO kb_fts (rowid, kind, ref, doc_id, text) VALUES "
              "(:r, :k, :ref, :d, :t)", r=rowid, k=kind, ref=str(ref), d=doc_id, t=folded)
        else:
            w(conn, "DELETE FROM kb_fts WHERE rowid = :r", r=rowid)
        return
    if folded:  # one round trip: delete the old row and insert the new one
        w(conn, "WITH gone AS (DELETE FROM kb_fts WHERE kind = :k AND ref = :ref) INSERT INTO "
          "kb_fts (kind, ref, doc_id, text) VALUES (:k, :ref, :d, :t)", k=kind, ref=str(ref),
          d=doc_id, t=folded)
    else:
        w(conn, "DELETE FROM kb_fts WHERE kind = :k AND ref = :ref", k=kind, ref=str(ref))


def _fts_drop(conn: Any, kind: str, number: int, ref: int | str) -> None:
    if conn.dialect.name == "sqlite":
        w(conn, "DELETE FROM kb_fts WHERE rowid = :r", r=number * 8 + _FTS_SLOT[kind])
    else:
        w(conn, "DELETE FROM kb_fts WHERE kind = :k AND ref = :ref", k=kind, ref=str(ref))


# --------------------------------------------------------------------------- entry point


class _Touched:
    """What one integration changed, to refresh once at the end."""

    def __init__(self) -> None:
        self.entities: set[int] = set()
        self.events: set[int] = set()
        self.commitments: set[int] = set()
        self.absorbed: list[tuple[int, int]] = []  # (keep, other)
        self.renamed: set[int] = set()  # entities with a new spelling (full-text row)
        # Kinds of recorded corrections ("merge", "split"); None: not looked up (assume both).
        self.corrections: set[str] | None = None


def integrate_document(conn: Any, doc_id: str, doc: Document) -> None:
    """Merge ``doc``'s facts into the knowledge base, inside the caller's transaction.

    Args:
        conn: an open SQLAlchemy Connection in a transaction.
        doc_id: the stored document's id.
        doc: the extracted document.

    Raises:
        ResolveError: if the document cannot be integrated (the message names it).
    """
    try:
        forget_document(conn, doc_id)
        touched = _Touched()
        touched.corrections = {r[0] for r in w(conn, "SELECT DISTINCT action FROM "
                                                "kb_corrections")}
        number = _add_doc(conn, doc_id, doc)
        local = _resolve_entities(conn, doc_id, doc, touched)
        _add_offices(conn, doc_id, doc, local)
        _add_events(conn, doc_id, doc, local, touched)
        _add_commitments(conn, doc_id, doc, local, touched)
        fts_put(conn, "document", doc_id, number, f"{doc.title or ''} {doc.body}", doc_id)
        apply_corrections(conn, touched)
        finish(conn, touched)
    except ResolveError:
        raise
    except Exception as exc:  # noqa: BLE001  one boundary: name the document
        raise ResolveError(f"could not add document {doc_id} to the knowledge base: {exc}",
                           hint="check the record with `passerelle export`") from exc


def finish(conn: Any, touched: _Touched) -> None:
    """Re-check what merges changed, then refresh touched entities, events, commitments.

    Internal helper shared with :mod:`passerelle.query.corrections`; not a stable API.
    """
    while touched.absorbed:
        keep, other = touched.absorbed.pop()
        _recheck_after_merge(conn, keep, other, touched)
    for entity_id in sorted(touched.entities):
        refresh_entity(conn, entity_id, fts=entity_id in touched.renamed)
    touched.renamed.clear()
    for event_id in sorted(touched.events):
        _refresh_event(conn, event_id)
    _statuses_after_events(conn, touched)
    for commitment_id in sorted(touched.commitments):
        _refresh_commitment(conn, commitment_id)


def _add_doc(conn: Any, doc_id: str, doc: Document) -> int:
    number = _insert(
        conn, "INSERT INTO kb_docs (doc_id, title, url, outlet, published, language) "
        "VALUES (:d, :t, :u, :o, :p, :l)", d=doc_id, t=doc.title, u=doc.source.url,
        o=doc.source.outlet or doc.site_name, p=doc.published, l=doc.language)
    wm(conn, "INSERT INTO kb_doc_sectors (doc_id, sector) VALUES (:d, :s)",
       [dict(d=doc_id, s=sector) for sector in sorted(set(doc.sectors))])
    return number


# --------------------------------------------------------------------------- forgetting


def forget_document(conn: Any, doc_id: str) -> None:
    """Remove what an earlier integration of ``doc_id`` added (before re-extraction).

    Args:
        conn: an open Connection in a transaction.
        doc_id: the document id.
    """
    row = w(conn, "SELECT id FROM kb_docs WHERE doc_id = :d", d=doc_id).first()
    if row is None:
        return
    touched = _Touched()
    touched.entities |= {r[0] for r in w(conn, "SELECT DISTINCT entity_id FROM kb_names "
                                         "WHERE doc_id = :d", d=doc_id)}
    touched.events |= {r[0] for r in w(conn, "SELECT DISTINCT event_id FROM kb_event_sources "
                                       "WHERE doc_id = :d", d=doc_id)}
    touched.commitments |= {r[0] for r in w(conn, "SELECT DISTINCT commitment_id FROM "
                                            "kb_commitment_steps WHERE doc_id = :d", d=doc_id)}
    touched.renamed |= touched.entities
    if touched.events:
        touched.commitments |= {r[0] for r in w(conn, "SELECT id FROM kb_commitments WHERE "
                                                "fulfilled_by IN :ev", ev=touched.events)}
    w(conn, "DELETE FROM kb_event_links WHERE source_id IN "
      "(SELECT id FROM kb_event_sources WHERE doc_id = :d)", d=doc_id)
    w(conn, "DELETE FROM kb_merges WHERE doc_id = :d AND absorbed_id IS NULL", d=doc_id)
    for table in ("kb_names", "kb_offices", "kb_event_sources", "kb_commitment_steps",
                  "kb_doc_sectors", "kb_docs"):
        w(conn, f"DELETE FROM {table} WHERE doc_id = :d", d=doc_id)
    _fts_drop(conn, "document", row[0], doc_id)
    finish(conn, touched)


# --------------------------------------------------------------------------- entities


def _entity_specs(doc: Document) -> list[tuple[str, Any]]:
    return ([("person", p) for p in doc.people] + [("organization", o) for o in doc.organizations]
            + [("place", p) for p in doc.places])


def _resolve_entities(conn: Any, doc_id: str, doc: Document,
                      touched: _Touched) -> dict[tuple[str, str], int]:
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
                touched: _Touched) -> int | None:
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
    entity_id = min(found) if found else _new_entity(conn, kind, forms[0][0], forms[0][1])
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
                       touched: _Touched) -> dict[int, tuple[str, float]]:
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


def _blocked_entities(conn: Any, kind: str, keys: list[str], touched: _Touched) -> set[int]:
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


def _new_entity(conn: Any, kind: str, name: str, key: str) -> int:
    return _insert(conn, "INSERT INTO kb_entities (kind, name, norm) VALUES (:k, :n, :norm)",
                   k=kind, n=name, norm=key)


_ENTITY_COLUMNS = (
    ("kb_names", "entity_id"), ("kb_offices", "entity_id"), ("kb_event_links", "entity_id"),
    ("kb_event_sources", "place_id"), ("kb_events", "place_id"),
    ("kb_commitments", "actor_id"), ("kb_commitments", "counterpart_id"),
    ("kb_commitment_steps", "actor_id"), ("kb_commitment_steps", "counterpart_id"),
    ("kb_entities", "merged_into"),
)


def merge_into(conn: Any, kind: str, keep: int, other: int, touched: _Touched, *,
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
        _shift_places(conn, [(keep, t, n) for t, n in moved])
    w(conn, "UPDATE kb_merges SET entity_id = :keep WHERE entity_id = :other", keep=keep,
      other=other)
    w(conn, "INSERT INTO kb_merges (kind, entity_id, absorbed_id, doc_id, reason, confidence) "
      "VALUES (:k, :e, :a, :d, :r, :c)", k=kind, e=keep, a=other, d=doc_id, r=reason,
      c=confidence)
    _fts_drop(conn, kind, other, other)
    touched.entities.discard(other)
    touched.entities.add(keep)
    touched.renamed.add(keep)
    touched.absorbed.append((keep, other))


def _recheck_after_merge(conn: Any, keep: int, other: int, touched: _Touched) -> None:
    """Reports of the merged entity may now match others: attach them again."""
    sources = [r[0] for r in w(conn, "SELECT DISTINCT source_id FROM kb_event_links WHERE "
                               "entity_id = :e", e=keep)]
    for source_id in sources:
        _attach_source(conn, source_id, touched)
    steps = [r[0] for r in w(conn, "SELECT id FROM kb_commitment_steps WHERE actor_id = :e",
                             e=keep)]
    for step_id in steps:
        _attach_step(conn, step_id, touched)


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
            _fts_drop(conn, kind, entity_id, entity_id)
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


def _local_entity(conn: Any, doc_id: str, local: dict[tuple[str, str], int], kinds: Iterable[str],
                  name: str | None, touched: _Touched, fallback: str) -> int | None:
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


# --------------------------------------------------------------------------- offices


def _add_offices(conn: Any, doc_id: str, doc: Document, local: dict[tuple[str, str], int]) -> None:
    rows = []
    for person in doc.people:
        entity_id = local.get(("person", fold(person.name)))
        rows += [dict(e=entity_id, d=doc_id, r=title.role, o=title.of, p=doc.published,
                      ev=title.evidence) for title in person.titles if entity_id and title.role]
    wm(conn, "INSERT INTO kb_offices (entity_id, doc_id, role, of_name, published, evidence) "
       "VALUES (:e, :d, :r, :o, :p, :ev)", rows)


# --------------------------------------------------------------------------- events


def _add_events(conn: Any, doc_id: str, doc: Document, local: dict[tuple[str, str], int],
                touched: _Touched) -> None:
    # Without a publication date, the article's earliest event date stands in for it.
    published = doc.published or min((e.start for e in doc.events if e.start), default=None)
    for idx, event in enumerate(doc.events):
        people = [_local_entity(conn, doc_id, local, KINDS, name, touched, "person")
                  for name in event.participants]
        place_id = _local_entity(conn, doc_id, local, ("place",), event.place, touched, "place")
        sort_date = published or event.start
        event_id = _insert(conn, "INSERT INTO kb_events (type) VALUES (:t)", t=event.type)
        source_id = _insert(
            conn, "INSERT INTO kb_event_sources (event_id, doc_id, idx, type, start_date, "
            "end_date, precision, place_id, published, sectors, evidence) VALUES (:eid, :d, :i, "
            ":t, :s, :e, :p, :pl, :pub, :sec, :ev)", eid=event_id, d=doc_id, i=idx, t=event.type,
            s=event.start, e=event.end, p=event.precision if event.start else None, pl=place_id,
            pub=published, sec=json.dumps(sorted(set(event.sectors))), ev=event.evidence)
        links = [(entity_id, "participant") for entity_id in sorted({p for p in people if p})]
        links += [(place_id, "place")] if place_id is not None else []
        wm(conn, "INSERT INTO kb_event_links (event_id, source_id, entity_id, role, type, "
           "sort_date) VALUES (:e, :s, :n, :r, :t, :d)",
           [dict(e=event_id, s=source_id, n=entity_id, r=role, t=event.type, d=sort_date)
            for entity_id, role in links])
        touched.events.add(event_id)
        participants = {entity_id for entity_id, role in links if role == "participant"}
        _attach_source(conn, source_id, touched,
                       (event_id, participants, event.type, published or event.start))


def _reports(conn: Any, source_ids: list[int]) -> dict[int, tuple[int, EventReport]]:
    """``{source_id: (event_id, report)}`` for the given sources."""
    if not source_ids:
        return {}
    rows = w(conn, "SELECT s.id, s.event_id, s.type, s.start_date, s.end_date, s.precision, "
             "s.place_id, s.published, p.name, p.parents FROM kb_event_sources s LEFT JOIN "
             "kb_entities p ON p.id = s.place_id WHERE s.id IN :ids", ids=source_ids).all()
    parts: dict[int, set[int]] = {}
    for sid, eid in w(conn, "SELECT source_id, entity_id FROM kb_event_links WHERE role = "
                      "'participant' AND source_id IN :ids", ids=source_ids):
        parts.setdefault(sid, set()).add(eid)
    out = {}
    for r in rows:
        names = frozenset(fold(n) for n in [r.name or "", *_jl(r.parents)] if n)
        out[r.id] = (r.event_id, EventReport(r.type, frozenset(parts.get(r.id, ())), r.place_id,
                                             names, r.start_date, r.end_date, r.precision,
                                             r.published))
    return out


def _shift(day: str | None, days: int) -> str | None:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _attach_source(conn: Any, source_id: int, touched: _Touched,
                   known: tuple[int, set[int], str, str | None] | None = None) -> None:
    """Merge the event of ``source_id`` with every event one of whose reports matches it.

    ``known`` is ``(event_id, participant ids, type, anchor date)`` of a report just
    written, so that it is read back together with the candidates (one query less).
    """
    report = None
    if known is None:
        mine = _reports(conn, [source_id]).get(source_id)
        if mine is None:
            return
        event_id, report = mine
        known = (event_id, set(report.participants), report.type,
                 report.published or report.start)
    event_id, participants, type_, anchor = known
    if not participants:
        return
    lo, hi = _shift(anchor, -_WINDOW_DAYS), _shift(anchor, _WINDOW_DAYS)
    when = "(sort_date BETWEEN :lo AND :hi OR sort_date IS NULL)" if lo else "1 = 1"
    candidates = [r[0] for r in w(
        conn, "SELECT DISTINCT source_id FROM kb_event_links WHERE role = 'participant' AND "
        f"entity_id IN :ents AND type = :t AND {when} AND event_id != :ev",
        ents=participants, t=type_, ev=event_id, **({"lo": lo, "hi": hi} if lo else {}))]
    found = _reports(conn, candidates + ([] if report else [source_id]))
    report = report or found.pop(source_id)[1]
    events = {ev for ev, other in found.values() if event_reports_match(report, other)}
    if events:
        merge_events(conn, min(events | {event_id}), events | {event_id}, touched)


def merge_events(conn: Any, keep: int, event_ids: set[int], touched: _Touched) -> None:
    """Fold several events into ``keep``. Internal helper; not a stable API."""
    others = sorted(event_ids - {keep})
    if not others:
        return
    for table in ("kb_event_sources", "kb_event_links"):
        column = "event_id"
        w(conn, f"UPDATE {table} SET {column} = :k WHERE {column} IN :o", k=keep, o=others)
    w(conn, "UPDATE kb_commitments SET fulfilled_by = :k WHERE fulfilled_by IN :o", k=keep,
      o=others)
    w(conn, "DELETE FROM kb_event_sectors WHERE event_id IN :o", o=others)
    _count_months(conn, others, -1)
    w(conn, "DELETE FROM kb_events WHERE id IN :o", o=others)
    for other in others:
        _fts_drop(conn, "event", other, other)
        touched.events.discard(other)
    touched.events.add(keep)


def _count_months(conn: Any, event_ids: list[int], sign: int) -> None:
    """Add (``sign`` 1) or remove (-1) events from the ``kb_sector_months`` and
    ``kb_place_counts`` summaries."""
    rows = w(conn, "SELECT sort_date, sectors, place_id, type FROM kb_events WHERE id IN :e",
             e=event_ids).all()
    _shift_months(conn, [(r.sort_date, r.sectors, sign) for r in rows])
    _shift_places(conn, [(r.place_id, r.type, sign) for r in rows])


def _shift_places(conn: Any, changes: list[tuple[int | None, str, int]]) -> None:
    """Apply ``(place_id, event type, sign)`` changes to ``kb_place_counts`` (net)."""
    net: dict[tuple[int, str], int] = {}
    for place_id, type_, sign in changes:
        if place_id is not None:
            net[(place_id, type_)] = net.get((place_id, type_), 0) + sign
    wm(conn, "INSERT INTO kb_place_counts (place_id, type, n) VALUES (:p, :t, :n) ON "
       "CONFLICT (place_id, type) DO UPDATE SET n = kb_place_counts.n + excluded.n",
       [dict(p=p, t=t, n=n) for (p, t), n in sorted(net.items()) if n])


def _shift_months(conn: Any, changes: list[tuple[str | None, str, int]]) -> None:
    """Apply ``(sort_date, sectors JSON, sign)`` changes to ``kb_sector_months`` (net)."""
    net: dict[tuple[str, str], int] = {}
    for sort_date, sectors, sign in changes:
        for sector in _jl(sectors) if sort_date else []:
            net[(sort_date[:7], sector)] = net.get((sort_date[:7], sector), 0) + sign
    wm(conn, "INSERT INTO kb_sector_months (month, sector, n) VALUES (:m, :s, :n) ON "
       "CONFLICT (month, sector) DO UPDATE SET n = kb_sector_months.n + excluded.n",
       [dict(m=m, s=sec, n=n) for (m, sec), n in sorted(net.items()) if n])


def _refresh_event(conn: Any, event_id: int) -> None:
    """Recompute an event's date, place, sectors and counts from its reports."""
    rows = w(conn, "SELECT s.*, p.name AS place_name, p.parents AS place_parents, e.sort_date "
             "AS old_sort, e.sectors AS old_sectors, e.place_id AS old_place, e.type AS ev_type "
             "FROM kb_event_sources s JOIN kb_events e ON "
             "e.id = s.event_id LEFT JOIN kb_entities p ON p.id = s.place_id WHERE s.event_id "
             "= :e", e=event_id).mappings().all()
    if not rows:
        _count_months(conn, [event_id], -1)
        w(conn, "DELETE FROM kb_events WHERE id = :e", e=event_id)
        w(conn, "DELETE FROM kb_event_sectors WHERE event_id = :e", e=event_id)
        _fts_drop(conn, "event", event_id, event_id)
        return
    dated = min(rows, key=lambda r: (_PRECISION_RANK.get(r["precision"], 3) if r["start_date"]
                                     else 9, r["start_date"] or "", r["end_date"] or ""))
    placed = [r for r in rows if r["place_id"] is not None]
    place = min(placed, key=lambda r: (-len(_jl(r["place_parents"])), r["place_name"] or "")) \
        if placed else None
    sectors = sorted({s for r in rows for s in _jl(r["sectors"])})
    first = min((r["published"] for r in rows if r["published"]), default=None)
    w(conn, "UPDATE kb_events SET start_date = :s, end_date = :en, precision = :p, place_id = :pl, "
      "sectors = :sec, source_count = :n, first_published = :f, sort_date = :sd WHERE id = :e",
      s=dated["start_date"], en=dated["end_date"], p=dated["precision"],
      pl=place["place_id"] if place else None, sec=json.dumps(sectors),
      n=len({r["doc_id"] for r in rows}), f=first, sd=dated["start_date"] or first, e=event_id)
    old = rows[0]
    _shift_months(conn, [(old["old_sort"], old["old_sectors"], -1),
                         (dated["start_date"] or first, json.dumps(sectors), 1)])
    _shift_places(conn, [(old["old_place"], old["ev_type"], -1),
                         (place["place_id"] if place else None, old["ev_type"], 1)])
    if _jl(old["old_sectors"]) != sectors:  # kb_event_sectors mirrors kb_events.sectors
        w(conn, "DELETE FROM kb_event_sectors WHERE event_id = :e", e=event_id)
        wm(conn, "INSERT INTO kb_event_sectors (event_id, sector) VALUES (:e, :s)",
           [dict(e=event_id, s=sector) for sector in sectors])
    body = " ".join(sorted({r["evidence"] or "" for r in rows}))
    fts_put(conn, "event", event_id, event_id, f"{rows[0]['type']} {body}")


# --------------------------------------------------------------------------- commitments


def _add_commitments(conn: Any, doc_id: str, doc: Document, local: dict[tuple[str, str], int],
                     touched: _Touched) -> None:
    kinds = ("person", "organization", "place")
    for idx, com in enumerate(doc.commitments):
        actor = _local_entity(conn, doc_id, local, kinds, com.actor, touched, "person")
        counterpart = _local_entity(conn, doc_id, local, kinds, com.counterpart, touched,
                                    "organization")
        commitment_id = _insert(conn, "INSERT INTO kb_commitments (kind) VALUES (:k)", k=com.kind)
        step_id = _insert(
            conn, "INSERT INTO kb_commitment_steps (commitment_id, doc_id, idx, actor_id, "
            "counterpart_id, kind, summary, sectors, evidence, step_date) VALUES (:c, :d, :i, :a, "
            ":cp, :k, :s, :sec, :ev, :dt)", c=commitment_id, d=doc_id, i=idx, a=actor,
            cp=counterpart, k=com.kind, s=com.summary, sec=json.dumps(sorted(set(com.sectors))),
            ev=com.evidence, dt=doc.published)
        touched.commitments.add(commitment_id)
        _attach_step(conn, step_id, touched)


def _step_report(row: Any) -> StepReport:
    return StepReport(row.actor_id, row.counterpart_id, row.kind, frozenset(_jl(row.sectors)),
                      row.step_date)


def _attach_step(conn: Any, step_id: int, touched: _Touched) -> None:
    """Merge the commitment of ``step_id`` with every commitment one of whose steps matches."""
    row = w(conn, "SELECT * FROM kb_commitment_steps WHERE id = :s", s=step_id).first()
    if row is None or row.actor_id is None:
        return
    mine = _step_report(row)
    # Only another article follows a commitment up (a restatement in the same one is not news).
    others = w(conn, "SELECT * FROM kb_commitment_steps WHERE actor_id = :a AND commitment_id "
               "!= :c AND doc_id != :d", a=row.actor_id, c=row.commitment_id, d=row.doc_id).all()
    found = {o.commitment_id for o in others if commitment_steps_match(mine, _step_report(o))}
    if not found:
        return
    keep = min(found | {row.commitment_id})
    gone = sorted((found | {row.commitment_id}) - {keep})
    w(conn, "UPDATE kb_commitment_steps SET commitment_id = :k WHERE commitment_id IN :g",
      k=keep, g=gone)
    w(conn, "DELETE FROM kb_commitment_sectors WHERE commitment_id IN :g", g=gone)
    w(conn, "DELETE FROM kb_commitments WHERE id IN :g", g=gone)
    for other in gone:
        _fts_drop(conn, "commitment", other, other)
        touched.commitments.discard(other)
    touched.commitments.add(keep)


def _statuses_after_events(conn: Any, touched: _Touched) -> None:
    """Check the touched events against the commitments of their participants that they
    could realise (open ones, or fulfilled ones whose fulfilling event is later): older
    events were checked when they, or the commitment, last changed."""
    events = sorted(touched.events)
    if not events:
        return
    rows = w(conn, "SELECT DISTINCT c.id, c.fulfilled_by, c.actor_id, c.counterpart_id, c.kind, "
             "c.sectors, c.first_date AS step_date FROM kb_event_links l JOIN kb_events e "
             "ON e.id = l.event_id JOIN kb_commitments c ON (c.actor_id = l.entity_id OR "
             "c.counterpart_id = l.entity_id) LEFT JOIN kb_events f ON f.id = c.fulfilled_by "
             "WHERE l.event_id IN :ev AND l.role = 'participant' AND e.type IN :t AND "
             "c.first_date < e.sort_date AND (f.id IS NULL OR e.sort_date < f.sort_date)",
             ev=events, t=_FULFILLING_TYPES).all()
    for row in rows:
        if row.id not in touched.commitments:
            only = events + ([row.fulfilled_by] if row.fulfilled_by else [])
            _check_fulfilment(conn, row, only)


def _check_fulfilment(conn: Any, row: Any, only: list[int]) -> None:
    """Mark the commitment ``row`` (id, actor_id, counterpart_id, kind, sectors, step_date)
    fulfilled if one of the events ``only`` realises it."""
    fulfilled = _fulfilling_event(conn, row, row.counterpart_id, set(_jl(row.sectors)), only)
    if fulfilled:
        w(conn, "UPDATE kb_commitments SET status = 'fulfilled', fulfilled_by = :f WHERE id = :c",
          f=fulfilled, c=row.id)


def _refresh_commitment(conn: Any, commitment_id: int) -> None:
    """Order the steps, label them, and decide the status of one commitment."""
    steps = w(conn, "SELECT s.*, c.sectors AS old_sectors FROM kb_commitment_steps s JOIN "
              "kb_commitments c ON c.id = s.commitment_id WHERE s.commitment_id = :c ORDER BY "
              "s.step_date, s.doc_id, s.idx", c=commitment_id).all()
    if not steps:
        w(conn, "DELETE FROM kb_commitments WHERE id = :c", c=commitment_id)
        w(conn, "DELETE FROM kb_commitment_sectors WHERE commitment_id = :c", c=commitment_id)
        _fts_drop(conn, "commitment", commitment_id, commitment_id)
        return
    wm(conn, "UPDATE kb_commitment_steps SET step = :l WHERE id = :s",
       [dict(l=label, s=step.id) for step, label in zip(steps, step_labels([s.kind for s in steps]))
        if step.step != label])
    first = steps[0]
    counterpart = next((s.counterpart_id for s in steps if s.counterpart_id), None)
    sectors = sorted({x for s in steps for x in _jl(s.sectors)})
    fulfilled = _fulfilling_event(conn, first, counterpart, set(sectors))
    docs = {s.doc_id for s in steps}
    status = "fulfilled" if fulfilled else "repeated" if len(docs) > 1 else "open"
    w(conn, "UPDATE kb_commitments SET actor_id = :a, counterpart_id = :cp, kind = :k, summary = "
      ":s, sectors = :sec, status = :st, first_date = :f, last_date = :l, step_count = :n, "
      "fulfilled_by = :fb WHERE id = :c", a=first.actor_id, cp=counterpart, k=first.kind,
      s=first.summary, sec=json.dumps(sectors), st=status, f=first.step_date,
      l=steps[-1].step_date, n=len(steps), fb=fulfilled, c=commitment_id)
    if _jl(first.old_sectors) != sectors:  # kb_commitment_sectors mirrors the column
        w(conn, "DELETE FROM kb_commitment_sectors WHERE commitment_id = :c", c=commitment_id)
        wm(conn, "INSERT INTO kb_commitment_sectors (commitment_id, sector) VALUES (:c, :s)",
           [dict(c=commitment_id, s=sector) for sector in sectors])
    body = " ".join([first.summary or ""] + sorted({s.evidence or "" for s in steps}))
    fts_put(conn, "commitment", commitment_id, commitment_id, body)


def _fulfilling_event(conn: Any, first: Any, counterpart: int | None, sectors: set[str],
                      only: list[int] | None = None) -> int | None:
    """The earliest later event that realises the commitment, if any (among ``only``).

    An invitation is realised by a visit of the invitee; any other commitment by an
    agreement, visit or meeting of the actor with the counterpart (when named) on a
    shared sector (an agreement may have no sector).
    """
    invitation = first.kind == "invitation"
    who = counterpart if invitation else first.actor_id
    if who is None or not first.step_date:
        return None
    params: dict[str, Any] = {"w": who, "t": ("visit",) if invitation else _FULFILLING_TYPES,
                              "d": first.step_date}
    join = scope = ""
    if counterpart is not None and not invitation:
        join = "JOIN kb_event_links l2 ON l2.event_id = e.id AND l2.entity_id = :cp"
        params["cp"] = counterpart
    if only is not None:
        scope = "AND e.id IN :only"
        params["only"] = only
    rows = w(conn, f"SELECT DISTINCT e.id, e.type, e.sectors, e.sort_date FROM kb_event_links l "
             f"JOIN kb_events e ON e.id = l.event_id {join} WHERE l.entity_id = :w AND l.role = "
             f"'participant' AND e.type IN :t AND e.sort_date > :d {scope} ORDER BY e.sort_date, "
             "e.id LIMIT 200", **params).all()
    for row in rows:
        if realises(row.type, set(_jl(row.sectors)), sectors, invitation):
            return int(row.id)
    return None


def realises(event_type: str, event_sectors: set[str], sectors: set[str], invitation: bool) -> bool:
    """Whether an event of this type and sectors realises a commitment (participants and
    dates already checked). Not a stable API."""
    if invitation:
        return True
    if event_type == "agreement":
        return not sectors or not event_sectors or bool(sectors & event_sectors)
    return bool(sectors & event_sectors)


# --------------------------------------------------------------------------- corrections


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


def apply_corrections(conn: Any, touched: _Touched) -> None:
    """Re-apply recorded manual merges whose two sides are separate entities again."""
    if touched.corrections is not None and "merge" not in touched.corrections:
        return
    rows = w(conn, "SELECT m.kind, m.target, m.other, m.note FROM kb_corrections m WHERE "
             "m.action = 'merge' AND NOT EXISTS (SELECT 1 FROM kb_corrections s WHERE s.action "
             "= 'split' AND s.kind = m.kind AND s.id > m.id AND s.other IN (m.target, m.other)) "
             "ORDER BY m.id").all()  # a later split undoes an earlier merge
    for kind, target, other, note in rows:
        keep, gone = entity_by_name(conn, kind, target), entity_by_name(conn, kind, other)
        if keep and gone and keep != gone:
            merge_into(conn, kind, min(keep, gone), max(keep, gone), touched, doc_id=None,
                       reason=f"manual merge{': ' + note if note else ''}", confidence=1.0)


def new_touched() -> _Touched:
    """An empty change set (for :mod:`passerelle.query.corrections`). Not a stable API."""
    return _Touched()


__all__ = ["integrate_document", "forget_document"]
