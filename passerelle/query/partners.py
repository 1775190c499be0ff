"""Partner localities with similar conditions: rank the places of another country by how
much they resemble one place, with the reasons and the sources of each reason.

A place is described by what the gazetteer says (kind, population, enclosing units,
hence its natural region) and by what the knowledge base's articles attach to it: the
sectors of its events, commitments and documents, and "concern" words (coastal erosion,
sea-level rise, tourism, wine...) in the sentences that name it. Candidates are the
places of the other country in the knowledge base, plus gazetteer localities of similar
kind and size (flagged ``coverage: false``: "no coverage yet"), so that the function is
useful on a small knowledge base too.

Example::

    >>> best = partners(db, "Valras-Plage", country="VN", limit=3)[0]
    >>> [r["text"] for r in best["reasons"]][:2]
    ['both: coastal erosion', 'both: tourism']
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from passerelle.errors import ConfigError
from passerelle.extract.base import split_sentences
from passerelle.geo import gazetteer
from passerelle.query.filters import reading
from passerelle.resolve.normalize import fold
from passerelle.store.knowledge import entity_by_name, q

# Concern words, folded (lower case, no diacritics, punctuation as spaces); EN, FR, VI.
CONCERNS: dict[str, tuple[str, ...]] = {
    "coastal erosion": (r"erosion", r"xoi lo", r"sat lo bo bien", r"recul du trait de cote"),
    "sea-level rise": (r"sea level", r"niveau de la mer", r"montee des eaux", r"nuoc bien dang"),
    "flooding": (r"flood", r"inondation", r"ngap lut", r"lu lut", r"submersion"),
    "salinity intrusion": (r"salinit", r"saltwater", r"salinisation", r"xam nhap man"),
    "drought": (r"drought", r"secheresse", r"han han"),
    "tourism": (r"touris", r"du lich", r"station balneaire", r"holiday maker", r"vacanc"),
    "wine": (r"\bwines?\b", r"\bvins?\b", r"vignoble", r"vineyard", r"viticult", r"ruou vang",
             r"winegrow", r"vigneron"),
    "agriculture": (r"agricult", r"\bfarm", r"\brice\b", r"\briz\b", r"nong nghiep",
                    r"agricole", r"crops?\b"),
    "fisheries": (r"fisher", r"fishing", r"seafood", r"\bpeche\b", r"thuy san", r"hai san",
                  r"aquacult", r"oyster", r"huitre"),
    "universities": (r"universit", r"dai hoc", r"\bcampus"),
    "aerospace": (r"aerospace", r"aeronaut", r"aircraft", r"airbus", r"\bspace industry",
                  r"hang khong"),
    "port and shipping": (r"\bport\b", r"harbou?r", r"cang bien", r"shipping", r"maritime"),
    "renewable energy": (r"renewable", r"wind farm", r"wind power", r"solar", r"eolien",
                         r"solaire", r"nang luong tai tao"),
    "heritage": (r"heritage", r"patrimoine", r"di san", r"unesco"),
}
# Natural-region words in the articles (same folding).
REGION_WORDS: dict[str, tuple[str, ...]] = {
    "coastal": (r"\bcoast", r"seaside", r"\bbeach", r"littoral", r"\bcotier", r"\bcotiere",
                r"ven bien", r"bo bien", r"bord de mer", r"\bplage"),
    "delta": (r"\bdelta\b", r"dong bang song"),
    "mountain": (r"mountain", r"montagn", r"highland", r"mien nui", r"vung cao", r"cao nguyen"),
}
_COMPILED = {k: re.compile("|".join(v)) for k, v in {**CONCERNS, **REGION_WORDS}.items()}

# Enclosing units (folded) that put a place in a natural region. Vietnam: provinces before
# and after the 2025 merger; a merged province mostly inland counts only inside a box.
_COASTAL_UNITS = {
    "VN": """quang ninh|hai phong|thai binh|nam dinh|ninh binh|thanh hoa|nghe an|ha tinh|
        quang binh|quang tri|thua thien hue|hue|da nang|quang nam|quang ngai|binh dinh|phu yen|
        khanh hoa|ninh thuan|binh thuan|ba ria vung tau|ho chi minh city|ho chi minh|tien giang|
        ben tre|tra vinh|soc trang|bac lieu|ca mau|kien giang|vinh long|can tho|an giang|
        dong thap|hung yen""",
    "FR": """nord|pas de calais|somme|seine maritime|eure|calvados|manche|ille et vilaine|
        cotes d armor|finistere|morbihan|loire atlantique|vendee|charente maritime|gironde|
        landes|pyrenees atlantiques|pyrenees orientales|aude|herault|gard|bouches du rhone|var|
        alpes maritimes|haute corse|corse du sud|guadeloupe|martinique|la reunion|mayotte|
        guyane""",
}
_DELTA_UNITS = {
    "VN": """an giang|kien giang|can tho|hau giang|soc trang|bac lieu|ca mau|vinh long|
        tra vinh|ben tre|tien giang|dong thap|long an|hanoi|ha noi|hai duong|hung yen|
        thai binh|nam dinh|ha nam|ninh binh|vinh phuc|bac ninh|hai phong""",
    "FR": "bouches du rhone",
}
_MOUNTAIN_UNITS = {
    "VN": """lao cai|ha giang|son la|lai chau|dien bien|cao bang|lang son|bac kan|
        tuyen quang|yen bai|hoa binh|kon tum|gia lai|dak lak|dak nong|lam dong|thai nguyen|
        phu tho""",
    "FR": """hautes alpes|alpes de haute provence|savoie|haute savoie|isere|hautes pyrenees|
        ariege|cantal|lozere|haute loire|puy de dome|jura|doubs|correze|aveyron""",
}
# Merged Vietnamese provinces with a short coast: (min lat, max lat, min lon) of that coast.
_COAST_BOX = {"gia lai": (12.5, 14.7, 108.8), "dak lak": (12.5, 13.7, 109.0),
              "lam dong": (10.4, 11.5, 107.4), "quang ngai": (14.4, 15.5, 108.6)}
_KIND_WEIGHT, _SIZE_WEIGHT, _REGION_WEIGHT = 0.5, 1.5, 1.5
_CONCERN_WEIGHT, _SECTOR_WEIGHT, _SECTOR_CAP = 2.0, 0.5, 2.0
_TIE_FACTOR = 0.5  # already partners: ranked lower
_LOCALITY_KINDS = ("city", "district", "province")
_BLAND_SECTORS = {"diplomacy"}  # every article of the base is about diplomacy
_MAX_DOCS = 100


def _units(table: dict[str, str]) -> dict[str, frozenset[str]]:
    return {cc: frozenset(u.strip() for u in text.split("|")) for cc, text in table.items()}


_REGION_UNITS = {"coastal": _units(_COASTAL_UNITS), "delta": _units(_DELTA_UNITS),
                 "mountain": _units(_MOUNTAIN_UNITS)}


# ----------------------------------------------------------------- describing a place


def natural_regions(name: str, country: str | None, parents: list[str] | tuple[str, ...],
                    lat: float | None = None, lon: float | None = None) -> dict[str, str]:
    """Natural regions of a place from its enclosing units (our list) and its name.

    Args:
        name: the place's name.
        country: its ISO2 code.
        parents: enclosing units, nearest first.
        lat: latitude, used for merged provinces with a short coast.
        lon: longitude.

    Returns:
        ``{region: why}``, e.g. ``{"coastal": "in Hérault, a coastal unit"}``.
    """
    out: dict[str, str] = {}
    units = [fold(p) for p in parents] + [fold(name)]
    for region, table in _REGION_UNITS.items():
        for unit, shown in zip(units, [*parents, name]):
            if unit in table.get(country or "", ()) and _in_box(region, unit, lat, lon):
                out[region] = f"in {shown}, a {region} unit"
                break
    if "coastal" not in out and re.search(r"\b(plage|sur mer|les bains)\b", fold(name)):
        out["coastal"] = f"{name}: a seaside name"
    return out


def _in_box(region: str, unit: str, lat: float | None, lon: float | None) -> bool:
    box = _COAST_BOX.get(unit) if region == "coastal" else None
    if box is None:
        return True
    if lat is None or lon is None:
        return False
    return box[0] <= lat <= box[1] and lon >= box[2]


def _population(name: str, country: str | None, geonames_id: int | None) -> tuple[int, Any]:
    """(population, gazetteer entry) of a place; 0 when unknown."""
    entries = [e for e in gazetteer.lookup(name, country=country) if e.country == country]
    if geonames_id:
        entries = [e for e in entries if e.geonames_id == geonames_id] or entries
    best = max(entries[:4], key=lambda e: e.population, default=None)
    return (best.population if best and best.kind in ("city", "district") else 0), best


def _source(meta: dict[str, Any], doc_id: str, evidence: str | None) -> dict[str, Any]:
    m = meta.get(doc_id, {})
    return {"document_id": doc_id, "title": m.get("title"), "outlet": m.get("outlet"),
            "published": m.get("published"), "evidence": evidence}


def _doc_meta(conn: Any, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = q(conn, "SELECT doc_id, title, outlet, published FROM kb_docs WHERE doc_id IN :d",
             d=doc_ids or ["-"])
    return {r.doc_id: {"title": r.title, "outlet": r.outlet, "published": r.published}
            for r in rows}


def _forms(conn: Any, entity_id: int) -> list[str]:
    rows = q(conn, "SELECT DISTINCT name FROM kb_names WHERE entity_id = :e", e=entity_id)
    return sorted({r[0] for r in rows if r[0]})


def _docs_of(conn: Any, entity_id: int) -> list[str]:
    rows = q(conn, "SELECT DISTINCT doc_id FROM kb_names WHERE entity_id = :e ORDER BY doc_id "
             "LIMIT :lim", e=entity_id, lim=_MAX_DOCS)
    return [r[0] for r in rows]


def _sole_locality(conn: Any, doc_id: str, entity_id: int) -> bool:
    """Whether ``entity_id`` is the only town/district/province a document names."""
    rows = q(conn, "SELECT DISTINCT n.entity_id FROM kb_names n JOIN kb_entities x ON x.id = "
             "n.entity_id WHERE n.doc_id = :d AND n.kind = 'place' AND x.subkind IN :k",
             d=doc_id, k=list(_LOCALITY_KINDS)).all()
    return [r[0] for r in rows] == [entity_id]


def _about_sentences(conn: Any, entity_id: int, docs: list[str]) -> list[tuple[str, str]]:
    """(doc_id, sentence) pairs that speak of the place: sentences naming it, or every
    sentence of a document where it is the only locality named."""
    forms = [f for f in {fold(x) for x in _forms(conn, entity_id)} if len(f) >= 3]
    pattern = re.compile("|".join(rf"\b{re.escape(f)}\b" for f in forms)) if forms else None
    out = []
    for row in q(conn, "SELECT id, body FROM documents WHERE id IN :d", d=docs or ["-"]):
        whole = _sole_locality(conn, row.id, entity_id)
        for s in split_sentences(row.body or ""):
            if whole or (pattern and pattern.search(fold(s.text))):
                out.append((row.id, s.text.strip()))
    return out


def _words(pairs: list[tuple[str, str]], names: dict[str, Any],
           strip: re.Pattern[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Word -> [(doc_id, sentence)]; ``strip`` removes the place's own names first
    ("Valras-Plage" is no beach word)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for doc_id, sentence in pairs:
        folded = fold(sentence)
        if strip is not None:
            folded = strip.sub(" ", folded)
        for word in names:
            if _COMPILED[word].search(folded):
                found.setdefault(word, []).append((doc_id, sentence))
    return found


def _sectors(conn: Any, entity_id: int, docs: list[str]) -> dict[str, list[tuple[str, str | None]]]:
    """Sector -> [(doc_id, evidence)] from events at the place, commitments naming it and
    the sectors of the documents naming it."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for r in q(conn, "SELECT es.sector, s.doc_id, s.evidence FROM kb_events e JOIN "
               "kb_event_sectors es ON es.event_id = e.id JOIN kb_event_sources s ON "
               "s.event_id = e.id WHERE e.place_id = :p", p=entity_id):
        out.setdefault(r.sector, []).append((r.doc_id, r.evidence))
    for r in q(conn, "SELECT cs.sector, st.doc_id, st.evidence FROM kb_commitment_steps st JOIN "
               "kb_commitment_sectors cs ON cs.commitment_id = st.commitment_id WHERE st.doc_id "
               "IN :d", d=docs or ["-"]):
        out.setdefault(r.sector, []).append((r.doc_id, r.evidence))
    for r in q(conn, "SELECT sector, doc_id FROM kb_doc_sectors WHERE doc_id IN :d",
               d=docs or ["-"]):
        out.setdefault(r.sector, []).append((r.doc_id, None))
    return out


