"""Second blind held-out check: ten more English articles, gold written before any run.

``tests/fixtures/heldout2/input.jsonl`` holds scraped-looking pages (title line, outlet
stamp with a date, a photo caption with a "(Photo: NAME)" credit, a byline, the story,
then a tail of unrelated headlines) and ``gold.jsonl`` their hand-written records
(RECORD.md conventions; ``build.py`` writes both). Unlike ``tests/fixtures/heldout``, the
gold was fixed before the pipeline first ran on these texts and has not been tuned on.
The real pipeline runs (``read_sources`` then ``extract_document``) and every field must
stay at or above the value first measured minus 0.1, rounded down to 0.05. Article g09
(domestic weather) states no cooperation at all: it must yield no event and no commitment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from heldout_support import assert_field_floor, check_evidence, heldout_fixtures

HELDOUT2 = Path(__file__).parent / "fixtures" / "heldout2"
NO_COOPERATION = "g09"

# First blind measurement, 2026-11-27 (title 0.80, people 0.98, titles 0.92, orgs 0.87,
# places 0.88, geocoding 0.98, visits 0.63, meetings 0.84, commitments 0.92, actors 0.94,
# sectors 0.91; published and body 1.00), minus 0.1, rounded down to 0.05. Raised after the
# events/commitments generalisation fixes (visits 1.00, meetings 0.91, commitments 0.99),
# by the same rule.
FLOORS: dict[str, float] = {
    "title": 0.70,
    "published": 0.90,
    "body": 0.90,
    "people": 0.85,
    "people_titles": 0.80,
    "organizations": 0.75,
    "places": 0.75,
    "geocoding": 0.85,
    "visits": 0.90,
    "meetings": 0.80,
    "commitments": 0.85,
    "commitment_actors": 0.80,
    "sectors": 0.80,
}


records, gold = heldout_fixtures(HELDOUT2)


def test_fixture_is_ten_english_articles(gold: list[dict[str, Any]]) -> None:
    assert [g["id"] for g in gold] == [f"g{i:02d}" for i in range(1, 11)]
    assert {g["language"] for g in gold} == {"en"}
    for g in gold:
        assert 250 <= len(g["body"].split()) <= 600, g["id"]


def test_every_article_is_read(records: list[dict[str, Any]]) -> None:
    assert sorted(r["id"] for r in records) == [f"g{i:02d}" for i in range(1, 11)]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor(field: str, gold: list[dict[str, Any]],
                     records: list[dict[str, Any]]) -> None:
    assert_field_floor(field, FLOORS, gold, records, "en")


def test_no_cooperation_article_has_no_events_or_commitments(
    records: list[dict[str, Any]],
) -> None:
    domestic = next(r for r in records if r["id"] == NO_COOPERATION)
    assert domestic["events"] == []
    assert domestic["commitments"] == []


def test_no_cooperation_gold_is_really_empty(gold: list[dict[str, Any]]) -> None:
    domestic = next(g for g in gold if g["id"] == NO_COOPERATION)
    assert domestic["events"] == [] and domestic["commitments"] == []


def test_every_evidence_is_a_substring_of_body_or_caption(
    records: list[dict[str, Any]],
) -> None:
    assert check_evidence(records) > 0, "no event or commitment was extracted at all"
