"""The click group every command module registers on.

The group reads the settings once (``--config FILE``, ``-s KEY VALUE``; see
``passerelle.settings``) and keeps the ``Config`` in ``ctx.obj``; commands get it with
``passerelle.cli._options.get_config()``. ``web.host``/``web.port`` reach
``passerelle serve`` through click's ``default_map``, so an explicit option still wins.
"""

from __future__ import annotations

import logging

import click

from passerelle.errors import ConfigError
from passerelle.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="passerelle")
@click.option("-v", "--verbose", count=True, help="-v for info, -vv for debug logging.")
@click.option("--config", "config_file", metavar="FILE", default=None,
              help="Settings file (TOML). Default: $PASSERELLE_CONFIG, else "
                   "settings.toml in the user config dir.")
@click.option("-s", "--setting", "setting", nargs=2, multiple=True, metavar="KEY VALUE",
              help="Set one setting over every other source, e.g. -s fetch.timeout 5. "
                   "See `passerelle info` for the names.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, config_file: str | None,
        setting: tuple[tuple[str, str], ...]) -> None:
    """passerelle: who met whom, where, when, about what, and what they promised.

    Turns news about international cooperation into a sourced, searchable knowledge base.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    from passerelle.settings import load_config

    try:
        config = load_config(config_file, setting)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    ctx.obj = config
    defaults = dict(ctx.default_map or {})
    serve = {"host": config["web.host"], "port": config["web.port"]}
    defaults["serve"] = {**serve, **defaults.get("serve", {})}
    ctx.default_map = defaults
