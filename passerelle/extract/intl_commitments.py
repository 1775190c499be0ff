"""Commitments in French and Vietnamese news: ``extract_commitments(analysis, language)``.

Called by ``commitments.fr.v1`` and ``commitments.vi.v1`` (through
``intl_events.extract_commitments``). A trigger phrase of ``COMMITMENT_TRIGGERS``
(extended below) gives the kind; the actor is the person nearest before it (or the
speaker of "a souligné ... X"), else the delegation's leader, else a place or body
written right before it ("Thừa Thiên Huế mong muốn"). One commitment per actor and
kind in a sentence. "theo lời mời" / "à l'invitation de" (at someone's invitation) is
not an invitation.
"""

from __future__ import annotations

import re

from passerelle.extract.actors import Actor
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import sectors_of
from passerelle.extract.intl_actors import PROFILES, IntlSentence, resolve_intl
from passerelle.extract.intl_events import (
    _BOTH_VI,
    _GROUP,
    _NOT_INVITATION,
    _leader,
    _phrases,
    _plain,
    _triggers,
)
from passerelle.extract.lang import tables
from passerelle.records import Commitment

__all__ = ["extract_commitments", "EXTRA_COMMITMENTS"]

_SPEECH_FR = re.compile(r"\ba\s+(?:souligné|déclaré|affirmé|indiqué|noté|estimé|rappelé)\b")

EXTRA_COMMITMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "intent": ("est à la recherche d'opportunités", "à la recherche d'opportunités",
                   "a exprimé son souhait", "a exprimé le souhait", "a exprimé sa volonté",
                   "souhaite", "souhaitons", "espère", "prévoit de", "prévoit d'",
                   "envisage", "voudrait", "a exprimé l'espoir",
                   "a exprimé son espoir", "exprime l'espoir", "a formé l'espoir"),
        "pledge": ("a affirmé sa volonté", "a réaffirmé sa volonté", "partagerait",
                   "s'est dit prête", "s'est dit prêts", "s'est dit prêtes", "se sont dit prêts",
                   "accélérerait", "continuerait", "soutiendrait", "s'engage à",
                   "apportera", "mettra", "aidera", "aiderait"),
        "invitation": ("pour inviter", "inviter", "a invité", "invite"),
        "appeal": ("a appelé", "appelle", "a exhorté", "a demandé"),
    },
    "vi": {
        "intent": ("mong muốn", "bày tỏ mong muốn", "hy vọng", "mong"),
        "pledge": ("cam kết", "sẵn sàng", "sẽ tiếp tục", "sẽ hỗ trợ", "sẽ tạo điều kiện"),
        "appeal": ("kêu gọi", "yêu cầu", "đề nghị các"),
    },
}


# --- commitments -------------------------------------------------------------------


def extract_commitments(analysis: Analysis, language: str) -> list[Commitment]:
    """Forward-looking statements of named sides in a French or Vietnamese document."""
    profile = PROFILES[language]
    phrases = _phrases(tables(language).COMMITMENT_TRIGGERS, EXTRA_COMMITMENTS[language],
                       language)
    leader: Actor | None = None
    out: list[Commitment] = []
    items = resolve_intl(analysis, profile)
    host = _passive_host(items) if language == "fr" else _host_vi(items)
    for item in items:
        leader = _leader(item, language) or leader
        if item.sentence.segment != "body":
            continue
        seen: set[tuple[str, str]] = set()
        extra = _pledges_vi(item.text) if language == "vi" else \
            _pledges_fr(item.text) + _interrupted_fr(item.text, phrases)
        for kind, start, end in _triggers(item.text, phrases) + extra:
            c = _commitment(item, kind, start, end, language, leader)
            if c is not None and c.kind == "agreement" and host is not None \
                    and c.actor == (item.lead.name if item.lead else None):
                c.actor = host
            if c is None and language == "vi":
                c = _home_commitment_vi(analysis, item, kind, start, end)
            if c is None and language == "fr":
                c = _anaphor_commitment_fr(analysis, item, kind, start, end)
            if c is not None and seen and _COORDINATED_INTL.search(item.text[:start]):
                c.actor, c.actor_aliases = out[-1].actor, out[-1].actor_aliases
            if c is not None and (c.actor, c.kind) not in seen:
                seen.add((c.actor, c.kind))
                out.append(c)
    return out


# "X đề nghị ... và kêu gọi ...", "X a proposé ..., et invite ...": a verb right after
# the conjunction has the previous clause's subject, not a name inside that clause.
_COORDINATED_INTL = re.compile(r"(?:\bvà|\bđồng thời|\bet)\s+(?:cũng\s+|đã\s+|sẽ\s+)?$")


