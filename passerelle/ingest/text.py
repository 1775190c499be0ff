"""The plain-text cleaner: a scraped page in, the article's own text out.

Scraped pages carry the article between page chrome: a headline, an outlet stamp
glued to the date, photo captions with credits, "photo N" placeholders where images
were, a ``Source:`` line, comment counters, navigation words, and a tail of other
stories' headlines. ``clean_text`` keeps the story from its first sentence to its
last, puts captions (without credits) apart, and reads the title, the date stamp
and the source URL on the way. It decides by the *shape* of lines (see
``passerelle.ingest.lines``), never by topic: the tail often talks about the same
countries as the story.

The end of the story is the first of: an end mark ("./."), an agency stamp glued to
the last paragraph (" - VNA"), a ``Source:`` line, navigation words, or a run of two
headline-like lines after the story has started. A box of links in the middle of the
story ("Related news" / "READ MORE:" / "Tin liên quan" + headlines, then the story
again) is skipped, not taken for the end. Captions without a credit are recognised by
position: under an image or a "photo N" placeholder, or above a credit line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from unidecode import unidecode

from passerelle.ingest.dates import find_date
from passerelle.ingest.lines import (
    Kind, classify, ends_sentence, is_box_word, source_url, split_credit, stamp_labelled,
    words,
)
from passerelle.ingest.meta import build_document
from passerelle.records import Document
from passerelle.registry import register

COMPONENT = "ingest.text.v1"

END_MARK = re.compile(r"\s*\.?/\.\s*$")
_AGENCY_TAIL = re.compile(r"(?<=[.!?”\"…])\s*[-–—]+\s*[A-Z]{2,6}(?:/[A-Z]{2,6})*\s*$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_TABLE_PIPES = re.compile(r"^\|\s*|\s*\|$")
# Lines the walk drops without a second look.
_SKIPPED = {Kind.PLACEHOLDER, Kind.IMAGE, Kind.STAMP, Kind.COUNTER, Kind.BYLINE,
            Kind.RELATED, Kind.JUNK}
# A paragraph is a repeat of a later one when this share of its word trigrams is
# there (a standfirst restated with a dateline or an added date); short paragraphs
# (under _REPEAT_MIN_GRAMS trigrams) are never dropped. Tuned on the seeds/dev pages.
_REPEAT_SHARE = 0.8
_REPEAT_MIN_GRAMS = 6
# Paragraphs at the top of a story compared for a repeated standfirst: a kicker or
# caption may sit between the standfirst and the lead.
_STANDFIRST_SPAN = 4
# The outlet's name under the headline: its host's name (at least this many letters)
# then at most this many words ("điện tử", "online").
_MASTHEAD_MIN_LETTERS = 4
_MASTHEAD_EXTRA_WORDS = 2
# A portal's name ("Cổng Thông tin điện tử tỉnh ...", "Official portal of ...") and an
# office's name ("... – International Relations Department", "Direction de la
# communication") under a headline are not headlines (see ``site_header``).
_PORTAL = re.compile(
    r"(?i)^(?:cổng thông tin|cổng ttđt|trang thông tin|trang ttđt|báo điện tử"
    r"|official (?:web )?(?:portal|website|site)|portail (?:officiel|internet|web)"
    r"|site (?:officiel|internet))\b"
)
_OFFICE_TAIL = re.compile(r"\b(?:Department|Directorate|Division|Office|Service|Secretariat)$")
_OFFICE_HEAD = re.compile(r"^(?:Direction|Service|Pôle) (?:de|des|du|d['’])")
_HEADER_MAX_WORDS = 12
_OFFICE_MAX_WORDS = 6
# Longest first line ending with "?" or "!" still read as a headline.
_QUESTION_TITLE_WORDS = 20
# A headline-like last line at least this long is a paragraph cut by the scraper.
_TRUNCATED_MIN_WORDS = 5
# Before the story has started, a "paragraph" this short is page chrome ("Lecture :
# 2 min.", an outlet and author "Ouest Journal Jeanne Morel."), not a lead.
_LEAD_MIN_WORDS = 6
# Longest piece of a menu line ("Trang chủ / Tin tức - Sự kiện / Hoạt động của lãnh đạo").
_MENU_PIECE_WORDS = 5
# Most links a box in the middle of a story holds ("Related news" + headlines).
_BOX_MAX_LINKS = 5
# An uncredited caption under an image: at most this many words (story paragraphs
# run longer), and a headline-like line after a box of links is a caption from
# this many words on (subheadings are shorter).
_CAPTION_MAX_WORDS = 30
_CAPTION_MIN_WORDS = 8
# Words before a stamp's date that name no outlet: labels, weekdays, months.
_NOT_OUTLET = frozenset(
    """published posted updated date on le publié mis à jour cập nhật ngày đăng thứ chủ nhật
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi
    vendredi samedi dimanche january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec janvier
    février mars avril mai juin juillet août septembre octobre novembre décembre""".split()
)


@dataclass
class _Line:
    text: str
    kind: Kind


@dataclass
class _Page:
    """What the walk over a page collects. Not a stable API."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    stamp_date: str | None = None
    stamp_outlet: str | None = None
    source_url: str | None = None
    ended: bool = False
    end_index: int | None = None  # the line where the story was seen to end
    skip_to: int = 0  # the walk resumes here after a box of links inside the story


