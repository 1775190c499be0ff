"""Web ingest jobs use the settings the web app was started with, not the defaults.

The app runs under uvicorn on 127.0.0.1 (as in ``test_runs.py``) and gets a job over
HTTP; what it stored is read back from the real SQLite file. A component registered
here stands in for a user's ``extract.components`` override, and a small HTTP server
on 127.0.0.1 records the user agent the job fetched a page with. The last test starts
``passerelle serve`` itself with ``-s`` settings, to cover the command's wiring.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from passerelle import registry
from passerelle.settings import SETTINGS, Settings
from passerelle.store import open_db
from passerelle.store.documents import get_document

from web_support import free_port, serving

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")  # the app is served for real (web_support.serving)

PROBE = "sectors.webprobe.v1"
AGENT = "lab-probe/2.1 (+https://lab.example/probe)"
# A made-up English article (our own words).
ARTICLE = {
    "id": "web-settings-1", "url": "https://news.example/web-settings-1",
    "published": "2025-03-04",
    "text": ("Grenoble and Hue sign a university exchange\n\n"
             "The mayor of Grenoble received a delegation from Hue on Monday to discuss "
             "student exchanges between their universities and the training of teachers.\n\n"
             "The two cities agreed to open a joint summer school for engineering students "
             "in 2026, the city hall said."),
}
PAGE = ("<html><head><title>Lyon and Da Nang open a design school</title></head><body>"
        "<article><h1>Lyon and Da Nang open a design school</h1>"
        "<p>The city of Lyon and the city of Da Nang opened a joint school of design on "
        "Tuesday, the deputy mayor of Lyon said at the opening ceremony.</p>"
        "<p>Forty students from both cities will follow courses in architecture and urban "
        "planning for two years before an exchange term abroad.</p></article></body></html>")


def _probe(analysis) -> None:  # noqa: ANN001
    """A sectors step that marks the document, so the test sees that it ran."""
    analysis.doc.sectors = ["probe"]


@pytest.fixture(scope="module", autouse=True)
def probe_component() -> Iterator[None]:
    """The probe is registered for this module only (other tests list the registry)."""
    registry.register(PROBE)(_probe)
    try:
        yield
    finally:
        registry._REGISTRY.pop(PROBE, None)


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path, monkeypatch):
    """No user settings file and none of our variables: only what a test sets counts."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("PASSERELLE_CONFIG", raising=False)


@contextmanager
def _page_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 serving ``PAGE``; yields its URL and the agents seen."""
    agents: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            agents.append(self.headers.get("user-agent", ""))
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/lyon-da-nang.html", agents
    finally:
        server.shutdown()
        thread.join(10)


def _submit(base: str, **form) -> str:  # noqa: ANN003
    files = {"files": ("article.jsonl", json.dumps(ARTICLE).encode(), "application/x-ndjson")}
    r = httpx.post(base + "/ingest", data=form or None, files=None if form else files,
                   headers={"accept": "application/json"}, timeout=30)
    assert r.status_code == 202, r.text
    return r.json()["job"]


def _wait_done(base: str, job: str, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        r = httpx.get(f"{base}/ingest/jobs/{job}.json", headers={"accept": "application/json"},
                      timeout=30)
        state = r.json()
        if state["state"] not in ("queued", "running"):
            return state
        time.sleep(0.2)
    raise AssertionError(f"job {job} still running after {seconds}s")


def _stored(db_url: str, job: dict):  # noqa: ANN202
    assert job["state"] == "done" and job["stored"] == 1, job
    db = open_db(db_url)
    try:
        return get_document(db, job["documents"][0]["id"])
    finally:
        db.dispose()


def _ingest_article(db_url: str, **options):  # noqa: ANN003, ANN202
    with serving(db_url, **options) as base:
        return _stored(db_url, _wait_done(base, _submit(base)))


def test_component_override_of_the_app_is_used_by_web_jobs(tmp_path: Path) -> None:
    settings = Settings(components={"en": {"sectors": PROBE}})
    doc = _ingest_article(f"sqlite:///{tmp_path / 'probe.sqlite'}", settings=settings)
    assert doc.components["sectors"] == PROBE and doc.sectors == ["probe"]


def test_without_settings_web_jobs_use_the_default_components(tmp_path: Path) -> None:
    doc = _ingest_article(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    assert doc.components["sectors"] == "sectors.keywords.v1" and "probe" not in doc.sectors


def test_parallel_settings_do_not_reach_the_writer_thread(tmp_path: Path) -> None:
    settings = Settings(components={"en": {"sectors": PROBE}}, workers=4)
    doc = _ingest_article(f"sqlite:///{tmp_path / 'workers.sqlite'}", settings=settings)
    assert doc.components["sectors"] == PROBE  # extracted on the writer thread, no Dask


def test_fetch_options_of_the_app_are_used_by_web_jobs(tmp_path: Path) -> None:
    from passerelle.ingest import IngestOptions

    db_url = f"sqlite:///{tmp_path / 'fetch.sqlite'}"
    options = IngestOptions(user_agent=AGENT, respect_robots=False, retries=1)
    with _page_server() as (url, agents), serving(db_url, ingest_options=options) as base:
        doc = _stored(db_url, _wait_done(base, _submit(base, urls=url)))
    assert agents == [AGENT]  # one request (robots.txt not asked), with the user's agent
    assert doc.title == "Lyon and Da Nang open a design school"


def test_passerelle_serve_gives_its_settings_to_web_jobs(tmp_path: Path) -> None:
    db_url, port = f"sqlite:///{tmp_path / 'serve.sqlite'}", free_port()
    command = [sys.executable, "-m", "passerelle", "-s", "extract.components.en.sectors", "",
               "-s", "fetch.user_agent", AGENT, "-s", "fetch.respect_robots", "false",
               "serve", "--db", db_url, "--port", str(port)]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    with _page_server() as (url, agents):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        try:
            base = _wait_listening(proc, port)
            doc = _stored(db_url, _wait_done(base, _submit(base, urls=url)))
        finally:
            proc.terminate()
            proc.wait(30)
    assert agents == [AGENT]
    assert "sectors" not in doc.components and doc.sectors == []  # the step switched off


def _wait_listening(proc: subprocess.Popen, port: int, seconds: float = 60) -> str:
    base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"passerelle serve exited: {proc.stderr.read().decode()}")
        try:
            httpx.get(base + "/ingest.json", timeout=2)
            return base
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("passerelle serve did not start")
