"""Events in English news: visits, meetings, signed agreements and conferences.

Component ``events.en.v1`` (issue 4). It runs after the entity, geocoding and sector
steps and reads their people, organisations and places: every participant and place
is named by the canonical ``name`` of a document entity, so scoring can resolve
aliases. Rules work sentence by sentence on the body and the captions
(``evidence_segment``); each event keeps the sentence that states it as evidence.

- visit (``visits.py``): "paid a working visit to X", "a working visit to X by Y from
  June 23–25", "Y's trip to X", "the visit ... in X province", "arrived in X", "will
  visit X" (visitor: the possessor, the "by" phrase, the sentence subject); the
  destination is the first place after "to/of/in", its enclosing units become
  ``place_aliases``.
- meeting: "met (and worked) with", "met X", "had a working session with", "meetings
  with A and B" (one meeting each), "the working session between A and B", "hosted a
  reception for", "receiving/welcoming X", "X was received by Y" (X: the person
  before the verb, or the leader of "the delegation"), "a courtesy call on X",
  "visited/toured <organisation>", "At <organisation>, X ...", "ended its trip at
  <organisation>", "to tour the port and meet X". A place may sit before "by"/"with"
  ("received at the city hall by X", "held talks in Rennes with X"). In "talks with X,
  Director General of Y", Y is X's body, not another side; "with Y, where its president,
  X" meets X. "A and B held talks with C": A and B are both sides. "The delegation/group",
  "the French lawmakers", "the German guests" are the visiting party (``parties.py``: the
  guests of the last reception, "a delegation led by X, accompanied by Y", else the last
  visitor; a nationality written must fit), else the story's first subject. "received a
  delegation ... led by X", "will receive the guests" meet that party; "the delegation,
  which included Y, met Z" adds Y. A visited body stays a side next to its named head.
  "X, who attended the meeting," and "representatives of Y took part in the working
  session" join the last meeting. An invitation "to visit/meet" is neither. "At the
  meeting, X asked Y" is the meeting told before, not a new one; a ship that "called at
  X port" meets no one; "talks with a delegation ..., headed by X, and Y" is one meeting
  with X and Y (who become the visiting party); "X, a laboratory of Y and Z": Y and Z are
  not met; a host's own body is no side of a caption's "A and B at the meeting". With
  no party told yet, "the delegation" is the story's protagonist (first subject of the
  segment, even written later, never a host); in a sentence about the future, the party
  whose trip is still to come. "hosted a courtesy call by X" meets X; "welcomed the
  move" and "hoped to ... visit X" meet no one; co-chairs of an online meeting meet
  (``cochairs.py``); "At the talks" after an invited visit meets the inviter (``talks.py``).
- agreement: a sentence that says a document (MoU, agreement, charter) was signed;
  "the two sides signed" takes the sides of the last meeting.
- conference: attending a forum, seminar, conference, ceremony, day or show (being
  invited to attend is not attending); "the ceremony was attended by A, B and C".

Duplicates merge: one meeting per set of sides, one visit per visitor and place
(dates and evidence of the most precise mention kept). Visits implied by receptions and
places of meetings with local officials come from ``guest_visits.py``.
"""

from __future__ import annotations

import re

from passerelle import registry
from passerelle.extract import visits
from passerelle.extract.guest_visits import (
    RECEIVING, guest_visits, place_meetings_with_local_officials,
)
from passerelle.extract.parties import (
    GROUP_OBJECT, INCLUDED, agrees, led_group, note_party, protagonist, resolve_party,
)
from passerelle.extract.actors import Actor, Hit, SentenceActors, resolve_sentences
from passerelle.extract.base import Analysis
from passerelle.extract.cochairs import CO_CHAIRED, co_chairs
from passerelle.extract.talks import note_inviter, talks_with_inviter
from passerelle.extract.eventkit import (
    dates_in, nearest_date, place_of_meeting, planned, sectors_of,
)
from passerelle.records import Event

__all__ = ["run", "extract_events"]

# Where a meeting took place, written between its verb and "by"/"with": "received at
# the city hall by", "held talks in Rennes with".
_WHERE = (r"(?:\s+(?:at|in)\s+(?:(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:headquarters|hall|offices?|"
          r"seat|premises|building|residence)(?:\s+of\s+(?:the\s+)?[A-Z][^,.;]{0,60}?)?|"
          r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))?")
