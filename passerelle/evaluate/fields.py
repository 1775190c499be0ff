"""Per-document comparison of each field of SCORING.md (internal, not a stable API).

``document_outcomes(gold, pred)`` returns, for every field the gold record holds,
an ``Outcome``: true positives, false positives, false negatives and the labels of
the items missed and added. ``passerelle.evaluate.scoring`` sums them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from passerelle.evaluate.matching import (
    EntityIndex,
    Names,
    any_entity_strength,
    entity_names,
    match_one_to_one,
    names_of,
    organization_strength,
    people_strength,
    place_strength,
)
from passerelle.evaluate.normalize import normalize_title, shingles

Record = Mapping[str, Any]
Pairs = list[tuple[int, int]]

# SCORING.md geocoding tolerances in km, by the gold place's kind.
DISTANCE_LIMITS_KM: dict[str, float] = {
    "city": 50.0, "district": 50.0, "natural": 50.0, "other": 50.0,
    "province": 150.0, "region": 150.0,
    "country": 600.0,
}
_EARTH_RADIUS_KM = 6371.0088


@dataclass
class Outcome:
    """Counts and labels of one field on one document."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventItem:
    """An event reduced to what scoring compares."""

    participants: tuple[Names, ...]
    place: Names | None
    start: str | None
    end: str | None
    label: str


@dataclass(frozen=True)
class CommitmentItem:
    """A commitment reduced to its actor's names and its kind."""

    actor: Names
    kind: str
    label: str


def document_outcomes(gold: Record, pred: Record) -> dict[str, Outcome]:
    """Compare every field ``gold`` holds with ``pred``.

    Args:
        gold: one gold record.
        pred: the paired system record (``{}`` when there is none).

    Returns:
        ``{field name: Outcome}`` for the scored fields only.
    """
    out: dict[str, Outcome] = {}
    if "title" in gold:
        out["title"] = _equal_outcome(gold.get("title"), pred.get("title"), normalize_title)
    if "published" in gold:
        out["published"] = _equal_outcome(gold.get("published"), pred.get("published"), _date)
    if "body" in gold:
        out["body"] = body_outcome(gold.get("body"), pred.get("body"))
    out.update(_entity_outcomes(gold, pred))
    out.update(_event_outcomes(gold, pred))
    if "commitments" in gold:
        out.update(_commitment_outcomes(gold, pred))
    if "sectors" in gold:
        out["sectors"] = sectors_outcome(gold.get("sectors"), pred.get("sectors"))
    return out


def _entity_outcomes(gold: Record, pred: Record) -> dict[str, Outcome]:
    """People (and their titles), organisations, places (and their coordinates)."""
    out: dict[str, Outcome] = {}
    if "people" in gold:
        g, p = _items(gold, "people"), _items(pred, "people")
        out["people"], pairs = entity_outcome(g, p, people_strength)
        out["people_titles"] = titles_outcome(g, p, pairs)
    if "organizations" in gold:
        g, p = _items(gold, "organizations"), _items(pred, "organizations")
        out["organizations"], _ = entity_outcome(g, p, organization_strength)
    if "places" in gold:
        g, p = _items(gold, "places"), _items(pred, "places")
        out["places"], pairs = entity_outcome(g, p, place_strength)
        out["geocoding"] = geocoding_outcome(g, p, pairs)
    return out


def _items(record: Record, key: str) -> list[Mapping[str, Any]]:
    """The named dict items of ``record[key]``."""
    return [x for x in record.get(key) or [] if isinstance(x, Mapping) and x.get("name")]


def pairing_outcome(gold_labels: list[str], pred_labels: list[str], pairs: Pairs) -> Outcome:
    """Counts and missed/extra labels from a one-to-one pairing."""
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    missed = [lab for i, lab in enumerate(gold_labels) if i not in paired_g]
    extra = [lab for j, lab in enumerate(pred_labels) if j not in paired_p]
    return Outcome(len(pairs), len(extra), len(missed), missed, extra)


