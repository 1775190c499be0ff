"""The web app's one seam to the rest of passerelle: database, query functions, pipeline.

Every page calls exactly one query function through :meth:`Backend.query`. While a
function (or the store) is not installed yet, ``query`` returns ``None`` and the page
renders an honest empty state saying so; nothing is faked. Not a stable API.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import Any, Callable

from passerelle.errors import StoreError

log = logging.getLogger(__name__)


def _attr(module: str, name: str) -> Any | None:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def query_function(name: str) -> Callable[..., Any] | None:
    """The query function ``name`` from ``passerelle.query`` (or its submodule), or None."""
    fn = _attr("passerelle.query", name)
    if fn is None and name == "records_to_plover":
        fn = _attr("passerelle.query.plover", name)
    return fn if callable(fn) else None


class Backend:
    """Opens the database lazily and calls query functions on it.

    Args:
        db_url: database URL for ``passerelle.store.open_db`` (None: its default).
    """

    def __init__(self, db_url: str | None = None):
        self.db_url = db_url
        self._db: Any = None
        self._lock = threading.Lock()

    def db(self) -> Any:
        """The open database.

        Raises:
            StoreError: the store package is not installed yet.
        """
        with self._lock:
            if self._db is None:
                open_db = _attr("passerelle.store", "open_db")
                if open_db is None:
                    raise StoreError(
                        "the knowledge base store is not available",
                        hint="install passerelle.store (open_db) and restart the server",
                    )
                self._db = open_db(self.db_url)
            return self._db

    def available(self, name: str) -> bool:
        """True when query function ``name`` and the store are installed."""
        return query_function(name) is not None and _attr("passerelle.store", "open_db") is not None

    def query(self, name: str, *args: Any, **kwargs: Any) -> Any | None:
        """Call query function ``name(db, *args, **kwargs)``; None when it is missing."""
        fn = query_function(name)
        if fn is None or not self.available(name):
            return None
        clean = {k: v for k, v in kwargs.items() if v not in (None, "")}
        return fn(self.db(), *args, **clean)

    def close(self) -> None:
        """Release the database if it was opened."""
        closer = getattr(self._db, "close", None) or getattr(self._db, "dispose", None)
        if callable(closer):
            closer()
        self._db = None
