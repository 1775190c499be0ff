"""The matching rules of ``shared/spec/SCORING.md`` and one-to-one pairing.

An item to compare is a ``Names``: every name it goes by (name, aliases and, for
event participants and commitment actors, the names of the record's entity it
refers to), in normalised and place-normalised forms. Rules return a *strength*
(higher is a better candidate) or ``None`` when the items do not match; pairing
takes the strongest candidates first and uses each item at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rapidfuzz import fuzz

from passerelle.evaluate.normalize import normalize_name, normalize_place

# SCORING.md: sorted-token similarity of at least 0.9 makes two organisations or places the same.
SIMILARITY_FLOOR = 0.9
# SCORING.md: containment counts only when the shorter name has at least this many words.
CONTAINMENT_MIN_WORDS = 2

G = TypeVar("G")
P = TypeVar("P")
Strength = Callable[[Any, Any], "float | None"]


@dataclass(frozen=True)
class Names:
    """Every name of one item, as written and in the two normalised forms."""

    written: tuple[str, ...]
    norm: frozenset[str]
    place: frozenset[str]

    @property
    def label(self) -> str:
        """The first name as written, for reports."""
        return self.written[0] if self.written else ""

    def merged(self, other: Names) -> Names:
        """These names plus ``other``'s."""
        written = self.written + tuple(n for n in other.written if n not in self.written)
        return Names(written, self.norm | other.norm, self.place | other.place)


def names_of(*groups: Any) -> Names:
    """Build ``Names`` from strings, lists of strings and ``{"name", "aliases"}`` dicts.

    Args:
        groups: names in order of preference; ``None`` and empty strings are skipped.

    Returns:
        The ``Names`` of all of them.
    """
    written: list[str] = []
    for item in _flatten(groups):
        if item and item not in written:
            written.append(item)
    norm = frozenset(n for n in map(normalize_name, written) if n)
    place = frozenset(n for n in map(normalize_place, written) if n)
    return Names(tuple(written), norm, place)


def _flatten(groups: Iterable[Any]) -> Iterable[str]:
    """Yield the strings of nested names, lists and name/aliases dicts."""
    for item in groups:
        if isinstance(item, str):
            yield item
        elif isinstance(item, Mapping):
            yield from _flatten([item.get("name"), item.get("aliases") or []])
        elif isinstance(item, (list, tuple)):
            yield from _flatten(item)


def entity_names(entity: Mapping[str, Any]) -> Names:
    """The ``Names`` of a record's person, organisation or place dict."""
    return names_of(entity.get("name"), entity.get("aliases") or [])


def _similarity(a: str, b: str) -> float:
    """Sorted-token similarity in [0, 1] (rapidfuzz ``token_sort_ratio`` / 100)."""
    return fuzz.token_sort_ratio(a, b) / 100.0


def _contains(a: str, b: str) -> bool:
    """Whether one name holds the other as whole words, the shorter having >= 2 words."""
    for short, long in ((a, b), (b, a)):
        if len(short.split(" ")) >= CONTAINMENT_MIN_WORDS and f" {short} " in f" {long} ":
            return True
    return False


def _best_similarity(left: frozenset[str], right: frozenset[str]) -> float:
    """The highest similarity of any name pair (0 when a side is empty)."""
    return max((_similarity(a, b) for a in left for b in right), default=0.0)


# Strengths that order candidate pairs: equal main names, then an equal name or
# alias, then similar names (1 + similarity), then containment (the similarity).
_MAIN_EQUAL = 3.0
_SOME_EQUAL = 2.0


def people_strength(a: Names, b: Names) -> float | None:
    """People rule: a normalised name or alias of one equals one of the other.

    Returns:
        ``None`` when no name is shared; higher when the main names are equal.
    """
    if not a.norm & b.norm:
        return None
    return _MAIN_EQUAL if normalize_name(a.label) == normalize_name(b.label) else _SOME_EQUAL


def _fuzzy_strength(
    left: frozenset[str], right: frozenset[str], main_equal: bool
) -> float | None:
    """Organisation rule on two sets of normalised names."""
    if left & right:
        return _MAIN_EQUAL if main_equal else _SOME_EQUAL
    best = _best_similarity(left, right)
    if best >= SIMILARITY_FLOOR:
        return 1.0 + best
    if any(_contains(a, b) for a in left for b in right):
        return best
    return None


def organization_strength(a: Names, b: Names) -> float | None:
    """Organisations rule: equal names/aliases, containment (>= 2 words) or similarity >= 0.9."""
    main = normalize_name(a.label) == normalize_name(b.label)
    return _fuzzy_strength(a.norm, b.norm, main)


def place_strength(a: Names, b: Names) -> float | None:
    """Places rule: the organisations rule on place-normalised names."""
    main = normalize_place(a.label) == normalize_place(b.label)
    return _fuzzy_strength(a.place, b.place, main)


def any_entity_strength(a: Names, b: Names) -> float | None:
    """People, organisations or places rule, whichever is strongest."""
    found = [s for s in (organization_strength(a, b), place_strength(a, b)) if s is not None]
    return max(found) if found else None


def match_one_to_one(
    gold: Sequence[G], pred: Sequence[P], strength: Callable[[G, P], float | None]
) -> list[tuple[int, int]]:
    """Pair gold and system items one-to-one, strongest candidates first.

    Args:
        gold: the gold items.
        pred: the system items.
        strength: ``(gold item, system item) -> strength or None`` (``None``: no match).

    Returns:
        ``(gold index, system index)`` pairs; ties go to the earlier items.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = strength(g, p)
            if s is not None:
                candidates.append((-s, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


class EntityIndex:
    """The people, organisations and places of one record, to resolve names through.

    "Ambassador Thang" in an event of a record whose people hold "Dinh Toan Thang"
    with that alias resolves to every name of that person (SCORING.md).
    """

    def __init__(self, record: Mapping[str, Any]):
        self._people = [entity_names(e) for e in _dicts(record.get("people"))]
        self._orgs = [entity_names(e) for e in _dicts(record.get("organizations"))]
        self._places = [entity_names(e) for e in _dicts(record.get("places"))]

    def resolve(self, names: Names) -> Names:
        """``names`` plus the names of every entity of the record that shares one of them."""
        out = names
        for entity in self._people + self._orgs:
            if entity.norm & names.norm:
                out = out.merged(entity)
        for entity in self._places:
            if entity.norm & names.norm or entity.place & names.place:
                out = out.merged(entity)
        return out

    def resolve_places(self, names: Names) -> Names:
        """``names`` plus the names of the record's places that share one of them."""
        out = names
        for entity in self._places:
            if entity.place & names.place:
                out = out.merged(entity)
        return out


def _dicts(items: Any) -> list[Mapping[str, Any]]:
    """The dict items of a record list (anything else is skipped)."""
    return [x for x in items or [] if isinstance(x, Mapping) and x.get("name")]


__all__ = [
    "Names",
    "names_of",
    "entity_names",
    "people_strength",
    "organization_strength",
    "place_strength",
    "any_entity_strength",
    "match_one_to_one",
    "EntityIndex",
    "SIMILARITY_FLOOR",
    "CONTAINMENT_MIN_WORDS",
]
