"""Who is named where, in French and Vietnamese sentences. Not a stable API.

The counterpart of ``actors.py`` for the languages of ``passerelle.extract.lang``.
It reads only the entity lists already on the document (from an entity component
or a test) and finds, sentence by sentence:

- names and aliases as written (French elisions allowed: "l'Hérault", "d'Hanoï"),
  and people's last names when no other entity shares them ("Ménard");
- office words used without a name ("l'ambassadeur", "le préfet", "Đại sứ") as the
  person whose title has that role, the most recently named first (the office
  words and their English roles come from ``lang/fr.py`` and ``lang/vi.py``);
- subject pronouns ("il", "elle", "a-t-il"; Vietnamese "ông"/"bà" not followed by
  a name) as the subject of the sentence or of the previous ones.

The *subject* of a sentence is the person written right before a verb ("Robert
Ménard a ...", "X, préfet de l'Hérault, a affirmé"), else the first person outside
an object phrase ("avec", "par", "recevant"; "với", "tiếp").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from passerelle.extract.actors import Actor, Hit, _actors_of, _surname
from passerelle.extract.base import Analysis, Sentence
from passerelle.extract.lang import find_phrases, tables

__all__ = ["Profile", "PROFILES", "IntlSentence", "fold", "resolve_intl"]


@dataclass(frozen=True)
class Profile:
    """What differs between languages for actor resolution."""

    language: str
    pronoun: re.Pattern[str]  # a subject pronoun
    possessive: re.Pattern[str]  # "sa rencontre": the subject's
    verb_after: re.Pattern[str]  # what follows a subject name
    object_words: frozenset[str]  # words that make a following name an object
    role_before: re.Pattern[str]  # what must precede an office word used alone


# Upper-case letters of Vietnamese ("À-Ỹ" would take lower-case "đ", "ấ" too).
_UPPER_VI = "A-ZÀ-ÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"

PROFILES: dict[str, Profile] = {
    "fr": Profile(
        language="fr",
        pronoun=re.compile(r"(?<![\w-])(?:[Ii]l|[Ee]lle)(?![\w'])|-t-(?:il|elle)\b"),
        possessive=re.compile(r"\b(?:[Ss]a|[Ss]on|[Ss]es)\s+(?=\w)"),
        verb_after=re.compile(
            r"^(?:\s*,[^.;]{0,100}?,)?\s+(?:a|ont|est|sont|s'est|se|avait|va|sera|était|"
            r"souhaite|espère|envisage|propose|invite|appelle|affirme|estime|déclare|"
            r"rappelle|souligne|salue)\b"),
        object_words=frozenset(
            "avec par de du des recevant reçu rencontré rencontrant accueillant accueilli "
            "à entre pour invité auprès".split()),
        role_before=re.compile(r"(?:\b[Ll][ea]\s+|\b[Ll]'|\b[Dd]u\s+|\b[Aa]u\s+)$"),
    ),
    "vi": Profile(
        language="vi",
        pronoun=re.compile(r"(?<!\w)(?:[Ôô]ng|[Bb]à)(?!\s+[" + _UPPER_VI + r"])(?!\w)"),
        possessive=re.compile(r"(?!x)x"),  # Vietnamese writes "của ông" after the noun
        verb_after=re.compile(r"^\s+(?:đã|sẽ|cũng|có|cho|khẳng định|nhấn mạnh|bày tỏ|đánh giá)\b"),
        object_words=frozenset("với tiếp đón gặp mời cùng tại của và".split()),
        role_before=re.compile(r"(?:^|[\s,.;:(])$"),
    ),
}


def fold(text: str) -> str:
    """NFC and a straight apostrophe, keeping the length (offsets stay valid)."""
    nfc = unicodedata.normalize("NFC", text)
    out = nfc if len(nfc) == len(text) else text
    return out.replace("’", "'")


@dataclass
class IntlSentence:
    """The actors of one sentence, its subject and the previous subject."""

    sentence: Sentence
    text: str  # folded text (same offsets as ``sentence.text``)
    hits: list[Hit]
    subject: Actor | None
    previous_subject: Actor | None
    lead: Actor | None = None


@dataclass
class _Index:
    actors: list[Actor]
    forms: list[tuple[str, Actor]] = field(default_factory=list)

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for form, actor in self.forms:
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                if not any(m.start() < h.end and h.start < m.end() for h in hits):
                    hits.append(Hit(actor, m.start(), m.end()))
        return sorted(hits, key=lambda h: h.start)


def _index(analysis: Analysis) -> _Index:
    actors = _actors_of(analysis.doc)
    forms = [(fold(f), a) for a in actors for f in a.forms]
    taken = {f for f, _ in forms}
    counts: dict[str, list[Actor]] = {}
    for a in actors:
        if a.kind == "person" and len(a.name.split()) > 1:
            counts.setdefault(fold(_surname(a.name)), []).append(a)
    forms += [(last, acts[0]) for last, acts in counts.items()
              if len(acts) == 1 and len(last) > 2 and last not in taken]
    forms.sort(key=lambda fa: len(fa[0]), reverse=True)
    return _Index(actors, forms)


def resolve_intl(analysis: Analysis, profile: Profile) -> list[IntlSentence]:
    """Actors of every sentence of every segment, in reading order (cached)."""
    key = ("intl_actors", profile.language)
    if key in analysis.cache:
        return analysis.cache[key]
    index = _index(analysis)
    analysis.cache[("intl_index", profile.language)] = index
    out: list[IntlSentence] = []
    for segment in analysis.segments:
        subject: Actor | None = None
        lead: Actor | None = None
        recent: list[Actor] = []
        for sent in (s for s in analysis.sentences if s.segment == segment):
            item = _resolve_one(index, profile, sent, subject, recent)
            lead = lead or item.subject
            item.lead = lead
            subject = item.subject or subject
            out.append(item)
    analysis.cache[key] = out
    return out


def _resolve_one(index: _Index, profile: Profile, sent: Sentence, previous: Actor | None,
                 recent: list[Actor]) -> IntlSentence:
    text = fold(sent.text)
    hits = index.find(text)
    hits += _role_hits(index, profile, text, hits, recent)
    hits.sort(key=lambda h: h.start)
    for h in hits:
        h.is_object = _is_object(profile, text, h.start)
    hits += _demonstrative_hits(profile, text, hits, recent)
    hits.sort(key=lambda h: h.start)
    subject = _subject(profile, text, hits)
    hits += _pronoun_hits(profile, text, hits, subject or previous)
    hits.sort(key=lambda h: h.start)
    if subject is None:
        pron = [h for h in hits if h.via == "pronoun" and not h.is_object]
        subject = pron[0].actor if pron else None
    for h in hits:
        if h.actor.kind == "person":
            recent[:] = [a for a in recent if a is not h.actor] + [h.actor]
    return IntlSentence(sent, text, hits, subject, previous)


def _role_hits(index: _Index, profile: Profile, text: str, hits: list[Hit],
               recent: list[Actor]) -> list[Hit]:
    """Office words used without a name ("l'ambassadeur a souligné")."""
    roles = tables(profile.language).ROLES
    out: list[Hit] = []
    for phrase, start, end in find_phrases(text, roles):
        clash = [h for h in hits if start < h.end and h.start < end]
        if clash and not (profile.language == "vi" and _bodies_inside(clash, start, end)):
            continue
        if not profile.role_before.search(text[:start]):
            continue
        if _names_follow(text, end, hits):
            continue  # "l'ambassadeur Dinh Toan Thang": a title, the name is the hit
        holder = _holder(index, roles[phrase], recent)
        if holder is not None:
            for h in clash:
                hits.remove(h)
            out.append(Hit(holder, start, end, "role"))
    return out


def _bodies_inside(clash: list[Hit], start: int, end: int) -> bool:
    """Vietnamese "Phó Chủ tịch UBND tỉnh đề nghị": the body ("UBND tỉnh") is a part of
    the office, whose holder speaks."""
    return all(h.actor.kind == "organization" and start <= h.start and h.end <= end
               and h.end - h.start < end - start for h in clash)


def _names_follow(text: str, end: int, hits: list[Hit]) -> bool:
    """A person named right after an office ("le maire Robert Ménard", "le préfet de
    l'Hérault, François-Xavier Lauch")."""
    for h in hits:
        if h.actor.kind != "person" or h.start < end:
            continue
        gap = text[end : h.start]
        return len(gap) <= 3 or (len(gap) <= 60 and re.fullmatch(r"[^.;]*,\s*(?:M\.|Mme)?\s*", gap)
                                 is not None)
    return False


def _holder(index: _Index, role: str, recent: list[Actor]) -> Actor | None:
    want = role.lower()
    fits = [a for a in index.actors if a.kind == "person" and any(r == want for r, _ in a.roles)]
    for actor in reversed(recent):
        if actor in fits:
            return actor
    return fits[0] if len(fits) == 1 else None


def _is_object(profile: Profile, text: str, offset: int) -> bool:
    clause = re.split(r"[,;:()–—]", text[:offset])[-1]
    words = {w.lower() for w in re.findall(r"[\w']+", clause)}
    words |= {w.split("'")[-1] for w in words if "'" in w}
    return bool(words & profile.object_words)


def _subject(profile: Profile, text: str, hits: list[Hit]) -> Actor | None:
    """The person right before a verb, else the first person outside an object phrase."""
    people = [h for h in hits if h.actor.kind == "person"]
    for h in people:
        m = profile.verb_after.match(text[h.end :])
        if m and not any(h.end < o.start < h.end + m.end() and o.actor is not h.actor
                         for o in people):
            return h.actor  # an apposition between name and verb holds no other person
    free = [h for h in people if not h.is_object]
    if len(free) > 1 and free[0] is people[0] and _PARTICIPLE_OPENING.match(text):
        free = free[1:]  # "Recevant X, ..., Y a salué": X is received, Y the subject
    return free[0].actor if free else None


# A sentence opened by a participle whose first person is its object.
_PARTICIPLE_OPENING = re.compile(r"(?i)^\W*(?:en\s+)?(?:recevant|accueillant|rencontrant|receiving|"
                                 r"welcoming|meeting with)\b")


# "Celui-ci s'est engagé ...", "ce dernier": the person named last, not the subject.
_DEMONSTRATIVE_FR = re.compile(r"(?i)(?<![\w-])(?:celui-ci|celle-ci|ce dernier|cette dernière)"
                               r"(?![\w-])")


def _demonstrative_hits(profile: Profile, text: str, hits: list[Hit],
                        recent: list[Actor]) -> list[Hit]:
    """French demonstratives for the person named last (in the sentence, else before it)."""
    if profile.language != "fr" or not recent:
        return []
    out = []
    for m in _DEMONSTRATIVE_FR.finditer(text):
        if any(h.start <= m.start() < h.end for h in hits):
            continue
        before = [h.actor for h in hits if h.actor.kind == "person" and h.end <= m.start()]
        target = before[-1] if before else recent[-1]
        is_object = _is_object(profile, text, m.start())
        out.append(Hit(target, m.start(), m.end(), "pronoun", is_object))
    return out


def _pronoun_hits(profile: Profile, text: str, hits: list[Hit],
                  target: Actor | None) -> list[Hit]:
    if target is None:
        return []
    out = []
    for m in profile.pronoun.finditer(text):
        if not any(h.start <= m.start() < h.end for h in hits):
            is_object = _is_object(profile, text, m.start())
        out.append(Hit(target, m.start(), m.end(), "pronoun", is_object))
    for m in profile.possessive.finditer(text):
        out.append(Hit(target, m.start(), m.end(), "possessive"))
    return out
