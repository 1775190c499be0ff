"""Corrections: merge two entities or split an alias off one (token-protected)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response

from passerelle.web.security import check_token
from passerelle.web.views.pages import KINDS

router = APIRouter()


def _kind(segment: str) -> str:
    if segment not in KINDS:
        raise HTTPException(404, f"unknown kind {segment!r}: use one of {', '.join(KINDS)}")
    return KINDS[segment]


def _answer(request: Request, result: object, segment: str, key: str) -> Response:
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": True, "result": jsonable_encoder(result)})
    return RedirectResponse(f"/{segment}/{quote(key, safe='')}", status_code=303)


def _call(request: Request, name: str, *args: object, note: str = "") -> object:
    backend = request.app.state.backend
    if not backend.available(name):
        raise HTTPException(503, f"corrections are not available yet ({name} is not installed)")
    return backend.query(name, *args, note=note or None)


@router.post("/{segment}/{key}/merge")
def merge(request: Request, segment: str, key: str, other: str = Form(...), token: str = Form(""),
          note: str = Form("")) -> Response:
    """Merge entity ``other`` into ``key`` (``key`` is kept)."""
    kind = _kind(segment)
    check_token(request, token)
    result = _call(request, "merge_entities", kind, key, other.strip(), note=note)
    return _answer(request, result, segment, key)


@router.post("/{segment}/{key}/split")
def split(request: Request, segment: str, key: str, alias: str = Form(...), token: str = Form(""),
          note: str = Form("")) -> Response:
    """Split ``alias`` (or a document id) off entity ``key`` into a new entity."""
    kind = _kind(segment)
    check_token(request, token)
    result = _call(request, "split_entity", kind, key, alias.strip(), note=note)
    return _answer(request, result, segment, key)
