"""Ids, outlets and the assembly of a ``Document`` from what a cleaner found.

Given metadata (a JSON Lines row, a feed item, the caller) always wins over what
the page shows. Internal to ``passerelle.ingest`` (not a stable API).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from passerelle.ingest.dates import normalise_date
from passerelle.ingest.language import detect_language
from passerelle.records import Document, Source

_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,6}$")


def id_for_path(path: str | PurePath) -> str:
    """A file's id: its name without extensions (``a/x.html.gz`` -> ``x``)."""
    name = PurePath(path).name
    while True:
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem or not _EXTENSION.match("." + ext):
            return name
        name = stem


def id_for_url(url: str) -> str:
    """A short stable id for a URL (16 hex digits of its SHA-1)."""
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (``https://www.x.vn/a`` -> ``x.vn``)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def build_document(
    *, body: str, captions: list[str], url: str | None, meta: dict[str, Any],
    found: dict[str, Any], component: str | None = None,
) -> Document:
    """Assemble the ``Document``: given metadata first, then what the page showed.

    Args:
        body: the cleaned article text, paragraphs joined by a blank line.
        captions: photo captions without credits.
        url: the URL the page was read from, if any.
        meta: given metadata (id, url, path, title, published, language, outlet...).
        found: what the cleaner read in the page (title, published, outlet, url,
            description, site_name).
        component: the versioned name of the cleaner, kept in ``components["ingest"]``.

    Returns:
        The document, with ``language`` detected when not given.
    """
    url = _first(meta.get("url"), url, found.get("url"))
    host = host_of(url)
    outlet = _first(meta.get("outlet"), host, found.get("outlet"), found.get("site_name"))
    published = normalise_date(meta.get("published"), host=host) or found.get("published")
    doc_id = _first(meta.get("id"), id_for_path(meta["path"]) if meta.get("path") else None,
                    id_for_url(url) if url else None) or ""
    return Document(
        id=str(doc_id), body=body, captions=list(captions),
        source=Source(url=url, path=meta.get("path"), outlet=outlet),
        title=_first(meta.get("title"), found.get("title")),
        published=published,
        language=_first(meta.get("language"), detect_language(body or " ".join(captions))),
        description=_first(meta.get("description"), found.get("description")),
        site_name=_first(meta.get("site_name"), found.get("site_name")),
        components={"ingest": component} if component else {},
    )


def _first(*values: Any) -> Any:
    for v in values:
        if isinstance(v, str):
            v = v.strip()
        if v:
            return v
    return None
