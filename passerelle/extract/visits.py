"""Visit rules of ``events.en.v1``: who travelled where, and when. Not a stable API.

A visit is a noun trigger ("visit", "trip", "tour", after a determiner, a possessive
or an adjective such as "working") followed by its destination: the first place
written after "to", "of" or "in" before the next clause break. The verb "visited X"
is left out on purpose: in this news it mostly tells a person's past ("who visited
Vietnam in 2018"), which the gold annotation does not count as a visit. Verb forms
that cannot tell a biography are kept: "arrived in X", "will visit X", "led (is
leading) a delegation to X", and "the delegation (led by X) was in Y" (the leader of
the last "delegation ... led by X" travels).
"""

from __future__ import annotations

import re

from passerelle.extract.actors import Actor, ActorIndex, Hit, SentenceActors
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import dates_in, nearest_date, place_chain, planned, sectors_of
from passerelle.records import Event

__all__ = ["visits_in"]

_TRIGGER = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+|[’']s\s+)((?:[\w-]+\s+){0,3}?)"
    r"(visit|trip|tour)\b"
)  # case-sensitive: the surname "An" is not the article "an"
# Verb triggers that cannot tell a person's past: "arrived in X", "will visit X".
_VERB_TRIGGER = re.compile(
    r"\b(?:arrived|arrives|arriving)(?=\s+in\s)|"
    r"\b(?:led|leads|leading|heads|headed|heading)\s+(?:an?|the|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}?delegation(?=\s+to\s)|"

    r"\b(?:will|is due to|is scheduled to|plans to|is set to)\s+(?:pay\s+a\s+)?visit\b(?!s)"
)
# "A delegation of X led by Y was in Z from May 27 to 30", "The delegation was in Z to".
_STAY = re.compile(r"\b(?:[Dd]elegation|[Gg]roup)\b[^.;]{0,120}?\b(?:was|were)(?=\s+in\s)")
_VERB_GAP = re.compile(r"^\s*(?:in\s+|to\s+)?(?:the\s+)?$")
# Before a destination: "... to", "... of", "... in (the)".
_TO = re.compile(r"\b(?:to|of|in)\s+(?:the\s+)?(?:(?:[a-z]+\s+){0,2}(?:city|province|town|"
                 r"region|department)\s+of\s+)?$")
_BY = re.compile(r"^\s*(?:city|province|region)?\s*(?:from\s[^,]{3,40}?\s+)?by\s+")
_MAX_GAP = 110  # chars between trigger and destination; "visit of <country>'s Prime
# Minister <name> and <delegation> to <place>" is the longest form in the dev corpus.


def visits_in(analysis: Analysis, sa: SentenceActors) -> list[Event]:
    """Visits stated in one sentence."""
    index: ActorIndex = analysis.cache["actor_index"]
    text = sa.sentence.text
    triggers = sorted(
        [*_TRIGGER.finditer(text), *_VERB_TRIGGER.finditer(text), *_STAY.finditer(text)],
        key=lambda t: t.start())
    _note_delegation_leader(analysis, sa)
    out: list[Event] = []
    for i, m in enumerate(triggers):
        stop = triggers[i + 1].start() if i + 1 < len(triggers) else len(text)
        gap_rule = _TO if m.re is _TRIGGER else _VERB_GAP
        dest = _destination(text, sa.hits, m.end(), stop, gap_rule)
        if dest is None:
            continue
        if m.re is _STAY:  # "the delegation (led by X) was in Y": X's group travelled
            leader = analysis.cache.get("delegation_leader") or analysis.cache.get("last_visitor")
            visitor = leader.name if leader is not None else None
        else:
            visitor = _visitor(sa, m, dest, stop, analysis.cache.get("last_visitor"))
        if visitor is None:
            continue
        out.append(_visit(analysis, sa, index, visitor, dest, m, stop))
        analysis.cache["last_visitor"] = index.by_name.get(visitor)
    return out


_LED_BY = re.compile(r"\b(?:delegation|group)\b[^.;]{0,120}?\b(?:led|headed)\s+by\b", re.I)


def _note_delegation_leader(analysis: Analysis, sa: SentenceActors) -> None:
    """Remember "a delegation ... led by X": later "the delegation" means X's group."""
    m = _LED_BY.search(sa.sentence.text)
    if m is None:
        return
    after = [h for h in sa.hits if h.start >= m.end() and h.actor.kind == "person"]
    if after:
        analysis.cache["delegation_leader"] = after[0].actor


