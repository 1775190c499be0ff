"""Talks of a visitor with the host who invited them, told only as "At the talks".

Used by ``events.en.v1`` (``events.py``): "X paid a working visit to Z ..., at the
invitation of W. At the talks in Z on May 7, X said ..." is a meeting of X and W
(when no meeting has been told yet, "At the talks" can only be theirs).
"""

from __future__ import annotations

import re

from passerelle.extract.actors import Actor, SentenceActors
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import place_of_meeting

__all__ = ["note_inviter", "talks_with_inviter"]

_INVITER_KEY = "visit_inviter"
_INVITER = re.compile(r"\b(?:at|upon|on)\s+the\s+invitation\s+of\s+(?:[A-Z][\w.'’-]*\s+){0,5}$")
_VISIT = re.compile(r"\b(?:visit|trip|tour)\b")
_AT_TALKS = re.compile(r"^\W*(?:At|During)\s+the\s+(?:[\w-]+\s+)?(?:talks|meeting|working\s+session)"
                       r"\b[^,.;]{0,60},")


def note_inviter(analysis: Analysis, sa: SentenceActors) -> None:
    """Remember the visitor of "a visit to Z ..., at the invitation of W" and W."""
    text = sa.sentence.text
    visitor = analysis.cache.get("last_visitor")
    if not _VISIT.search(text) or visitor is None:
        return
    for h in sa.hits:
        if h.actor.kind == "person" and _INVITER.search(text[max(0, h.start - 80) : h.start]):
            analysis.cache[_INVITER_KEY] = (visitor, h.actor)
            return


def talks_with_inviter(analysis: Analysis, sa: SentenceActors) -> tuple[list[str], str | None,
                                                                          int] | None:
    """The sides, place and offset of "At the talks (in Z) (on D), ..." with no meeting
    told before: the last visitor and the person who invited them.

    Returns:
        ``(names, place, offset)``, or None when the sentence is not such a back
        reference or the sides are not both known.
    """
    m = _AT_TALKS.match(sa.sentence.text)
    pair: tuple[Actor, Actor] | None = analysis.cache.get(_INVITER_KEY)
    if m is None or pair is None or pair[0] is pair[1] or analysis.cache.get("last_meeting"):
        return None
    visitor, inviter = pair
    near = [h for h in sa.hits if h.end <= m.end()]
    return [visitor.name, inviter.name], place_of_meeting(sa.sentence.text, near), m.start()