# "X khẳng định Đại sứ quán sẽ tích cực giới thiệu ...": a pledge with words between.
_PLEDGE_VI = re.compile(r"(?i)khẳng định\s(?!sẽ)[^.;]{0,60}?\bsẽ\s+(?:tiếp tục|tích cực|hỗ trợ|"
                        r"tạo (?:mọi |các |những )?điều kiện|phối hợp|đồng hành|thúc đẩy|"
                        r"giới thiệu|cử|dành|luôn)")
# "cho biết nhiều doanh nghiệp Busan quan tâm": the wish of unnamed others.
_REPORTED_VI = re.compile(r"(?i)\b(?:cho biết|cho rằng)\s+(?:nhiều|các|một số)\s+[^,.;]{0,40}$")
# "Tỉnh đề nghị ...": the province (of the document) speaks.
_LINK_WORD_VI = (r"(?:(?:Đồng thời|Ngoài ra|Bên cạnh đó|Cùng với đó|Mặt khác|Theo đó|Qua đó|"
                 r"Đặc biệt|Dịp này|Nhân dịp này)\s*,?\s*)")
_LINK_VI = _LINK_WORD_VI + "?"
_HOME_VI = re.compile(r"^\W*" + _LINK_VI + r"(?:[Tt]ỉnh|UBND tỉnh|[Ll]ãnh đạo tỉnh)\s+"
                      r"(?:cũng\s+|đã\s+|luôn\s+)?$")
# "Đồng thời, đề nghị ...": the subject left out is the previous sentence's.
_SAME_SUBJECT_VI = re.compile(r"^\W*" + _LINK_WORD_VI + r"(?:cũng\s+|đã\s+)?$")


# "X a assuré que le consulat accompagnerait ...": an assurance about what will be done.
_PLEDGE_FR = re.compile(r"(?i)\b(?:a|ont)\s+(?:\w+\s+)?(?:assuré|garanti)\s+(?:que|qu')"
                        r"[^.;]{0,80}?\b[a-zà-ÿ]{2,}r(?:a|ont|ait|aient)\b")
# "les entreprises qui souhaitent ...": the wish of the noun before "qui", not of a side.
_RELATIVE_FR = re.compile(r"\b[a-zà-ÿ]{3,}\s+qui\s+$")


# "X a annoncé que la Région financerait ...": an announced step the side will fund or do.
_ANNOUNCED_FR = re.compile(r"(?i)\b(?:a|ont)\s+(?:\w+\s+)?annoncé\s+(?:que|qu')[^.;]{0,60}?\b"
                           r"(?:financer|accorder|ouvrir|offrir|accueiller|enverr|soutiendr|créer|"
                           r"construir|verser|fournir|consacrer|allouer|dédier)(?:ait|aient|a|ont)\b")
# "X a, de son côté, souhaité ...": an auxiliary and its participle parted by an aside.
_ASIDE_FR = re.compile(r"(?i)\b(a|ont|s'est|se sont),\s*(?:de son côté|de leur côté|pour sa part|"
                       r"pour leur part|quant à (?:lui|elle|eux|elles)|lui aussi|elle aussi|"
                       r"à son tour|pour finir|enfin|ensuite|également|aussi)\s*,\s*([\w'’-]+)")


def _pledges_fr(text: str) -> list[tuple[str, int, int]]:
    found = [*_PLEDGE_FR.finditer(text), *_ANNOUNCED_FR.finditer(text)]
    return [("pledge", m.start(), m.start() + len(m.group(0).split(" que")[0].split(" qu'")[0]))
            for m in found]


def _interrupted_fr(text: str, phrases: dict[str, str]) -> list[tuple[str, int, int]]:
    """Triggers written with an aside between auxiliary and participle, which the
    phrase table cannot match ("a, quant à lui, souhaité")."""
    out = []
    for m in _ASIDE_FR.finditer(text):
        kind = phrases.get(f"{m.group(1).lower()} {m.group(2).lower()}")
        if kind is not None:
            out.append((kind, m.start(), m.end()))
    return out


# "X a été reçu(e) ... par Y": Y is the host, the side agreements are told of.
_RECEIVED_BY_FR = re.compile(r"\bété\s+(?:reçue?s?|accueillie?s?)\b[^.;]*?\bpar\s+")


