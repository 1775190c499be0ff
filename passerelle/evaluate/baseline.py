"""Pinned quality floors for the dev corpus: measure, compare, and refresh them.

The quality gate (``tests/test_eval_gate.py``) extracts the seeds and the dev input
of ``../shared``, scores them against gold (English documents, and all) and fails
when a figure drops below its floor in ``tests/eval_baseline.json``, or when a gold
file changed (its sha256 is pinned too).

Refresh the floors after an improvement, from the repository root::

    .venv/bin/python -m passerelle.evaluate.baseline            # show measured vs floors
    .venv/bin/python -m passerelle.evaluate.baseline --write    # pin what is measured now

``--write`` refuses to lower a floor unless ``--allow-regression`` is given.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from passerelle.errors import ConfigError
from passerelle.evaluate.jsonl import read_jsonl
from passerelle.evaluate.predict import Prediction, predict
from passerelle.evaluate.scoring import FIELD_METRICS, Report, score

# Gold files of ../shared the floors are measured against (paths relative to it).
GOLD_FILES: tuple[str, ...] = ("corpus/dev/gold.jsonl", "corpus/dev/gold-seeds.jsonl")
# The scopes the gate checks: a language code, or "all" for every gold document.
SCOPES: tuple[str, ...] = ("en", "all")
# Floors are the measured figure rounded *down* to this many decimals, so a re-run
# of the same (deterministic) extraction always meets them.
DECIMALS = 3

Figures = dict[str, dict[str, float]]


def default_shared() -> Path:
    """``$PASSERELLE_SHARED``, else ``../shared`` beside the current directory."""
    return Path(os.environ.get("PASSERELLE_SHARED") or Path.cwd().parent / "shared")


def source_paths(shared: Path) -> list[str]:
    """The inputs extracted for the gate: every seed page and the dev input file."""
    seeds = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    return seeds + [str(shared / "corpus" / "dev" / "input.jsonl")]


def gold_records(shared: Path) -> list[dict[str, Any]]:
    """All gold records of ``GOLD_FILES``."""
    return [r for name in GOLD_FILES for r in read_jsonl(shared / name)]


def gold_digests(shared: Path) -> dict[str, str]:
    """sha256 of each gold file, keyed by its path relative to ``shared``."""
    return {name: hashlib.sha256((shared / name).read_bytes()).hexdigest() for name in GOLD_FILES}


def figures(report: Report) -> dict[str, float]:
    """The main figure of every scored field, plus ``headline``."""
    out = {"headline": report.headline}
    out.update({name: report.value(name) for name in FIELD_METRICS})
    return {k: v for k, v in out.items() if v is not None}


def measure(shared: Path, prediction: Prediction | None = None) -> Figures:
    """Extract the gate's inputs (unless ``prediction`` is given) and score every scope.

    Returns:
        ``{scope: {field: figure}}`` for each of ``SCOPES``.
    """
    prediction = prediction or predict(source_paths(shared))
    gold = gold_records(shared)
    return {
        scope: figures(score(gold, prediction.records, language=None if scope == "all" else scope))
        for scope in SCOPES
    }


def round_down(value: float) -> float:
    """``value`` rounded down to ``DECIMALS`` decimals (tolerating float noise)."""
    scale = 10**DECIMALS
    return math.floor(value * scale + 1e-9) / scale


def regressions(measured: Figures, floors: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Every floor that ``measured`` does not reach, as "en/people: 0.612 < 0.650"."""
    out = []
    for scope, fields in floors.items():
        for name, floor in fields.items():
            got = measured.get(scope, {}).get(name)
            if (got is None and floor > 0) or (got is not None and round_down(got) < floor):
                shown = "not scored" if got is None else f"{got:.3f}"
                out.append(f"{scope}/{name}: {shown} < {floor:.3f}")
    return out


def load_baseline(path: Path) -> dict[str, Any]:
    """Read the baseline file (``{"gold_sha256": ..., "floors": ...}``).

    Raises:
        ConfigError: when it is missing or not valid JSON.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the baseline {path}: {exc}",
                          hint="run python -m passerelle.evaluate.baseline --write") from exc
    return {"gold_sha256": data.get("gold_sha256") or {}, "floors": data.get("floors") or {}}


def new_baseline(
    measured: Figures, digests: dict[str, str], old: Mapping[str, Any] | None = None,
    *, allow_regression: bool = False,
) -> dict[str, Any]:
    """The baseline pinning ``measured`` (rounded down).

    Raises:
        ConfigError: when a floor would go down and ``allow_regression`` is false.
    """
    floors = {s: {k: round_down(v) for k, v in f.items()} for s, f in measured.items()}
    lowered = regressions(measured, (old or {}).get("floors") or {})
    if lowered and not allow_regression:
        raise ConfigError("refusing to lower floors: " + "; ".join(lowered),
                          hint="fix the regression, or pass --allow-regression on purpose")
    return {"gold_sha256": digests, "floors": floors}


def write_baseline(path: Path, baseline: Mapping[str, Any]) -> None:
    """Write the baseline as stable, readable JSON."""
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Show measured figures against the floors, or pin them with ``--write``."""
    parser = argparse.ArgumentParser(prog="python -m passerelle.evaluate.baseline",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="pin the measured figures")
    parser.add_argument("--allow-regression", action="store_true", help="let --write lower floors")
    parser.add_argument("--shared", type=Path, default=default_shared(), help="path of ../shared")
    parser.add_argument("--baseline", type=Path, default=Path("tests/eval_baseline.json"))
    args = parser.parse_args(argv)
    old = load_baseline(args.baseline) if args.baseline.exists() else None
    measured = measure(args.shared)
    for scope, values in measured.items():
        shown = ", ".join(f"{k}={v:.3f}" for k, v in values.items())
        print(f"{scope}: {shown}")
    if args.write:
        new = new_baseline(measured, gold_digests(args.shared), old,
                           allow_regression=args.allow_regression)
        write_baseline(args.baseline, new)
        print(f"wrote {args.baseline}")
        return 0
    failed = regressions(measured, (old or {}).get("floors") or {})
    for line in failed:
        print("below the floor: " + line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)


__all__ = [
    "GOLD_FILES", "SCOPES", "measure", "regressions", "gold_digests", "load_baseline",
    "new_baseline", "write_baseline", "source_paths", "gold_records", "figures", "main",
]