def describe(conn: Any, row: Any) -> dict[str, Any]:
    """What we know of one knowledge-base place (a ``kb_entities`` row).

    Returns:
        ``{id, name, country, kind, population, parents, lat, lon, geonames_id, coverage,
        regions {region: [source]}, concerns {word: [source]}, sectors {slug: [source]},
        docs}``; sources are ``(doc_id, evidence)`` pairs until :func:`partners` dresses
        them.
    """
    parents = json.loads(row.parents or "[]")
    population, entry = _population(row.name, row.country, row.geonames_id)
    if not parents and entry is not None:
        parents = list(entry.parents)
    docs = _docs_of(conn, row.id)
    pairs = _about_sentences(conn, row.id, docs)
    regions = {k: [(None, why)] for k, why in natural_regions(
        row.name, row.country, parents, row.lat, row.lon).items()}
    forms = [re.escape(f) for f in {fold(x) for x in _forms(conn, row.id)} if f]
    strip = re.compile(r"\b(" + "|".join(forms) + r")\b") if forms else None
    for word, found in _words(pairs, REGION_WORDS, strip).items():
        regions.setdefault(word, []).extend(found)
    return {"id": row.id, "name": row.name, "country": row.country,
            "kind": row.subkind or (entry.kind if entry else None), "population": population,
            "parents": parents, "lat": row.lat, "lon": row.lon, "geonames_id": row.geonames_id,
            "coverage": True, "regions": regions, "concerns": _words(pairs, CONCERNS),
            "sectors": _sectors(conn, row.id, docs), "docs": docs}


