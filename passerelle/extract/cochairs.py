"""Meetings held at a distance: "A and B co-chaired the video conference".

Used by ``events.en.v1`` (``events.py``). An online meeting, a video conference or
talks co-chaired by two named people is a meeting of those people; nobody travels, so
no visit follows from it.
"""

from __future__ import annotations

import re

from passerelle.extract.actors import Hit, SentenceActors

__all__ = ["CO_CHAIRED", "co_chairs"]

CO_CHAIRED = re.compile(
    r"\bco-?chair(?:ed|s|ing)?\s+(?:the|an?|their)\s+(?:[\w-]+\s+){0,2}?(?:video\s*conference|"
    r"videoconference|teleconference|video\s+call|(?:online|virtual)\s+(?:meeting|talks|"
    r"conference|session)|meeting|talks|working\s+session)\b", re.I)
# Between two co-chairs: "A and B", "A, B and C", titles of B allowed ("and Mayor B").
_JOINED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:[A-Z][\w'’.-]*\s+){0,6}$")
_RIGHT_BEFORE = re.compile(r"^\s*(?:,[^,.;]{0,60},\s*)?(?:(?:on|in)\s+[\w ]{3,20}\s+)?$")


def co_chairs(sa: SentenceActors, m: re.Match[str]) -> list[str]:
    """The people written as the subject of a co-chaired meeting, in reading order.

    Args:
        sa: The sentence and its actors.
        m: A ``CO_CHAIRED`` match in the sentence.

    Returns:
        Two or more names, else an empty list (one chair is no meeting).
    """
    text = sa.sentence.text
    people = [h for h in sa.hits if h.actor.kind == "person" and h.via in ("name", "role")
              and h.end <= m.start()]
    if not people or not _RIGHT_BEFORE.match(text[people[-1].end : m.start()]):
        return []
    chain: list[Hit] = [people[-1]]
    for h in reversed(people[:-1]):
        if not _JOINED.match(text[h.end : chain[0].start]):
            break
        chain.insert(0, h)
    names = list(dict.fromkeys(h.actor.name for h in chain))
    return names if len(names) >= 2 else []
