"""``passerelle ingest / extract / export / info``: exit codes, summaries, round-trips, kills."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select, text

from passerelle.cli import cli
from passerelle.records import Document
from passerelle.store import get_document, iter_documents, open_db
from passerelle.store.dedup import body_hash
from passerelle.store.schema import documents

SUMMARY = "stored {}, duplicate {}, near-duplicate {}, failed {}"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """An input that cannot be read: an empty file."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize("command", ["ingest", "extract", "export", "info"])
def test_help_has_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_ingest_with_a_broken_input_says_so_and_exits_1(db_url, write_articles, broken):
    result = run("ingest", str(write_articles(2)), str(broken), "--db", db_url, "--no-progress")
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1].startswith(SUMMARY.format(2, 0, 0, 1))
    assert "empty.txt" in result.stderr


def test_ingest_twice_stores_once(db_url, write_articles):
    source = str(write_articles(3))
    first = run("ingest", source, "--db", db_url, "--no-progress")
    again = run("ingest", source, "--db", db_url, "--no-progress")
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert first.stdout.startswith(SUMMARY.format(3, 0, 0, 0))
    assert again.stdout.startswith(SUMMARY.format(0, 3, 0, 0))


def test_extract_prints_one_record_a_line_without_a_database(write_articles, broken, tmp_path):
    os.environ.pop("PASSERELLE_DB", None)
    result = run("extract", str(write_articles(2)), str(broken), "--format", "jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["art-0", "art-1"]
    assert all({"people", "events", "commitments", "body"} <= set(r) for r in records)
    assert "empty.txt" in result.stderr


def test_export_jsonl_round_trips(db_url, write_articles, tmp_path):
    run("ingest", str(write_articles(3)), "--db", db_url, "--no-progress")
    out = tmp_path / "kb.jsonl"
    assert run("export", "--db", db_url, "--format", "jsonl", "-o", str(out)).exit_code == 0
    exported = [Document.from_record(json.loads(line)) for line in out.read_text().splitlines()]
    db = open_db(db_url)
    assert [d.to_record() for d in exported] == [d.to_record() for d in iter_documents(db)]
    assert exported[0].to_record() == get_document(db, exported[0].id).to_record()
    db.dispose()


def test_export_csv_has_one_row_per_document(db_url, write_articles):
    run("ingest", str(write_articles(2)), "--db", db_url, "--no-progress")
    result = run("export", "--db", db_url, "--format", "csv", "--since", "2024-01-01")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["art-0", "art-1"]
    assert rows[0]["url"] == "https://news.example/0"
    assert len(rows[0]["body"]) > 100


@pytest.mark.parametrize(("fmt", "module"), [
    ("plover", "passerelle.query.plover"),
    ("graphml", "passerelle.query.graph"),
    ("json-graph", "passerelle.query.graph"),
])
def test_export_to_formats_written_elsewhere(tmp_path, write_articles, fmt, module):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    run("ingest", str(write_articles(2)), "--db", url, "--no-progress")
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--db", url, "--format", fmt, "-o", str(out)])
    if importlib.util.find_spec(module) is None:
        assert result.exit_code == 1
        assert "not available" in result.stderr
    else:
        assert result.exit_code == 0, result.output
        _parse(fmt, out)


def _parse(fmt: str, path: Path) -> None:
    if fmt == "graphml":
        import networkx as nx

        nx.read_graphml(path)
    elif fmt == "json-graph":
        assert {"nodes", "links"} <= set(json.loads(path.read_text()))
    else:
        assert all(isinstance(json.loads(line), dict) for line in path.read_text().splitlines())


def test_graphml_to_stdout_is_xml(tmp_path, write_articles):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    run("ingest", str(write_articles(1)), "--db", url, "--no-progress")
    result = CliRunner().invoke(cli, ["export", "--db", url, "--format", "graphml"])
    if importlib.util.find_spec("passerelle.query.graph") is None:
        pytest.skip("passerelle.query.graph is not there yet")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml")


def test_info_reports_counts_migrations_and_components(tmp_path, write_articles):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    fresh = run("info", "--db", url)
    assert "not created yet" in fresh.stdout
    assert not (tmp_path / "kb.sqlite").exists()
    run("ingest", str(write_articles(2)), "--db", url, "--no-progress")
    data = json.loads(run("info", "--db", url, "--format", "json").stdout)
    assert data["database"]["counts"]["documents"] == 2
    assert "m0001_documents" in data["database"]["migrations"]
    assert data["components"]


def test_bad_db_url_is_a_clean_error():
    result = CliRunner().invoke(cli, ["export", "--db", "mysql://u@h/db"])
    assert result.exit_code == 1
    assert "unsupported database URL" in result.stderr
    assert "Traceback" not in result.output


# --- Interrupt safety: a real `passerelle ingest` process killed mid-batch ------------------

def _count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name='documents'")
            if names.first() is None:
                return 0
            return conn.execute(text("SELECT COUNT(*) FROM documents")).scalar_one()
    finally:
        engine.dispose()


def _start_ingest(source: Path, url: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "passerelle", "ingest", str(source), "--db", url, "--no-progress"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_documents(url: str, proc: subprocess.Popen, at_least: int) -> None:
    deadline = time.monotonic() + 90
    while _count(url) < at_least:
        assert proc.poll() is None, "ingest ended before it could be interrupted"
        assert time.monotonic() < deadline, "ingest stored nothing in 90 s"
        time.sleep(0.05)


def _assert_whole(url: str) -> int:
    """Every stored document is complete: record, hash, LSH bands and raw bytes."""
    db = open_db(url)
    with db.connect() as conn:
        rows = conn.execute(select(documents.c.id, documents.c.record, documents.c.body_sha256,
                                   documents.c.raw_sha256)).all()
        per_doc = text("SELECT doc_id, COUNT(*) FROM lsh_bands GROUP BY doc_id")
        bands = dict(conn.execute(per_doc).all())
        raws = {r[0] for r in conn.execute(text("SELECT sha256 FROM raw_inputs"))}
    for doc_id, record, sha, raw_sha in rows:
        doc = Document.from_record(json.loads(record))
        assert doc.id == doc_id and body_hash(doc.body) == sha
        assert bands.get(doc_id) == 16 and raw_sha in raws
    db.dispose()
    return len(rows)


def _run_statuses(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        statuses = [r[0] for r in conn.execute(text("SELECT status FROM runs ORDER BY id"))]
    engine.dispose()
    return statuses


@pytest.mark.timeout(180)
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=lambda s: s.name)
def test_killed_ingest_keeps_whole_documents_and_rerun_completes(tmp_path, write_articles, sig):
    total = 250
    source = write_articles(total)
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    proc = _start_ingest(source, url)
    _wait_for_documents(url, proc, at_least=5)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    kept = _assert_whole(url)
    assert 5 <= kept < total
    status = "interrupted" if sig == signal.SIGINT else "running"  # SIGKILL leaves no time
    assert _run_statuses(url) == [status]
    rerun = run("ingest", str(source), "--db", url, "--no-progress")
    assert rerun.exit_code == 0
    assert rerun.stdout.startswith(SUMMARY.format(total - kept, kept, 0, 0))
    assert _assert_whole(url) == total


def test_our_examples_ingest_cleanly_on_both_backends(db_url, examples_dir):
    first = run("ingest", str(examples_dir), "--db", db_url, "--no-progress")
    assert first.exit_code == 0, first.output
    stored = int(first.stdout.split(",")[0].split()[1])
    assert stored >= 5
    db = open_db(db_url)
    with db.connect() as conn:
        kb_rows = conn.execute(text("SELECT COUNT(*) FROM kb_entities")).scalar_one()
    db.dispose()
    assert kb_rows > 0, "the knowledge base was not fed in the same run"
    again = run("ingest", str(examples_dir), "--db", db_url, "--no-progress")
    assert again.exit_code == 0
    assert again.stdout.startswith("stored 0, ")


@pytest.mark.timeout(180)
def test_two_concurrent_ingests_store_each_article_once(db_url, write_articles):
    source = write_articles(40)
    procs = [_start_ingest(source, db_url) for _ in range(2)]
    outs = [p.communicate(timeout=150) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-500:] for o in outs]
    stored = sum(int(o[0].decode().split(",")[0].split()[1]) for o in outs)
    assert stored == 40
    assert _assert_whole(db_url) == 40


# --- ingest options reach the fetcher: a real HTTP server on 127.0.0.1 ------------------------

import threading  # noqa: E402
from collections import Counter  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

_PARAGRAPHS = [
    "The mayor of Grenoble welcomed a delegation from Quang Tri province on Tuesday morning.",
    "Both sides discussed vocational schools for young farmers and a shared water project.",
    "The delegation later toured a hospital and a tram depot before leaving for Annecy.",
]
_PAGE = ("<html><head><title>Grenoble receives a Quang Tri delegation</title></head><body>"
         "<article>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article></body></html>"
         ).encode()
_ROBOTS = b"User-agent: picky-bot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n"
_HITS: Counter[str] = Counter()
_AGENTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        _HITS[self.path] += 1
        _AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow.html":
            time.sleep(3)
        status = {"/robots.txt": 200, "/busy": 503}.get(self.path, 200)
        body = _ROBOTS if self.path == "/robots.txt" else _PAGE
        self.send_response(status)
        ctype = "text/plain" if self.path == "/robots.txt" else "text/html"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on /slow.html: expected


@pytest.fixture(scope="module")
def site():
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _failure_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("failed: ")]


