"""Ingest: read sources into clean ``Document`` records.

Sources are plain-text pages, HTML pages, folders of them, JSON Lines, ``http(s)://``
URLs, RSS/Atom feeds and WARC archives. ``read_sources`` yields one ``Loaded`` per
article and one ``Failed`` per input it could not read, and never stops on a bad
input. ``clean_text`` and ``clean_html`` are the pure cleaners behind it.

Example::

    from passerelle.ingest import read_sources, Loaded

    for item in read_sources(["examples/"]):
        if isinstance(item, Loaded):
            print(item.doc.id, item.doc.title)
        else:
            print("skipped", item.origin, item.reason)
"""

from __future__ import annotations

from passerelle.ingest.html import clean_html
from passerelle.ingest.language import detect_language
from passerelle.ingest.options import Failed, IngestOptions, Loaded
from passerelle.ingest.sources import count_sources, read_sources
from passerelle.ingest.text import clean_text

__all__ = [
    "Loaded",
    "Failed",
    "IngestOptions",
    "read_sources",
    "count_sources",
    "clean_text",
    "clean_html",
    "detect_language",
]
