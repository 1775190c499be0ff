"""Publication dates written in page stamps ("10/03/2025", "Apr 13, 2023 / 15:50").

Pure functions; internal to ``passerelle.ingest`` (not a stable API).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})(?!\d)")
_MONTH_NAME = re.compile(
    r"(?i)\b(?:(\d{1,2})(?:st|nd|rd|th|er)?\s+([a-zéû]{3,9})\.?,?\s+(\d{4})"
    r"|([a-zéû]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b"
)
_VI_DATE = re.compile(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")

# Outlets on these top-level domains write month-first dates ("03/10/2025" = 10 March
# would be wrong there). Everything else we read (.vn, .fr, .de, .com.vn ...) is
# day-first; a number above 12 settles the order whatever the outlet.
MONTH_FIRST_TLDS = (".us",)


def find_date(text: str, *, host: str | None = None) -> str | None:
    """The first full date (with a year) written in ``text``, as ``YYYY-MM-DD``.

    Args:
        text: a short stamp line such as ``"Thời gian: 29/08/2011 - 16:49"``.
        host: the outlet's host name; decides day-first or month-first order.

    Returns:
        The ISO date, or None when no valid full date is written.
    """
    for finder in (_numeric_date, _named_date, _vietnamese_date):
        found = finder(text, host)
        if found:
            return found
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric_date(text: str, host: str | None) -> str | None:
    for m in _NUMERIC.finditer(text):
        a, b, c = (int(g) for g in m.groups())
        if len(m.group(1)) == 4:
            found = _valid(a, b, c)
        elif len(m.group(3)) != 4:
            continue
        else:
            found = _valid(c, *_order(a, b, host))
        if found:
            return found
    return None


def _order(a: int, b: int, host: str | None) -> tuple[int, int]:
    """(month, day) for the two leading numbers of a numeric date."""
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    month_first = bool(host) and host.lower().endswith(MONTH_FIRST_TLDS)
    return (a, b) if month_first else (b, a)


def _named_date(text: str, host: str | None) -> str | None:
    for m in _MONTH_NAME.finditer(text):
        if m.group(1):
            day, name, year = m.group(1), m.group(2), m.group(3)
        else:
            name, day, year = m.group(4), m.group(5), m.group(6)
        month = _MONTHS.get(name.lower()) or _MONTHS.get(name.lower()[:3])
        if month:
            found = _valid(int(year), month, int(day))
            if found:
                return found
    return None


def _vietnamese_date(text: str, host: str | None) -> str | None:
    m = _VI_DATE.search(text)
    return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None


def normalise_date(value: object, *, host: str | None = None) -> str | None:
    """A given ``published`` value (ISO string, date, datetime or stamp) as ``YYYY-MM-DD``.

    Args:
        value: what a JSON Lines row, a feed or HTML metadata gives.
        host: the outlet's host name, for numeric dates.

    Returns:
        The ISO date, or None when ``value`` holds no date.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return find_date(value, host=host)
