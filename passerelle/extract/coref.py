"""One person per individual: full names, surnames and offices merged within a document.

"Dinh Toan Thang", "Ambassador Thang", "Thang" and "the Vietnamese Ambassador" are
one person when, in that article, exactly one full name fits each of them: a lone
surname is the last word of exactly one full name; an office names exactly one
person holding it (with the same "of" or nationality when one is written). Forms
that carry information ("Ambassador Thang", "Vietnamese Ambassador") become
aliases; bare offices ("the ambassador") only add mentions. Not a stable API.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from passerelle.extract import lexicon_en as lex
from passerelle.extract.organizations import country_in_name
from passerelle.extract.people import PersonMention, RawTitle, RoleMention
from passerelle.extract.placenames import place_info
from passerelle.extract.tokens import Token, fold
from passerelle.records import Mention, Person, Title

# resolve(anaphor, segment, char offset) -> name of the organisation/place referred to
Resolver = Callable[[str, str, int], "str | None"]


@dataclass
class _Group:
    forms: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    titles: list[RawTitle] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        counts = Counter(self.forms)
        return max(self.forms, key=lambda f: (counts[f], len(f.split()), -self.forms.index(f)))

    surname_key: str = ""  # folded last word of the name, set once the name is known


def build_people(
    mentions: Iterable[PersonMention],
    roles: Iterable[RoleMention],
    surnames: Iterable[tuple[str, Token]],
    resolve: Resolver,
    places: dict[str, str] | None = None,
) -> list[Person]:
    """Merge the mentions of a document into people.

    Args:
        mentions: person mentions of every segment.
        roles: office-only mentions of every segment.
        surnames: ``(segment, token)`` for every capitalised word outside other
            entities, candidates for lone-surname mentions.
        resolve: finds what "the company", "its", "the region" refer to.
        places: folded place names of the document -> country.

    Returns:
        People with names, aliases, titles, country and mentions.
    """
    mentions = list(mentions)
    groups = _group_full(m for m in mentions if m.full)
    for m in mentions:
        if not m.full:
            _attach_short(groups, m)
    for seg, tok in surnames:
        _attach_surname(groups, seg, tok)
    for r in roles:
        _attach_role(groups, r)
    return [_person(g, resolve, places or {}) for g in groups]


def _group_full(mentions: Iterable[PersonMention]) -> list[_Group]:
    by_key: dict[str, _Group] = {}
    for m in sorted(mentions, key=lambda m: -len(m.name.split())):
        key = fold(m.name)
        group = by_key.get(key) or _suffix_group(by_key, key)
        if group is None:
            group = by_key[key] = _Group()
        group.forms.append(m.name)
        group.mentions.append(Mention(m.start, m.end, m.segment))
        group.titles.extend(_in_segment(m))
    groups = list({id(g): g for g in by_key.values()}.values())
    for g in groups:
        g.surname_key = fold(g.name).split()[-1]
    return sorted(groups, key=lambda g: _first(g.mentions))


def _in_segment(m: PersonMention) -> list[RawTitle]:
    for t in m.titles:
        t.segment = m.segment
    return m.titles


def _first(mentions: list[Mention]) -> tuple[int, int]:
    return min((0 if m.segment == "body" else 1, m.start) for m in mentions)


def _suffix_group(by_key: dict[str, _Group], key: str) -> _Group | None:
    """A longer name that ends with ``key`` ("toan thang" in "dinh toan thang")."""
    hits = [g for k, g in by_key.items() if k.endswith(" " + key)]
    return hits[0] if len(set(map(id, hits))) == 1 else None


def _unique(groups: list[_Group], surname: str) -> _Group | None:
    hits = [g for g in groups if g.surname_key == surname]
    return hits[0] if len(hits) == 1 else None


def _attach_short(groups: list[_Group], m: PersonMention) -> None:
    g = _unique(groups, fold(m.name))
    if g is None:
        return
    g.mentions.append(Mention(m.start, m.end, m.segment))
    g.titles.extend(_in_segment(m))
    for alias in (m.surface, m.name):
        if alias and alias not in g.aliases:
            g.aliases.append(alias)


def _attach_surname(groups: list[_Group], segment: str, tok: Token) -> None:
    g = _unique(groups, fold(tok.text))
    if g is None:
        return
    if any(m.segment == segment and m.start <= tok.start < m.end for m in g.mentions):
        return
    g.mentions.append(Mention(tok.start, tok.end, segment))
    if tok.text not in g.aliases:
        g.aliases.append(tok.text)


def _attach_role(groups: list[_Group], r: RoleMention) -> None:
    hits = [g for g in groups if any(_same_office(t, r.title) for t in g.titles)]
    if len(hits) != 1:
        return
    g = hits[0]
    if any(m.segment == r.segment and m.start <= r.start < m.end for m in g.mentions):
        return
    g.mentions.append(Mention(r.start, r.end, r.segment))
    alias = r.text[4:] if r.text.lower().startswith("the ") else r.text
    if r.qualified and alias not in g.aliases:
        g.aliases.append(alias)


def _same_office(held: RawTitle, said: RawTitle) -> bool:
    if held.role.lower() != said.role.lower():
        return False
    if said.country and held.country and said.country != held.country:
        return False
    if said.of and held.of and not said.country:
        a, b = fold(said.of), fold(held.of)
        return a in b or b in a
    return not (said.of and not held.of and not said.country)


# ---------------------------------------------------------------- building the record


def _person(g: _Group, resolve: Resolver, places: dict[str, str]) -> Person:
    name = g.name
    titles = _titles(g.titles, resolve)
    aliases = [f for f in dict.fromkeys(g.forms + g.aliases) if f != name]
    mentions = sorted({(m.segment, m.start, m.end): m for m in g.mentions}.values(),
                      key=lambda m: (m.segment != "body", m.segment, m.start))
    return Person(name, aliases, titles, _country(g.titles, titles, places), mentions)


def _titles(raw: list[RawTitle], resolve: Resolver) -> list[Title]:
    out: dict[str, Title] = {}
    for t in raw:
        of = t.of
        if of is None and t.anaphor:
            of = resolve(t.anaphor, t.segment, t.anaphor_pos)
        key = t.role.lower()
        if key not in out or (out[key].of is None and of):
            out[key] = Title(t.role, of)
    return list(out.values())


def _country(raw: list[RawTitle], titles: list[Title], places: dict[str, str]) -> str | None:
    for t in raw:
        if t.country:
            return t.country
    for t in titles:
        if t.of and t.role.lower() not in lex.COMPANY_ROLES:
            found = country_in_name(t.of, places)
            if found:
                return found
            info = place_info(t.of)
            if info and info.country:
                return info.country
            for word in t.of.replace("’s", " ").replace("'s", " ").split():
                info = place_info(word) if word[:1].isupper() else None
                if info and info.kind in ("country", "region", "province") or \
                        info and info.population >= 100_000:
                    return info.country
    return None


__all__ = ["build_people", "Resolver"]
