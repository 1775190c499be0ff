"""entities.fr.v2: French people, organisations and places (sentences written for the test)."""

from __future__ import annotations

import pytest

from passerelle.extract import extract_document
from passerelle.extract.base import analyze
from passerelle.extract.entities_fr import drop_outlets, find_organizations_fr
from passerelle.extract.lang.fr import OUTLET_WORDS
from passerelle.records import Document, Mention, Person

pytest.importorskip("passerelle.extract.entities_intl")

_STEPS = {"fr": {"entities": "entities.fr.v2", "events": "", "commitments": ""}}


def _run(body: str, captions: list[str] | None = None) -> Document:
    doc = Document(id="t", body=body, captions=captions or [], language="fr",
                   published="2025-03-10")
    return extract_document(doc, overrides=_STEPS)


def _orgs(doc: Document) -> dict[str, object]:
    return {o.name: o for o in doc.organizations}


def test_embassy_in_lower_case_with_its_countries() -> None:
    doc = _run("Une délégation de l’ambassade du Vietnam en Allemagne est arrivée à Lyon mardi.")
    org = _orgs(doc)["ambassade du Vietnam en Allemagne"]
    assert org.kind == "government" and org.country == "VN"
    m = org.mentions[0]
    assert doc.body[m.start:m.end] == "ambassade du Vietnam en Allemagne"


def test_university_acronym_is_an_alias_and_later_uses_are_mentions() -> None:
    body = ("Le recteur de l'Université Lumière Lyon (ULL) a signé une convention. "
            "L'ULL recevra vingt étudiants l'an prochain.")
    org = _orgs(_run(body))["Université Lumière Lyon"]
    assert org.kind == "university" and "ULL" in org.aliases
    later = body.rindex("ULL")
    assert any(m.start == later for m in org.mentions)


def test_lower_case_university_name_closed_by_acronym() -> None:
    spans = find_organizations_fr(
        "body", "Un accord avec l'Université de sciences et de techniques maritimes (USTM) "
        "a été conclu.", [])
    assert [s.name for s in spans] == ["Université de sciences et de techniques maritimes"]
    assert spans[0].aliases == ["USTM"]


def test_metropolis_named_after_its_city_is_an_organisation_not_a_place() -> None:
    doc = _run("Le vice-président de Nantes Métropole, Paul Durand, a reçu la délégation à Nantes.")
    assert "Nantes Métropole" in _orgs(doc)
    assert "Nantes Métropole" not in {p.name for p in doc.places}
    assert "Nantes" in {p.name for p in doc.places}


def test_organisation_name_stops_before_the_holder_of_an_office() -> None:
    doc = _run("Le président du Comité populaire de Da Nang Le Trung Chinh a reçu la délégation.")
    assert "Comité populaire de Da Nang" in _orgs(doc)
    assert "Le Trung Chinh" in {p.name for p in doc.people}


def test_agency_known_by_its_full_name_and_acronym_is_one_organisation() -> None:
    doc = _run("L'Agence française de développement (AFD) finance le projet. L'AFD l'a confirmé.")
    orgs = [o for o in doc.organizations if "AFD" in [o.name, *o.aliases]]
    assert len(orgs) == 1 and orgs[0].kind == "agency"


def test_no_organisation_without_a_name() -> None:
    doc = _run("Le maire a visité une école, une université et le marché de la ville.",
               ["Photo : AFP"])
    assert doc.organizations == []
    assert doc.people == []


def test_elided_article_after_a_line_break_is_not_part_of_a_name() -> None:
    spans = find_organizations_fr(
        "body", "Il préside la Communauté urbaine Grand Reims\n\nL’ambassadeur est venu.", [])
    assert [s.name for s in spans] == ["Communauté urbaine Grand Reims"]


def test_two_organisations_joined_by_et_stay_two() -> None:
    spans = find_organizations_fr(
        "body", "Le Groupe Renault et la Banque Populaire ont signé un accord.", [])
    assert [s.name for s in spans] == ["Groupe Renault", "Banque Populaire"]


