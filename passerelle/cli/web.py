"""``passerelle serve``: the web app (needs the ``web`` extra)."""

from __future__ import annotations

import sys
import warnings

import click

from passerelle.cli._group import cli
from passerelle.cli._options import db_option, get_config
from passerelle.errors import PasserelleError

_MISSING = "the web app needs the 'web' extra: pip install 'passerelle[web]'"


def _import_web():  # noqa: ANN202
    try:
        import uvicorn

        from passerelle.web import WebOptions, create_app
    except ImportError as exc:
        raise click.ClickException(f"{_MISSING} ({exc})") from exc
    return uvicorn, WebOptions, create_app


def get_path(app, path: str) -> tuple[int, str]:  # noqa: ANN001
    """Fetch ``path`` from ``app`` in-process (no server). Returns (status, body)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette announces a future move of its test client
        from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get(path)
    return response.status_code, response.text


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Beyond loopback, writes need --token.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--token", envvar="PASSERELLE_TOKEN", default=None,
              help="Secret required for writes (ingest, corrections). Env: PASSERELLE_TOKEN.")
@click.option("--max-upload", default=20 * 1024 * 1024, show_default=True, type=int,
              help="Largest request body accepted, in bytes.")
@click.option("--get", "get", metavar="PATH", default=None,
              help="Print the response to GET PATH without starting a server, then exit.")
def serve(db: str | None, host: str, port: int, token: str | None, max_upload: int,
          get: str | None) -> None:
    """Serve the web app: map, timeline, profiles, articles, search, ingest.

    Example:

        passerelle serve --db sqlite:///kb.sqlite --port 8000

        passerelle serve --get /index.json
    """
    uvicorn, WebOptions, create_app = _import_web()
    try:
        config = get_config()  # ingest jobs extract and fetch with the settings given here
        options = WebOptions(db_url=db, host=host, port=port, token=token, max_upload=max_upload,
                             settings=config.pipeline_settings(db_url=db),
                             ingest_options=config.ingest_options())
    except PasserelleError as exc:
        raise click.ClickException(str(exc)) from exc
    app = create_app(options)
    if get is not None:
        status, body = get_path(app, get)
        click.echo(body)
        sys.exit(0 if status < 400 else 1)
    if not options.loopback and not options.token:
        click.echo(f"warning: listening on {host} without a token: writes are disabled", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
