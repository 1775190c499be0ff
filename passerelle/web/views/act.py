"""Pages that help users act: partner localities and the briefing before a visit.

Each calls one function (``passerelle.query.partners.partners``,
``passerelle.query.briefing.briefing``) and has a ``.json`` twin.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from passerelle.errors import ConfigError
from passerelle.web.views.common import is_json, read_page, render, twin

router = APIRouter()


def _param(request: Request, name: str) -> str:
    return request.query_params.get(name, "").strip()


def _call(request: Request, fn: Any, place: str, **kwargs: Any) -> Any:
    """Run ``fn(db, place, **kwargs)``; an unknown place or person is a 404."""
    try:
        return fn(request.app.state.backend.db(), place, **kwargs)
    except ConfigError as exc:
        raise HTTPException(404, f"{exc}; pick a place from /entities/places") from exc


def _need_place(request: Request, place: str) -> None:
    if not place and is_json(request):
        raise HTTPException(400, "give a place, e.g. ?place=Valras-Plage")


@twin(router, "/partners", params=("place", "country", "limit"))
def partners_page(request: Request) -> Response:
    """Localities of another country with conditions similar to ``place``, with reasons."""
    from passerelle.query.partners import partners

    place, country = _param(request, "place"), _param(request, "country")
    _need_place(request, place)
    limit, _ = read_page(request, default=10)
    data = _call(request, partners, place, country=country or None, limit=limit) if place else []
    return render(request, "partners.html", data, "partners", title="Partner localities",
                  filters={"place": place, "country": country}, place=place)


@twin(router, "/brief", params=("place", "visitor"))
def brief_page(request: Request) -> Response:
    """Briefing before a visit to ``place`` (``visitor``: the person travelling)."""
    from passerelle.query.briefing import briefing

    place, visitor = _param(request, "place"), _param(request, "visitor")
    _need_place(request, place)
    data = _call(request, briefing, place, visitor=visitor or None) if place else None
    return render(request, "brief.html", data, "briefing", title="Briefing",
                  filters={"place": place, "visitor": visitor}, place=place)
