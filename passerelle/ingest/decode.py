"""Bytes to text, and what kind of input some bytes are.

Encodings read: UTF-8 (with or without BOM), UTF-16 with a BOM, and cp1252 as the
fallback for old Western pages. Anything else that does not decode, binary files
and empty files raise ``ParseError``. Internal to ``passerelle.ingest``.
"""

from __future__ import annotations

import codecs
import json
import re

from passerelle.errors import ParseError

# File extensions read without sniffing.
TEXT_EXT = (".txt", ".text", ".md")
HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz")
FEED_EXT = (".rss", ".atom", ".xml")
WARC_EXT = (".warc", ".warc.gz", ".arc", ".arc.gz")

# Bytes read to sniff a kind: enough for a doctype, an XML prolog and a root element.
SNIFF_BYTES = 2048
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
                 b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
_HTML_SNIFF = re.compile(rb"(?i)<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<p[\s>]|<div[\s>]")
# A ".txt" file that starts like an HTML document is read as HTML.
_DOCTYPE = re.compile(rb"(?i)<!doctype html|<html[\s>]")
_FEED_SNIFF = re.compile(rb"(?i)<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]")


def decode(raw: bytes, *, origin: str, declared: str | None = None) -> str:
    """Decode ``raw`` to text.

    Args:
        raw: the bytes read.
        origin: the source, named in error messages.
        declared: a charset the source declares (HTTP header, ``<meta charset>``);
            tried when the bytes are not UTF-8, before cp1252.

    Returns:
        The text, without a byte-order mark.

    Raises:
        ParseError: for empty, binary or undecodable input.
    """
    if not raw.strip():
        raise ParseError("empty input", source=origin, hint="nothing to read; check the file")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return _strict(raw, codec, origin)
    if is_binary(raw):
        raise ParseError("binary content, not text", source=origin,
                         hint="give a text, HTML, JSON Lines, feed or WARC file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared or declared_charset(raw)
    if declared and _known_codec(declared):
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    return _strict(raw, "cp1252", origin)


_META_CHARSET = re.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""")
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""")


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML prolog declares, if any."""
    head = raw[:SNIFF_BYTES]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head.lstrip())
    return m.group(1).decode("ascii", "replace").lower() if m else None


def charset_of(content_type: str) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header."""
    m = re.search(r"(?i)charset\s*=\s*[\"']?([\w.:-]+)", content_type or "")
    return m.group(1).lower() if m else None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _strict(raw: bytes, codec: str, origin: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise ParseError(f"cannot decode as {codec} ({exc.reason} at byte {exc.start})",
                         source=origin, hint="re-save the file as UTF-8") from None


def is_binary(raw: bytes) -> bool:
    """True for bytes that are not text: a known file signature or NUL bytes."""
    head = raw[:SNIFF_BYTES]
    return head.startswith(_BINARY_MAGIC) or b"\x00" in head


def sniff(raw: bytes, name: str = "") -> str:
    """The kind of input: ``text``, ``html``, ``jsonl``, ``feed`` or ``warc``.

    Args:
        raw: the bytes (only the first ``SNIFF_BYTES`` are looked at).
        name: the file name or URL path; its extension decides first.

    Returns:
        The kind name.
    """
    lower = name.lower()
    for exts, kind in ((WARC_EXT, "warc"), (JSONL_EXT, "jsonl"), (HTML_EXT, "html"),
                       (FEED_EXT, "feed"), (TEXT_EXT, "text")):
        if lower.endswith(exts):
            if kind == "feed":
                return _xml_kind(raw)
            return "html" if kind == "text" and _DOCTYPE.match(_head(raw)) else kind
    return sniff_content(raw)


def _head(raw: bytes) -> bytes:
    return raw[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")


def sniff_content(raw: bytes) -> str:
    """The kind of input judged by the content alone (see ``sniff``)."""
    head = _head(raw)
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "warc"  # gzip: the only compressed input we read is WARC
    if _FEED_SNIFF.search(head):
        return "feed"
    if _HTML_SNIFF.search(head):
        return "html"
    if head.startswith(b"{") and _looks_jsonl(head):
        return "jsonl"
    return "text"


def _xml_kind(raw: bytes) -> str:
    head = raw[:SNIFF_BYTES]
    return "feed" if _FEED_SNIFF.search(head) else sniff_content(raw)


def _looks_jsonl(head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return b'"text"' in head or b'"html"' in head  # a first row longer than the sniff
