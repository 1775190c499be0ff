"""Render time of each web page on a large knowledge base: p50 and p95, in-process.

Usage::

    .venv/bin/python bench/bench_web.py --docs 2000 --runs 20
    .venv/bin/python bench/bench_web.py --db sqlite:////tmp/kb/kb.sqlite   # base built by bench_kb.py

Builds a SQLite knowledge base in a temp folder from made-up articles (the KB
engineer's generator ``bench/bench_kb.py`` is used when it offers
``generate_documents(n)``; otherwise the small generator below), stores them through
``passerelle.store.store_document`` (which also fills the knowledge base), then times
GET requests to every page and JSON twin through the in-process client.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.records import Commitment, Document, Event, Mention, Person, Place, Source, Title  # noqa: E402

SECTORS = ["diplomacy", "economy", "education", "culture", "heritage", "tourism", "agriculture",
           "technology", "transport", "climate", "health", "energy"]
# Real coordinates of cities so the map has something to draw; the people are invented.
PLACES = [("Lyon", "FR", 45.76, 4.84), ("Bordeaux", "FR", 44.84, -0.58), ("Toulouse", "FR", 43.60, 1.44),
          ("Nantes", "FR", 47.22, -1.55), ("Lille", "FR", 50.63, 3.06), ("Marseille", "FR", 43.30, 5.37),
          ("Strasbourg", "FR", 48.57, 7.75), ("Rennes", "FR", 48.11, -1.68), ("Hanoi", "VN", 21.03, 105.85),
          ("Hue", "VN", 16.46, 107.59), ("Da Nang", "VN", 16.05, 108.20), ("Can Tho", "VN", 10.05, 105.75),
          ("Hai Phong", "VN", 20.84, 106.69), ("Quang Ninh", "VN", 21.01, 107.29), ("Nice", "FR", 43.70, 7.27)]
GIVEN = ["Anne", "Paul", "Claire", "Marc", "Lan", "Minh", "Hung", "Thao", "Luc", "Mai", "Sophie", "Duc"]
FAMILY = ["Martin", "Dubois", "Nguyen", "Tran", "Le", "Pham", "Bernard", "Moreau", "Hoang", "Vo", "Roux"]


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)} {rng.choice(FAMILY)}", rng.choice(["FR", "VN"])


def _mentions(body: str, name: str) -> list[Mention]:
    at = body.find(name)
    return [Mention(at, at + len(name))] if at >= 0 else []


def make_document(i: int, rng: random.Random) -> Document:
    """One made-up, extracted article."""
    (a, ca), (b, cb) = _person(rng), _person(rng)
    place, country, lat, lon = rng.choice(PLACES)
    day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sectors = rng.sample(SECTORS, 2)
    s1 = f"{a} visited {place} on {day} for talks on {sectors[0]} (story {i})."
    s2 = f"{a} met {b} to discuss {sectors[1]} projects."
    s3 = f"{b} proposed a joint programme on {sectors[0]}."
    body = f"{s1}\n\n{s2}\n\n{s3}"
    return Document(
        id=f"bench-{i}", body=body, title=f"Cooperation story {i} in {place}", published=day, language="en",
        source=Source(url=f"https://bench.example.org/{i}", outlet=rng.choice(["Daily A", "Weekly B", "Radio C"])),
        people=[Person(a, titles=[Title("Ambassador", "Vietnam")], country=ca, mentions=_mentions(body, a)),
                Person(b, titles=[Title("Mayor", place)], country=cb, mentions=_mentions(body, b))],
        places=[Place(place, kind="city", country=country, lat=lat, lon=lon, mentions=_mentions(body, place))],
        events=[Event("visit", [a], place, day, day, "day", [sectors[0]], s1),
                Event("meeting", [a, b], place, day, day, "day", [sectors[1]], s2)],
        commitments=[Commitment(b, "proposal", a, [sectors[0]], "joint programme", s3)],
        sectors=sectors,
    )


def _documents(n: int) -> list[Document]:
    spec = importlib.util.spec_from_file_location("bench_kb", ROOT / "bench" / "bench_kb.py")
    if spec and spec.loader and (ROOT / "bench" / "bench_kb.py").exists():
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "generate_documents"):
            return list(module.generate_documents(n))
    rng = random.Random(7)
    return [make_document(i, rng) for i in range(n)]


def build(url: str, n: int) -> float:
    """Fill the database at ``url`` with ``n`` documents; seconds taken."""
    from passerelle.store import open_db, store_document

    db = open_db(url)
    started = time.perf_counter()
    for doc in _documents(n):
        with db.transaction() as conn:
            store_document(conn, doc, raw=None, origin=f"bench:{doc.id}")
    db.dispose()
    return time.perf_counter() - started


def first_document(url: str) -> str:
    """Id of the first document of an existing base (``--db``)."""
    from sqlalchemy import text

    from passerelle.store import open_db

    db = open_db(url)
    with db.connect() as conn:
        doc_id = conn.execute(text("SELECT doc_id FROM kb_docs ORDER BY id LIMIT 1")).scalar()
    db.dispose()
    return str(doc_id)


def pages(client: Any, doc_id: str = "bench-1") -> list[str]:
    """Paths to time, with real ids taken from the base."""
    person = client.get("/entities/people.json", params={"limit": 1}).json()[0]["id"]
    place = client.get("/entities/places.json", params={"limit": 1}).json()[0]["id"]
    return ["/", "/map", "/map.json", "/timeline", "/timeline?sector=economy", "/timeline.json",
            "/search?q=programme", "/search?q=Lyon&sector=economy", "/commitments", "/commitments?status=open",
            "/entities/people", f"/people/{person}", f"/places/{place}", f"/documents/{doc_id}",
            "/export/timeline.csv?sector=culture"]


def time_page(client: Any, path: str, runs: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds of ``runs`` GETs of ``path``."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}: {response.text[:200]}")
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def main(argv: list[str] | None = None) -> None:
    """Build the base, time every page, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the base (default 2000)")
    parser.add_argument("--runs", type=int, default=20, help="requests per page (default 20)")
    parser.add_argument("--db", default=None,
                        help="time an existing base (e.g. built by bench/bench_kb.py) instead")
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from passerelle.web import WebOptions, create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        if args.db is None:
            print(f"building {args.docs} documents: {build(url, args.docs):.1f}s", flush=True)
        doc_id = first_document(url) if args.db else "bench-1"
        with TestClient(create_app(WebOptions(db_url=url))) as client:
            print(f"{'page':45} {'p50 ms':>8} {'p95 ms':>8}")
            for path in pages(client, doc_id):
                p50, p95 = time_page(client, path, args.runs)
                print(f"{path:45} {p50:8.1f} {p95:8.1f}", flush=True)


if __name__ == "__main__":
    main()
