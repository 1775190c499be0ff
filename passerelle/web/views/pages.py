"""Read-only pages. Each calls one query function and has a ``.json`` twin."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from passerelle.errors import ConfigError
from passerelle.web import charts, highlight
from passerelle.web.views.common import read_filters, read_page, render, twin

router = APIRouter()

#: URL segment -> the ``kind`` the query functions take.
KINDS = {"people": "person", "organizations": "organization", "places": "place"}
#: Query-string parameters of the list pages (documented in the OpenAPI of their twins).
LIST = ("person", "org", "place", "country", "sector", "date_from", "date_to", "language", "outlet")
PAGE = ("limit", "offset")


def _backend(request: Request):  # noqa: ANN202
    return request.app.state.backend


def _kind(segment: str) -> str:
    try:
        return KINDS[segment]
    except KeyError:
        raise HTTPException(404, f"unknown kind {segment!r}: use one of {', '.join(KINDS)}") from None


@twin(router, "/")
def home(request: Request) -> Response:
    """Home: counts, latest events, sectors over time, map, open commitments."""
    backend = _backend(request)
    data = backend.query("stats")
    extra = {}
    if data is not None and not request.url.path.endswith(".json"):
        extra = {
            "latest": data.get("latest_events") or backend.query("timeline", limit=10) or [],
            "sectors": backend.query("sectors_over_time") or [],
            "open_commitments": backend.query("commitments", status="open", limit=8) or [],
            "map_ready": backend.available("places_map"),
        }
        extra["chart"] = charts.sector_chart(extra["sectors"])
    return render(request, "home.html", data, "stats", title="Overview", **extra)


@twin(router, "/map", params=("country", "sector", "date_from", "date_to", "person", "org"))
def places(request: Request) -> Response:
    """Map of localities with visits, meetings and partners."""
    filters = read_filters(request, ("sector", "country", "date_from", "date_to", "person", "org"))
    data = _backend(request).query("places_map", **filters)
    return render(request, "map.html", data, "places_map", title="Map", filters=filters)


@twin(router, "/timeline", params=LIST + PAGE)
def timeline(request: Request) -> Response:
    """Events in time order, filtered like ``passerelle timeline``."""
    filters = read_filters(request)
    filters.pop("q", None)
    filters.pop("status", None)
    limit, offset = read_page(request)
    data = _backend(request).query("timeline", limit=limit, offset=offset, **filters)
    return render(request, "timeline.html", data, "timeline", title="Timeline", filters=filters,
                  limit=limit, offset=offset)


@twin(router, "/search", params=("q",) + LIST + PAGE)
def search(request: Request) -> Response:
    """Full-text search with facets and ranked results."""
    filters = read_filters(request)
    filters.pop("status", None)
    q = filters.pop("q", "")
    limit, offset = read_page(request, default=20)
    backend = _backend(request)
    data = None
    if backend.available("search"):  # an empty form shows no results, not an error
        data = {"results": [], "facets": {}, "total": 0}
        if q or filters:
            data = backend.query("search", q, limit=limit, offset=offset, **filters)
    return render(request, "search.html", data, "search", title="Search", q=q, filters=filters,
                  limit=limit, offset=offset)


@twin(router, "/commitments", params=("status",) + LIST + PAGE)
def commitments(request: Request) -> Response:
    """Commitments tracker: open, repeated, fulfilled, with their trail."""
    filters = read_filters(request)
    filters.pop("q", None)
    limit, offset = read_page(request, default=100)
    data = _backend(request).query("commitments", limit=limit, offset=offset, **filters)
    return render(request, "commitments.html", data, "commitments", title="Commitments",
                  filters=filters, limit=limit, offset=offset)


@twin(router, "/entities/{segment}", params=("q",) + PAGE)
def entities(request: Request, segment: str) -> Response:
    """List of people, organisations or places, with a name filter."""
    kind = _kind(segment)
    q = request.query_params.get("q", "").strip()
    limit, offset = read_page(request, default=100)
    data = _backend(request).query("entities", kind, q=q, limit=limit, offset=offset)
    return render(request, "entities.html", data, "entities", title=segment.capitalize(),
                  segment=segment, kind=kind, q=q, limit=limit, offset=offset)


def _entity_ids(data: dict) -> dict[str, object]:
    """``"kind:form" -> entity id`` for the names the document writes, to link profiles."""
    out: dict[str, object] = {}
    for ent in data.get("entities") or []:
        for form in [ent.get("name"), *(ent.get("forms") or [])]:
            if form:
                out.setdefault(f"{ent.get('kind')}:{form}", ent.get("id"))
    return out


@twin(router, "/documents/{doc_id}")
def document(request: Request, doc_id: str) -> Response:
    """Article view: cleaned body with each fact highlighted in place and listed beside it."""
    backend = _backend(request)
    try:
        data = backend.query("document", doc_id)
    except ConfigError as exc:  # the query functions raise it for an unknown key
        raise HTTPException(404, f"{exc}; search for it or browse /timeline") from exc
    extra = {}
    if data is not None and not request.url.path.endswith(".json"):
        record = data.get("record") or data
        facts = highlight.facts_of(record)
        extra = {"record": record, "facts": facts, "entity_ids": _entity_ids(data),
                 "pieces": highlight.pieces(record.get("body") or "", facts)}
    return render(request, "document.html", data, "document", title="Article", **extra)


@twin(router, "/{segment}/{key}")
def profile(request: Request, segment: str, key: str) -> Response:
    """Profile of a person, organisation or place."""
    return render_profile(request, segment, key)


def render_profile(request: Request, segment: str, key: str, status: int = 200,
                   fix: dict[str, str] | None = None) -> Response:
    """The profile page (or twin) of ``key``; ``fix`` re-fills a refused correction form.

    Args:
        request: the request.
        segment: ``people``, ``organizations`` or ``places``.
        key: entity id or name.
        status: HTTP status of the page (a refused correction is 400 or 404).
        fix: ``{"form": "merge"|"split", "value": what the user typed, "error": why}``.
    """
    kind = _kind(segment)
    try:
        data = _backend(request).query("profile", kind, key)
    except ConfigError as exc:  # the query functions raise it for an unknown key
        raise HTTPException(404, f"{exc}; pick one from /entities/{segment}") from exc
    extra = {"network": charts.network(data.get("network") or {}, str(data.get("id")))} if data else {}
    title = str((data or {}).get("name") or key)
    response = render(request, "profile.html", data, "profile", title=title, segment=segment, kind=kind,
                      key=key, fix=fix or {}, **extra)
    response.status_code = status
    return response
