"""Command-line interface: thin commands over the core functions.

Each module registers its commands on the one group; only this package configures
logging and turns ``PasserelleError`` into ``click.ClickException``.
"""

from passerelle.cli._group import cli
from passerelle.cli import documents as _documents  # noqa: F401  ingest, extract, export, info
from passerelle.cli import evaluation as _evaluation  # noqa: F401  eval
from passerelle.cli import knowledge as _knowledge  # noqa: F401  show, timeline, search, ...
from passerelle.cli import web as _web  # noqa: F401  serve
from passerelle.cli import act as _act  # noqa: F401  partners, brief
from passerelle.cli import runs as _runs  # noqa: F401  runs

__all__ = ["cli"]
