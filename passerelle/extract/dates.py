"""A small date grammar for news text (English, French, Vietnamese).

Finds date expressions such as "March 6-8", "from June 23–25", "February 3-4, 2023",
"from March 30 to April 2", "on October 18", "July 14th", "early October 2024",
"in 2023", "in mid-2026", "6 au 8 mars", "le 24 juin", "ngày 25/6", "10/03/2025" and "on Thursday",
and turns them into ISO dates with a precision (``day``, ``month``, ``year``).

Years come from the expression itself or from the article's publication date, never
from today's date. Without a year and without a publication date the dates stay
``None`` (the precision is still reported). When the year is taken from the
publication date, a month later than the publication month means the previous year
for past events ("October 18" in an article of 6 February is last October); planned
events keep the publication year.

Numeric dates ("10/03/2025") are read day-first unless ``day_first=False`` (US
outlets); a part above 12 settles the order either way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateSpan", "find_dates", "parse_date", "latest_dated", "MONTHS"]

# Month names per language, lower-case; abbreviations accept an optional dot.
MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1)},
    **{m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1)},
    "sept": 9,
    **{m: i for i, m in enumerate(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"], start=1)},
    "fevrier": 2, "aout": 8, "decembre": 12,
}
# English month names are capitalised in running text: lower-case "may" is the verb.
_ENGLISH_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"]
)
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|er)?"
_Y = r"(?P<{0}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|through|au|à|et)\s*"
_YEAR_TAIL = r"(?:,?\s+" + _Y.format("y") + r")?"

# Each rule: (name, compiled pattern). Earlier rules win on overlapping text.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    # "from March 30 to April 2", "May 30 to June 1, 2023"
    ("md_md", _MON.format("m1") + r"\s+" + _D.format("d1") + _DASH + _MON.format("m2") + r"\s+"
     + _D.format("d2") + _YEAR_TAIL),
    # "du 30 mars au 2 avril 2025", "30 March to 2 April"
    ("dm_dm", _D.format("d1") + r"\s+" + _MON.format("m1") + _DASH + _D.format("d2") + r"\s+"
     + _MON.format("m2") + _YEAR_TAIL),
    # "from the 15th to the 19th of September", "the 3rd of May 2025"
    ("the_dd_m", r"the\s+" + _D.format("d1") + _DASH + r"(?:the\s+)?" + _D.format("d2")
     + r"\s+of\s+" + _MON.format("m1") + _YEAR_TAIL),
    ("the_d_m", r"the\s+" + _D.format("d1") + r"\s+of\s+" + _MON.format("m1") + _YEAR_TAIL),
    # "between May 5 and 9"
    ("m_dd", r"(?<=between\s)" + _MON.format("m1") + r"\s+" + _D.format("d1") + r"\s+and\s+"
     + _D.format("d2") + _YEAR_TAIL),
    # "March 6-8", "from June 23–25", "February 3-4, 2023"
    ("m_dd", _MON.format("m1") + r"\s+" + _D.format("d1") + _DASH + _D.format("d2") + _YEAR_TAIL),
    # "6 au 8 mars", "6-8 March 2025"
    ("dd_m", _D.format("d1") + _DASH + _D.format("d2") + r"\s+" + _MON.format("m1") + _YEAR_TAIL),
    # "October 18", "July 14th 2010", "November 2, 2022"
    ("m_d", _MON.format("m1") + r"\s+" + _D.format("d1") + r"(?!\d)" + _YEAR_TAIL),
    # "le 24 juin", "14 July 2024"
    ("d_m", _D.format("d1") + r"\s+" + _MON.format("m1") + _YEAR_TAIL),
    # Vietnamese "ngày 25 tháng 6 năm 2025"
    ("vi_words", r"ngày\s+" + _D.format("d1") + r"\s+tháng\s+(?P<m1>1[0-2]|0?[1-9])"
     r"(?:\s+năm\s+" + _Y.format("y") + r")?"),
    # Vietnamese "từ ngày 6-8/3", "ngày 6 - 8/3/2025"
    ("vi_range", r"ngày\s+" + _D.format("d1") + _DASH + _D.format("d2") + r"/(?P<m1>1[0-2]|0?[1-9])"
     r"(?:/" + _Y.format("y") + r")?"),
    # "10/03/2025", "ngày 25/6"
    ("num", r"(?<![\d/])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)(?:[/.]" + _Y.format("y") + r")?(?![\d/])"),
    # "early October 2024", "in October 2024", "tháng 10/2024"
    ("my", r"(?P<q>early|mid|late|end of|beginning of|début|fin|mi)?[\s-]*" + _MON.format("m1")
     + r",?\s+" + _Y.format("y")),
    ("vi_my", r"tháng\s+(?P<m1>1[0-2]|0?[1-9])(?:/|\s+năm\s+)" + _Y.format("y")),
    # "on Thursday" (resolved against the publication date)
    ("weekday", r"\b(?:on|last)\s+(?P<w>" + "|".join(_WEEKDAYS) + r")\b"),
    # "in mid-2026", "early 2025", "late 2024"
    ("qy", r"\b(?P<q>early|mid|late|end of|beginning of)[\s-]+" + _Y.format("y") + r"\b"),
    # "in 2023", "en 2023", "năm 2023"
    ("year", r"\b(?:in|en|năm)\s+" + _Y.format("y") + r"\b(?![/-]\d)"),
]
_COMPILED = [(name, re.compile(r"(?<!\w)" + pat, re.IGNORECASE)) for name, pat in _RULES]
_NUMERIC_ONLY = ("num",)


@dataclass(frozen=True)
class DateSpan:
    """A date expression found in text.

    Attributes:
        start: first day (``YYYY-MM-DD``; first of the month/year when less precise),
            or ``None`` when the year is unknown.
        end: last day, same form (equal to ``start`` for a single day).
        precision: ``day``, ``month`` or ``year``.
        text: the expression as written.
        begin: offset of the expression in the searched text.
        stop: end offset of the expression in the searched text.
    """

    start: str | None
    end: str | None
    precision: str
    text: str
    begin: int
    stop: int


def find_dates(
    text: str,
    *,
    published: str | None = None,
    day_first: bool = True,
    tense: str = "past",
) -> list[DateSpan]:
    """Every date expression of ``text``, in reading order, without overlaps.

    Args:
        text: a sentence or a paragraph.
        published: the article's publication date (``YYYY-MM-DD``) that supplies
            missing years; ``None`` leaves year-less dates unresolved.
        day_first: read ambiguous numeric dates as day/month (non-US outlets).
        tense: ``past`` or ``planned``; a past event in a month after the publication
            month belongs to the previous year. ``after``: ``published`` is only a
            lower bound (see ``latest_dated``).

    Returns:
        The date spans found.
    """
    pub = _parse_iso(published)
    taken: list[tuple[int, int]] = []
    found: list[DateSpan] = []
    for name, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            span = _build(name, m, pub, day_first, tense)
            if span is not None:
                taken.append((m.start(), m.end()))
                found.append(span)
    return sorted(found, key=lambda s: s.begin)


def latest_dated(text: str) -> str | None:
    """The latest day or month written with its year in ``text`` ("en octobre 2024").

    An article without a publication date still tells when it was written: a
    year-less "du 6 au 8 mars" told after "en octobre 2024" is March 2025. Callers
    pass it to ``find_dates`` as ``published`` with ``tense="after"`` (a lower bound:
    a month before it belongs to the next year).
    """
    spans = [s for s in find_dates(text) if s.start and s.precision in ("day", "month")]
    return max((s.start for s in spans), default=None)


def parse_date(text: str, **options: object) -> DateSpan | None:
    """The first date expression of ``text`` (see ``find_dates`` for the options)."""
    spans = find_dates(text, **options)  # type: ignore[arg-type]
    return spans[0] if spans else None


def _parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _build(
    name: str, m: re.Match[str], pub: dt.date | None, day_first: bool, tense: str
) -> DateSpan | None:
    """Turn one rule's match into a DateSpan (None when the numbers make no date)."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if any(_lowercase_english(g.get(k, "")) for k in ("m1", "m2")):
        return None
    if name == "weekday":
        return _weekday(m, g["w"].lower(), pub if tense != "after" else None)
    if name in ("year", "qy"):
        y = int(g["y"])
        return DateSpan(f"{y}-01-01", f"{y}-12-31", "year", m.group(), m.start(), m.end())
    if name in ("my", "vi_my"):
        y, mon = int(g["y"]), _month(g["m1"])
        return DateSpan(_iso(y, mon, 1), _iso(y, mon, 1), "month", m.group(), m.start(), m.end())
    if name in _NUMERIC_ONLY:
        return _numeric(m, g, pub, day_first, tense)
    m1 = _month(g["m1"])
    m2 = _month(g["m2"]) if "m2" in g else m1
    d1 = int(g["d1"])
    d2 = int(g["d2"]) if "d2" in g else d1
    return _day_span(m, d1, m1, d2, m2, g.get("y"), pub, tense)


