"""Read every kind of source into ``Loaded`` documents or ``Failed`` one-liners.

A source is a path (plain-text page, HTML page, JSON Lines, RSS/Atom feed, WARC or
WARC.gz, or a folder of them) or an ``http(s)://`` URL (a page or a feed). One bad
input never stops the run: it becomes a ``Failed`` and the iteration goes on.
"""

from __future__ import annotations

import gzip
import json
import logging
import time
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from passerelle.errors import ParseError, PasserelleError
from passerelle.ingest.decode import charset_of, decode, sniff, sniff_content
from passerelle.ingest.fetch import Fetcher
from passerelle.ingest.html import clean_html
from passerelle.ingest.meta import id_for_path, id_for_url
from passerelle.ingest.options import Failed, IngestOptions, Loaded
from passerelle.ingest.text import clean_text

log = logging.getLogger(__name__)

Item = Loaded | Failed
# Files a folder walk passes over without a word: they are never articles.
IGNORED_EXT = frozenset(
    ".png .jpg .jpeg .gif .webp .svg .ico .css .js .map .pdf .zip .mp3 .mp4 .woff .woff2 "
    ".ttf .db .sqlite .pyc .py .md .rst .json .yml .yaml .toml .cfg .ini .csv .lock".split()
)
_JSONL_META = ("id", "url", "title", "published", "language", "outlet", "description")


