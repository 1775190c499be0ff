"""The web app's one error handler.

JSON requests (``*.json``, ``/api/``, ``/export/``, ``/openapi.json`` or an ``Accept``
that prefers JSON) get ``{"ok": false, "error": ..., "status": ...}``; browsers get
the error page. Both carry the proper HTTP status.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from passerelle.errors import ConfigError, FetchError, ParseError, PasserelleError, StoreError

log = logging.getLogger(__name__)

#: HTTP status for each branch of passerelle's exception tree (most specific first).
_STATUS: tuple[tuple[type[PasserelleError], int], ...] = (
    (ConfigError, 400),
    (ParseError, 422),
    (FetchError, 502),
    (StoreError, 503),
    (PasserelleError, 500),
)


def wants_json(request: Request) -> bool:
    """True when the client asked for JSON rather than a page."""
    path = request.url.path
    if path.endswith(".json") or path.startswith(("/api/", "/export/")):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def describe(exc: Exception) -> tuple[int, str]:
    """Status code and user-facing message for ``exc``."""
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        return 422, "invalid request: " + "; ".join(parts)
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status, str(exc)
    log.exception("unhandled error", exc_info=exc)
    return 500, "internal error: the server logged the details; please report it"


async def handle_error(request: Request, exc: Exception) -> Response:
    """Turn any exception into a JSON error or the HTML error page."""
    status, message = describe(exc)
    if status == 404 and message == "Not Found":
        message = f"no page at {request.url.path}: see /docs for the routes"
    if status == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    headers: dict[str, Any] = dict(getattr(exc, "headers", None) or {})
    if wants_json(request):
        body = {"ok": False, "error": message, "status": status}
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    context = {"request": request, "status": status, "message": message, "title": f"Error {status}"}
    return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)


def install(app: Any) -> None:
    """Register :func:`handle_error` for every exception the app can meet."""
    # PasserelleError is listed on its own so it is answered by the exception middleware;
    # the catch-all Exception handler runs in the outermost middleware, which re-raises
    # after answering (so the server logs the traceback).
    for exc_class in (StarletteHTTPException, RequestValidationError, PasserelleError, Exception):
        app.add_exception_handler(exc_class, handle_error)
