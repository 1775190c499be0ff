"""The date grammar of ``passerelle.extract.dates`` (table-driven)."""

from __future__ import annotations

import pytest

from passerelle.extract.dates import find_dates, parse_date

# (text, published, day_first, tense) -> (start, end, precision)
CASES = [
    ("from the 15th to the 19th of September", "2026-09-23", True, "past",
     ("2026-09-15", "2026-09-19", "day")),
    ("on the 3rd of May", "2026-05-10", True, "past", ("2026-05-03", "2026-05-03", "day")),
    ("from 14 to 17 October", "2026-10-20", True, "past", ("2026-10-14", "2026-10-17", "day")),
    ("14-17 October", "2026-10-20", True, "past", ("2026-10-14", "2026-10-17", "day")),
    ("October 14 to 17", "2026-10-20", True, "past", ("2026-10-14", "2026-10-17", "day")),
    ("between May 5 and 9", "2026-05-11", True, "past", ("2026-05-05", "2026-05-09", "day")),
    ("March 6-8", "2025-03-10", True, "past", ("2025-03-06", "2025-03-08", "day")),
    ("from June 23–25", "2025-07-01", True, "past", ("2025-06-23", "2025-06-25", "day")),
    ("February 3-4, 2023", None, True, "past", ("2023-02-03", "2023-02-04", "day")),
    ("on June 24 afternoon", "2024-06-30", True, "past", ("2024-06-24", "2024-06-24", "day")),
    ("on October 18", "2023-02-06", True, "past", ("2022-10-18", "2022-10-18", "day")),
    ("on October 18", "2023-02-06", True, "planned", ("2023-10-18", "2023-10-18", "day")),
    ("early October 2024", None, True, "past", ("2024-10-01", "2024-10-01", "month")),
    ("in 2023", None, True, "past", ("2023-01-01", "2023-12-31", "year")),
    ("from March 30 to April 2", "2025-05-01", True, "past",
     ("2025-03-30", "2025-04-02", "day")),
    ("from December 30 to January 2", "2025-01-05", True, "past",
     ("2024-12-30", "2025-01-02", "day")),
    ("du 6 au 8 mars", "2025-03-10", True, "past", ("2025-03-06", "2025-03-08", "day")),
    ("le 24 juin", "2025-07-01", True, "past", ("2025-06-24", "2025-06-24", "day")),
    ("ngày 25/6", "2025-07-01", True, "past", ("2025-06-25", "2025-06-25", "day")),
    ("ngày 6-8/3", "2025-03-10", True, "past", ("2025-03-06", "2025-03-08", "day")),
    ("10/03/2025", None, True, "past", ("2025-03-10", "2025-03-10", "day")),
    ("10/03/2025", None, False, "past", ("2025-10-03", "2025-10-03", "day")),
    ("25/03/2025", None, False, "past", ("2025-03-25", "2025-03-25", "day")),
    ("on the afternoon of July 14th", "2011-08-29", True, "past",
     ("2011-07-14", "2011-07-14", "day")),
    ("signed on Thursday", "2026-02-26", True, "past", ("2026-02-26", "2026-02-26", "day")),
    ("tháng 10/2024", None, True, "past", ("2024-10-01", "2024-10-01", "month")),
    ("in mid-2026", "2025-03-13", True, "planned", ("2026-01-01", "2026-12-31", "year")),
    ("held talks on Tuesday", "2025-03-13", True, "past", ("2025-03-11", "2025-03-11", "day")),
    ("from 12 to 14 May", "2025-05-20", True, "past", ("2025-05-12", "2025-05-14", "day")),
    ("on May 12-14", "2025-05-16", True, "past", ("2025-05-12", "2025-05-14", "day")),
    ("from May 27 to 30", "2024-06-03", True, "past", ("2024-05-27", "2024-05-30", "day")),
    ("Sáng 12/5, Chủ tịch", "2025-05-20", True, "past", ("2025-05-12", "2025-05-12", "day")),
    ("les 13 et 14 juin", "2022-06-15", True, "past", ("2022-06-13", "2022-06-14", "day")),
]


@pytest.mark.parametrize("text,published,day_first,tense,expected", CASES)
def test_grammar(text, published, day_first, tense, expected):
    span = parse_date(text, published=published, day_first=day_first, tense=tense)
    assert span is not None, text
    assert (span.start, span.end, span.precision) == expected
    assert text[span.begin : span.stop] == span.text


@pytest.mark.parametrize("text", ["March 6-8", "on October 18", "le 24 juin"])
def test_no_year_and_no_publication_date_gives_null(text):
    span = parse_date(text)
    assert span is not None
    assert (span.start, span.end) == (None, None)


@pytest.mark.parametrize("text", [
    "The mayor may 3 times reconsider.",  # lower-case "may" is a verb
    "a bare 3/4 of the budget",           # numeric without year nor "ngày"
    "the 12th conference",
    "June 31",                            # no such day
])
def test_not_dates(text):
    assert find_dates(text, published="2025-01-01") == []


def test_several_dates_in_reading_order():
    spans = find_dates("Met on May 2, left on May 5, 2024.", published="2024-06-01")
    assert [s.start for s in spans] == ["2024-05-02", "2024-05-05"]