def describe_entry(entry: Any) -> dict[str, Any]:
    """What the gazetteer alone says of a locality (no knowledge-base coverage yet)."""
    regions = {k: [(None, why)] for k, why in natural_regions(
        entry.name, entry.country, entry.parents, entry.lat, entry.lon).items()}
    return {"id": None, "name": entry.name, "country": entry.country, "kind": entry.kind,
            "population": entry.population if entry.kind in ("city", "district") else 0,
            "parents": list(entry.parents), "lat": entry.lat, "lon": entry.lon,
            "geonames_id": entry.geonames_id, "coverage": False, "regions": regions,
            "concerns": {}, "sectors": {}, "docs": []}


# ----------------------------------------------------------------- candidates


def _target(conn: Any, place: str | int) -> dict[str, Any]:
    entity_id = entity_by_name(conn, "place", place)
    if entity_id is not None:
        row = q(conn, "SELECT * FROM kb_entities WHERE id = :i", i=entity_id).first()
        return describe(conn, row)
    entries = gazetteer.lookup(str(place))
    if not entries:
        raise ConfigError(f"no place named {place!r} in the knowledge base or the gazetteer",
                          hint="list known places with `passerelle places`")
    return describe_entry(entries[0])


def linked_country(conn: Any, target: dict[str, Any]) -> str:
    """The other country most linked to the place: countries of the entities named in the
    documents about it and of the participants of events there.

    Raises:
        ConfigError: when no other country is linked (pass ``country``).
    """
    counts: Counter[str] = Counter()
    if target["docs"]:
        for cc, n in q(conn, "SELECT x.country, COUNT(DISTINCT n.doc_id) FROM kb_names n JOIN "
                       "kb_entities x ON x.id = n.entity_id WHERE n.doc_id IN :d AND x.country "
                       "IS NOT NULL GROUP BY x.country", d=target["docs"]):
            counts[cc] += n
    counts.pop(target["country"], None)
    if not counts:
        raise ConfigError(f"no other country is linked to {target['name']} in the knowledge base",
                          hint="name one with --country (ISO2, e.g. VN)")
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _kb_candidates(conn: Any, country: str, exclude: int | None) -> list[dict[str, Any]]:
    rows = q(conn, "SELECT * FROM kb_entities WHERE kind = 'place' AND merged_into IS NULL AND "
             "country = :c AND subkind IN :k ORDER BY doc_count DESC, id LIMIT 100",
             c=country, k=list(_LOCALITY_KINDS)).all()
    return [describe(conn, r) for r in rows if r.id != exclude]


