"""The visiting party of an English story: who "the delegation", "the guests" are.

Used by the event rules (``events.en.v1``); not a stable API. A party is noted when the
story names its members: "received X and Y" (the guests of a reception), "a delegation
... led by X, accompanied by Y", "the delegation will be led by X". A later group
phrase ("the delegation", "the French guests", "the German visitors") is resolved to
the last party noted, else to the noted delegation leader or the last visitor; a
nationality written in the phrase must agree with the members' country when it is
known ("the French delegation" is never the Vietnamese host's trip told in between).
"""

from __future__ import annotations

import re

from passerelle.extract.actors import Actor, SentenceActors
from passerelle.extract.base import Analysis
from passerelle.extract.placenames import country_of_demonym

__all__ = ["agrees", "note_party", "resolve_party", "led_group", "protagonist", "GROUP_OBJECT",
           "INCLUDED"]

_PARTY_KEY = "guest_party"
_GROUP_WORDS = r"(?:delegations?|group|guests|visitors|delegates|lawmakers|parliamentarians)"
# "the French guests", "the visiting delegation", "the Montpellier delegation".
_GROUP_REF = re.compile(r"\b(?:[Tt]he|[Tt]heir|[Oo]ur)\s+(?:(?P<adj>[A-Z][\w-]*)\s+)?"
                        r"(?:[\w-]+\s+){0,2}?" + _GROUP_WORDS + r"\b")
# A group as the object of a receiving verb: "received a delegation", "receive the guests".
# "received a delegation", "received on May 3 a delegation", "received in Hanoi on May 3 ...".
GROUP_OBJECT = re.compile(r"^\s+(?:(?:on|in)\s+[^,.;]{1,30}?\s+)?(?:an?|the|their|its)\s+"
                          r"(?:[\w-]+\s+){0,4}?"
                          r"(?:delegation|group|guests|visitors|delegates)\b")
_LED = re.compile(r"\b(?:led|headed)\s+by\b")
# Members written after the leader: "who was accompanied by Y", "which included Y".
INCLUDED = re.compile(r"\b(?:accompanied\s+by|joined\s+by|including|(?:which|that|who)\s+"
                      r"(?:also\s+)?(?:included|includes|include|comprised|comprises))\s+"
                      r"(?:(?:[A-Z][\w.-]*|of|the)\s+){0,5}$")


def note_party(analysis: Analysis, actors: list[Actor]) -> None:
    """Remember the people of ``actors`` as the visiting party (when there are any)."""
    people = [a for a in actors if a.kind == "person"]
    if people:
        analysis.cache[_PARTY_KEY] = people


def resolve_party(analysis: Analysis, phrase: str) -> list[Actor]:
    """The members of the party a group phrase names, most recent first.

    Args:
        analysis: The document being analysed (its cache holds the noted parties).
        phrase: Text ending with (or containing) the group phrase.

    Returns:
        The party's people; empty when none is known or the nationality disagrees.
    """
    leader = analysis.cache.get("delegation_leader")
    visitor = analysis.cache.get("last_visitor")
    candidates = [c for c in (analysis.cache.get(_PARTY_KEY), [leader] if leader else None,
                              [visitor] if visitor else None) if c]
    candidates = [c for c in candidates if agrees(c, phrase)]
    return list(candidates[0]) if candidates else []


def agrees(actors: list[Actor], phrase: str) -> bool:
    """Does a nationality in the group phrase ("the French guests") fit one of the
    actors (or is nothing known of their countries)?"""
    found = list(_GROUP_REF.finditer(phrase))
    code = country_of_demonym(found[-1].group("adj")) if found and found[-1].group("adj") else None
    return code is None or any(a.country in (None, code) for a in actors)


def led_group(sa: SentenceActors, start: int) -> list[Actor]:
    """"a delegation from X led by Y, who was accompanied by Z": Y then Z.

    Args:
        sa: The sentence and its actors.
        start: Where the group phrase ends.

    Returns:
        The leader named after "led by" and the members named after "accompanied by",
        "including", "which included"; empty without a "led by" in the clause.
    """
    text = sa.sentence.text
    stop = re.compile(r"[;.]").search(text, start)
    end = stop.start() if stop else len(text)
    led = _LED.search(text, start, min(end, start + 160))
    if led is None:
        return []
    people = [h for h in sa.hits if h.actor.kind == "person" and h.via == "name"
              and led.end() <= h.start < end]
    if not people:
        return []
    out = [people[0].actor]
    for prev, h in zip(people, people[1:]):
        joint = h.actor is not people[0].actor and prev.actor in out and \
            _AND_NEXT.fullmatch(text[prev.end : h.start])
        if (joint or INCLUDED.search(text[: h.start])) and h.actor not in out:
            out.append(h.actor)
    return out


# "led by X, and Y, Director of Z": Y leads with X.
_AND_NEXT = re.compile(r",?\s+and\s+")


def protagonist(analysis: Analysis, sa: SentenceActors) -> Actor | None:
    """The story's protagonist: the first subject of the segment, even when it is first
    named after ``sa`` (a story told out of order: "The delegation had arrived in X
    ... Before that, Professor Y had stopped in Z")."""
    if sa.lead is not None:
        return sa.lead
    same = [o for o in analysis.cache.get("actors") or []
            if o.sentence.segment == sa.sentence.segment]
    return next((o.subject for o in same if o.subject is not None
                 and o.subject.kind == "person" and not _hosting(o)), None)


# "X will receive the guests", "X on May 3 welcomed": X is the host, not the party.
_RECEIVES = re.compile(r"^[^.;]{0,40}?\b(?:receive[sd]?|receiving|welcome[sd]?|welcoming|"
                       r"host(?:s|ed)?|hosting|greet(?:s|ed)?)\b")


def _hosting(sa: SentenceActors) -> bool:
    """Is the subject of ``sa`` receiving someone?"""
    first = next((h for h in sa.hits if h.actor is sa.subject), None)
    return first is not None and bool(_RECEIVES.match(sa.sentence.text[first.end :]))