# Meeting triggers: (pattern, how the other side is found).
_MEET_RULES: list[tuple[re.Pattern[str], str]] = [
    # "was received by X", "was received at the city hall by X"
    (re.compile(r"\b(?:was|were|is|are|being)\s+(?:warmly\s+|cordially\s+)?"
                r"(?:received|welcomed|hosted|greeted)" + _WHERE + r"\s+by\b", re.I), "passive"),
    (re.compile(r"\b(?:working sessions|meetings|talks)\s+with\b", re.I), "split"),
    (re.compile(
        r"\b(?:met|meets|meet|meeting|worked|work|works|discussed|session|talks|call|calls)"
        r"(?:\s+and\s+(?:exchange|worked|work|talks))?\s+with\b", re.I), "with"),
    # "held talks in Rennes with X", "talks at the headquarters of Y with X"
    (re.compile(r"\b(?:met|meets|meeting|session|talks)" + _WHERE.removesuffix("?")
                + r"\s+with\b", re.I), "with"),
    # "discussed telemedicine with its director, X", "exchanged views on trade with X"
    (re.compile(r"\b(?:discussed|discussing|discusses|discuss|exchanged views)\b[^.;,]{1,50}?"
                r"\bwith\b",
                re.I), "with"),
    (re.compile(r"\b(?:met|meets)\b(?!\s+(?:and\s+\w+\s+)?with)"), "host"),
    # "to tour the port and meet X": the bare infinitive only before a person (below)
    (re.compile(r"\bmeet\b(?!\s+with)"), "host"),
    (re.compile(r"\bcourtesy\s+(?:call|visit)\s+(?:on|to)\b", re.I), "with"),
    # "X hosted a courtesy call by Y": Y meets X (not the body X commands)
    (re.compile(r"\b(?:hosted|hosts|received|receives|welcomed|welcomes)\s+(?:a\s+)?courtesy\s+"
                r"(?:call|visit)\s+(?:by|from)\b", re.I), "with"),
    (re.compile(r"\b(?:working session|meeting|talks)\s+between\b", re.I), "all"),
    (re.compile(r"\b(?:hosted|hosting|hosts|host)\s+(?:a\s+)?reception\b", re.I), "with"),
    (re.compile(r"\b(?:received|receiving|receives|receive|welcomed|welcoming|welcomes)\b", re.I),
     "host"),
    # "the delegation ended its trip at X": the last stop of a trip is a visit of X
    (re.compile(r"\b(?:ended|ends|ending|began|begins|beginning|started|starts|starting|"
                r"concluded|concludes|finished|finishes|wrapped\s+up)\s+(?:its|their|his|her|"
                r"the)\s+(?:[\w-]+\s+){0,2}?(?:trip|visit|tour|stay|programme|program)\s+"
                r"(?:at|with\s+a\s+(?:visit|stop)\s+(?:to|at))\b(?=\s+(?:the\s+)?[A-Z])"), "org"),
    (re.compile(r"\b(?:visited|visiting|visits|visit|toured|touring|tours|"
                r"(?:stopped|stopping|went|called)\s+(?:at|to))\b"
                r"(?=\s+(?:the\s+)?[\w’'-]+)", re.I), "org"),
    (re.compile(r"\b(?:working session|meeting)\b", re.I), "all"),
]
# The object phrase of a trigger stops at a relative clause or at the next clause.
_OBJECT_STOP = re.compile(
    r"\b(?:who|which|whose|where|to discuss|to learn|about)\b|[;]")
# Case matters: "Ambassador Nguyen Van An visited" is a verb after a name, not "an".
_NOUN_BEFORE = re.compile(
    r"(?:^(?:A|An)|\b(?:a|an|the|his|her|their|its|working|official|The|His|Her|Their)|’s|'s)\s+$")
_REPRESENTED = re.compile(
    r"\b(?:representatives?|leaders?|authorities|delegation)\s+(?:from|of)\s+"
    r"(?:the\s+)?$", re.I)
_SIGNED = re.compile(r"\b(?:signed|signing|inked)\b", re.I)
_DOCUMENT = re.compile(
    r"\b(?:agreements?|memorandum|MoUs?|MOUs?|charters?|contracts?|accords?|conventions?)\b")
_ATTEND = re.compile(
    r"\b(?:attended|attending|attend|attends|took part in|participated in)\b"
    r"(?=[^.;]{0,80}?\b(?:forum|seminar|conference|ceremony|festival|day|exhibition|"
    r"workshop|display|show|celebration|fair|summit)s?\b)", re.I)


@registry.register("events.en.v1")
def run(analysis: Analysis) -> None:
    """Fill ``analysis.doc.events`` with visits, meetings, agreements, conferences."""
    analysis.doc.events = extract_events(analysis)


