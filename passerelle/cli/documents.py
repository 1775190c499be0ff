"""Commands ``ingest``, ``extract``, ``export`` and ``info``: thin wrappers over the core.

Each parses its arguments, calls one core function (``passerelle.pipeline``,
``passerelle.store``) and formats the result; ``PasserelleError`` becomes a
``click.ClickException``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from passerelle.cli._group import cli
from passerelle.cli._options import cli_errors, db_option, format_option, get_config
from passerelle.errors import ConfigError
from passerelle.settings import Config, Settings, load_config

EXPORT_FORMATS = ("jsonl", "csv", "plover", "graphml", "json-graph")


def _scale_options(func: Any) -> Any:
    func = click.option(
        "--scheduler", metavar="ADDR", default=None,
        help="Run extraction on this Dask scheduler (tcp://host:port). "
             "Setting: pipeline.scheduler.",
    )(func)
    return click.option(
        "--workers", type=click.IntRange(min=0), default=None,
        help="Extract on a local Dask cluster of N processes (0: in this process). "
             "Setting: pipeline.workers.",
    )(func)


def _fetch_options(func: Any) -> Any:
    """``--timeout``, ``--retries``, ``--user-agent``, ``--max-bytes``, ``--ignore-robots``."""
    options = [
        click.option("--ignore-robots", is_flag=True, default=False,
                     help="Fetch URLs even when robots.txt disallows them (your own sites "
                          "only). Setting: fetch.respect_robots."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Refuse files and answers larger than N bytes. Setting: "
                          "fetch.max_bytes (20000000)."),
        click.option("--user-agent", default=None, metavar="TEXT",
                     help="User agent sent and matched against robots.txt. Setting: "
                          "fetch.user_agent."),
        click.option("--retries", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Attempts per URL on timeouts, 429 and 5xx. Setting: "
                          "fetch.retries (3)."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                     metavar="SECONDS", help="Wait this long for an HTTP answer. Setting: "
                                             "fetch.timeout (20)."),
    ]
    for option in options:
        func = option(func)
    return func


def _ingest_options(fetch: dict[str, Any]) -> Any:
    """The ``IngestOptions`` of the settings, with the command-line options over them."""
    ignore = fetch.pop("ignore_robots")
    return get_config().ingest_options(respect_robots=False if ignore else None, **fetch)


def _settings(**overrides: Any) -> Settings:
    return get_config().pipeline_settings(**overrides)


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--progress/--no-progress", default=None,
              help="Show the progress bar on stderr. Setting: pipeline.progress.")
@_scale_options
@_fetch_options
@cli_errors
def ingest_cli(
    sources: tuple[str, ...], db: str | None, progress: bool | None, workers: int | None,
    scheduler: str | None, **fetch: Any,
) -> None:
    """Read, extract and store articles; duplicates are skipped, near-duplicates linked.

    SOURCE is a file, a folder, a .jsonl file (id, url, published, text), a URL, a
    feed or a WARC file. Each article is stored in its own transaction: an
    interrupted run keeps what it finished, and rerunning it continues. Ends with a
    one-line summary; the exit code is 1 if any input failed.

    \b
    Example:
        passerelle ingest articles/ feed.xml --db sqlite:///kb.sqlite
        stored 41, duplicate 3, near-duplicate 2, failed 1 in 12.3s (3.8 docs/s)
        passerelle ingest https://news.example/a.html --timeout 5 --retries 2
    """
    from passerelle.pipeline import ingest
    from passerelle.store import open_db

    options = _ingest_options(fetch)
    settings = _settings(workers=workers, scheduler=scheduler, progress=progress)
    database = open_db(db)
    summary = ingest(list(sources), database, options, progress=settings.progress,
                     settings=settings)
    for failure in summary.failures:
        click.echo(f"failed: {failure.origin}: {failure.reason}", err=True)
    click.echo(summary.line())
    if not summary.ok:
        sys.exit(1)


@cli.command("extract")
@click.argument("sources", nargs=-1, required=True)
@format_option(["jsonl"], default="jsonl")
@_scale_options
@_fetch_options
@cli_errors
def extract_cli(
    sources: tuple[str, ...], fmt: str, workers: int | None, scheduler: str | None, **fetch: Any
) -> None:
    """Extract articles and print one record a line (RECORD.md), without a database.

    Failures go to stderr, one line each; the exit code is 1 if any input failed.

    \b
    Example:
        passerelle extract article.html --format jsonl > records.jsonl
        passerelle extract corpus/input.jsonl --workers 4
        passerelle extract https://news.example/a.html --timeout 5 --user-agent "lab-bot/1.0"
    """
    from passerelle.pipeline import extract_only

    options = _ingest_options(fetch)
    settings = _settings(workers=workers, scheduler=scheduler)
    failed = 0
    for item in extract_only(list(sources), options, settings=settings):
        if hasattr(item, "doc"):
            click.echo(json.dumps(item.doc.to_record(), ensure_ascii=False))
        else:
            failed += 1
            click.echo(f"failed: {item.origin}: {item.reason}", err=True)
    if failed:
        sys.exit(1)


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


@cli.command("export")
@db_option
@format_option(list(EXPORT_FORMATS), default="jsonl")
@click.option("-o", "--output", metavar="FILE", default=None, help="Write here instead of stdout.")
@click.option("--language", default=None, help="Only documents in this language (en, fr, vi...).")
@click.option("--since", metavar="YYYY-MM-DD", default=None, help="Published on or after.")
@click.option("--until", metavar="YYYY-MM-DD", default=None, help="Published on or before.")
@cli_errors
def export_cli(
    db: str | None, fmt: str, output: str | None, language: str | None,
    since: str | None, until: str | None,
) -> None:
    """Export stored documents as JSON Lines, CSV, PLOVER events or a graph.

    jsonl gives one RECORD.md record a line (what `passerelle extract` prints);
    csv one row per document; plover PLOVER event records (JSON Lines); graphml and
    json-graph the network of people, organisations and places.

    \b
    Example:
        passerelle export --format jsonl -o kb.jsonl
        passerelle export --format csv --language fr --since 2024-01-01 > fr.csv
        passerelle export --format graphml -o network.graphml
    """
    from passerelle.store import open_db

    database = open_db(db)
    filters = {"language": language, "since": since, "until": until}
    fmt = fmt.lower()
    if fmt in ("graphml", "json-graph"):
        _export_graph(database, fmt, output)
        return
    with _output(output) as out:
        _export(database, fmt, out, filters)


def _export(database: Any, fmt: str, out: IO[str], filters: dict[str, Any]) -> None:
    from passerelle.store.export import export_documents

    if fmt in ("jsonl", "csv"):
        export_documents(database, fmt, out, **filters)
    else:
        _export_plover(database, out, filters)


def _export_graph(database: Any, fmt: str, output: str | None) -> None:
    """Graphs cover the whole knowledge base; GraphML is written as bytes."""
    export_graph = _graph_exporter()
    if output and output != "-":
        export_graph(database, fmt, output)
    elif fmt == "graphml":
        export_graph(database, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        export_graph(database, fmt, sys.stdout)


def _export_plover(database: Any, out: IO[str], filters: dict[str, Any]) -> None:
    from passerelle.store import iter_documents

    try:
        from passerelle.query.plover import records_to_plover
    except ImportError as exc:
        raise ConfigError(
            "PLOVER export is not available in this installation",
            hint=f"passerelle.query.plover could not be imported ({exc}); use --format jsonl",
        ) from exc
    records = (doc.to_record() for doc in iter_documents(database, **filters))
    for event in records_to_plover(records):
        out.write(json.dumps(event, ensure_ascii=False) + "\n")


def _graph_exporter() -> Any:
    try:
        from passerelle.query.graph import export_graph
    except ImportError as exc:
        raise ConfigError(
            "graph export is not available in this installation",
            hint=f"passerelle.query.graph could not be imported ({exc}); use --format jsonl",
        ) from exc
    return export_graph


@cli.command("info")
@db_option
@format_option(["text", "json"], default="text")
@cli_errors
def info_cli(db: str | None, fmt: str) -> None:
    """Show the version, the database, the components and the effective settings.

    Reads only: a database that does not exist yet is reported, not created. Each
    setting is listed with its value and where it came from (default, the settings
    file, an environment variable or -s).

    \b
    Example:
        passerelle info --db sqlite:///kb.sqlite
        passerelle -s fetch.timeout 5 info --format json
    """
    data = info(db, get_config())
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(_info_text(data))


def info(db: str | None = None, config: Config | None = None) -> dict[str, Any]:
    """The data ``passerelle info`` prints: version, database, components, settings."""
    from passerelle import registry
    from passerelle.extract import load_builtins
    from passerelle.store import Database
    from passerelle.store.export import describe
    from passerelle.version import __version__

    load_builtins()
    database = Database(db)
    try:
        return {
            "version": __version__,
            "database": describe(database),
            "components": registry.names(),
            "settings_file": str(config.file) if config and config.file else None,
            "settings": _settings_rows(config or load_config()),
        }
    finally:
        database.dispose()


def _settings_rows(config: Config) -> dict[str, dict[str, Any]]:
    rows = {name: {"value": value, "source": origin} for name, value, origin in config.rows()}
    url = rows["db.url"]["value"]
    if url:  # never print a password
        from sqlalchemy.engine import make_url

        try:
            rows["db.url"]["value"] = make_url(url).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001 - a bare path or a bad URL: shown as given
            pass
    return rows


def _info_text(data: dict[str, Any]) -> str:
    dbi = data["database"]
    lines = [f"passerelle {data['version']}", f"database: {dbi['url']} ({dbi['dialect']})"]
    if dbi["path"]:
        lines.append(f"file: {dbi['path']}" + ("" if dbi["exists"] else " (not created yet)"))
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in dbi["counts"].items())
    lines.append(f"counts: {counts or 'none'}")
    lines.append(f"migrations: {', '.join(dbi['migrations']) or 'none applied'}")
    lines.append(f"components: {', '.join(data['components']) or 'none registered'}")
    lines.append(f"settings file: {data['settings_file'] or 'none'}")
    lines.append("settings:")
    width = max(len(name) for name in data["settings"])
    for name, row in data["settings"].items():
        value = json.dumps(row["value"], ensure_ascii=False)
        lines.append(f"  {name:<{width}} = {value}  ({row['source']})")
    return "\n".join(lines)


__all__ = ["ingest_cli", "extract_cli", "export_cli", "info_cli", "info", "EXPORT_FORMATS"]