@register(COMPONENT)
def clean_text(
    text: str, *, url: str | None = None, meta: dict[str, Any] | None = None
) -> Document:
    """Clean one scraped page of plain text into a ``Document`` (pure).

    Args:
        text: the page as text, one paragraph or page element a line.
        url: the page's URL when known (decides the outlet and date order).
        meta: given metadata (``id``, ``title``, ``published``, ``language``, ``path``,
            ``outlet``...); given values win over what the page shows.

    Returns:
        A ``passerelle.records.Document`` with body, captions, title, published,
        language and source filled where the page tells them.
    """
    meta = dict(meta or {})
    host = _host_hint(url or meta.get("url"))
    page = read_page(text, host=host)
    return build_document(
        body="\n\n".join(page.paragraphs), captions=page.captions, url=url,
        meta=meta, found=_found(page), component=COMPONENT,
    )


def _found(page: _Page) -> dict[str, Any]:
    return {"title": page.title, "published": page.stamp_date, "outlet": page.stamp_outlet,
            "url": page.source_url}


def _host_hint(url: str | None) -> str | None:
    m = re.match(r"(?i)^[a-z]+://([^/:?#]+)", url or "")
    return m.group(1).lower() if m else None


def read_page(text: str, *, host: str | None = None) -> _Page:
    """Walk the lines of ``text`` and collect the story. Not a stable API."""
    lines = [_Line(t, classify(t, host)) for t in _prepare(text)]
    page = _Page()
    start = _pick_title(lines, page, host)
    _walk(lines, start, page)
    _read_stamps(lines, page, host)
    page.paragraphs = dedupe_paragraphs(page.paragraphs)
    if page.source_url is None:  # a "Source:" line right after the end mark
        page.source_url = next(
            (source_url(ln.text) for ln in lines if ln.kind is Kind.SOURCE), None)
    return page