def extract_events(analysis: Analysis) -> list[Event]:
    """The events of a prepared document, merged and in reading order."""
    found: list[Event] = []
    for sa in resolve_sentences(analysis):
        found += visits.visits_in(analysis, sa)
        found += _meetings_in(analysis, sa)
        found += _agreements_in(analysis, sa)
        found += _conferences_in(analysis, sa)
    events = _merge_all(found)
    events = _merge_all(events + guest_visits(analysis, events))
    place_meetings_with_local_officials(analysis.doc, events)
    return events


def _event(analysis: Analysis, sa: SentenceActors, kind: str, people: list[str],
           place: str | None, offset: int) -> Event:
    spans = dates_in(analysis, sa)
    # "X on May 20 received Y, who is on a trip from May 18 to 23": the date written
    # right before the verb is the meeting's, not the trip's after it.
    text = sa.sentence.text
    just_before = [s for s in spans if s.stop <= offset and not text[s.stop : offset].strip()]
    span = just_before[-1] if just_before else nearest_date(spans, offset)
    if span is not None and span.precision == "year":
        span = None  # "in 2023" dates a statement, rarely a meeting
    return Event(
        type=kind, participants=people, place=place,
        start=span.start if span else None, end=span.end if span else None,
        precision=span.precision if span and span.start else None,
        sectors=sectors_of(sa.sentence.text), evidence=sa.sentence.text,
        evidence_segment=sa.sentence.segment,
        tense="planned" if planned(sa.sentence.text) else "past",
    )


# --- meetings -------------------------------------------------------------------


def _meetings_in(analysis: Analysis, sa: SentenceActors) -> list[Event]:
    text = sa.sentence.text
    out: list[Event] = []
    triggers: list[tuple[re.Match[str], str]] = []
    for pattern, mode in _MEET_RULES:
        for m in pattern.finditer(text):
            if any(t.start() < m.end() and m.start() < t.end() for t, _ in triggers):
                continue
            if not _not_meeting(sa, m, mode):
                triggers.append((m, mode))
    triggers.sort(key=lambda t: t[0].start())
    welcome = _welcome(analysis, sa)
    if welcome is not None:
        out.append(welcome)
        triggers = [t for t in triggers if t[0].start() > 0 or t[1] != "host"]
    hosted = _hosted_at(analysis, sa)
    if hosted:
        out += hosted
        triggers = [t for t in triggers if t[1] != "host"]
    for i, (m, mode) in enumerate(triggers):
        nxt = triggers[i + 1][0].start() if i + 1 < len(triggers) else len(text)
        out += _meeting_events(analysis, sa, m, mode, nxt)
    out += [_event(analysis, sa, "meeting", names, None, c.start())
            for c in CO_CHAIRED.finditer(text) if (names := co_chairs(sa, c))]
    note_inviter(analysis, sa)
    talks = talks_with_inviter(analysis, sa)
    if talks is not None:
        out.append(_event(analysis, sa, "meeting", *talks))
        analysis.cache["last_meeting"] = talks[0]
    return out + _at_organisation(analysis, sa)


# "Receiving the guests on May 6, X said": X hosts the delegation told before.
_WELCOME = re.compile(r"^\W*(?:Receiving|Welcoming|Hosting|Greeting)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?:guests|delegation|visitors|group|delegates)\b")


def _welcome(analysis: Analysis, sa: SentenceActors) -> Event | None:
    """A reception told by its host: a meeting of the first person named (the
    host) with the leader of the visiting delegation, never with the host's body."""
    m = _WELCOME.match(sa.sentence.text)
    guest = analysis.cache.get("delegation_leader") or analysis.cache.get("last_visitor")
    if m is None or guest is None:
        return None
    host = next((h.actor for h in sa.hits if h.start >= m.end() and h.via == "name"
                 and h.actor.kind == "person" and h.actor is not guest), None)
    if host is None:
        return None
    place = place_of_meeting(sa.sentence.text, sa.hits)
    return _event(analysis, sa, "meeting", [host.name, guest.name], place, m.start())


# "the mayor hosted the delegation at X University": the host meets the guests, and
# the guests (not the host) meet the body where they were received.
_HOSTED_AT = re.compile(r"\b(?:hosted|received|welcomed|hosts|receives|welcomes)\s+the\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:guests|delegation|visitors|group|delegates)\s+"
                        r"at\s+(?:the\s+)?$")


def _hosted_at(analysis: Analysis, sa: SentenceActors) -> list[Event]:
    """A host receiving the delegation at a named organisation: two meetings."""
    guest = analysis.cache.get("delegation_leader") or analysis.cache.get("last_visitor")
    text = sa.sentence.text
    for h in (h for h in sa.hits if h.actor.kind == "organization"):
        m = _HOSTED_AT.search(text[: h.start])
        if m is None or guest is None:
            continue
        host = next((x.actor for x in sa.hits if x.end <= m.start() and x.actor.kind == "person"
                     and x.via != "possessive" and x.actor is not guest), None)
        out = [_event(analysis, sa, "meeting", [guest.name, h.actor.name], None, m.start())]
        if host is not None:
            out.insert(0, _event(analysis, sa, "meeting", [host.name, guest.name], None,
                                 m.start()))
        return out
    return []


