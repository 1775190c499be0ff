"""Make system records from sources in one go: ingest, then extract (for ``eval --inputs``).

Not pure (ingest reads files): the scoring itself stays in ``scoring.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from passerelle.errors import PasserelleError

log = logging.getLogger(__name__)


@dataclass
class Prediction:
    """Records extracted from sources, and the sources that failed with why."""

    records: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def predict(sources: Iterable[str]) -> Prediction:
    """Read ``sources`` with ``passerelle.ingest.read_sources`` and extract each document.

    One bad source or document never stops the run: it is logged and listed in
    ``Prediction.failures``.

    Args:
        sources: file paths, directories, JSONL files or URLs that ingest accepts.

    Returns:
        The extracted records (``Document.to_record()``) and the failures.
    """
    from passerelle.extract import extract_document
    from passerelle.ingest import read_sources

    out = Prediction()
    for item in read_sources(list(sources)):
        doc = getattr(item, "doc", None)
        if doc is None:
            out.failures.append((str(item.origin), str(getattr(item, "reason", "failed"))))
            continue
        try:
            out.records.append(extract_document(doc).to_record())
        except PasserelleError as exc:
            log.warning("extraction failed on %s: %s", item.origin, exc)
            out.failures.append((str(item.origin), str(exc)))
        except Exception as exc:  # noqa: BLE001  a bug in one component must not stop the run
            log.exception("unexpected error extracting %s", item.origin)
            out.failures.append((str(item.origin), f"{type(exc).__name__}: {exc}"))
    return out





def evaluate_paths(
    gold_path: str,
    pred_path: str | None = None,
    *,
    inputs: Iterable[str] = (),
    language: str | None = None,
) -> tuple[Any, Prediction]:
    """Score a gold file against a prediction file, or against records extracted from inputs.

    Args:
        gold_path: gold JSON Lines file.
        pred_path: system JSON Lines file (ignored when ``inputs`` is given).
        inputs: sources to ingest and extract instead of reading ``pred_path``.
        language: score only gold documents of this language.

    Returns:
        The ``Report`` and the ``Prediction`` (empty when records came from a file).

    Raises:
        ParseError: when a JSON Lines file cannot be read.
        ConfigError: when neither a prediction file nor inputs are given.
    """
    from passerelle.errors import ConfigError
    from passerelle.evaluate.jsonl import read_jsonl
    from passerelle.evaluate.scoring import score

    gold = read_jsonl(gold_path)
    sources = list(inputs)
    if sources:
        prediction = predict(sources)
    elif pred_path:
        prediction = Prediction(records=read_jsonl(pred_path))
    else:
        raise ConfigError("nothing to score", hint="give PRED.jsonl or --inputs SOURCES...")
    return score(gold, prediction.records, language=language), prediction
__all__ = ["Prediction", "predict", "evaluate_paths"]
