"""The API docs page, served offline (Swagger UI vendored by scripts/build_assets.sh)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from passerelle.web.app import STATIC

router = APIRouter()


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request) -> Response:
    """Swagger UI over ``/openapi.json``, or a plain list of routes without the vendored files."""
    vendored = (STATIC / "vendor" / "swagger-ui" / "swagger-ui-bundle.js").is_file()
    routes = sorted({(r.path, ",".join(sorted(r.methods or ()))) for r in request.app.routes
                     if getattr(r, "include_in_schema", False) and hasattr(r, "methods")})
    ctx = {"title": "API", "vendored": vendored, "routes": routes}
    return request.app.state.templates.TemplateResponse(request, "docs.html", ctx)