@lru_cache(maxsize=8)
def _gazetteer_localities(country: str) -> tuple[Any, ...]:
    """Towns and districts of a country with a known population (gazetteer rows).

    Reads the gazetteer's loaded index (``gazetteer._index``): the module has no public
    way to list the places of a country.
    """
    index = gazetteer._index()  # noqa: SLF001
    out = []
    for i, row in enumerate(index.rows):
        if isinstance(row, str):
            parts = row.split("\t", 7)
            if parts[3] != country or parts[2] not in ("city", "district") or not parts[0]:
                continue
        entry = index.entry(i)
        if entry.country == country and entry.kind in ("city", "district") and entry.geonames_id \
                and entry.population > 0:
            out.append(entry)
    return tuple(out)


_HAMLET = re.compile(r"(thon|xa|ap|ban|lang|quan|phuong) ")  # hamlets, wards: not towns
# Centres of metropolises whose wards the gazetteer lists as towns (lat, lon).
_METROPOLES = ((21.028, 105.854), (10.776, 106.701), (48.857, 2.352), (45.764, 4.836),
               (43.296, 5.370))


def _urban_ward(e: Any) -> bool:
    """Whether a gazetteer town lies within 20 km of a metropolis centre (a ward of it)."""
    if e.lat is None or e.lon is None:
        return False
    return any(math.hypot(e.lat - la, (e.lon - lo) * math.cos(math.radians(la))) < 0.18
               for la, lo in _METROPOLES)


