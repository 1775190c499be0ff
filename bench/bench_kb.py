"""Benchmark of the knowledge base: ingestion and query latency on generated records.

Generates N documents whose records are made up here (no extraction: names, places
and events are drawn from generated pools, a share of events is told again by a
second outlet), stores them with ``store_document`` (which integrates each into the
knowledge base), then times every query type.

Usage::

    .venv/bin/python bench/bench_kb.py --n 100000                      # SQLite temp file
    .venv/bin/python bench/bench_kb.py --n 20000 --db postgresql+psycopg://u@h:5432/db
    .venv/bin/python bench/bench_kb.py --db postgresql+psycopg://u@h:5432/db \
        --copy-from sqlite:////tmp/kb100k/kb.sqlite       # bulk copy, then time queries

Prints ingestion time and rate, database size, and median / p95 latency per query.
``--copy-from`` does not ingest: it copies every table of an existing bench base
(SQLite) into the empty PostgreSQL ``--db`` with COPY, checks the row counts, and
prints the copy time as "copied, not ingested" before timing the queries.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from passerelle import query
from passerelle.errors import StoreError
from passerelle.records import (
    SECTORS,
    Commitment,
    Document,
    Event,
    Organization,
    Person,
    Place,
    Source,
    Title,
)
from passerelle.store import open_db, store_document

_SYLLABLES_VN = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
_MIDDLE_VN = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc"]
_GIVEN_VN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hạnh", "Khoa", "Lan", "Long", "Mai", "Nam",
             "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Vy"]
_GIVEN_FR = ["Alice", "Bruno", "Claire", "Denis", "Emma", "Fabien", "Gaëlle", "Hugo", "Inès",
             "Julien", "Karine", "Louis", "Manon", "Nicolas", "Océane", "Pierre"]
_FAMILY_FR = ["Arnaud", "Bernard", "Chevalier", "Dubois", "Fontaine", "Garnier", "Lambert",
              "Marchand", "Moreau", "Perrin", "Renaud", "Roussel", "Vidal"]
_WORDS = ("cooperation training port railway vineyard hospital students satellite heritage "
          "seafood startup climate festival delegation partnership exchange investment school "
          "university museum energy tourism research agreement friendship").split()
_OUTLETS = ["Wire A", "Journal B", "Daily C", "Gazette D"]


def _strip(name: str) -> str:
    from unidecode import unidecode

    return unidecode(name)


class Pools:
    """Generated people, places and organisations (deterministic for a seed)."""

    def __init__(self, n: int, rng: random.Random) -> None:
        self.people = [self._person(i, rng) for i in range(max(60, n // 15))]
        self.places = [self._place(i, rng) for i in range(max(30, n // 40))]
        self.orgs = [Organization(f"{rng.choice(_WORDS).title()} Agency {i}", [f"A{i}X"],
                                  "agency", rng.choice(["FR", "VN"])) for i in range(max(20, n // 60))]

    @staticmethod
    def _person(i: int, rng: random.Random) -> Person:
        if i % 2:
            name = f"{rng.choice(_SYLLABLES_VN)} {rng.choice(_MIDDLE_VN)} {rng.choice(_GIVEN_VN)} {i}"
            return Person(name, [f"Ambassador {name.split()[-2]}"], [Title("Ambassador", "Vietnam")],
                          "VN")
        name = f"{rng.choice(_GIVEN_FR)} {rng.choice(_FAMILY_FR)} {i}"
        return Person(name, [], [Title("Mayor", f"Town {i}")], "FR")

    @staticmethod
    def _place(i: int, rng: random.Random) -> Place:
        country = rng.choice(["FR", "VN"])
        region = f"Region {i % 12} {country}"
        return Place(f"Town {i}", [], "city", country, round(rng.uniform(10, 50), 4),
                     round(rng.uniform(-5, 110), 4), 100000 + i, [region, country])


def _published(rng: random.Random) -> str:
    return (date(2022, 1, 1) + timedelta(days=rng.randrange(1400))).isoformat()


def generate(n: int, seed: int = 5) -> Iterator[Document]:
    """N made-up documents; about a third re-tell the previous document's event."""
    rng = random.Random(seed)
    pools = Pools(n, rng)
    previous: Document | None = None
    for i in range(n):
        retell = previous is not None and rng.random() < 0.3
        doc = _retold(previous, i, rng) if retell and previous else _fresh(pools, i, rng)
        previous = doc
        yield doc


