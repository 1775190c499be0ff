"""Held-out set 5: twelve more pages written for this project (8 en, 2 fr, 2 vi), in the
style of news-agency wires, French regional press and Vietnamese provincial portals.

``tests/fixtures/heldout5/`` holds scraped-looking pages (headline, stamp, captions
with credits, bylines, related-news tails) and their gold records, annotated before
the extractor was first run on them. The real pipeline runs on them; every field
must stay at or above its floor.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import heldout_fixtures, heldout_set_tests

HELDOUT = Path(__file__).parent / "fixtures" / "heldout5"

# Blind (first run, 2026-11-27): headline 0.736 (en 0.738, fr 0.570, vi 0.835);
# visits 0.400, meetings 0.545, sectors 0.738, commitments 0.831, organizations 0.841.
# After the fixes of the same afternoon: headline 0.963 (sectors 0.837).
# Floors = after - 0.05, rounded down to 0.05.
FLOORS: dict[str, float] = {
    "title": 0.95, "published": 0.95, "body": 0.95, "people": 0.95, "people_titles": 0.95,
    "organizations": 0.90, "places": 0.90, "geocoding": 0.90, "visits": 0.95,
    "meetings": 0.90, "commitments": 0.90, "commitment_actors": 0.90, "sectors": 0.75,
    "headline": 0.90,
}

records, gold = heldout_fixtures(HELDOUT)
(test_fixture_languages, test_field_floor,
 test_evidence_is_a_substring_of_its_segment) = heldout_set_tests(
    FLOORS, ["en"] * 8 + ["fr"] * 2 + ["vi"] * 2, 40)