def _gazetteer_candidates(target: dict[str, Any], country: str, known: set[str],
                          top: int = 40) -> list[dict[str, Any]]:
    """Gazetteer localities of similar kind and size (and natural region, if any)."""
    pop = target["population"]
    regions = set(target["regions"])
    pool = []
    for e in _gazetteer_localities(country):
        too_far = bool(pop) and not pop / 5 <= e.population <= pop * 5
        if too_far or fold(e.name) in known or _HAMLET.match(fold(e.name)) or _urban_ward(e):
            continue
        tags = set(natural_regions(e.name, e.country, e.parents, e.lat, e.lon))
        if regions and not regions & tags:
            continue
        pool.append(e)
    pool.sort(key=lambda e: (abs(math.log10(max(e.population, 1) / max(pop, 1))), e.name))
    return [describe_entry(e) for e in pool[:top]]


# ----------------------------------------------------------------- scoring


def _ties(conn: Any, target: dict[str, Any], cand: dict[str, Any]) -> list[tuple[str, str]]:
    """(doc_id, sentence) where both places are named together."""
    if not target["id"] or not cand["id"]:
        return []
    shared = sorted(set(target["docs"]) & set(cand["docs"]))
    if not shared:
        return []
    names = [f for f in {fold(x) for x in _forms(conn, cand["id"])} if len(f) >= 3]
    mine = [f for f in {fold(x) for x in _forms(conn, target["id"])} if len(f) >= 3]
    out = []
    for row in q(conn, "SELECT id, body FROM documents WHERE id IN :d", d=shared):
        for s in split_sentences(row.body or ""):
            text = fold(s.text)
            if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) and \
                    any(re.search(rf"\b{re.escape(n)}\b", text) for n in mine):
                out.append((row.id, s.text.strip()))
    return out or [(d, None) for d in shared]


_PARTNER_WORDS = re.compile(r"twin|sister city|jumel|partenari|partnership|ket nghia|"
                            r"cooperation agreement|accord de cooperation|hop tac")


def _reason(kind: str, text: str, weight: float, sources: list[Any]) -> dict[str, Any]:
    return {"kind": kind, "text": text, "weight": round(weight, 3), "sources": sources}


def _size_reason(t: dict[str, Any], c: dict[str, Any]) -> dict[str, Any] | None:
    if not t["population"] or not c["population"]:
        return None
    gap = abs(math.log10(c["population"] / t["population"]))
    if gap > 1:  # more than ten times larger or smaller: no similarity worth saying
        return None
    weight = _SIZE_WEIGHT * (1 - gap / 2)
    return _reason("size", f"population {c['population']:,} vs {t['population']:,} "
                   "(gazetteer)", weight, [])


def _sources_of(t: dict[str, Any], c: dict[str, Any], key: str, word: str, meta: dict[str, Any],
                top: int = 3) -> list[dict[str, Any]]:
    pairs = [p for p in t[key].get(word, [])[:top] + c[key].get(word, [])[:top] if p[0]]
    seen, out = set(), []
    for doc_id, evidence in pairs:
        if (doc_id, evidence) not in seen:
            seen.add((doc_id, evidence))
            out.append(_source(meta, doc_id, evidence))
    return out