def entity_outcome(
    gold: list[Mapping[str, Any]],
    pred: list[Mapping[str, Any]],
    strength: Callable[[Names, Names], float | None],
) -> tuple[Outcome, Pairs]:
    """Match entities one-to-one with ``strength`` (a people/organisation/place rule)."""
    g_names = [entity_names(e) for e in gold]
    p_names = [entity_names(e) for e in pred]
    pairs = match_one_to_one(g_names, p_names, strength)
    labels = ([n.label for n in g_names], [n.label for n in p_names])
    return pairing_outcome(*labels, pairs), pairs


def _role(text: Any) -> str:
    """Normalised role ("Deputy-Mayor." -> "deputy mayor")."""
    return normalize_title(text) if isinstance(text, str) else ""


def titles_outcome(
    gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], pairs: Pairs
) -> Outcome:
    """Recall of gold titles of matched people (a gold ``alt`` role also counts)."""
    out = Outcome()
    for i, j in pairs:
        titles = [t for t in pred[j].get("titles") or [] if isinstance(t, Mapping)]
        found = {_role(t.get("role")) for t in titles}
        for title in gold[i].get("titles") or []:
            accepted = {_role(r) for r in [title.get("role"), *(title.get("alt") or [])]}
            if accepted & found - {""}:
                out.tp += 1
            else:
                out.fn += 1
                out.missed.append(f"{gold[i]['name']}: {title.get('role')}")
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _coords(place: Mapping[str, Any]) -> tuple[float, float] | None:
    """``(lat, lon)`` when both are numbers."""
    lat, lon = place.get("lat"), place.get("lon")
    ok = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon))
    return (float(lat), float(lon)) if ok else None


def geocoding_outcome(
    gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]], pairs: Pairs
) -> Outcome:
    """Accuracy of coordinates of matched places, within the limit of the gold kind."""
    out = Outcome()
    for i, j in pairs:
        g, p = _coords(gold[i]), _coords(pred[j])
        if g is None or p is None:
            continue
        kind = gold[i].get("kind") or pred[j].get("kind") or "other"
        distance = haversine_km(*g, *p)
        if distance <= DISTANCE_LIMITS_KM.get(kind, DISTANCE_LIMITS_KM["other"]):
            out.tp += 1
        else:
            out.fn += 1
            out.missed.append(f"{gold[i]['name']}: {distance:.0f} km off")
    return out


def _event_outcomes(gold: Record, pred: Record) -> dict[str, Outcome]:
    """Visits and meetings, when gold holds ``events``."""
    if "events" not in gold:
        return {}
    g_index, p_index = EntityIndex(gold), EntityIndex(pred)
    out = {}
    for etype, strength in (("visit", visit_strength), ("meeting", meeting_strength)):
        g = event_items(gold, etype, g_index)
        p = event_items(pred, etype, p_index)
        pairs = match_one_to_one(g, p, strength)
        out[etype + "s"] = pairing_outcome([e.label for e in g], [e.label for e in p], pairs)
    return out


def event_items(record: Record, etype: str, index: EntityIndex) -> list[EventItem]:
    """The events of ``etype``, participants and place resolved through the record."""
    items = []
    for event in record.get("events") or []:
        if not isinstance(event, Mapping) or event.get("type") != etype:
            continue
        people = tuple(index.resolve(names_of(x)) for x in event.get("participants") or [])
        place = names_of(event.get("place"), event.get("place_aliases") or [])
        place_names = index.resolve_places(place) if place.written else None
        label = _event_label(event, people, place)
        items.append(EventItem(people, place_names, event.get("start"), event.get("end"), label))
    return items


def _event_label(event: Mapping[str, Any], people: tuple[Names, ...], place: Names) -> str:
    """"Anne Dupont + Minh Tran @ Lyon 2024-03-06..2024-03-08"."""
    text = " + ".join(n.label for n in people) or "(nobody)"
    if place.written:
        text += f" @ {place.label}"
    if event.get("start") or event.get("end"):
        text += f" {event.get('start') or '?'}..{event.get('end') or '?'}"
    return text


def visit_strength(gold: EventItem, pred: EventItem) -> float | None:
    """Visits rule: a common participant (people rule), gold dates equal, places match."""
    common = sum(
        1 for g in gold.participants if any(people_strength(g, p) for p in pred.participants)
    )
    if not common or not _dates_agree(gold, pred):
        return None
    if gold.place is None:
        return float(common)
    if pred.place is None:
        return None
    place = place_strength(gold.place, pred.place)
    return None if place is None else common + place / 10


