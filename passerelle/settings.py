"""Settings: each one declared once as (name, default, help), plus environment variables.

``SETTINGS`` is the single list of tunable settings; ``ENVIRONMENT`` the documented
environment variables. ``Settings`` is the options object the pipeline and the store
take, validated once on construction (trafilatura's ``Extractor`` is the model).
Imports nothing of passerelle's except ``errors``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from passerelle.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One declared setting: its name, default value and help text."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db_url", None, "Database URL; None: $PASSERELLE_DB, else the default SQLite file."),
    Setting(
        "near_duplicate_jaccard",
        0.6,
        "Smallest Jaccard similarity of word 3-shingles for a candidate to be a near-duplicate.",
    ),
    Setting("store_raw", True, "Keep the raw input bytes (compressed) in the raw_inputs table."),
    Setting("workers", 0, "Dask worker processes for extraction; 0 runs serially."),
    Setting("scheduler", None, "Address of a running Dask scheduler (tcp://host:port)."),
    Setting("progress", True, "Show a progress bar with counts and rate on stderr."),
)

ENVIRONMENT: dict[str, str] = {
    "PASSERELLE_DB": "Default database URL for every command (overridden by --db).",
    "PASSERELLE_DATA_DIR": "Directory of the default SQLite file (default: the user data dir).",
    "PASSERELLE_SHARED": "Path of the shared corpus used by tests (default: ../shared).",
    "CI": "When set, tests fail instead of skipping when PostgreSQL or ../shared is missing.",
}


@dataclass
class Settings:
    """The options object passed to the pipeline and the store.

    Attributes mirror ``SETTINGS``; unknown names raise ``ConfigError``.
    """

    db_url: str | None = None
    near_duplicate_jaccard: float = 0.6
    store_raw: bool = True
    workers: int = 0
    scheduler: str | None = None
    progress: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 < self.near_duplicate_jaccard <= 1.0:
            raise ConfigError("near_duplicate_jaccard must be in (0, 1]", hint="try 0.6")
        if self.workers < 0:
            raise ConfigError(f"workers={self.workers} is negative", hint="use 0 for serial")

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Settings:
        """Build settings from a mapping, rejecting unknown keys.

        Raises:
            ConfigError: naming the unknown key and listing the valid ones.
        """
        known = {f.name for f in fields(cls)} - {"extra"}
        for key in values:
            if key not in known:
                hint = f"known: {', '.join(sorted(known))}"
                raise ConfigError(f"unknown setting {key!r}", hint=hint)
        return cls(**values)


def data_dir() -> Path:
    """The directory of passerelle's default files ($PASSERELLE_DATA_DIR or the user data dir)."""
    env = os.environ.get("PASSERELLE_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("passerelle"))


def default_db_url() -> str:
    """The database URL used when none is given: $PASSERELLE_DB, else a SQLite file."""
    env = os.environ.get("PASSERELLE_DB")
    if env:
        return env
    return f"sqlite:///{data_dir() / 'passerelle.sqlite'}"


__all__ = ["Setting", "SETTINGS", "ENVIRONMENT", "Settings", "data_dir", "default_db_url"]
