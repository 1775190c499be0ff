"""Placeholder for the events step (to be replaced by the real component)."""

from passerelle import registry
from passerelle.extract.base import Analysis


@registry.register("events.en.v1")
def run(analysis: Analysis) -> None:
    """Fill the document's events (placeholder: finds nothing)."""