def _lowercase_english(word: str) -> bool:
    return word[:1].islower() and word.rstrip(".") in _ENGLISH_MONTHS and word not in (
        "mars", "mai", "juin")


def _month(word: str) -> int:
    return int(word) if word.isdigit() else MONTHS[word.lower().rstrip(".")]


def _iso(y: int, mon: int, day: int) -> str | None:
    try:
        return dt.date(y, mon, day).isoformat()
    except ValueError:
        return None


def _year_for(mon: int, explicit: str | None, pub: dt.date | None, tense: str) -> int | None:
    """The year of a month: written, else the publication year (previous one for a
    past event in a later month), else unknown."""
    if explicit:
        return int(explicit)
    if pub is None:
        return None
    if tense == "after":  # ``pub`` is a lower bound: the first such month from it
        return pub.year if mon >= pub.month else pub.year + 1
    if tense == "past" and mon > pub.month:
        return pub.year - 1
    return pub.year


def _day_span(
    m: re.Match[str], d1: int, m1: int, d2: int, m2: int,
    year: str | None, pub: dt.date | None, tense: str,
) -> DateSpan | None:
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31) or (m1 == m2 and d2 < d1):
        return None
    y2 = _year_for(m2, year, pub, tense)
    if y2 is None:
        return DateSpan(None, None, "day", m.group(), m.start(), m.end())
    y1 = y2 - 1 if m1 > m2 else y2  # "December 30 to January 2"
    start, end = _iso(y1, m1, d1), _iso(y2, m2, d2)
    if start is None or end is None:
        return None
    return DateSpan(start, end, "day", m.group(), m.start(), m.end())


