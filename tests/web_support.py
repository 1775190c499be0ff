"""Shared test helper: the web app served for real by uvicorn on 127.0.0.1.

Used by the tests that talk HTTP to a running app (``test_runs.py``,
``test_web_settings.py``). pytest imports it by name (``tests/`` is on ``sys.path``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db_url: str, **options: Any) -> Iterator[str]:
    """A new app instance on ``db_url`` (``WebOptions`` extras in ``options``) under
    uvicorn on 127.0.0.1, in a thread; yields its base URL and stops it afterwards."""
    import uvicorn  # noqa: PLC0415

    from passerelle.web import WebOptions, create_app  # noqa: PLC0415

    port = free_port()
    app = create_app(WebOptions(db_url=db_url, port=port, **options))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
