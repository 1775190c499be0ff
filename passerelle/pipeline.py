"""The pipeline: read -> extract -> store, one document at a time.

``ingest`` is what ``passerelle ingest`` runs: every document is extracted and then
stored in its own transaction, so an interrupted run (Ctrl-C, kill, power cut) leaves
each finished document whole and nothing half-written, and a rerun continues where it
stopped because documents already stored are recognised as duplicates *before* the
costly extraction. One broken article never stops a batch: it is counted, recorded
in the ``failures`` table with its reason, and the run goes on. The ``runs`` and
``failures`` rows are written through ``passerelle.store.runs`` (``via="cli"``).

``extract_only`` is what ``passerelle extract`` runs: the same reading and extraction,
without a database. Both can extract on Dask (``Settings.workers`` /
``Settings.scheduler``, see ``passerelle.scale``).
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from passerelle.errors import PasserelleError
from passerelle.settings import Settings
from passerelle.store import Database, find_duplicate, runs, store_document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FailedInput:
    """An input that could not be stored: where it came from and why."""

    origin: str
    reason: str


@dataclass
class RunSummary:
    """Counts of one ``ingest`` run and the list of its failures."""

    run_id: int | None = None
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    failures: list[FailedInput] = field(default_factory=list)
    elapsed: float = 0.0
    interrupted: bool = False

    @property
    def seen(self) -> int:
        """Inputs handled so far, whatever became of them."""
        return self.stored + self.duplicates + self.near_duplicates + self.failed

    @property
    def ok(self) -> bool:
        """True when nothing failed and the run was not interrupted."""
        return not self.failed and not self.interrupted

    def line(self) -> str:
        """The one-line summary printed at the end of ``passerelle ingest``."""
        rate = self.seen / self.elapsed if self.elapsed > 0 else 0.0
        return (
            f"stored {self.stored}, duplicate {self.duplicates}, "
            f"near-duplicate {self.near_duplicates}, failed {self.failed} "
            f"in {self.elapsed:.1f}s ({rate:.1f} docs/s)"
        )


def _ingest_api() -> Any:
    """The ingest package (imported late: the CLI's --help must not pay for it)."""
    import passerelle.ingest as ingest_pkg

    return ingest_pkg


def _default_options(options: Any) -> Any:
    return options if options is not None else _ingest_api().IngestOptions()


def _failed(origin: str, reason: str) -> Any:
    return _ingest_api().Failed(origin=origin, reason=reason)


def _is_failed(item: Any) -> bool:
    return not hasattr(item, "doc")


def _read(sources: Sequence[str], options: Any) -> Iterator[Any]:
    """``read_sources`` that turns an error of the reader itself into one failure."""
    try:
        yield from _ingest_api().read_sources(list(sources), _default_options(options))
    except PasserelleError as exc:
        yield _failed(", ".join(map(str, sources)), f"reading stopped: {exc}")


def _with_doc(item: Any, doc: Any) -> Any:
    if dataclasses.is_dataclass(item) and not item.__dataclass_params__.frozen:
        item.doc = doc
        return item
    return dataclasses.replace(item, doc=doc)


def extract_items(items: Iterable[Any], settings: Settings | None = None) -> Iterator[Any]:
    """Extract every ``Loaded`` of ``items`` (in order); pass ``Failed`` through.

    An extraction error turns the item into a ``Failed`` with the reason.

    Args:
        items: ``Loaded`` and ``Failed`` objects from ``read_sources``.
        settings: ``workers``/``scheduler`` select Dask; serial by default.
    """
    settings = settings or Settings()
    if settings.workers or settings.scheduler:
        yield from _extract_parallel(items, settings)
        return
    from passerelle.scale import extract_one

    for item in items:
        yield item if _is_failed(item) else _result(
            item, *extract_one(item.doc, settings.components)
        )


def _result(item: Any, doc: Any, error: str | None) -> Any:
    return _failed(item.origin, error) if error else _with_doc(item, doc)


def _extract_parallel(items: Iterable[Any], settings: Settings) -> Iterator[Any]:
    from passerelle.scale import extract_parallel

    queue: deque[Any] = deque()

    def feed() -> Iterator[Any]:
        for item in items:
            queue.append(item)
            if not _is_failed(item):
                yield item.doc

    results = extract_parallel(feed(), workers=settings.workers or 2,
                               scheduler=settings.scheduler, overrides=settings.components)
    for doc, error in results:
        while _is_failed(queue[0]):
            yield queue.popleft()
        yield _result(queue.popleft(), doc, error)
    yield from queue


def extract_only(
    sources: Sequence[str], options: Any = None, settings: Settings | None = None
) -> Iterator[Any]:
    """Read and extract ``sources`` without a database (``passerelle extract``).

    Args:
        sources: paths, folders, URLs, ``.jsonl`` files, feeds, WARC files.
        options: an ``IngestOptions`` (defaults when ``None``).
        settings: Dask ``workers``/``scheduler``; serial by default.

    Returns:
        ``Loaded`` (with the extracted document) and ``Failed`` objects, in input order.
    """
    return extract_items(_read(sources, options), settings)


def ingest(
    sources: Sequence[str],
    db: Database,
    options: Any = None,
    progress: bool = True,
    settings: Settings | None = None,
) -> RunSummary:
    """Read, extract and store ``sources`` into ``db``; each document in its own transaction.

    Args:
        sources: paths, folders, URLs, ``.jsonl`` files, feeds, WARC files.
        db: the open database.
        options: an ``IngestOptions`` (defaults when ``None``).
        progress: show a progress bar with counts and rate on stderr.
        settings: near-duplicate threshold and Dask options.

    Returns:
        The ``RunSummary`` (also written to the ``runs`` table).

    Raises:
        KeyboardInterrupt: after marking the run interrupted; every document finished
            before it is stored.
    """
    settings = settings or Settings()
    summary = RunSummary(run_id=_start_run(db, sources))
    started = time.monotonic()
    bar = _progress_bar(progress, _total(sources, options) if progress else None)
    try:
        items = _skip_duplicates(_read(sources, options), db, summary, bar)
        for item in extract_items(items, settings):
            _handle(item, db, summary, settings)
            _tick(bar, summary)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        summary.elapsed = time.monotonic() - started
        bar.close()
        _finish_run(db, summary)
    return summary


def _skip_duplicates(
    items: Iterable[Any], db: Database, summary: RunSummary, bar: Any
) -> Iterator[Any]:
    """Drop inputs already stored (same URL or body), before they are extracted."""
    for item in items:
        if not _is_failed(item):
            with db.connect() as conn:
                if find_duplicate(conn, item.doc):
                    summary.duplicates += 1
                    _tick(bar, summary)
                    continue
        yield item


def _handle(item: Any, db: Database, summary: RunSummary, settings: Settings) -> None:
    if _is_failed(item):
        _record_failure(db, summary, item.origin, item.reason)
        return
    raw = item.raw if settings.store_raw else None
    try:
        with db.transaction() as conn:
            result = store_document(
                conn, item.doc, raw, item.origin, near_threshold=settings.near_duplicate_jaccard
            )
    except PasserelleError as exc:
        if _stored_meanwhile(db, item.doc):  # another writer stored the same article first
            summary.duplicates += 1
            return
        _record_failure(db, summary, item.origin, f"not stored: {exc}")
        return
    except Exception as exc:  # noqa: BLE001 - e.g. a knowledge-base bug on one article
        log.debug("storing %s failed", item.origin, exc_info=True)
        _record_failure(db, summary, item.origin, f"not stored: {exc.__class__.__name__}: {exc}")
        return
    _count(summary, result.status)


def _stored_meanwhile(db: Database, doc: Any) -> bool:
    try:
        with db.connect() as conn:
            return find_duplicate(conn, doc) is not None
    except PasserelleError:
        return False


def _count(summary: RunSummary, status: str) -> None:
    if status == "stored":
        summary.stored += 1
    elif status == "near-duplicate":
        summary.near_duplicates += 1
    else:
        summary.duplicates += 1


def _start_run(db: Database, sources: Sequence[str]) -> int:
    return runs.start_run(db, [str(s) for s in sources], via="cli")


def _record_failure(db: Database, summary: RunSummary, origin: str, reason: str) -> None:
    log.warning("%s: %s", origin, reason)
    summary.failed += 1
    summary.failures.append(FailedInput(origin, reason))
    if summary.run_id is not None:
        runs.record_failure(db, summary.run_id, origin, reason)


def _finish_run(db: Database, summary: RunSummary) -> None:
    counts = {"stored": summary.stored, "duplicates": summary.duplicates,
              "near_duplicates": summary.near_duplicates, "failed": summary.failed}
    status = "interrupted" if summary.interrupted else "done"
    try:
        if summary.run_id is not None:
            runs.finish_run(db, summary.run_id, counts, status)
    except PasserelleError:
        log.warning("could not record the end of run %s", summary.run_id)


def _total(sources: Sequence[str], options: Any) -> int | None:
    """A cheap count of the inputs for the progress bar, or ``None`` when unknown."""
    try:
        return _ingest_api().count_sources(list(sources), _default_options(options))
    except PasserelleError:
        return None


def _progress_bar(enabled: bool, total: int | None = None) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total, unit="doc", file=sys.stderr, disable=not enabled, dynamic_ncols=True
    )


def _tick(bar: Any, summary: RunSummary) -> None:
    bar.update(1)
    bar.set_postfix_str(
        f"stored {summary.stored}, dup {summary.duplicates}, "
        f"near {summary.near_duplicates}, failed {summary.failed}",
        refresh=False,
    )


__all__ = ["RunSummary", "FailedInput", "ingest", "extract_only", "extract_items"]
