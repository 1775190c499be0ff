"""Patterns found by held-out set 4 (English entities, commitments, sectors, geocoding),
each on sentences of our own: the rule fires, and it does not fire where it must not."""

from __future__ import annotations

import pytest

import passerelle.extract.commitments  # noqa: F401  (registers commitments.en.v1)
from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers entities.en.v1
from passerelle.extract.base import analyze
from passerelle.extract.sectors import sentence_weights
from passerelle.geo.geocode import geocode_places
from passerelle.records import Document, Place

from extraction_support import make_doc, run_component


def _run(body: str) -> Document:
    doc = Document("t", body, captions=[], language="en", published="2026-05-10")
    registry.get("entities.en.v1")(analyze(doc))
    return doc


def _people(doc: Document) -> list[str]:
    return [p.name for p in doc.people]


def _orgs(doc: Document) -> list[str]:
    return [o.name for o in doc.organizations]


def _places(doc: Document) -> dict[str, str | None]:
    return {p.name: p.kind for p in doc.places}


# ------------------------------------------------------------------ organisations


@pytest.mark.parametrize(("body", "name", "kind"), [
    ("The mission met researchers of Lille Université on Tuesday.", "Lille Université",
     "university"),
    ("Officials of the Da Nang Department of Transport briefed the visitors.",
     "Da Nang Department of Transport", "government"),
    ("Staff of the Cantho Department of Foreign Affairs and of the port joined them.",
     "Cantho Department of Foreign Affairs", "government"),
    ("The deal links the Thai seed producer AgriNova and a local cooperative.",
     "AgriNova", "company"),
    ("They visited the Grenoble-based software developer Vizalto last week.", "Vizalto",
     "company"),
])
def test_organisation_patterns(body: str, name: str, kind: str) -> None:
    doc = _run(body)
    assert (name, kind) in [(o.name, o.kind) for o in doc.organizations]


def test_a_french_department_is_no_administration() -> None:
    doc = _run("The delegation toured the Department of Gironde in the spring.")
    assert not any(o.kind == "government" and "Gironde" in o.name for o in doc.organizations)


def test_group_of_a_legislature_is_two_organisations() -> None:
    doc = _run("Members of the Japan-Vietnam Parliamentary Group of the House of Councillors "
               "Senate and of the Ghana-Vietnam Friendship Group of the Ghanaian Parliament "
               "arrived on Monday.")
    assert "Ghana-Vietnam Friendship Group" in _orgs(doc)
    assert "Ghanaian Parliament" in _orgs(doc)


def test_a_chamber_of_a_region_stays_whole() -> None:
    doc = _run("He met the Chamber of Commerce and Industry of the Brest-Morlaix region.")
    assert _orgs(doc) == ["Chamber of Commerce and Industry of the Brest-Morlaix region"]


def test_provincial_body_takes_the_province_named_before() -> None:
    doc = _run("A delegation of Ben Tre province led by Le Van Sang, Chairman of the "
               "provincial People's Committee, arrived in Bordeaux on Monday.")
    (p,) = [p for p in doc.people if p.name == "Le Van Sang"]
    assert [(t.role, t.of) for t in p.titles] == [("Chairman", "Ben Tre People's Committee")]
    assert "Ben Tre People's Committee" in _orgs(doc)


def test_provincial_body_without_a_province_before_stays_open() -> None:
    doc = _run("Vice Chairman of the provincial People's Committee Dao Minh Chau said more "
               "work was needed in Kien Giang.")
    assert not any(o.name.endswith("People's Committee") for o in doc.organizations)


# ------------------------------------------------------------------ people


@pytest.mark.parametrize(("body", "name", "role"), [
    ("The guests held talks with its vice president for foreign relations, Ines Duclos.",
     "Ines Duclos", "Vice President"),
    ("They were received by the director for trade and investment, Marc Olier, at noon.",
     "Marc Olier", "Director"),
    ("A group of senators, led by its chairman, senator Paul Deroche, landed in Hue.",
     "Paul Deroche", "Chairman"),
])
def test_lower_case_office_then_name_after_a_comma(body: str, name: str, role: str) -> None:
    doc = _run(body)
    (p,) = [p for p in doc.people if p.name == name]
    assert role in [t.role for t in p.titles]


@pytest.mark.parametrize(("body", "place"), [
    ("The guests toured the Dong Ho woodblock painting village on Friday.", "Dong Ho"),
    ("She will see the Bat Trang ancient village and a silk workshop.", "Bat Trang"),
    ("A new chip plant is planned in Tien Du by next year.", "Tien Du"),
    ("The investors toured the Thuan Thanh industrial park.", "Thuan Thanh"),
])
def test_named_sites_are_places_not_people(body: str, place: str) -> None:
    doc = _run(body)
    assert place not in _people(doc)
    assert place in _places(doc)


@pytest.mark.parametrize(("body", "person"), [
    ("Mayor Claire Roux met Le Van Hung in Hanoi on Monday.", "Le Van Hung"),
    ("A village elder, Tran Van Long, said the harvest was good.", "Tran Van Long"),
])
def test_people_near_place_words_stay_people(body: str, person: str) -> None:
    assert person in _people(_run(body))


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(("body", "places"), [
    ("The new ferry will stop in My Tho and Vinh Long.", {"My Tho", "Vinh Long"}),
    ("They walked to the My Son sanctuary at dawn.", {"My Son"}),
])
def test_place_names_that_start_with_a_function_word(body: str, places: set[str]) -> None:
    assert places <= set(_places(_run(body)))


