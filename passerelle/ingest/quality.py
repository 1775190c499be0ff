"""Body quality as SCORING.md measures it: multiset word 4-gram shingles.

Used by the ingest tests (F1 floors on the seeds and the dev corpus) and by
``bench/bench_ingest.py``; the evaluation stage has its own scorer for every field.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of word ``n``-grams of ``text`` (words split on white space)."""
    w = text.split()
    return Counter(tuple(w[i:i + n]) for i in range(len(w) - n + 1))


def body_scores(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of system bodies against gold, summed over documents.

    Args:
        pairs: ``(system body, gold body)`` for each document.

    Returns:
        ``(precision, recall, f1)``; 0.0 where undefined.
    """
    tp = fp = fn = 0
    for system, gold in pairs:
        a, b = shingles(system), shingles(gold)
        common = sum((a & b).values())
        tp, fp, fn = tp + common, fp + sum(a.values()) - common, fn + sum(b.values()) - common
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
