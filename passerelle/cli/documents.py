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
from passerelle.cli._options import cli_errors, db_option, format_option
from passerelle.errors import ConfigError
from passerelle.settings import Settings

EXPORT_FORMATS = ("jsonl", "csv", "plover", "graphml", "json-graph")


def _scale_options(func: Any) -> Any:
    func = click.option(
        "--scheduler", metavar="ADDR", default=None,
        help="Run extraction on this Dask scheduler (tcp://host:port).",
    )(func)
    return click.option(
        "--workers", type=click.IntRange(min=0), default=0, show_default=True,
        help="Extract on a local Dask cluster of N processes (0: in this process).",
    )(func)


@cli.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@_scale_options
@cli_errors
def ingest_cli(
    sources: tuple[str, ...], db: str | None, no_progress: bool, workers: int, scheduler: str | None
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
    """
    from passerelle.pipeline import ingest
    from passerelle.store import open_db

    database = open_db(db)
    settings = Settings(workers=workers, scheduler=scheduler, progress=not no_progress)
    summary = ingest(list(sources), database, progress=not no_progress, settings=settings)
    for failure in summary.failures:
        click.echo(f"failed: {failure.origin}: {failure.reason}", err=True)
    click.echo(summary.line())
    if not summary.ok:
        sys.exit(1)


@cli.command("extract")
@click.argument("sources", nargs=-1, required=True)
@format_option(["jsonl"], default="jsonl")
@_scale_options
@cli_errors
def extract_cli(sources: tuple[str, ...], fmt: str, workers: int, scheduler: str | None) -> None:
    """Extract articles and print one record a line (RECORD.md), without a database.

    Failures go to stderr, one line each; the exit code is 1 if any input failed.

    \b
    Example:
        passerelle extract article.html --format jsonl > records.jsonl
        passerelle extract corpus/input.jsonl --workers 4
    """
    from passerelle.pipeline import extract_only

    settings = Settings(workers=workers, scheduler=scheduler)
    failed = 0
    for item in extract_only(list(sources), settings=settings):
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
    """Show the version, the database (URL, file, counts, migrations) and the components.

    Reads only: a database that does not exist yet is reported, not created.

    \b
    Example:
        passerelle info --db sqlite:///kb.sqlite
        passerelle info --format json
    """
    data = info(db)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(_info_text(data))


def info(db: str | None = None) -> dict[str, Any]:
    """The data ``passerelle info`` prints: version, database and components."""
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
        }
    finally:
        database.dispose()


def _info_text(data: dict[str, Any]) -> str:
    dbi = data["database"]
    lines = [f"passerelle {data['version']}", f"database: {dbi['url']} ({dbi['dialect']})"]
    if dbi["path"]:
        lines.append(f"file: {dbi['path']}" + ("" if dbi["exists"] else " (not created yet)"))
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in dbi["counts"].items())
    lines.append(f"counts: {counts or 'none'}")
    lines.append(f"migrations: {', '.join(dbi['migrations']) or 'none applied'}")
    lines.append(f"components: {', '.join(data['components']) or 'none registered'}")
    return "\n".join(lines)


__all__ = ["ingest_cli", "extract_cli", "export_cli", "info_cli", "info", "EXPORT_FORMATS"]
