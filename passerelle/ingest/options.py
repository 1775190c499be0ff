"""What ingest returns (``Loaded``, ``Failed``) and the options it takes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from passerelle.errors import ConfigError
from passerelle.records import Document
from passerelle.version import __version__

USER_AGENT = f"passerelle/{__version__} (+https://github.com/passerelle-project/passerelle)"


@dataclass
class Loaded:
    """One article read successfully."""

    doc: Document
    raw: bytes  # the raw input as read (for hashing and keeping)
    origin: str  # a path, "file.jsonl:12", a URL, "x.warc.gz#3"


@dataclass
class Failed:
    """One input that could not be read; the run goes on."""

    origin: str
    reason: str  # one line: the problem and what to do


@dataclass
class IngestOptions:
    """How sources are read.

    Attributes:
        timeout: seconds to wait for an HTTP answer (connect and each read).
        retries: attempts per URL for timeouts, connection errors, 429 and 5xx.
        user_agent: sent with every request and matched against robots.txt.
        max_bytes: larger files and answers are refused (a ``Failed``).
        respect_robots: ask robots.txt before fetching a URL.
        backoff: seconds before the first retry; doubles on each later one.
        max_redirects: redirects followed per request.
        follow_feed_links: fetch a feed item's link when the feed has no full text.
        feed_full_text_chars: feed item content at least this long is used as the
            article instead of fetching the link (shorter content is a teaser).
        recursive: walk sub-folders of a folder source.
    """

    timeout: float = 20.0
    retries: int = 3
    user_agent: str = USER_AGENT
    max_bytes: int = 20_000_000
    respect_robots: bool = True
    backoff: float = 0.5
    max_redirects: int = 5
    follow_feed_links: bool = True
    feed_full_text_chars: int = 600
    recursive: bool = True

    def __post_init__(self) -> None:
        for name in ("timeout", "max_bytes", "retries"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"ingest option {name}={getattr(self, name)!r} must be positive",
                                  hint=f"default is {_DEFAULTS[name]!r}")
        if self.backoff < 0 or self.max_redirects < 0:
            raise ConfigError("ingest options backoff and max_redirects cannot be negative")
        if not self.user_agent.strip():
            raise ConfigError("ingest option user_agent is empty", hint="name the tool and a URL")


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(IngestOptions)}