def test_robots_txt_refuses_by_default_and_ignore_robots_fetches(site):
    refused = run("extract", f"{site}/private/a.html", "--retries", "1")
    fetched = run("extract", f"{site}/private/b.html", "--ignore-robots")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "robots.txt disallows" in refused.stderr
    assert _HITS["/private/a.html"] == 0  # never requested
    assert fetched.exit_code == 0, fetched.stderr
    record = json.loads(fetched.stdout)
    assert record["title"] == "Grenoble receives a Quang Tri delegation"
    assert _HITS["/private/b.html"] == 1


def test_slow_page_with_short_timeout_fails_with_one_clear_line(site):
    started = time.monotonic()
    result = run("extract", f"{site}/slow.html", "--timeout", "0.5", "--retries", "1")
    assert time.monotonic() - started < 2.5  # did not wait for the 3 s answer
    assert result.exit_code == 1
    [line] = _failure_lines(result)
    assert "/slow.html" in line and "timed out after 0.5 s" in line
    assert "\n" not in line


def test_user_agent_is_sent_and_matched_against_robots(site):
    _AGENTS.clear()
    ours = run("extract", f"{site}/public.html", "--user-agent", "picky-bot/2.0")
    assert ours.exit_code == 1 and "robots.txt disallows" in ours.stderr
    assert _AGENTS == ["picky-bot/2.0"]  # only robots.txt was asked, with our agent