def _fresh(pools: Pools, i: int, rng: random.Random) -> Document:
    people = rng.sample(pools.people, rng.randint(2, 4))
    place = rng.choice(pools.places)
    orgs = rng.sample(pools.orgs, rng.randint(0, 2))
    published = _published(rng)
    sectors = rng.sample(SECTORS, rng.randint(1, 2))
    start = (date.fromisoformat(published) - timedelta(days=rng.randint(0, 4))).isoformat()
    names = [p.name for p in people]
    body = (f"{names[0]} visited {place.name} and met {', '.join(names[1:])} about "
            f"{' '.join(rng.sample(_WORDS, 6))}. Story number {i}.")
    events = [Event("visit", names[:1], place.name, start, None, "day", sectors, body),
              Event("meeting", names[:2], place.name, start, None, "day", sectors, body)]
    commitments = []
    if rng.random() < 0.4:
        commitments.append(Commitment(names[1], rng.choice(["intent", "pledge", "proposal"]),
                                      names[0], sectors[:1], f"more {rng.choice(_WORDS)}", body))
    return Document(id=f"g{i}", body=body, title=f"{names[0]} in {place.name} ({i})",
                    published=published, language="en", source=Source(
                        url=f"https://bench.test/{i}", outlet=rng.choice(_OUTLETS)),
                    people=people, organizations=orgs, places=[place], events=events,
                    commitments=commitments, sectors=sectors)


def _retold(prev: Document, i: int, rng: random.Random) -> Document:
    """The same story at another outlet, in French, with unaccented names, a day later."""
    people = [Person(_strip(p.name), [], p.titles, p.country) for p in prev.people]
    events = [Event(e.type, [_strip(x) for x in e.participants], e.place, None, None, None,
                    e.sectors, e.evidence) for e in prev.events]
    published = (date.fromisoformat(prev.published or "2022-01-01") + timedelta(days=1)).isoformat()
    body = f"Reprise {i}: " + prev.body.replace("visited", "a visité")
    return Document(id=f"g{i}", body=body, title=f"Reprise {i}", published=published,
                    language="fr", source=Source(url=f"https://bench.test/{i}",
                                                 outlet=rng.choice(_OUTLETS)),
                    people=people, places=prev.places, events=events, sectors=prev.sectors)


def ingest(db: Any, n: int, batch: int = 500) -> float:
    """Store the generated documents (``batch`` per transaction); seconds taken.

    Each document goes through ``store_document`` (duplicate checks, row, LSH bands,
    then ``integrate_document``), exactly as ``passerelle ingest`` does; only the
    transactions are larger than the pipeline's one per document.
    """
    started = time.perf_counter()
    docs = generate(n)
    done = 0
    while done < n:
        with db.transaction() as conn:
            for doc in (next(docs) for _ in range(min(batch, n - done))):
                store_document(conn, doc, None, "bench", near_threshold=1.01)
                done += 1
        elapsed = time.perf_counter() - started
        print(f"\r  stored {done}/{n}  {elapsed:.0f} s  {done / elapsed:.0f} docs/s", end="",
              file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return time.perf_counter() - started


def _size(db: Any) -> int:
    if db.dialect == "sqlite":
        path = str(db.path)
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    with db.connect() as conn:
        from sqlalchemy import text

        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar())


