"""The click group every command module registers on.

The group reads the settings once (``--config FILE``, ``-s KEY VALUE``; see
``passerelle.settings``) and keeps the ``Config`` in ``ctx.obj``; commands get it with
``passerelle.cli._options.get_config()``. ``web.host``/``web.port`` reach
``passerelle serve`` through click's ``default_map``, so an explicit option still wins.

For a command that extracts (``EXTRACTING_COMMANDS``) the group also checks, before
the command starts, that ``extract.components`` names only registered components:
a wrong name is a one-line error and exit code 2, not a failure on the first article
of that language.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from passerelle.errors import ConfigError
from passerelle.version import __version__

# Commands that extract articles -> the flag that makes them extract (None: always).
EXTRACTING_COMMANDS: dict[str, str | None] = {
    "ingest": None, "extract": None, "serve": None, "eval": "--inputs",
}
_HELP = {"-h", "--help"}


class StartupError(click.ClickException):
    """A setting that keeps the command from starting: one line on stderr, exit code 2."""

    exit_code = 2


class _Group(click.Group):
    """A click group that lets its callback see the sub-command's arguments."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta["passerelle.command_args"] = list(rest)
        return name, command, rest


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
    if _extracts(ctx):
        try:
            config.check_components()
        except ConfigError as exc:
            raise StartupError(str(exc)) from exc
    ctx.obj = config
    defaults = dict(ctx.default_map or {})
    serve = {"host": config["web.host"], "port": config["web.port"]}
    defaults["serve"] = {**serve, **defaults.get("serve", {})}
    ctx.default_map = defaults


def _extracts(ctx: click.Context) -> bool:
    """Whether the command about to run extracts articles (asking for help does not)."""
    args: list[Any] = ctx.meta.get("passerelle.command_args", [])
    name = ctx.invoked_subcommand
    if ctx.resilient_parsing or name not in EXTRACTING_COMMANDS or _HELP & set(args):
        return False
    flag = EXTRACTING_COMMANDS[name]
    return flag is None or flag in args