_AT_ORG = re.compile(r"^At\s+(?:the\s+)?$")


def _at_organisation(analysis: Analysis, sa: SentenceActors) -> list[Event]:
    """"At Aerotech, the ambassador explored ...": being at a named organisation with
    someone named in the sentence is a visit of it, hence a meeting with it."""
    text = sa.sentence.text
    first = sa.hits[0] if sa.hits else None
    if first is None or first.actor.kind != "organization":
        return []
    if not _AT_ORG.match(text[: first.start]) or not text[first.end :].startswith(","):
        return []
    people = [h.actor for h in sa.hits if h.actor.kind == "person" and h.via != "possessive"]
    host = people[0] if people else sa.previous_subject
    if host is None:
        return []
    return [_event(analysis, sa, "meeting", [host.name, first.actor.name], None, 0)]


# "invited X to visit Y", "invited the mayor to meet": an invitation, not a meeting.
_INVITED_TO = re.compile(r"\b(?:invit(?:ed|es|e|ing)|hop(?:ed|es|e|ing)|wish(?:ed|es)?)\b"
                         r"[^.;]{0,100}?\bto\s+$", re.I)


# "At the meeting, X said ...": the meeting told before, not a new one between the
# people the sentence names.
_BACK_REFERENCE = re.compile(r"^\W*(?:At|During|In|Throughout)\s+(?:the|this|that)\s+"
                             r"(?:[\w-]+\s+)?$")
# "the frigate called at Tien Sa port": a port call, not a visit of a body.
_CALL_AT_PORT = re.compile(r"[Cc]alled\s+at\s+(?:the\s+)?(?:port\s+of\b|[^.,;]{1,40}?\s+port\b)")


# "welcomed the move": approval of a decision, not a reception of anyone.
_WELCOMED_IDEA = re.compile(r"(?:welcomed|welcomes|welcoming|welcome)\s+(?:the|this|that|its|their|"
                            r"his|her|such)\s+(?:[\w-]+\s+){0,2}?(?:move|decision|idea|proposal|"
                            r"initiative|opening|plan|news|step|launch|result|effort)s?\b", re.I)


def _not_meeting(sa: SentenceActors, m: re.Match[str], mode: str) -> bool:
    """A "visit" noun is a trip, not a visit *of an organisation*; a caption's "X visits
    Airbus" shows a photo opportunity, not a working meeting; an invitation to visit or
    meet is not a meeting yet; a bare "meet" is one only before a person ("meet the
    demand of X" is not)."""
    text = sa.sentence.text
    if _INVITED_TO.search(text[: m.start()]) or _CALL_AT_PORT.match(text[m.start() :]) \
            or _WELCOMED_IDEA.match(text[m.start() :]):
        return True
    if mode == "all" and _BACK_REFERENCE.search(text[: m.start()]) and \
            text[m.end() :].lstrip().startswith(","):
        return True
    if m.group() == "meet":
        after = next((h for h in sa.hits if h.start >= m.end()), None)
        return after is None or after.actor.kind != "person" or \
            not re.match(r"^\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", text[m.end() : after.start])
    if mode != "org":
        return False
    return sa.sentence.segment != "body" or bool(_NOUN_BEFORE.search(text[: m.start()]))


def _meeting_events(
    analysis: Analysis, sa: SentenceActors, m: re.Match[str], mode: str, nxt: int
) -> list[Event]:
    text = sa.sentence.text
    if mode == "all" and _JOINED.search(text[: m.start()]) and _NOUN_ENDS.match(text[m.end() :]):
        # "attended the meeting, ..." joins the last one ("attended the meeting of the
        # board" is another one)
        return _joined(analysis, sa, m)
    party = _received_group(analysis, sa, m, mode)
    objects = party or _objects(sa, m, mode, nxt)
    if not objects:
        return []
    mode = "with" if party and mode == "split" else mode
    if party and not RECEIVING.match(m.group()):
        note_party(analysis, party)  # "held talks with a delegation headed by X and Y"
    hosts = _host(analysis, sa, objects, m, mode)
    if len(hosts) == 1:
        hosts += _co_hosts(sa, hosts[0], m, objects)
    _note_guests(analysis, m, mode, hosts, objects)
    host = hosts[0] if hosts else None
    relative = _OBJECT_STOP.search(text, m.end())
    near = [h for h in sa.hits if relative is None or h.start < relative.start()]
    place = place_of_meeting(text, near) or _scene_before(text, sa.hits, m.start())
    staff = _org_staff(sa, objects[0], host) if mode == "org" or (
        mode == "with" and len(objects) == 1 and objects[0].kind == "organization") else []
    # the body stays a side with its people: annotators name either
    objects = staff + [objects[0]] if staff else objects
    groups = [[o] for o in objects] if mode == "split" else [objects]
    out = []
    for group in groups:
        names = _unique([a.name for a in hosts] + [a.name for a in group])
        if len(names) >= 2:
            out.append(_event(analysis, sa, "meeting", names, place, m.start()))
            analysis.cache["last_meeting"] = names
    return out


