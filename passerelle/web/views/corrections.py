"""Corrections: merge two entities or split an alias off one (token-protected)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response

from passerelle.errors import ConfigError
from passerelle.web.errors import wants_json
from passerelle.web.security import check_token
from passerelle.web.views.pages import KINDS, render_profile

router = APIRouter()


def _kind(segment: str) -> str:
    if segment not in KINDS:
        raise HTTPException(404, f"unknown kind {segment!r}: use one of {', '.join(KINDS)}")
    return KINDS[segment]


def _answer(request: Request, result: object, segment: str, key: str) -> Response:
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": True, "result": jsonable_encoder(result)})
    return RedirectResponse(f"/{segment}/{quote(key, safe='')}", status_code=303)


def _status(message: str, kind: str) -> int:
    """404 when the query function did not find an entity by that name, else 400."""
    return 404 if message.startswith(f"no {kind} named ") else 400


def _correct(request: Request, form: str, segment: str, key: str, value: str, note: str) -> Response:
    """Run a merge or split; a refusal re-shows the profile with the form filled in.

    Raises:
        HTTPException: 503 while the query function is missing; 404 (unknown entity)
            or 400 (refused correction) for JSON clients.
    """
    kind = _kind(segment)
    name = "merge_entities" if form == "merge" else "split_entity"
    backend = request.app.state.backend
    if not backend.available(name):
        raise HTTPException(503, f"corrections are not available yet ({name} is not installed)")
    try:
        result = backend.query(name, kind, key, value, note=note or None)
    except ConfigError as exc:
        status = _status(str(exc), kind)
        about_value = str(exc).startswith(f"no {kind} named {value!r}") or status == 400
        if wants_json(request) or not about_value:  # JSON, or the profile itself is unknown
            raise HTTPException(status, str(exc)) from exc
        fix = {"form": form, "value": value, "error": str(exc)}
        return render_profile(request, segment, key, status, fix)
    return _answer(request, result, segment, key)


@router.post("/{segment}/{key}/merge")
def merge(request: Request, segment: str, key: str, other: str = Form(...), token: str = Form(""),
          note: str = Form("")) -> Response:
    """Merge entity ``other`` into ``key`` (``key`` is kept)."""
    _kind(segment)
    check_token(request, token)
    return _correct(request, "merge", segment, key, other.strip(), note)


@router.post("/{segment}/{key}/split")
def split(request: Request, segment: str, key: str, alias: str = Form(...), token: str = Form(""),
          note: str = Form("")) -> Response:
    """Split ``alias`` (or a document id) off entity ``key`` into a new entity."""
    _kind(segment)
    check_token(request, token)
    return _correct(request, "split", segment, key, alias.strip(), note)
