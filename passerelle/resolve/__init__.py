"""Resolve stage: pure merging logic for the knowledge base (issue 5).

Nothing here touches the database: :mod:`passerelle.store.knowledge` asks these
functions whether two name forms, two event reports or two commitment statements
are the same thing, and applies the answer.

- :mod:`passerelle.resolve.normalize`: folding, title stripping, match keys.
- :mod:`passerelle.resolve.match`: pairwise rules (names, events, commitments),
  canonical names, commitment steps.

Every rule is *pairwise* on what one article says, so the knowledge base is the
connected components of the "same thing" relation: the result does not depend on
the order articles are ingested in.
"""

from __future__ import annotations

from passerelle.resolve.match import (
    EventReport,
    NameForm,
    StepReport,
    canonical_name,
    commitment_steps_match,
    event_reports_match,
    names_compatible,
    step_labels,
)
from passerelle.resolve.normalize import fold, name_forms, place_key

__all__ = [
    "EventReport",
    "NameForm",
    "StepReport",
    "canonical_name",
    "commitment_steps_match",
    "event_reports_match",
    "fold",
    "name_forms",
    "names_compatible",
    "place_key",
    "step_labels",
]
