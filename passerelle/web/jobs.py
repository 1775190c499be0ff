"""Background ingest jobs: one writer thread, a status the ingest page polls.

A job is a list of sources (URLs, feed URLs, files saved from uploads or pasted
text). The writer thread reads each source into articles with
``passerelle.ingest.read_sources`` and handles them one at a time, as
``passerelle.pipeline.ingest`` does: skip an article already stored, extract it
(``passerelle.pipeline.extract_items``), store it in its own transaction
(``passerelle.store.store_document``, which also detects near-duplicates and writes
the knowledge-base facts). So the page shows progress per article, and one bad
article never stops the job: its reason is listed with the failures.

Jobs use the settings the app was built with (``WebOptions.settings`` and
``WebOptions.ingest_options``: what ``passerelle serve`` was started with), so a
component override or a fetch setting applies to the web as to ``passerelle ingest``.
Extraction stays serial on the writer thread (``pipeline.workers`` and
``pipeline.scheduler`` are ignored): jobs hand over one article at a time.

Like ``passerelle ingest``, each job is recorded through the run log
(:mod:`passerelle.store.runs`, ``via="web"``): the ``runs`` row is started when the
writer thread picks the job up, each failure is written when it happens, the counts
about every second, and the final status at the end. So the ingest page lists jobs
from the database (:meth:`JobRunner.recent`) and still shows them, with their counts
and failures, after the server restarts.

Interrupted jobs: the first time a server process uses the database (listing jobs or
starting one), it marks every web run still ``running`` as ``interrupted``
(:func:`passerelle.store.runs.mark_interrupted`). No job of this process can be running
yet, so such a row belongs to a server that died. Command-line runs are never touched.
This assumes one web server per database; a second server started on the same base
would mark the first one's running job interrupted until that job ends and writes its
final status. Not a stable API.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from passerelle.errors import PasserelleError
from passerelle.store import runs as run_log

log = logging.getLogger(__name__)

#: Seconds between two writes of a running job's counts to its ``runs`` row.
_CHECKPOINT_SECONDS = 1.0

#: Suffixes kept for uploaded files (the pipeline picks a reader from the suffix);
#: anything else is saved as ``.txt``. The client's file name is never used as a path.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom",
                   ".warc", ".warc.gz", ".gz")


@dataclass
class Failure:
    """One source or article that could not be ingested, and why."""

    source: str
    reason: str


@dataclass
class Job:
    """State of one ingest job, as the status endpoint returns it.

    ``done`` and ``total`` count articles; ``total`` is an estimate while a URL,
    feed or archive is still being read (``total_exact`` is then False).
    """

    id: str
    sources: list[str]
    labels: list[str]
    state: str = "queued"  # queued|running|done|failed
    done: int = 0
    total: int = 0
    total_exact: bool = True
    stored: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    failed: int = 0
    current: str = ""
    documents: list[dict[str, str]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    message: str = ""
    run_id: int | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None
    saved: float = field(default=0.0, repr=False)  # monotonic time of the last counts written

    def to_dict(self) -> dict[str, Any]:
        """JSON form for ``/ingest/jobs/{id}.json`` (``live``: running in this server)."""
        out = asdict(self)
        out.pop("sources")
        out.pop("saved")
        out.update(live=True, via="web", started_at=_iso(self.created),
                   finished_at=_iso(self.finished) if self.finished else None)
        return out

    def counts(self) -> dict[str, int]:
        """The counts as the run log stores them."""
        return {"stored": self.stored, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates, "failed": self.failed}


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).isoformat(timespec="seconds")


def _summary(counts: Any) -> str:
    """The one-line outcome shown under a job (``counts``: a Job or a stored Run)."""
    return (f"{counts.stored} stored, {counts.near_duplicates} near-duplicates, "
            f"{counts.duplicates} already known, {counts.failed} failed")


_STORED_MESSAGES = {
    "interrupted": "interrupted before the end: what it stored is kept, and ingesting the same "
                   "sources again skips it",
    "running": "running in another process",
}


def stored_job(run: Any) -> dict[str, Any]:
    """A run of the run log in the shape of :meth:`Job.to_dict` (``live`` False).

    Args:
        run: a :class:`passerelle.store.runs.Run`.
    """
    message = _STORED_MESSAGES.get(run.status, "")
    return {"id": str(run.id), "run_id": run.id, "labels": run.sources, "state": run.status,
            "done": run.seen, "total": run.seen, "total_exact": True, "stored": run.stored,
            "near_duplicates": run.near_duplicates, "duplicates": run.duplicates,
            "failed": run.failed, "current": "", "documents": [],
            "failures": [{"source": f.origin, "reason": f.reason} for f in run.failures],
            "message": f"{_summary(run)}; {message}" if message else _summary(run),
            "live": False, "via": run.via, "started_at": run.started_at,
            "finished_at": run.finished_at}


def safe_upload_name(index: int, filename: str | None) -> str:
    """A server-chosen file name for upload ``index`` keeping only a known suffix."""
    lower = (filename or "").lower()
    suffix = next((s for s in sorted(UPLOAD_SUFFIXES, key=len, reverse=True) if lower.endswith(s)), ".txt")
    return f"upload-{index}{suffix}"


def relabel(text: str, source: str, label: str) -> str:
    """``text`` with the server's temp path ``source`` replaced by what the user gave."""
    return str(text).replace(source, label)


