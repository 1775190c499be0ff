"""Benchmark of the knowledge base: ingestion and query latency on generated records.

Generates N documents whose records are made up here (no extraction: names, places
and events are drawn from generated pools, a share of events is told again by a
second outlet), stores them with ``store_document`` (which integrates each into the
knowledge base), then times every query type.

Usage::

    .venv/bin/python bench/bench_kb.py --n 100000                      # SQLite temp file
    .venv/bin/python bench/bench_kb.py --n 20000 --db postgresql+psycopg://u@h:5432/db

Prints ingestion time and rate, database size, and median / p95 latency per query.
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


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to generate")
    parser.add_argument("--db", default=None, help="database URL (default: a temp SQLite file)")
    parser.add_argument("--repeats", type=int, default=40, help="timed runs per query type")
    parser.add_argument("--batch", type=int, default=500, help="documents per transaction")
    parser.add_argument("--queries-only", action="store_true",
                        help="time the queries on an already loaded --db (N as loaded)")
    args = parser.parse_args(argv)
    url = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='bench_kb_')}/kb.sqlite"
    db = open_db(url)
    if not args.queries_only:
        seconds = ingest(db, args.n, args.batch)
        print(f"backend {db.dialect}  documents {args.n}  ingestion {seconds:.1f} s "
              f"({args.n / seconds:.0f} docs/s)  size {_size(db) / 1e6:.1f} MB")
    print(f"{'query':24} {'median ms':>10} {'p95 ms':>10}")
    for name, (median, p95) in time_queries(db, args.repeats, args.n).items():
        print(f"{name:24} {median:10.1f} {p95:10.1f}")
    db.dispose()


if __name__ == "__main__":
    main()
