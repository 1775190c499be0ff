"""The one gateway to HTTP: fetch a URL politely (timeouts, retries, robots.txt, size).

Everything passerelle downloads goes through ``Fetcher``: it sends our user agent,
asks robots.txt once per host, retries timeouts, connection errors, 429 and 5xx
answers with exponential backoff, never retries other 4xx, and stops reading past
``max_bytes``. Failures raise ``FetchError`` with the URL and what to do.
"""

from __future__ import annotations

import logging
import time
import urllib.robotparser
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from passerelle.errors import FetchError

if TYPE_CHECKING:
    from passerelle.ingest.options import IngestOptions

log = logging.getLogger(__name__)

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# robots.txt files are small; a bigger answer is not a robots file.
_ROBOTS_MAX_BYTES = 512_000


@dataclass
class Fetched:
    """One successful answer."""

    url: str  # the final URL, after redirects
    status: int
    content_type: str
    content: bytes


class Fetcher:
    """HTTP client with passerelle's manners. Use as a context manager.

    Args:
        options: timeouts, retries, user agent, size limit and robots policy.
    """

    def __init__(self, options: IngestOptions):
        self.options = options
        self._client = httpx.Client(
            timeout=httpx.Timeout(options.timeout), follow_redirects=True,
            headers={"User-Agent": options.user_agent}, max_redirects=options.max_redirects,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get(self, url: str) -> Fetched:
        """Fetch ``url``.

        Raises:
            FetchError: bad URL, robots.txt disallows, HTTP error status, timeout
                after all retries, or an answer larger than ``max_bytes``.
        """
        _check_url(url)
        if self.options.respect_robots and not self.allowed(url):
            raise FetchError("robots.txt disallows this URL for our user agent", source=url,
                             hint="skip it, or set respect_robots=False if you own the site")
        return self._with_retries(url)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets our user agent fetch it."""
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            self._robots[base] = self._load_robots(base)
        rules = self._robots[base]
        return True if rules is None else rules.can_fetch(self.options.user_agent, url)

    def _load_robots(self, base: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            resp = self._client.get(base + "/robots.txt")
        except httpx.HTTPError:
            return None  # no answer: no rules we could follow
        rules = urllib.robotparser.RobotFileParser()
        if resp.status_code >= 500:  # RFC 9309: a server error on robots.txt means "keep out"
            rules.parse(["User-agent: *", "Disallow: /"])
        elif resp.status_code >= 400 or len(resp.content) > _ROBOTS_MAX_BYTES:
            return None  # no robots.txt: everything is allowed
        else:
            rules.parse(resp.text.splitlines())
        return rules

    def _with_retries(self, url: str) -> Fetched:
        attempts = max(1, self.options.retries)
        for attempt in range(1, attempts + 1):
            try:
                return self._once(url)
            except _Retryable as exc:
                if attempt == attempts:
                    raise FetchError(f"{exc} (after {attempts} attempts)", source=url,
                                     hint="try again later or raise the timeout") from None
                log.info("retrying %s after: %s", url, exc)
                time.sleep(self.options.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    def _once(self, url: str) -> Fetched:
        try:
            with self._client.stream("GET", url) as resp:
                _check_status(resp, url)
                content = self._read_limited(resp, url)
                return Fetched(str(resp.url), resp.status_code,
                               resp.headers.get("content-type", ""), content)
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.options.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__})") from None

    def _read_limited(self, resp: httpx.Response, url: str) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.options.max_bytes:
            raise _too_big(url, self.options.max_bytes)
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.options.max_bytes:
                raise _too_big(url, self.options.max_bytes)
            chunks.append(chunk)
        return b"".join(chunks)


class _Retryable(Exception):
    """A failure worth another try (timeout, connection, 429, 5xx). Internal."""


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("not an http(s) URL", source=url, hint="give a URL like https://host/path")


def _check_status(resp: httpx.Response, url: str) -> None:
    status = resp.status_code
    if status in _RETRY_STATUS:
        raise _Retryable(f"HTTP {status}")
    if status >= 400:
        raise FetchError(f"HTTP {status} {resp.reason_phrase}".rstrip(), source=url,
                         hint="check the URL; the page may have moved or been removed")


def _too_big(url: str, limit: int) -> FetchError:
    return FetchError(f"answer larger than {limit:,} bytes", source=url,
                      hint="raise max_bytes if this page is really an article")