def _numeric(
    m: re.Match[str], g: dict[str, str], pub: dt.date | None, day_first: bool, tense: str
) -> DateSpan | None:
    a, b = int(g["a"]), int(g["b"])
    if a > 12 or (day_first and b <= 12):
        day, mon = a, b
    else:
        day, mon = b, a
    if mon > 12 or day > 31 or day == 0 or mon == 0:
        return None
    if "y" not in g and not _VI_DAY_WORD.search(m.string[max(0, m.start() - 8) : m.start()]):
        return None  # a bare "3/4" is too ambiguous outside Vietnamese "ngày 3/4", "sáng 3/4"
    return _day_span(m, day, mon, day, mon, g.get("y"), pub, tense)


# Vietnamese words that announce a day/month date: "ngày 25/6", "sáng 12/5", "chiều 3/4".
_VI_DAY_WORD = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|hôm)\s+$", re.IGNORECASE)


def _weekday(m: re.Match[str], word: str, pub: dt.date | None) -> DateSpan | None:
    """The latest such weekday on or before publication (news reports recent days)."""
    if pub is None:
        return DateSpan(None, None, "day", m.group(), m.start(), m.end())
    back = (pub.weekday() - _WEEKDAYS[word]) % 7
    day = (pub - dt.timedelta(days=back)).isoformat()
    return DateSpan(day, day, "day", m.group(), m.start(), m.end())
