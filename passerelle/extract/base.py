"""What every extraction component receives: the document cut into segments and sentences.

Extraction is pure: text goes in, records come out, no I/O. A component is a
callable registered under a versioned name (see ``passerelle.registry``) that takes
an ``Analysis`` and returns record dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from passerelle.records import Document


@dataclass
class Sentence:
    """A sentence with its offsets inside its segment."""

    segment: str  # "body" or "caption:N"
    start: int
    end: int
    text: str


@dataclass
class Analysis:
    """A document prepared for extraction.

    Attributes:
        doc: the cleaned document (body, captions, published, language).
        segments: ``{"body": text, "caption:0": text, ...}``.
        sentences: every sentence of every segment, in reading order.
        cache: per-document scratch space that components share (e.g. a spaCy Doc
            per segment under ``("spacy", segment)``); not a stable API.
    """

    doc: Document
    segments: dict[str, str]
    sentences: list[Sentence]
    cache: dict[Any, Any] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.doc.language or "en"

    def sentence_at(self, segment: str, offset: int) -> Sentence | None:
        """The sentence of ``segment`` that contains character ``offset``."""
        for s in self.sentences:
            if s.segment == segment and s.start <= offset < s.end:
                return s
        return None


# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) followed by
# whitespace and an upper-case letter, a digit or an opening quote. Abbreviations that
# news writes before names are protected below.
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|No|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|Co|Corp|Inc|Ltd|Dept|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|e\.g|i\.e|vs|M|Mme|Mgr|H\.E|TP|Tp|TS|GS|PGS|ThS)\.$"
)
_BOUNDARY = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-ZÀ-ÝĐ0-9])")


def split_sentences(text: str, segment: str = "body") -> list[Sentence]:
    """Cut ``text`` into sentences, paragraph by paragraph, keeping offsets.

    Args:
        text: a segment's text (paragraphs separated by blank lines).
        segment: the segment's name, copied into each Sentence.

    Returns:
        Sentences whose ``text == text[start:end]``.
    """
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        p_start = para.start()
        chunk = para.group()
        last = 0
        for m in _BOUNDARY.finditer(chunk):
            head = chunk[last : m.start() + 1]
            if _ABBREV.search(head):
                continue
            _append(out, segment, text, p_start + last, p_start + m.end())
            last = m.end()
        _append(out, segment, text, p_start + last, p_start + len(chunk))
    return out


def _append(out: list[Sentence], segment: str, text: str, start: int, end: int) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if end > start:
        out.append(Sentence(segment, start, end, text[start:end]))


def analyze(doc: Document) -> Analysis:
    """Prepare ``doc`` for the extraction components."""
    segments = {"body": doc.body}
    for i, cap in enumerate(doc.captions):
        segments[f"caption:{i}"] = cap
    sentences: list[Sentence] = []
    for name, text in segments.items():
        sentences.extend(split_sentences(text, name))
    return Analysis(doc=doc, segments=segments, sentences=sentences)
