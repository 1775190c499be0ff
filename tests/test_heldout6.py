"""Held-out set 6: twelve more pages written for this project (8 en, 2 fr, 2 vi): tours,
stories told out of order, press releases, newsletters and provincial portals.

``tests/fixtures/heldout6/`` holds scraped-looking pages (headline, stamp, captions
with credits, bylines, related-news tails) and their gold records, annotated before
the extractor was first run on them. The real pipeline runs on them; every field
must stay at or above its floor.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import heldout_fixtures, heldout_set_tests

HELDOUT = Path(__file__).parent / "fixtures" / "heldout6"

# Blind (first run, 2026-11-27): headline 0.747 (en 0.706, fr 0.760, vi 0.922);
# visits 0.500, meetings 0.588, commitments 0.738, organizations 0.762, title 0.750.
# After the fixes of the same afternoon: headline 0.943.
# Floors = after - 0.05, rounded down to 0.05.
FLOORS: dict[str, float] = {
    "title": 0.95, "published": 0.95, "body": 0.95, "people": 0.95, "people_titles": 0.95,
    "organizations": 0.90, "places": 0.90, "geocoding": 0.90, "visits": 0.85,
    "meetings": 0.85, "commitments": 0.85, "commitment_actors": 0.85, "sectors": 0.80,
    "headline": 0.85,
}

records, gold = heldout_fixtures(HELDOUT)
(test_fixture_languages, test_field_floor,
 test_evidence_is_a_substring_of_its_segment) = heldout_set_tests(
    FLOORS, ["en"] * 8 + ["fr"] * 2 + ["vi"] * 2, 40)
