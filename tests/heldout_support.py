"""Shared harness of the held-out checks (``test_heldout*.py``).

Each held-out fixture folder holds ``input.jsonl`` (scraped-looking pages) and
``gold.jsonl`` (their hand-written records). The helpers here run the real pipeline
on the pages (``read_sources`` then ``extract_document``), read the gold, check a
field against its floor and check that every evidence comes from the text it names.
pytest imports this module by name because ``tests/`` is on ``sys.path`` (default
"prepend" import mode, no ``__init__.py`` in ``tests/``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from passerelle.evaluate import read_jsonl, score
from passerelle.extract import extract_document
from passerelle.ingest import read_sources

FIXTURES = Path(__file__).parent / "fixtures"

Record = dict[str, Any]


def extract_folder(folder: Path) -> list[Record]:
    """Run ingest then extraction on ``folder/input.jsonl``; one record per page.

    Args:
        folder: A held-out fixture folder.

    Returns:
        The extracted records, in input order.
    """
    out = []
    for item in read_sources([str(folder / "input.jsonl")]):
        doc = getattr(item, "doc", None)
        assert doc is not None, f"ingest failed: {item}"
        out.append(extract_document(doc).to_record())
    return out


def heldout_fixtures(folder: Path) -> tuple[Any, Any]:
    """Module-scoped ``records`` and ``gold`` fixtures for one fixture folder.

    Assign both in the test module (``records, gold = heldout_fixtures(FOLDER)``) so
    pytest registers them there under those names.

    Args:
        folder: A held-out fixture folder.

    Returns:
        The ``records`` fixture (extracted) and the ``gold`` fixture (hand-written).
    """
    @pytest.fixture(scope="module", name="records")
    def records_fixture() -> list[Record]:
        return extract_folder(folder)

    @pytest.fixture(scope="module", name="gold")
    def gold_fixture() -> list[Record]:
        return read_jsonl(str(folder / "gold.jsonl"))

    return records_fixture, gold_fixture


def assert_field_floor(field: str, floors: dict[str, float], gold: list[Record],
                       records: list[Record], language: str) -> None:
    """Fail unless ``field`` is scored and at or above its floor.

    Args:
        field: A scored field name (a key of ``floors``).
        floors: Floor per field.
        gold: The hand-written records.
        records: The extracted records.
        language: Language passed to the scorer.
    """
    report = score(gold, records, language=language)
    value = report.value(field)
    assert value is not None, f"{field} was not scored"
    assert value >= floors[field] - 1e-9, f"{field}: {value:.3f} < floor {floors[field]}"


def evidence_home(rec: Record, item: Record) -> str:
    """The text an evidence must come from: the body, or the caption it names."""
    segment = item.get("evidence_segment") or "body"
    if segment == "body":
        return rec["body"]
    return rec["captions"][int(segment.split(":", 1)[1])]


def check_evidence(records: list[Record], require_text: bool = True) -> int:
    """Fail unless each event and commitment evidence is a substring of its segment.

    Args:
        records: The extracted records.
        require_text: Also fail on an empty evidence.

    Returns:
        How many evidences were checked.
    """
    checked = 0
    for rec in records:
        for item in rec["events"] + rec["commitments"]:
            if require_text:
                assert item["evidence"], (rec["id"], item)
            assert item["evidence"] in evidence_home(rec, item), (rec["id"], item["evidence"][:60])
            checked += 1
    return checked


def heldout_set_tests(floors: dict[str, float], languages: list[str],
                      min_evidence: int) -> tuple[Any, Any, Any]:
    """The three checks every mixed-language held-out set runs.

    Assign them in the test module (``test_a, test_b, test_c = heldout_set_tests(...)``)
    next to the ``records`` and ``gold`` fixtures of :func:`heldout_fixtures`.

    Args:
        floors: Floor per scored field (all languages together).
        languages: The gold languages, sorted (one entry per page).
        min_evidence: Fewer extracted evidences than this fails.

    Returns:
        The language check, the parametrized field-floor check and the evidence check.
    """
    def test_fixture_languages(gold: list[Record]) -> None:
        assert sorted(g["language"] for g in gold) == languages

    @pytest.mark.parametrize("field", sorted(floors))
    def test_field_floor(field: str, gold: list[Record], records: list[Record]) -> None:
        assert_field_floor(field, floors, gold, records, None)

    def test_evidence_is_a_substring_of_its_segment(records: list[Record]) -> None:
        assert check_evidence(records) > min_evidence

    return test_fixture_languages, test_field_floor, test_evidence_is_a_substring_of_its_segment
