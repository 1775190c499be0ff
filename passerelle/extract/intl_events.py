"""Events and commitments in French and Vietnamese news (issue 4).

Components ``events.fr.v1`` and ``events.vi.v1`` (registered in ``events.py``) call
``extract_events(analysis, language)``; ``commitments.fr.v1`` and ``commitments.vi.v1``
(registered in ``commitments.py``) call ``intl_commitments.extract_commitments``, which
shares this module's helpers. They read the people, organisations and places already on the document
(``intl_actors.py`` finds them in each sentence) and the trigger tables of
``passerelle.extract.lang`` (``EVENT_TRIGGERS``, ``COMMITMENT_TRIGGERS``), extended
below with forms those tables lack (conditional pledges "partagerait", adverbs
between auxiliary and participle "a également exprimé", "buổi tiếp").

- visit: a visit phrase ("visite de travail", "chuyến công tác") followed by its
  destination, the first place introduced by "à/au/en/dans" or "tại/đến/ở" within
  the clause; the visitor is the leader of the delegation ("conduite par X", "do X
  dẫn đầu"), else the subject, else the places or bodies the delegation comes from
  ("Đoàn công tác Vùng A và B"), else the visitor already seen.
- meeting: a meeting phrase ("a rencontré", "recevant", "séance de travail avec",
  "buổi tiếp", "làm việc với"); the sides are the people of the sentence (named, by
  office or by pronoun), completed by the current visitor when one side is missing;
  an organisation is a side when none of its people is. Receiving someone
  ("Recevant X, Y ...", "Y có buổi tiếp X") is also a visit of X to the town or
  province that Y's office is of.
- agreement: a signing phrase with at least two sides; conference: attending.
- commitments: in ``intl_commitments.py`` (re-exported here).

Dates use ``eventkit.sentence_dates`` (day-first, years from the publication date or,
without one, after the latest dated mention of the body).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from passerelle.extract.actors import Actor, Hit
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import sectors_of, sentence_dates
from passerelle.extract.intl_actors import PROFILES, IntlSentence, resolve_intl
from passerelle.extract.lang import find_phrases, tables
from passerelle.records import Event

__all__ = ["extract_events", "EXTRA_EVENTS"]

_ADVERBS_FR = ("également", "aussi", "ainsi", "notamment", "hautement", "de nouveau",
               "encore", "par ailleurs", "en outre", "toujours", "vivement", "pour sa part",
               "pour leur part", "de son côté", "de leur côté")

# Forms the shared tables lack, per language and kind.
EXTRA_EVENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "visit": ("visite de travail", "tournée", "séjour", "a effectué une visite",
                  "en déplacement", "visite officielle", "a séjourné", "ont séjourné"),
        "meeting": ("recevant", "accueillant", "rencontre avec", "rencontres avec",
                    "sa rencontre avec", "séance de travail avec", "entretien avec",
                    "s'est entretenu avec", "s'est entretenue avec", "a reçu", "a rencontré",
                    "ont rencontré", "lors de sa rencontre", "a été reçu", "a été reçue",
                    "ont été reçus", "ont été reçues", "a été accueilli", "a été accueillie",
                    "ont été accueillis", "ont été accueillies", "avait été reçu",
                    "avait été reçue", "avait été accueilli", "avait été accueillie",
                    "a déjeuné avec", "ont déjeuné avec", "a dîné avec", "ont dîné avec"),
        "agreement": ("ont signé", "a signé", "signature d'un", "signature de la",
                      "signature du"),
        "conference": ("a assisté", "ont assisté", "a participé", "ont participé"),
    },
    "vi": {
        "visit": ("chuyến thăm", "chuyến công tác", "thăm và làm việc", "chuyến làm việc"),
        "meeting": ("buổi tiếp", "có buổi tiếp", "đã tiếp", "tiếp đón", "làm việc với",
                    "chào xã giao", "buổi chào xã giao", "đến chào",
                    "buổi làm việc", "hội kiến", "hội đàm", "gặp gỡ", "gặp mặt", "tiếp xúc",
                    "làm việc cùng", "đã gặp"),
        "agreement": ("ký kết", "lễ ký", "đã ký"),
        "conference": ("tham dự", "dự lễ"),
    },
}
# "à l'invitation de", "theo lời mời", "nhận lời mời": at someone's invitation.
_NOT_INVITATION = re.compile(r"(?:à l'|sur l')invitation|(?:theo|nhận|nhận lời)\s+(?:lời\s+)?mời|"
                             r"(?:khách|được|đã được)\s+mời",
                             re.I)
# Vietnamese "thống nhất"/"nhất trí" is an agreement only with both sides as subject.
_BOTH_VI = re.compile(r"(?:hai bên|các bên|hai phía|hai địa phương)\s+(?:đã\s+|cũng\s+)?$", re.I)
_PLANNED = re.compile(r"\b(?:va|vont|sera|seront|prochain|prochaine|sẽ|dự kiến|tới)\b", re.I)
_LED_BY = {
    "fr": re.compile(r"\b(?:conduite?s?|menée?s?|dirigée?s?)\s+par\s+"
                     r"(?:(?:l'|le\s+|la\s+|son\s+|sa\s+)[^,.;()]{3,90},\s*)?"
                     r"(?:(?:l'|le\s+|la\s+|son\s+|sa\s+)?[\w-]+\s+){0,2}$"),
    "vi": re.compile(r"\bdo\s+(?:[^,.;]{0,40}?)$"),
}
# "do X dẫn đầu", "do X, Phó Thống đốc tỉnh Aichi, dẫn đầu", "do bà X, ..., làm trưởng đoàn"
_LED_AFTER_VI = re.compile(r"^(?:\s*,[^.;]{0,80}?,?)?\s+(?:(?:làm trưởng đoàn\s+)?dẫn đầu|"
                           r"làm trưởng đoàn)\b")
_GROUP = re.compile(r"\b(?:délégation|dégélation|[Đđ]oàn(?: công tác)?)\b")
_TO = {
    "fr": re.compile(
        r"\b(?:à|au|aux|en|dans|vers|sur)\s+(?:la\s+|le\s+|les\s+|l')?"
        r"(?:(?:ville|province|région|département|commune|métropole|capitale)\s+(?:de\s+|d'))?"
        r"(?:la\s+|le\s+|l')?$"),
    "vi": re.compile(
        r"(?:(?:tại|đến|tới|ở|thăm|sang)\s+|^\s+)(?:(?:thành phố|tỉnh|tp\.?|thủ đô|vùng|quận|huyện|"
        r"nước)\s+)?(?:(?:Cộng hòa|Cộng hoà|CH)\s+)?$", re.I),
}


def _phrases(table: dict[str, tuple[str, ...]], extra: dict[str, tuple[str, ...]],
             language: str) -> dict[str, str]:
    """phrase -> kind, French auxiliaries also with an adverb ("a également exprimé")."""
    out: dict[str, str] = {}
    for kind in list(table) + [k for k in extra if k not in table]:
        for phrase in (*table.get(kind, ()), *extra.get(kind, ())):
            out.setdefault(phrase.replace("’", "'"), kind)
    if language == "fr":
        for phrase, kind in list(out.items()):
            head, _, rest = phrase.partition(" ")
            if head in ("a", "ont", "est", "sont", "s'est") and rest:
                for adv in _ADVERBS_FR:
                    out.setdefault(f"{head} {adv} {rest}", kind)
    return out


def _triggers(text: str, phrases: dict[str, str]) -> list[tuple[str, int, int]]:
    return [(phrases[p], s, e) for p, s, e in find_phrases(text, phrases)]


# --- events ------------------------------------------------------------------------


def extract_events(analysis: Analysis, language: str) -> list[Event]:
    """Visits, meetings, agreements and conferences of a French or Vietnamese document."""
    from passerelle.extract.events import _merge_all  # noqa: PLC0415  (events imports us)

    profile = PROFILES[language]
    phrases = _phrases(tables(language).EVENT_TRIGGERS, EXTRA_EVENTS[language], language)
    state: dict[str, list[str]] = {"visitors": []}
    found: list[Event] = []
    for item in resolve_intl(analysis, profile):
        _note_leader(item, language, state)
        if language == "vi" and _joins_meeting_vi(item, found):
            continue
        calls = _org_calls_vi(analysis, item, state) if language == "vi" else []
        found += calls
        triggers = _triggers(item.text, phrases)
        if language == "vi":
            triggers += _receive_vi(item.text, triggers)
        for kind, start, end in triggers:
            if calls and kind == "meeting" and not _others_met(item, calls):
                continue  # the calls on bodies are this sentence's meetings
            if calls and kind == "meeting" and _met_at_body(item, calls):
                continue  # "đến thăm Trường X, làm việc với Hiệu trưởng Y": one meeting
            special = _meetings_fr(analysis, item, kind, start, end, state) \
                if language == "fr" else None
            if special is not None:
                found += special
                continue
            ev = _event(analysis, item, kind, start, end, language, state)
            if ev is not None:
                found.append(ev)
            if kind == "meeting" and _RECEIVE.match(item.text[start:end]):
                found += _guest_visit(analysis, item, start, end)
        if language == "fr":
            found += _visits_of_fr(analysis, item)
            found += _received_fr(analysis, item, found)
    return _merge_all(_widen_visits(found))


def _widen_visits(events: list[Event]) -> list[Event]:
    """One trip told twice, a day of it and its whole span ("reçu le 5", then "du 3 au
    5"): visits of a same visitor to the same place whose dates lie inside another's
    take its span, so that merging keeps the whole trip."""
    visits = [e for e in events if e.type == "visit" and e.start and e.end]
    for ev in visits:
        wider = [o for o in visits if o is not ev and set(o.participants) & set(ev.participants)
                 and (o.place == ev.place or not (o.place and ev.place))
                 and o.start <= ev.start and ev.end <= o.end and (o.start, o.end) != (ev.start, ev.end)]
        if wider:
            best = min(wider, key=lambda o: (o.start, o.end))
            ev.start, ev.end, ev.precision = best.start, best.end, best.precision
    return events


# "Reçu du 3 au 5 mai par le maire, X, Y a visité ...": Y, the subject, is X's guest.
_RECEIVED_FR = re.compile(r"^\W*(?:Reçue?s?|Accueillie?s?)\b[^.;]{0,60}?\bpar\b", re.I)


def _received_fr(analysis: Analysis, item: IntlSentence, found: list[Event]) -> list[Event]:
    """A sentence opened by "Reçu(e) ... par HOST," told of the guest named after the
    host: a meeting of both, and a visit of the guest to the host's town, else to the
    place of the guest's visit told earlier."""
    m = _RECEIVED_FR.match(item.text)
    people = [h for h in item.hits if h.actor.kind == "person" and h.via != "possessive"]
    host = next((h for h in people if m and h.start >= m.end()), None)
    guest = next((h for h in people if host and h.start > host.end
                  and h.actor.name != host.actor.name), None)
    if host is None or guest is None or "," not in item.text[host.end:guest.start]:
        return []
    out = [_make(analysis, item, "meeting", [guest.actor.name, host.actor.name], None, 0)]
    place = _office_place(analysis, host.actor) or next(
        (e.place for e in reversed(found) if e.type == "visit" and e.place
         and guest.actor.name in e.participants), None)
    if place is not None:
        out.append(_make(analysis, item, "visit", [guest.actor.name], place, 0))
    return out


# "la visite du secrétaire général X en France", "visite d'État de X au Japon", and
# "celle de X à Y" once a visit was named earlier in the sentence.
_VISIT_OF_FR = re.compile(r"(?i)\bvisite\s+(?:d'(?:É|E)tat\s+|officielle\s+|de travail\s+|"
                          r"d'amitié\s+|de\s+(?:deux|trois|quatre|cinq|six|sept|huit|dix|\d+)\s+"
                          r"jours\s+)?(?:de\s+|du\s+|d')|\bcelle\s+(?:de\s+|du\s+|d')")
# Between "visite du" and the visitor: nothing, or an office in lower case and a comma
# ("visite de trois jours du recteur vietnamien, X, à Y").
_VISITOR_GAP_FR = re.compile(r"[^\W\d_A-ZÀ-Ý][^\W\d_]*(?:[ '’-][^\W\d_A-ZÀ-Ý][^\W\d_]*){0,3},\s*")
_WISH_FR = re.compile(r"(?i)\b(?:souhaite\w*|invit\w*|propos\w*|espère|prépar\w*|envisag\w*)\b"
                      r"[^.;]*$")


def _visits_of_fr(analysis: Analysis, item: IntlSentence) -> list[Event]:
    """Visits told as a noun: the visitor is the person named right after "visite de",
    the destination the first place introduced after the name."""
    out = []
    for m in _VISIT_OF_FR.finditer(item.text):
        if m.group(0).lower().startswith("celle") and "visite" not in item.text[:m.start()].lower():
            continue
        if _WISH_FR.search(item.text[:m.start()]):
            continue  # a visit invited or hoped for, not made
        who = next((h for h in item.hits if h.actor.kind == "person" and h.via == "name"
                    and 0 <= h.start - m.end() <= 60), None)
        gap = item.text[m.end():who.start] if who is not None else ""
        if who is None or re.search(r"[,.;]", gap) and not _VISITOR_GAP_FR.fullmatch(gap):
            continue
        dest = _destination(item, who.end, "fr")
        if dest is not None and dest.start - who.end <= 30:
            out.append(_make(analysis, item, "visit", [who.actor.name], dest.actor.name, m.start()))
    return out


# Vietnamese calls on a body: "đoàn đã đến thăm Trường Đại học X", "tham quan nhà máy
# của Công ty Y", "làm việc với Công ty Z".
_CALL_VI = re.compile(r"(?i)(?:đến thăm|thăm|tham quan|làm việc với|làm việc tại)\s+"
                      r"(?:(?:nhà máy|trụ sở|cơ sở|khuôn viên)\s+(?:của\s+)?)?$")


# "Cùng tiếp đoàn có ông X", "Tiếp đoàn có ...", "Tham dự buổi làm việc có ...": more
# people at the meeting just told, not a meeting of their own.
_ALSO_PRESENT_VI = re.compile(r"^\W*(?:Cùng\s+(?:tiếp|dự|tham dự|làm việc|hội đàm|đón)|"
                              r"Tham dự\s+(?:buổi|cuộc)|Tiếp đoàn có|Dự buổi)", re.I)


def _joins_meeting_vi(item: IntlSentence, found: list[Event]) -> bool:
    """Add the people of an "also present" sentence to the last meeting."""
    if not _ALSO_PRESENT_VI.match(item.text):
        return False
    last = next((e for e in reversed(found) if e.type == "meeting"), None)
    people = [h.actor.name for h in item.hits if h.actor.kind == "person" and h.via == "name"]
    if last is None or not people:
        return False
    last.participants = _unique(last.participants + people)
    return True


def _org_calls_vi(analysis: Analysis, item: IntlSentence,
                  state: dict[str, list[str]]) -> list[Event]:
    """Visiting a named body (a university, a company) is a meeting with it: one per
    body, with the person who calls (the subject before the verb, or the leader of
    the delegation when "đoàn" calls)."""
    out: list[Event] = []
    for h in item.hits:
        if h.actor.kind != "organization":
            continue
        verb = _CALL_VI.search(item.text[max(0, h.start - 40):h.start])
        if verb is None or h.actor.subkind == "government" and not _works_with_office(item, verb):
            continue
        at = h.start - len(verb.group(0))
        visitor = _caller_vi(item, at, state)
        if visitor and visitor != h.actor.name:
            out.append(_make(analysis, item, "meeting", [visitor, h.actor.name], None, at))
    return out


def _others_met(item: IntlSentence, calls: list[Event]) -> bool:
    """Whether the sentence names people besides those calling on bodies ("làm việc với
    Thị trưởng X và thăm Trường Đại học Y": X is met too)."""
    callers = {p for e in calls for p in e.participants}
    return any(h.actor.kind == "person" and h.actor.name not in callers for h in item.hits)


def _works_with_office(item: IntlSentence, verb: re.Match[str]) -> bool:
    """"làm việc với Sở Công Thương tỉnh X": a government office is met only when
    worked with, and when no one else is named in the sentence to speak for it."""
    people = [h for h in item.hits if h.actor.kind == "person" and h.via == "name"]
    return verb.group(0).lower().startswith("làm việc với") and len(people) <= 1


def _met_at_body(item: IntlSentence, calls: list[Event]) -> bool:
    """Add to the one call of the sentence the people named after the body, whose
    offices are of no other body or place ("đến thăm Trường X, làm việc với Hiệu
    trưởng Y": Y is met at X); whether every other person met was added."""
    if len(calls) != 1:
        return False
    call = calls[0]
    body = next((h for h in item.hits if h.actor.name == call.participants[-1]), None)
    others = [h for h in item.hits if h.actor.kind == "person"
              and h.actor.name not in call.participants]
    if body is None or not others:
        return False
    key = _plain(body.actor.name)
    fits = [h for h in others if h.start > body.end and h.via == "name"
            and all(_plain(of) in key for of in h.actor.title_places())]
    if len(fits) != len(others):
        return False
    call.participants = _unique(call.participants + [h.actor.name for h in fits])
    return True


def _caller_vi(item: IntlSentence, at: int, state: dict[str, list[str]]) -> str | None:
    """Who calls on a body: the last free person before the verb, else the delegation's
    leader (or visitor) when "đoàn" is written before it."""
    people = [x for x in item.hits if x.actor.kind == "person" and x.end <= at
              and x.via != "possessive" and not x.is_object]
    if people:
        return people[-1].actor.name
    if _GROUP.search(item.text[:at]):
        group = state.get("leader") or state.get("visitors") or []
        return group[0] if group else None
    return None


# Receiving someone: the guest came to the host's town or province.
_RECEIVE = re.compile(r"(?i)(?:recevant|accueillant|a reçu|a accueilli|ont reçu|"
                      r"(?:có\s+)?buổi tiếp|đã tiếp|tiếp đón|đón tiếp|tiếp xã giao|"
                      r"đã tiếp xã giao|tiếp)$")
# Vietnamese "X tiếp ông Y", "X tiếp Đại sứ Y": "tiếp" (receive) alone, before a guest.
_RECEIVE_VI = re.compile(r"(?<=[\w)])\s+((?:đã\s+)?tiếp(?:\s+xã giao)?)(?=\s+(?:ông|bà|ngài|"
                         r"Đại sứ|Tổng Lãnh sự|Lãnh sự|Thị trưởng|đoàn|Đoàn|[A-Z]))")


def _receive_vi(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"tiếp" triggers the other phrases do not already cover."""
    return [("meeting", m.start(1), m.end(1)) for m in _RECEIVE_VI.finditer(text)
            if not any(a < m.end(1) and m.start(1) < b for _, a, b in taken)
            and not _NOT_RECEIVE_VI.search(text[:m.start()])]


# "đầu tư trực tiếp", "gián tiếp", "kế tiếp", "liên tiếp": other words ending in "tiếp".
_NOT_RECEIVE_VI = re.compile(r"(?i)(?<!\w)(?:trực|gián|kế|liên|chuyển)$")


def _guest_visit(analysis: Analysis, item: IntlSentence, start: int, end: int) -> list[Event]:
    """"Recevant X, Y a ..." / "Y có buổi tiếp X": X visits the place Y's office is of
    (when X holds no office of that place)."""
    people = [h for h in item.hits if h.actor.kind == "person" and h.via != "possessive"]
    before = [h.actor for h in people if h.end <= start]
    host = before[-1] if before else item.subject
    guest = next((h.actor for h in people if h.start >= end and h.actor is not host), None)
    if host is None or guest is None:
        return []
    place = _office_place(analysis, host)
    if place is None or place == _office_place(analysis, guest):
        return []
    return [_make(analysis, item, "visit", [guest.name], place, start)]


_VISITED_FR = re.compile(r"\b(?:a|ont)\s+(?:\w+\s+)?visité$")
_STAY_FR = re.compile(r"\b(?:(?:son|sa|leur|ce|cette)|(?:fin|cours|issue|terme|suite)\s+d[eu])\s+"
                      r"(?:séjour|tournée|déplacement|visite)$", re.I)
# "les visiteurs ont été accueillis par X": the guests told of, unnamed.
_GUESTS_FR = re.compile(r"(?i)\b(?:les|nos|ces|leurs)\s+(?:visiteurs|invités|hôtes)\s+(?:\w+\s+)?$")
_PASSIVE_FR = re.compile(r"\bété\s+(?:reçue?s?|accueillie?s?)$")


def _meetings_fr(analysis: Analysis, item: IntlSentence, kind: str, start: int, end: int,
                 state: dict[str, list[str]]) -> list[Event] | None:
    """French meetings the general rule misses: visiting a named body ("a visité le musée
    X") and meeting bodies only ("la délégation a rencontré X et Y", "X a rencontré les
    dirigeants de Y": one meeting each);
    "la délégation a été reçue par X" with unnamed guests is none. ``None``: the
    general rule applies."""
    trigger = item.text[start:end]
    if kind == "visit" and _STAY_FR.search(item.text[:end]):
        return []  # "au cours de son séjour": the visit already under way
    if kind == "visit":
        return _visited_body_fr(analysis, item, start, end, state) \
            if _VISITED_FR.search(trigger) else None
    if kind != "meeting":
        return None
    hits = [h for h in item.hits if h.via != "possessive"]
    guests = list(state.get("visitors") or state.get("leader") or [])
    people = [h for h in hits if h.actor.kind == "person"]
    if people and _PASSIVE_FR.search(trigger) and (_GROUP.search(item.text[:start])
                                                    or _GUESTS_FR.search(item.text[:start])):
        return _hosts_in_turn(analysis, item, guests, people, end) if guests else []
    if any(h.start >= end for h in people):
        return None
    if people:  # "X a tenu une séance de travail avec les dirigeants de l'Université Y"
        host = people[-1]
        before = item.text[max(0, host.start - 80):host.start]
        if re.search(r"\bpar\b", before) and not _LED_BY["fr"].search(item.text[:host.start]):
            return None  # "accueillie par X, ... et a rencontré Y": X is not the guest
        guests = [host.actor.name]
    orgs = _unique([h.actor.name for h in hits if h.start >= end
                    and h.actor.kind == "organization" and h.actor.subkind != "government"])
    if not orgs or not guests:
        return None
    return [_make(analysis, item, "meeting", _unique([*guests, o]), None, start) for o in orgs]


# "reçue par X, puis par Y": two hosts in turn, two meetings.
_IN_TURN_FR = re.compile(r"(?i),?\s*(?:puis|ensuite|avant de l'être)\s+(?:par\s+)?")


def _hosts_in_turn(analysis: Analysis, item: IntlSentence, guests: list[str],
                   people: list[Hit], end: int) -> list[Event] | None:
    """"La délégation a été reçue par X, puis par Y": one meeting of the guests with each
    host received in turn, else one with all the hosts; ``None`` (the general rule) when
    no host is named after the verb."""
    hosts = [h for h in people if h.start >= end and h.actor.name not in guests]
    turns = [b for a, b in zip(hosts, hosts[1:])
             if _IN_TURN_FR.search(item.text[a.end:b.start])]
    if not turns:  # "reçue par X et par Y": one meeting of the guests with both
        return [_make(analysis, item, "meeting", _unique([*guests, *(h.actor.name for h in hosts)]),
                      None, end)] if hosts else None
    groups: list[list[str]] = [[hosts[0].actor.name]]
    for h in hosts[1:]:
        if h in turns:
            groups.append([])
        groups[-1].append(h.actor.name)
    return [_make(analysis, item, "meeting", _unique([*guests, *g]), None, end) for g in groups]


def _visited_body_fr(analysis: Analysis, item: IntlSentence, start: int, end: int,
                     state: dict[str, list[str]]) -> list[Event] | None:
    """"X a visité le site d'Airbus à Blagnac": a meeting of X with the body named
    right after the verb; ``None`` when no body is named there."""
    body = next((h for h in item.hits if h.actor.kind == "organization"
                 and 0 <= h.start - end <= 40), None)
    if body is None:
        return None
    near = [h.actor.name for h in item.hits if h.actor.kind == "person" and h.end <= start
            and h.via != "possessive"]
    guests = near[-1:] or list(state.get("visitors") or state.get("leader") or [])
    if not guests and item.subject is not None:
        guests = [item.subject.name]
    if not guests:
        return []
    return [_make(analysis, item, "meeting", _unique([*guests, body.actor.name]), None, start)]


def _office_place(analysis: Analysis, person: Actor) -> str | None:
    """The document place that the person's first fitting title is of."""
    for of in person.title_places():
        key = _plain(of)
        for place in analysis.doc.places:
            names = [place.name, *place.aliases]
            if place.kind != "country" and any(re.search(rf"\b{re.escape(_plain(n))}\b", key)
                                               for n in names if n):
                return place.name
    return None


def _plain(text: str) -> str:
    """Lower case without diacritics ("Hanoï" and "Hanoi" are one name)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _note_leader(item: IntlSentence, language: str, state: dict[str, list[str]]) -> None:
    """Remember the leader of a delegation ("conduite par X", "do X dẫn đầu")."""
    leader = _leader(item, language)
    if leader is not None:
        state["leader"] = [leader.name]


def _leader(item: IntlSentence, language: str) -> Actor | None:
    for h in item.hits:
        if h.actor.kind != "person" or h.via == "possessive":
            continue
        if language == "fr" and _LED_BY["fr"].search(item.text[: h.start]):
            return h.actor
        if language == "vi" and _LED_AFTER_VI.match(item.text[h.end :]) \
                and _LED_BY["vi"].search(item.text[: h.start]):
            return h.actor
    return None


def _event(analysis: Analysis, item: IntlSentence, kind: str, start: int, end: int,
           language: str, state: dict[str, list[str]]) -> Event | None:
    if kind == "visit":
        return _visit(analysis, item, start, end, language, state)
    if kind == "meeting":
        sides = _meeting_sides(item, start, end, state)
    elif kind == "agreement":
        sides = _sides(item, item.hits)
        sides = sides if len(sides) >= 2 else []
    elif kind == "conference":
        if re.search(r"\b(?:invit\w*|mời)\b", item.text[:start], re.I):
            return None  # being invited to attend is not attending
        sides = [h.actor.name for h in item.hits if h.actor.kind == "person"
                 and h.via != "possessive" and h.start < start]
    else:
        return None
    if (kind == "meeting" and len(sides) < 2) or not sides:
        return None
    return _make(analysis, item, kind, _unique(sides), None, start)


def _make(analysis: Analysis, item: IntlSentence, kind: str, who: list[str],
          place: str | None, offset: int) -> Event:
    spans = sentence_dates(analysis, _vi_ranges(item.sentence.text),
                           bool(_PLANNED.search(item.text)))
    spans = _join_vi_ranges(item.sentence.text, spans)
    if analysis.doc.language == "vi":
        spans = _bare_ranges_vi(analysis, item.sentence.text, spans, bool(_PLANNED.search(item.text)))
    spans = [s for s in spans if s.precision != "year" or kind == "visit"]
    after = [s for s in spans if s.begin >= offset]
    span = (after or spans[-1:] or [None])[0]
    return Event(
        type=kind, participants=who, place=place,
        start=span.start if span else None, end=span.end if span else None,
        precision=span.precision if span and span.start else None,
        sectors=sectors_of(item.sentence.text), evidence=item.sentence.text,
        evidence_segment=item.sentence.segment,
        tense="planned" if _PLANNED.search(item.text) else "past",
    )


# Vietnamese "từ ngày 6 đến 8/3": a range of days of one month.
_VI_RANGE = re.compile(r"(?i)(ngày\s+[0-3]?\d)( đến | tới | và )(?=[0-3]?\d/[01]?\d)")


def _join_vi_ranges(text: str, spans: list) -> list:  # DateSpan
    """"từ ngày 28/2 đến ngày 3/3": two days joined by "đến" are one range."""
    out = list(spans)
    for k in range(len(out) - 1, 0, -1):
        a, b = out[k - 1], out[k]
        if a.precision == b.precision == "day" and a.start and b.end and a.start < b.end \
                and re.fullmatch(r"\s*(?:đến|tới|-|–)\s*(?:ngày\s*)?", text[a.stop:b.begin]):
            out[k - 1:k + 1] = [replace(a, end=b.end, stop=b.stop, text=text[a.begin:b.stop])]
    return out


# "Từ 3-5/7" (no "ngày"): a range of days; "30/6 - 2/7": a day, then the last one.
_BARE_RANGE_VI = re.compile(r"(?i)(?<!\w)(?:từ|các ngày|ngày)\s+([0-3]?\d)\s*[-–]\s*([0-3]?\d)/"
                            r"([01]?\d)((?:/(?:19|20)\d\d)?)(?![\d/])")
_LAST_DAY_VI = re.compile(r"\s*(?:-|–|đến|tới)\s*(?:ngày\s*)?([0-3]?\d)/([01]?\d)(?![\d/])")


def _bare_ranges_vi(analysis: Analysis, text: str, spans: list, planned: bool) -> list:
    """Ranges the date reader leaves out or cuts: "Từ 3-5/7", "từ ngày 30/6 - 2/7"."""
    out = list(spans)
    for m in _BARE_RANGE_VI.finditer(text):
        if any(s.begin <= m.end(3) and m.start() < s.stop and s.start != s.end for s in out):
            continue
        found = sentence_dates(analysis, f"ngày {m.group(1)}-{m.group(2)}/{m.group(3)}{m.group(4)}",
                               planned)
        if found:
            out = [s for s in out if not (m.start() <= s.begin < m.end())]
            out.append(replace(found[0], begin=m.start(), stop=m.end(), text=m.group(0)))
    for k, a in enumerate(out):
        tail = _LAST_DAY_VI.match(text, a.stop) if a.precision == "day" and a.start else None
        if tail and a.start == a.end:
            year, month = int(a.start[:4]), int(tail.group(2))
            year += month < int(a.start[5:7])
            end = f"{year:04d}-{month:02d}-{int(tail.group(1)):02d}"
            if end > a.start:
                out[k] = replace(a, end=end, stop=tail.end(), text=text[a.begin:tail.end()])
    return sorted(out, key=lambda s: s.begin)


def _vi_ranges(text: str) -> str:
    """"ngày 6 đến 8/3", "ngày 12 và 13/4" written "ngày 6  -  8/3" (same length,
    offsets kept), the form the date reader knows."""
    return _VI_RANGE.sub(lambda m: m.group(1) + "-".center(len(m.group(2))), text)


def _visit(analysis: Analysis, item: IntlSentence, start: int, end: int, language: str,
           state: dict[str, list[str]]) -> Event | None:
    dest = _destination(item, end, language)
    if dest is None and language == "fr":
        dest = _elided_destination(analysis, item, end)
    if dest is None or (language == "vi" and _wished_vi(item.text[:start])):
        return None
    if language == "fr" and _wished_fr(item.text[:start]):
        return None
    visitors = _visitors(item, start, dest, language, state)
    if not visitors:
        return None
    state["visitors"] = visitors
    return _make(analysis, item, "visit", visitors, dest.actor.name, start)


def _destination(item: IntlSentence, end: int, language: str) -> Hit | None:
    """The first place after the trigger introduced by a preposition, in the clause."""
    for h in item.hits:
        if h.start < end or h.actor.kind != "place":
            continue
        gap = item.text[end : h.start]
        if len(gap) > 90 or re.search(r"[.;]", gap):
            return None
        if _TO[language].search(gap):
            return h
    return None


def _elided_destination(analysis: Analysis, item: IntlSentence, end: int) -> Hit | None:
    """"a séjourné au Havre": a place named "Le Havre" written with its article
    merged into the preposition ("au", "du"), right after the trigger."""
    from passerelle.extract.actors import _actors_of  # noqa: PLC0415

    for actor in (a for a in _actors_of(analysis.doc) if a.kind == "place"):
        m = re.match(r"(?:Le|Les)\s+(\S.*)$", actor.name)
        if m is None:
            continue
        art = "aux" if actor.name.startswith("Les") else "au"
        found = re.match(r"\s+" + art + r"\s+(" + re.escape(m.group(1)) + r")(?![\w-])",
                         item.text[end:])
        if found:
            return Hit(actor, end + found.start(1), end + found.end(1))
    return None


def _wished_vi(before: str) -> bool:
    """"mời lãnh đạo tỉnh sang thăm", "mong muốn đến thăm": a visit invited or wished
    for, not made ("nhận lời mời ... sang thăm" is made)."""
    return re.search(r"(?i)\b(?:mời|đề nghị|mong muốn|hy vọng)\b[^.;]*$", before) is not None \
        and _NOT_INVITATION.search(before) is None


def _wished_fr(before: str) -> bool:
    """"a invité les élus à se rendre au Vietnam", "souhaite se rendre à X": a visit
    invited or hoped for, not made ("à l'invitation de X, Y s'est rendu" is made)."""
    return _WISH_FR.search(before) is not None and _NOT_INVITATION.search(before) is None


def _guest_vi(item: IntlSentence, before: int) -> str | None:
    """The first person named after a receiving verb ("tiếp", "đón") before ``before``."""
    verb = None
    for m in re.finditer(r"(?i)(?<!\w)(?:tiếp|đón)(?:\s+xã giao)?\s+", item.text[:before]):
        if not _NOT_RECEIVE_VI.search(item.text[:m.start()].rstrip()):
            verb = m
    if verb is None:
        return None
    return next((h.actor.name for h in item.hits if h.actor.kind == "person" and h.via == "name"
                 and verb.end() <= h.start < before), None)


def _visit_of_vi(item: IntlSentence, start: int, dest: Hit) -> str | None:
    """"Chuyến công tác của Đại sứ X tại Y": the visit's owner follows "của"."""
    for h in item.hits:
        if h.actor.kind == "person" and start < h.start < dest.start \
                and re.search(r"\bcủa\s+[^,.;]{0,25}$", item.text[start:h.start]):
            return h.actor.name
    return None


def _visitors(item: IntlSentence, start: int, dest: Hit, language: str,
              state: dict[str, list[str]]) -> list[str]:
    leader = _leader(item, language)
    if leader is not None:
        return [leader.name]
    # "X a reçu la maire Y, en visite à Z": the person nearest before the visit phrase
    near = [h for h in item.hits if h.actor.kind == "person" and h.end <= start
            and h.via != "possessive"]
    if near and language == "vi" and near[-1].via == "pronoun":
        guest = _guest_vi(item, near[-1].start)
        if guest is not None:  # "X tiếp Y, nhân dịp ông đến thăm Z": the guest visits
            return [guest]
    if near and language == "fr":
        near = _received_guest_fr(item, near)
    if near:
        return [near[-1].actor.name]
    if language == "fr" and _GROUP_SUBJECT_FR.search(item.text[:start]):
        group = state.get("leader") or state.get("visitors")
        if group:  # "la délégation s'est rendue à X, où elle a été accueillie par Y"
            return list(group)
    if item.subject is not None and item.subject.name != dest.actor.name:
        return [item.subject.name]
    owner = _visit_of_vi(item, start, dest) if language == "vi" else None
    if owner is not None:
        return [owner]
    group = _GROUP.search(item.text)
    if group:  # "Đoàn công tác Vùng Nouvelle-Aquitaine và Grand Poitiers"
        bodies = [h.actor.name for h in item.hits if h.start >= group.end()
                  and h.actor.kind in ("place", "organization") and h.start - group.end() < 60
                  and h.actor.name != dest.actor.name and h.start < dest.start]
        bodies = [b for b in bodies if b not in _countries(item)]
        if bodies:
            return _unique(bodies)
    return list(state.get("leader") or state.get("visitors") or [])


# "la délégation s'est rendue ...": the delegation already followed is the subject.
_GROUP_SUBJECT_FR = re.compile(r"(?i)\b(?:la|sa|cette|notre)\s+délégation\s+(?:\w+\s+){0,2}$")
_RECEIVED_BY_FR = re.compile(r"\bété\s+(?:reçue?s?|accueillie?s?)\b[^.;]*\bpar\s+"
                             r"(?:(?:la|le|l')\s*)?(?:[\w-]+\s+){0,3}$")


def _received_guest_fr(item: IntlSentence, near: list[Hit]) -> list[Hit]:
    """"X a été reçu ... par Y, ..., au premier jour d'une visite": the host Y
    does not travel; the guest X named before him does."""
    host = near[-1]
    if not _RECEIVED_BY_FR.search(item.text[: host.start]):
        return near
    return [h for h in near if h.end <= host.start and h.actor.name != host.actor.name]


def _countries(item: IntlSentence) -> list[str]:
    return [h.actor.name for h in item.hits if h.actor.subkind == "country"]


def _meeting_sides(item: IntlSentence, start: int, end: int,
                   state: dict[str, list[str]]) -> list[str]:
    sides = _sides(item, item.hits)
    if len(sides) < 2:
        guests = list(state.get("visitors") or state.get("leader") or [])
        if item.lead is not None and item.lead.name not in sides and not guests:
            guests = [item.lead.name]
        if not guests and item.previous_subject is not None:
            guests = [item.previous_subject.name]
        sides = _unique(sides + [g for g in guests if g not in sides])
    return sides


def _sides(item: IntlSentence, hits: list[Hit]) -> list[str]:
    """People of the sentence; organisations whose people are not named."""
    people = [h.actor for h in hits if h.actor.kind == "person"]
    owners = {of.lower() for a in people for of in a.title_places()}
    out = [a.name for a in people]
    for h in hits:
        if h.actor.kind == "organization" and h.actor.subkind != "government" \
                and h.actor.name.lower() not in owners and not people:
            out.append(h.actor.name)
    return _unique(out)


def _unique(names: list[str]) -> list[str]:
    return [n for i, n in enumerate(names) if n not in names[:i]]