def _estimate(source: str, options: Any = None) -> int | None:
    """Articles in ``source`` if known without reading it (files, JSON Lines), else None."""
    from passerelle.ingest import count_sources

    try:
        return count_sources([source], options)
    except (PasserelleError, OSError):
        return None


def _serial(settings: Any) -> Any:
    """``settings`` (the defaults when None) for extraction on the calling thread."""
    from passerelle.settings import Settings

    return replace(settings or Settings(), workers=0, scheduler=None, progress=False)


class _Progress:
    """Keeps ``job.total`` honest: exact counts of files, estimates for URLs and feeds."""

    def __init__(self, job: Job, options: Any = None):
        self.job = job
        self.estimates = [_estimate(s, options) for s in job.sources]
        self.finished = 0  # articles of sources already read
        self.index = 0

    def update(self, seen: int) -> None:
        """Recompute the total while source ``self.index`` has yielded ``seen`` articles."""
        pending = self.estimates[self.index + 1:]
        current = self.estimates[self.index]
        self.job.total = (self.finished + max(current or 1, seen) +
                          sum(e if e is not None else 1 for e in pending))
        self.job.total_exact = all(e is not None for e in self.estimates[self.index:])

    def next_source(self, seen: int) -> None:
        """Source ``self.index`` is read: it held ``seen`` articles."""
        self.finished += seen
        self.estimates[self.index] = seen
        self.index += 1