def _received_group(analysis: Analysis, sa: SentenceActors, m: re.Match[str],
                    mode: str) -> list[Actor]:
    """"received a delegation from X led by Y, accompanied by Z": Y and Z; "will receive
    the guests": the visiting party told before."""
    text = sa.sentence.text
    group = GROUP_OBJECT.match(text[m.end() :]) if mode in ("host", "with", "split") else None
    if group is None:
        return []
    at = m.end() + group.end()
    if not RECEIVING.match(m.group()):
        # "held talks with a delegation ..., headed by X, and Y": X and Y
        return led_group(sa, at) if mode != "host" else []
    return led_group(sa, at) or resolve_party(analysis, text[m.start() : at])


def _note_guests(analysis: Analysis, m: re.Match[str], mode: str, hosts: list[Actor],
                 objects: list[Actor]) -> None:
    """The guests of a reception become the visiting party of the story."""
    if mode == "passive":
        note_party(analysis, hosts)
    elif RECEIVING.match(m.group()) and mode in ("host", "with"):
        note_party(analysis, objects)


# "Representatives of A and B also took part in the working session", "X, who
# attended the meeting, said": more sides of the meeting just told, not a new one.
_JOINED = re.compile(r"\b(?:took part|taking part|takes part|participated|participating|"
                     r"attended|attending|joined|joining|(?:was|were) (?:also )?present)\s+"
                     r"(?:in\s+|at\s+)?the\s+(?:[\w-]+\s+)?$", re.I)


_NOUN_ENDS = re.compile(r"\s*(?:[,.;:]|and\b|$)")


def _joined(analysis: Analysis, sa: SentenceActors, m: re.Match[str]) -> list[Event]:
    """The last meeting with the sides this sentence adds (merged into it later)."""
    last = analysis.cache.get("last_meeting")
    added = [a.name for a in _sides(sa, sa.hits)]
    if not last or not added:
        return []
    names = _unique(list(last) + added)
    analysis.cache["last_meeting"] = names
    return [_event(analysis, sa, "meeting", names, None, m.start())]


def _co_hosts(sa: SentenceActors, host: Actor, m: re.Match[str],
              objects: list[Actor]) -> list[Actor]:
    """"A and B held talks with C": B is on A's side of the table, written right after
    A with "and", both before the trigger."""
    text = sa.sentence.text
    before = [h for h in sa.hits if h.end <= m.start() and h.actor.kind == "person"
              and h.via != "possessive"]
    at = next((i for i, h in enumerate(before) if h.actor is host), None)
    out: list[Actor] = []
    for prev, nxt in zip(before[at:], before[at + 1 :]) if at is not None else []:
        if not re.fullmatch(r"\s+and\s+", text[prev.end : nxt.start]):
            break
        if nxt.actor is not host and nxt.actor not in objects and nxt.actor not in out:
            out.append(nxt.actor)
    return out


# "visited X, where they worked with its vice president, Y", "X, where rector Y".
_STAFF_GAP = re.compile(r"^[^.;]{0,60}?\b(?:its|where)\b[^.;]{0,60}$")


def _org_staff(sa: SentenceActors, org: Actor, host: Actor | None) -> list[Actor]:
    """People of a visited organisation named after it ("its director, Y"): the sides
    met in its stead."""
    text = sa.sentence.text
    at = next((h for h in sa.hits if h.actor is org), None)
    if at is None:
        return []
    return [h.actor for h in sa.hits[:] if h.start > at.end and h.actor.kind == "person"
            and h.via == "name" and h.actor is not host
            and _STAFF_GAP.match(text[at.end : h.start])][:1]


# "... to X, where she met", "a visit to X, during which he held talks with".
_SCENE = re.compile(r"^,\s+(?:where|during which|while there)\b[^,.;]{0,40}$", re.I)


def _scene_before(text: str, hits: list[Hit], offset: int) -> str | None:
    """The place a "where"/"during which" clause before the trigger refers to."""
    for h in reversed([h for h in hits if h.end <= offset and h.actor.kind == "place"]):
        if _SCENE.match(text[h.end : offset]):
            return h.actor.name
    return None


