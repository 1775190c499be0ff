"""Resolve stage."""
