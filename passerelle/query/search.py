"""Full-text search over documents, events, commitments and entities, with facets.

SQLite uses FTS5, PostgreSQL a ``tsvector`` with a GIN index. Both index *folded*
text (lower case, no diacritics), and the query is folded the same way and reduced
to plain word tokens before it reaches the engine, so FTS operators, quotes and SQL
metacharacters in the user's text are inert (and everything is parametrised).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from unidecode import unidecode

from passerelle.query.filters import (
    Filters,
    commitment_where,
    document_where,
    event_where,
    reading,
)
from passerelle.resolve.normalize import fold
from passerelle.store.knowledge import q as _sql

# Matches considered per search before filtering and paging: enough for facets and
# any page a person reads; keeps p95 bounded on 100k documents.
MAX_MATCHES = 500
_ENTITY_KINDS = ("person", "organization", "place")
_FACET_TOP = 10


def fts_tokens(text: str) -> list[str]:
    """Plain word tokens of a user query (folded; at most 12)."""
    return fold(text).split()[:12]


def _match_sql(conn: Any, tokens: list[str]) -> tuple[str, dict[str, Any]]:
    """SQL selecting ``kind, ref, doc_id, score`` of the matches, best first."""
    if conn.dialect.name == "sqlite":
        expr = " AND ".join(f'"{t}"' for t in tokens[:-1]) + (" AND " if len(tokens) > 1 else "")
        expr += f'"{tokens[-1]}"*'
        return ("SELECT kind, ref, doc_id, -bm25(kb_fts) AS score FROM kb_fts WHERE kb_fts MATCH "
                ":m ORDER BY bm25(kb_fts) LIMIT :lim", {"m": expr})
    expr = " & ".join(tokens[:-1]) + (" & " if len(tokens) > 1 else "") + f"{tokens[-1]}:*"
    return ("SELECT kind, ref, doc_id, ts_rank(tsv, to_tsquery('simple', :m)) AS score FROM "
            "kb_fts WHERE tsv @@ to_tsquery('simple', :m) ORDER BY score DESC LIMIT :lim",
            {"m": expr})


def search(db: Any, q: str, *, limit: int = 20, offset: int = 0,
           kinds: list[str] | None = None, **filters: Any) -> dict[str, Any]:
    """Search everything for ``q``.

    Args:
        db: the ``Database``.
        q: words to find (diacritics and case ignored; the last word may be a prefix).
        limit: page size.
        offset: results to skip.
        kinds: restrict to some of ``document, event, commitment, person, organization,
            place``.
        **filters: as :func:`passerelle.query.timeline`; with any filter set, people,
            organisations and places are left out of the results.

    Returns:
        ``{results: [{kind, id, title, snippet, score, ...}], facets: {sector, country, place,
        person, org, outlet, language: {value: count}}, total}``.
    """
    f = Filters.of(filters)
    tokens = fts_tokens(q)
    if not tokens:
        return {"results": [], "facets": {}, "total": 0}
    with reading(db) as conn:
        sql, params = _match_sql(conn, tokens)
        hits = _sql(conn, sql, lim=MAX_MATCHES, **params).all()
        kept = _filter_hits(conn, hits, f, kinds)
        page = kept[offset:offset + limit]
        results = _describe(conn, page, tokens)
        doc_ids = [h.ref for h in kept if h.kind == "document"]
        return {"results": results, "facets": _facets(conn, doc_ids), "total": len(kept)}


def _filter_hits(conn: Any, hits: list[Any], f: Filters, kinds: list[str] | None) -> list[Any]:
    hits = [h for h in hits if not kinds or h.kind in kinds]
    if not f.active():
        return hits
    allowed: dict[str, set[str]] = {}
    for kind, table, alias, make in (("document", "kb_docs", "d", document_where),
                                     ("event", "kb_events", "e", event_where),
                                     ("commitment", "kb_commitments", "c", commitment_where)):
        refs = [h.ref for h in hits if h.kind == kind]
        if not refs:
            continue
        key = "doc_id" if kind == "document" else "id"
        w = make(conn, f, alias)
        w.add(f"{alias}.{key} IN :refs", refs=refs if kind == "document" else [int(r) for r in refs])
        allowed[kind] = {str(r[0]) for r in _sql(conn, f"SELECT {alias}.{key} FROM {table} {alias} "
                                                    f"{w.sql()}", **w.params)}
    return [h for h in hits if h.kind in allowed and h.ref in allowed[h.kind]]


def snippet(body: str, tokens: list[str], width: int = 160) -> str:
    """A window of ``body`` around the first token found (diacritics-insensitive)."""
    folded, where = [], []
    for i, ch in enumerate(body):
        piece = unidecode(ch).lower()
        folded.append(piece)
        where.extend([i] * len(piece))
    flat = "".join(folded)
    hit = min((flat.find(t) for t in tokens if flat.find(t) >= 0), default=-1)
    if hit < 0:
        return body[:width].strip()
    start = max(0, where[hit] - width // 3)
    cut = body[start:start + width].strip()
    return ("…" if start else "") + cut + ("…" if start + width < len(body) else "")


def _describe(conn: Any, hits: list[Any], tokens: list[str]) -> list[dict[str, Any]]:
    out = []
    for h in hits:
        maker = _DESCRIBERS[h.kind]
        item = maker(conn, h.ref, tokens)
        if item is not None:
            out.append(dict(item, kind=h.kind, score=round(float(h.score), 4)))
    return out


def _document(conn: Any, ref: str, tokens: list[str]) -> dict[str, Any] | None:
    row = _sql(conn, "SELECT k.doc_id, k.title, k.url, k.outlet, k.published, k.language, d.body "
            "FROM kb_docs k LEFT JOIN documents d ON d.id = k.doc_id WHERE k.doc_id = :d",
            d=ref).first()
    if row is None:
        return None
    return {"id": row.doc_id, "title": row.title or row.doc_id, "url": row.url,
            "outlet": row.outlet, "published": row.published, "language": row.language,
            "snippet": snippet(row.body or "", tokens)}


def _event(conn: Any, ref: str, tokens: list[str]) -> dict[str, Any] | None:
    from passerelle.query.timeline import event_dicts

    found = event_dicts(conn, [int(ref)])
    if not found:
        return None
    ev = found[0]
    who = ", ".join(p["name"] for p in ev["participants"][:3])
    where = f" in {ev['place']['name']}" if ev["place"] else ""
    evidence = " ".join(s["evidence"] or "" for s in ev["sources"])
    return dict(ev, title=f"{ev['type']}: {who}{where}", snippet=snippet(evidence, tokens))


def _commitment(conn: Any, ref: str, tokens: list[str]) -> dict[str, Any] | None:
    from passerelle.query.entities import commitment_dicts

    found = commitment_dicts(conn, [int(ref)])
    if not found:
        return None
    c = found[0]
    evidence = " ".join(step["evidence"] or "" for step in c["trail"])
    actor = c["actor"]["name"] if c["actor"] else "?"
    return dict(c, title=f"{c['kind']} by {actor}: {c['summary']}",
                snippet=snippet(evidence, tokens))


def _entity(conn: Any, ref: str, tokens: list[str]) -> dict[str, Any] | None:
    row = _sql(conn, "SELECT id, kind, name, country, doc_count, merged_into FROM kb_entities "
            "WHERE id = :i", i=int(ref)).first()
    if row is None or row.merged_into:
        return None
    return {"id": row.id, "title": row.name, "name": row.name, "country": row.country,
            "doc_count": row.doc_count, "snippet": f"{row.kind}, {row.doc_count} article(s)"}


_DESCRIBERS = {"document": _document, "event": _event, "commitment": _commitment,
               "person": _entity, "organization": _entity, "place": _entity}


def _facets(conn: Any, doc_ids: list[str]) -> dict[str, dict[str, int]]:
    """Counts of the matching documents by sector, country, entity, outlet, language."""
    facets: dict[str, dict[str, int]] = {k: {} for k in ("sector", "country", "place", "person",
                                                          "org", "outlet", "language")}
    if not doc_ids:
        return facets
    for col in ("outlet", "language"):
        rows = _sql(conn, f"SELECT {col}, COUNT(*) FROM kb_docs WHERE doc_id IN :d AND {col} IS NOT "
                 f"NULL GROUP BY {col}", d=doc_ids)
        facets[col] = _top(dict(rows.all()))
    facets["sector"] = _top(dict(_sql(conn, "SELECT sector, COUNT(*) FROM kb_doc_sectors WHERE "
                                   "doc_id IN :d GROUP BY sector", d=doc_ids).all()))
    rows = _sql(conn, "SELECT x.kind, x.name, x.country, COUNT(DISTINCT n.doc_id) FROM kb_names n "
             "JOIN kb_entities x ON x.id = n.entity_id WHERE n.doc_id IN :d GROUP BY x.id, x.kind, "
             "x.name, x.country", d=doc_ids).all()
    names = {"person": Counter(), "organization": Counter(), "place": Counter()}
    countries: Counter[str] = Counter()
    for kind, name, country, n in rows:
        names[kind][name] += n
        if kind == "place" and country:
            countries[country] += n
    facets.update(place=_top(names["place"]), person=_top(names["person"]),
                  org=_top(names["organization"]), country=_top(countries))
    return facets


def _top(counts: dict[str, int]) -> dict[str, int]:
    best = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:_FACET_TOP]
    return dict(best)
