"""Patterns found by held-out set 6 (English organisations, offices, commitments and
sectors), each on sentences of our own: the rule fires, and it does not fire where it
must not."""

from __future__ import annotations

import pytest

import passerelle.extract.commitments  # noqa: F401  (registers commitments.en.v1)
from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers entities.en.v1
from passerelle.extract.base import analyze
from passerelle.records import Document


def _run(body: str) -> Document:
    doc = Document("t", body, captions=[], language="en", published="2026-05-10")
    registry.get("entities.en.v1")(analyze(doc))
    return doc


def _orgs(doc: Document) -> list[str]:
    return [o.name for o in doc.organizations]


def _places(doc: Document) -> list[str]:
    return [p.name for p in doc.places]


# ------------------------------------------------------------------ organisations


@pytest.mark.parametrize(("body", "org"), [
    # a metropolitan body named after its city is a body, not the place
    ("Montpellier Métropole signed the accord with the province.", "Montpellier Métropole"),
    ("The mayor thanked Lorient Agglomération for its support.", "Lorient Agglomération"),
    # a French university name goes on after "Université"
    ("Many students enrol at the Université Grenoble Alpes every year.",
     "Université Grenoble Alpes"),
    ("She teaches at Université Paris Cité in the Latin Quarter.", "Université Paris Cité"),
    # a chamber written as "CCI" first
    ("The seminar was run by CCI France Japon in Osaka.", "CCI France Japon"),
    # a navy and a pharmaceutical company by their last word
    ("A frigate of the Italian Navy docked on Monday.", "Italian Navy"),
    ("The delegation toured a plant of Norvel Pharma near Lyon.", "Norvel Pharma"),
    # a French name with lower-case words, spelt out before its acronym
    ("They met the Institut national de la recherche agronomique (INRA) in Paris.",
     "Institut national de la recherche agronomique"),
    # a capitalised name before a lower-case cluster or technopole noun
    ("Engineers of the Minalogic cluster joined the mission.", "Minalogic"),
    ("The team spent a day at the Sophia Antipolis technopole.", "Sophia Antipolis"),
    # a company noun or agency noun before an acronym
    ("Experts from the German space agency DLR attended.", "DLR"),
    # an acronym after "the", then a stop or "and"
    ("The lab is a joint unit of the INSERM and the city's university.", "INSERM"),
])
def test_organisation_is_found(body, org):
    assert org in _orgs(_run(body))


def test_a_metropolitan_body_is_no_place():
    doc = _run("Nantes Métropole will host the fair in Nantes.")
    assert "Nantes Métropole" in _orgs(doc)
    assert "Nantes Métropole" not in _places(doc)


def test_a_spelt_out_acronym_needs_an_organisation_word():
    doc = _run("The province received Official Development Assistance (ODA) last year.")
    assert _orgs(doc) == []


def test_a_chamber_of_commerce_with_its_acronym_stays_one_name():
    orgs = _orgs(_run("The group then called on the Chamber of Commerce and Industry (CCI) of "
                      "Occitanie region on Monday."))
    assert len(orgs) == 1 and orgs[0].startswith("Chamber of Commerce and Industry")


@pytest.mark.parametrize("body", [
    "Leaders gathered for the APEC summit in Lima.",  # an acronym before a noun: an event
    "The talks covered the COVID-19 recovery.",
    "He studied the Vietnamese cluster of craft villages.",  # no name before the noun
    "Investors in the Hanoi cluster were pleased.",  # a place before the noun
])
def test_no_organisation_from_these(body):
    assert _orgs(_run(body)) == []


# ------------------------------------------------------------------ people and offices


def _titles(doc: Document) -> dict[str, list[tuple[str, str | None]]]:
    return {p.name: [(t.role, t.of) for t in p.titles] for p in doc.people}


@pytest.mark.parametrize(("body", "name", "role"), [
    # a capitalised office after a determiner, then the name set off by commas
    ("They met the Nantes Chamber of Trade, whose Director, Anne Le Floch, spoke.",
     "Anne Le Floch", "Director"),
    ("The minister met our own Secretary-General, Marc Vidal, and two members.",
     "Marc Vidal", "Secretary-General"),
    ("She will see the Vice Chairman of the Hue People's Committee, Ngo Thi Lan Anh, "
     "on Friday.", "Ngo Thi Lan Anh", "Vice Chairman"),
    ("Director-General Paul Roux opened the forum.", "Paul Roux", "Director-General"),
])
def test_office_then_name_after_a_comma(body, name, role):
    titles = _titles(_run(body))
    assert name in titles, titles
    assert role in [r for r, _ in titles[name]]


def test_an_office_then_places_after_a_comma_is_no_person():
    assert _titles(_run("He thanked the Ambassador, Paris and Lyon for their help.")) == {}


@pytest.mark.parametrize(("body", "name", "title"), [
    # "Chargé d'affaires": the elided "d'" joins the office; "a.i." does not cut it off
    ("The governor received Anne Roy, Chargé d'affaires a.i. of the French Embassy in "
     "Laos, on Monday.", "Anne Roy", ("Chargé d'Affaires", "French Embassy in Laos")),
    ("The chairman gave a gift to Chargé d'affaires ad interim Paul Duval.", "Paul Duval",
     ("Chargé d'Affaires", None)),
    ("Chargé d'Affaires Marc Petit opened the fair.", "Marc Petit", ("Chargé d'Affaires", None)),
])
def test_charge_d_affaires(body, name, title):
    doc = _run(body)
    assert title in _titles(doc).get(name, []), _titles(doc)
    assert "Chargé" not in _places(doc)


def test_a_month_does_not_start_an_organisation_name():
    orgs = _orgs(_run("They will hold a fair in June for CCI France Japon members."))
    assert orgs == ["CCI France Japon"]


def test_a_legal_form_counts_in_capitals_only():
    doc = _run("The frigate called at Son Sa port on Friday. Norvia SA signed a deal.")
    assert _orgs(doc) == ["Norvia SA"]


@pytest.mark.parametrize("body", [
    "The stroke unit opened at the Hanoi hospital in February.",
    "She spoke at the French hospital federation congress.",
    "Teachers of a Vietnamese university came along.",
])
def test_a_big_place_or_nationality_with_a_bare_noun_is_no_name(body):
    assert _orgs(_run(body)) == []


@pytest.mark.parametrize(("body", "org"), [
    ("Pupils of the Nam Dinh vocational school came.", "Nam Dinh vocational school"),
    ("Pilots will train at the Brest maritime school.", "Brest maritime school"),
])
def test_a_named_school_with_a_modifier_stays(body, org):
    assert org in _orgs(_run(body))


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(("body", "place"), [
    ("The delegation toured the Dinh Vu industrial zone on Friday.", "Dinh Vu"),
    ("Investors visited the Nhon Hoi open economic zone.", "Nhon Hoi"),
])
def test_a_named_zone_is_a_place(body, place):
    assert place in _places(_run(body))


def test_roman_heritage_is_no_place():
    assert "Roman" not in _places(_run("The town is proud of its Roman heritage."))