def test_a_possessive_at_the_start_of_a_sentence_is_no_place() -> None:
    assert _places(_run("My Son went to Lyon.")) == {"Lyon": "city"}


@pytest.mark.parametrize(("body", "name"), [
    ("Engineers studied the Gironde estuary before the works.", "Gironde estuary"),
    ("The town lies on the Sarthe river, west of Paris.", "Sarthe river"),
])
def test_a_lower_case_feature_word_makes_the_feature(body: str, name: str) -> None:
    assert _places(_run(body)).get(name) == "natural"


def test_the_place_of_a_lower_case_port() -> None:
    doc = _run("The delegation toured the fishing port of Plouzec and the harbour of Erquy.")
    assert {"Plouzec", "Erquy"} <= set(_places(doc))


def test_a_capitalised_port_of_is_no_new_place() -> None:
    doc = _run("Officials of the Port of Ardmore Holdings met the delegation on Monday.")
    assert "Ardmore" not in _places(doc) and "Ardmore Holdings" not in _places(doc)


def test_a_large_town_known_under_an_administrative_suffix() -> None:
    doc = _run("The scholars will study in Daejeon and Seongnam for two years.")
    assert {"Daejeon", "Seongnam"} <= set(_places(doc))


def test_a_continent_after_in_is_still_no_place() -> None:
    assert _places(_run("Demand is growing in Asia and in Africa.")) == {}


def test_homonym_in_the_country_and_unit_the_article_names() -> None:
    places = [Place("Laval", [], "city", "CA"), Place("France", [], "country", "FR"),
              Place("Mayenne", [], "province", "FR"), Place("Quebec", [], "province", "CA")]
    geocode_places(places, language="en", text="Laval, a town in France's Mayenne department")
    assert places[0].country == "FR"


def test_homonym_in_quebec_when_the_article_is_about_canada() -> None:
    places = [Place("Laval", [], "city", None), Place("Canada", [], "country", "CA"),
              Place("Quebec", [], "province", "CA")]
    geocode_places(places, language="en", text="Laval, a city of Quebec in Canada")
    assert places[0].country == "CA"


# ------------------------------------------------------------------ commitments


HEAD = ("Tomas Varga", ["Varga"], [("President", "Tisza Chamber of Commerce")])
HOST = ("Ngo Thi Hanh", ["Hanh"], [("Chairwoman", "Quang Tri")])
CHAMBER = [("Tisza Chamber of Commerce", [])]
PLACES = [("Quang Tri", [], "province"), ("Tisza", [], "region")]


def _commitments(body: str) -> list[tuple[str, str]]:
    doc = make_doc(body, [HEAD, HOST], CHAMBER, PLACES)
    return [(c.actor, c.kind) for c in run_component(doc, "commitments.en.v1").commitments]


@pytest.mark.parametrize("body", [
    "Tomas Varga met Ngo Thi Hanh. He added that the chamber would organise a trade fair.",
    "Tomas Varga said the chamber would open a desk for Vietnamese firms in May.",
    "Ngo Thi Hanh thanked him. Varga said the board would train ten inspectors.",
])
def test_reported_would_of_the_speakers_body_is_a_pledge(body: str) -> None:
    assert _commitments(body)[-1][1] == "pledge"


@pytest.mark.parametrize("body", [
    "Ngo Thi Hanh and Tomas Varga signed a memorandum under which Tisza will send experts.",
    "According to the provincial press office, Ngo Thi Hanh will bring a draft charter.",
    "Tomas Varga invited Ngo Thi Hanh to Szeged in May, when the two sides hope to sign "
    "the charter.",
])
def test_terms_reports_and_later_clauses_are_no_extra_commitment(body: str) -> None:
    assert [k for _, k in _commitments(body)] in ([], ["invitation"])


# ------------------------------------------------------------------ sectors


@pytest.mark.parametrize(("text", "sector"), [
    ("The firm will train 300 local technicians over two years.", "education"),
    ("The deal covers the transfer of battery recycling technology.", "technology"),
    ("The town is known for its virtual reality festival.", "technology"),
    ("A direct air link would bring more Japanese visitors.", "tourism"),
    ("A direct air link would open in 2027.", "transport"),
    ("They studied the decarbonisation of port calls.", "climate"),
])
def test_sector_terms(text: str, sector: str) -> None:
    assert sentence_weights(text).get(sector) == 1.0


@pytest.mark.parametrize(("text", "sector"), [
    ("Students of naval architecture toured the yard.", "defence"),
    ("Students of naval architecture toured the yard.", "urban"),
    ("They toured the fishing port of the town.", "transport"),
    ("The mayor will transfer skills and technology to partners.", "technology"),
    ("The Parliamentary Friendship Group met the friendship group of the senate.", "community"),
    ("Farmers grow high-tech agriculture crops.", "technology"),
])
def test_sector_terms_that_must_not_fire(text: str, sector: str) -> None:
    assert sentence_weights(text).get(sector, 0.0) < 1.0


@pytest.mark.parametrize(("text", "language", "sector", "weight"), [
    ("Le groupe étudie la décarbonation des navires.", "fr", "climate", 1.0),
    ("hỗ trợ số hóa tài liệu lưu trữ", "vi", "technology", 1.0),
    ("khu di sản văn hóa thế giới", "vi", "culture", 0.0),
    ("phát triển nông nghiệp công nghệ cao", "vi", "technology", 0.5),
])
def test_sector_terms_fr_vi(text: str, language: str, sector: str, weight: float) -> None:
    assert sentence_weights(text, language).get(sector, 0.0) == weight
