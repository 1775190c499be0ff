"""Quality gate: extraction of the dev corpus must not fall below the pinned floors.

Extracts the seed pages and the dev input of ``../shared`` (ingest + extract), scores
them against gold (English documents, and all documents) and compares every figure
with ``tests/eval_baseline.json``. The gold files' sha256 is pinned as well, so a
changed corpus is noticed rather than silently moving the floors.

Refresh the floors with ``python -m passerelle.evaluate.baseline --write`` (it refuses
to lower one without ``--allow-regression``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from passerelle.errors import ConfigError
from passerelle.evaluate import baseline as B
from passerelle.evaluate.predict import Prediction, predict
from passerelle.evaluate.scoring import FIELD_METRICS

BASELINE = Path(__file__).with_name("eval_baseline.json")


@pytest.fixture(scope="module")
def pinned() -> dict[str, Any]:
    return B.load_baseline(BASELINE)


@pytest.fixture(scope="module")
def prediction(shared_dir: Path) -> Prediction:
    return predict(B.source_paths(shared_dir))


@pytest.fixture(scope="module")
def measured(shared_dir: Path, prediction: Prediction) -> B.Figures:
    return B.measure(shared_dir, prediction)


def test_gold_files_are_the_pinned_ones(shared_dir: Path, pinned: dict[str, Any]) -> None:
    assert B.gold_digests(shared_dir) == pinned["gold_sha256"], (
        "the gold corpus changed: check the change, then refresh with "
        "python -m passerelle.evaluate.baseline --write"
    )


def test_every_input_is_extracted(shared_dir: Path, prediction: Prediction) -> None:
    assert prediction.failures == []
    gold_ids = {r["id"] for r in B.gold_records(shared_dir)}
    report_ids = {r.get("id") for r in prediction.records}
    stems = {Path((r.get("source") or {}).get("path") or "").name.split(".")[0]
             for r in prediction.records}
    assert gold_ids <= report_ids | stems


@pytest.mark.parametrize("scope", B.SCOPES)
def test_scores_meet_the_floors(scope: str, measured: B.Figures, pinned: dict[str, Any]) -> None:
    floors = pinned["floors"]
    hint = "run python -m passerelle.evaluate.baseline --write"
    assert scope in floors, f"no floors for {scope}: {hint}"
    assert B.regressions(measured, {scope: floors[scope]}) == []


def test_baseline_names_known_fields_only(pinned: dict[str, Any]) -> None:
    known = {"headline", *FIELD_METRICS}
    for scope, fields in pinned["floors"].items():
        assert scope in B.SCOPES
        assert set(fields) <= known
        assert all(0.0 <= v <= 1.0 for v in fields.values())


# --- the baseline tool itself, on made-up figures -------------------------------------------


def test_regressions_compare_rounded_figures() -> None:
    measured = {"en": {"people": 0.81249, "places": 0.5}}
    assert B.regressions(measured, {"en": {"people": 0.812, "places": 0.6}}) == [
        "en/places: 0.500 < 0.600"
    ]
    assert B.regressions(measured, {"en": {"visits": 0.1}}) == ["en/visits: not scored < 0.100"]
    assert B.regressions(measured, {"en": {"visits": 0.0}}) == []


def test_new_baseline_refuses_to_lower_a_floor() -> None:
    old = {"floors": {"en": {"people": 0.9}}}
    with pytest.raises(ConfigError, match="en/people"):
        B.new_baseline({"en": {"people": 0.8}}, {}, old)
    new = B.new_baseline({"en": {"people": 0.8}}, {"g": "x"}, old, allow_regression=True)
    assert new == {"gold_sha256": {"g": "x"}, "floors": {"en": {"people": 0.8}}}


def test_written_baseline_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    data = B.new_baseline({"all": {"headline": 0.45678}}, {"g": "abc"})
    B.write_baseline(path, data)
    expected = {"gold_sha256": {"g": "abc"}, "floors": {"all": {"headline": 0.456}}}
    assert B.load_baseline(path) == expected
    with pytest.raises(ConfigError, match="--write"):
        B.load_baseline(tmp_path / "missing.json")
