"""Shared fixtures.

``shared_dir`` is the third-party material beside the project (``../shared``): tests
read it at run time and never copy its text. In CI (``CI=true``) its absence is an
error; elsewhere the tests that need it are skipped with a message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PASSERELLE_SHARED", ROOT.parent / "shared"))


def _shared_or_skip() -> Path:
    if SHARED.is_dir() and (SHARED / "corpus" / "dev").is_dir():
        return SHARED
    msg = f"../shared not found at {SHARED} (set PASSERELLE_SHARED to its path)"
    if os.environ.get("CI"):
        pytest.fail(msg + ": CI must have it")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Path of ``../shared`` (fails in CI, skips elsewhere when missing)."""
    return _shared_or_skip()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The project's own example corpus, written by us."""
    return ROOT / "examples"


# --- PostgreSQL: a throw-away server for the whole session (store area) ---------------------

import glob  # noqa: E402
import itertools  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True)
class PgServer:
    """A PostgreSQL server started by the tests, reachable on 127.0.0.1."""

    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        """SQLAlchemy URL of ``database`` on this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_pg_version)
    return Path(found[-1]).parent if found else None


def _pg_version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: drop to the postgres OS user when we are root.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _missing(msg: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(msg + ": CI must have PostgreSQL")
    pytest.skip(msg)


def _start_pg(bindir: Path, base: Path, port: int) -> None:
    data = base / "data"
    run = lambda args: subprocess.run(  # noqa: E731
        _as_postgres(args), check=True, capture_output=True, text=True, timeout=120
    )
    run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
    opts = f"-p {port} -h 127.0.0.1 -k {base} -F -c max_connections=200"
    run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-t", "60",
         "-o", opts, "start"])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL cluster in a temp dir, started for the session and removed after.

    Fails in CI (``CI`` set) and skips elsewhere when the binaries are missing.
    """
    bindir = _pg_bindir()
    if bindir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        _missing("PostgreSQL binaries (/usr/lib/postgresql/*/bin) or runuser not found")
    base = Path(tempfile.mkdtemp(prefix="passerelle-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port = _free_port()
    try:
        _start_pg(bindir, base, port)
    except subprocess.CalledProcessError as exc:
        log = (base / "log").read_text() if (base / "log").exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {exc.stderr}\n{log}")
    yield PgServer("127.0.0.1", port, "postgres")
    subprocess.run(
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"]),
        capture_output=True, timeout=60,
    )
    shutil.rmtree(base, ignore_errors=True)


_PG_DB_NUMBERS = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """URL of a new, empty PostgreSQL database for one test (dropped after it)."""
    import psycopg

    name = f"test_{os.getpid()}_{next(_PG_DB_NUMBERS)}"
    dsn = f"host={pg_server.host} port={pg_server.port} user={pg_server.user} dbname=postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
    yield pg_server.url(name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL, once on SQLite (a file in tmp_path) and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store_db(db_url: str):
    """An opened, migrated ``passerelle.store.Database`` on ``db_url`` (both backends)."""
    from passerelle.store import open_db

    db = open_db(db_url)
    yield db
    db.dispose()


# --- Synthetic articles for pipeline and CLI tests (made up here, never copied) -------------

_SYLLABLES = [a + b for a in ("ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "ve", "zu")
              for b in ("bel", "dor", "fin", "gas", "hul", "jem", "kot", "lun", "mar", "nop")]


def synthetic_body(seed: int, words: int = 160) -> str:
    """A made-up article body of short sentences, different for each seed."""
    import random

    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        n = rng.randint(8, 14)
        sentences.append(" ".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize() + ".")
    return " ".join(sentences)


@pytest.fixture
def write_articles(tmp_path: Path):
    """Factory: write ``n`` synthetic articles as JSON Lines (id, url, published, text).

    Returns the path. ``start`` offsets ids and seeds, so two files can overlap or not.
    """
    import json

    def write(n: int, name: str = "articles.jsonl", start: int = 0) -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8") as out:
            for i in range(start, start + n):
                out.write(json.dumps({
                    "id": f"art-{i}", "url": f"https://news.example/{i}",
                    "published": "2024-05-01", "text": synthetic_body(i),
                }) + "\n")
        return path

    return write
