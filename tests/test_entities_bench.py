"""The extraction benchmark (``bench/bench_extract.py``) runs and reports its figures."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_extract.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_articles_have_the_asked_length():
    bench = _bench()
    docs = bench.generated(3, 300, seed=4)
    assert len(docs) == 3
    assert all(300 <= len(d.body.split()) < 340 for d in docs)


def test_run_reports_rate_memory_and_every_step(tmp_path):
    bench = _bench()
    path = tmp_path / "docs.jsonl"
    lines = [{"id": "x1", "text": "Mayor of Lyon Claire Dubois met students.", "language": "en"},
             {"id": "x2", "body": "Le maire a visité Lyon.", "language": "fr"}]
    path.write_text("\n".join(json.dumps(r) for r in lines), "utf-8")
    docs = bench.from_jsonl(str(path), "en")
    assert [d.id for d in docs] == ["x1"]
    figures = bench.run(docs + bench.generated(2, 120, seed=2), warmup=[])
    assert figures["articles"] == 3 and figures["articles_per_s"] > 0
    assert figures["peak_rss_mb"] > 10
    for step in ("analyze", "entities", "geocode", "sectors", "events", "commitments"):
        assert figures[f"step_{step}_ms"] >= 0
