"""Questions to the knowledge base: show, timeline, search, commitments, merge, split,
people, places, orgs.

Each command parses its options, calls one function of :mod:`passerelle.query`, and
prints the result as a table, JSON or CSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from passerelle.cli._group import cli
from passerelle.cli._options import db_option, format_option
from passerelle.errors import PasserelleError

FORMATS = ["table", "json", "csv"]


def _open(db: str | None) -> Any:
    from passerelle.store import open_db

    return open_db(db)


def _run(func: Callable[..., Any], db: str | None, *args: Any, **kwargs: Any) -> Any:
    """Call a query function on the database; turn our errors into click errors."""
    try:
        return func(_open(db), *args, **kwargs)
    except PasserelleError as exc:
        raise click.ClickException(str(exc)) from exc


def _emit(data: Any, rows: list[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue().rstrip("\n"))
    else:
        click.echo(_table(rows, columns))


def _table(rows: list[dict[str, Any]], columns: Sequence[str], width: int = 48) -> str:
    cells = [[_cell(r.get(c), width) for c in columns] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip()]
    lines += ["  ".join(v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines) if rows else lines[0] + "\n(nothing found)"


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def filter_options(func: Any) -> Any:
    """``--place --person --org --sector --country --from --to --language --outlet``."""
    options = [
        click.option("--outlet", help="Only articles of this outlet."),
        click.option("--language", help="Only articles in this language (ISO 639-1)."),
        click.option("--to", "date_to", metavar="DATE", help="Until YYYY[-MM[-DD]]."),
        click.option("--from", "date_from", metavar="DATE", help="From YYYY[-MM[-DD]]."),
        click.option("--country", help="A place or participant of this country (ISO2)."),
        click.option("--sector", help="A sector slug (diplomacy, economy, education...)."),
        click.option("--org", help="An organisation (name or id)."),
        click.option("--person", help="A person (name or id)."),
        click.option("--place", help="A place, or anything inside it (name or id)."),
    ]
    for option in options:
        func = option(func)
    return func


def _event_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": e["id"], "date": e["start"] or (e["sources"][0]["published"] if e["sources"]
                                                      else None),
             "type": e["type"], "participants": ", ".join(p["name"] for p in e["participants"]),
             "place": e["place"]["name"] if e["place"] else "", "sectors": ",".join(e["sectors"]),
             "sources": e["source_count"]} for e in events]


@cli.command("timeline")
@filter_options
@click.option("--limit", default=50, show_default=True, help="Most events shown.")
@db_option
@format_option(FORMATS, default="table")
def timeline_cli(db: str | None, fmt: str, limit: int, **filters: Any) -> None:
    """Events, newest first, with how many articles tell each.

    Example:

        passerelle timeline --person "Dinh Toan Thang" --from 2025-01 --format json
    """
    from passerelle.query import timeline

    events = _run(timeline, db, limit=limit, **filters)
    _emit(events, _event_rows(events), ["id", "date", "type", "participants", "place", "sectors",
                                        "sources"], fmt)


@cli.command("search")
@click.argument("words")
@filter_options
@click.option("--limit", default=20, show_default=True, help="Most results shown.")
@db_option
@format_option(FORMATS, default="table")
def search_cli(words: str, db: str | None, fmt: str, limit: int, **filters: Any) -> None:
    """Full-text search of articles, events, commitments, people, organisations and places.

    Diacritics and case are ignored; the last word may be the start of a word.

    Example:

        passerelle search "vocational training" --country FR --format table
    """
    from passerelle.query import search

    found = _run(search, db, words, limit=limit, **filters)
    rows = [{"kind": r["kind"], "id": r["id"], "title": r["title"], "snippet": r["snippet"]}
            for r in found["results"]]
    _emit(found, rows, ["kind", "id", "title", "snippet"], fmt)


@cli.command("commitments")
@click.option("--status", type=click.Choice(["open", "repeated", "fulfilled"]),
              help="Only commitments with this status.")
@filter_options
@click.option("--limit", default=100, show_default=True, help="Most commitments shown.")
@db_option
@format_option(FORMATS, default="table")
def commitments_cli(status: str | None, db: str | None, fmt: str, limit: int,
                    **filters: Any) -> None:
    """Commitments followed across articles: made, repeated, advanced, fulfilled.

    Example:

        passerelle commitments --status open --sector education
    """
    from passerelle.query import commitments

    items = _run(commitments, db, status=status, limit=limit, **filters)
    rows = [{"id": c["id"], "status": c["status"], "kind": c["kind"],
             "actor": (c["actor"] or {}).get("name"), "counterpart": (c["counterpart"] or {}).get(
                 "name"), "summary": c["summary"], "first": c["first_date"],
             "steps": " > ".join(s["step"] for s in c["trail"])} for c in items]
    _emit(items, rows, ["id", "status", "kind", "actor", "counterpart", "summary", "first",
                        "steps"], fmt)


@cli.command("show")
@click.argument("kind", type=click.Choice(["person", "org", "organization", "place"]))
@click.argument("name")
@db_option
@format_option(FORMATS, default="table")
def show_cli(kind: str, name: str, db: str | None, fmt: str) -> None:
    """Everything known about one person, organisation or place (NAME or id).

    Example:

        passerelle show person "Dinh Toan Thang"
    """
    from passerelle.query import profile

    p = _run(profile, db, kind, name)
    if fmt == "table":
        click.echo(_profile_text(p))
        return
    rows = [{"relation": "office", "name": o["role"], "detail": o["of"],
             "date": o["first_seen"]} for o in p["offices"]]
    rows += [{"relation": e["type"], "name": ", ".join(x["name"] for x in e["participants"]),
              "detail": (e["place"] or {}).get("name"), "date": e["start"]} for e in p["events"]]
    _emit(p, rows, ["relation", "name", "detail", "date"], fmt)


def _profile_text(p: dict[str, Any]) -> str:
    lines = [f"{p['name']} ({p['kind']}, id {p['id']}, country {p['country'] or '?'})"]
    if p["aliases"]:
        lines.append("also: " + "; ".join(p["aliases"]))
    if p.get("parents"):
        lines.append("in: " + " ⊂ ".join(p["parents"]))
    placed = {o["role"] for o in p["offices"] if o["of"]}
    for o in p["offices"]:
        if not o["of"] and o["role"] in placed:
            continue  # "Ambassador" adds nothing to "Ambassador of Vietnam"
        where = f" of {o['of']}" if o["of"] else ""
        lines.append(f"office: {o['role']}{where} ({o['first_seen']} .. {o['last_seen']})")
    lines.append(f"events: {len(p['events'])} (visits {len(p['visits'])}, meetings "
                 f"{len(p['meetings'])})")
    lines += [f"  {r['date'] or '?'}  {r['type']}  {r['participants']}  {r['place']}"
              for r in _event_rows(p["events"][:20])]
    if p["counterparts"]:
        lines.append("met: " + ", ".join(f"{c['name']} ({c['count']})"
                                         for c in p["counterparts"][:10]))
    for c in p["commitments"][:10]:
        lines.append(f"commitment [{c['status']}]: {c['summary']}")
    lines.append(f"articles: {len(p['sources'])}")
    return "\n".join(lines)


def _list_command(name: str, kind: str) -> None:
    @cli.command(name)
    @click.option("--q", "text", metavar="WORDS", help="Names starting with these words.")
    @click.option("--limit", default=50, show_default=True, help="Most rows shown.")
    @db_option
    @format_option(FORMATS, default="table")
    def command(text: str | None, limit: int, db: str | None, fmt: str) -> None:
        from passerelle.query import entities

        items = _run(entities, db, kind, q=text, limit=limit)
        _emit(items, items, ["id", "name", "country", "subkind", "doc_count"], fmt)

    command.__doc__ = (f"List {name}, the most written about first.\n\n    Example:\n\n"
                       f"        passerelle {name} --q nguyen --limit 10\n    ")
    command.help = command.__doc__


for _name, _kind in (("people", "person"), ("orgs", "organization"), ("places", "place")):
    _list_command(_name, _kind)


@cli.command("merge")
@click.argument("kind", type=click.Choice(["person", "org", "organization", "place"]))
@click.argument("keep")
@click.argument("other")
@click.option("--note", help="Why (kept with the correction).")
@db_option
@format_option(["table", "json"], default="table")
def merge_cli(kind: str, keep: str, other: str, note: str | None, db: str | None,
              fmt: str) -> None:
    """Merge OTHER into KEEP (names or ids); recorded and re-applied after re-extraction.

    Example:

        passerelle merge org "AFD" "Agence Française de Développement" --note "same agency"
    """
    from passerelle.query import merge_entities

    result = _run(merge_entities, db, kind, keep, other, note=note)
    click.echo(json.dumps(result, ensure_ascii=False) if fmt == "json" else
               f"merged {result['merged']} into {result['kept']} ({result['name']})")


@cli.command("split")
@click.argument("kind", type=click.Choice(["person", "org", "organization", "place"]))
@click.argument("name")
@click.argument("alias")
@click.option("--note", help="Why (kept with the correction).")
@db_option
@format_option(["table", "json"], default="table")
def split_cli(kind: str, name: str, alias: str, note: str | None, db: str | None,
              fmt: str) -> None:
    """Split a name form ALIAS (or a document id) off NAME; recorded and kept.

    Example:

        passerelle split person "Nguyen Van An" "doc-2024-17"
    """
    from passerelle.query import split_entity

    result = _run(split_entity, db, kind, name, alias, note=note)
    click.echo(json.dumps(result, ensure_ascii=False) if fmt == "json" else
               f"split {alias!r} off {result['entity']} as {result['new']} "
               f"({len(result['moved_documents'])} document(s))")
