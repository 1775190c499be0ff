"""Plain-text rendering of a ``Report``: the per-field table and per-document details."""

from __future__ import annotations

from passerelle.evaluate.scoring import FieldScore, Report

_HEADER = f"{'field':<18} {'P':>6} {'R':>6} {'F1/acc':>6} {'tp':>6} {'fp':>6} {'fn':>6} {'docs':>5}"


def _fmt(value: float | None) -> str:
    """A figure with three decimals, or "-"."""
    return "-" if value is None else f"{value:.3f}"


def _row(s: FieldScore) -> str:
    """One table line for one field (accuracy and recall fields show their figure as F1/acc)."""
    if not s.documents:
        return f"{s.name:<18} {'-':>6} {'-':>6} {'-':>6} {'':>20} {0:>5}  not scored"
    if s.metric == "prf":
        p, r, f = _fmt(s.precision), _fmt(s.recall), _fmt(s.f1)
        return f"{s.name:<18} {p:>6} {r:>6} {f:>6} {s.tp:>6} {s.fp:>6} {s.fn:>6} {s.documents:>5}"
    v = _fmt(s.value)
    note = "accuracy" if s.metric == "accuracy" else "recall"
    counts = f"{s.tp:>6} {'':>6} {s.fn:>6} {s.documents:>5}"
    return f"{s.name:<18} {'':>6} {'':>6} {v:>6} {counts}  {note}"


def format_table(report: Report) -> str:
    """The per-field table, then the headline and what could not be paired.

    Accuracy and recall fields show their figure under F1 with "acc"/"rec".
    """
    lines = [_HEADER, "-" * len(_HEADER)]
    lines += [_row(s) for s in report.fields.values()]
    lines.append("-" * len(_HEADER))
    scope = f" (language {report.language})" if report.language else ""
    n = len(report.documents)
    lines.append(f"headline{scope}: {_fmt(report.headline)}  over {n} documents")
    unpaired = [d.id for d in report.documents if not d.paired]
    if unpaired:
        lines.append(f"gold documents without a system record: {', '.join(unpaired)}")
    return "\n".join(lines)


def format_details(report: Report) -> str:
    """Per document: what was missed and what was extra, field by field."""
    lines = []
    for doc in report.documents:
        lines.append(f"== {doc.id}" + ("" if doc.paired else " (no system record)"))
        for name in report.fields:
            for kind, items in (("missed", doc.missed.get(name)), ("extra", doc.extra.get(name))):
                if items:
                    lines.append(f"  {name} {kind}: " + "; ".join(items))
    return "\n".join(lines)


__all__ = ["format_table", "format_details"]
