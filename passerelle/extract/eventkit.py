"""Helpers shared by the event and commitment rules: dates, places and tense of a
sentence, sectors of a text. Not a stable API.
"""

from __future__ import annotations

import datetime as dt
import re

from passerelle.extract.actors import ActorIndex, Hit, SentenceActors
from passerelle.extract.base import Analysis
from passerelle.extract.dates import DateSpan, find_dates, latest_dated

__all__ = [
    "planned", "dates_in", "nearest_date", "sectors_of", "place_chain", "day_first",
    "place_of_meeting", "sentence_dates", "trip_day",
]

_PLANNED = re.compile(
    r"\b(?:will|to be held|upcoming|scheduled|plans? to|planned|expected to|is to|are to|"
    r"(?:is|are) (?:due|set) to|"
    r"next (?:week|month|year))\b",
    re.IGNORECASE,
)
# Outlets that write numeric dates month-first (US style).
_US_OUTLETS = ("nytimes", "washingtonpost", "apnews", "cnn.com", "wsj.com", "usatoday")


def planned(text: str) -> bool:
    """Does the sentence speak of something still to come?"""
    return bool(_PLANNED.search(text))


def day_first(analysis: Analysis) -> bool:
    """Numeric dates are day-first except for US outlets."""
    src = analysis.doc.source
    where = f"{src.url or ''} {src.outlet or ''}".lower()
    return not any(us in where for us in _US_OUTLETS)


def dates_in(analysis: Analysis, sa: SentenceActors) -> list[DateSpan]:
    """Dates of a sentence, years resolved against the publication date; "on the last
    day of the trip" is the last day of the trip told before (``trip_day``)."""
    spans = sentence_dates(analysis, sa.sentence.text, planned(sa.sentence.text))
    if not any(s.precision == "day" for s in spans):
        day = trip_day(sa.sentence.text, analysis.cache.get("trip_span"))
        spans = sorted([*spans, *([day] if day else [])], key=lambda s: s.begin)
    return spans


_TRIP_DAY = re.compile(
    r"\b(?:[Oo]n|[Dd]uring)\s+the\s+(?P<nth>first|opening|second|third|fourth|last|final|"
    r"closing)\s+day\s+of\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trip|visit|tour|stay|mission)\b")
_NTH = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3}


def trip_day(text: str, trip: tuple[str, str] | None) -> DateSpan | None:
    """"On the last day of the trip" as a date, from the (start, end) of the trip told
    before; ``None`` without such a trip or when the day falls outside it."""
    m = _TRIP_DAY.search(text)
    if m is None or trip is None:
        return None
    start, end = (dt.date.fromisoformat(d) for d in trip)
    nth = m.group("nth")
    day = end if nth in ("last", "final", "closing") else start + dt.timedelta(days=_NTH[nth])
    if day > end:
        return None
    iso = day.isoformat()
    return DateSpan(iso, iso, "day", m.group(), m.start(), m.end())


def sentence_dates(analysis: Analysis, text: str, is_planned: bool) -> list[DateSpan]:
    """Dates of ``text``, years from the publication date; without one, from the
    latest date written with its year in the body (a lower bound, ``latest_dated``)."""
    published, tense = analysis.doc.published, "planned" if is_planned else "past"
    if not published:
        if "latest_dated" not in analysis.cache:
            analysis.cache["latest_dated"] = latest_dated(analysis.doc.body or "")
        published, tense = analysis.cache["latest_dated"], "after"
    return find_dates(text, published=published, day_first=day_first(analysis), tense=tense)


def nearest_date(spans: list[DateSpan], offset: int, stop: int | None = None) -> DateSpan | None:
    """The date closest to ``offset`` (after it preferred), before ``stop``."""
    after = [s for s in spans if s.begin >= offset and (stop is None or s.begin < stop)]
    if after:
        return after[0]
    before = [s for s in spans if s.stop <= offset]
    return before[-1] if before else None


def sectors_of(text: str) -> list[str]:
    """Sectors of a sentence, from the sectors component when it is installed."""
    try:
        from passerelle.extract.sectors import sectors_of as _sectors_of  # noqa: PLC0415
    except ImportError:
        return []
    try:
        return list(_sectors_of(text))
    except Exception:  # noqa: BLE001 - a sector failure must not lose the event
        return []


# Between a place and an enclosing unit: "<town> city in <department> of <region>",
# "<city>, the capital city of ... region of X".
_CHAIN_GAP = re.compile(
    r"^(?:\s*(?:city|province|department|region|state|town|prefecture)\b)?[\s,]*"
    r"(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,5}?(?:in|of)?\s*(?:the\s+)?$"
)
_BREAK_WORDS = re.compile(r"\b(?:by|from|with|and|to|for|led|on)\b")


def place_chain(index: ActorIndex, text: str, hits: list[Hit], first: Hit) -> list[str]:
    """Enclosing units written after a destination, plus the gazetteer's parents."""
    out: list[str] = []
    last = first.end
    for h in (h for h in hits if h.start >= first.end):
        gap = text[last : h.start]
        if h.actor.kind != "place" or len(gap) > 60 or _BREAK_WORDS.search(gap):
            break
        if not _CHAIN_GAP.match(gap):
            break
        out.append(h.actor.name)
        last = h.end
    out += _parents(index, first.actor.name)
    return [p for i, p in enumerate(out) if p not in out[:i] and p != first.actor.name]


def _parents(index: ActorIndex, name: str) -> list[str]:
    place = index.places.get(name)
    return list(place.parents) if place is not None else []


_AT_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:(?:[a-z]+\s+){0,2}(?:city|town|province|commune|region|"
    r"hall|headquarters|offices?)\s+of\s+)?$"
)  # "in X", "In X, the delegation ...", "at the town hall of X"


def place_of_meeting(text: str, hits: list[Hit]) -> str | None:
    """A place written as "in X" / "at the coastal town of X" in the sentence."""
    for h in hits:
        if h.actor.kind != "place" or text[h.end : h.end + 2] in ("’s", "'s"):
            continue
        if _AT_PLACE.search(text[max(0, h.start - 40) : h.start]):
            return h.actor.name
    return None
