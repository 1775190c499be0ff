"""A briefing before a visit: everything the knowledge base knows about a place that an
officer should read before travelling there, every line with its source.

Example::

    >>> brief = briefing(db, "Valras-Plage", visitor="Le Van Son")
    >>> print(render_markdown(brief))
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from passerelle.errors import ConfigError
from passerelle.query.entities import commitments, profile
from passerelle.query.filters import place_ids, reading
from passerelle.query.timeline import timeline
from passerelle.resolve.normalize import fold
from passerelle.store.knowledge import entity_by_name, q

_FOLLOW_UP = ("open", "repeated")


def _src(doc_id: str | None, meta: dict[str, Any], evidence: str | None = None) -> dict[str, Any]:
    m = meta.get(doc_id or "", {})
    return {"document_id": doc_id, "title": m.get("title"), "outlet": m.get("outlet"),
            "published": m.get("published"), "evidence": evidence}


def _meta(conn: Any, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    rows = q(conn, "SELECT doc_id, title, outlet, published FROM kb_docs WHERE doc_id IN :d",
             d=sorted(d for d in doc_ids if d) or ["-"])
    return {r.doc_id: {"title": r.title, "outlet": r.outlet, "published": r.published}
            for r in rows}


def _officials(conn: Any, pids: list[int]) -> list[dict[str, Any]]:
    """People holding an office of the place or of a unit inside it ("Mayor of Lyon",
    "Chairman of the Hanoi People's Committee"), last seen first."""
    forms = {r[0] for r in q(conn, "SELECT DISTINCT name FROM kb_names WHERE entity_id IN :p",
                             p=pids) if r[0] and len(fold(r[0])) >= 3}
    if not forms:
        return []
    likes = {f"p{i}": "%" + f.lower().replace("%", "").replace("_", "") + "%"
             for i, f in enumerate(sorted(forms))}
    cond = " OR ".join(f"LOWER(o.of_name) LIKE :{k}" for k in likes)
    rows = q(conn, "SELECT o.entity_id, o.role, o.of_name, o.published, o.doc_id, o.evidence, "
             "x.name FROM kb_offices o JOIN kb_entities x ON x.id = o.entity_id "
             f"WHERE {cond} ORDER BY o.published", **likes).all()
    words = re.compile("|".join(rf"\b{re.escape(fold(f))}\b" for f in forms))
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for r in rows:
        if not words.search(fold(r.of_name or "")):
            continue
        item = out.setdefault((r.entity_id, r.role), {
            "id": r.entity_id, "name": r.name, "role": r.role, "of": r.of_name,
            "first_seen": None, "last_seen": None, "sources": []})
        item["first_seen"] = min(filter(None, [item["first_seen"], r.published]), default=None)
        item["last_seen"] = max(filter(None, [item["last_seen"], r.published]), default=None)
        item["sources"].append((r.doc_id, r.evidence))
    return sorted(out.values(), key=lambda o: (_neg(o["last_seen"]), o["name"]))


def _event_line(e: dict[str, Any]) -> dict[str, Any]:
    return {"id": e["id"], "type": e["type"],
            "date": e["start"] or (e["sources"][0]["published"] if e["sources"] else None),
            "participants": [p["name"] for p in e["participants"]],
            "place": e["place"]["name"] if e["place"] else None, "sectors": e["sectors"],
            "sources": [{k: s.get(k) for k in ("document_id", "title", "outlet", "published",
                                               "evidence")} for s in e["sources"]]}


def _commitment_line(c: dict[str, Any]) -> dict[str, Any]:
    return {"id": c["id"], "kind": c["kind"], "status": c["status"], "summary": c["summary"],
            "actor": (c["actor"] or {}).get("name"),
            "counterpart": (c["counterpart"] or {}).get("name"), "sectors": c["sectors"],
            "first_date": c["first_date"], "last_date": c["last_date"],
            "trail": [{k: t.get(k) for k in ("step", "date", "document_id", "title", "outlet",
                                             "evidence")} for t in c["trail"]]}


def _commitments(db: Any, place: int, officials: list[int], orgs: list[int]) -> list[Any]:
    found: dict[int, dict[str, Any]] = {}
    batches = [commitments(db, place=place)]
    batches += [commitments(db, person=p) for p in officials]
    batches += [commitments(db, org=o) for o in orgs]
    for batch in batches:
        for c in batch:
            found.setdefault(c["id"], c)
    return sorted(found.values(), key=lambda c: (c["status"] not in _FOLLOW_UP,
                                                 _neg(c["last_date"]), c["id"]))


def _neg(date: str | None) -> str:
    """Sort key putting the newest date first."""
    return "".join(chr(255 - ord(ch)) for ch in (date or "0000"))


def _organisations(conn: Any, events: list[dict[str, Any]], meta: dict[str, Any],
                   place_country: str | None, docs: list[str]) -> list[dict[str, Any]]:
    """Organisations met at events there, then those of the place's country named in its
    articles."""
    out: dict[int, dict[str, Any]] = {}
    for e in events:
        for p in e["participants"]:
            if p["kind"] == "organization":
                item = out.setdefault(p["id"], {"id": p["id"], "name": p["name"],
                                                "relation": "met at an event there", "sources": []})
                item["sources"] += [s["document_id"] for s in e["sources"]]
    for r in q(conn, "SELECT DISTINCT x.id, x.name, x.subkind, n.doc_id FROM kb_names n JOIN "
               "kb_entities x ON x.id = n.entity_id WHERE n.doc_id IN :d AND n.kind = "
               "'organization' AND x.merged_into IS NULL AND x.country = :c ORDER BY x.name",
               d=docs or ["-"], c=place_country or "-"):
        item = out.setdefault(r.id, {"id": r.id, "name": r.name,
                                     "relation": "named in articles about the place",
                                     "sources": []})
        item["sources"].append(r.doc_id)
    for item in out.values():
        item["sources"] = [_src(d, meta) for d in sorted(set(item["sources"]))]
    return list(out.values())


def _contacts(db: Any, conn: Any, visitor: str, officials: list[dict[str, Any]]) -> dict[str, Any]:
    """The visitor's past events with the officials of the place, newest first."""
    vid = entity_by_name(conn, "person", visitor)
    if vid is None:
        raise ConfigError(f"no person named {visitor!r} in the knowledge base",
                          hint="list people with `passerelle people --q NAME`")
    name = q(conn, "SELECT name FROM kb_entities WHERE id = :i", i=vid).scalar()
    contacts = []
    events = timeline(db, person=vid, limit=200)
    for o in {o["id"]: o for o in officials}.values():
        if o["id"] == vid:
            continue
        shared = [_event_line(e) for e in events
                  if any(p["id"] == o["id"] for p in e["participants"])]
        if shared:
            contacts.append({"id": o["id"], "name": o["name"], "events": shared})
    return {"id": vid, "name": name, "contacts": contacts}


