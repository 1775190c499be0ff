"""The web app's one options object, validated once."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from passerelle.errors import ConfigError

if TYPE_CHECKING:
    from passerelle.ingest.options import IngestOptions
    from passerelle.settings import Settings

#: Largest request body accepted by ``/ingest`` (uploads and pasted text): 20 MiB is
#: several hundred news articles, while keeping a stray upload from filling the disk.
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024


@dataclass
class WebOptions:
    """How the web app runs.

    Attributes:
        db_url: database URL given to ``passerelle.store.open_db`` (None: its default).
        host: address the server binds; writes need ``token`` unless it is a loopback one.
        port: TCP port.
        token: secret for writes (ingest, corrections); env ``PASSERELLE_TOKEN``.
        max_upload: largest accepted request body in bytes.
        page_size: rows per page in lists.
        settings: the pipeline settings ingest jobs extract and store with
            (``extract.components``, ``store.*``); None: the defaults. ``passerelle
            serve`` passes the ones it was started with (``-s``, settings file, env).
        ingest_options: how ingest jobs read URLs, feeds and files (``fetch.*``
            settings); None: the defaults.
    """

    db_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD
    page_size: int = 50
    settings: Settings | None = None
    ingest_options: IngestOptions | None = None

    def __post_init__(self) -> None:
        if self.token is None:
            self.token = os.environ.get("PASSERELLE_TOKEN") or None
        if self.max_upload <= 0 or self.page_size <= 0:
            raise ConfigError(
                "max_upload and page_size must be positive",
                hint="pass e.g. --max-upload 20000000",
            )

    @property
    def loopback(self) -> bool:
        """True when the server is only reachable from this machine."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def writes_need_token(self) -> bool:
        """Writes need a token when one is set, or when bound beyond loopback."""
        return bool(self.token) or not self.loopback
