"""Keyword filters shared by the query functions, turned into SQL conditions.

Not a stable API beyond :class:`Filters` itself.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from passerelle.errors import ConfigError
from passerelle.store.knowledge import entity_by_name, q

# Entity filter given but unknown: match nothing rather than everything.
_NOTHING = -1


@dataclass
class Filters:
    """Filters of the list queries; entity filters take an id or a name.

    Attributes:
        place: events at this place or inside it (gazetteer parents), documents naming it.
        person: events / commitments / documents with this person.
        org: likewise for an organisation.
        sector: a sector slug (``passerelle.records.SECTORS``).
        country: ISO 3166-1 alpha-2 of a place or participant.
        date_from: ``YYYY[-MM[-DD]]``, inclusive.
        date_to: ``YYYY[-MM[-DD]]``, inclusive.
        language: ISO 639-1 of a source article.
        outlet: outlet name of a source article.
    """

    place: str | int | None = None
    person: str | int | None = None
    org: str | int | None = None
    sector: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    language: str | None = None
    outlet: str | None = None

    @classmethod
    def of(cls, kwargs: dict[str, Any]) -> Filters:
        """Build from keyword arguments, rejecting unknown names.

        Raises:
            ConfigError: naming the unknown filter and the valid ones.
        """
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise ConfigError(f"unknown filter(s) {', '.join(unknown)}",
                              hint=f"valid filters: {', '.join(sorted(names))}")
        return cls(**{k: v for k, v in kwargs.items() if v not in (None, "")})

    def active(self) -> dict[str, Any]:
        """The filters that are set."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not None}


@contextmanager
def reading(db: Any) -> Iterator[Any]:
    """A read connection on ``db`` (a ``Database``) or an already open Connection."""
    if hasattr(db, "connect") and hasattr(db, "engine"):
        with db.connect() as conn:
            yield conn
    else:
        yield db


def _upper(day: str) -> str:
    """Inclusive upper bound for a partial date: "2025-06" -> "2025-06~"."""
    return day if len(day) >= 10 else day + "~"


def _entity(conn: Any, kind: str, key: str | int) -> int:
    return entity_by_name(conn, kind, key) or _NOTHING


def place_ids(conn: Any, key: str | int) -> list[int]:
    """The place and every known place inside it (by gazetteer parents)."""
    pid = _entity(conn, "place", key)
    names = {str(key)} if pid == _NOTHING else set()
    if pid != _NOTHING:
        names.add(q(conn, "SELECT name FROM kb_entities WHERE id = :i", i=pid).scalar() or "")
    found = [pid]
    for name in sorted(n for n in names if n and not n.isdigit()):
        escaped = json.dumps(name, ensure_ascii=False).replace("%", "").replace("_", "")
        found += [r[0] for r in q(conn, "SELECT id FROM kb_entities WHERE kind = 'place' AND "
                                  "merged_into IS NULL AND parents LIKE :pat",
                                  pat=f"%{escaped}%")]
    return found