def workload(db: Any, rng: random.Random, n: int) -> dict[str, Callable[[], Any]]:
    """One callable per query type, each drawing its own parameters."""
    people = [p["id"] for p in query.entities(db, "person", limit=500)]
    places = [p["name"] for p in query.entities(db, "place", limit=200)]
    words = _WORDS + ["ambassador", "town", "nguyen", "claire"]
    return {
        "stats": lambda: query.stats(db),
        "timeline": lambda: query.timeline(db, limit=50),
        "timeline person": lambda: query.timeline(db, person=rng.choice(people), limit=50),
        "timeline place": lambda: query.timeline(db, place=rng.choice(places), limit=50),
        "timeline sector+dates": lambda: query.timeline(
            db, sector=rng.choice(SECTORS), date_from="2023-01", date_to="2023-12", limit=50),
        "search": lambda: query.search(db, rng.choice(words)),
        "search filtered": lambda: query.search(db, rng.choice(words), language="fr"),
        "profile person": lambda: query.profile(db, "person", rng.choice(people)),
        "profile place": lambda: query.profile(db, "place", rng.choice(places)),
        "commitments open": lambda: query.commitments(db, status="open", limit=50),
        "places_map": lambda: query.places_map(db),
        "document": lambda: query.document(db, f"g{rng.randrange(n)}"),
        "entities q": lambda: query.entities(db, "person", q=rng.choice(["nguyen", "claire", "tr"])),
        "sectors_over_time": lambda: query.sectors_over_time(db),
    }


def time_queries(db: Any, repeats: int, n: int) -> dict[str, tuple[float, float]]:
    """Median and p95 latency (ms) per query type."""
    out = {}
    for name, call in workload(db, random.Random(11), n).items():
        call()  # warm caches
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        out[name] = (statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)])
    return out


# --- --copy-from: bulk copy of an existing SQLite bench base into PostgreSQL --------------

_SKIP_TABLES = {"migrations"}  # filled by open_db's migrations on the target


def _pg_tables(cur: Any) -> list[str]:
    """Public tables of the PostgreSQL target, parents (FK targets) first."""
    cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    tables = [r[0] for r in cur.fetchall()]
    cur.execute("SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
                "WHERE contype = 'f' AND conrelid <> confrelid")
    parents: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in cur.fetchall():
        parents[child.strip('"')].add(parent.strip('"'))
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        if not ready:
            raise StoreError(f"foreign-key cycle among {set(tables) - set(ordered)}")
        ordered.extend(ready)
    return ordered


def _pg_columns(cur: Any, table: str) -> list[str]:
    """Columns of ``table`` that can be written (generated columns left out)."""
    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "'public' AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
                (table,))
    return [r[0] for r in cur.fetchall()]


def _sqlite_select(src: Any, table: str, columns: list[str]) -> str:
    """SELECT reading ``columns`` from the SQLite table (``id`` from rowid if absent)."""
    have = {r[1] for r in src.execute(f'PRAGMA table_info("{table}")')}
    missing = [c for c in columns if c not in have and c != "id"]
    if missing:
        raise StoreError(f"SQLite table {table} lacks columns {missing}: not a bench base?")
    cols = [f'"{c}"' if c in have else "rowid AS id" for c in columns]
    return f'SELECT {", ".join(cols)} FROM "{table}"'


def _copy_table(src: Any, cur: Any, table: str, batch: int) -> int:
    """COPY every row of one SQLite table into the same PostgreSQL table; rows copied."""
    columns = _pg_columns(cur, table)
    rows = src.execute(_sqlite_select(src, table, columns))
    done = 0
    quoted = ", ".join(f'"{c}"' for c in columns)
    with cur.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
        while chunk := rows.fetchmany(batch):
            for row in chunk:
                copy.write_row(row)
            done += len(chunk)
    return done


def _reset_sequences(cur: Any, tables: list[str]) -> None:
    """Set each serial sequence to the largest id copied (next insert gets max + 1)."""
    for table in tables:
        cur.execute("SELECT pg_get_serial_sequence(%s, 'id') FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s AND column_name = 'id'",
                    (f'"{table}"', table))
        found = cur.fetchone()
        if found and found[0]:
            cur.execute(f'SELECT setval(%s, COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) '
                        f'FROM "{table}"', (found[0],))


def _row_counts(src: Any, cur: Any, tables: list[str]) -> list[tuple[str, int, int]]:
    """(table, SQLite rows, PostgreSQL rows) for every table."""
    out = []
    for table in tables:
        cur.execute(f'SELECT COUNT(*) FROM "{table}"')
        pg_rows = cur.fetchone()[0]
        out.append((table, src.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0], pg_rows))
    return out


