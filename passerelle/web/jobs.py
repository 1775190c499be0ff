"""Background ingest jobs: one writer thread, a status the ingest page polls.

A job is a list of sources (URLs, feed URLs, files saved from uploads or pasted
text). The writer thread reads each source into articles with
``passerelle.ingest.read_sources`` and handles them one at a time, as
``passerelle.pipeline.ingest`` does: skip an article already stored, extract it
(``passerelle.pipeline.extract_items``), store it in its own transaction
(``passerelle.store.store_document``, which also detects near-duplicates and writes
the knowledge-base facts). So the page shows progress per article, and one bad
article never stops the job: its reason is listed with the failures.

Like ``passerelle ingest``, each job is recorded in the ``runs`` table and its
failures in ``failures`` (:mod:`passerelle.web.runlog`). Not a stable API.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from passerelle.errors import PasserelleError
from passerelle.web import runlog

log = logging.getLogger(__name__)

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

    def to_dict(self) -> dict[str, Any]:
        """JSON form for ``/ingest/jobs/{id}.json``."""
        out = asdict(self)
        out.pop("sources")
        return out


def safe_upload_name(index: int, filename: str | None) -> str:
    """A server-chosen file name for upload ``index`` keeping only a known suffix."""
    lower = (filename or "").lower()
    suffix = next((s for s in sorted(UPLOAD_SUFFIXES, key=len, reverse=True) if lower.endswith(s)), ".txt")
    return f"upload-{index}{suffix}"


def relabel(text: str, source: str, label: str) -> str:
    """``text`` with the server's temp path ``source`` replaced by what the user gave."""
    return str(text).replace(source, label)


def _estimate(source: str) -> int | None:
    """Articles in ``source`` if known without reading it (files, JSON Lines), else None."""
    from passerelle.ingest import count_sources

    try:
        return count_sources([source])
    except (PasserelleError, OSError):
        return None


class _Progress:
    """Keeps ``job.total`` honest: exact counts of files, estimates for URLs and feeds."""

    def __init__(self, job: Job):
        self.job = job
        self.estimates = [_estimate(s) for s in job.sources]
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
    """

    def __init__(self, backend: Any):
        self.backend = backend
        self.jobs: dict[str, Job] = {}
        self._workdir: Path | None = None
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

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

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._run(job)
            except Exception as exc:  # noqa: BLE001  the writer thread must survive
                log.exception("ingest job %s crashed", job.id)
                self._finish(job, "failed", f"internal error: {type(exc).__name__}: {exc}")
            finally:
                shutil.rmtree(self.workdir / job.id, ignore_errors=True)
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        job.state = "running"
        try:
            db = self.backend.db()
        except PasserelleError as exc:
            self._finish(job, "failed", str(exc))
            return
        job.run_id = runlog.start_run(db, job.labels)
        progress = _Progress(job)
        for source, label in zip(job.sources, job.labels):
            job.current = label
            seen = self._run_source(job, db, progress, source, label)
            progress.next_source(seen)
        runlog.finish_run(db, job.run_id, {"stored": job.stored, "duplicates": job.duplicates,
                                           "near_duplicates": job.near_duplicates, "failed": job.failed})
        for failure in job.failures:
            runlog.record_failure(db, job.run_id, failure.source, failure.reason)
        job.current, job.total, job.total_exact = "", job.done, True
        kept = job.stored or job.duplicates or job.near_duplicates
        state = "failed" if job.failures and not kept else "done"
        self._finish(job, state, f"{job.stored} stored, {job.near_duplicates} near-duplicates, "
                                 f"{job.duplicates} already known, {job.failed} failed")

    def _run_source(self, job: Job, db: Any, progress: _Progress, source: str, label: str) -> int:
        """Read ``source`` and handle each of its articles; returns how many it held."""
        from passerelle.ingest import read_sources

        seen = 0
        progress.update(0)
        try:
            for item in read_sources([source]):
                seen += 1
                progress.update(seen)
                self._handle(job, db, item, source, label)
                job.done += 1
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
        from passerelle.settings import Settings
        from passerelle.store import find_duplicate, store_document

        with db.connect() as conn:
            if find_duplicate(conn, item.doc):
                job.duplicates += 1
                return None
        settings = Settings()
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

    def _finish(self, job: Job, state: str, message: str) -> None:
        job.state, job.message, job.finished = state, message, time.time()


__all__ = ["Job", "JobRunner", "Failure", "safe_upload_name", "relabel"]