def _passive_host(items: list[IntlSentence]) -> str | None:
    """The host of the story's lead side, when the lead was received by a named
    person ("X a été reçu ... par Y"): agreements of "both sides" are told of Y."""
    for item in items:
        lead = item.lead
        if lead is None or item.subject is not lead or item.sentence.segment != "body":
            continue
        m = _RECEIVED_BY_FR.search(item.text)
        host = next((h for h in item.hits if m and h.start >= m.end() and h.start - m.end() < 60
                     and h.actor.kind == "person" and h.actor is not lead), None)
        return host.actor.name if host is not None else None
    return None


# "Phó Chủ tịch UBND tỉnh X đã tiếp đoàn": X receives the delegation.
_RECEIVES_VI = re.compile(r"^\s*(?:đã\s+|sẽ\s+)?(?:tiếp|đón tiếp|tiếp đón)\s+(?:đoàn|và làm việc)")


def _host_vi(items: list[IntlSentence]) -> str | None:
    """The host of a delegation whose leader is the story's lead ("Đoàn ... do bà X dẫn
    đầu", then "Y đã tiếp đoàn"): agreements of "hai bên" are told of Y."""
    led = False
    for item in items:
        if item.sentence.segment != "body" or item.lead is None:
            continue
        led = led or _leader(item, "vi") is item.lead
        host = next((h for h in item.hits if led and h.actor.kind == "person"
                     and h.actor is not item.lead and _RECEIVES_VI.match(item.text[h.end:])),
                    None)
        if host is not None:
            return host.actor.name
    return None


def _pledges_vi(text: str) -> list[tuple[str, int, int]]:
    return [("pledge", m.start(), m.start() + len("khẳng định")) for m in _PLEDGE_VI.finditer(text)]


def _home_commitment_vi(analysis: Analysis, item: IntlSentence, kind: str, start: int,
                        end: int) -> Commitment | None:
    """"Tỉnh đề nghị ...": a commitment of the document's only Vietnamese province;
    "Đồng thời, đề nghị ...": one of the previous sentence's subject."""
    if kind == "agreement":
        return None
    homes = {p.name for p in analysis.doc.places if p.kind == "province" and p.country == "VN"}
    if _HOME_VI.match(item.text[:start]) and len(homes) == 1:
        actor = homes.pop()
    elif _HOME_VI.match(item.text[:start]) and _told_by_vi(analysis, item):
        actor = item.previous_subject.name  # "bà X cho biết ... Tỉnh mong muốn ...": X speaks
    elif _SAME_SUBJECT_VI.match(item.text[:start]) and item.previous_subject is not None:
        actor = item.previous_subject.name
    else:
        return None
    return Commitment(
        actor=actor, kind=kind, counterpart=_counterpart(item, end, actor),
        sectors=sectors_of(item.sentence.text), summary=_summary(item.sentence.text, start),
        evidence=item.sentence.text, actor_aliases=[], status="proposed")


_TOLD_VI = re.compile(r"(?i)\b(?:cho biết|giới thiệu|chia sẻ)\b")


def _told_by_vi(analysis: Analysis, item: IntlSentence) -> bool:
    """Whether the previous sentence's subject is a person telling of the province
    ("bà X cho biết ...") while the document names more than one province."""
    prev = item.previous_subject
    if prev is None or prev.kind != "person" or item.sentence.segment != "body":
        return False
    before = analysis.segments.get("body", "")[:item.sentence.start].rstrip()
    last = re.split(r"(?<=[.!?])\s+|\n", before)[-1] if before else ""
    names = [*prev.forms, prev.name.split()[-1]]  # "bà Ánh": the given name
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", last[:m.start()])
               for m in _TOLD_VI.finditer(last) for f in names)


# "La chambre s'est engagée": a body named earlier by its head word -> its name starts.
_ANAPHOR_FR = re.compile(r"(?i)\b(?:la|le|l['’])\s*(chambre|université|ambassade|région|"
                         r"département|mairie|municipalité|agence|institut)\s+$")
_ANAPHOR_HEADS_FR = {
    "chambre": ("chambre", "cci"), "université": ("université",),
    "ambassade": ("ambassade",), "région": ("conseil régional", "région"),
    "département": ("conseil départemental", "département"),
    "mairie": ("mairie", "ville de"), "municipalité": ("mairie", "ville de"),
    "agence": ("agence",), "institut": ("institut",),
}


def _anaphor_commitment_fr(analysis: Analysis, item: IntlSentence, kind: str, start: int,
                           end: int) -> Commitment | None:
    """"La chambre s'est engagée à ...": a commitment of the body of that kind named
    last before the sentence (only when one is)."""
    m = _ANAPHOR_FR.search(item.text[:start])
    if m is None or kind == "agreement":
        return None
    heads = _ANAPHOR_HEADS_FR[m.group(1).lower()]
    before = [(mention.start, org.name) for org in analysis.doc.organizations
              for mention in org.mentions
              if mention.segment == "body" and mention.start < item.sentence.start
              and _plain(org.name).startswith(tuple(_plain(h) for h in heads))]
    if not before:
        return None
    actor = max(before)[1]
    return Commitment(
        actor=actor, kind=kind, counterpart=_counterpart(item, end, actor),
        sectors=sectors_of(item.sentence.text), summary=_summary(item.sentence.text, start),
        evidence=item.sentence.text, actor_aliases=[], status="proposed")


