"""Jinja2 filters and globals used by the templates. Not a stable API."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment

from passerelle.web.charts import SECTOR_COLOURS

SECTORS = tuple(SECTOR_COLOURS)
NAV = (("/", "Overview"), ("/map", "Map"), ("/timeline", "Timeline"), ("/search", "Search"),
       ("/commitments", "Commitments"), ("/entities/people", "People"),
       ("/entities/organizations", "Organisations"), ("/entities/places", "Places"),
       ("/ingest", "Ingest"))


def with_query(params: dict[str, Any], **changes: Any) -> str:
    """Query string of ``params`` with ``changes`` applied (None removes a key)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return ("?" + urlencode(merged)) if merged else ""


def entity_url(value: Any, kind: str = "person") -> str:
    """Profile URL of an entity: a ``{id, name, kind}`` dict, an id or a name."""
    if isinstance(value, dict):
        kind = value.get("kind") or kind
        value = value.get("id") if value.get("id") is not None else value.get("name")
    segment = {"person": "people", "organization": "organizations", "place": "places"}.get(kind, "people")
    return f"/{segment}/{quote(str(value), safe='')}"


def safe_url(url: Any) -> str:
    """``url`` when it is http(s), else ``#``: article metadata may carry ``javascript:`` links."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def name_of(value: Any) -> str:
    """Display name of an entity dict or a plain string."""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("label") or value.get("id") or "")
    return "" if value is None else str(value)


def names(values: Any) -> list[str]:
    """Display names of a list of strings or of ``{"name"|"label": ...}`` dicts."""
    out = []
    for v in values or []:
        out.append(str(v.get("name") or v.get("label") or v.get("id") or "")) if isinstance(v, dict) else out.append(str(v))
    return [n for n in out if n]


def first(row: dict[str, Any], *keys: str, default: Any = "") -> Any:
    """The first present, non-empty value among ``keys`` of ``row``."""
    for key in keys:
        value = row.get(key) if isinstance(row, dict) else None
        if value not in (None, "", [], {}):
            return value
    return default


def register(env: Environment) -> None:
    """Install the filters and globals on ``env``."""
    env.filters.update(entity_url=entity_url, names=names, safe_url=safe_url, name_of=name_of, urlpart=lambda s: quote(str(s), safe=""))
    env.globals.update(with_query=with_query, first=first, SECTORS=SECTORS, NAV=NAV,
                       SECTOR_COLOURS=SECTOR_COLOURS)