class JobRunner:
    """Runs ingest jobs on one writer thread.

    Args:
        backend: the app's :class:`~passerelle.web.backend.Backend` (gives the database).
        settings: the pipeline settings of extraction and storage
            (:class:`passerelle.settings.Settings`); None: the defaults. Workers and
            scheduler are dropped: the writer thread extracts one article at a time.
        ingest_options: how sources are read (:class:`passerelle.ingest.IngestOptions`);
            None: the defaults.
    """

    def __init__(self, backend: Any, settings: Any = None, ingest_options: Any = None):
        self.backend = backend
        self.settings = _serial(settings)
        self.ingest_options = ingest_options
        self.jobs: dict[str, Job] = {}
        self._workdir: Path | None = None
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._swept = False
        self._sweep_lock = threading.Lock()

    @property
    def workdir(self) -> Path:
        """Private temp folder for uploads, made on first use (mode 0700)."""
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="passerelle-web-"))
        return self._workdir

    def job_dir(self, job_id: str) -> Path:
        """Directory where a job's uploads and pasted text are saved."""
        path = self.workdir / job_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    def new_id(self) -> str:
        """A fresh, unguessable job id."""
        return uuid.uuid4().hex

    def submit(self, job_id: str, sources: list[str], labels: list[str]) -> Job:
        """Queue a job and start the writer thread if needed."""
        job = Job(id=job_id, sources=sources, labels=labels, total=len(sources))
        with self._lock:
            self.jobs[job.id] = job
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="passerelle-ingest", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with this id, or None."""
        return self.jobs.get(job_id)

    def lookup(self, job_id: str) -> dict[str, Any] | None:
        """A job of this server by its id, else a run of the log by its number; None if neither.

        Raises:
            PasserelleError: the run log cannot be read.
        """
        job = self.jobs.get(job_id)
        if job is not None:
            return job.to_dict()
        if not job_id.isdigit() or len(job_id) > 18:
            return None
        live = self._live_by_run()
        if int(job_id) in live:
            return live[int(job_id)].to_dict()
        run = run_log.get_run(self.db(), int(job_id))
        return stored_job(run) if run is not None else None

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest runs of the log (any interface), newest first, as job dicts.

        A run of a job still in this server's memory shows its live state; queued jobs
        (no run yet) come first.

        Raises:
            PasserelleError: the run log cannot be read.
        """
        stored = run_log.recent_runs(self.db(), limit=limit)
        live = self._live_by_run()
        queued = [j.to_dict() for j in self._jobs_newest_first() if j.run_id is None]
        return queued + [live[r.id].to_dict() if r.id in live else stored_job(r) for r in stored]

    def memory_jobs(self) -> list[dict[str, Any]]:
        """This server's jobs, newest first (what is shown when the run log is unreadable)."""
        return [j.to_dict() for j in self._jobs_newest_first()]

    def db(self) -> Any:
        """The database, after marking web runs of dead servers interrupted (once per process).

        Raises:
            PasserelleError: the database cannot be opened or written.
        """
        db = self.backend.db()
        with self._sweep_lock:
            if not self._swept:
                marked = run_log.mark_interrupted(db, via="web")
                if marked:
                    log.warning("web ingest runs %s were running when a server stopped: "
                                "marked interrupted", marked)
                self._swept = True
        return db

    def _jobs_newest_first(self) -> list[Job]:
        return sorted(list(self.jobs.values()), key=lambda j: -j.created)

    def _live_by_run(self) -> dict[int, Job]:
        return {j.run_id: j for j in list(self.jobs.values()) if j.run_id is not None}

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._run(job)
            except Exception as exc:  # noqa: BLE001  the writer thread must survive
                log.exception("ingest job %s crashed", job.id)
                self._finish(job, "failed", f"internal error: {type(exc).__name__}: {exc}")
                self._log_end(job)
            finally:
                shutil.rmtree(self.workdir / job.id, ignore_errors=True)
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        job.state = "running"
        try:
            db = self.db()
        except PasserelleError as exc:
            self._finish(job, "failed", str(exc))
            return
        job.run_id = self._log_start(db, job)
        progress = _Progress(job, self.ingest_options)
        for source, label in zip(job.sources, job.labels):
            job.current = label
            seen = self._run_source(job, db, progress, source, label)
            progress.next_source(seen)
        job.current, job.total, job.total_exact = "", job.done, True
        kept = job.stored or job.duplicates or job.near_duplicates
        self._finish(job, "failed" if job.failures and not kept else "done", _summary(job))
        self._log_end(job)

    def _log_start(self, db: Any, job: Job) -> int | None:
        """Start the job's run in the log; None (and a warning) if it cannot be written."""
        try:
            return run_log.start_run(db, job.labels, via="web")
        except PasserelleError:
            log.warning("could not record the start of web ingest job %s", job.id, exc_info=True)
            return None

    def _log(self, job: Job, what: str, write: Any, *args: Any) -> None:
        """Call ``write(db, job.run_id, *args)`` of the run log; a failure only warns."""
        if job.run_id is None:
            return
        try:
            write(self.backend.db(), job.run_id, *args)
        except PasserelleError:
            log.warning("could not record %s of run %s", what, job.run_id, exc_info=True)

    def _log_end(self, job: Job) -> None:
        self._log(job, "the end", run_log.finish_run, job.counts(), job.state)

    def _checkpoint(self, job: Job, force: bool = False) -> None:
        """Write the job's counts to its run about once a second (always when ``force``)."""
        now = time.monotonic()
        if force or now - job.saved >= _CHECKPOINT_SECONDS:
            job.saved = now
            self._log(job, "the counts", run_log.update_counts, job.counts())

    def _run_source(self, job: Job, db: Any, progress: _Progress, source: str, label: str) -> int:
        """Read ``source`` and handle each of its articles; returns how many it held."""
        from passerelle.ingest import read_sources

        seen = 0
        progress.update(0)
        try:
            for item in read_sources([source], self.ingest_options):
                seen += 1
                progress.update(seen)
                self._handle(job, db, item, source, label)
                job.done += 1
                self._checkpoint(job)
        except PasserelleError as exc:  # the reader itself gave up on this source
            seen += 1
            self._fail(job, label, f"reading stopped: {relabel(str(exc), source, label)}")
            job.done += 1
        return seen

    def _handle(self, job: Job, db: Any, item: Any, source: str, label: str) -> None:
        """One article: skip a duplicate, extract, store; any error becomes a failure."""
        origin = relabel(getattr(item, "origin", source), source, label)
        if not hasattr(item, "doc"):
            self._fail(job, origin, relabel(item.reason, source, label))
            return
        try:
            reason = self._store(job, db, item, origin)
        except PasserelleError as exc:
            self._fail(job, origin, f"not stored: {relabel(str(exc), source, label)}")
        except Exception as exc:  # noqa: BLE001  one bad article never stops the job
            log.exception("ingest of %s crashed", origin)
            self._fail(job, origin, f"internal error: {type(exc).__name__}: {exc}")
        else:
            if reason:
                self._fail(job, origin, relabel(reason, source, label))

    def _store(self, job: Job, db: Any, item: Any, origin: str) -> str | None:
        """Extract and store one article; returns why it failed, or None."""
        from passerelle.pipeline import extract_items
        from passerelle.store import find_duplicate, store_document

        with db.connect() as conn:
            if find_duplicate(conn, item.doc):
                job.duplicates += 1
                return None
        settings = self.settings
        [out] = list(extract_items([item], settings))
        if not hasattr(out, "doc"):
            return str(out.reason)
        raw = out.raw if settings.store_raw else None
        with db.transaction() as conn:
            result = store_document(conn, out.doc, raw, origin,
                                    near_threshold=settings.near_duplicate_jaccard)
        self._count(job, result, out.doc)
        return None

    def _count(self, job: Job, result: Any, doc: Any) -> None:
        if result.status == "duplicate":
            job.duplicates += 1
            return
        if result.status == "near-duplicate":
            job.near_duplicates += 1
        else:
            job.stored += 1
        title = str(getattr(doc, "title", "") or result.doc_id)
        job.documents.append({"id": str(result.doc_id), "title": title, "status": result.status})

    def _fail(self, job: Job, source: str, reason: str) -> None:
        job.failed += 1
        job.failures.append(Failure(source, reason))
        self._log(job, "a failure", run_log.record_failure, source, reason)
        self._checkpoint(job, force=True)

    def _finish(self, job: Job, state: str, message: str) -> None:
        job.state, job.message, job.finished = state, message, time.time()


__all__ = ["Job", "JobRunner", "Failure", "safe_upload_name", "relabel", "stored_job"]
