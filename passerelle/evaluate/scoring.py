"""Score system records against gold records, exactly as ``shared/spec/SCORING.md`` says.

``score(gold, pred)`` pairs records by ``id`` (or the file name of the system
record's ``source.path`` without its extensions), scores every field the gold
record holds, sums the counts over all documents (micro-average) and returns a
``Report``. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from passerelle.evaluate.fields import Outcome, document_outcomes

# The fields whose F1 make the headline figure (SCORING.md, last paragraph).
HEADLINE_FIELDS: tuple[str, ...] = (
    "people", "organizations", "places", "visits", "meetings", "commitments", "sectors",
)
# Every field reported, in table order, with how it is reported.
FIELD_METRICS: dict[str, str] = {
    "title": "accuracy",
    "published": "accuracy",
    "body": "prf",
    "people": "prf",
    "people_titles": "recall",
    "organizations": "prf",
    "places": "prf",
    "geocoding": "accuracy",
    "visits": "prf",
    "meetings": "prf",
    "commitments": "prf",
    "commitment_actors": "prf",
    "sectors": "prf",
}


@dataclass
class FieldScore:
    """Counts of one field summed over documents, and the figures made from them.

    For ``accuracy`` and ``recall`` fields, ``tp`` counts correct items and ``fn``
    wrong or missed ones; ``fp`` stays 0.
    """

    name: str
    metric: str = "prf"
    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0

    def add(self, outcome: Outcome) -> None:
        """Add one document's counts."""
        self.tp += outcome.tp
        self.fp += outcome.fp
        self.fn += outcome.fn
        self.documents += 1

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when there was nothing to find and nothing found."""
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find and nothing found."""
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value(self) -> float | None:
        """The main figure: F1, or accuracy/recall; ``None`` when nothing was scored."""
        if self.metric == "prf":
            return self.f1 if self.documents else None
        total = self.tp + self.fn
        return self.tp / total if total else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and figures."""
        out: dict[str, Any] = {"metric": self.metric, "documents": self.documents}
        if self.metric == "prf":
            out.update(tp=self.tp, fp=self.fp, fn=self.fn)
            out.update(precision=self.precision, recall=self.recall, f1=self.f1)
        else:
            out.update(correct=self.tp, total=self.tp + self.fn)
        out["value"] = self.value
        return out


@dataclass
class DocumentDetail:
    """What one gold document lost (missed) and what the system added (extra), by field."""

    id: str
    paired: bool
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)

    def record(self, name: str, outcome: Outcome) -> None:
        """Keep the missed and extra labels of ``outcome`` under ``name``."""
        if outcome.missed:
            self.missed[name] = list(outcome.missed)
        if outcome.extra:
            self.extra[name] = list(outcome.extra)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"id": self.id, "paired": self.paired, "missed": self.missed, "extra": self.extra}


@dataclass
class Report:
    """The result of ``score``: per-field scores and per-document details."""

    fields: dict[str, FieldScore]
    documents: list[DocumentDetail]
    language: str | None = None
    unpaired_predictions: list[str] = field(default_factory=list)

    @property
    def headline(self) -> float | None:
        """Mean F1 of the headline fields that were scored (``None`` if none was)."""
        values = [self.fields[n].value for n in HEADLINE_FIELDS if self.fields[n].documents]
        present = [v for v in values if v is not None]
        return sum(present) / len(present) if present else None

    def value(self, name: str) -> float | None:
        """The main figure of field ``name`` (or ``"headline"``).

        Raises:
            KeyError: for an unknown field name.
        """
        if name == "headline":
            return self.headline
        return self.fields[name].value

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: language, headline, fields, documents, unpaired predictions."""
        return {
            "language": self.language,
            "headline": self.headline,
            "fields": {n: s.to_dict() for n, s in self.fields.items()},
            "documents": [d.to_dict() for d in self.documents],
            "unpaired_predictions": list(self.unpaired_predictions),
        }


def score(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    language: str | None = None,
) -> Report:
    """Score system records against gold records.

    Args:
        gold: gold document records (RECORD.md), holding only annotated fields.
        pred: system document records.
        language: score only gold documents of this language (ISO 639-1).

    Returns:
        A ``Report``; a gold document without a system record counts as all missed.
    """
    pairs, unpaired = pair_records(gold, pred)
    scores = {name: FieldScore(name, metric) for name, metric in FIELD_METRICS.items()}
    details = []
    for g, p in pairs:
        if language and _language(g, p) != language:
            continue
        details.append(_score_document(g, p, scores))
    return Report(scores, details, language, unpaired)


def pair_records(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> tuple[list[tuple[Mapping[str, Any], Mapping[str, Any] | None]], list[str]]:
    """Pair each gold record with a system record by ``id``, else by ``source.path`` stem.

    Args:
        gold: gold records.
        pred: system records.

    Returns:
        ``(gold, system or None)`` pairs in gold order, and the ids of system records
        no gold record took.
    """
    by_id: dict[str, int] = {}
    by_stem: dict[str, int] = {}
    for j, rec in enumerate(pred):
        by_id.setdefault(str(rec.get("id") or ""), j)
        stem = path_stem((rec.get("source") or {}).get("path"))
        if stem:
            by_stem.setdefault(stem, j)
    pairs, taken = [], set()
    for g in gold:
        gid = str(g.get("id") or "")
        j = by_id.get(gid, by_stem.get(gid))
        if j is not None and j in taken:
            j = None
        taken.add(j)
        pairs.append((g, pred[j] if j is not None else None))
    unpaired = [str(r.get("id") or "") for j, r in enumerate(pred) if j not in taken]
    return pairs, unpaired


def path_stem(path: str | None) -> str:
    """File name of ``path`` without its extensions: ``a/b/x.html.gz`` -> ``x``."""
    if not path:
        return ""
    return PurePosixPath(path.replace("\\", "/")).name.split(".", 1)[0]


def _language(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> str | None:
    """The gold record's language, else the system record's."""
    return gold.get("language") or (pred or {}).get("language")


def _score_document(
    gold: Mapping[str, Any], pred: Mapping[str, Any] | None, scores: dict[str, FieldScore]
) -> DocumentDetail:
    """Score one document into ``scores`` and return what it missed and added."""
    detail = DocumentDetail(str(gold.get("id") or ""), pred is not None)
    for name, outcome in document_outcomes(gold, pred or {}).items():
        scores[name].add(outcome)
        detail.record(name, outcome)
    return detail


__all__ = [
    "score",
    "pair_records",
    "path_stem",
    "Report",
    "FieldScore",
    "DocumentDetail",
    "HEADLINE_FIELDS",
    "FIELD_METRICS",
]