def test_retries_and_max_bytes_reach_the_fetcher(site):
    busy = run("extract", f"{site}/busy", "--retries", "2", "--timeout", "1")
    big = run("extract", f"{site}/big.html", "--max-bytes", "100")
    assert busy.exit_code == 1 and "HTTP 503 (after 2 attempts)" in busy.stderr
    assert _HITS["/busy"] == 2
    assert big.exit_code == 1 and "larger than 100 bytes" in big.stderr


def test_ingest_takes_the_fetch_options_too(site, db_url):
    refused = run("ingest", f"{site}/private/c.html", "--db", db_url, "--no-progress")
    stored = run("ingest", f"{site}/private/c.html", "--db", db_url, "--no-progress",
                 "--ignore-robots", "--timeout", "5", "--retries", "1")
    assert refused.exit_code == 1 and "robots.txt disallows" in refused.stderr
    assert stored.exit_code == 0, stored.stderr
    assert stored.stdout.startswith(SUMMARY.format(1, 0, 0, 0))


def test_settings_reach_the_fetcher_and_options_win_over_them(site, tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("[fetch]\nrespect_robots = false\ntimeout = 0.5\nretries = 1\n")
    from_file = run("--config", str(config), "extract", f"{site}/private/d.html")
    from_s = run("-s", "fetch.respect_robots", "no", "extract", f"{site}/private/e.html")
    option_wins = run("--config", str(config), "extract", f"{site}/slow.html", "--timeout", "4")
    assert from_file.exit_code == 0 and from_s.exit_code == 0
    assert option_wins.exit_code == 0, option_wins.stderr  # waited the 3 s out
