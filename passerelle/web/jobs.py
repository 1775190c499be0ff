"""Background ingest jobs: one writer thread, a status the ingest page polls.

A job is a list of sources (URLs, feed URLs, files saved from uploads or pasted
text). The writer thread feeds them one at a time to ``passerelle.pipeline.ingest``
so the page can show progress, and one bad source never stops the job: its reason
is listed with the failures. Not a stable API.
"""

from __future__ import annotations

import importlib
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

log = logging.getLogger(__name__)

#: Suffixes kept for uploaded files (the pipeline picks a reader from the suffix);
#: anything else is saved as ``.txt``. The client's file name is never used as a path.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom",
                   ".warc", ".warc.gz", ".gz")


@dataclass
class Failure:
    """One source that could not be ingested, and why."""

    source: str
    reason: str


@dataclass
class Job:
    """State of one ingest job, as the status endpoint returns it."""

    id: str
    sources: list[str]
    labels: list[str]
    state: str = "queued"  # queued|running|done|failed
    done: int = 0
    stored: int = 0
    duplicates: int = 0
    documents: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    message: str = ""
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form for ``/ingest/jobs/{id}.json``."""
        out = asdict(self)
        out.pop("sources")
        out["total"] = len(self.sources)
        return out


def safe_upload_name(index: int, filename: str | None) -> str:
    """A server-chosen file name for upload ``index`` keeping only a known suffix."""
    lower = (filename or "").lower()
    suffix = next((s for s in sorted(UPLOAD_SUFFIXES, key=len, reverse=True) if lower.endswith(s)), ".txt")
    return f"upload-{index}{suffix}"


def _pipeline_ingest() -> Any | None:
    try:
        return getattr(importlib.import_module("passerelle.pipeline"), "ingest", None)
    except ImportError:
        return None


def _summary_ids(summary: Any) -> list[str]:
    for name in ("doc_ids", "documents", "ids"):
        value = getattr(summary, name, None)
        if isinstance(value, (list, tuple)):
            return [str(getattr(v, "id", v)) for v in value]
    return []


def _summary_failures(summary: Any, source: str, label: str) -> list[Failure]:
    """Failures of a run, named by what the user gave rather than the server's temp path."""
    out = []
    for item in getattr(summary, "failures", None) or []:
        origin = str(getattr(item, "origin", None) or source)
        shown = label if origin.startswith(source) else origin
        out.append(Failure(shown, str(getattr(item, "reason", item)).replace(source, label)))
    return out


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
        job = Job(id=job_id, sources=sources, labels=labels)
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
            finally:
                shutil.rmtree(self.workdir / job.id, ignore_errors=True)
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        job.state = "running"
        ingest = _pipeline_ingest()
        if ingest is None:
            self._finish(job, "failed", "the ingest pipeline (passerelle.pipeline.ingest) is not installed")
            return
        for source, label in zip(job.sources, job.labels):
            self._run_one(job, ingest, source, label)
            job.done += 1
        state = "failed" if job.failures and not (job.stored or job.duplicates) else "done"
        self._finish(job, state, f"{job.stored} stored, {job.duplicates} already known, "
                                 f"{len(job.failures)} failed")

    def _run_one(self, job: Job, ingest: Any, source: str, label: str) -> None:
        try:
            summary = ingest([source], self.backend.db(), None, progress=False)
        except (PasserelleError, OSError, ValueError) as exc:
            job.failures.append(Failure(label, str(exc).replace(source, label)))
            return
        except Exception as exc:  # noqa: BLE001  one bad source never stops the job
            log.exception("ingest of %s crashed", label)
            job.failures.append(Failure(label, f"internal error: {type(exc).__name__}: {exc}"))
            return
        job.documents.extend(_summary_ids(summary))
        job.stored += int(getattr(summary, "stored", 0) or 0)
        job.duplicates += int(getattr(summary, "duplicates", 0) or 0) + int(
            getattr(summary, "near_duplicates", 0) or 0)
        job.failures.extend(_summary_failures(summary, source, label))

    def _finish(self, job: Job, state: str, message: str) -> None:
        job.state, job.message, job.finished = state, message, time.time()


__all__ = ["Job", "JobRunner", "Failure", "safe_upload_name"]