def _destination(
    text: str, hits: list[Hit], start: int, stop: int, gap_rule: re.Pattern[str]
) -> Hit | None:
    """The first place after the trigger that ``gap_rule`` introduces ("to X"),
    within one clause; a possessive place ("Vietnam's Prime Minister") is skipped."""
    for h in hits:
        if h.start < start or h.start >= stop or h.start - start > _MAX_GAP:
            continue
        gap = text[start : h.start]
        if any(c in gap for c in ",.;:"):
            return None
        if h.actor.kind == "place" and gap_rule.search(gap) and not _modifier(text, h):
            return h
    return None


def _modifier(text: str, h: Hit) -> bool:
    """A place used as a modifier: "Vietnam's Prime Minister", "the Mekong Delta city"."""
    after = text[h.end : h.end + 12]
    if after.startswith(("’s", "'s")):
        return True
    return h.actor.subkind == "natural" and bool(re.match(r"\s+(?:city|town|province)\b", after))


_WHO = re.compile(r"^[^.;]*?,\s*who\s+(?:is|was|are|were|has|had)\b[^.;]*$")


def _relative_visitor(text: str, people: list[Hit], m: re.Match[str]) -> Hit | None:
    """"X, Vice President of Y, who is on a working visit to Z": X travels."""
    before = [h for h in people if h.end <= m.start() and h.via != "possessive"]
    for h in reversed(before):
        if _WHO.match(text[h.end : m.start()]):
            return h
    return None


def _visitor(
    sa: SentenceActors, m: re.Match[str], dest: Hit, stop: int, last_visitor: Actor | None
) -> str | None:
    """Who travels: possessor, "by" phrase, "visit of X ... to", else the subject."""
    text = sa.sentence.text
    people = [h for h in sa.hits if h.actor.kind == "person"]
    own = _possessors(text, people, m)
    if own:
        return own[-1].actor.name
    relative = _relative_visitor(text, people, m)
    if relative is not None:
        return relative.actor.name
    by = _BY.match(text[dest.end : stop])
    if by:
        after = [h for h in people if h.start >= dest.end + by.end() and h.start < stop]
        if after:
            return after[0].actor.name
    inside = [h for h in people if m.end() <= h.start < dest.start and h.via == "name"]
    if inside:
        return inside[0].actor.name
    return _subject(sa, m, last_visitor)


def _possessors(text: str, people: list[Hit], m: re.Match[str]) -> list[Hit]:
    """"his visit" (a possessive pronoun in the determiner slot) or "X's trip"."""
    det_end = m.start(1) if m.re.groups else m.start()
    return [
        h for h in people
        if (h.via == "possessive" and m.start() <= h.start < det_end)
        or (m.start() - h.end in (0, 1) and text[h.end : h.end + 2] in ("’s", "'s"))
    ]


_GROUP = re.compile(r"\b(?:delegation|group)\b", re.I)


def _subject(sa: SentenceActors, m: re.Match[str], last_visitor: Actor | None) -> str | None:
    """The sentence subject; else a person named as subject; else the leader of a
    delegation named before the trigger ("A delegation ... led by X paid a visit")."""
    if sa.subject is not None:
        return sa.subject.name
    named = [h for h in sa.hits if h.actor.kind == "person" and h.via != "possessive"
             and not h.is_object]
    led = [h for h in sa.hits if h.actor.kind == "person" and h.via == "name"
           and h.end <= m.start()]
    pick = named or led
    if pick:
        return pick[0].actor.name
    if _GROUP.search(sa.sentence.text[: m.start()]):
        # "The delegation is scheduled to visit X": the delegation already seen travelling
        return last_visitor.name if last_visitor is not None else None
    return None


def _visit(analysis: Analysis, sa: SentenceActors, index: ActorIndex, visitor: str,
           dest: Hit, m: re.Match[str], stop: int) -> Event:
    text = sa.sentence.text
    span = nearest_date(dates_in(analysis, sa), m.start(), stop)
    return Event(
        type="visit", participants=[visitor], place=dest.actor.name,
        place_aliases=place_chain(index, text, sa.hits, dest),
        start=span.start if span else None, end=span.end if span else None,
        precision=span.precision if span and span.start else None,
        sectors=sectors_of(text), evidence=text, evidence_segment=sa.sentence.segment,
        tense="planned" if planned(text) else "past",
    )
