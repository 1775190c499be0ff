"""The run log (``passerelle.store.runs``) and who writes it: the CLI and the web app.

Everything runs on real databases (a SQLite file and the PostgreSQL server of
``conftest.py``); the web tests run the app under uvicorn on 127.0.0.1 and talk HTTP
to it, and "restart the server" is a second app instance on the same base.
The articles are the made-up ones of ``conftest.write_articles``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from passerelle.errors import StoreError
from passerelle.store import open_db, runs
from passerelle.store.schema import failures as failures_table
from passerelle.store.schema import runs as runs_table

from web_support import serving

BROKEN_LINE = "{this line is not JSON\n"


# --- the gateway ----------------------------------------------------------------------------

def test_a_run_is_started_failed_finished_and_read_back(store_db) -> None:
    run_id = runs.start_run(store_db, ["notes.jsonl", "https://news.example/feed"], via="cli")
    runs.record_failure(store_db, run_id, "notes.jsonl:2", "no text")
    runs.record_failure(store_db, run_id, "notes.jsonl:5", "not JSON")
    runs.finish_run(store_db, run_id, {"stored": 3, "duplicates": 1, "failed": 2})
    run = runs.get_run(store_db, run_id)
    assert (run.status, run.via, run.sources) == ("done", "cli", ["notes.jsonl",
                                                                  "https://news.example/feed"])
    assert (run.stored, run.duplicates, run.near_duplicates, run.failed, run.seen) == (3, 1, 0, 2, 6)
    assert [(f.origin, f.reason) for f in run.failures] == [("notes.jsonl:2", "no text"),
                                                           ("notes.jsonl:5", "not JSON")]
    assert run.finished_at is not None and runs.get_run(store_db, run_id + 1) is None


def test_recent_runs_are_newest_first_with_their_first_failures(store_db) -> None:
    first = runs.start_run(store_db, ["a"], via="cli")
    second = runs.start_run(store_db, ["b"], via="web")
    for i in range(4):
        runs.record_failure(store_db, second, f"b:{i}", "bad")
    runs.update_counts(store_db, second, {"failed": 4})
    listed = runs.recent_runs(store_db, limit=5, failures_per_run=2)
    assert [r.id for r in listed] == [second, first]
    assert [f.origin for f in listed[0].failures] == ["b:0", "b:1"] and listed[0].failed == 4
    assert listed[0].status == "running" and listed[1].failures == []
    assert [r.id for r in runs.recent_runs(store_db, limit=1)] == [second]


def test_only_running_web_runs_are_marked_interrupted(store_db) -> None:
    web_running = runs.start_run(store_db, ["pasted text"], via="web")
    cli_running = runs.start_run(store_db, ["a.txt"], via="cli")
    web_done = runs.start_run(store_db, ["b.txt"], via="web")
    runs.finish_run(store_db, web_done, {"stored": 1})
    assert runs.mark_interrupted(store_db, via="web") == [web_running]
    status = {r.id: r.status for r in runs.recent_runs(store_db)}
    assert status == {web_running: "interrupted", cli_running: "running", web_done: "done"}
    assert runs.get_run(store_db, web_running).finished_at is not None
    assert runs.mark_interrupted(store_db, via="web") == []


@pytest.mark.parametrize("call", [
    lambda db: runs.start_run(db, ["a"], via="cron"),
    lambda db: runs.finish_run(db, 1, {"stored": 1}, status="running"),
    lambda db: runs.update_counts(db, 1, {"kept": 1}),
])
def test_bad_arguments_are_refused_with_the_allowed_values(store_db, call) -> None:  # noqa: ANN001
    with pytest.raises(StoreError, match="use"):
        call(store_db)


def test_a_broken_run_log_is_a_store_error(tmp_path: Path) -> None:
    db = open_db(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    run_id = runs.start_run(db, ["a"])
    with db.transaction() as conn:  # a base whose failures table is gone
        conn.exec_driver_sql("DROP TABLE failures")
    with pytest.raises(StoreError, match="run log"):
        runs.get_run(db, run_id)
    db.dispose()


# --- the command line -----------------------------------------------------------------------

def _count_rows(url: str) -> tuple[int, int]:
    db = open_db(url)
    with db.connect() as conn:
        found = (conn.execute(select(func.count()).select_from(runs_table)).scalar_one(),
                 conn.execute(select(func.count()).select_from(failures_table)).scalar_one())
    db.dispose()
    return found


def _with_broken_line(path: Path) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + BROKEN_LINE + "".join(lines[1:]), encoding="utf-8")
    return path


def test_cli_ingest_writes_one_run_with_counts_and_failures(db_url: str, write_articles) -> None:
    from click.testing import CliRunner

    from passerelle.cli import cli

    path = _with_broken_line(write_articles(2, name="cli.jsonl"))
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", db_url, "--no-progress"])
    assert result.exit_code == 1, result.output  # one input failed
    assert _count_rows(db_url) == (1, 1)
    db = open_db(db_url)
    [run] = runs.recent_runs(db)
    db.dispose()
    assert (run.status, run.via, run.sources) == ("done", "cli", [str(path)])
    assert (run.stored, run.duplicates, run.failed) == (2, 0, 1)
    assert run.failures[0].origin.startswith(str(path))


# --- the web app ----------------------------------------------------------------------------

def _get(base: str, path: str) -> dict:
    import httpx

    r = httpx.get(base + path, headers={"accept": "application/json"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def _wait_done(base: str, job: str, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = _get(base, f"/ingest/jobs/{job}.json")
        if state["state"] not in ("queued", "running"):
            return state
        time.sleep(0.2)
    raise AssertionError(f"job {job} still running after {seconds}s")


def _submit(base: str, name: str, body: bytes) -> str:
    import httpx

    r = httpx.post(base + "/ingest", files={"files": (name, body, "application/x-ndjson")},
                   headers={"accept": "application/json"}, timeout=30)
    assert r.status_code == 202, r.text
    return r.json()["job"]


def test_web_job_is_one_run_and_is_still_listed_after_a_restart(db_url: str, write_articles) -> None:
    body = _with_broken_line(write_articles(2, name="web.jsonl")).read_bytes()
    with serving(db_url) as base:
        job = _wait_done(base, _submit(base, "my-articles.jsonl", body))
        assert (job["state"], job["stored"], job["failed"], job["live"]) == ("done", 2, 1, True)
    assert _count_rows(db_url) == (1, 1)
    with serving(db_url) as base:  # a new app instance: nothing in memory
        [listed] = _get(base, "/ingest.json")["jobs"]
        assert (listed["run_id"], listed["state"], listed["live"]) == (job["run_id"], "done", False)
        assert (listed["stored"], listed["duplicates"], listed["failed"], listed["via"]) == (2, 0, 1, "web")
        assert listed["labels"] == ["my-articles.jsonl"]
        assert listed["failures"] == job["failures"] and job["failures"][0]["source"].startswith(
            "my-articles.jsonl")
        assert _get(base, f"/ingest/jobs/{job['run_id']}.json")["failures"] == job["failures"]
        import httpx

        page = httpx.get(base + "/ingest", timeout=30).text
        assert "my-articles.jsonl" in page and job["failures"][0]["reason"][:20] in page


def test_a_web_run_left_running_is_shown_interrupted_and_new_jobs_are_not(db_url: str,
                                                                          write_articles) -> None:
    db = open_db(db_url)  # what a server killed in the middle of a job leaves behind
    dead = runs.start_run(db, ["pasted text"], via="web")
    runs.record_failure(db, dead, "pasted text", "no text")
    cli_live = runs.start_run(db, ["big-feed.xml"], via="cli")
    db.dispose()
    body = write_articles(1, name="after.jsonl").read_bytes()
    with serving(db_url) as base:
        listed = {j["run_id"]: j for j in _get(base, "/ingest.json")["jobs"]}
        assert listed[dead]["state"] == "interrupted" and listed[dead]["failures"][0]["reason"] == "no text"
        assert listed[cli_live]["state"] == "running"
        job = _wait_done(base, _submit(base, "after.jsonl", body))
        assert job["state"] == "done" and job["stored"] == 1
        import httpx

        page = httpx.get(base + f"/ingest/jobs/{dead}", timeout=30).text
        assert "interrupted" in page
    db = open_db(db_url)
    status = {r.id: r.status for r in runs.recent_runs(db)}
    db.dispose()
    assert status == {dead: "interrupted", cli_live: "running", job["run_id"]: "done"}


def test_unknown_job_or_run_is_404(tmp_path: Path) -> None:
    with serving(f"sqlite:///{tmp_path / 'kb.sqlite'}") as base:
        import httpx

        for path in ("/ingest/jobs/12345.json", "/ingest/jobs/not-a-job.json"):
            r = httpx.get(base + path, headers={"accept": "application/json"}, timeout=30)
            assert r.status_code == 404 and "ingest page" in r.json()["error"]
