"""Throughput of the full pipeline (read -> extract -> store) into SQLite and PostgreSQL.

Usage::

    .venv/bin/python bench/bench_pipeline.py [--n 5000] [--backend sqlite|postgresql|both]

Generates ``n`` pages (the generator of ``bench_ingest.py``: half scraped-text pages,
half HTML pages; each page also gets a paragraph of made-up words of its own, so that
pages are distinct articles rather than near-duplicates of six template sentences;
``--templated`` keeps the template pages as they are, a near-duplicate-heavy load), then
runs ``passerelle.pipeline.ingest`` over the folder, once per
backend, each in its own process so that peak memory (``ru_maxrss``) belongs to one
run. PostgreSQL is a throw-away server started the way ``tests/conftest.py`` does
(initdb in a temp dir, as the ``postgres`` OS user when run as root, on a free port of
127.0.0.1); without the binaries that backend is skipped with a message. Prints one
JSON line per backend: documents/s, peak RSS, database size.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


# --- one run, in a child process ---------------------------------------------------------------


def run_once(folder: Path, url: str) -> dict:
    """Ingest every page of ``folder`` into ``url`` and measure it."""
    from passerelle.pipeline import ingest
    from passerelle.store import open_db

    db = open_db(url)
    start = time.perf_counter()
    summary = ingest([str(folder)], db, progress=False)
    seconds = time.perf_counter() - start
    size = database_size(db)
    db.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "backend": db.dialect, "pages": summary.seen, "stored": summary.stored,
        "near_duplicates": summary.near_duplicates, "duplicates": summary.duplicates,
        "failed": summary.failed, "seconds": round(seconds, 1),
        "docs_per_second": round(summary.seen / seconds, 2),
        "peak_rss_mb": round(peak_mb, 1), "db_size_mb": round(size / 1e6, 2),
    }


def database_size(db) -> int:  # noqa: ANN001
    """Bytes on disk: the SQLite file (+ WAL) or ``pg_database_size``."""
    if db.dialect == "sqlite":
        return sum(p.stat().st_size for p in db.path.parent.glob(db.path.name + "*"))
    from sqlalchemy import text

    with db.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar())


# --- a throw-away PostgreSQL server (as tests/conftest.py) -------------------------------------


def pg_bindir() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` with ``initdb``, or ``None``."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def postgres_server(bindir: Path) -> Iterator[str]:
    """Start a temporary cluster; yield the URL of a fresh database; stop and remove it."""
    base = Path(tempfile.mkdtemp(prefix="passerelle-bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port, data = _free_port(), base / "data"

    def run(args: list[str]) -> None:
        subprocess.run(_as_postgres(args), check=True, capture_output=True, timeout=120)

    try:
        run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w",
             "-o", f"-p {port} -h 127.0.0.1 -k {base}", "start"])
        run([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
             "bench"])
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/bench"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                     "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


# --- driver ------------------------------------------------------------------------------------


def in_child(folder: Path, url: str) -> dict:
    """Run ``run_once`` in a new Python process (its own peak memory)."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), "--url", url],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


_SYLLABLES = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "ve", "zu", "bel", "dor", "fin"]


def _own_paragraph(rng: random.Random, words: int = 150) -> str:
    """Made-up words in short sentences: a paragraph no other page shares."""
    sentences, count = [], 0
    while count < words:
        n = rng.randint(8, 14)
        made_up = ("".join(rng.choices(_SYLLABLES, k=rng.randint(2, 3))) for _ in range(n))
        sentences.append(" ".join(made_up).capitalize() + ".")
        count += n
    return " ".join(sentences)


def make_distinct(folder: Path, seed: int = 11) -> None:
    """Add a paragraph of its own to each generated page (before the Source line / in the
    article element)."""
    rng = random.Random(seed)
    for path in sorted(folder.iterdir()):
        page, extra = path.read_text(encoding="utf-8"), _own_paragraph(rng)
        if path.suffix == ".html":
            page = page.replace("</article>", f"<p>{extra}</p></article>")
        else:
            page = page.replace("\nSource: ", f"\n{extra}\n\nSource: ")
        path.write_text(page, encoding="utf-8")


def bench(n: int, backends: list[str], templated: bool = False) -> Iterator[dict]:
    """Generate ``n`` pages and ingest them into each backend."""
    from bench_ingest import generate

    with tempfile.TemporaryDirectory(prefix="passerelle-bench-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        generate(pages, n)
        if not templated:
            make_distinct(pages)
        if "sqlite" in backends:
            yield in_child(pages, f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        if "postgresql" in backends:
            yield from _postgres(pages)


def _postgres(pages: Path) -> Iterator[dict]:
    bindir = pg_bindir()
    if bindir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        yield {"backend": "postgresql", "skipped": "PostgreSQL binaries or runuser not found"}
        return
    with postgres_server(bindir) as url:
        yield in_child(pages, url)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="pages to generate (default 5000)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--templated", action="store_true",
                        help="keep bench_ingest's template pages (mostly near-duplicates)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_once(args.child, args.url)))
        return
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for result in bench(args.n, backends, args.templated):
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
