"""Geocoding places with the article's context (component ``geocode.gazetteer.v1``)."""

from __future__ import annotations

import json
import math

import pytest

from passerelle import registry
from passerelle.extract import analyze, load_builtins
from passerelle.geo.geocode import build_context, countries_in_text, geocode_places, resolve_place
from passerelle.records import Document, Person, Place

# Distances (km) within which a coordinate counts as right (shared/spec/SCORING.md).
TOLERANCE = {"city": 50, "district": 50, "natural": 50, "other": 50, "province": 150,
             "region": 150, "country": 600}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _geocode(names: list[str], countries: list[str | None] = (), language: str = "en"):
    places = [Place(n) for n in names]
    geocode_places(places, countries, language)
    return {p.name: p for p in places}


@pytest.mark.parametrize(
    ("names", "target", "country", "kind"),
    [
        (["Nice", "France"], "Nice", "FR", "city"),
        (["Georgia", "Atlanta", "United States"], "Georgia", "US", "region"),
        (["Georgia", "Tbilisi"], "Georgia", "GE", "country"),
        (["Brest", "France", "Hai Phong"], "Brest", "FR", "city"),
        (["Paris", "Texas"], "Paris", "US", "city"),
        (["Paris", "Vietnam"], "Paris", "FR", "city"),
    ],
)
def test_homonyms_follow_the_article_context(names, target, country, kind):
    place = _geocode(names)[target]
    assert (place.country, place.kind) == (country, kind)


def test_generic_word_in_an_alias_picks_the_unit():
    places = [Place("Yamaguchi", aliases=["Yamaguchi Prefecture"]), Place("Japan")]
    geocode_places(places, [], "en")
    assert places[0].kind == "province"


def test_abbreviation_is_not_a_village_even_in_context():
    place = _geocode(["US", "France", "Nantes"])["US"]
    assert (place.kind, place.country) == ("country", "US")


def test_people_countries_count_as_context():
    places = [Place("Georgia")]
    geocode_places(places, ["US", "US"], "en")
    assert places[0].country == "US"


def test_fills_every_field_of_a_resolved_place():
    place = _geocode(["Valras-Plage", "Hérault"])["Valras-Plage"]
    assert place.kind == "city" and place.country == "FR" and place.geonames_id == 2970839
    assert place.parents == ["Hérault", "Occitanie", "France"]
    assert _km(place.lat, place.lon, 43.248, 3.291) < 5


def test_unknown_place_keeps_null_coordinates():
    place = _geocode(["Chadignac Lycée Hall", "France"])["Chadignac Lycée Hall"]
    assert (place.lat, place.lon, place.geonames_id) == (None, None, None)
    assert place.kind == "other"


def test_aliases_help_when_the_name_is_unknown():
    place = Place("Thành phố mang tên Bác", aliases=["Saigon"])
    geocode_places([place], [], "vi")
    assert place.geonames_id == 1566083


def test_context_collects_countries_and_names():
    ctx = build_context([Place("Vietnam"), Place("Hérault")], ["FR"], "vi")
    assert ctx.countries["VN"] >= 3 and ctx.countries["FR"] >= 2
    assert "herault" in ctx.names


def test_resolve_place_accepts_another_lookup():
    """The gazetteer is the task's model: any lookup-like callable can stand in."""
    from passerelle.geo.gazetteer import GazEntry

    fake = GazEntry("Atlantis", "city", "GR", 36.4, 25.4, None, 1)
    ctx = build_context([], [], "en", lookup=lambda *a, **k: [fake])
    assert resolve_place(Place("Atlantis"), ctx, lookup=lambda *a, **k: [fake]) == fake


def test_component_runs_on_a_document():
    load_builtins()
    doc = Document(id="t1", body="The mayor of Valras-Plage welcomed a delegation from Hanoi.",
                   language="en", places=[Place("Valras-Plage"), Place("Hanoi")],
                   people=[Person("Someone", country="FR")])
    registry.get("geocode.gazetteer.v1")(analyze(doc))
    assert [p.country for p in doc.places] == ["FR", "VN"]
    assert all(p.lat is not None for p in doc.places)


