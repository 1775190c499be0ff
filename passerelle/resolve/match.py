"""Pairwise "same thing" rules of the knowledge base.

Each rule compares what *two articles* say (two name forms, two event reports, two
commitment statements). The knowledge base keeps the connected components of these
relations, which makes the result independent of ingestion order. Not a stable API
beyond what :mod:`passerelle.resolve` re-exports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

# Two reports of one event whose dates are unknown are the same event only when the
# articles were published this close together. Chosen by hand: wire copy and its
# translations appear within days; two visits of one ambassador to one city are
# months apart.
CLOSE_DAYS = 14

# Order of commitment kinds: a later statement of a higher kind "advances" it.
_KIND_RANK = {
    "intent": 1, "appeal": 1, "invitation": 1, "proposal": 1, "pledge": 2, "agreement": 3,
}


@dataclass(frozen=True)
class NameForm:
    """One name form of one entity in one article (a ``kb_names`` row)."""

    key: str
    country: str | None = None
    geonames_id: int | None = None


def names_compatible(a: NameForm, b: NameForm) -> tuple[bool, str, float]:
    """Whether two name forms with the same key may be the same entity.

    Args:
        a: one form.
        b: another form.

    Returns:
        ``(same, reason, confidence)``.
    """
    if a.key != b.key:
        return False, "different names", 0.0
    if a.geonames_id and b.geonames_id:
        same = a.geonames_id == b.geonames_id
        return same, f"geonames id {a.geonames_id} vs {b.geonames_id}", 1.0 if same else 0.0
    if a.country and b.country and a.country != b.country:
        return False, f"countries differ ({a.country}, {b.country})", 0.0
    if a.country and a.country == b.country:
        return True, f"same name '{a.key}' and country {a.country}", 0.95
    return True, f"same name '{a.key}'", 0.85


@dataclass(frozen=True)
class EventReport:
    """What one article says about one event, with entities already resolved."""

    type: str
    participants: frozenset[int]
    place_id: int | None = None
    place_names: frozenset[str] = field(default_factory=frozenset)  # folded place + parents
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    published: str | None = None  # of the article (or its latest event date if unknown)


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _span(report: EventReport) -> tuple[str, str]:
    cut = {"month": 7, "year": 4}.get(report.precision or "day", 10)
    start = (report.start or "")[:cut]
    end = (report.end or report.start or "")[:cut]
    return start, max(start, end)


def dates_compatible(a: EventReport, b: EventReport) -> bool:
    """Equal or overlapping dates, or one unknown and the articles close in time.

    Args:
        a: one report.
        b: another report.

    Returns:
        Whether the dates allow one event.
    """
    if a.start and b.start:
        (a0, a1), (b0, b1) = _span(a), _span(b)
        cut = min(len(a0), len(b0))
        return a0[:cut] <= b1[:cut] and b0[:cut] <= a1[:cut]
    apart = _days_apart(a.published or a.start, b.published or b.start)
    return apart is not None and apart <= CLOSE_DAYS


def undated(report: EventReport) -> bool:
    """Neither an event date nor a publication date is known."""
    return not (report.start or report.published)


def places_compatible(a: EventReport, b: EventReport) -> bool:
    """Same place, one unknown, or one place inside the other (by the gazetteer parents).

    Args:
        a: one report.
        b: another report.

    Returns:
        Whether the places allow one event.
    """
    if a.place_id is None or b.place_id is None or a.place_id == b.place_id:
        return True
    return bool(a.place_names & b.place_names)


def event_reports_match(a: EventReport, b: EventReport) -> bool:
    """Same event: same type, a shared participant, compatible dates and places
    (an undated report needs the very same place).

    Args:
        a: one report.
        b: another report.

    Returns:
        Whether both articles tell the same event.
    """
    if a.type != b.type or not a.participants & b.participants or not places_compatible(a, b):
        return False
    if undated(a) or undated(b):
        # Nothing dates one report (no event date, no publication date): the same
        # participant at the same known place is then taken as the same event.
        return a.place_id is not None and a.place_id == b.place_id
    return dates_compatible(a, b)


@dataclass(frozen=True)
class StepReport:
    """What one article says about one commitment, with entities resolved."""

    actor_id: int | None
    counterpart_id: int | None
    kind: str
    sectors: frozenset[str]
    date: str | None = None


def commitment_steps_match(a: StepReport, b: StepReport) -> bool:
    """Same commitment: same actor, same counterpart side (or one unknown), a shared
    sector (or none on both sides).

    Args:
        a: one statement.
        b: another statement.

    Returns:
        Whether the later statement follows up the earlier one.
    """
    if a.actor_id is None or a.actor_id != b.actor_id:
        return False
    if a.counterpart_id and b.counterpart_id and a.counterpart_id != b.counterpart_id:
        return False
    if a.sectors or b.sectors:
        return bool(a.sectors & b.sectors)
    return True


def step_labels(kinds_in_order: list[str]) -> list[str]:
    """Label each statement of one commitment: made, repeated or advanced.

    Args:
        kinds_in_order: commitment kinds of the statements, oldest first.

    Returns:
        One label per statement.
    """
    labels: list[str] = []
    best = 0
    for kind in kinds_in_order:
        rank = _KIND_RANK.get(kind, 1)
        labels.append("made" if not labels else "advanced" if rank > best else "repeated")
        best = max(best, rank)
    return labels


def _non_ascii(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127)


def canonical_name(forms: list[tuple[str, str]]) -> str:
    """Display name of an entity from its main name forms, independent of their order.

    The most frequent key wins (then the longest, then the first alphabetically);
    among its spellings the one with the most diacritics ("Đinh Toàn Thắng" over
    "Dinh Toan Thang"), then the most frequent, then alphabetical.

    Args:
        forms: ``[(form as written, key)]`` of the entity's main names.

    Returns:
        The name to show.
    """
    keys = Counter(key for _, key in forms)
    best_key = min(keys, key=lambda k: (-keys[k], -len(k), k))
    spellings = Counter(form for form, key in forms if key == best_key)
    return min(spellings, key=lambda f: (-_non_ascii(f), -spellings[f], f))


def majority(values: list[str | None]) -> str | None:
    """Most frequent non-empty value (ties: alphabetical), or ``None``."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None
