"""French and Vietnamese patterns found by held-out set 6, on sentences of our own.

Each pattern has sentences that must fire and at least one that must not (precision
first). The whole extraction runs (``extract_document``), as on an article.
"""

from __future__ import annotations

import pytest

from passerelle.records import Document

from extraction_support import extract_text as _extract
from extraction_support import titles_by_person as _titles


def _meetings(doc: Document) -> list[set[str]]:
    return [set(e.participants) for e in doc.events if e.type == "meeting"]


def _commitments(doc: Document) -> set[tuple[str, str]]:
    return {(c.actor, c.kind) for c in doc.commitments}


def _orgs(doc: Document) -> set[str]:
    return {o.name for o in doc.organizations}


def _places(doc: Document) -> set[str]:
    return {p.name for p in doc.places}


# --- French organisations -----------------------------------------------------------


@pytest.mark.parametrize(("body", "name"), [
    ("Les étudiants ont rencontré l'université Grenoble Alpes sur les stages.",
     "université Grenoble Alpes"),
    ("Mardi, l'Union des Cambodgiens de Lyon a ouvert sa fête annuelle.",
     "Union des Cambodgiens de Lyon"),
    ("Le sénateur préside le groupe d'amitié France-Laos depuis deux ans.",
     "groupe d'amitié France-Laos"),
    ("Le président du conseil régional, Paul Ferrand, a parlé de l'eau.", "conseil régional"),
    ("La grotte est inscrite au patrimoine mondial de l'Unesco depuis 2001.", "Unesco"),
    ("L'agence Business France organise une mission à Lyon.", "Business France"),
])
def test_french_bodies_named_as_news_writes_them(body: str, name: str) -> None:
    assert name in _orgs(_extract(body, "fr"))


def test_lower_case_union_or_lone_university_word_is_no_body() -> None:
    doc = _extract("Une union des forces est nécessaire, a dit l'université en mai.", "fr")
    assert _orgs(doc) == set()


def test_bare_council_needs_a_determiner_before_it() -> None:
    doc = _extract("Un conseil régional extraordinaire se tiendra en juin à Lyon.", "fr")
    assert "conseil régional" not in _orgs(doc)


# --- French places --------------------------------------------------------------------


@pytest.mark.parametrize(("body", "name"), [
    ("L'association compte 500 familles dans la région Provence-Alpes-Côte d'Azur.",
     "Provence-Alpes-Côte d'Azur"),
    ("La fête aura lieu le 3 au parc Borély, près de la mer.", "parc Borély"),
    ("Le tournoi s'est tenu au complexe sportif Delort samedi.", "complexe sportif Delort"),
    ("Jeudi, la délégation a visité la station de La Rosière.", "La Rosière"),
    ("Les élus ont visité la station de ski de Flaine en février.", "Flaine"),
])
def test_french_places_the_shared_step_misses(body: str, name: str) -> None:
    assert name in _places(_extract(body, "fr"))


def test_lower_case_park_or_station_word_is_no_place() -> None:
    doc = _extract("Le parc éolien et la station d'épuration de la ville sont neufs.", "fr")
    assert not any(p.startswith(("parc", "station")) for p in _places(doc))


# --- French people and meetings -------------------------------------------------------


def test_deputy_named_after_her_portfolio_is_a_deputy_mayor_of_no_portfolio() -> None:
    doc = _extract("Les hôtes ont été reçus par son adjointe chargée de la culture, "
                   "Sylvie Marchand.", "fr")
    assert _titles(doc)["Sylvie Marchand"] == {"Deputy Mayor": None}


def test_adjoint_after_another_office_is_not_a_deputy_mayor() -> None:
    doc = _extract("Le préfet adjoint Marc Petit a parlé aux élus de Lyon.", "fr")
    assert all("Deputy Mayor" not in roles for roles in _titles(doc).values())


_LED = ("Une délégation conduite par Tran Quoc Bao, vice-président du comité populaire de "
        "Hue, a séjourné à Lyon du 2 au 4 mai. ")


def test_hosts_received_in_turn_are_two_meetings_with_the_guest() -> None:
    doc = _extract(_LED + "Le 3 mai, la délégation a été reçue par le préfet, Jean Morel, "
                   "puis par la présidente du conseil régional, Anne Rivière.", "fr")
    meetings = _meetings(doc)
    assert {"Tran Quoc Bao", "Jean Morel"} in meetings
    assert {"Tran Quoc Bao", "Anne Rivière"} in meetings
    assert {"Jean Morel", "Anne Rivière"} not in meetings


