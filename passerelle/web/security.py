"""Security headers, the write token, same-origin checks and the upload size limit."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response

from passerelle.web.options import WebOptions

#: No inline script or style anywhere: every asset is a file served by passerelle.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

_WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class SecurityMiddleware(BaseHTTPMiddleware):
    """Adds the security headers and refuses oversized or cross-site writes."""

    def __init__(self, app, options: WebOptions):  # noqa: ANN001
        super().__init__(app)
        self.options = options

    async def dispatch(self, request: Request, call_next) -> Response:  # noqa: ANN001
        refusal = self._refuse(request)
        response = refusal if refusal is not None else await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def _refuse(self, request: Request) -> Response | None:
        if request.method not in _WRITE_METHODS:
            return None
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > self.options.max_upload:
            return _json_error(413, f"request body over the {self.options.max_upload} byte limit: "
                               "split the upload or raise --max-upload")
        origin = request.headers.get("origin")
        if origin and origin != "null" and _host_of(origin) != request.headers.get("host"):
            return _json_error(403, "cross-site write refused: post from passerelle's own pages")
        return None


def _host_of(origin: str) -> str:
    return origin.split("://", 1)[-1].rstrip("/")


def _json_error(status: int, message: str) -> Response:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def check_token(request: Request, supplied: str | None) -> None:
    """Refuse a write unless the token matches (when writes need one).

    Args:
        request: the request (its ``X-Passerelle-Token`` header is also accepted).
        supplied: the token from the form, if any.

    Raises:
        HTTPException: 403 when the token is missing or wrong, or none is configured
            while the server listens beyond loopback.
    """
    options: WebOptions = request.app.state.options
    if not options.writes_need_token:
        return
    if not options.token:
        raise HTTPException(403, "writes are disabled: this server is not bound to 127.0.0.1 "
                                 "and has no token; restart it with --token or PASSERELLE_TOKEN")
    given = supplied or request.headers.get("x-passerelle-token") or ""
    if not hmac.compare_digest(given.encode(), options.token.encode()):
        raise HTTPException(403, "missing or wrong token: enter the server's write token")