class _Session:
    """Options plus a lazily opened HTTP gateway, for one ``read_sources`` run."""

    def __init__(self, options: IngestOptions):
        self.options = options
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def read_sources(sources: Sequence[str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Read ``sources`` in order, yielding one ``Loaded`` or ``Failed`` per article.

    Args:
        sources: paths (files or folders) and ``http(s)://`` URLs.
        options: how to read; ``IngestOptions()`` when None.

    Yields:
        ``Loaded`` for each article read, ``Failed`` for each input that could not be.
    """
    session = _Session(options or IngestOptions())
    try:
        for source in sources:
            yield from _guarded(str(source), lambda s=str(source): _read_one(s, session))
    finally:
        session.close()


def count_sources(sources: Sequence[str], options: IngestOptions | None = None) -> int | None:
    """A cheap total of the articles ``sources`` hold, for progress bars.

    Returns:
        The number of articles, or None when it is unknown without reading
        (URLs, feeds, WARC files).
    """
    total = 0
    for source in sources:
        n = _count_one(str(source), (options or IngestOptions()).recursive)
        if n is None:
            return None
        total += n
    return total


def _count_one(source: str, recursive: bool) -> int | None:
    if _is_url(source):
        return None
    path = Path(source)
    files = list(_walk(path, recursive)) if path.is_dir() else [path]
    total = 0
    for f in files:
        kind = sniff(b"", f.name) if f.suffix else "text"
        if kind in ("warc", "feed"):
            return None
        total += _count_lines(f) if kind == "jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1


def _guarded(origin: str, produce: Any) -> Iterator[Item]:
    """Run ``produce()`` and turn any error into one ``Failed`` for ``origin``."""
    try:
        yield from produce()
    except PasserelleError as exc:
        yield _failed(origin, exc)
    except Exception as exc:  # one bad article never stops a batch
        log.exception("unexpected error reading %s", origin)
        yield Failed(origin, f"unexpected {type(exc).__name__}: {exc} (please report this input)")


def _failed(origin: str, exc: PasserelleError) -> Failed:
    reason = exc.message + (f" ({exc.hint})" if exc.hint else "")
    return Failed(origin, " ".join(reason.split()))


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read_one(source: str, session: _Session) -> Iterator[Item]:
    if _is_url(source):
        yield from _read_url(source, session, meta={})
        return
    path = Path(source)
    if path.is_dir():
        for f in _walk(path, session.options.recursive):
            yield from _guarded(str(f), lambda f=f: _read_file(f, session))
    elif path.is_file():
        yield from _read_file(path, session)
    else:
        raise ParseError("no such file or folder", source=source, hint="check the path")


def _walk(folder: Path, recursive: bool) -> Iterator[Path]:
    pattern = "**/*" if recursive else "*"
    for f in sorted(folder.glob(pattern)):
        rel = f.relative_to(folder).parts
        if f.is_file() and not any(p.startswith(".") for p in rel):
            if f.suffix.lower() not in IGNORED_EXT:
                yield f


def _read_file(path: Path, session: _Session) -> Iterator[Item]:
    """Read one file; archives and JSON Lines are limited per record, pages per file."""
    limit = session.options.max_bytes
    with path.open("rb") as fh:
        head = fh.read(4096)
    kind = sniff(head, path.name)
    if kind == "warc":
        yield from _read_warc(path, limit)
    elif kind == "jsonl":
        yield from _read_jsonl(path, limit)
    else:
        _check_size(path.stat().st_size, limit, "file")
        raw = path.read_bytes()
        yield from _read_bytes(raw, kind, str(path), session, meta={"path": str(path)}, url=None)


def _check_size(size: int, limit: int, what: str) -> None:
    if size > limit:
        raise ParseError(f"{what} is {size:,} bytes, over the {limit:,} limit",
                         hint="split it or raise max_bytes")


def _read_bytes(raw: bytes, kind: str, origin: str, session: _Session, *,
                meta: dict[str, Any], url: str | None, charset: str | None = None,
                ) -> Iterator[Item]:
    """Read one page (text or HTML) or a feed from its bytes."""
    if kind == "warc":
        raise ParseError("a WARC archive can only be read from a file", hint="save it first")
    text = decode(raw, origin=origin, declared=charset)
    if kind == "feed":
        yield from _read_feed(raw, origin, session)
        return
    cleaner = clean_html if kind == "html" else clean_text
    yield _loaded(cleaner(text, url=url, meta=meta), raw, origin)


def _loaded(doc: Any, raw: bytes, origin: str) -> Loaded:
    if not doc.body.strip():
        raise ParseError("no article text found", hint="the page may hold only navigation")
    return Loaded(doc=doc, raw=raw, origin=origin)


def _read_url(url: str, session: _Session, *, meta: dict[str, Any]) -> Iterator[Item]:
    fetched = session.fetcher.get(url)
    kind = _kind_of_answer(fetched.content_type, fetched.content)
    meta = {"id": id_for_url(url), **meta}
    yield from _read_bytes(fetched.content, kind, url, session, meta=meta, url=fetched.url,
                           charset=charset_of(fetched.content_type))


def _kind_of_answer(content_type: str, content: bytes) -> str:
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ctype == "text/plain":
        return "text"
    return sniff_content(content)


# --- JSON Lines -----------------------------------------------------------------


def _read_jsonl(path: Path, limit: int) -> Iterator[Item]:
    stem = id_for_path(path)
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            origin = f"{path}:{lineno}"
            yield from _guarded(
                origin, lambda: _jsonl_row(line, origin, path, f"{stem}-{lineno}", limit))


def _jsonl_row(line: bytes, origin: str, path: Path, default_id: str, limit: int,
               ) -> Iterator[Item]:
    _check_size(len(line), limit, "line")
    try:
        row = json.loads(decode(line, origin=origin))
    except ValueError as exc:
        raise ParseError(f"not valid JSON ({exc})", hint="one JSON object per line") from None
    if not isinstance(row, dict):
        raise ParseError("a JSON line must be an object",
                         hint='give {"text": ...} or {"html": ...}')
    meta = {k: row[k] for k in _JSONL_META if row.get(k) not in (None, "")}
    meta.setdefault("id", default_id)
    meta["path"] = str(path)
    if isinstance(row.get("html"), str) and row["html"].strip():
        doc = clean_html(row["html"], url=meta.get("url"), meta=meta)
    elif isinstance(row.get("text"), str) and row["text"].strip():
        doc = clean_text(row["text"], url=meta.get("url"), meta=meta)
    else:
        raise ParseError("the row has neither 'text' nor 'html'", hint="add the article's text")
    doc.id = str(meta["id"])
    yield _loaded(doc, line, origin)


# --- feeds ------------------------------------------------------------------------


def _read_feed(raw: bytes, origin: str, session: _Session) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        why = getattr(feed, "bozo_exception", None) or "no items"
        raise ParseError(f"not a readable RSS/Atom feed ({why})", hint="check the feed's XML")
    for n, entry in enumerate(feed.entries, 1):
        item_origin = f"{origin}#{n}"
        yield from _guarded(item_origin, lambda e=entry, o=item_origin: _feed_item(e, o, session))


def _feed_item(entry: Any, origin: str, session: _Session) -> Iterator[Item]:
    link = (entry.get("link") or "").strip()
    meta = {"title": entry.get("title"), "published": _entry_date(entry)}
    if link:
        meta.update(id=id_for_url(link), url=link)
    content = _entry_content(entry)
    if len(content) >= session.options.feed_full_text_chars:
        raw = content.encode("utf-8")
        yield _loaded(_clean_fragment(content, meta), raw, origin)
    elif link and _is_url(link) and session.options.follow_feed_links:
        yield from _read_url(link, session, meta=meta)
    else:
        raise ParseError("feed item has neither full text nor a link to fetch",
                         hint="the feed may only carry teasers; give the article URLs")


def _entry_content(entry: Any) -> str:
    for part in entry.get("content") or []:
        if part.get("value"):
            return str(part["value"])
    return str(entry.get("summary") or "")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _clean_fragment(content: str, meta: dict[str, Any]) -> Any:
    if "<" not in content:
        return clean_text(content, url=meta.get("url"), meta=meta)
    page = f"<html><body><article>{content}</article></body></html>"
    try:
        return clean_html(page, url=meta.get("url"), meta=meta)
    except ParseError:
        import lxml.html

        text = lxml.html.fragment_fromstring(content, create_parent="div").text_content()
        return clean_text(text, url=meta.get("url"), meta=meta)


# --- WARC -------------------------------------------------------------------------


def _read_warc(path: Path, limit: int) -> Iterator[Item]:
    """Yield the HTML responses of a WARC; a damaged archive ends with one ``Failed``.

    warcio stops silently at some truncation points, so a gzip archive is also checked
    to end with a complete gzip member, and each record to hold its declared length.
    """
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with path.open("rb") as fh:
        records = iter(ArchiveIterator(fh))
        while True:
            origin = f"{path}#{n + 1}"
            try:
                record = next(records)
                payload = _warc_payload(record)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises several kinds on a cut archive
                yield Failed(origin, _truncated_reason(exc))
                return
            n += 1
            if payload is not None:
                url, raw = payload
                yield from _guarded(
                    origin, lambda u=url, r=raw, o=origin: _warc_page(u, r, o, limit))
    if _gzip_truncated(path):
        yield Failed(f"{path}#{n + 1}", _truncated_reason(EOFError("the gzip stream ends early")))


def _gzip_truncated(path: Path) -> bool:
    with path.open("rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return False
    try:
        with gzip.open(path, "rb") as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error):
        return True
    return False


def _truncated_reason(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:120]
    return (f"WARC archive is truncated or damaged ({type(exc).__name__}: {detail}); the records "
            "before this one were read (re-download or repair the archive)")


def _warc_payload(record: Any) -> tuple[str, bytes] | None:
    """``(target URL, body bytes)`` of an HTML response record, else None.

    Every record is read to its end, so that a cut in any record is noticed.

    Raises:
        EOFError: when the record holds fewer bytes than it declares.
    """
    if record.length is None:  # WARC requires Content-Length: the header was cut
        raise EOFError("a record header ends before its Content-Length")
    raw = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError(f"record ends {record.raw_stream.limit} bytes before its declared length")
    if record.rec_type != "response":
        return None
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if status and not status.startswith("2"):
        return None
    ctype = (http.get_header("Content-Type") if http is not None else "") or ""
    if "html" not in ctype.lower() and sniff_content(raw) != "html":
        return None
    return record.rec_headers.get_header("WARC-Target-URI") or "", raw


def _warc_page(url: str, raw: bytes, origin: str, limit: int) -> Iterator[Item]:
    _check_size(len(raw), limit, "record")
    text = decode(raw, origin=origin)
    meta = {"id": id_for_url(url)} if url else {}
    yield _loaded(clean_html(text, url=url or None, meta=meta), raw, origin)


__all__ = ["read_sources", "count_sources", "IGNORED_EXT"]
