"""Placeholder for the geocoding step (to be replaced by the real component)."""

from passerelle import registry
from passerelle.extract.base import Analysis


@registry.register("geocode.gazetteer.v1")
def run(analysis: Analysis) -> None:
    """Give the document's places coordinates (placeholder: does nothing)."""
