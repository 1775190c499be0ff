"""Minimum scores (``--min FIELD=VALUE``) and the check of a report against them."""

from __future__ import annotations

from dataclasses import dataclass

from passerelle.errors import ConfigError
from passerelle.evaluate.scoring import FIELD_METRICS, Report

# What a floor may name after the field: FIELD (its main figure) or FIELD.precision etc.
MEASURES: tuple[str, ...] = ("value", "precision", "recall", "f1")


@dataclass(frozen=True)
class Floor:
    """A minimum for one figure of one field (``measure`` "value" is the main figure)."""

    field: str
    value: float
    measure: str = "value"

    @property
    def label(self) -> str:
        """``people`` or ``people.recall``."""
        return self.field if self.measure == "value" else f"{self.field}.{self.measure}"


def known_fields() -> list[str]:
    """Field names a floor may use."""
    return ["headline", *FIELD_METRICS]


def parse_floor(text: str) -> Floor:
    """Read ``FIELD=VALUE`` or ``FIELD.MEASURE=VALUE`` (hyphens count as underscores).

    Raises:
        ConfigError: naming the valid fields and measures when the text is wrong.
    """
    name, sep, number = text.partition("=")
    field, _, measure = name.strip().replace("-", "_").partition(".")
    measure = measure or "value"
    if not sep or field not in known_fields() or measure not in MEASURES:
        raise ConfigError(
            f"bad floor {text!r}",
            hint=f"write FIELD=VALUE or FIELD.MEASURE=VALUE; fields: {', '.join(known_fields())};"
            f" measures: {', '.join(MEASURES)}",
        )
    try:
        return Floor(field, float(number), measure)
    except ValueError:
        raise ConfigError(f"bad floor {text!r}: {number!r} is not a number",
                          hint="e.g. people=0.8") from None


def figure(report: Report, field: str, measure: str = "value") -> float | None:
    """One figure of ``report``: the main one, or precision/recall/f1 of a field."""
    if field == "headline" or measure == "value":
        return report.value(field)
    scores = report.fields[field]
    if not scores.documents:
        return None
    return float(getattr(scores, measure))


def check_floors(report: Report, floors: list[Floor]) -> list[str]:
    """The floors ``report`` does not meet, each as "people: 0.712 < 0.800".

    A field that was not scored at all (no gold document holds it) fails its floor.
    """
    failures = []
    for floor in floors:
        got = figure(report, floor.field, floor.measure)
        if got is None or got < floor.value:
            shown = "not scored" if got is None else f"{got:.3f}"
            failures.append(f"{floor.label}: {shown} < {floor.value:.3f}")
    return failures


__all__ = ["Floor", "parse_floor", "check_floors", "figure", "known_fields", "MEASURES"]
