"""Visit rules of ``events.en.v1``: who travelled where, and when. Not a stable API.

A visit is a noun trigger ("visit", "trip", "tour", after a determiner, a possessive
or an adjective such as "working") followed by its destination: the first place
written after "to", "of" or "in" before the next clause break. The verb "visited X"
is left out on purpose: in this news it mostly tells a person's past ("who visited
Vietnam in 2018"), which the gold annotation does not count as a visit. Verb forms
that cannot tell a biography are kept: "arrived in X", "will visit X", "led (is
leading, will lead) a delegation to X", and "the delegation (led by X) was in Y" (the
leader of the last "delegation ... led by X" travels). The subject of a verb is written
before it ("the officials travelled to X, where they met Y": Y stays home). "invited Y's
members to visit X" is an invitation, not a visit; "the X industrial park", "X hospital"
are sites, not the destination X. "he would return to X" is a visit (after a person or
pronoun only); "a trip to X in June by Y": Y travels; "a visit to X by a <Town>
delegation": the people whose office is of a body or place named after <Town>.
Also (held-out set 6): "stopped in X", "spent 16 to 18 March in X", "will travel to X";
"a three-day trip" begun on a dated day ends two days later; "A and B, ..., who are on a
visit" are both visitors; "the visit to X of a delegation ... led by Y": Y; "the two
French officials arrived" is the party told before; "The tour ended in X" is the trip
the story opened with, and a host who "welcomed the ambassador" there is not its
traveller; "the Central Highlands province" is the one province of that region's
country the story names, and "arrived in the port city" the one city not in the
travellers' country.
"""

from __future__ import annotations

import datetime as dt
import re

from passerelle.extract.actors import Actor, ActorIndex, Hit, SentenceActors
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import (
    dates_in, nearest_date, place_chain, planned, sectors_of, sentence_dates,
)
from passerelle.extract.dates import DateSpan
from passerelle.extract.parties import agrees, led_group, protagonist, resolve_party
from passerelle.extract.visit_leads import (
    NOBODY, at_home, clause_subject_after, leader_after, leader_before,
)
from passerelle.records import Event

__all__ = ["visits_in"]

_TRIGGER = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+|[’']s\s+)((?:[\w-]+\s+){0,3}?)"
    r"(visit|trip|tour)\b"
)  # case-sensitive: the surname "An" is not the article "an"
# Verb triggers that cannot tell a person's past: "arrived in X", "will visit X".
_VERB_TRIGGER = re.compile(
    r"\b(?:arrived|arrives|arriving|stopped)(?=\s+in\s)|"
    r"\b(?:travell?ed|travels|travell?ing|will\s+travel)(?=\s+to\s)|"
    r"\b(?:toured|tours)(?=\s+(?:the\s+)?[A-Z])|"
    r"\b(?:spent|spends|spending)\s+(?:[\w-]+\s+){1,2}?(?:days?|weeks?|nights?)(?=\s+in\s)|"
    # "spent 16 to 18 March in X", "spent May 3-5 in X"
    r"\b(?:spent|spends)\s+(?:\d{1,2}(?:\s*(?:to|-|–)\s*\d{1,2})?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+"
    r"\d{1,2}(?:\s*(?:to|-|–)\s*\d{1,2})?)(?=\s+in\s)|"
    r"(?:\b(?:led|leads|leading|heads|headed|heading)|"
    r"\b(?:will|is\s+(?:due|set|scheduled|expected)\s+to)\s+(?:lead|head))\s+(?:an?|the|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}?delegation(?:\s+of\s+[\w ,-]{1,60}?)?(?=\s+to\s)|"
    r"\b(?:will|is due to|is scheduled to|plans to|is set to)\s+(?:pay\s+a\s+)?visit\b(?!s)|"
    # "he would return to X": only after a person or a pronoun (``_returner``)
    r"(?P<ret>\b(?:will|would)\s+(?:return|come\s+back|go\s+back)(?=\s+to\s))"
)
# "A delegation of X led by Y was in Z from May 27 to 30", "The delegation was in Z to".
_STAY = re.compile(r"\b(?:[Dd]elegation|[Gg]roup)\b[^.;]{0,120}?\b(?:(?:was|were)(?=\s+in\s)|"
                   r"visited(?=\s))")
