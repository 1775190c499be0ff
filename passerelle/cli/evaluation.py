"""The ``eval`` command: score extraction against gold records (issue 3)."""

from __future__ import annotations

import json

import click

from passerelle.cli._group import cli
from passerelle.errors import PasserelleError
from passerelle.evaluate import Report, check_floors, format_details, format_table, parse_floor
from passerelle.evaluate.predict import evaluate_paths


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("files", nargs=-1)
@click.option("--inputs", "use_inputs", is_flag=True,
              help="FILES are sources to ingest and extract now, instead of one PRED.jsonl.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--language", metavar="CODE", help="Score only gold documents of this language.")
@click.option("--min", "floors", multiple=True, metavar="FIELD=VALUE",
              help="Fail (exit 1) when a figure is below VALUE; repeatable. "
                   "FIELD is a field, 'headline' or FIELD.precision/.recall/.f1.")
@click.option("--details", is_flag=True, help="Also list, per document, what was missed and extra.")
def eval_cli(
    gold: str, files: tuple[str, ...], use_inputs: bool, as_json: bool,
    language: str | None, floors: tuple[str, ...], details: bool,
) -> None:
    """Score system records against GOLD.jsonl (SCORING.md).

    Either give one PRED.jsonl, or --inputs and the sources to extract in one go.

    Example:

        passerelle eval gold.jsonl pred.jsonl --language en --min people=0.8

        passerelle eval gold.jsonl --inputs articles/ --details
    """
    try:
        wanted = [parse_floor(f) for f in floors]
    except PasserelleError as exc:
        raise click.BadParameter(str(exc), param_hint="--min") from exc
    try:
        pred_path, sources = _split_files(files, use_inputs)
        report, prediction = evaluate_paths(gold, pred_path, inputs=sources, language=language)
    except PasserelleError as exc:
        raise click.ClickException(str(exc)) from exc
    failed = check_floors(report, wanted)
    _print(report, prediction.failures, failed, as_json=as_json, details=details)
    if failed:
        raise SystemExit(1)


def _split_files(files: tuple[str, ...], use_inputs: bool) -> tuple[str | None, list[str]]:
    """``(PRED.jsonl, [])`` or ``(None, sources)``, checking how many were given."""
    if use_inputs:
        if not files:
            raise click.UsageError("--inputs needs at least one source after GOLD")
        return None, list(files)
    if len(files) != 1:
        raise click.UsageError(
            "give exactly one PRED.jsonl after GOLD (or use --inputs SOURCES...)"
        )
    return files[0], []


def _print(
    report: Report, failures: list[tuple[str, str]], failed: list[str], *,
    as_json: bool, details: bool,
) -> None:
    """Print the report as JSON, or as the table (then details, failures, unmet floors)."""
    if as_json:
        data = report.to_dict()
        data["source_failures"] = [{"origin": o, "reason": r} for o, r in failures]
        data["floors_failed"] = failed
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(format_table(report))
    if details:
        click.echo(format_details(report))
    for origin, reason in failures:
        click.echo(f"failed: {origin}: {reason}", err=True)
    if failed:
        click.echo("below the floor: " + "; ".join(failed), err=True)
