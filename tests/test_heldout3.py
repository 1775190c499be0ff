"""Blind held-out measurement (set 3): eight hand-written articles, gold annotated before any run.

Floors are the first measured figures minus 0.1, rounded down to 0.05; they guard against regressions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from passerelle.evaluate import score
from passerelle.extract import extract_document
from passerelle.ingest import Loaded, read_sources

FIXTURES = Path(__file__).parent / "fixtures" / "heldout3"

FLOORS = {
    "title": 0.90, "published": 0.90, "body": 0.90, "people": 0.90, "people_titles": 0.80,
    "organizations": 0.60, "places": 0.80, "geocoding": 0.90, "visits": 0.75, "meetings": 0.85,
    "commitments": 0.90, "commitment_actors": 0.90, "sectors": 0.75, "headline": 0.80,
}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """Extract every held-out article and return the records."""
    items = list(read_sources([str(FIXTURES / "input.jsonl")]))
    assert all(isinstance(item, Loaded) for item in items), items
    return [extract_document(item.doc).to_record() for item in items]


@pytest.fixture(scope="module")
def report(records: list[dict]):
    """Score the extracted records against the gold annotations."""
    gold = [json.loads(line) for line in (FIXTURES / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    return score(gold, records)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_at_or_above_floor(report, field: str) -> None:
    assert report.value(field) >= FLOORS[field], f"{field}: {report.value(field)}"


def test_every_evidence_is_in_body_or_caption(records: list[dict]) -> None:
    for rec in records:
        for fact in rec["events"] + rec["commitments"]:
            texts = [rec["body"], *rec["captions"]]
            assert any(fact["evidence"] in text for text in texts), (rec["id"], fact["evidence"])
