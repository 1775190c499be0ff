"""Who is named where: the document's entities found in each sentence, with pronouns
and role phrases ("the Ambassador", "the Mayor of X", "he") resolved to people.

Shared by the events and commitments components; not a stable API. It reads only the
entity lists that ``entities.en.v1`` (or a test) put on the document: every name and
alias is searched as written, and people are also found by their last name when that
is unambiguous ("Thang", "Ménard").

Resolution is deliberately simple and local (issue 4):

- a *role phrase* ("the ambassador", "the Vietnamese diplomat", "the Mayor of
  Valras-Plage", "the chairman of the X Council") names the person whose title has
  that role (and that ``of`` when written), the most recently mentioned one first;
- a nominative pronoun ("he", "she") is the subject of the sentence when one came
  before it, else the subject of the previous sentences;
- a possessive ("his", "her") is the same, but never becomes a sentence subject
  ("In his speech, X said" has X as subject).

A *subject* is the first person named in a sentence outside an object phrase: a name
whose clause (text since the last comma) contains a word such as "with", "by",
"receiving" is an object, not a subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from passerelle.extract.base import Analysis, Sentence
from passerelle.records import Document

__all__ = ["Actor", "Hit", "SentenceActors", "ActorIndex", "resolve_sentences"]

# Words that make the name after them an object of the clause, not its subject.
_OBJECT_WORDS = frozenset(
    "with by for from receiving received welcoming welcomed hosting hosted thanking "
    "thanked met meets meet between and invited invite invites visited visiting visit "
    "presents presented gave give told about asked urged called call".split()
)
_PRONOUN = re.compile(r"\b(he|she|He|She|his|her|His|Her)\b")
# Role words used without a name: role phrase -> title roles that may fill it.
_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "ambassador": ("ambassador",),
    "diplomat": ("ambassador", "consul", "diplomat"),
    "consul": ("consul",),
    "mayor": ("mayor",),
    "deputy mayor": ("deputy mayor", "vice mayor"),
    "governor": ("governor", "prefect"),
    "prefect": ("prefect", "governor"),
    "vice chairman": ("vice chairman", "vice-chairman", "vice chair"),
    "vice chairwoman": ("vice chairwoman", "vice-chairwoman", "vice chair"),
    "vice president": ("vice president", "vice-president"),
    "chairman": ("chairman", "chair"),
    "chairwoman": ("chairwoman", "chair"),
    "president": ("president",),
    "secretary": ("secretary",),
    "minister": ("minister",),
    "director": ("director",),
    "official": ("",),
    "leader": ("chairman", "chairwoman", "secretary", "governor", "president", "mayor", "head",
               "prefect", "minister"),
    "host": ("",),
    "provincial leader": ("chairman", "chairwoman", "secretary", "governor", "prefect"),
}
_ROLE = re.compile(
    r"\b[Tt]he\s+(?:(?P<mod>Vietnamese|French|German|Japanese|local|provincial|city's|city’s|"
    r"municipal|regional|Party|party)\s+)?("
    + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
    + r")\b(?:\s+of\s+(?:the\s+)?([A-ZÀ-Ý][\w’'\-]*(?:\s+(?:[A-ZÀ-Ý][\w’'\-]*|of|and|de|du))*))?",
    re.IGNORECASE,
)


@dataclass
class Actor:
    """A person, organisation or place of the document, by its canonical name."""

    name: str
    kind: str  # person|organization|place
    forms: list[str]
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role lower, of)
    subkind: str = ""  # place or organisation kind
    country: str | None = None  # ISO2 of a person's or organisation's state, when known

    def title_places(self) -> list[str]:
        """What the person's titles are "of" (places or organisations), in order."""
        return [of for _, of in self.roles if of]


@dataclass
class Hit:
    """An actor named in a sentence (offsets relative to the sentence text)."""

    actor: Actor
    start: int
    end: int
    via: str = "name"  # name|role|pronoun|possessive
    is_object: bool = False


@dataclass
class SentenceActors:
    """The actors of one sentence and its subject."""

    sentence: Sentence
    hits: list[Hit]
    subject: Actor | None
    previous_subject: Actor | None
    lead: Actor | None = None  # the first subject of the segment: the story's protagonist


