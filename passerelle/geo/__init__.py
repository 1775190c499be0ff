"""Offline gazetteer and geocoding (GeoNames data carried by packages, plus our own lists)."""
