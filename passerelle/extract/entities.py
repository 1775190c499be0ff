"""Placeholder for the entities step (to be replaced by the real component)."""

from passerelle import registry
from passerelle.extract.base import Analysis


@registry.register("entities.en.v1")
def run(analysis: Analysis) -> None:
    """Fill the document's entities (placeholder: finds nothing)."""