class ActorIndex:
    """Finds the document's entities in text."""

    def __init__(self, doc: Document) -> None:
        self.actors: list[Actor] = _actors_of(doc)
        forms: list[tuple[str, Actor]] = []
        for actor in self.actors:
            forms.extend((f, actor) for f in actor.forms)
        forms.extend(self._surnames())
        forms.sort(key=lambda fa: len(fa[0]), reverse=True)
        forms.extend(self._titled_given_names())  # last: never over a full name
        self._forms = forms
        self.by_name = {a.name: a for a in self.actors}
        self.places = {p.name: p for p in doc.places}

    def _surnames(self) -> list[tuple[str, Actor]]:
        """Last names of people, when no other entity shares them."""
        counts: dict[str, list[Actor]] = {}
        for a in self.actors:
            if a.kind == "person" and len(a.name.split()) > 1:
                counts.setdefault(_surname(a.name), []).append(a)
        taken = {f for a in self.actors for f in a.forms}
        return [
            (last, acts[0]) for last, acts in counts.items()
            if len(acts) == 1 and len(last) > 2 and last not in taken
        ]

    def _titled_given_names(self) -> list[tuple[str, Actor]]:
        """"Governor Khamphanh": a title before the first name of a person whose
        country does not write the family name first (never for Vietnamese names,
        whose first word is a family name shared by many), when no one else has it."""
        people = [a for a in self.actors if a.kind == "person" and len(a.name.split()) > 1]
        firsts = [a.name.split()[0] for a in people]
        taken = {f for a in self.actors for f in a.forms}
        out = []
        for a in people:
            first = a.name.split()[0]
            if a.country in (None, "VN") or firsts.count(first) > 1 or len(first) < 3:
                continue
            roles = {" ".join(w.capitalize() for w in r.split()) for r, _ in a.roles if r}
            out += [(f"{r} {first}", a) for r in sorted(roles) if f"{r} {first}" not in taken]
        return out

    def find(self, text: str) -> list[Hit]:
        """Names of entities in ``text``, longest first, without overlaps."""
        hits: list[Hit] = []
        for form, actor in self._forms:
            for s in _occurrences(form, text):
                e = s + len(form)
                if not any(s < h.end and h.start < e for h in hits):
                    hits.append(Hit(actor, s, e))
        return sorted(hits, key=lambda h: h.start)

    def role_holder(self, role: str, of: str | None, recent: list[Actor]) -> Actor | None:
        """The person whose title fits ``role`` (and ``of``), most recently named first."""
        wanted = _ROLE_WORDS.get(role.lower(), (role.lower(),))
        people = [a for a in self.actors if a.kind == "person"]
        fits = [a for a in people if any(_role_fits(r, o, wanted, of) for r, o in a.roles)]
        if not fits and of is None and wanted == ("",):
            fits = list(recent)
        for actor in reversed(recent):
            if actor in fits:
                return actor
        return fits[0] if len(fits) == 1 else None


def _occurrences(form: str, text: str) -> Iterator[int]:
    """Start offsets of ``form`` in ``text`` where it is not glued to a word.

    The same matches as ``(?<![\\w’'-])FORM(?![\\w-])``, with ``str.find`` instead of a
    regex per form: building one regex per sentence and name form overflowed ``re``'s
    cache and was half of the events step's time (measured by the throughput work).
    """
    n, i = len(form), text.find(form)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_-"):
            yield i
            i = text.find(form, i + n)
        else:
            i = text.find(form, i + 1)


# A Korean given name written with a hyphen ("Park Jin-ho", "Moon Jae-in") follows
# the family name, which comes first.
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _surname(name: str) -> str:
    """The family name: the last word, or the first before a hyphenated given name."""
    words = name.split()
    return words[0] if _HYPHENATED_GIVEN.match(words[-1]) else words[-1]


# Offices below the one named: "the mayor" is not the deputy mayor.
_LESSER = re.compile(r"\b(?:deputy|vice|assistant|adjoint|sub)[\s-]", re.I)


def _role_fits(role: str, of: str, wanted: tuple[str, ...], want_of: str | None) -> bool:
    if not any(w in role and (not _LESSER.search(role) or _LESSER.search(w)) for w in wanted):
        return False
    if want_of is None:
        return True
    return bool(of) and (of.lower() in want_of.lower() or want_of.lower() in of.lower())


def _actors_of(doc: Document) -> list[Actor]:
    actors = [
        Actor(p.name, "person", _forms(p.name, p.aliases),
              [(t.role.lower(), t.of or "") for t in p.titles], country=p.country)
        for p in doc.people
    ]
    actors += [Actor(o.name, "organization", _forms(o.name, o.aliases), subkind=o.kind,
                     country=o.country)
               for o in doc.organizations]
    actors += [Actor(p.name, "place", _forms(p.name, p.aliases), subkind=p.kind)
               for p in doc.places]
    return actors


