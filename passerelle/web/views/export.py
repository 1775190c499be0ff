"""Export any list or filter as CSV, JSON Lines or PLOVER (JSON Lines of events).

``/export/{view}.{fmt}?filters`` where ``view`` is one of :data:`VIEWS` and ``fmt`` one
of :data:`FORMATS`. Both come from fixed lists, so no part of the URL ever reaches
the file system.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable, Iterator

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response, StreamingResponse

from passerelle.web.backend import Backend, query_function
from passerelle.web.views.common import read_filters

router = APIRouter()

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
           "plover": "application/x-ndjson; charset=utf-8"}
_PAGE = 500
#: Export stops here so one request cannot hold the server for ever.
MAX_ROWS = 100_000


def _timeline(b: Backend, f: dict[str, str], limit: int, offset: int) -> list[dict[str, Any]]:
    return b.query("timeline", limit=limit, offset=offset, **f) or []


def _commitments(b: Backend, f: dict[str, str], limit: int, offset: int) -> list[dict[str, Any]]:
    return b.query("commitments", limit=limit, offset=offset, **f) or []


def _search(b: Backend, f: dict[str, str], limit: int, offset: int) -> list[dict[str, Any]]:
    q = f.pop("q", "")
    return (b.query("search", q, limit=limit, offset=offset, **f) or {}).get("results") or []


def _places(b: Backend, f: dict[str, str], limit: int, offset: int) -> list[dict[str, Any]]:
    return (b.query("places_map", **f) or [])[offset: offset + limit]


def _entities(kind: str) -> Callable[..., list[dict[str, Any]]]:
    def fetch(b: Backend, f: dict[str, str], limit: int, offset: int) -> list[dict[str, Any]]:
        return b.query("entities", kind, q=f.get("q"), limit=limit, offset=offset) or []

    return fetch


VIEWS: dict[str, tuple[str, Callable[..., list[dict[str, Any]]]]] = {
    "timeline": ("timeline", _timeline),
    "commitments": ("commitments", _commitments),
    "search": ("search", _search),
    "map": ("places_map", _places),
    "people": ("entities", _entities("person")),
    "organizations": ("entities", _entities("organization")),
    "places": ("entities", _entities("place")),
}


def rows_of(backend: Backend, view: str, filters: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every row of ``view`` under ``filters``, page by page, up to ``MAX_ROWS``."""
    fetch = VIEWS[view][1]
    offset = 0
    while offset < MAX_ROWS:
        page = fetch(backend, dict(filters), _PAGE, offset)
        yield from page
        if len(page) < _PAGE:
            return
        offset += _PAGE


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict) and value.get("name"):
        return str(value["name"])
    if isinstance(value, dict):
        return json.dumps(jsonable_encoder(value), ensure_ascii=False)
    text = "" if value is None else str(value)
    # Spreadsheet formula injection: article text must never run as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(rows: list[dict[str, Any]]) -> Iterator[str]:
    """CSV lines, columns = the union of the rows' keys in first-seen order."""
    columns = list(dict.fromkeys(k for row in rows for k in row))
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    yield buf.getvalue()


def to_jsonl(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """One JSON object a line."""
    for row in rows:
        yield json.dumps(jsonable_encoder(row), ensure_ascii=False) + "\n"


def _doc_ids(rows: Iterator[dict[str, Any]]) -> list[str]:
    """Ids of the documents behind rows: events' sources, commitments' trails, documents."""
    ids: dict[str, None] = {}
    for row in rows:
        if row.get("kind") == "document" and row.get("id"):
            ids[str(row["id"])] = None
        for src in (row.get("sources") or []) + (row.get("trail") or []):
            doc = src.get("document_id") if isinstance(src, dict) else src
            if doc:
                ids[str(doc)] = None
    return list(ids)


def to_plover(backend: Backend, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """PLOVER events of the documents behind ``rows``.

    Raises:
        HTTPException: 503 while the PLOVER converter is not installed.
    """
    convert = query_function("records_to_plover")
    if convert is None:
        raise HTTPException(503, "PLOVER export is not available yet (passerelle.query.plover)")
    records = []
    for doc_id in _doc_ids(rows):
        doc = backend.query("document", doc_id) or {}
        records.append(doc.get("record") or doc)
    return to_jsonl(iter(convert(records)))


@router.get("/export/{name}")
def export(request: Request, name: str) -> Response:
    """Download ``view.fmt`` (e.g. ``/export/timeline.csv?country=FR``)."""
    view, _, fmt = name.partition(".")
    if view not in VIEWS or fmt not in FORMATS:
        raise HTTPException(404, f"unknown export {name!r}: use /export/VIEW.FORMAT with VIEW in "
                                 f"{', '.join(VIEWS)} and FORMAT in {', '.join(FORMATS)}")
    backend: Backend = request.app.state.backend
    if not backend.available(VIEWS[view][0]):
        raise HTTPException(503, f"export of {view} is not available yet ({VIEWS[view][0]} is missing)")
    rows = rows_of(backend, view, read_filters(request))
    body = {"csv": lambda: to_csv(list(rows)), "jsonl": lambda: to_jsonl(rows),
            "plover": lambda: to_plover(backend, rows)}[fmt]()
    headers = {"Content-Disposition": f'attachment; filename="passerelle-{view}.{fmt}"'}
    return StreamingResponse(body, media_type=FORMATS[fmt], headers=headers)
