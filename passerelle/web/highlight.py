"""Cut an article body into pieces so each extracted fact can be highlighted in place.

Pure functions over the document record (``Document.to_record()`` form, with
``mentions`` on people, organisations and places). Events and commitments are
found by their evidence sentence; names by their mention spans. The template
escapes every piece (the text is hostile). Not a stable API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

ENTITY_KINDS = (("people", "person"), ("organizations", "organization"), ("places", "place"))


@dataclass
class Fact:
    """One highlighted fact: an event, a commitment or a named entity."""

    id: str
    kind: str  # event|commitment|person|organization|place
    label: str
    detail: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: str = ""


@dataclass
class Piece:
    """A run of body text covered by the same facts."""

    text: str
    sentence: Fact | None = None
    name: Fact | None = None
    anchor: str | None = None  # element id when a fact starts here


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")


def _find_all(body: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` is in ``body``; sentence by sentence when it is not there whole
    (evidence of several sentences may be joined with other spacing than the body's)."""
    needle = (needle or "").strip()
    if not needle:
        return []
    start = body.find(needle)
    if start >= 0:
        return [(start, start + len(needle))]
    spans = []
    for part in _SENTENCE_BREAK.split(needle):
        at = body.find(part) if len(part) > 20 else -1
        if at >= 0:
            spans.append((at, at + len(part)))
    return spans


def _event_label(ev: dict[str, Any]) -> tuple[str, str]:
    who = ", ".join(ev.get("participants") or []) or "unnamed participants"
    where = f" in {ev['place']}" if ev.get("place") else ""
    when = ev.get("start") or ""
    return f"{(ev.get('type') or 'event').capitalize()}: {who}{where}", when


def _commitment_label(c: dict[str, Any]) -> tuple[str, str]:
    to = f" → {c['counterpart']}" if c.get("counterpart") else ""
    return f"{(c.get('kind') or 'commitment').capitalize()} by {c.get('actor') or '?'}{to}", c.get("summary") or ""


def facts_of(record: dict[str, Any]) -> list[Fact]:
    """Every fact of ``record`` with its spans in the body (empty spans: not found)."""
    body = record.get("body") or ""
    facts: list[Fact] = []
    for i, ev in enumerate(record.get("events") or []):
        label, detail = _event_label(ev)
        ev_text = ev.get("evidence") or ""
        facts.append(Fact(f"event-{i}", "event", label, detail, _find_all(body, ev_text), ev_text))
    for i, c in enumerate(record.get("commitments") or []):
        label, detail = _commitment_label(c)
        c_text = c.get("evidence") or ""
        facts.append(Fact(f"commitment-{i}", "commitment", label, detail, _find_all(body, c_text), c_text))
    for key, kind in ENTITY_KINDS:
        for i, ent in enumerate(record.get(key) or []):
            spans = [(m["start"], m["end"]) for m in ent.get("mentions") or []
                     if m.get("segment", "body") == "body" and 0 <= m["start"] < m["end"] <= len(body)]
            facts.append(Fact(f"{kind}-{i}", kind, ent.get("name") or "?", "", sorted(spans)))
    return facts


def _cover(facts: list[Fact], layer: set[str], length: int) -> list[Fact | None]:
    """For each character, the first fact of ``layer`` covering it."""
    cover: list[Fact | None] = [None] * length
    for fact in facts:
        if fact.kind not in layer:
            continue
        for start, end in fact.spans:
            for pos in range(start, min(end, length)):
                if cover[pos] is None:
                    cover[pos] = fact
    return cover


def pieces(body: str, facts: list[Fact]) -> list[Piece]:
    """Cut ``body`` into runs of text covered by the same sentence fact and name fact."""
    sentences = _cover(facts, {"event", "commitment"}, len(body))
    names = _cover(facts, {"person", "organization", "place"}, len(body))
    out: list[Piece] = []
    seen: set[str] = set()
    start = 0
    for pos in range(1, len(body) + 1):
        if pos < len(body) and sentences[pos] is sentences[start] and names[pos] is names[start]:
            continue
        piece = Piece(body[start:pos], sentences[start], names[start])
        piece.anchor = _anchor(piece, seen)
        out.append(piece)
        start = pos
    return out


def _anchor(piece: Piece, seen: set[str]) -> str | None:
    for fact in (piece.sentence, piece.name):
        if fact is not None and fact.id not in seen:
            seen.add(fact.id)
            return fact.id
    return None
