"""Who travels when a sentence names a delegation's leader or a host at home.

Used by ``visits.py`` (``events.en.v1``):

- "A delegation of X led by Y paid a working visit to Z, at the invitation of W": Y
  travels, not W (the person the parser may take as subject).
- "during a visit to Z last year, a delegation led by Y signed ...": Y travelled, not
  the subject of the main clause that recalls the trip.
- "X recalled that during his visit to X's own province, Governor W had asked ...":
  nobody visits the place they govern; "his" is W's, the subject of the clause.
"""

from __future__ import annotations

import re

from passerelle.extract.actors import Actor, Hit, SentenceActors

__all__ = ["NOBODY", "leader_before", "leader_after", "at_home", "clause_subject_after"]

NOBODY = "\x01"  # a visitor answer meaning: this is no visit (someone at home)
_LED_BY = re.compile(r"\b(?:[Dd]elegation|[Gg]roup)\b[^.;]{0,120}?\b(?:led|headed)\s+by\b")
_DURING = re.compile(r"\b(?:[Dd]uring|[Oo]n|[Ii]n\s+the\s+course\s+of)\s+(?:an?|the)\s+"
                     r"(?:[\w-]+\s+){0,2}?$")
_GROUP_AFTER = re.compile(r"^[^.;]{0,60}?,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:delegation|group)"
                          r"\b[^.;,]{0,60}?\b(?:led|headed)\s+by\s+")
_CLAUSE_AFTER = re.compile(r"^[^.;]{0,50}?,\s*(?:[A-Z][\w.'’-]*\s+){0,4}$")


def _people(sa: SentenceActors) -> list[Hit]:
    return [h for h in sa.hits if h.actor.kind == "person" and h.via in ("name", "role")]


def leader_before(sa: SentenceActors, m: re.Match[str]) -> str | None:
    """The leader of "a delegation ... led by Y" written before the visit trigger."""
    text = sa.sentence.text
    led = _LED_BY.search(text, 0, m.start())
    if led is None:
        return None
    after = [h for h in _people(sa) if led.end() <= h.start and h.end <= m.start()]
    return after[0].actor.name if after else None


def leader_after(sa: SentenceActors, m: re.Match[str], dest: Hit, stop: int) -> str | None:
    """"during a visit to Z ..., a delegation led by Y": Y, for a trip told as a
    circumstance (the visit noun after "during"/"on")."""
    text = sa.sentence.text
    if not _DURING.search(text[: m.start(2) if m.re.groups >= 2 else m.start()]):
        return None
    group = _GROUP_AFTER.match(text[dest.end : stop])
    if group is None:
        return None
    start = dest.end + group.end()
    after = [h for h in _people(sa) if h.start >= start and h.start < stop]
    return after[0].actor.name if after and after[0].start - start < 60 else None


def at_home(actor: Actor, place: str) -> bool:
    """Is ``place`` what one of the person's titles is of ("Secretary of the X
    provincial Party Committee" is at home in X)?"""
    pattern = re.compile(rf"(?<!\w){re.escape(place)}(?!\w)")
    return any(pattern.search(of) for of in actor.title_places())


def clause_subject_after(sa: SentenceActors, dest: Hit, stop: int, place: str) -> str | None:
    """The person who opens the clause after "during his visit to Z ...,", when that
    person is not at home in Z either."""
    text = sa.sentence.text
    for h in _people(sa):
        if dest.end <= h.start < stop and _CLAUSE_AFTER.match(text[dest.end : h.start]):
            return None if at_home(h.actor, place) else h.actor.name
    return None