def test_hosts_together_are_one_meeting_with_the_unnamed_guests() -> None:
    doc = _extract(_LED + "Le 2 mai, les visiteurs ont été accueillis par le maire, Luc Fabre, "
                   "et par son adjointe, Marie Roux.", "fr")
    assert {"Tran Quoc Bao", "Luc Fabre", "Marie Roux"} in _meetings(doc)


def test_a_delegation_talking_with_a_university_meets_it() -> None:
    doc = _extract(_LED + "Le 4 mai, la délégation s'est entretenue avec l'université "
                   "Claude Bernard sur la médecine.", "fr")
    assert {"Tran Quoc Bao", "université Claude Bernard"} in _meetings(doc)


# --- French commitments ---------------------------------------------------------------


def test_quoted_wish_is_the_speaker_s_intent() -> None:
    doc = _extract("« Nous souhaitons ouvrir une classe bilingue », a indiqué Paul Ferrand, "
                   "maire de Vienne.", "fr")
    assert ("Paul Ferrand", "intent") in _commitments(doc)


def test_plan_in_a_relative_clause_is_the_holder_s_intent() -> None:
    doc = _extract("La délégation a rencontré le maire de Vienne, Paul Ferrand, qui prévoit "
                   "de se rendre à Hue en mai.", "fr")
    assert ("Paul Ferrand", "intent") in _commitments(doc)


# --- Vietnamese places and organisations ----------------------------------------------


def test_seaport_of_a_town_is_no_sea_and_an_economic_zone_is_a_place() -> None:
    doc = _extract("Tỉnh có cảng biển Cửa Lò và Khu kinh tế Đông Nam rộng lớn.", "vi")
    places = _places(doc)
    assert "biển Cửa Lò" not in places
    assert "Đông Nam" in places


def test_building_at_a_ward_is_no_body_and_the_ward_is_a_place() -> None:
    doc = _extract("Ngày 3/5, ông Lê Văn Hải đã tiếp đoàn tại Trung tâm Hành chính tỉnh "
                   "ở phường Mỹ Tho.", "vi")
    assert not any(o.startswith("Trung tâm Hành chính") for o in _orgs(doc))
    assert "Mỹ Tho" in _places(doc)


def test_french_agency_named_in_vietnamese_news() -> None:
    doc = _extract("Tổng Lãnh sự quán sẽ phối hợp với Campus France tổ chức hội thảo.", "vi")
    assert "Campus France" in _orgs(doc)


# --- Vietnamese commitments -----------------------------------------------------------

_VISIT_VI = ("Từ ngày 2/5 đến 5/5, Đoàn công tác Hội đồng vùng Bretagne do ông Paul Morin, "
             "Phó Chủ tịch Hội đồng vùng, dẫn đầu đã đến thăm và làm việc tại tỉnh Nghệ An. "
             "Ngày 3/5, Phó Chủ tịch UBND tỉnh Nghệ An Lê Văn Hải đã tiếp đoàn tại Vinh. ")


def test_agreement_of_both_sides_is_told_of_the_host_of_a_led_delegation() -> None:
    doc = _extract(_VISIT_VI + "Hai bên thống nhất sẽ lập tổ công tác chung.", "vi")
    assert ("Lê Văn Hải", "agreement") in _commitments(doc)
    assert ("Paul Morin", "agreement") not in _commitments(doc)


def test_province_wish_after_a_speaker_is_the_speaker_s() -> None:
    body = ("Ngày 3/5, Phó Chủ tịch UBND tỉnh Nghệ An Lê Thị Mai đã tiếp ông Paul Morin. "
            "Bà Mai cho biết sau khi hợp nhất với tỉnh Hà Tĩnh, tỉnh Nghệ An có nhiều cảng. "
            "Tỉnh mong muốn hợp tác với Pháp trong lĩnh vực du lịch.")
    assert ("Lê Thị Mai", "intent") in _commitments(_extract(body, "vi"))


def test_province_wish_without_a_speaker_before_has_no_person_actor() -> None:
    body = ("Ngày 3/5, Phó Chủ tịch UBND tỉnh Nghệ An Lê Thị Mai đã tiếp ông Paul Morin. "
            "Sau khi hợp nhất với tỉnh Hà Tĩnh, tỉnh Nghệ An có nhiều cảng. "
            "Tỉnh mong muốn hợp tác với Pháp trong lĩnh vực du lịch.")
    assert ("Lê Thị Mai", "intent") not in _commitments(_extract(body, "vi"))
