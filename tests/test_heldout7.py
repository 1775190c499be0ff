"""Held-out set 7: twelve short pages written for this project (10 en, 1 fr, 1 vi), with
partners beyond France (Japan, Korea, Laos, Cambodia, Australia, the US) and an online meeting.

``tests/fixtures/heldout7/`` holds scraped-looking pages (headline, stamp, captions
with credits, bylines, related-news tails) and their gold records, annotated before
the extractor was first run on them. The real pipeline runs on them; every field
must stay at or above its floor.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import heldout_fixtures, heldout_set_tests

HELDOUT = Path(__file__).parent / "fixtures" / "heldout7"

# Blind (first run, 2026-11-27): headline 0.790 (en 0.756, fr 0.847, vi 0.913);
# people_titles 0.704, visits 0.632, meetings 0.632, commitments 0.795, sectors 0.805.
# After the fixes of the same afternoon: headline 0.938.
# Floors = after - 0.05, rounded down to 0.05.
FLOORS: dict[str, float] = {
    "title": 0.95, "published": 0.95, "body": 0.95, "people": 0.95, "people_titles": 0.85,
    "organizations": 0.85, "places": 0.90, "geocoding": 0.90, "visits": 0.85,
    "meetings": 0.90, "commitments": 0.90, "commitment_actors": 0.85, "sectors": 0.75,
    "headline": 0.85,
}

records, gold = heldout_fixtures(HELDOUT)
(test_fixture_languages, test_field_floor,
 test_evidence_is_a_substring_of_its_segment) = heldout_set_tests(
    FLOORS, ["en"] * 10 + ["fr"] + ["vi"], 30)