def _forms(name: str, aliases: list[str]) -> list[str]:
    out = [name]
    for alias in aliases:
        if alias and alias not in out and (len(alias) > 2 or alias.isupper()):
            out.append(alias)
    return out


def resolve_sentences(analysis: Analysis) -> list[SentenceActors]:
    """Actors of every sentence, in reading order, pronouns and roles resolved.

    Results are cached on the analysis (``analysis.cache["actors"]``).
    """
    cached = analysis.cache.get("actors")
    if cached is not None:
        return cached
    index = ActorIndex(analysis.doc)
    analysis.cache["actor_index"] = index
    out: list[SentenceActors] = []
    for segment in analysis.segments:
        state = _State()
        for sent in (s for s in analysis.sentences if s.segment == segment):
            out.append(_resolve_one(index, sent, state))
            state.lead = state.lead or out[-1].subject
            out[-1].lead = state.lead
    analysis.cache["actors"] = out
    return out


@dataclass
class _State:
    subject: Actor | None = None
    lead: Actor | None = None
    recent: list[Actor] = field(default_factory=list)


def _resolve_one(index: ActorIndex, sent: Sentence, state: _State) -> SentenceActors:
    text = sent.text
    hits = index.find(text)
    hits += _role_hits(index, text, hits, state.recent)
    hits.sort(key=lambda h: h.start)
    for h in hits:
        h.is_object = _is_object(text, h.start)
    previous = state.subject
    subject = _resolve_pronouns(text, hits, previous)
    for h in hits:
        if h.actor.kind == "person":
            state.recent = [a for a in state.recent if a is not h.actor] + [h.actor]
    if subject is not None:
        state.subject = subject
    return SentenceActors(sent, hits, subject, previous)


def _role_hits(index: ActorIndex, text: str, hits: list[Hit], recent: list[Actor]) -> list[Hit]:
    out: list[Hit] = []
    for m in _ROLE.finditer(text):
        if any(m.start() < h.end and h.start < m.end() for h in hits if h.actor.kind == "person"):
            continue
        of = m.group(3)
        role = m.group(2)
        if (m.group("mod") or "").lower() == "provincial" and role.lower() == "leader":
            role = "provincial leader"  # a province is not led by a mayor
        holder = index.role_holder(role, of, recent)
        if holder is None and of:
            holder = index.role_holder(role, None, recent)
        if holder is not None:
            out.append(Hit(holder, m.start(), m.end(), "role"))
    return out


def _resolve_pronouns(text: str, hits: list[Hit], previous: Actor | None) -> Actor | None:
    """Add pronoun hits to ``hits`` and return the sentence's subject."""
    subject: Actor | None = None
    events = sorted(
        [(h.start, "hit", h) for h in hits]
        + [(m.start(), "pron", m) for m in _PRONOUN.finditer(text)],
        key=lambda e: e[0],
    )
    for _, kind, item in events:
        if kind == "hit":
            if subject is None and item.actor.kind == "person" and not item.is_object:
                subject = item.actor
            continue
        actor = _pronoun_target(hits, item.start(), subject, previous)
        if actor is None:
            continue
        possessive = item.group().lower() in ("his", "her")
        hit = Hit(actor, item.start(), item.end(), "possessive" if possessive else "pronoun",
                  _is_object(text, item.start()))
        hits.append(hit)
        if subject is None and not possessive and not hit.is_object:
            subject = actor
    hits.sort(key=lambda h: h.start)
    return subject


def _pronoun_target(
    hits: list[Hit], offset: int, subject: Actor | None, previous: Actor | None
) -> Actor | None:
    if subject is not None:
        return subject
    before = [h for h in hits if h.end <= offset and h.actor.kind == "person"]
    if before:
        return before[-1].actor
    return previous


_NAME_AND = re.compile(r"\b((?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,3})and(?=\s+[A-Z])")


def _is_object(text: str, offset: int) -> bool:
    """Is the name at ``offset`` inside an object phrase of its clause?"""
    clause = re.split(r"[,;:()–—]", text[:offset])[-1]
    # "Minister of Industry and Trade X": an "and" inside a capitalised office name
    clause = _NAME_AND.sub(r"\1", clause)
    words = {w.lower() for w in re.findall(r"[\w’']+", clause)}
    return bool(words & _OBJECT_WORDS)