def _objects(sa: SentenceActors, m: re.Match[str], mode: str, nxt: int) -> list[Actor]:
    """The other sides named after the trigger (organisations only for visits)."""
    text = sa.sentence.text
    if mode == "all":
        # "X, Chairman of the Y Committee, and Z at the meeting": Y is X's body
        return _without_own_bodies(_sides(sa, sa.hits))
    end = nxt
    stop = _OBJECT_STOP.search(text, m.end())
    if stop:
        end = min(end, stop.start())
    if mode == "passive":
        end = min(end, m.end() + 120)
    if mode in ("org", "host"):
        # The direct object only: "visited the plant of X", "received X" (not
        # "received support from X").
        end = min(end, m.end() + (70 if mode == "org" else 120))
        source = re.search(r"\b(?:from|(?<!led )by)\b", text[m.end() : end])
        end = m.end() + source.start() if source else end
    hits = [h for h in sa.hits if m.end() <= h.start < end
            and (h.is_object or h.actor.kind != "person" or mode in ("org", "passive")
                 or _APPOSITIVE.match(text[m.end() : h.start]))]
    sides = _sides(sa, _undescribed(text, hits))
    if not sides and mode in ("with", "split"):
        sides = _named_staff(sa, m) or _own_body(sa, m)
    if mode == "org":
        return [a for a in sides if a.kind == "organization"][:1]
    if mode == "passive":
        people = [a for a in sides if a.kind == "person"]
        return people[:1] or sides[:1]
    if mode == "split":
        return _without_own_bodies(sides)
    return sides


# "X, a joint laboratory of Y and Z": what follows describes X.
_DESCRIPTION = re.compile(r"^,\s+(?:an?|one\s+of\s+the)\s+[a-z][^,.;]{0,60}?$")