def _commitment(item: IntlSentence, kind: str, start: int, end: int, language: str,
                leader: Actor | None) -> Commitment | None:
    text = item.text
    if kind == "invitation" and _NOT_INVITATION.search(text[max(0, start - 20) : end + 5]):
        return None
    if language == "vi" and kind == "agreement" and not _BOTH_VI.search(text[:start]):
        return None
    if language == "vi" and kind == "intent" and re.search(r"(?:sự|được)\s+$", text[:start]):
        return None  # "được sự quan tâm": receiving attention, not a wish
    if language == "vi" and kind == "proposal" and re.search(r"(?i)\btheo\s+$", text[:start]):
        return None  # "theo đề nghị của X": at X's request, said of what happened
    if language == "fr" and _RELATIVE_FR.search(text[:start]):
        return None  # "les entreprises qui souhaitent s'implanter": not a side's wish
    if language == "vi" and _REPORTED_VI.search(text[:start]):
        return None  # "cho biết nhiều doanh nghiệp quan tâm": others' wish, reported
    actor, aliases = _actor(item, start, end, language, leader, kind)
    if actor is None:
        return None
    return Commitment(
        actor=actor, kind=kind, counterpart=_counterpart(item, end, actor),
        sectors=sectors_of(item.sentence.text),
        summary=_summary(item.sentence.text, start), evidence=item.sentence.text,
        actor_aliases=aliases, status="agreed" if kind == "agreement" else "proposed",
    )


def _actor(item: IntlSentence, start: int, end: int, language: str, leader: Actor | None,
           kind: str) -> tuple[str | None, list[str]]:
    before = [h for h in item.hits if h.end <= start and h.via != "possessive"]
    people = [h for h in before if h.actor.kind == "person"]
    free = [h for h in people if not h.is_object] or people
    if kind == "agreement" and item.lead is not None:
        return item.lead.name, []
    both = (item.lead or leader) if _BOTH_FR.search(item.text[:start]) else None
    if both is not None:  # "les deux parties se sont engagées à": the story's lead side
        return both.name, []
    rel = _WHO_FR.search(item.text[:start]) if language == "fr" else None
    if rel and people and rel.start() - people[-1].end <= 1:
        return people[-1].actor.name, []  # "..., présidée par X, qui s'est dit prête"
    if free:
        return free[-1].actor.name, []
    speaker = _speaker(item, end, language)
    if speaker is not None:
        return speaker.name, []
    last = before[-1] if before else None
    if last is not None and last.actor.kind != "person" and start - last.end <= 25:
        aliases = [leader.name] if leader is not None and _GROUP.search(text_of(item, start)) \
            else []
        return last.actor.name, aliases
    if leader is not None and _GROUP.search(text_of(item, start)):
        return leader.name, []
    return None, []


# A relative clause right after a name: "X, qui a proposé ...".
_WHO_FR = re.compile(r",\s*qui\s+(?:\w+\s+)?$")
_BOTH_FR = re.compile(r"\b(?:[Ll]es|[Cc]es)\s+deux\s+(?:parties|villes|côtés|délégations|"
                      r"collectivités|provinces|régions)\s+$")


def text_of(item: IntlSentence, start: int) -> str:
    """The sentence text before ``start``."""
    return item.text[:start]


def _speaker(item: IntlSentence, end: int, language: str) -> Actor | None:
    """"..., a souligné jeudi le président ... X": the person after a speech verb."""
    if language != "fr":
        return None
    m = _SPEECH_FR.search(item.text, end)
    if m is None:
        return None
    after = [h for h in item.hits if h.start >= m.end() and h.actor.kind == "person"]
    return after[0].actor if after else None


def _counterpart(item: IntlSentence, end: int, actor: str) -> str | None:
    """The first other side named after the trigger."""
    for h in item.hits:
        if h.start >= end and h.actor.name != actor and h.via in ("name", "role"):
            return h.actor.name
    return None


def _summary(text: str, start: int) -> str:
    clause = re.split(r"[;]", text[start:])[0].strip().rstrip(".")
    return clause if len(clause) <= 160 else clause[:157].rsplit(" ", 1)[0] + "..."
