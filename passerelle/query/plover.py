"""PLOVER export: events and commitments of document records as PLOVER event dicts.

Pure: RECORD.md dicts in (as ``Document.to_record()`` writes them), dicts out. The
field names follow the PLOVER manual (id, date, enddate, actor, recipient, event,
mode, context, event_loc, event_text, text_info, cite_info); the mapping and the
``x_passerelle_*`` extensions are documented in ``docs/plover.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["records_to_plover", "EVENT_MAP", "COMMITMENT_MAP", "SECTOR_CONTEXT"]

# passerelle event type -> (PLOVER event, mode)
EVENT_MAP: dict[str, tuple[str, str | None]] = {
    "visit": ("CONSULT", "visit"),
    "meeting": ("CONSULT", "meet"),
    "agreement": ("SUPPORT", None),
    "conference": ("CONSULT", "meet"),
    "other": ("CONSULT", None),
}
# passerelle commitment kind -> (PLOVER event, mode). A proposal is an offer to act
# together, PLOVER's AGREE; a pledge commits the actor, also AGREE ("promise"); only a
# signed document is SUPPORT.
COMMITMENT_MAP: dict[str, tuple[str, str | None]] = {
    "intent": ("AGREE", None),
    "invitation": ("AGREE", None),
    "proposal": ("AGREE", None),
    "pledge": ("AGREE", None),
    "agreement": ("AGREE", None),
    "appeal": ("REQUEST", "assist"),
}
# Our sector slugs -> PLOVER context values; sectors PLOVER lacks keep only the
# extension field ``x_passerelle_sectors``.
SECTOR_CONTEXT: dict[str, str] = {
    "diplomacy": "political",
    "economy": "economic",
    "agriculture": "economic",
    "fisheries": "economic",
    "tourism": "economic",
    "energy": "economic",
    "transport": "economic",
    "technology": "economic",
    "aerospace": "economic",
    "education": "cultural",
    "culture": "cultural",
    "heritage": "cultural",
    "community": "cultural",
    "health": "health",
    "climate": "environment",
    "urban": "infrastructure",
    "defence": "military",
}


def records_to_plover(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """PLOVER events for every event and commitment of ``records``.

    Args:
        records: document records (RECORD.md dicts).

    Yields:
        One PLOVER dict per event, then one per commitment, per record.
    """
    for rec in records:
        for i, ev in enumerate(rec.get("events") or []):
            yield _from_event(rec, i, ev)
        for i, cm in enumerate(rec.get("commitments") or []):
            yield _from_commitment(rec, i, cm)


def _from_event(rec: dict[str, Any], i: int, ev: dict[str, Any]) -> dict[str, Any]:
    event, mode = EVENT_MAP.get(ev.get("type") or "other", EVENT_MAP["other"])
    sides = list(ev.get("participants") or [])
    actor, recipient = _sides(ev.get("type"), sides, ev.get("place"))
    out = _base(rec, f"e{i}", event, mode, ev.get("sectors") or [], ev.get("evidence"))
    out.update(
        date=ev.get("start"), enddate=ev.get("end"), actor=actor, recipient=recipient,
        event_loc=_location(rec, ev.get("place")),
        x_passerelle_type=ev.get("type"), x_passerelle_participants=sides,
        x_passerelle_precision=ev.get("precision"), x_passerelle_month=ev.get("start_month"),
    )
    if ev.get("type") == "agreement":
        out["x_passerelle_status"] = "signed"
    return out


def _from_commitment(rec: dict[str, Any], i: int, cm: dict[str, Any]) -> dict[str, Any]:
    event, mode = COMMITMENT_MAP.get(cm.get("kind") or "intent", ("AGREE", None))
    out = _base(rec, f"c{i}", event, mode, cm.get("sectors") or [], cm.get("evidence"))
    out.update(
        date=rec.get("published"), enddate=None,
        actor=_party(cm.get("actor"), cm.get("actor_aliases")),
        recipient=_party(cm.get("counterpart"), []),
        event_loc=None, x_passerelle_kind=cm.get("kind"),
        x_passerelle_status=cm.get("status") or "proposed",
        x_passerelle_summary=cm.get("summary"),
    )
    return out


def _base(rec: dict[str, Any], local: str, event: str, mode: str | None,
          sectors: list[str], evidence: str | None) -> dict[str, Any]:
    doc_id = str(rec.get("id") or "")
    src = rec.get("source") or {}
    return {
        "id": _stable_id(doc_id, local),
        "event": event,
        "mode": mode,
        "context": _unique([SECTOR_CONTEXT[s] for s in sectors if s in SECTOR_CONTEXT]),
        "x_passerelle_sectors": list(sectors),
        "event_text": evidence,
        "text_info": {"language": rec.get("language"), "title": rec.get("title")},
        "cite_info": {"url": src.get("url"), "outlet": src.get("outlet"),
                      "document_id": doc_id, "published": rec.get("published")},
    }


def _sides(
    kind: str | None, sides: list[str], place: str | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Visit: the visitor acts, the host place receives; others: first side acts."""
    if not sides:
        return None, None
    if kind == "visit":
        return _party(sides[0], []), _party(place, []) if place else None
    rest = sides[1:]
    return _party(sides[0], []), _party(rest[0], []) if rest else None


def _party(name: str | None, aliases: list[str] | None) -> dict[str, Any] | None:
    if not name:
        return None
    return {"name": name, "aliases": list(aliases or [])}


def _location(rec: dict[str, Any], place: str | None) -> dict[str, Any] | None:
    if not place:
        return None
    for p in rec.get("places") or []:
        if place == p.get("name") or place in (p.get("aliases") or []):
            return {"name": p["name"], "lat": p.get("lat"), "lon": p.get("lon"),
                    "geonames_id": p.get("geonames_id"), "country": p.get("country")}
    return {"name": place, "lat": None, "lon": None, "geonames_id": None, "country": None}


def _stable_id(doc_id: str, local: str) -> str:
    digest = hashlib.sha1(f"{doc_id}#{local}".encode()).hexdigest()[:12]
    return f"passerelle-{digest}"


def _unique(items: list[str]) -> list[str]:
    return [x for i, x in enumerate(items) if x not in items[:i]]
