"""Offline gazetteer and geocoding (GeoNames data carried by packages, plus our own lists).

``gazetteer`` answers "which places bear this name?" (``lookup``, ``is_place_name``,
``country_code``, ``country_name``); ``geocode`` is the extraction component
``geocode.gazetteer.v1`` that picks, for each place of an article, the entry the article
means. The data is read on first use, once per process.
"""

from __future__ import annotations

from passerelle.geo.gazetteer import (
    KINDS,
    GazEntry,
    country_code,
    country_name,
    is_place_name,
    lookup,
    normalize,
)

__all__ = ["GazEntry", "KINDS", "lookup", "is_place_name", "country_code", "country_name",
           "normalize"]