def test_committee_of_a_province_and_the_province_as_a_place() -> None:
    doc = _run("Le vice-président du Comité populaire de la province de Long An, "
               "Tran Van Can, a présenté le projet.")
    assert "Comité populaire de la province de Long An" in _orgs(doc)
    assert "Long An" in {p.name for p in doc.places}
    person = next(p for p in doc.people if p.name == "Tran Van Can")
    assert ("Vice Chairman", "Long An") in {(t.role, t.of) for t in person.titles}


def test_diplomat_serves_the_country_not_the_city_of_his_post() -> None:
    doc = _run("Le consul général de France à Hô Chi Minh-Ville, Marc Dubois, a ouvert le salon.")
    person = next(p for p in doc.people if p.name == "Marc Dubois")
    assert person.country == "FR"
    assert [(t.role, t.of) for t in person.titles] == [("Consul General", "France")]


def test_outlet_after_its_generic_word_is_not_a_person() -> None:
    body = "Selon le quotidien Ouest Matin, Paul Morin a salué l'accord."
    doc = Document(id="t", body=body, language="fr")
    doc.people = [Person("Ouest Matin", mentions=[Mention(19, 30)]),
                  Person("Paul Morin", mentions=[Mention(32, 42)])]
    drop_outlets(analyze(doc), OUTLET_WORDS)
    assert [p.name for p in doc.people] == ["Paul Morin"]


def _place_names(doc: Document) -> set[str]:
    return {p.name for p in doc.places}


def test_school_with_a_lower_case_adjective_and_its_town_is_not_a_place() -> None:
    doc = _run("Les étudiants de l'Université de Bordeaux et de l'École normale de "
               "Valence ont présenté leurs projets à Lyon.")
    assert set(_orgs(doc)) == {"Université de Bordeaux", "École normale de Valence"}
    assert "Valence" not in _place_names(doc)
    assert "Lyon" in _place_names(doc)


def test_place_name_inside_quotes_as_a_nickname_is_not_a_place() -> None:
    doc = _run("Hué, surnommée la « petite Venise » du Centre, a reçu le maire de Lyon.")
    assert "Venise" not in _place_names(doc)
    assert {"Hué", "Lyon"} <= _place_names(doc)


def test_short_and_full_names_of_a_committee_are_one_organisation() -> None:
    doc = _run("Le président du Comité populaire de la province de Thừa Thiên Huế a signé. "
               "Le Comité populaire de Thừa Thiên Huế financera le projet.")
    org = _orgs(doc)["Comité populaire de la province de Thừa Thiên Huế"]
    assert org.aliases == ["Comité populaire de Thừa Thiên Huế"]
    assert len(doc.organizations) == 1


def test_acronym_then_port_is_a_company() -> None:
    doc = _run("La délégation a visité le siège de MARLO Port, puis le port de Lorient.")
    assert _orgs(doc)["MARLO Port"].kind == "company"


def test_region_with_a_lower_case_generic_head() -> None:
    doc = _run("Il a exhorté les voyagistes à inclure les hauts plateaux du Centre.")
    assert "hauts plateaux du Centre" in _place_names(doc)


@pytest.mark.parametrize(("body", "name"), [
    ("Ils ont été reçus par le maire de Brest, Paul Hamon, et par son adjointe aux "
     "relations internationales, Anne Quéré.", "Anne Quéré"),
    ("La délégation a rencontré l'adjoint à la culture, Yves Morvan, jeudi.", "Yves Morvan"),
])
def test_deputy_with_a_portfolio_then_the_name(body: str, name: str) -> None:
    people = {p.name: p for p in _run(body).people}
    assert name in people
    title = people[name].titles[0]
    assert title.role == "Deputy Mayor" and title.of is None  # a portfolio is no body


def test_place_after_au_is_still_an_office_of() -> None:
    doc = _run("L'ambassadeur au Japon, Marc Petit, est arrivé à Lyon mardi.")
    people = {p.name: p for p in doc.people}
    assert people["Marc Petit"].titles[0].of == "Japon"