def _reasons(conn: Any, t: dict[str, Any], c: dict[str, Any],
             meta: dict[str, Any]) -> list[dict[str, Any]]:
    reasons = []
    if t["kind"] and t["kind"] == c["kind"]:
        reasons.append(_reason("kind", f"both are a {c['kind']}", _KIND_WEIGHT, []))
    size = _size_reason(t, c)
    if size:
        reasons.append(size)
    for region in sorted(set(t["regions"]) & set(c["regions"])):
        why = "; ".join(e for d, e in t["regions"][region][:1] + c["regions"][region][:1]
                        if d is None and e)
        reasons.append(_reason("region", f"both {region}" + (f" ({why})" if why else ""),
                               _REGION_WEIGHT, _sources_of(t, c, "regions", region, meta)))
    for word in sorted(set(t["concerns"]) & set(c["concerns"])):
        reasons.append(_reason("concern", f"both: {word}", _CONCERN_WEIGHT,
                               _sources_of(t, c, "concerns", word, meta)))
    shared = sorted((set(t["sectors"]) & set(c["sectors"])) - _BLAND_SECTORS)
    for sector in shared:
        reasons.append(_reason("sector", f"both discussed: {sector}",
                               min(_SECTOR_WEIGHT, _SECTOR_CAP / len(shared)),
                               _sources_of(t, c, "sectors", sector, meta)))
    return sorted(reasons, key=lambda r: (-r["weight"], r["kind"], r["text"]))


def _candidate(conn: Any, t: dict[str, Any], c: dict[str, Any]) -> dict[str, Any]:
    ties = sorted(_ties(conn, t, c), key=lambda p: not (p[1] and _PARTNER_WORDS.search(
        fold(p[1]))))
    meta = _doc_meta(conn, sorted({d for d in (t["docs"] + c["docs"])}))
    reasons = _reasons(conn, t, c, meta)
    partner = any(e and _PARTNER_WORDS.search(fold(e)) for _, e in ties)
    score = sum(r["weight"] for r in reasons) * (_TIE_FACTOR if partner else 1.0)
    return {"id": c["id"], "name": c["name"], "country": c["country"], "kind": c["kind"],
            "population": c["population"] or None, "parents": c["parents"], "lat": c["lat"],
            "lon": c["lon"], "geonames_id": c["geonames_id"], "coverage": c["coverage"],
            "flags": (["no coverage yet"] if not c["coverage"] else [])
            + (["already partners"] if partner else []) + (["already linked"] if ties and
                                                            not partner else []),
            "score": round(score, 3), "reasons": reasons,
            "concerns": sorted(c["concerns"]), "sectors": sorted(c["sectors"]),
            "regions": sorted(c["regions"]),
            "ties": [_source(meta, d, e) for d, e in ties[:5]], "already_partner": partner}


def partners(db: Any, place: str | int, *, country: str | None = None,
             limit: int = 10) -> list[dict[str, Any]]:
    """Localities of another country ranked by similarity to ``place``, with reasons.

    Args:
        db: the ``Database`` (or an open Connection).
        place: a knowledge-base place (id or any name), else a gazetteer name.
        country: ISO2 of the partner country; default: the other country most linked to
            ``place`` in the knowledge base.
        limit: most candidates returned.

    Returns:
        Best first: ``[{id (None when not in the KB), name, country, kind, population,
        parents, lat, lon, geonames_id, coverage (False: "no coverage yet"), flags,
        score, reasons [{kind: kind|size|region|concern|sector, text, weight,
        sources [{document_id, title, outlet, published, evidence}]}], concerns,
        sectors, regions, ties [source], already_partner}]``. Places already partners
        (a sentence naming both with a twinning/partnership word) have their score
        halved and the flag "already partners".

    Raises:
        ConfigError: if the place is unknown, or no partner country can be chosen.
    """
    with reading(db) as conn:
        target = _target(conn, place)
        cc = (country or "").upper() or linked_country(conn, target)
        cands = _kb_candidates(conn, cc, target["id"])
        known = {fold(c["name"]) for c in cands}
        cands += _gazetteer_candidates(target, cc, known)
        ranked = [_candidate(conn, target, c) for c in cands]
    ranked.sort(key=lambda c: (-c["score"], not c["coverage"], c["name"]))
    for item in ranked:
        item["for"] = {"id": target["id"], "name": target["name"], "country": target["country"]}
    return ranked[:max(0, int(limit))]