def _prepare(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    out = []
    for raw in text.split("\n"):
        line = _TABLE_PIPES.sub("", raw.strip()).strip()
        out.append(re.sub(r"[ \t]{2,}", " ", line))
    return out


def _pick_title(lines: list[_Line], page: _Page, host: str | None = None) -> int:
    """Set the title to the last headline-like line before the first paragraph.

    The outlet's name under the headline ("Example Daily Online") is not a headline,
    nor is a portal's or an office's name under the headline's date stamp.

    Returns:
        The index where the walk over the story starts (after the title).
    """
    first_para = next((i for i, ln in enumerate(lines) if _lead_candidate(ln)), len(lines))
    found = [i for i in range(first_para - 1, -1, -1) if _title_candidate(lines[i], host)]
    for n, i in enumerate(found):
        if n + 1 < len(found) and _header_under_stamp(lines, found[n + 1], i):
            continue  # a portal's or an office's name under the headline and its date
        page.title = lines[i].text
        return i + 1
    if first_para < len(lines) and _question_headline(lines[first_para].text):
        page.title = lines[first_para].text
        return first_para + 1
    return 0


def _title_candidate(ln: _Line, host: str | None) -> bool:
    return ln.kind is Kind.TITLELIKE and _headline_shaped(ln.text) and (
        not masthead(ln.text, host))


def _header_under_stamp(lines: list[_Line], above: int, i: int) -> bool:
    """True when line ``i`` is a site header with a date stamp between it and ``above``."""
    return site_header(lines[i].text) and any(
        ln.kind is Kind.STAMP for ln in lines[above + 1:i])


def site_header(text: str) -> bool:
    """True for a portal's or an office's name, which pages print under the headline.

    "Cổng Thông tin điện tử tỉnh X", "Official portal of X city" (a portal); "City of X –
    International Relations Department", "Mairie de X - Direction de la communication",
    "Press Office" (the office that issues a press release). Short lines only; the
    caller skips such a line only under a date stamp with a headline above it.
    """
    if len(words(text)) > _HEADER_MAX_WORDS or ends_sentence(text):
        return False
    if _PORTAL.match(text):
        return True
    last = re.split(r"\s[-–—|]\s|,\s", text)[-1].strip()
    return len(words(last)) <= _OFFICE_MAX_WORDS and bool(
        _OFFICE_TAIL.search(last) or _OFFICE_HEAD.match(last))


def masthead(text: str, host: str | None) -> bool:
    """True when ``text`` is the outlet's name as its host spells it.

    "Báo Lâm Đồng điện tử" on baolamdong.vn, "Riviera Matin" on riviera-matin.fr: the
    host's name (letters only, without accents) is made by the line's first words, and
    at most ``_MASTHEAD_EXTRA_WORDS`` words follow ("điện tử", "online").
    """
    names = [n for n in _host_names(host) if len(n) >= _MASTHEAD_MIN_LETTERS]
    tokens = [_letters(w) for w in words(text)]
    for end in range(1, len(tokens) + 1):
        if "".join(tokens[:end]) in names:
            return len(tokens) - end <= _MASTHEAD_EXTRA_WORDS
    return False


def _host_names(host: str | None) -> set[str]:
    """The labels of ``host`` but its last (the TLD) and "www", letters and digits only."""
    labels = (host or "").casefold().split(".")[:-1]
    return {_letters(n) for n in labels if n != "www"}


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unidecode(text).casefold())


def _lead_candidate(ln: _Line) -> bool:
    return ln.kind is Kind.PARAGRAPH and len(words(ln.text)) >= _LEAD_MIN_WORDS


def _headline_shaped(text: str) -> bool:
    """At least four words, mostly words of letters, no clock time ("10:20"), no menu,
    no publication/update stamp ("Publié le 12/03/2025 à 14h05 - Mis à jour ...")."""
    alpha = sum(1 for w in words(text) if any(c.isalpha() for c in w))
    return alpha >= 4 and alpha >= 0.6 * len(words(text)) and not _CLOCK.search(text) and (
        not _menu(text)) and not stamp_labelled(text)


def _menu(text: str) -> bool:
    """Short pieces strung with separators: "Print | Email", "Home > News > World"."""
    parts = re.split(r"\s[|>/»›]\s", text)
    return len(parts) > 1 and all(len(words(p)) <= _MENU_PIECE_WORDS for p in parts)


def _question_headline(text: str) -> bool:
    """A headline that ends with "?" or "!" (a story's first sentence rarely does)."""
    return text.endswith(("?", "!")) and len(words(text)) <= _QUESTION_TITLE_WORDS and (
        not re.search(r"[.!?] ", text))


def _read_stamps(lines: list[_Line], page: _Page, host: str | None) -> None:
    """Read date and outlet from the first stamp before the story's end.

    Stamps in the tail belong to other stories.
    """
    for ln in lines[: page.end_index]:
        if ln.kind is Kind.STAMP:
            page.stamp_date = find_date(ln.text, host=host)
            page.stamp_outlet = _stamp_outlet(ln.text)
            return


def _stamp_outlet(stamp: str) -> str | None:
    """The outlet named before the date ("Báo Nhân dânBáo Nhân dân10/03/2025").

    A label or a weekday before the date ("Thời gian:", "Thursday,") is not an outlet.
    """
    m = re.match(r"^\D*?(?=\d)", stamp)
    raw = (m.group() if m else "").strip()
    if raw.endswith((",", ":")) or re.search(r"[:,]", raw):
        return None
    if any(w in _NOT_OUTLET for w in raw.casefold().split()):
        return None
    name = raw.strip(" -|/")
    half = len(name) // 2
    if half and name[:half] == name[half:]:
        name = name[:half]
    return name.strip() if 2 <= len(name.strip()) <= 40 else None


