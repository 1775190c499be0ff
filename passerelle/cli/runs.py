"""``passerelle runs``: what earlier ingest runs (command line and web) did."""

from __future__ import annotations

from typing import Any

import click

from passerelle.cli._group import cli
from passerelle.cli._options import db_option, format_option
from passerelle.cli.knowledge import FORMATS, _emit, _run


def _row(run: Any) -> dict[str, Any]:
    return {"id": run.id, "status": run.status, "via": run.via or "", "started": run.started_at,
            "finished": run.finished_at or "", "stored": run.stored,
            "duplicates": run.duplicates + run.near_duplicates, "failed": run.failed,
            "sources": ", ".join(run.sources)}


_COLUMNS = ["id", "status", "via", "started", "stored", "duplicates", "failed", "sources"]


@cli.command("runs")
@click.argument("run_id", type=int, required=False)
@click.option("--limit", default=20, show_default=True, help="Most runs listed.")
@db_option
@format_option(FORMATS, default="table")
def runs_cli(run_id: int | None, limit: int, db: str | None, fmt: str) -> None:
    """List recent ingest runs, newest first, or show one run with all its failures.

    Runs started by `passerelle ingest` and by the web app's ingest page are both
    listed ("via" says which). A web run whose server stopped mid-way is shown as
    "interrupted"; its stored articles are kept.

    \b
    Example:
        passerelle runs --db sqlite:///kb.sqlite
        passerelle runs 12 --format json
    """
    from passerelle.store.runs import get_run, recent_runs

    if run_id is None:
        found = _run(recent_runs, db, limit=limit)
        _emit([r.to_dict() for r in found], [_row(r) for r in found], _COLUMNS, fmt)
        return
    run = _run(get_run, db, run_id)
    if run is None:
        raise click.ClickException(f"no run {run_id} in this database: "
                                   "`passerelle runs` lists the runs it has")
    rows = [{"origin": f.origin, "reason": f.reason, "at": f.at} for f in run.failures]
    if fmt == "table":
        click.echo(_one_run_text(run))
    _emit(run.to_dict(), rows, ["origin", "reason", "at"], fmt)


def _one_run_text(run: Any) -> str:
    """Header lines of one run before its failures table."""
    return (f"run {run.id}: {run.status} (via {run.via or 'unknown'})\n"
            f"started {run.started_at}, finished {run.finished_at or '-'}\n"
            f"stored {run.stored}, duplicates {run.duplicates}, near duplicates "
            f"{run.near_duplicates}, failed {run.failed}\n"
            f"sources: {', '.join(run.sources)}\nfailures:")