_VERB_GAP = re.compile(r"^\s*(?:in\s+|to\s+)?(?:the\s+)?$")
# Before a destination: "... to", "... of", "... in (the)".
_TO = re.compile(r"\b(?:to|of|in)\s+(?:the\s+)?(?:(?:[a-z]+\s+){0,2}(?:city|province|town|"
                 r"region|department)\s+of\s+)?$")
_BY = re.compile(r"^\s*(?:city|province|region)?\s*(?:(?:from|in|on)\s[^,]{3,40}?\s+)?by\s+")
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
    triggers = [t for t in triggers if not _infinitive(t) and _returner(sa, t)]
    for i, m in enumerate(triggers):
        stop = triggers[i + 1].start() if i + 1 < len(triggers) else len(text)
        gap_rule = _TO if m.re is _TRIGGER else _VERB_GAP
        dest = _destination(text, sa.hits, m.end(), stop, gap_rule)
        dest = dest or _described_destination(analysis, index, text, m.end(), stop, gap_rule,
                                              _home_countries(analysis, sa, m))
        by_group = dest is None and m.re is _TRIGGER and _BY_GROUP.match(text[m.end() : stop])
        if by_group:  # "talks in X ..., during a visit by a delegation from Y"
            dest = _place_before(index, text, m.start())
        if dest is None or _landmark(text, dest, sa.hits):
            continue
        if m.re is _STAY or by_group:  # "the delegation (led by X) was in Y"
            leader = _group_leader(analysis, sa)
            visitor = leader.name if leader is not None else None
        else:
            visitor = _visitor(analysis, sa, m, dest, stop)
        visitor = visitor or _announced_head(analysis, sa, m) or \
            _group_protagonist(analysis, sa, m)
        members = [] if visitor else _place_party(index, sa, dest, stop)
        visitor = visitor or (members[0] if members else None)
        if visitor is None or visitor == NOBODY:
            continue
        names = visitor.split(_JOINT)  # joint visitors, in reading order
        visitor = names[0]
        out.append(_visit(analysis, sa, index, visitor, dest, m, stop))
        out[-1].participants = [*names, *members[1:]]
        _add_sending_body(out[-1], sa, m)
        analysis.cache["last_visitor"] = index.by_name.get(visitor)
        analysis.cache.setdefault("first_visitor", analysis.cache["last_visitor"])
        if out[-1].tense == "planned":
            analysis.cache["planned_visitor"] = analysis.cache["last_visitor"]
        if out[-1].precision == "day" and out[-1].start != out[-1].end:
            analysis.cache["trip_span"] = (out[-1].start, out[-1].end)  # "the last day of the trip"
    return out


# "a visit to X by a Montpellier delegation", "... by a delegation from Montpellier".
_PLACE_GROUP = re.compile(r"^\s*(?:city|province|region)?\s*(?:(?:from|in|on)\s[^,]{3,40}?\s+)?"
                          r"by\s+(?:an?|the)\s+(?:(?:[\w-]+\s+){0,2}?(?:delegation|group)\s+"
                          r"from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)?$")


def _place_party(index: ActorIndex, sa: SentenceActors, dest: Hit, stop: int) -> list[str]:
    """"a visit to X by a <Place> delegation": the people whose office is of a body or
    place named after <Place> ("President of the University of <Place>")."""
    text = sa.sentence.text
    for h in (h for h in sa.hits if h.actor.kind == "place" and dest.end < h.start < stop):
        head = _PLACE_GROUP.match(text[dest.end : h.start])
        tail = re.match(r"\s+(?:[\w-]+\s+)?(?:delegation|group)\b", text[h.end :])
        if head is None or not (tail or head.group().rstrip().endswith("from")):
            continue
        forms = [re.compile(rf"(?<!\w){re.escape(f)}(?!\w)") for f in h.actor.forms]
        return [a.name for a in index.actors if a.kind == "person"
                and any(f.search(of) for of in a.title_places() for f in forms)][:3]
    return []


def _returner(sa: SentenceActors, m: re.Match[str]) -> bool:
    """"he would return to X", "X will come back to Y": a person right before the verb
    ("the students would return to X" is no visit of the person quoted)."""
    if m.re is not _VERB_TRIGGER or not m.group("ret"):
        return True
    before = sa.sentence.text[: m.start()]
    if re.search(r"\b(?:he|she|He|She)\s+$", before):
        return True
    return any(h.actor.kind == "person" and h.via in ("name", "role")
               and not before[h.end :].strip() for h in sa.hits)


