"""Commands (placeholder)."""

from passerelle.cli._group import cli  # noqa: F401
