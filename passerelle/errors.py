"""The one exception tree of passerelle.

Callers can catch at any level::

    PasserelleError
    ├── ConfigError          a setting, option or component name is wrong
    ├── FetchError           a URL could not be fetched (timeout, HTTP status, robots.txt, size)
    ├── ParseError           an input could not be read (binary, empty, undecodable, truncated)
    ├── ExtractionError      an extraction component failed on a document
    ├── ResolveError         merging or geocoding failed
    └── StoreError           the database refused or is unreachable
        └── MigrationError   the schema could not be brought up to date

Every message says what went wrong and what to do next.
"""

from __future__ import annotations


class PasserelleError(Exception):
    """Root of every error passerelle raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.source = source
        self.hint = hint
        text = message
        if source:
            text = f"{source}: {text}"
        if hint:
            text = f"{text} ({hint})"
        super().__init__(text)
        self.message = message


class ConfigError(PasserelleError):
    """A setting, option or component name is wrong."""


class FetchError(PasserelleError):
    """A URL could not be fetched."""


class ParseError(PasserelleError):
    """An input could not be read as an article."""


class ExtractionError(PasserelleError):
    """An extraction component failed on a document."""


class ResolveError(PasserelleError):
    """Merging entities or geocoding failed."""


class StoreError(PasserelleError):
    """The database refused an operation or cannot be reached."""


class MigrationError(StoreError):
    """The database schema could not be brought up to date."""


__all__ = [
    "PasserelleError",
    "ConfigError",
    "FetchError",
    "ParseError",
    "ExtractionError",
    "ResolveError",
    "StoreError",
    "MigrationError",
]
