"""Reusable click options shared by every command module.

Example::

    from passerelle.cli._options import db_option, format_option

    @cli.command()
    @db_option
    @format_option(["jsonl", "csv"], default="jsonl")
    def export(db: str | None, fmt: str) -> None:
        ...

``db_option`` passes ``db`` (a URL string or ``None`` for the default database; when
``--db`` is absent the ``db.url`` setting is used: ``-s``, ``PASSERELLE_DB``, the
settings file); ``get_config`` returns the effective settings (``passerelle.settings``);
``format_option`` passes ``fmt``; ``cli_errors`` turns ``PasserelleError`` into
``click.ClickException`` (exit code 1, message on stderr).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from passerelle.errors import PasserelleError
from passerelle.settings import Config, load_config

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    "Database URL (sqlite:///path.sqlite or postgresql+psycopg://user@host/db). "
    "Default: the db.url setting (-s, $PASSERELLE_DB, settings file), else a SQLite "
    "file in the user data directory."
)


def db_option(func: F) -> F:
    """Add ``--db URL`` (parameter ``db``; ``None`` means the default database).

    Args:
        func: The click command callback.

    Returns:
        The callback with the option attached.
    """
    return click.option(
        "--db", "db", metavar="URL", default=None, callback=_db_from_settings, help=DB_HELP
    )(func)


def _db_from_settings(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is not None:
        return value
    try:
        return get_config(ctx)["db.url"]
    except PasserelleError as exc:
        raise click.ClickException(str(exc)) from exc


def get_config(ctx: click.Context | None = None) -> Config:
    """The effective settings of this command line (read by the group), or fresh ones.

    Args:
        ctx: the click context; the current one when ``None``.

    Raises:
        ConfigError: when settings have to be read here and one is wrong.
    """
    ctx = ctx or click.get_current_context(silent=True)
    config = ctx.find_object(Config) if ctx is not None else None
    return config if config is not None else load_config()


def format_option(choices: Sequence[str], default: str | None = None) -> Callable[[F], F]:
    """Build a ``--format`` option (parameter ``fmt``) limited to ``choices``.

    Args:
        choices: Allowed format names, e.g. ``["jsonl", "csv"]``.
        default: The format used when the option is absent (first choice if ``None``).

    Returns:
        A decorator adding the option.
    """
    chosen = default if default is not None else choices[0]

    def deco(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices), case_sensitive=False),
            default=chosen,
            show_default=True,
            help="Output format.",
        )(func)

    return deco


def cli_errors(func: F) -> F:
    """Decorator: a ``PasserelleError`` raised by the command becomes a ``ClickException``.

    Args:
        func: The click command callback (put this decorator closest to it).
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PasserelleError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


__all__ = ["db_option", "format_option", "cli_errors", "get_config"]
