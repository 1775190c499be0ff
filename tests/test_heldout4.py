"""Held-out set 4: twelve pages written for this project (8 en, 2 fr, 2 vi).

``tests/fixtures/heldout4/`` holds scraped-looking pages (headline, stamp, captions
with credits, bylines, related-news tails) and their gold records, annotated before
the extractor was first run on them. Each gold record's ``notes`` say how doubtful
cases were annotated. The real pipeline runs on them; every field must stay at or
above its floor.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import heldout_fixtures, heldout_set_tests

HELDOUT = Path(__file__).parent / "fixtures" / "heldout4"

# Blind (first run, 2026-11-27): headline 0.811 (en 0.827, fr 0.625, vi 0.921);
# visits 0.645, meetings 0.636, organizations 0.829, commitments 0.866, sectors 0.857.
# After the fixes of the same afternoon: headline 0.986.
# Floors = after - 0.05, rounded down to 0.05.
FLOORS: dict[str, float] = {
    "title": 0.95, "published": 0.95, "body": 0.95, "people": 0.95, "people_titles": 0.95,
    "organizations": 0.90, "places": 0.90, "geocoding": 0.90, "visits": 0.95,
    "meetings": 0.95, "commitments": 0.90, "commitment_actors": 0.90, "sectors": 0.90,
    "headline": 0.90,
}

records, gold = heldout_fixtures(HELDOUT)
(test_fixture_languages, test_field_floor,
 test_evidence_is_a_substring_of_its_segment) = heldout_set_tests(
    FLOORS, ["en"] * 8 + ["fr"] * 2 + ["vi"] * 2, 40)
