"""passerelle: a sourced, searchable, mapped record of international cooperation news."""

import logging

from passerelle.errors import (
    ConfigError,
    ExtractionError,
    FetchError,
    MigrationError,
    ParseError,
    PasserelleError,
    ResolveError,
    StoreError,
)
from passerelle.records import (
    Commitment,
    Document,
    Event,
    Mention,
    Organization,
    Person,
    Place,
    Source,
    Title,
)
from passerelle.version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "__version__",
    "Commitment",
    "Document",
    "Event",
    "Mention",
    "Organization",
    "Person",
    "Place",
    "Source",
    "Title",
    "PasserelleError",
    "ConfigError",
    "FetchError",
    "ParseError",
    "ExtractionError",
    "ResolveError",
    "StoreError",
    "MigrationError",
]
