"""Full-text search over documents, events, commitments and entities, with facets.

SQLite uses FTS5, PostgreSQL a ``tsvector`` with a GIN index. Both index *folded*
text (lower case, no diacritics), and the query is folded the same way and reduced
to plain word tokens before it reaches the engine, so FTS operators, quotes and SQL
metacharacters in the user's text are inert (and everything is parametrised).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
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
# Above this many matches results come newest first instead of by relevance: ranking
# all matches of a common word took >100 ms at 100k documents (bench/bench_kb.py).
RANK_LIMIT = 1000
# Facets count the first this many matching documents (the page's neighbourhood): the
# grouped counts over 500 documents were half of a search's time on PostgreSQL.
FACET_DOCS = 200
_ENTITY_KINDS = ("person", "organization", "place")
_FACET_TOP = 10


def fts_tokens(text: str) -> list[str]:
    """Plain word tokens of a user query (folded; at most 12)."""
    return fold(text).split()[:12]


def _match_sql(conn: Any, tokens: list[str], ranked: bool) -> tuple[str, str, dict[str, Any]]:
    """SQL counting the matches, and SQL selecting ``kind, ref, doc_id, score`` of them:
    best first when ``ranked``, else newest first (ranking every match of a common word
    costs more than the page is worth)."""
    if conn.dialect.name == "sqlite":
        expr = " AND ".join(f'"{t}"' for t in tokens[:-1]) + (" AND " if len(tokens) > 1 else "")
        expr += f'"{tokens[-1]}"*'
        where = "FROM kb_fts WHERE kb_fts MATCH :m"
        order = "ORDER BY bm25(kb_fts)" if ranked else "ORDER BY rowid DESC"
        score = "-bm25(kb_fts)" if ranked else "0.0"
    else:
        expr = " & ".join(tokens[:-1]) + (" & " if len(tokens) > 1 else "") + f"{tokens[-1]}:*"
        where = "FROM kb_fts WHERE tsv @@ to_tsquery('simple', :m)"
        score = "ts_rank(tsv, to_tsquery('simple', :m))" if ranked else "0.0"
        order = "ORDER BY score DESC" if ranked else "ORDER BY id DESC"
    # Counting stops at RANK_LIMIT + 1: the exact number of matches of a common word
    # costs a scan of all of them and says nothing a reader needs ("1000+").
    return (f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT {RANK_LIMIT + 1}) AS m",
            f"SELECT kind, ref, doc_id, {score} AS score {where} {order} LIMIT :lim", {"m": expr})


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
        person, org, outlet, language: {value: count}}, total, ranked, total_exact}``; facets
        count the first 200 matching documents; ``ranked`` is false when a very common
        query is answered newest first; then ``total`` stops at 1,000 and ``total_exact``
        is false (show "1000+").
    """
    f = Filters.of(filters)
    tokens = fts_tokens(q)
    if not tokens:
        return {"results": [], "facets": {}, "total": 0}
    with reading(db) as conn:
        count, _, params = _match_sql(conn, tokens, True)
        matches = int(_sql(conn, count, **params).scalar() or 0)
        _, sql, params = _match_sql(conn, tokens, matches <= RANK_LIMIT)
        hits = _sql(conn, sql, lim=MAX_MATCHES, **params).all()
        kept = _filter_hits(conn, hits, f, kinds)
        page = kept[offset:offset + limit]
        results = _describe(conn, page, tokens)
        doc_ids = [h.ref for h in kept if h.kind == "document"]
        complete = len(hits) < MAX_MATCHES  # every match was read
        if complete or f.active() or kinds:
            total, exact = len(kept), complete
        else:
            total, exact = min(matches, RANK_LIMIT), matches <= RANK_LIMIT
        facets = _facets(conn, doc_ids[:FACET_DOCS])
        return {"results": results, "facets": facets, "total": total,
                "ranked": matches <= RANK_LIMIT, "total_exact": exact}


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
        typed = refs if kind == "document" else [int(r) for r in refs]
        w.add(f"{alias}.{key} IN ({_json_list(conn, kind != 'document')})", refs=json.dumps(typed))
        allowed[kind] = {str(r[0]) for r in _sql(conn, f"SELECT {alias}.{key} FROM {table} {alias} "
                                                    f"{w.sql()}", **w.params)}
    return [h for h in hits if h.kind in allowed and h.ref in allowed[h.kind]]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return unidecode(ch).lower()