def test_dev_gold_geocoding_accuracy(shared_dir):
    """Given gold place names only, coordinates land within the scoring distances."""
    ok = total = 0
    for name in ("gold.jsonl", "gold-seeds.jsonl"):
        for line in (shared_dir / "corpus" / "dev" / name).read_text("utf-8").splitlines():
            rec = json.loads(line)
            gold = [p for p in rec.get("places") or [] if p.get("lat") is not None]
            places = [Place(p["name"]) for p in gold]
            geocode_places(places, [p.get("country") for p in rec.get("people") or []],
                           rec.get("language"))
            for g, p in zip(gold, places):
                total += 1
                ok += p.lat is not None and _km(g["lat"], g["lon"], p.lat, p.lon) <= \
                    TOLERANCE[g["kind"]]
    assert total > 50
    assert ok / total >= 0.90


# ------------------------------------------------------------ context from the text


def test_country_named_only_in_the_text_decides_a_homonym():
    """Brest (Belarus) is larger; an article about a French delegation means Brittany's."""
    alone = [Place("Brest")]
    geocode_places(alone, [], "en", text="Brest hosted a delegation.")
    french = [Place("Brest")]
    geocode_places(french, [], "en", text="A French delegation from Brest visited Ha Long.")
    assert (alone[0].country, french[0].country) == ("BY", "FR")


def test_organisation_countries_count_as_context():
    places = [Place("Brest")]
    geocode_places(places, [], "en", org_countries=["FR"])
    assert places[0].parents[:2] == ["Finistère", "Bretagne"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [("The French delegation met the Czech Republic's envoy.", {"FR", "CZ"}),
     ("Đoàn công tác của Pháp thăm Hàn Quốc.", {"FR", "KR"}),
     ("Ý kiến của ông Mỹ được ghi nhận.", set()),  # short words are common words too
     ("french wine and korean food", set())],  # only capitalised words count
)
def test_countries_in_text(text, codes):
    assert countries_in_text(text) == codes


def test_component_reads_the_body_for_countries():
    load_builtins()
    doc = Document(id="t2", body="A French business delegation from Brest arrived on Monday.",
                   language="en", places=[Place("Brest")])
    registry.get("geocode.gazetteer.v1")(analyze(doc))
    assert doc.places[0].country == "FR"


@pytest.mark.parametrize(
    ("names", "target", "expected"),
    [(["Vinh", "Vietnam"], "Vinh", "Vinh"),
     (["Vinh city", "Nghe An"], "Vinh city", "Vinh"),
     (["Huong", "Hue"], "Huong", "Perfume River"),
     (["Thu Bon", "Hoi An"], "Thu Bon", "Thu Bon River"),
     (["Imperial Citadel", "Hue"], "Imperial Citadel", "Hue Imperial City"),
     (["Imperial Citadel", "Hanoi"], "Imperial Citadel", "Imperial Citadel of Thang Long"),
     (["Nam Can", "Nghe An", "Laos"], "Nam Can", "Nam Can Border Gate"),
     (["Cai Lan", "Quang Ninh"], "Cai Lan", "Cai Lan Port"),
     (["Xieng Khouang", "Laos"], "Xieng Khouang", "Xiangkhouang"),
     (["Republic of Korea", "Vietnam"], "Republic of Korea", "South Korea")],
)
def test_short_and_generic_names_resolve_with_context(names, target, expected):
    from passerelle.geo.gazetteer import lookup

    place = _geocode(names)[target]
    wanted = [e for e in lookup(expected) if e.name == expected]
    assert place.lat is not None and wanted
    assert any(_km(place.lat, place.lon, e.lat, e.lon) < 1 for e in wanted), place


def test_nam_can_without_a_border_context_is_the_southern_town():
    place = _geocode(["Nam Can", "Ca Mau"])["Nam Can"]
    assert place.kind == "city" and place.lat < 10


def test_district_is_not_a_namesake_town_abroad():
    places = [Place("Hat", kind="district"), Place("Laos"), Place("Luang Prabang")]
    geocode_places(places)
    assert places[0].lat is None and places[0].country != "IN"


def test_district_keeps_a_town_of_a_country_the_article_names():
    places = [Place("Hat", kind="district"), Place("India")]
    geocode_places(places)
    assert places[0].country == "IN"