def briefing(db: Any, place: str | int, *, visitor: str | None = None) -> dict[str, Any]:
    """Everything to read before a visit to ``place``, every line with its source.

    Args:
        db: the ``Database``.
        place: a knowledge-base place (id or any name).
        visitor: the person travelling (id or name): adds their past contacts with the
            officials of the place.

    Returns:
        ``{place {id, name, country, kind, lat, lon, geonames_id, hierarchy},
        officials [{id, name, role, of, first_seen, last_seen, sources}],
        events [{id, type, date, participants, place, sectors, sources}] (newest first),
        follow_ups [commitment: {id, kind, status, summary, actor, counterpart, sectors,
        first_date, last_date, trail [{step, date, document_id, title, outlet,
        evidence}]}] (open and repeated), fulfilled [commitment], sectors [{sector,
        count}], organizations [{id, name, relation, sources}], visitor {id, name,
        contacts [{id, name, events}]} | None, partners [top 3 of
        passerelle.query.partners], sources [{document_id, title, outlet, published}]}``;
        every ``sources`` item is ``{document_id, title, outlet, published, evidence}``.

    Raises:
        ConfigError: if the place (or the visitor) is unknown.
    """
    prof = profile(db, "place", place)
    with reading(db) as conn:
        pids = place_ids(conn, prof["id"])
        events = timeline(db, place=prof["id"], limit=100)
        officials = _officials(conn, pids)
        docs = [s["document_id"] for s in prof["sources"]]
        meta = _meta(conn, set(docs) | {d for o in officials for d, _ in o["sources"]})
        orgs = _organisations(conn, events, meta, prof["country"], docs)
        for o in officials:
            o["sources"] = [_src(d, meta, e) for d, e in o["sources"]]
        coms = _commitments(db, prof["id"], [o["id"] for o in officials],
                            [o["id"] for o in orgs])
        contact = _contacts(db, conn, visitor, officials) if visitor else None
    return {
        "place": {"id": prof["id"], "name": prof["name"], "country": prof["country"],
                  "kind": prof["subkind"], "lat": prof.get("lat"), "lon": prof.get("lon"),
                  "geonames_id": prof.get("geonames_id"),
                  "hierarchy": [prof["name"], *prof.get("parents", [])]},
        "officials": officials,
        "events": [_event_line(e) for e in events],
        "follow_ups": [_commitment_line(c) for c in coms if c["status"] in _FOLLOW_UP],
        "fulfilled": [_commitment_line(c) for c in coms if c["status"] not in _FOLLOW_UP],
        "sectors": _sector_counts(events, coms),
        "organizations": orgs,
        "visitor": contact,
        "partners": _partners(db, prof["id"]),
        "sources": [{k: s.get(k) for k in ("document_id", "title", "outlet", "published")}
                    for s in prof["sources"]],
    }


def _sector_counts(events: list[Any], coms: list[Any]) -> list[dict[str, Any]]:
    counts = Counter(s for e in events for s in e["sectors"])
    counts.update(s for c in coms for s in c["sectors"])
    ranked = sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    return [{"sector": s, "count": n} for s, n in ranked]