def _undescribed(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits before an appositive that describes the first organisation ("met the
    team of X, a research laboratory of Y": Y is not met)."""
    first = next((h for h in hits if h.actor.kind == "organization"), None)
    if first is None:
        return hits
    for h in hits:
        if h.start > first.end and _DESCRIPTION.match(text[first.end : h.start]):
            return [x for x in hits if x.start < h.start]
    return hits


# "with Nantes University, where its president, X, ...", "with its rector, X":
# the person of a body the gazetteer does not know, named after it.
_STAFF_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:its|their)\s+[^,.;]{1,50},\s*$")


def _named_staff(sa: SentenceActors, m: re.Match[str]) -> list[Actor]:
    """The first person named as "its <office>, X" after the trigger."""
    text = sa.sentence.text
    for h in (h for h in sa.hits if h.start >= m.end() and h.actor.kind == "person"):
        if h.via == "name" and _STAFF_AFTER.match(text[m.end() : h.start]):
            return [h.actor]
    return []


def _own_body(sa: SentenceActors, m: re.Match[str]) -> list[Actor]:
    """"talks at the headquarters of X with its vice president": X, when the person is
    not named (or not known), is the other side."""
    if not re.match(r"\s+(?:its|their)\b", sa.sentence.text[m.end() :]):
        return []
    bodies = [h.actor for h in sa.hits if h.end <= m.end() and h.actor.kind == "organization"]
    return bodies[-1:]


# "with its director, X": the name after a comma is still the object of "with".
_APPOSITIVE = re.compile(r"^\s*(?:(?:its|his|her|their|the)\s+)?[\w -]{0,30},\s*$")


def _without_own_bodies(sides: list[Actor]) -> list[Actor]:
    """"talks with X, Director General of Y": Y is X's body, not a side of its own."""
    owners = {of.lower() for a in sides if a.kind == "person" for of in a.title_places()}
    return [a for a in sides if a.kind != "organization"
            or not ({f.lower() for f in a.forms} & owners)]


_NAME_GOES_ON = re.compile(r"\s+(?!And\b|Or\b)[A-Z]")


def _sides(sa: SentenceActors, hits: list[Hit]) -> list[Actor]:
    """People and organisations of ``hits``; places only as "representatives of X"."""
    text = sa.sentence.text
    out: list[Actor] = []
    for h in hits:
        if h.via == "possessive" or h.actor in out:
            continue
        if h.actor.kind == "place" and (not _REPRESENTED.search(text[: h.start])
                                        or _NAME_GOES_ON.match(text[h.end :])):
            continue  # "representatives of the Hanoi Department of X": a body, not Hanoi
        out.append(h.actor)
    return out


# The visiting party named without its leader: "the delegation", "the French lawmakers";
# ``_GROUP`` also takes "they"/"their".
_PARTY = (r"\b(?:[Gg]roup|[Dd]elegation)\b|\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:delegates|guests|"
          r"visitors|lawmakers|deputies|parliamentarians|MPs|officials)\b")
_GROUP_NOUN = re.compile(_PARTY)
_GROUP = re.compile(_PARTY + r"|\b(?:[Tt]hey|[Tt]heir)\b")


def _host(analysis: Analysis, sa: SentenceActors, objects: list[Actor], m: re.Match[str],
          mode: str) -> list[Actor]:
    """The side that is not an object: the subject, else the visiting party ("the group
    had a working session with X": its members), else the story's last subject (only
    after "with": "Vietnam received aircraft from X" has no host)."""
    if mode == "all":
        return []
    if mode == "passive":
        return _passive_subject(analysis, sa, objects, m)
    people = [h for h in sa.hits if h.actor.kind == "person" and h.actor not in objects
              and h.via != "possessive"]
    before = [h for h in people if h.start < m.start()]
    text = sa.sentence.text
    if before:
        # "the delegation, which included X, met Y": the party and X
        included = [h.actor for h in before if INCLUDED.search(text[: h.start])]
        if included and _GROUP_NOUN.search(text[: before[0].start]):
            return _unique_actors(resolve_party(analysis, text[: before[0].start]) + included)
        return [before[0].actor]
    group = _GROUP if mode == "org" else _GROUP_NOUN
    if group.search(text[: m.start()]) and not RECEIVING.match(m.group()):
        # "The delegation visited X, where ... its director, Y", "the delegation held a
        # working session with X, where its president, Y": the visitors, not Y
        return _party_or_lead(analysis, sa, m)
    if people:
        return [people[0].actor]
    if sa.subject is not None and sa.subject not in objects:
        return [sa.subject]
    if _GROUP.search(text[: m.start()]):
        # "the delegation visited X": the visiting party, else the story's protagonist.
        return _party_or_lead(analysis, sa, m)
    prev = sa.previous_subject if mode in ("with", "split") else None
    return [prev] if prev is not None and prev not in objects else []


def _party_or_lead(analysis: Analysis, sa: SentenceActors, m: re.Match[str]) -> list[Actor]:
    """The party a group phrase before the trigger names, else the story's protagonist."""
    before = sa.sentence.text[: m.start()]
    coming = analysis.cache.get("planned_visitor")
    if coming is not None and planned(sa.sentence.text) and agrees([coming], before):
        # "the delegation plans to visit X": the party whose trip is still to come, not
        # a past visit told in between
        return [coming]
    party = resolve_party(analysis, before)
    lead = protagonist(analysis, sa)
    return party or ([lead] if lead is not None and agrees([lead], before) else [])


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    return [a for i, a in enumerate(actors) if a not in actors[:i]]


def _passive_subject(analysis: Analysis, sa: SentenceActors, objects: list[Actor],
                     m: re.Match[str]) -> list[Actor]:
    """"X (and Y) was received by Z": the people named before the verb; "the delegation
    was received by Z": the visiting party."""
    before = [h for h in sa.hits if h.start < m.start() and h.actor.kind == "person"
              and h.via != "possessive" and h.actor not in objects]
    if before:
        return [before[0].actor]
    if _GROUP.search(sa.sentence.text[: m.start()]):
        return _party_or_lead(analysis, sa, m)
    return []


# --- agreements and conferences ----------------------------------------------------


def _agreements_in(analysis: Analysis, sa: SentenceActors) -> list[Event]:
    text = sa.sentence.text
    sign = _SIGNED.search(text)
    if not sign or not _DOCUMENT.search(text) or _UNSIGNED.search(text):
        return []
    bodies = _signing_bodies(sa, sign)
    if bodies:  # "A and B signed an MoU", "the signing of an MoU between A and B"
        return [_event(analysis, sa, "agreement", bodies, place_of_meeting(text, sa.hits),
                       sign.start())]
    people = _unique([h.actor.name for h in sa.hits
                      if h.actor.kind == "person" and h.via in ("name", "role")])
    orgs = _unique([h.actor.name for h in sa.hits if h.actor.kind == "organization"])
    if len(people) < 2 or re.search(r"\bRepresentatives\b", text):
        people = orgs if len(orgs) >= 2 else people + orgs
    if not people and re.search(
            r"\b(?:the two sides|both sides|they|the two (?:officials|leaders|ministers|mayors))\b",
            text, re.I):
        people = list(analysis.cache.get("last_meeting") or [])  # the sides just named
    if not people:  # "Lyon and Hanoi signed a twinning charter": the towns sign
        towns = _unique([h.actor.name for h in sa.hits
                         if h.actor.kind == "place" and h.end <= sign.start()])
        people = towns if len(towns) >= 2 else []
    if not people:
        return []
    place = place_of_meeting(text, sa.hits)
    return [_event(analysis, sa, "agreement", people, place, sign.start())]


# A document still to be signed is no agreement event yet.
_UNSIGNED = re.compile(r"\b(?:will|to|would|could)\s+(?:be\s+)?sign", re.I)
_PAIR = re.compile(r"^\s*(?:,\s*)?and\s+(?:the\s+)?$")


def _signing_bodies(sa: SentenceActors, sign: re.Match[str]) -> list[str]:
    """Two organisations written as the signing pair: "A and B signed" right before
    the verb, or "between A and B" after the document's name."""
    text = sa.sentence.text
    orgs = [h for h in sa.hits if h.actor.kind == "organization"]
    for a, b in zip(orgs, orgs[1:]):
        if not _PAIR.match(text[a.end : b.start]) or a.actor is b.actor:
            continue
        before_verb = b.end <= sign.start() and re.match(r"^\s+(?:have\s+|had\s+)?$",
                                                          text[b.end : sign.start()])
        between = a.start > sign.start() and re.search(
            r"\bbetween\s+(?:the\s+)?$", text[sign.end() : a.start])
        if before_verb or (between and _DOCUMENT.search(text[sign.end() : a.start])):
            return [a.actor.name, b.actor.name]
    return []


_ATTENDED_BY = re.compile(
    r"\b(?:forum|seminar|conference|ceremony|festival|exhibition|workshop|celebration|fair|"
    r"summit)s?\b[^.;]{0,60}?\b(?:was|were)\s+(?:also\s+)?attended\s+by\b", re.I)


def _conferences_in(analysis: Analysis, sa: SentenceActors) -> list[Event]:
    text = sa.sentence.text
    passive = _ATTENDED_BY.search(text)
    if passive:  # "The opening ceremony was attended by A, B and C"
        who = [h.actor.name for h in sa.hits
               if h.actor.kind == "person" and h.start >= passive.end() and h.via == "name"]
        if who:
            return [_event(analysis, sa, "conference", _unique(who), None, passive.start())]
    m = _ATTEND.search(text)
    if not m or re.search(r"\binvit", text[: m.start()], re.I):
        return []  # being invited to attend is not attending
    who = [h.actor.name for h in sa.hits
           if h.actor.kind == "person" and h.start < m.start() and h.via != "possessive"]
    if not who and sa.subject is not None:
        who = [sa.subject.name]
    if not who:
        return []
    place = place_of_meeting(text[m.start():], [_shift(h, m.start()) for h in sa.hits
                                                if h.start >= m.start()])
    return [_event(analysis, sa, "conference", _unique(who), place, m.end())]


def _shift(h: Hit, by: int) -> Hit:
    return Hit(h.actor, h.start - by, h.end - by, h.via, h.is_object)


# --- merging -------------------------------------------------------------------


def _unique(names: list[str]) -> list[str]:
    return [n for i, n in enumerate(names) if n not in names[:i]]


def _merge_all(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if _same(o, ev)), None)
        if twin is None:
            out.append(ev)
        else:
            _absorb(twin, ev)
    return out


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if a.type == "visit":
        return bool(pa & pb) and (a.place == b.place or not (a.place and b.place))
    return pa <= pb or pb <= pa


