"""Placeholder for the sectors step (to be replaced by the real component)."""

from passerelle import registry
from passerelle.extract.base import Analysis


@registry.register("sectors.keywords.v1")
def run(analysis: Analysis) -> None:
    """Fill the document's sectors (placeholder: finds nothing)."""