def _walk(lines: list[_Line], start: int, page: _Page) -> None:
    pending: list[int] = []  # headline-like lines not yet placed
    for i in range(start, len(lines)):
        if page.ended:
            page.end_index = i
            return
        ln = lines[i]
        if ln.kind is Kind.BLANK or i < page.skip_to:
            continue
        if _image_caption(lines, i):
            page.captions.append(ln.text)
            ln.kind = Kind.CAPTION
            continue
        if ln.kind is Kind.TITLELIKE:
            _title_line(lines, i, pending, page)
            continue
        _settle(lines, pending, page, closing=False)
        _take(lines, i, page)
    _settle(lines, pending, page, closing=True)


def _title_line(lines: list[_Line], i: int, pending: list[int], page: _Page) -> None:
    if page.title and lines[i].text.startswith(page.title):
        return  # the headline repeated where an image was ("<title> -0")
    pending.append(i)
    if page.paragraphs and len(pending) >= 2:
        page.ended = True  # two headlines in a row after the story: the tail


def _settle(lines: list[_Line], pending: list[int], page: _Page, *, closing: bool) -> None:
    """Place the headline-like lines met since the last paragraph.

    A lone one between two paragraphs is a subheading of the story; a lone one at the
    very end is kept only when it is a paragraph cut by the scraper.
    """
    if page.ended or not pending:
        pending.clear()
        return
    i = pending[0]
    if closing:
        if len(pending) == 1 and _truncated_paragraph(lines, i, page):
            page.paragraphs.append(lines[i].text)
    elif len(pending) == 1 and page.paragraphs and _between_paragraphs(lines, i):
        page.paragraphs.append(lines[i].text)
    elif len(pending) == 1 and _caption_after_links(lines, i):
        page.captions.append(lines[i].text)
    pending.clear()


def _image_caption(lines: list[_Line], i: int) -> bool:
    """An uncredited caption: a short line right under an image or a "photo N" placeholder.

    It must be followed by more of the page (a story does not end on a caption).
    """
    ln, prev = lines[i], _neighbour(lines, i, -1)
    if prev is None or not (prev.kind is Kind.PLACEHOLDER or prev.text.startswith("![")):
        return False
    if ln.kind is Kind.PARAGRAPH:
        short = len(words(ln.text)) <= _CAPTION_MAX_WORDS
        if not short or len(re.findall(r"[.!?] \S", ln.text)) > 1:
            return False
    elif ln.kind is not Kind.TITLELIKE:
        return False
    nxt = _neighbour(lines, i, 1)
    return nxt is not None and nxt.kind in (Kind.PARAGRAPH, Kind.TITLELIKE)


def _caption_after_links(lines: list[_Line], i: int) -> bool:
    """A long headline-like line between a box of links (or an image) and a paragraph.

    Sites that glue related headlines above a photo leave its caption there.
    """
    prev, nxt = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
    return (prev is not None and prev.kind in (Kind.RELATED, Kind.PLACEHOLDER, Kind.IMAGE)
            and nxt is not None and nxt.kind is Kind.PARAGRAPH
            and len(words(lines[i].text)) >= _CAPTION_MIN_WORDS
            and not ends_sentence(lines[i].text))


def _truncated_paragraph(lines: list[_Line], i: int, page: _Page) -> bool:
    prev = _neighbour(lines, i, -1)
    return bool(page.paragraphs) and len(words(lines[i].text)) >= _TRUNCATED_MIN_WORDS and (
        prev is not None and prev.kind is Kind.PARAGRAPH
    )


def _between_paragraphs(lines: list[_Line], i: int) -> bool:
    """A paragraph before (or a photo's caption below the last one), a paragraph after."""
    prev, nxt = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
    return (prev is not None and prev.kind in (Kind.PARAGRAPH, Kind.CAPTION)
            and nxt is not None and nxt.kind is Kind.PARAGRAPH)