def _infinitive(m: re.Match[str]) -> bool:
    """"invited the Council's members to visit X": the verb after "to", not the noun."""
    return m.re is _TRIGGER and bool(re.search(r"\bto\s+$", m.group(1) or ""))


# "a visit by a 60-member delegation from ...", "a trip by the group".
_BY_GROUP = re.compile(r"^\s+by\s+(?:an?|the|its|their)\s+[^,.;]{0,40}?\b(?:delegation|group)\b")


def _group_leader(analysis: Analysis, sa: SentenceActors) -> Actor | None:
    """Who leads "the delegation": its noted leader, the last visitor, else the
    person the sentence is about ("X held talks ..., during a visit by a delegation")."""
    leader = analysis.cache.get("delegation_leader") or analysis.cache.get("last_visitor")
    return leader or sa.subject


def _place_before(index: ActorIndex, text: str, offset: int) -> Hit | None:
    """The last place written "in X" before ``offset`` (the scene of the visit), found
    by its names even where a longer entity covers it."""
    best: Hit | None = None
    for actor in (a for a in index.actors if a.kind == "place"):
        for form in actor.forms:
            pattern = r"\b(?:in|at)\s+(" + re.escape(form) + r")(?![\w-])(?![’']s)"
            for m in re.finditer(pattern, text[:offset]):
                if best is None or m.start(1) > best.start:
                    best = Hit(actor, m.start(1), m.end(1))
    return best


# A landmark inside a town ("the Temple of Literature", "the Old Quarter Market"), not a
# destination of its own; a place name cut before "of <Name>" is one too.
_LANDMARK_WORDS = re.compile(
    r"\b(?:Temple|Pagoda|Museum|Citadel|Palace|Mausoleum|Tower|Cathedral|Church|Park|Bridge|"
    r"Market|Square|Zoo|Garden|Gardens|Monument|Memorial|Quarter|Castle|Abbey|Opera|Stadium)\b")


_ADMIN_END = re.compile(r"\b(?:city|town|province|state|region|department|district|"
                        r"county|prefecture)$", re.I)


def _landmark(text: str, dest: Hit, hits: list[Hit]) -> bool:
    """Is the destination a site inside a town rather than a place one travels to?
    ("Bühl city of Baden-Württemberg" is a town and its state, not a cut name.)"""
    if _LANDMARK_WORDS.search(text[dest.start : dest.end]):
        return True
    cut = re.match(r"\s+of\s+(?:the\s+)?(?=[A-Z])", text[dest.end :])
    if cut is None or _ADMIN_END.search(text[dest.start : dest.end]) \
            or _OF_GROUP.match(text[dest.end :]):
        return False
    at = dest.end + cut.end()
    return not any(h.start == at and h.actor.kind == "place" for h in hits)


# "the northeastern province", "the former imperial capital": a destination named by its kind.
_DESCRIBED = re.compile(
    r"^\s+to\s+the\s+(?:[\w-]+\s+){0,3}?(province|city|region|department|prefecture|state|"
    r"country|capital)\b")
_DESCRIBED_IN = re.compile(
    r"^\s+in\s+the\s+(?:[a-z-]+\s+){0,3}?(province|city|region|department|prefecture|state|"
    r"country|capital)\b")
_KIND_OF = {"capital": ("city",), "province": ("province",), "department": ("province", "region"),
            "prefecture": ("province", "city"), "state": ("region", "province"),
            "region": ("region",), "city": ("city",), "country": ("country",)}


def _described_destination(analysis: Analysis, index: ActorIndex, text: str, start: int,
                           stop: int, gap_rule: re.Pattern[str],
                           away: set[str] = frozenset()) -> Hit | None:
    """"a trip to the northeastern province", "arrived in the port city": the one place
    of that kind the article names up to this sentence (not in the travellers'
    countries ``away`` when several are), when there is exactly one."""
    m = (_DESCRIBED if gap_rule is _TO else _DESCRIBED_IN).match(text[start:stop])
    if m is None:
        return None
    kinds = _KIND_OF[m.group(1)]
    upto = analysis.doc.body.find(text)
    seen = analysis.doc.body[: upto + len(text)] if upto >= 0 else analysis.doc.body
    named = [p for p in analysis.doc.places if p.kind in kinds
             and any(re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", seen)
                     for f in [p.name, *p.aliases] if f)]
    region = _region_in(index, text[start + m.start() : start + m.end()])
    if len(named) > 1 and region is not None:
        # "the Central Highlands province": a province of the Central Highlands' country
        named = [p for p in named if p.country and p.country == region.country]
    if len(named) > 1 and away:
        # "the French officials arrived in the port city": not a city of their own country
        named = [p for p in named if p.country and p.country not in away]
    actor = index.by_name.get(named[0].name) if len(named) == 1 else None
    if actor is None:
        return None
    return Hit(actor, start + m.start(1), start + m.end(1), "role")


