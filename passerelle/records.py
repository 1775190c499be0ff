"""Plain dataclasses that mirror ``shared/spec/RECORD.md``.

These are the records that pass between the stages (ingest -> extract -> resolve
-> store -> query). They import nothing of passerelle's. ``Document.to_record()``
gives the exchange format (every key of RECORD.md, plus a few documented extras
such as ``mentions``, ``evidence_spans`` and ``components``); ``Document.from_record``
reads it back.

Extras beyond RECORD.md (allowed by the spec, ignored by scoring):

- ``Mention`` spans on people, organisations and places: where in the body or in a
  caption each name is written (``segment`` is ``"body"`` or ``"caption:N"``).
- ``precision`` on event dates (``day``, ``month``, ``year``): "early October 2024"
  is stored as ``2024-10-01`` with precision ``month``; the exported ``start`` is then
  ``null`` as RECORD.md asks for unknown days, and ``start_month`` keeps ``2024-10``.
- ``components``: the versioned names of the components that made the record.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mention:
    """Where a name is written: character offsets into a segment of the document."""

    start: int
    end: int
    segment: str = "body"  # "body" or "caption:N"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "segment": self.segment}


@dataclass
class Title:
    """An office held: ``{"role": "Mayor", "of": "Béziers"}``."""

    role: str
    of: str | None = None
    alt: list[str] = field(default_factory=list)
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": self.role, "of": self.of}
        if self.alt:
            out["alt"] = list(self.alt)
        if self.evidence:
            out["evidence"] = self.evidence
        return out


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"  # government|company|university|agency|association|media|other
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"  # country|region|province|city|district|natural|other
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    parents: list[str] = field(default_factory=list)  # enclosing units, nearest first
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Event:
    type: str  # visit|meeting|agreement|conference|other
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    start: str | None = None  # YYYY-MM-DD (first day of the month/year when less precise)
    end: str | None = None
    precision: str | None = None  # day|month|year|None
    sectors: list[str] = field(default_factory=list)
    evidence: str = ""
    evidence_segment: str = "body"
    place_aliases: list[str] = field(default_factory=list)
    tense: str | None = None  # past|current|planned


@dataclass
class Commitment:
    actor: str
    kind: str  # intent|proposal|appeal|pledge|agreement|invitation
    counterpart: str | None = None
    sectors: list[str] = field(default_factory=list)
    summary: str = ""
    evidence: str = ""
    actor_aliases: list[str] = field(default_factory=list)
    status: str = "proposed"  # proposed|agreed|signed


@dataclass
class Source:
    url: str | None = None
    path: str | None = None
    outlet: str | None = None


@dataclass
class Document:
    """One article and everything extracted from it."""

    id: str
    body: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    sector_evidence: dict[str, list[str]] = field(default_factory=dict)
    description: str | None = None
    site_name: str | None = None
    components: dict[str, str] = field(default_factory=dict)

    def segment_text(self, segment: str) -> str:
        """Text of ``"body"`` or ``"caption:N"``."""
        if segment == "body":
            return self.body
        if segment.startswith("caption:"):
            return self.captions[int(segment.split(":", 1)[1])]
        raise KeyError(segment)

    def to_record(self) -> dict[str, Any]:
        """The RECORD.md exchange form of this document (JSON-ready)."""
        return {
            "id": self.id,
            "source": dataclasses.asdict(self.source),
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "body": self.body,
            "captions": list(self.captions),
            "people": [_person_record(p) for p in self.people],
            "organizations": [_org_record(o) for o in self.organizations],
            "places": [_place_record(p) for p in self.places],
            "events": [_event_record(e) for e in self.events],
            "commitments": [_commitment_record(c) for c in self.commitments],
            "sectors": list(self.sectors),
            "sector_evidence": {k: list(v) for k, v in self.sector_evidence.items()},
            "components": dict(self.components),
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Document:
        """Read a record written by ``to_record`` (or a gold record) back."""
        src = rec.get("source") or {}
        return cls(
            id=str(rec.get("id") or ""),
            body=rec.get("body") or "",
            source=Source(src.get("url"), src.get("path"), src.get("outlet")),
            title=rec.get("title"),
            published=rec.get("published"),
            language=rec.get("language"),
            captions=list(rec.get("captions") or []),
            people=[_person_from(p) for p in rec.get("people") or []],
            organizations=[_org_from(o) for o in rec.get("organizations") or []],
            places=[_place_from(p) for p in rec.get("places") or []],
            events=[_event_from(e) for e in rec.get("events") or []],
            commitments=[_commitment_from(c) for c in rec.get("commitments") or []],
            sectors=list(rec.get("sectors") or []),
            sector_evidence={k: list(v) for k, v in (rec.get("sector_evidence") or {}).items()},
            components=dict(rec.get("components") or {}),
        )


def _mentions(ms: list[Mention]) -> list[dict[str, Any]]:
    return [m.to_dict() for m in ms]


def _person_record(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "aliases": list(p.aliases),
        "titles": [t.to_dict() for t in p.titles],
        "country": p.country,
        "mentions": _mentions(p.mentions),
    }


def _org_record(o: Organization) -> dict[str, Any]:
    return {
        "name": o.name,
        "aliases": list(o.aliases),
        "kind": o.kind,
        "country": o.country,
        "mentions": _mentions(o.mentions),
    }


def _place_record(p: Place) -> dict[str, Any]:
    return {
        "name": p.name,
        "aliases": list(p.aliases),
        "kind": p.kind,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonames_id": p.geonames_id,
        "parents": list(p.parents),
        "mentions": _mentions(p.mentions),
    }


def _event_record(e: Event) -> dict[str, Any]:
    day = e.precision in (None, "day")
    return {
        "type": e.type,
        "participants": list(e.participants),
        "place": e.place,
        "place_aliases": list(e.place_aliases),
        "start": e.start if day else None,
        "end": e.end if day else None,
        "start_month": e.start[:7] if e.start and e.precision == "month" else None,
        "date_value": e.start,
        "date_end_value": e.end,
        "precision": e.precision,
        "sectors": list(e.sectors),
        "evidence": e.evidence,
        "evidence_segment": e.evidence_segment,
        "tense": e.tense,
    }


def _commitment_record(c: Commitment) -> dict[str, Any]:
    return {
        "actor": c.actor,
        "actor_aliases": list(c.actor_aliases),
        "kind": c.kind,
        "counterpart": c.counterpart,
        "sectors": list(c.sectors),
        "summary": c.summary,
        "evidence": c.evidence,
        "status": c.status,
    }


def _mentions_from(raw: Any) -> list[Mention]:
    return [Mention(m["start"], m["end"], m.get("segment", "body")) for m in raw or []]


def _titles_from(raw: Any) -> list[Title]:
    return [
        Title(t.get("role", ""), t.get("of"), list(t.get("alt") or []), t.get("evidence"))
        for t in raw or []
    ]


def _person_from(p: dict[str, Any]) -> Person:
    return Person(
        p["name"], list(p.get("aliases") or []), _titles_from(p.get("titles")),
        p.get("country"), _mentions_from(p.get("mentions")),
    )


def _org_from(o: dict[str, Any]) -> Organization:
    return Organization(
        o["name"], list(o.get("aliases") or []), o.get("kind") or "other",
        o.get("country"), _mentions_from(o.get("mentions")),
    )


def _place_from(p: dict[str, Any]) -> Place:
    return Place(
        p["name"], list(p.get("aliases") or []), p.get("kind") or "other", p.get("country"),
        p.get("lat"), p.get("lon"), p.get("geonames_id"), list(p.get("parents") or []),
        _mentions_from(p.get("mentions")),
    )


def _participant_name(x: Any) -> str:
    return x["name"] if isinstance(x, dict) else str(x)


def _event_from(e: dict[str, Any]) -> Event:
    start = e.get("date_value", e.get("start"))
    return Event(
        type=e.get("type") or "other",
        participants=[_participant_name(x) for x in e.get("participants") or []],
        place=e.get("place"),
        start=start,
        end=e.get("date_end_value", e.get("end")),
        precision=e.get("precision") or ("day" if start else None),
        sectors=list(e.get("sectors") or []),
        evidence=e.get("evidence") or "",
        evidence_segment=e.get("evidence_segment") or "body",
        place_aliases=list(e.get("place_aliases") or []),
        tense=e.get("tense"),
    )


def _commitment_from(c: dict[str, Any]) -> Commitment:
    return Commitment(
        actor=c.get("actor") or "",
        kind=c.get("kind") or "intent",
        counterpart=c.get("counterpart"),
        sectors=list(c.get("sectors") or []),
        summary=c.get("summary") or "",
        evidence=c.get("evidence") or "",
        actor_aliases=list(c.get("actor_aliases") or []),
        status=c.get("status") or "proposed",
    )


SECTORS = (
    "diplomacy", "economy", "education", "culture", "heritage", "tourism", "agriculture",
    "fisheries", "climate", "energy", "health", "technology", "aerospace", "transport",
    "urban", "community", "defence",
)
EVENT_TYPES = ("visit", "meeting", "agreement", "conference", "other")
COMMITMENT_KINDS = ("intent", "proposal", "appeal", "pledge", "agreement", "invitation")
ORG_KINDS = ("government", "company", "university", "agency", "association", "media", "other")
PLACE_KINDS = ("country", "region", "province", "city", "district", "natural", "other")

__all__ = [
    "Mention", "Title", "Person", "Organization", "Place", "Event", "Commitment", "Source",
    "Document", "SECTORS", "EVENT_TYPES", "COMMITMENT_KINDS", "ORG_KINDS", "PLACE_KINDS",
]