def _partners(db: Any, place_id: int) -> list[dict[str, Any]]:
    from passerelle.query.partners import partners

    try:
        return partners(db, place_id, limit=3)
    except ConfigError:  # no other country linked yet
        return []


# ----------------------------------------------------------------- rendering


def _cite(s: dict[str, Any]) -> str:
    bits = [s.get("document_id") or "?", s.get("title"), s.get("outlet"),
            s.get("published") or s.get("date")]
    return "[" + ", ".join(str(b) for b in bits if b) + "]"


def _cites(sources: list[dict[str, Any]], top: int = 3) -> str:
    return " ".join(_cite(s) for s in sources[:top]) or "[no source]"


def _md_place(b: dict[str, Any]) -> list[str]:
    p = b["place"]
    lines = [f"# Briefing: {p['name']}", "", " ⊂ ".join(p["hierarchy"])]
    if p["lat"] is not None:
        lines[-1] += f" ({p['lat']:.3f}, {p['lon']:.3f})"
    return lines


def _md_commitment(c: dict[str, Any]) -> list[str]:
    who = c["actor"] or "?"
    to = f" → {c['counterpart']}" if c["counterpart"] else ""
    lines = [f"- **{c['status']}** {c['kind']}: {who}{to}: {c['summary'] or ''} "
             f"(since {c['first_date'] or '?'}, last {c['last_date'] or '?'}) "
             f"[{', '.join(dict.fromkeys(t['document_id'] or '?' for t in c['trail']))}]"]
    for t in c["trail"]:
        lines.append(f"  - {t['step']} {t['date'] or ''}: “{t['evidence'] or ''}” {_cite(t)}")
    return lines


def render_markdown(brief: dict[str, Any]) -> str:
    """The briefing as a Markdown document, every line with its source.

    Args:
        brief: what :func:`briefing` returned.

    Returns:
        Markdown text.
    """
    b = brief
    out = _md_place(b)
    out += ["", "## Officials"] + ([
        f"- {o['name']}, {o['role']} of {o['of']} (seen {o['first_seen']} – {o['last_seen']}) "
        f"{_cites(o['sources'])}" for o in b["officials"]] or ["- none known"])
    out += ["", "## Past visits and meetings (newest first)"] + ([
        f"- {e['date'] or '?'} {e['type']}: {', '.join(e['participants']) or '?'}"
        f"{' — ' + ', '.join(e['sectors']) if e['sectors'] else ''} {_cites(e['sources'])}"
        for e in b["events"]] or ["- none recorded"])
    out += ["", "## Follow-ups to raise (open and repeated commitments)"]
    out += [line for c in b["follow_ups"] for line in _md_commitment(c)] or ["- none"]
    if b["fulfilled"]:
        out += ["", "## Commitments already fulfilled"]
        out += [line for c in b["fulfilled"] for line in _md_commitment(c)]
    out += ["", "## Sectors discussed", ", ".join(f"{s['sector']} ({s['count']})"
                                                for s in b["sectors"]) or "none"]
    out += ["", "## Organisations"] + ([f"- {o['name']} ({o['relation']}) {_cites(o['sources'])}"
                                        for o in b["organizations"]] or ["- none known"])
    if b["visitor"]:
        v = b["visitor"]
        out += ["", f"## {v['name']}'s past contacts here"]
        out += [f"- {c['name']}: {e['date'] or '?'} {e['type']} {_cites(e['sources'])}"
                for c in v["contacts"] for e in c["events"]] or ["- none recorded"]
    out += ["", "## Partner candidates"] + ([
        f"- {p['name']} ({p['country']}, score {p['score']}"
        f"{', ' + ', '.join(p['flags']) if p['flags'] else ''}): "
        + "; ".join(r["text"] for r in p["reasons"][:4]) for p in b["partners"]] or ["- none"])
    out += ["", "## Sources"] + [f"- {_cite(s)}" for s in b["sources"]]
    return "\n".join(out)


def render_html(brief: dict[str, Any]) -> str:
    """The briefing as a standalone HTML page (the Markdown lines, escaped).

    Args:
        brief: what :func:`briefing` returned.

    Returns:
        HTML text.
    """
    body = []
    for line in render_markdown(brief).splitlines():
        text = html.escape(line.lstrip("#- ").replace("**", ""))
        if line.startswith("# "):
            body.append(f"<h1>{text}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{text}</h2>")
        elif line.lstrip().startswith("- "):
            nested = ' class="step"' if line.startswith("  ") else ""
            body.append(f"<p{nested}>• {text}</p>")
        elif line:
            body.append(f"<p>{text}</p>")
    title = html.escape(brief["place"]["name"])
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Briefing: "
            f"{title}</title><style>.step{{margin-left:2em}}</style></head><body>"
            + "\n".join(body) + "</body></html>")


__all__ = ["briefing", "render_html", "render_markdown"]