def _home_countries(analysis: Analysis, sa: SentenceActors, m: re.Match[str]) -> set[str]:
    """Countries of the travellers written before the trigger (a person, else the party
    a group phrase names)."""
    before = [h.actor for h in sa.hits if h.end <= m.start() and h.actor.kind == "person"
              and h.via != "possessive"]
    if not before and _GROUP.search(sa.sentence.text[: m.start()]):
        before = resolve_party(analysis, sa.sentence.text[: m.start()])
    return {a.country for a in before if a.country}


def _region_in(index: ActorIndex, phrase: str):
    """The region or natural area named inside a described destination, if any."""
    for place in index.places.values():
        if place.kind in ("region", "natural") and re.search(
                r"(?<![\w-])" + re.escape(place.name) + r"(?![\w-])", phrase):
            return place
    return None


# "The head of the delegation, X,", "X, head of the delegation", "the delegation was led by X".
_HEAD = re.compile(r"^\s*(?:Led|Headed)\s+by\b|\b(?:head|leader|chief)\s+of\s+the\s+(?:[\w-]+\s+)?delegation\b|"
                   r"\bdelegation\s+(?:head|leader|chief)\b|"
                   r"\bdelegation\b[^.;]{0,40}?\b(?:was|is|will\s+be)\s+(?:led|headed)\s+by\b",
                   re.I)
_LOOK_AHEAD = 2  # sentences


def _announced_head(analysis: Analysis, sa: SentenceActors, m: re.Match[str]) -> str | None:
    """"A delegation of X paid a visit to Y. ... The head of the delegation, Z, said":
    a group visitor is led by the head named in the next sentences."""
    if not _GROUP.search(sa.sentence.text[: m.end()]):
        return None
    following = analysis.cache.get("actors") or []
    at = next((i for i, other in enumerate(following) if other is sa), None)
    if at is None:
        return None
    for other in following[at + 1 : at + 1 + _LOOK_AHEAD]:
        if other.sentence.segment != sa.sentence.segment:
            break
        head = _HEAD.search(other.sentence.text)
        if head is None:
            continue
        people = [h for h in other.hits if h.actor.kind == "person" and h.via == "name"]
        near = sorted(people, key=lambda h: min(abs(h.start - head.end()),
                                                abs(head.start() - h.end)))
        if near:
            analysis.cache["delegation_leader"] = near[0].actor
            return near[0].actor.name
    return None


_SENT_BY = re.compile(r"\b(?:delegation|group)\s+(?:of|from)\s+(?:the\s+)?$", re.I)


def _add_sending_body(event: Event, sa: SentenceActors, m: re.Match[str]) -> None:
    """"A delegation of the X City Council paid a visit": X travels with its head."""
    for h in sa.hits:
        if h.end <= m.start() and h.actor.kind == "organization" \
                and _SENT_BY.search(sa.sentence.text[: h.start]):
            if h.actor.name not in event.participants:
                event.participants.append(h.actor.name)
            return


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
    """A place used as a modifier: "Vietnam's Prime Minister", "the Mekong Delta city",
    "the Hai Phong industrial zone"."""
    after = text[h.end : h.end + 30]
    if after.startswith(("’s", "'s")) or _SITE_AFTER.match(after):
        return True
    return h.actor.subkind in ("natural", "region") and \
        bool(re.match(r"\s+(?:city|town|province)\b", after))


# "toured the Que Son industrial park": a site named after its place, not a destination.
_SITE_AFTER = re.compile(r"\s+(?:(?:industrial|high-tech|hi-tech|economic|export|free[\s-]trade)\s+"
                         r"(?:parks?|zones?|clusters?|estates?)|plants?|"
                         r"factor(?:y|ies)|campus(?:es)?|shipyards?|hospitals?|clinics?|"
                         r"universit(?:y|ies)|schools?|colleges?|institutes?)\b")


