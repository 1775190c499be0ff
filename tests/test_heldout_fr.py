"""Blind French held-out check: eight French articles, gold written before any run.

``tests/fixtures/heldout_fr/input.jsonl`` holds scraped-looking pages of French-language
Vietnamese and French outlets (title, "Publié le ..." stamp, a caption with a
"Photo : NAME" credit, a "Par ..." byline, the story, then "Lire aussi" teasers) and
``gold.jsonl`` their hand-written records (RECORD.md conventions, roles in English;
``build.py`` writes both). The real pipeline runs (``read_sources`` then
``extract_document``) and every field must stay at or above the value measured after
the French generalisation fixes minus 0.1, rounded down to 0.05. Article f08 (a storm
in central Vietnam) states no cooperation at all: no event and no commitment.

The second half checks each French pattern those fixes added on sentences written for
this test (not taken from the fixture).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from passerelle.extract import extract_document
from passerelle.records import Document

from heldout_support import assert_field_floor, check_evidence, heldout_fixtures

HELDOUT_FR = Path(__file__).parent / "fixtures" / "heldout_fr"
NO_COOPERATION = "f08"
IDS = [f"f{i:02d}" for i in range(1, 9)]

# Blind measurement, 2026-11-27, before any French fix (title 0.88, published 1.00,
# body 1.00, people 0.87, titles 1.00, orgs 0.77, places 0.82, geocoding 1.00, visits
# 0.75, meetings 0.42, commitments 0.84, actors 0.84, sectors 0.85; headline 0.76).
# After the fixes: title 0.88, people 1.00, titles 1.00, orgs 0.98, places 0.91, geocoding
# 0.98, visits 1.00, meetings 0.86, commitments 1.00, actors 1.00, sectors 0.85 (headline
# 0.94). Floors: those figures minus 0.1, rounded down to 0.05.
FLOORS: dict[str, float] = {
    "title": 0.75,
    "published": 0.90,
    "body": 0.90,
    "people": 0.90,
    "people_titles": 0.90,
    "organizations": 0.85,
    "places": 0.80,
    "geocoding": 0.85,
    "visits": 0.90,
    "meetings": 0.75,
    "commitments": 0.90,
    "commitment_actors": 0.90,
    "sectors": 0.70,
}


records, gold = heldout_fixtures(HELDOUT_FR)


def test_fixture_is_eight_french_articles(gold: list[dict[str, Any]]) -> None:
    assert [g["id"] for g in gold] == IDS
    assert {g["language"] for g in gold} == {"fr"}
    for g in gold:
        assert 250 <= len(g["body"].split()) <= 450, g["id"]


def test_every_article_is_read_as_french(records: list[dict[str, Any]]) -> None:
    assert sorted(r["id"] for r in records) == IDS
    assert {r["language"] for r in records} == {"fr"}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor(field: str, gold: list[dict[str, Any]],
                     records: list[dict[str, Any]]) -> None:
    assert_field_floor(field, FLOORS, gold, records, "fr")


def test_no_cooperation_article_has_no_events_or_commitments(
    records: list[dict[str, Any]], gold: list[dict[str, Any]],
) -> None:
    domestic = next(r for r in records if r["id"] == NO_COOPERATION)
    assert domestic["events"] == [] and domestic["commitments"] == []
    truth = next(g for g in gold if g["id"] == NO_COOPERATION)
    assert truth["events"] == [] and truth["commitments"] == []


def test_every_evidence_is_a_substring_of_body_or_caption(
    records: list[dict[str, Any]],
) -> None:
    assert check_evidence(records) > 20, "too few events and commitments were extracted"


# ---------------------------------------------------------------- French patterns


def _run(body: str) -> Document:
    return extract_document(Document(id="t", body=body, language="fr", published="2025-05-20"))


def _people(doc: Document) -> dict[str, list[str]]:
    return {p.name: [t.role for t in p.titles] for p in doc.people}


def _meetings(doc: Document) -> list[set[str]]:
    return [set(e.participants) for e in doc.events if e.type == "meeting"]


@pytest.mark.parametrize("body, name, role", [
    ("La délégation a été reçue par l’adjoint à la maire de Lille chargé de la culture, "
     "Paul Mercier, au beffroi.", "Paul Mercier", "Deputy Mayor"),
    ("La vice-présidente du conseil départemental du Gard chargée des collèges, Anne Vidal, "
     "a ouvert la séance.", "Anne Vidal", "Vice President"),
    ("Le directeur du centre, Lucien Marchand, a présenté les résultats de l’année.",
     "Lucien Marchand", "Director"),
    ("Ils ont été accueillis par la directrice des relations internationales du groupe, "
     "Nadia Ferreira, à Nantes.", "Nadia Ferreira", "Director of International Relations"),
])
def test_office_holder_after_a_charge_clause_or_a_generic_body(body: str, name: str,
                                                                role: str) -> None:
    assert role in _people(_run(body)).get(name, []), _people(_run(body))


def test_president_ho_chi_minh_is_a_person_not_the_city() -> None:
    doc = _run("Les élèves ont visité la maison natale du président Hô Chi Minh, puis "
               "sont rentrés à Hô Chi Minh-Ville.")
    assert "President" in _people(doc).get("Hô Chi Minh", [])
    assert [p.name for p in doc.places] == ["Hô Chi Minh-Ville"]


def test_natural_features_storms_and_marked_towns() -> None:
    doc = _run("Le Japon suit la tempête Kajiki au-dessus de la mer Orientale. Le delta du "
               "Mékong et la ville de Vinh ont été épargnés, l’aéroport de Dong Hoi a rouvert.")
    names = {p.name for p in doc.places}
    assert {"mer Orientale", "delta du Mékong", "Vinh", "Dong Hoi"} <= names
    assert "Kajiki" not in names and "Mékong" not in names


def test_country_after_a_capitalised_article() -> None:
    doc = _run("Le Vietnam exporte du riz vers de nombreux marchés.")
    assert [p.name for p in doc.places] == ["Vietnam"]


def test_passive_reception_is_a_meeting_with_the_visitor() -> None:
    doc = _run("Le consul Tran Van Minh a effectué une visite de travail à Lyon du 12 au "
               "14 mai. Le 13 mai, il a été reçu à l’hôtel de ville par le maire de Lyon, "
               "Gérard Collomb-Dupuis.")
    assert {"Tran Van Minh", "Gérard Collomb-Dupuis"} in _meetings(doc)


def test_passive_reception_of_an_unnamed_delegation_is_no_meeting() -> None:
    doc = _run("La maire de Rennes, Sylvie Garnier, a présenté le budget. La veille, la "
               "délégation avait été reçue par le président du conseil régional de "
               "Bretagne, Loïc Le Bris.")
    assert _meetings(doc) == []


def test_meetings_with_bodies_only_are_one_meeting_each() -> None:
    doc = _run("Une délégation de la province de Ben Tre, conduite par le vice-président du "
               "Comité populaire provincial, Ho Van Nam, est en visite de travail en "
               "Bretagne du 3 au 6 mai. Pendant son séjour, la délégation a rencontré les "
               "dirigeants de la coopérative laitière Terres d’Armor et a visité le musée "
               "Dobrée.")
    meetings = _meetings(doc)
    assert {"Ho Van Nam", "coopérative laitière Terres d’Armor"} in meetings
    assert {"Ho Van Nam", "musée Dobrée"} in meetings
    assert not [e for e in doc.events if e.type == "visit" and e.place != "Bretagne"]


def test_visiting_a_named_company_is_a_meeting_not_a_visit() -> None:
    doc = _run("L’ambassadeur Vu Quang Huy a effectué une visite de travail en Gironde du 2 "
               "au 4 mai. Au cours de son séjour, il a visité le site de Thales à Mérignac.")
    assert {"Vu Quang Huy", "Thales"} in _meetings(doc)
    assert [e.place for e in doc.events if e.type == "visit"] == ["Gironde"]


def test_stay_in_a_city_is_a_visit() -> None:
    doc = _run("Une délégation de la ville de Hué, conduite par son vice-président Tran Huu "
               "Loc, a séjourné à Lyon du 5 au 9 mai.")
    visits = [e for e in doc.events if e.type == "visit"]
    assert [(v.participants, v.place, v.start, v.end) for v in visits] == [
        (["Tran Huu Loc"], "Lyon", "2025-05-05", "2025-05-09")]


@pytest.mark.parametrize("body, actor, kind", [
    ("La maire de Dijon, Marie Duclos, a reçu le consul Le Van Hai. Les deux parties "
     "sont convenues d’organiser un forum à Hué.", None, "agreement"),
    ("La maire de Dijon, Marie Duclos, a annoncé que la ville s’engageait à financer "
     "deux bourses.", "Marie Duclos", "pledge"),
    ("Le président du conseil départemental, Marc Vignal, a répondu que le département "
     "était prêt à accueillir des stagiaires.", "Marc Vignal", "pledge"),
    ("Le consul Le Van Hai a assuré que le consulat apporterait son soutien au projet.",
     "Le Van Hai", "pledge"),
])
def test_feminine_imperfect_and_conditional_commitments(body: str, actor: str | None,
                                                          kind: str) -> None:
    found = [(c.actor, c.kind) for c in _run(body).commitments]
    assert any(k == kind and (actor is None or a == actor) for a, k in found), found


def test_bare_company_and_lower_case_museum_names() -> None:
    doc = _run("La délégation a rencontré des ingénieurs d’Airbus puis a visité le musée "
               "Guimet et la CCI Nice Côte d’Azur.")
    names = {o.name for o in doc.organizations}
    assert {"Airbus", "musée Guimet"} <= names
    assert any(n.startswith("CCI Nice") for n in names), names


@pytest.mark.parametrize("body, name, alias", [
    ("Selon l’Institut national de recherche agronomique, la saison sera bonne.",
     "Institut national de recherche agronomique", None),
    ("Ils ont rencontré des experts de l’Observatoire régional de l’eau (Orée), à Lille.",
     "Observatoire régional de l’eau", "Orée"),
])
def test_capitalised_body_with_a_lower_case_name(body: str, name: str,
                                                 alias: str | None) -> None:
    orgs = {o.name: o for o in _run(body).organizations}
    assert name in orgs, list(orgs)
    assert alias is None or alias in orgs[name].aliases


def test_a_capitalised_head_before_a_verb_is_no_body() -> None:
    doc = _run("Dans cette province, le Comité exige des garanties et le Centre ferme à midi.")
    assert doc.organizations == []


@pytest.mark.parametrize("body, actor, kind", [
    ("L’ambassadeur Ho Van Duc s’est dit prêt à soutenir les projets de la commune.",
     "Ho Van Duc", "pledge"),
    ("La préfète du Tarn, Julie Mazet, a dit souhaiter accueillir des étudiants vietnamiens.",
     "Julie Mazet", "intent"),
    ("Le maire d’Albi, Denis Pujol, a plaidé pour un jumelage entre les deux villes.",
     "Denis Pujol", "proposal"),
    ("Le maire d’Albi, Denis Pujol, a adressé une invitation au consul Ho Van Duc.",
     "Denis Pujol", "invitation"),
])
def test_more_french_commitment_phrases(body: str, actor: str, kind: str) -> None:
    found = [(c.actor, c.kind) for c in _run(body).commitments]
    assert (actor, kind) in found, found


def test_exchanging_with_someone_is_a_meeting() -> None:
    doc = _run("Le maire d’Albi, Denis Pujol, a échangé avec le consul Ho Van Duc sur le sport.")
    assert {"Denis Pujol", "Ho Van Duc"} in _meetings(doc)


@pytest.mark.parametrize("body, name, role", [
    ("Le Premier ministre a reçu le ministre français des Sports, Hugo Vallet, à Hanoï.",
     "Hugo Vallet", "Minister"),
    ("Le secrétaire du Comité provincial du Parti, Vo Van Tam, a salué les invités.",
     "Vo Van Tam", "Secretary"),
    ("Le vice-ministre des Affaires étrangères Bui Thanh Son a rencontré des étudiants.",
     "Bui Thanh Son", "Deputy Minister"),
])
def test_more_french_offices(body: str, name: str, role: str) -> None:
    assert role in _people(_run(body)).get(name, []), _people(_run(body))


def test_a_leading_preposition_is_not_part_of_the_name() -> None:
    doc = _run("Selon Tran Thi Lan, directrice de l’école, la rentrée aura lieu lundi.")
    assert "Tran Thi Lan" in _people(doc) and "Selon Tran Thi Lan" not in _people(doc)


def test_contracted_article_names_le_havre_and_le_mans() -> None:
    doc = _run("Le maire du Havre, Julien Roux, a reçu le consul Ho Van Duc, de retour du Mans.")
    assert {"Le Havre", "Le Mans"} <= {p.name for p in doc.places}
    assert [t.of for t in next(p for p in doc.people if p.name == "Julien Roux").titles] == [
        "Le Havre"]


def test_meeting_between_two_named_people_and_with_a_body() -> None:
    doc = _run("Lors de la rencontre entre la maire de Lille, Anne Morel, et l’ambassadeur "
               "Dinh Van Hoa, la santé a été évoquée. Le consul Le Van Hai a tenu une séance "
               "de travail avec les dirigeants de l’Université de Lille.")
    meetings = _meetings(doc)
    assert {"Anne Morel", "Dinh Van Hoa"} in meetings
    assert {"Le Van Hai", "Université de Lille"} in meetings


def test_an_article_and_a_unit_word_are_no_place() -> None:
    doc = _run("La province de Kon Tum espère accueillir des médecins. Cette ville est calme.")
    assert [p.name for p in doc.places] == ["Kon Tum"]
    assert [(c.actor, c.kind) for c in doc.commitments] == [("Kon Tum", "intent")]


def test_a_body_named_earlier_commits_by_its_head_word() -> None:
    doc = _run("Le directeur de la CCI Nice Côte d’Azur, Marc Alba, a présenté ses services. "
               "La chambre s’est engagée à ouvrir un bureau à Hanoï.")
    assert [(c.actor, c.kind) for c in doc.commitments] == [("CCI Nice Côte d’Azur", "pledge")]
    assert _run("La chambre est prête à aider les exportateurs.").commitments == []