def copy_from(db: Any, sqlite_url: str, batch: int = 5000) -> tuple[float, int]:
    """Bulk-copy an existing SQLite bench base into the empty PostgreSQL ``db``.

    The schema comes from ``open_db`` (migrations); tables are copied parents first
    with COPY, sequences are reset to max(id), then VACUUM (ANALYZE): fresh
    statistics and a visibility map, as autovacuum leaves an ingested base. Row
    counts of every table are compared on both sides afterwards.

    Args:
        db: the opened (migrated) PostgreSQL ``Database``; its tables must be empty.
        sqlite_url: ``sqlite:///path`` of the base to copy (opened read-only).
        batch: SQLite rows fetched at a time.

    Returns:
        Seconds taken (copy + sequences + VACUUM ANALYZE) and the number of documents.

    Raises:
        StoreError: the target is not PostgreSQL or not empty, or a row count differs.
    """
    import sqlite3

    if db.dialect != "postgresql":
        raise StoreError("--copy-from needs a PostgreSQL --db: pass --db postgresql+psycopg://...")
    path = sqlite_url.split("sqlite:///", 1)[-1]
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    raw = db.engine.raw_connection()
    try:
        return _copy_all(src, raw.driver_connection, batch)
    finally:
        raw.close()
        src.close()


def _copy_all(src: Any, pg: Any, batch: int) -> tuple[float, int]:
    """Copy every table in one transaction, vacuum, then compare the row counts."""
    started = time.perf_counter()
    with pg.cursor() as cur:
        tables = [t for t in _pg_tables(cur) if t not in _SKIP_TABLES]
        for table in tables:
            cur.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")')
            if cur.fetchone()[0]:
                raise StoreError(f"target table {table} is not empty: use a new database")
        for table in tables:
            t0 = time.perf_counter()
            rows = _copy_table(src, cur, table, batch)
            print(f"  copied {table:22} {rows:>9} rows  {time.perf_counter() - t0:6.1f} s",
                  file=sys.stderr, flush=True)
        _reset_sequences(cur, tables)
    pg.commit()
    pg.autocommit = True
    pg.execute("VACUUM (ANALYZE)")  # statistics and visibility map, as autovacuum would leave
    pg.autocommit = False
    seconds = time.perf_counter() - started
    with pg.cursor() as cur:
        counts = _row_counts(src, cur, tables)
    for table, left, right in counts:
        print(f"  rows {table:22} sqlite {left:>9}  postgresql {right:>9}  "
              f"{'ok' if left == right else 'DIFFERENT'}")
    if any(left != right for _, left, right in counts):
        raise StoreError("row counts differ between SQLite and PostgreSQL: copy is incomplete")
    return seconds, dict((t, r) for t, r, _ in counts)["documents"]


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to generate")
    parser.add_argument("--db", default=None, help="database URL (default: a temp SQLite file)")
    parser.add_argument("--repeats", type=int, default=40, help="timed runs per query type")
    parser.add_argument("--batch", type=int, default=500, help="documents per transaction")
    parser.add_argument("--queries-only", action="store_true",
                        help="time the queries on an already loaded --db (N as loaded)")
    parser.add_argument("--copy-from", metavar="SQLITE_URL", default=None,
                        help="fill the empty PostgreSQL --db by bulk-copying this SQLite bench "
                             "base (no ingestion; N = its documents), then time the queries")
    args = parser.parse_args(argv)
    url = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='bench_kb_')}/kb.sqlite"
    db = open_db(url)
    if args.copy_from:
        seconds, args.n = copy_from(db, args.copy_from)
        print(f"backend {db.dialect}  documents {args.n}  copied, not ingested: bulk COPY from "
              f"{args.copy_from} in {seconds:.1f} s (incl. VACUUM ANALYZE)  "
              f"size {_size(db) / 1e6:.1f} MB")
    elif not args.queries_only:
        seconds = ingest(db, args.n, args.batch)
        print(f"backend {db.dialect}  documents {args.n}  ingestion {seconds:.1f} s "
              f"({args.n / seconds:.0f} docs/s)  size {_size(db) / 1e6:.1f} MB")
    print(f"{'query':24} {'median ms':>10} {'p95 ms':>10}")
    for name, (median, p95) in time_queries(db, args.repeats, args.n).items():
        print(f"{name:24} {median:10.1f} {p95:10.1f}")
    db.dispose()


if __name__ == "__main__":
    main()
