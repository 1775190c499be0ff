"""Geocoding with the offline gazetteer (component ``geocode.gazetteer.v1``).

Runs after entity extraction. For every place of the document it picks, among the
gazetteer's homonyms, the entry the article means, and copies its coordinates, GeoNames
id, kind, country and enclosing units onto the place. The article's context decides
between homonyms: a candidate whose enclosing units are named in the article wins, then
one in a country the article names (places, people's countries, the language's country),
then the most populous. A place the gazetteer does not know keeps null coordinates:
precision comes before recall, so nothing is guessed.

The gazetteer is the "model" of this task (see ``examples-to-follow.md``, section 1):
``resolve_place`` takes any ``lookup``-like callable, so another geocoder can be swapped
in without touching the context logic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from passerelle import registry
from passerelle.extract.base import Analysis
from passerelle.geo import gazetteer
from passerelle.geo.gazetteer import GazEntry, normalize
from passerelle.records import Place

Lookup = Callable[..., list[GazEntry]]

# The country whose names an article in this language most likely uses unqualified.
LANGUAGE_COUNTRY = {"vi": "VN", "fr": "FR", "de": "DE", "ja": "JP"}


@dataclass
class Context:
    """What an article says about where it is: countries and place names it mentions.

    Attributes:
        countries: ISO2 codes the article points at, with a weight (a country named
            counts 3, a person's country 2, the country of another place or of the
            article's language 1).
        names: normalised names of the places the article mentions.
        own: for each place name, the weights its own mention added, so that a place
            is not its own context ("Georgia" must not vote for the country Georgia).
    """

    countries: dict[str, int] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    own: dict[str, dict[str, int]] = field(default_factory=dict)

    def add_country(self, iso2: str | None, weight: int = 1, by: str | None = None) -> None:
        if not iso2:
            return
        self.countries[iso2] = self.countries.get(iso2, 0) + weight
        if by is not None:
            mine = self.own.setdefault(by, {})
            mine[iso2] = mine.get(iso2, 0) + weight

    def weight(self, iso2: str | None, place: Place) -> int:
        """Weight of ``iso2`` in the article, leaving out what ``place`` added itself."""
        mine = self.own.get(normalize(place.name), {})
        return self.countries.get(iso2 or "", 0) - mine.get(iso2 or "", 0)


def build_context(places: Iterable[Place], people_countries: Iterable[str | None],
                  language: str | None, lookup: Lookup = gazetteer.lookup, *,
                  text: str = "", org_countries: Iterable[str | None] = ()) -> Context:
    """Collect the countries and place names an article mentions.

    Args:
        places: the document's places (names as written).
        people_countries: the ISO2 countries of the document's people.
        language: the article's language code.
        lookup: the gazetteer lookup.
        text: the article's text: each country it names or qualifies ("French",
            "Pháp") counts once, even when no place of that country was extracted.
        org_countries: the ISO2 countries of the document's organisations.

    Returns:
        The article's geographic context.
    """
    ctx = Context()
    for place in places:
        key = normalize(place.name)
        ctx.names.update(normalize(n) for n in [place.name, *place.aliases])
        ctx.add_country(place.country, 1, by=key)
        hits = lookup(place.name)
        if hits:
            ctx.add_country(hits[0].country, 3 if hits[0].kind == "country" else 1, by=key)
    for iso in people_countries:
        ctx.add_country(iso, 2)
    for iso in org_countries:
        ctx.add_country(iso, 1)
    for iso in sorted(countries_in_text(text)):
        ctx.add_country(iso, 1)
    ctx.add_country(LANGUAGE_COUNTRY.get(language or ""))
    return ctx


# Words of a text, and the separators that keep capitalised words in one run.
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_JOINER = re.compile(r"[ \t-]+")


def countries_in_text(text: str) -> set[str]:
    """ISO2 codes of the countries a text names or qualifies, written with a capital.

    Names of fewer than four letters are left out: in Vietnamese "Mỹ" and "Ý" are
    also common words.

    Args:
        text: any text.

    Returns:
        The codes found ("The French delegation" gives ``{"FR"}``).
    """
    found: set[str] = set()
    for run in _capitalised_runs(text):
        for start in range(len(run)):
            for end in range(min(len(run), start + 4), start, -1):
                key = " ".join(run[start:end])
                if len(normalize(key)) >= 4 and (iso := gazetteer.demonym_code(key)):
                    found.add(iso)
                    break
    return found


def _capitalised_runs(text: str) -> list[list[str]]:
    """Runs of adjacent capitalised words ("the Czech Republic" -> ["Czech", "Republic"])."""
    runs: list[list[str]] = []
    last_end = -1
    for m in _WORD.finditer(text):
        if not m.group()[0].isupper():
            last_end = -1
            continue
        if last_end >= 0 and _JOINER.fullmatch(text[last_end:m.start()]) and runs:
            runs[-1].append(m.group())
        else:
            runs.append([m.group()])
        last_end = m.end()
    return runs


def candidates(place: Place, lookup: Lookup = gazetteer.lookup) -> list[GazEntry]:
    """Gazetteer entries for the place's name and aliases, without repeats.

    Args:
        place: a place as extracted.
        lookup: the gazetteer lookup.

    Returns:
        Entries in lookup order, the written name's before its aliases'.
    """
    kind = place.kind if place.kind not in (None, "", "other") else None
    out: list[GazEntry] = []
    for name in [place.name, *place.aliases]:
        for entry in lookup(name, country=place.country, kind=kind):
            if entry not in out:
                out.append(entry)
    return out


def _score(entry: GazEntry, ctx: Context, order: int, place: Place,
           own: set[str], hint: str | None) -> tuple[int, bool, int, int, int]:
    """Sort key (lower is better); not a stable API.

    ``own`` holds the place's own names: Brest (Belarus) lies in Brest region, which
    must not count as "an enclosing unit the article names" when the article says Brest.
    ``hint`` is the kind a generic word of the text announced ("Yamaguchi Prefecture").
    """
    # The country counts too: "Laval, a town in France's Mayenne department" names two
    # enclosing units of the French Laval, one of the one in Quebec.
    parents_named = sum(1 for p in entry.parents
                        if normalize(p) in ctx.names and normalize(p) not in own)
    in_country = ctx.weight(entry.country, place)
    # Capped: a country named once and one named ten times are both "in the article".
    return (-parents_named, bool(hint) and entry.kind != hint, -min(in_country, 3), order,
            -entry.population)


def resolve_place(place: Place, ctx: Context,
                  lookup: Lookup = gazetteer.lookup) -> GazEntry | None:
    """The entry the article most likely means by ``place``, or None.

    Args:
        place: a place as extracted (name, aliases, maybe kind and country).
        ctx: the article's context (``build_context``).
        lookup: the gazetteer lookup.

    Returns:
        The chosen entry, or None when no entry has coordinates.
    """
    found = [e for e in candidates(place, lookup) if e.lat is not None and e.lon is not None
             and not _stray_namesake(e, place, ctx)]
    if not found:
        return None
    # A name read as written ranks above spelling variants; lookup already sorts
    # exact names first, so its order is kept as a tie-breaker after the context.
    own = {normalize(n) for n in [place.name, *place.aliases]}
    hint = next(filter(None, map(gazetteer.kind_hint, [place.name, *place.aliases])), None)
    ranked = sorted(enumerate(found),
                    key=lambda pair: _score(pair[1], ctx, _tier(pair[0]), place, own, hint))
    return ranked[0][1]


_ADMIN_UNITS = frozenset({"district", "province"})


def _stray_namesake(entry: GazEntry, place: Place, ctx: Context) -> bool:
    """A town abroad for a name the text calls a district or province ("Xyz district"),
    in a country the article never names: a namesake, not the place."""
    return place.kind in _ADMIN_UNITS and entry.kind not in _ADMIN_UNITS \
        and not place.country and ctx.weight(entry.country, place) == 0


def _tier(position: int) -> int:
    """Only the very first lookup hit gets a head start over the others."""
    return 0 if position == 0 else 1


def apply_entry(place: Place, entry: GazEntry) -> None:
    """Copy coordinates, id, kind, country and enclosing units of ``entry`` onto ``place``."""
    place.lat, place.lon = entry.lat, entry.lon
    place.geonames_id = entry.geonames_id
    place.kind = entry.kind
    place.country = entry.country
    place.parents = list(entry.parents)


def geocode_places(places: list[Place], people_countries: Iterable[str | None] = (),
                   language: str | None = None, lookup: Lookup = gazetteer.lookup, *,
                   text: str = "", org_countries: Iterable[str | None] = ()) -> int:
    """Geocode ``places`` in place, using each other as context.

    Args:
        places: the places of one document.
        people_countries: ISO2 countries of the document's people.
        language: the document's language code.
        lookup: the gazetteer lookup.
        text: the document's text (countries it names count as context).
        org_countries: ISO2 countries of the document's organisations.

    Returns:
        How many places received coordinates.
    """
    ctx = build_context(places, people_countries, language, lookup, text=text,
                        org_countries=org_countries)
    done = 0
    for place in places:
        entry = resolve_place(place, ctx, lookup)
        if entry is not None:
            apply_entry(place, entry)
            done += 1
    return done


@registry.register("geocode.gazetteer.v1")
def run(analysis: Analysis) -> None:
    """Give the document's places coordinates, kind, country and enclosing units.

    Args:
        analysis: the document being extracted; ``analysis.doc.places`` is updated.
    """
    doc = analysis.doc
    text = "\n".join([doc.title or "", doc.body or "", *doc.captions])
    geocode_places(doc.places, [p.country for p in doc.people], doc.language, text=text,
                   org_countries=[o.country for o in doc.organizations])


__all__ = ["Context", "build_context", "candidates", "resolve_place", "apply_entry",
           "geocode_places", "run", "LANGUAGE_COUNTRY", "countries_in_text"]
