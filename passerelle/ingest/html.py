"""The HTML cleaner: trafilatura for the main text and metadata, plus the lead paragraph.

trafilatura finds the article container well but drops a lead paragraph ("sapo",
"chapô", "standfirst") that news sites put outside that container. ``clean_html``
puts it back: the text of an element whose class names a lead, or else the page's
description metadata when that text is shown on the page, whenever the body does
not already hold it. Photo captions come from ``<figcaption>`` (credits removed).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
import trafilatura

from passerelle.errors import ParseError
from passerelle.ingest.lines import Kind, classify, ends_sentence, split_credit
from passerelle.ingest.meta import build_document
from passerelle.ingest.text import END_MARK, dedupe_paragraphs
from passerelle.records import Document
from passerelle.registry import register

log = logging.getLogger(__name__)

COMPONENT = "ingest.html.v1"

# Class or id tokens that name a lead paragraph on news sites (Vietnamese "sapo",
# French "chapo"/"chapeau", English "standfirst"/"lead"/"dek"/"summary").
_LEAD_TOKENS = frozenset(
    "sapo chapo chapeau standfirst lead lede dek summary excerpt intro description desc".split()
)
_TOKEN_SPLIT = re.compile(r"[\s\-_]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# A lead is a sentence or a short paragraph: shorter is a label, longer is a body.
_LEAD_MIN_CHARS, _LEAD_MAX_CHARS = 40, 1200
# The lead must end at most this many characters (of normalised text) before the
# first body paragraph starts: room for a photo caption or a date line between them.
_LEAD_GAP_CHARS = 400
# How much of the first body paragraph locates it on the page.
_ANCHOR_CHARS = 80
# Fewer words than this is a menu or an error page, not an article.
MIN_WORDS = 8
# Lines trafilatura keeps that are page furniture by their shape.
_DROPPED = {Kind.CAPTION, Kind.CREDIT, Kind.PLACEHOLDER, Kind.IMAGE, Kind.SOURCE, Kind.NAV}


@register(COMPONENT)
def clean_html(
    html: str, *, url: str | None = None, meta: dict[str, Any] | None = None
) -> Document:
    """Clean one HTML page into a ``Document`` (pure).

    Args:
        html: the page's markup (already decoded).
        url: the page's URL when known.
        meta: given metadata that wins over the page's own (id, title, published...).

    Returns:
        A ``passerelle.records.Document``.

    Raises:
        ParseError: when the markup holds no article text.
    """
    meta = dict(meta or {})
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses it on decoded text
    tree = _parse(html)
    result = trafilatura.bare_extraction(
        html, url=url or meta.get("url"), with_metadata=True, include_comments=False,
        include_tables=False, include_images=False, deduplicate=False,
    )
    paragraphs = _paragraphs(getattr(result, "text", None) or "")
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise ParseError("no article text found in the HTML",
                         hint="check that the page is an article and not an index or a login page")
    found = _metadata(result, tree)
    paragraphs = _without_title(paragraphs, meta.get("title") or found.get("title"))
    paragraphs = dedupe_paragraphs(_with_lead(paragraphs, tree, found.get("description")))
    return build_document(
        body="\n\n".join(paragraphs), captions=_captions(tree), url=url,
        meta=meta, found=found, component=COMPONENT,
    )


def _parse(html: str) -> Any:
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ParseError(f"unreadable HTML ({exc})", hint="the file may not be HTML") from exc
    if tree is None or not tree.text_content().strip():
        raise ParseError("the HTML has no text", hint="the page may need JavaScript")
    return tree


def _paragraphs(text: str) -> list[str]:
    """trafilatura's lines without furniture, up to an end mark ("./.") if any."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line and classify(line) not in _DROPPED:
            out.append(line)
            if END_MARK.search(line):
                break
    return out


def _without_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop the headline when trafilatura kept it as the first line of the text."""
    if title and paragraphs and _key(paragraphs[0]) == _key(title):
        return paragraphs[1:] or paragraphs
    return paragraphs


def _metadata(result: Any, tree: Any) -> dict[str, Any]:
    canonical = _canonical_url(tree)
    return {
        "title": getattr(result, "title", None),
        "published": (getattr(result, "date", None) or None),
        "description": getattr(result, "description", None),
        "site_name": getattr(result, "sitename", None),
        "url": canonical or getattr(result, "url", None),
    }


def _canonical_url(tree: Any) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            if str(value).startswith(("http://", "https://")):
                return str(value).strip()
    return None


def _with_lead(paragraphs: list[str], tree: Any, description: str | None) -> list[str]:
    """Put the lead paragraph back in front when trafilatura dropped it.

    A candidate (a lead-classed element, else the description metadata) counts only
    when the page shows it just before the first body paragraph: that position is
    what makes it the article's lead rather than a teaser, a bio or an ad.
    """
    body_key = _key(" ".join(paragraphs))
    shown = _shown_text(tree)
    first = _key(paragraphs[0])[:_ANCHOR_CHARS]
    for lead in (*_lead_element_texts(tree), description):
        if lead and _key(lead) not in body_key and _sits_before(_key(lead), first, shown):
            return [re.sub(r"\s+", " ", lead).strip(), *paragraphs]
    return paragraphs


def _shown_text(tree: Any) -> str:
    body = tree.find("body")
    if body is None:
        return ""
    for bad in body.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    return _key(body.text_content())


def _sits_before(lead: str, first: str, shown: str) -> bool:
    if len(lead) < _LEAD_MIN_CHARS or not first:
        return False
    at, body_at = shown.find(lead), shown.find(first)
    return 0 <= at and at + len(lead) <= body_at <= at + len(lead) + _LEAD_GAP_CHARS


def _lead_element_texts(tree: Any) -> list[str]:
    out = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "script", "style", "html", "body"):
            continue
        tokens = _TOKEN_SPLIT.split(f"{el.get('class', '')} {el.get('id', '')}".lower())
        if _LEAD_TOKENS.intersection(tokens):
            text = re.sub(r"\s+", " ", el.text_content()).strip()
            if _LEAD_MIN_CHARS <= len(text) <= _LEAD_MAX_CHARS and ends_sentence(text):
                out.append(text)
    return out


def _captions(tree: Any) -> list[str]:
    out = []
    for el in tree.iter("figcaption"):
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if not text:
            continue
        split = split_credit(text)
        out.append(split[0] if split else text)
    return out


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


__all__ = ["clean_html"]
