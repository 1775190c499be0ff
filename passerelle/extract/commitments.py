"""Placeholder for the commitments step (to be replaced by the real component)."""

from passerelle import registry
from passerelle.extract.base import Analysis


@registry.register("commitments.en.v1")
def run(analysis: Analysis) -> None:
    """Fill the document's commitments (placeholder: finds nothing)."""