def _dates_agree(gold: EventItem, pred: EventItem) -> bool:
    """Equal start and end wherever gold has them."""
    return all(not g or g == p for g, p in ((gold.start, pred.start), (gold.end, pred.end)))


def meeting_strength(gold: EventItem, pred: EventItem) -> float | None:
    """Meetings rule: >= 2 participants match one-to-one, or all when gold names fewer."""
    matched = len(match_one_to_one(gold.participants, pred.participants, any_entity_strength))
    needed = min(2, len(gold.participants))
    return float(matched) if matched >= needed else None


def _commitment_outcomes(gold: Record, pred: Record) -> dict[str, Outcome]:
    """Commitments (actor and kind) and commitment actors (actor only)."""
    g = commitment_items(gold, EntityIndex(gold))
    p = commitment_items(pred, EntityIndex(pred))
    labels = ([c.label for c in g], [c.label for c in p])
    both = match_one_to_one(g, p, commitment_strength)
    actors = match_one_to_one(g, p, lambda a, b: any_entity_strength(a.actor, b.actor))
    return {
        "commitments": pairing_outcome(*labels, both),
        "commitment_actors": pairing_outcome(*labels, actors),
    }


def commitment_items(record: Record, index: EntityIndex) -> list[CommitmentItem]:
    """The commitments of ``record``, actors resolved through the record's entities."""
    items = []
    for c in record.get("commitments") or []:
        if not isinstance(c, Mapping):
            continue
        actor = index.resolve(names_of(c.get("actor"), c.get("actor_aliases") or []))
        kind = str(c.get("kind") or "")
        items.append(CommitmentItem(actor, kind, f"{actor.label or '(nobody)'} ({kind})"))
    return items


def commitment_strength(gold: CommitmentItem, pred: CommitmentItem) -> float | None:
    """Commitments rule: the actor matches (any entity rule) and the kind is equal."""
    if gold.kind != pred.kind:
        return None
    return any_entity_strength(gold.actor, pred.actor)


def sectors_outcome(gold: Any, pred: Any) -> Outcome:
    """The same slug on the same document."""
    g = list(dict.fromkeys(_slug(s) for s in gold or [] if _slug(s)))
    p = list(dict.fromkeys(_slug(s) for s in pred or [] if _slug(s)))
    missed = [s for s in g if s not in p]
    extra = [s for s in p if s not in g]
    return Outcome(len(g) - len(missed), len(extra), len(missed), missed, extra)


def _slug(value: Any) -> str:
    """A sector slug, trimmed and lower-cased."""
    return str(value).strip().lower() if value else ""


def _date(value: Any) -> str:
    """A YYYY-MM-DD date string, or ``""``."""
    return str(value)[:10] if value else ""


def _equal_outcome(gold: Any, pred: Any, norm: Callable[[Any], str]) -> Outcome:
    """Accuracy item: correct when the normalised values are equal."""
    if norm(gold) == norm(pred):
        return Outcome(tp=1)
    return Outcome(fn=1, missed=[str(gold)], extra=[str(pred)] if pred else [])


def body_outcome(gold: Any, pred: Any) -> Outcome:
    """Word 4-gram shingle overlap (multisets) between the two bodies."""
    g, p = shingles(gold or ""), shingles(pred or "")
    tp = sum((g & p).values())
    fn, fp = sum(g.values()) - tp, sum(p.values()) - tp
    missed = [f"{fn} of {sum(g.values())} gold shingles"] if fn else []
    extra = [f"{fp} of {sum(p.values())} system shingles"] if fp else []
    return Outcome(tp, fp, fn, missed, extra)


__all__ = [
    "Outcome",
    "EventItem",
    "CommitmentItem",
    "DISTANCE_LIMITS_KM",
    "document_outcomes",
    "entity_outcome",
    "titles_outcome",
    "geocoding_outcome",
    "event_items",
    "visit_strength",
    "meeting_strength",
    "commitment_items",
    "commitment_strength",
    "sectors_outcome",
    "body_outcome",
    "haversine_km",
    "pairing_outcome",
]