_WHO = re.compile(r"^[^.;]*?,\s*who(?:\s+(?:is|was|are|were|has|had)\b[^.;]*|\s*)$")


def _relative_visitor(text: str, people: list[Hit], m: re.Match[str]) -> Hit | None:
    """"X, Vice President of Y, who is on a working visit to Z": X travels."""
    before = [h for h in people if h.end <= m.start() and h.via != "possessive"]
    for h in reversed(before):
        if _WHO.match(text[h.end : m.start()]):
            return h
    return None


# "X and Y, Vice President of Z, who are on a visit to W": X travels with Y.
_PLURAL_WHO = re.compile(r",\s*who\s+(?:are|were|have|had\s+been)\b")
_AND_BEFORE = re.compile(r"^\s+and\s+(?:[A-Z][\w.-]*\s+){0,6}$")
_JOINT = "\x00"  # joins the names of joint visitors in ``_visitor``'s answer


def _joint_visitors(text: str, people: list[Hit], relative: Hit, m: re.Match[str]) -> list[Actor]:
    """The people joined by "and" before the relative visitor of a plural "who are"."""
    if not _PLURAL_WHO.search(text[relative.end : m.start()]):
        return []
    out: list[Actor] = []
    at = relative
    for h in reversed([h for h in people if h.end <= relative.start and h.via == "name"]):
        if not _AND_BEFORE.match(text[h.end : at.start]) or h.actor is relative.actor:
            break
        out.insert(0, h.actor)
        at = h
    return out


def _visitor(
    analysis: Analysis, sa: SentenceActors, m: re.Match[str], dest: Hit, stop: int
) -> str | None:
    """Who travels: possessor, "by" phrase, "visit of X ... to", else the subject."""
    text = sa.sentence.text
    people = [h for h in sa.hits if h.actor.kind == "person"]
    own = _possessors(text, people, m)
    if own:  # "during his visit to his own province, W asked": W's visit, else none
        home = own[-1].via == "possessive" and at_home(own[-1].actor, dest.actor.name)
        away = clause_subject_after(sa, dest, stop, dest.actor.name) if home else None
        return away or (NOBODY if home else own[-1].actor.name)
    relative = _relative_visitor(text, people, m)
    if relative is not None:
        joint = _joint_visitors(text, people, relative, m)
        return _JOINT.join([a.name for a in joint] + [relative.actor.name])
    group = _OF_GROUP.match(text[dest.end : stop])
    led = led_group(sa, dest.end + group.end()) if group else []
    if led:  # "the visit to X of a delegation from Y, led by Z"
        return led[0].name
    by = _BY.match(text[dest.end : stop])
    if by:
        after = [h for h in people if h.start >= dest.end + by.end() and h.start < stop]
        if after:
            return after[0].actor.name
    inside = [h for h in people if m.end() <= h.start < dest.start and h.via == "name"]
    if inside:
        return inside[0].actor.name
    return leader_before(sa, m) or leader_after(sa, m, dest, stop) or _subject(analysis, sa, m)


# "the visit to X of a delegation from Y, led by Z": Z travels.
_OF_GROUP = re.compile(r"^\s+of\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:delegation|group)\b")


def _possessors(text: str, people: list[Hit], m: re.Match[str]) -> list[Hit]:
    """"his visit" (a possessive pronoun in the determiner slot) or "X's trip"."""
    det_end = m.start(1) if m.re.groups else m.start()
    return [
        h for h in people
        if (h.via == "possessive" and m.start() <= h.start < det_end)
        or (m.start() - h.end in (0, 1) and text[h.end : h.end + 2] in ("’s", "'s"))
    ]


_GROUP = re.compile(r"(?i:\b(?:delegation|group)\b)|\b[Tt]he\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:delegates|visitors|guests|lawmakers|deputies|parliamentarians|MPs|"
                    r"officials)\b")


def _named_after(sa: SentenceActors, actor: Actor, offset: int) -> bool:
    """Is ``actor`` first named in the sentence after ``offset``?"""
    first = next((h.start for h in sa.hits if h.actor is actor), None)
    return first is not None and first > offset