class Where:
    """Accumulates SQL conditions and their parameters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, sql: str, **params: Any) -> None:
        self.parts.append(sql)
        self.params.update(params)

    def sql(self, prefix: str = "WHERE") -> str:
        return f"{prefix} " + " AND ".join(self.parts) if self.parts else ""


def event_where(conn: Any, f: Filters, alias: str = "e") -> Where:
    """Conditions on ``kb_events`` (aliased ``alias``) for the filters."""
    w = Where()
    e = alias
    if f.place is not None:
        w.add(f"{e}.place_id IN :f_places", f_places=place_ids(conn, f.place))
    for i, (kind, key) in enumerate((("person", f.person), ("organization", f.org))):
        if key is not None:
            w.add(f"{e}.id IN (SELECT event_id FROM kb_event_links WHERE entity_id = :f_ent{i})",
                  **{f"f_ent{i}": _entity(conn, kind, key)})
    if f.sector:
        w.add(f"{e}.id IN (SELECT event_id FROM kb_event_sectors WHERE sector = :f_sector)",
              f_sector=f.sector)
    if f.country:
        w.add(f"EXISTS (SELECT 1 FROM kb_event_links l JOIN kb_entities n ON n.id = l.entity_id "
              f"WHERE l.event_id = {e}.id AND n.country = :f_country)", f_country=f.country.upper())
    _dates(w, f, f"{e}.sort_date")
    _doc_meta(w, f, "EXISTS (SELECT 1 FROM kb_event_sources s JOIN kb_docs d ON d.doc_id = "
              f"s.doc_id WHERE s.event_id = {e}.id AND {{cond}})")
    return w


def commitment_where(conn: Any, f: Filters, alias: str = "c") -> Where:
    """Conditions on ``kb_commitments`` (aliased ``alias``) for the filters."""
    w = Where()
    c = alias
    for i, (kind, key) in enumerate((("person", f.person), ("organization", f.org))):
        if key is not None:
            w.add(f"({c}.actor_id = :f_ent{i} OR {c}.counterpart_id = :f_ent{i})",
                  **{f"f_ent{i}": _entity(conn, kind, key)})
    if f.place is not None:
        w.add(f"({c}.actor_id IN :f_places OR {c}.counterpart_id IN :f_places OR {c}.id IN "
              "(SELECT st.commitment_id FROM kb_commitment_steps st JOIN kb_names n ON n.doc_id = "
              "st.doc_id WHERE n.entity_id IN :f_places))", f_places=place_ids(conn, f.place))
    if f.sector:
        w.add(f"{c}.id IN (SELECT commitment_id FROM kb_commitment_sectors WHERE sector = "
              ":f_sector)", f_sector=f.sector)
    if f.country:
        w.add(f"{c}.actor_id IN (SELECT id FROM kb_entities WHERE country = :f_country)",
              f_country=f.country.upper())
    _dates(w, f, f"{c}.first_date")
    _doc_meta(w, f, "EXISTS (SELECT 1 FROM kb_commitment_steps st JOIN kb_docs d ON d.doc_id = "
              f"st.doc_id WHERE st.commitment_id = {c}.id AND {{cond}})")
    return w


def document_where(conn: Any, f: Filters, alias: str = "d") -> Where:
    """Conditions on ``kb_docs`` (aliased ``alias``) for the filters."""
    w = Where()
    d = alias
    keys = (("place", f.place), ("person", f.person), ("organization", f.org))
    for i, (kind, key) in enumerate(keys):
        if key is not None:
            ids = place_ids(conn, key) if kind == "place" else [_entity(conn, kind, key)]
            w.add(f"{d}.doc_id IN (SELECT doc_id FROM kb_names WHERE entity_id IN :f_ids{i})",
                  **{f"f_ids{i}": ids})
    if f.sector:
        w.add(f"{d}.doc_id IN (SELECT doc_id FROM kb_doc_sectors WHERE sector = :f_sector)",
              f_sector=f.sector)
    if f.country:
        w.add(f"{d}.doc_id IN (SELECT n.doc_id FROM kb_names n JOIN kb_entities x ON x.id = "
              "n.entity_id WHERE x.country = :f_country)", f_country=f.country.upper())
    _dates(w, f, f"{d}.published")
    _doc_meta(w, f, "{cond}", alias=d)
    return w


def _dates(w: Where, f: Filters, column: str) -> None:
    if f.date_from:
        w.add(f"{column} >= :f_from", f_from=f.date_from)
    if f.date_to:
        w.add(f"{column} <= :f_to", f_to=_upper(f.date_to))


def _doc_meta(w: Where, f: Filters, template: str, alias: str = "d") -> None:
    conds, params = [], {}
    if f.language:
        conds.append(f"{alias}.language = :f_lang")
        params["f_lang"] = f.language
    if f.outlet:
        conds.append(f"{alias}.outlet = :f_outlet")
        params["f_outlet"] = f.outlet
    if conds:
        w.add(template.format(cond=" AND ".join(conds)), **params)
