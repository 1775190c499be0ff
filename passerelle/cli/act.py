"""Help users act: partner localities with similar conditions, and a briefing before a
visit.

Each command calls one function of :mod:`passerelle.query` (``partners``, ``briefing``)
and renders what it returns.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click

from passerelle.cli._group import cli
from passerelle.cli._options import cli_errors, db_option, format_option


def _open(db: str | None) -> Any:
    from passerelle.store import open_db

    return open_db(db)


def _partner_rows(ranked: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i, c in enumerate(ranked, 1):
        rows.append({"rank": i, "name": c["name"], "kind": c["kind"] or "",
                     "population": c["population"] or "", "score": c["score"],
                     "flags": ", ".join(c["flags"]),
                     "reasons": "; ".join(r["text"] for r in c["reasons"]),
                     "sources": " ".join(sorted({s["document_id"] for r in c["reasons"]
                                                 for s in r["sources"]}))})
    return rows


_PARTNER_COLUMNS = ["rank", "name", "kind", "population", "score", "flags", "reasons", "sources"]


def _table(rows: list[dict[str, Any]], columns: list[str], width: int = 60) -> str:
    def cell(v: Any) -> str:
        text = "" if v is None else str(v).replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip()]
    lines += ["  ".join(v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines) if rows else lines[0] + "\n(nothing found)"


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().rstrip("\n")


@cli.command("partners")
@click.argument("place")
@click.option("--country", metavar="ISO2", default=None,
              help="Partner country (default: the other country most linked to PLACE).")
@click.option("--limit", default=10, show_default=True, help="Most candidates shown.")
@db_option
@format_option(["table", "json", "csv"], default="table")
@cli_errors
def partners_cli(place: str, country: str | None, limit: int, db: str | None, fmt: str) -> None:
    """Localities of another country with conditions similar to PLACE, with the reasons.

    Reasons: kind and size (gazetteer), natural region (coastal, delta, mountain),
    concerns and sectors the articles attach to each place (with the documents and
    sentences they come from). Candidates the knowledge base does not cover yet are
    flagged "no coverage yet"; places already partners are flagged and ranked lower.

    Example:

        passerelle partners "Valras-Plage" --country VN --limit 5 --format json
    """
    from passerelle.query.partners import partners

    ranked = partners(_open(db), place, country=country, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(ranked, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        click.echo(_csv(_partner_rows(ranked), _PARTNER_COLUMNS))
    else:
        click.echo(_table(_partner_rows(ranked), _PARTNER_COLUMNS))


@cli.command("brief")
@click.argument("place")
@click.option("--visitor", metavar="NAME", default=None,
              help="The person travelling: adds their past contacts with the officials.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write to this file instead of the terminal.")
@db_option
@format_option(["markdown", "json", "html"], default="markdown")
@cli_errors
def brief_cli(place: str, visitor: str | None, output: Path | None, db: str | None,
              fmt: str) -> None:
    """A briefing to read before a visit to PLACE, every line with its source.

    The place and its hierarchy, the officials known for it, past visits and meetings,
    open and repeated commitments to follow up, sectors discussed, organisations met,
    the visitor's past contacts (--visitor) and the top partner candidates.

    Example:

        passerelle brief "Valras-Plage" --visitor "Le Van Son" --format markdown -o brief.md
    """
    from passerelle.query.briefing import briefing, render_html, render_markdown

    brief = briefing(_open(db), place, visitor=visitor)
    if fmt == "json":
        text = json.dumps(brief, ensure_ascii=False, indent=2, default=str)
    elif fmt == "html":
        text = render_html(brief)
    else:
        text = render_markdown(brief)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
