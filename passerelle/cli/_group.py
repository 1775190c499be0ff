"""The click group every command module registers on."""

from __future__ import annotations

import logging

import click

from passerelle.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="passerelle")
@click.option("-v", "--verbose", count=True, help="-v for info, -vv for debug logging.")
def cli(verbose: int) -> None:
    """passerelle: who met whom, where, when, about what, and what they promised.

    Turns news about international cooperation into a sourced, searchable knowledge base.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