def _json_list(conn: Any, integers: bool) -> str:
    """A sub-select of the values of the JSON array parameter ``:refs`` (one bound value
    instead of hundreds: PostgreSQL's driver parsed each long ``IN`` list anew)."""
    if conn.dialect.name == "postgresql":
        value = "json_array_elements_text(CAST(:refs AS json))"
        return f"SELECT CAST({value} AS BIGINT)" if integers else f"SELECT {value}"
    return "SELECT value FROM json_each(:refs)"


def _folded_with_offsets(body: str) -> tuple[str, list[int] | range]:
    """``body`` lower-cased with diacritics removed, and the offset in ``body`` of each
    folded character (ASCII runs are copied whole: only other characters are looked up)."""
    if body.isascii():
        return body.lower(), range(len(body))
    folded: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _NON_ASCII.finditer(body):
        at = m.start()
        folded.append(body[pos:at].lower())
        where.extend(range(pos, at))
        piece = _fold_char(m.group())
        folded.append(piece)
        where.extend([at] * len(piece))
        pos = at + 1
    folded.append(body[pos:].lower())
    where.extend(range(pos, len(body)))
    return "".join(folded), where


def snippet(body: str, tokens: list[str], width: int = 160) -> str:
    """A window of ``body`` around the first token found (diacritics-insensitive)."""
    body = body[:20000]
    flat, where = _folded_with_offsets(body)
    hits = [flat.find(t) for t in tokens]
    hit = min((h for h in hits if h >= 0), default=-1)
    if hit < 0:
        return body[:width].strip()
    start = max(0, where[hit] - width // 3)
    cut = body[start:start + width].strip()
    return ("…" if start else "") + cut + ("…" if start + width < len(body) else "")


def _describe(conn: Any, hits: list[Any], tokens: list[str]) -> list[dict[str, Any]]:
    """Result dicts for a page of hits, loaded kind by kind (a few queries per page)."""
    from passerelle.query.entities import commitment_dicts
    from passerelle.query.timeline import event_dicts

    refs: dict[str, list[str]] = {}
    for h in hits:
        refs.setdefault("entity" if h.kind in _ENTITY_KINDS else h.kind, []).append(h.ref)
    items: dict[tuple[str, str], dict[str, Any]] = {}
    for d in _documents(conn, refs.get("document", []), tokens):
        items[("document", str(d["id"]))] = d
    for ev in event_dicts(conn, [int(r) for r in refs.get("event", [])]):
        items[("event", str(ev["id"]))] = _event_item(ev, tokens)
    for c in commitment_dicts(conn, [int(r) for r in refs.get("commitment", [])]):
        items[("commitment", str(c["id"]))] = _commitment_item(c, tokens)
    for e in _entities(conn, [int(r) for r in refs.get("entity", [])]):
        items[(e.pop("kind"), str(e["id"]))] = e
    return [dict(items[(h.kind, h.ref)], kind=h.kind, score=round(float(h.score), 4))
            for h in hits if (h.kind, h.ref) in items]


def _documents(conn: Any, refs: list[str], tokens: list[str]) -> list[dict[str, Any]]:
    if not refs:
        return []
    rows = _sql(conn, "SELECT k.doc_id, k.title, k.url, k.outlet, k.published, k.language, "
                "d.body FROM kb_docs k LEFT JOIN documents d ON d.id = k.doc_id WHERE k.doc_id "
                "IN :d", d=refs)
    return [{"id": r.doc_id, "title": r.title or r.doc_id, "url": r.url, "outlet": r.outlet,
             "published": r.published, "language": r.language,
             "snippet": snippet(r.body or "", tokens)} for r in rows]


def _event_item(ev: dict[str, Any], tokens: list[str]) -> dict[str, Any]:
    who = ", ".join(p["name"] for p in ev["participants"][:3])
    where = f" in {ev['place']['name']}" if ev["place"] else ""
    evidence = " ".join(s["evidence"] or "" for s in ev["sources"][:3])
    return dict(ev, title=f"{ev['type']}: {who}{where}", snippet=snippet(evidence, tokens))


def _commitment_item(c: dict[str, Any], tokens: list[str]) -> dict[str, Any]:
    evidence = " ".join(step["evidence"] or "" for step in c["trail"][:3])
    actor = c["actor"]["name"] if c["actor"] else "?"
    return dict(c, title=f"{c['kind']} by {actor}: {c['summary']}",
                snippet=snippet(evidence, tokens))


def _entities(conn: Any, ids: list[int]) -> list[dict[str, Any]]:
    rows = _sql(conn, "SELECT id, kind, name, country, doc_count FROM kb_entities WHERE id IN :i "
                "AND merged_into IS NULL", i=ids or [-1])
    return [{"id": r.id, "kind": r.kind, "title": r.name, "name": r.name, "country": r.country,
             "doc_count": r.doc_count, "snippet": f"{r.kind}, {r.doc_count} article(s)"}
            for r in rows]


# Facets of the matching documents in one round trip: the ids travel as one JSON
# parameter (not 500 bound values), each branch groups one facet.
_FACETS_SQL = """
WITH d AS ({ids})
SELECT 'outlet' AS facet, outlet AS value, NULL AS country, COUNT(*) AS n FROM kb_docs
 WHERE doc_id IN (SELECT doc_id FROM d) AND outlet IS NOT NULL GROUP BY outlet
UNION ALL
SELECT 'language', language, NULL, COUNT(*) FROM kb_docs
 WHERE doc_id IN (SELECT doc_id FROM d) AND language IS NOT NULL GROUP BY language
UNION ALL
SELECT 'sector', sector, NULL, COUNT(*) FROM kb_doc_sectors
 WHERE doc_id IN (SELECT doc_id FROM d) GROUP BY sector
UNION ALL
SELECT x.kind, x.name, x.country, COUNT(DISTINCT n.doc_id) FROM kb_names n
  JOIN kb_entities x ON x.id = n.entity_id
 WHERE n.doc_id IN (SELECT doc_id FROM d) GROUP BY x.id, x.kind, x.name, x.country
"""
_IDS = {"sqlite": "SELECT value AS doc_id FROM json_each(:d)",
        "postgresql": "SELECT json_array_elements_text(CAST(:d AS json)) AS doc_id"}


def _facets(conn: Any, doc_ids: list[str]) -> dict[str, dict[str, int]]:
    """Counts of the matching documents by sector, country, entity, outlet, language."""
    facets: dict[str, dict[str, int]] = {k: {} for k in ("sector", "country", "place", "person",
                                                          "org", "outlet", "language")}
    if not doc_ids:
        return facets
    sql = _FACETS_SQL.format(ids=_IDS.get(conn.dialect.name, _IDS["sqlite"]))
    plain: dict[str, dict[str, int]] = {"outlet": {}, "language": {}, "sector": {}}
    names = {"person": Counter(), "organization": Counter(), "place": Counter()}
    countries: Counter[str] = Counter()
    for facet, value, country, n in _sql(conn, sql, d=json.dumps(doc_ids)):
        if facet in plain:
            plain[facet][value] = n
            continue
        names[facet][value] += n
        if facet == "place" and country:
            countries[country] += n
    facets.update({k: _top(v) for k, v in plain.items()})
    facets.update(place=_top(names["place"]), person=_top(names["person"]),
                  org=_top(names["organization"]), country=_top(countries))
    return facets


def _top(counts: dict[str, int]) -> dict[str, int]:
    best = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:_FACET_TOP]
    return dict(best)
