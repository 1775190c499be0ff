"""Scale-out: extraction of many documents in parallel on Dask ``distributed``.

Extraction is pure and per document, so it maps onto a cluster without shared
state: documents are sent to workers, ``extract_document`` runs there, and the
filled documents come back in input order, so the results are the same as on the
serial path. Without a scheduler address a ``LocalCluster`` of worker processes is
started (and stopped) for the run; with ``tcp://host:port`` an existing cluster is
used (its workers need passerelle installed).

Reading and storing stay in the calling process: the database has one writer.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from passerelle.errors import ConfigError, PasserelleError
from passerelle.records import Document

log = logging.getLogger(__name__)

# Documents in flight per worker: enough to keep workers busy while results are
# consumed in order, small enough to bound memory on long inputs.
_IN_FLIGHT_PER_WORKER = 8


def extract_one(
    doc: Document, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> tuple[Document | None, str | None]:
    """Extract ``doc`` on a worker; never raises, so one bad article stops nothing.

    Args:
        doc: the document to fill.
        overrides: ``{language: {step: component}}`` (setting ``extract.components``).

    Returns:
        ``(filled document, None)`` or ``(None, reason)``.
    """
    from passerelle.extract import extract_document

    try:
        return extract_document(doc, overrides), None
    except PasserelleError as exc:
        return None, f"extraction failed: {exc}"
    except Exception as exc:  # noqa: BLE001 - a bug in one component must not stop a batch
        return None, f"extraction failed: {exc.__class__.__name__}: {exc}"


@contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler``, or on a new LocalCluster of processes.

    Raises:
        ConfigError: if Dask is not installed or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "Dask distributed is not installed", hint="pip install 'passerelle[scale]'"
        ) from exc
    _quiet_dask()
    if scheduler:
        with _connect(Client, scheduler) as client:
            yield client
        return
    with LocalCluster(
        n_workers=max(workers, 1), threads_per_worker=1, processes=True,
        dashboard_address=":0", silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        yield client


def _quiet_dask() -> None:
    """Keep Dask's own INFO chatter off stderr unless passerelle runs with -v."""
    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        logging.getLogger("distributed").setLevel(logging.ERROR)


@contextmanager
def _connect(client_cls: Any, scheduler: str) -> Iterator[Any]:
    try:
        client = client_cls(scheduler, timeout="10s")
    except OSError as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {scheduler}: {exc}",
            hint="start one with `dask scheduler` or leave out --scheduler for a local cluster",
        ) from exc
    with client:
        yield client


def extract_parallel(
    docs: Iterable[Document], *, workers: int = 2, scheduler: str | None = None,
    overrides: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterator[tuple[Document | None, str | None]]:
    """Extract ``docs`` on Dask, yielding ``extract_one`` results in input order.

    Args:
        docs: documents to extract (consumed lazily).
        workers: worker processes of the local cluster (ignored with ``scheduler``).
        scheduler: address of a running scheduler, e.g. ``tcp://10.0.0.5:8786``.
        overrides: ``{language: {step: component}}`` passed to ``extract_document``.
    """
    with dask_client(workers, scheduler) as client:
        window = _IN_FLIGHT_PER_WORKER * max(workers, 1)
        yield from _ordered(client, docs, window, overrides)


def _ordered(
    client: Any, docs: Iterable[Document], window: int, overrides: Any = None
) -> Iterator[Any]:
    pending: deque[Any] = deque()
    for doc in docs:
        pending.append(client.submit(extract_one, doc, overrides, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


__all__ = ["extract_one", "extract_parallel", "dask_client"]