def _absorb(keep: Event, other: Event) -> None:
    """Fold a duplicate into ``keep``: union of sides, the most precise dates."""
    keep.participants = _unique(keep.participants + other.participants)
    keep.place = keep.place or other.place
    keep.place_aliases = _unique(keep.place_aliases + other.place_aliases)
    keep.sectors = _unique(keep.sectors + other.sectors)
    if _rank(other) > _rank(keep):
        keep.start, keep.end, keep.precision = other.start, other.end, other.precision
        keep.evidence, keep.evidence_segment = other.evidence, other.evidence_segment


def _rank(ev: Event) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(ev.precision or "", 0) if ev.start else 0


# --- French and Vietnamese (rules in ``intl_events.py``) ------------------------------


@registry.register("events.fr.v1")
def run_fr(analysis: Analysis) -> None:
    """Fill ``analysis.doc.events`` of a French document."""
    from passerelle.extract import intl_events  # noqa: PLC0415

    analysis.doc.events = intl_events.extract_events(analysis, "fr")


@registry.register("events.vi.v1")
def run_vi(analysis: Analysis) -> None:
    """Fill ``analysis.doc.events`` of a Vietnamese document."""
    from passerelle.extract import intl_events  # noqa: PLC0415

    analysis.doc.events = intl_events.extract_events(analysis, "vi")
