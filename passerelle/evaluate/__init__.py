"""Evaluation: score extraction against gold records (``shared/spec/SCORING.md``).

``score(gold, pred)`` is pure and returns a ``Report``; ``read_jsonl`` loads
records; ``check_floors`` compares a report with ``--min`` floors; ``predict``
extracts records from sources in one go (ingest + extract).
"""

from __future__ import annotations

from passerelle.evaluate.floors import Floor, check_floors, parse_floor
from passerelle.evaluate.jsonl import read_jsonl
from passerelle.evaluate.normalize import normalize_name, normalize_place, normalize_title
from passerelle.evaluate.report import format_details, format_table
from passerelle.evaluate.scoring import (
    FIELD_METRICS,
    HEADLINE_FIELDS,
    DocumentDetail,
    FieldScore,
    Report,
    pair_records,
    score,
)

__all__ = [
    "score",
    "pair_records",
    "Report",
    "FieldScore",
    "DocumentDetail",
    "FIELD_METRICS",
    "HEADLINE_FIELDS",
    "read_jsonl",
    "Floor",
    "parse_floor",
    "check_floors",
    "format_table",
    "format_details",
    "normalize_name",
    "normalize_place",
    "normalize_title",
]