def _subject(analysis: Analysis, sa: SentenceActors, m: re.Match[str]) -> str | None:
    """The sentence subject; else a person named as subject; else the leader of a
    delegation named before the trigger ("A delegation ... led by X paid a visit").

    The subject of a verb ("travelled to X") is written before it: in "the officials
    travelled to X, where they met Y", Y does not travel, the party told before does."""
    last_visitor = analysis.cache.get("last_visitor")
    first_visitor = analysis.cache.get("first_visitor")
    verb = m.re is _VERB_TRIGGER
    if sa.subject is not None and not (verb and _named_after(sa, sa.subject, m.start())) \
            and not _hosts(sa, sa.subject):
        return sa.subject.name
    text = sa.sentence.text
    named = [h for h in sa.hits if h.actor.kind == "person" and h.via != "possessive"
             and not h.is_object and not (verb and h.start > m.start())
             and not _HOSTING.match(text[h.end :])]
    led = [h for h in sa.hits if h.actor.kind == "person" and h.via == "name"
           and h.end <= m.start()]
    pick = named or led
    if pick:
        return pick[0].actor.name
    if _BACK.match(m.group()):
        # "The tour ended in X": the trip the story opened with
        return first_visitor.name if first_visitor is not None else None
    if _GROUP.search(text[: m.start()]):
        # "The delegation is scheduled to visit X": the delegation already seen
        # travelling; "the two French officials arrived": the party told before
        party = resolve_party(analysis, text[: m.start()]) if verb else []
        if party:
            return _JOINT.join(a.name for a in party)
        fits = last_visitor is not None and agrees([last_visitor], text[: m.start()])
        return last_visitor.name if fits else None
    return None


def _group_protagonist(analysis: Analysis, sa: SentenceActors, m: re.Match[str]) -> str | None:
    """"The Vietnamese delegation had arrived in X" with no party told yet: the story's
    protagonist, when the nationality written fits."""
    before = sa.sentence.text[: m.start()]
    if not _GROUP.search(before):
        return None
    lead = protagonist(analysis, sa)
    return lead.name if lead is not None and agrees([lead], before) else None


def _hosts(sa: SentenceActors, actor: Actor) -> bool:
    """Is ``actor`` the subject of a receiving verb in the sentence ("X welcomed")?"""
    text = sa.sentence.text
    return any(h.actor is actor and _HOSTING.match(text[h.end :]) for h in sa.hits)


# "when Mayor X welcomed the ambassador": X is the host, not the one who travels.
_HOSTING = re.compile(r"^\s+(?:[a-z]+\s+)?(?:welcomed|received|hosted|greeted|welcomes|receives|"
                      r"hosts|greets)\b")
# "The tour ended in X": the trip told before, whose traveller is not named again.
_BACK = re.compile(r"^[Tt]he\s+(?:trip|tour|visit)$")


def _visit(analysis: Analysis, sa: SentenceActors, index: ActorIndex, visitor: str,
           dest: Hit, m: re.Match[str], stop: int) -> Event:
    text = sa.sentence.text
    # "he would return to X on June 2": a future the tense words do not show
    ret = m.re is _VERB_TRIGGER and bool(m.group("ret"))
    spans = sentence_dates(analysis, text, True) if ret else dates_in(analysis, sa)
    span = nearest_date(spans, m.start(), stop)
    end = _lasting(text, span) if span else None
    return Event(
        type="visit", participants=[visitor], place=dest.actor.name,
        place_aliases=place_chain(index, text, sa.hits, dest),
        start=span.start if span else None, end=end,
        precision=span.precision if span and span.start else None,
        sectors=sectors_of(text), evidence=text, evidence_segment=sa.sentence.segment,
        tense="planned" if ret or planned(text) else "past",
    )


# "began a three-day working trip", "arrived on May 3 for a four-day stay".
_LASTING = re.compile(r"\b(?P<n>two|three|four|five|six|seven|[2-9])-day\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:visit|trip|tour|stay|mission)\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _lasting(text: str, span: DateSpan) -> str | None:
    """The last day of a visit whose first day is dated and whose length is written
    ("a three-day trip" that began on May 3 ends on May 5); else the span's end."""
    m = _LASTING.search(text)
    if m is None or span.precision != "day" or span.start is None or span.start != span.end:
        return span.end
    days = _NUMBERS.get(m.group("n")) or int(m.group("n"))
    return (dt.date.fromisoformat(span.start) + dt.timedelta(days=days - 1)).isoformat()