def _neighbour(lines: list[_Line], i: int, step: int) -> _Line | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind is not Kind.BLANK:
            return lines[j]
        j += step
    return None


def _take(lines: list[_Line], i: int, page: _Page) -> None:
    """Handle one line that is neither blank nor headline-like."""
    ln = lines[i]
    if ln.kind is Kind.PARAGRAPH:
        _paragraph(ln.text, page)
    elif ln.kind is Kind.CAPTION:
        page.captions.append(split_credit(ln.text)[0])  # type: ignore[index]
    elif ln.kind is Kind.CREDIT:
        _credit_after(lines, i, page)
    elif ln.kind is Kind.SOURCE:
        page.source_url = source_url(ln.text)
        page.ended = bool(page.paragraphs)
    elif ln.kind is Kind.NAV:
        resume = _box_inside_story(lines, i) if page.paragraphs else None
        if resume is None:
            page.ended = bool(page.paragraphs)
        else:
            page.skip_to = resume


def _box_inside_story(lines: list[_Line], i: int) -> int | None:
    """Where the story resumes after a box of links ("Related news" + headlines), if it does.

    Returns:
        The index of the paragraph after the box's links, or None when the box is
        not followed by the story (the box then starts the page's tail).
    """
    if not is_box_word(lines[i].text):
        return None
    links = 0
    for j in range(i + 1, len(lines)):
        kind = lines[j].kind
        if kind is Kind.BLANK:
            continue
        if kind is Kind.PARAGRAPH:
            return j if links else None
        if kind not in (Kind.TITLELIKE, Kind.RELATED) or links == _BOX_MAX_LINKS:
            return None
        links += 1
    return None


def _paragraph(text: str, page: _Page) -> None:
    if not page.paragraphs and len(words(text)) < _LEAD_MIN_WORDS:
        return  # chrome before the lead
    if END_MARK.search(text):
        page.ended = True
    elif _AGENCY_TAIL.search(text):
        text = _AGENCY_TAIL.sub("", text)
        page.ended = True
    page.paragraphs.append(text)


def _credit_after(lines: list[_Line], i: int, page: _Page) -> None:
    """A credit alone on its line: the line just before it was a caption.

    When the credit is glued to the line below and not to the line above (no blank
    line between), the caption is the line below ("Photo: NAME" over its caption).
    """
    if _credit_over_caption(lines, i):
        page.captions.append(lines[i + 1].text)
        lines[i + 1].kind = Kind.CAPTION
        page.skip_to = max(page.skip_to, i + 2)
        return
    prev = _neighbour(lines, i, -1)
    if prev is None or prev.kind not in (Kind.PARAGRAPH, Kind.TITLELIKE):
        return
    if page.paragraphs and page.paragraphs[-1] == prev.text:
        page.paragraphs.pop()
    page.captions.append(prev.text)


def _credit_over_caption(lines: list[_Line], i: int) -> bool:
    above_glued = i > 0 and lines[i - 1].kind is not Kind.BLANK
    below = lines[i + 1] if i + 1 < len(lines) else None
    return not above_glued and below is not None and (
        below.kind in (Kind.PARAGRAPH, Kind.TITLELIKE)
        and len(words(below.text)) <= _CAPTION_MAX_WORDS)


def dedupe_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop a standfirst that the lead paragraph repeats.

    Only the opening paragraphs are compared (``_STANDFIRST_SPAN``): a standfirst
    sits there, while repeats further down (pull quotes) are the outlet's choice.
    The lead often adds a dateline or a date ("Paris (VNA) – ..."), so a paragraph
    counts as repeated when most of its word trigrams are in a later one.
    """
    grams = [_trigrams(p) for p in paragraphs[:_STANDFIRST_SPAN]]
    drop = set()
    for i, mine in enumerate(grams):
        if len(mine) >= _REPEAT_MIN_GRAMS and any(
            len(mine & later) >= _REPEAT_SHARE * len(mine) for later in grams[i + 1:]
        ):
            drop.add(i)
    return [p for i, p in enumerate(paragraphs) if i not in drop]


def _trigrams(text: str) -> set[tuple[str, ...]]:
    w = _key(text).split()
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


__all__ = ["clean_text", "read_page", "dedupe_paragraphs", "site_header", "END_MARK"]
