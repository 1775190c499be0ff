"""Helpers shared by the route modules: filters, twin routes, rendering. Not a stable API."""

from __future__ import annotations

import re
from typing import Any, Callable

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

#: Filters the list pages understand, shared with the CLI's option names.
FILTERS = ("q", "place", "person", "org", "sector", "country", "outlet", "language",
           "date_from", "date_to", "status")
_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
MAX_LIMIT = 500


#: What each query-string parameter means, for the OpenAPI description of the twins.
PARAMS = {
    "q": "words to search for",
    "person": "person id or name", "org": "organisation id or name", "place": "place id or name",
    "country": "ISO 3166-1 alpha-2 code, e.g. FR or VN", "sector": "sector slug, e.g. education",
    "outlet": "news outlet", "language": "ISO 639-1 code of the article, e.g. fr",
    "date_from": "earliest date, YYYY[-MM[-DD]]", "date_to": "latest date, YYYY[-MM[-DD]]",
    "status": "commitment status: open, repeated or fulfilled",
    "visitor": "person travelling (id or name): adds their past meetings with the officials of the place",
    "limit": f"rows per page (1-{MAX_LIMIT})", "offset": "rows to skip",
}


def _openapi(params: tuple[str, ...]) -> dict[str, Any] | None:
    if not params:
        return None
    return {"parameters": [{"name": p, "in": "query", "required": False, "description": PARAMS[p],
                            "schema": {"type": "integer" if p in ("limit", "offset") else "string"}}
                           for p in params]}


def twin(router: APIRouter, path: str, params: tuple[str, ...] = ()) -> Callable[[Callable], Callable]:
    """Register a GET route on ``path`` and on its JSON twin ``path + '.json'``.

    The ``.json`` route is added first so a path parameter never swallows the suffix;
    only the twin is in the OpenAPI description, with the query ``params`` it reads.
    """
    json_path = "/index.json" if path == "/" else path + ".json"
    kwargs: dict[str, Any] = {"openapi_extra": _openapi(params)}

    def wrap(fn: Callable) -> Callable:
        router.add_api_route(json_path, fn, methods=["GET"], include_in_schema=True, **kwargs)
        router.add_api_route(path, fn, methods=["GET"], include_in_schema=False, **kwargs)
        return fn

    return wrap


def is_json(request: Request) -> bool:
    """True for the ``.json`` twin of a page."""
    return request.url.path.endswith(".json")


def read_filters(request: Request, allowed: tuple[str, ...] = FILTERS) -> dict[str, str]:
    """The non-empty, validated filters of the query string.

    Raises:
        HTTPException: 400 on a malformed date.
    """
    out = {k: v.strip() for k, v in request.query_params.items() if k in allowed and v.strip()}
    for key in ("date_from", "date_to"):
        if key in out and not _DATE.match(out[key]):
            raise HTTPException(400, f"{key} must be YYYY, YYYY-MM or YYYY-MM-DD, got {out[key]!r}")
    return out


def read_page(request: Request, default: int = 50) -> tuple[int, int]:
    """``limit`` and ``offset`` from the query string, bounded.

    Raises:
        HTTPException: 400 when they are not non-negative integers.
    """
    try:
        limit = int(request.query_params.get("limit", default))
        offset = int(request.query_params.get("offset", 0))
    except ValueError:
        raise HTTPException(400, "limit and offset must be integers, e.g. ?limit=50&offset=100") from None
    if limit < 1 or offset < 0:
        raise HTTPException(400, "limit must be at least 1 and offset at least 0")
    return min(limit, MAX_LIMIT), offset


def unavailable(name: str) -> HTTPException:
    """The error a JSON twin returns while query function ``name`` is not installed."""
    return HTTPException(503, f"the query function {name!r} is not available yet in this "
                              "installation; update passerelle")


def render(request: Request, template: str, data: Any, query: str, **context: Any) -> Response:
    """Render a page, or its JSON twin.

    Args:
        request: the request.
        template: Jinja2 template of the HTML page.
        data: what the query function returned (None: not available).
        query: name of the query function (for the empty state).
        **context: extra template variables.
    """
    if is_json(request):
        if data is None:
            raise unavailable(query)
        return JSONResponse(jsonable_encoder(data))
    templates = request.app.state.templates
    ctx = {"data": data, "query_name": query, "missing": data is None, **context}
    return templates.TemplateResponse(request, template, ctx)
