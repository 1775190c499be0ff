"""French and Vietnamese patterns found by held-out set 4, on sentences of our own.

Each pattern has sentences that must fire and at least one that must not (precision
first). The whole extraction runs (``extract_document``), as on an article.
"""

from __future__ import annotations

import pytest

from passerelle.records import Document

from extraction_support import extract_text as _extract
from extraction_support import titles_by_person as _titles


def _events(doc: Document, kind: str) -> list[tuple[set[str], str | None]]:
    return [(set(e.participants), e.place) for e in doc.events if e.type == kind]


def _commitments(doc: Document) -> set[tuple[str, str]]:
    return {(c.actor, c.kind) for c in doc.commitments}


# --- French: the holder's name after the office's "of" phrase -----------------------


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        ("Il a rencontré la présidente de l'université de Lyon Sud, Anne Morel.",
         "Anne Morel", "President"),
        ("Elle a été reçue par le directeur de son agence, Paul-Henri Caron.",
         "Paul-Henri Caron", "Director"),
        ("Une délégation de Da Nang, conduite par le vice-président de son comité populaire, "
         "Nguyễn Văn Long, est arrivée à Lille.", "Nguyễn Văn Long", "Vice Chairman"),
    ],
)
def test_holder_after_possessive_or_named_of_phrase(body: str, name: str, role: str) -> None:
    assert role in _titles(_extract(body, "fr")).get(name, {})


def test_an_office_without_apposition_gives_no_title() -> None:
    doc = _extract("Le président de l'université a ensuite rencontré Paul Garnier.", "fr")
    assert all(not p.titles for p in doc.people)


def test_an_office_after_a_preposition_is_not_chained_to_the_next_name() -> None:
    titles = _titles(_extract("À l'invitation du maire, l'ambassadeur Vu Minh Khoa s'est "
                              "rendu à Lyon le 3 mars.", "fr"))
    assert titles["Vu Minh Khoa"] == {"Ambassador": None}


# --- French: the delegation's visits and what is only invited -----------------------


FR_TRIP = (
    "L'ambassadeur Vu Minh Khoa a effectué du 4 au 6 mai une visite de travail en Bretagne. "
    "Le 5 mai, la délégation s'est rendue à Brest, où elle a été accueillie par le maire, "
    "Marie Kerjean. Le lendemain, M. Vu Minh Khoa a rencontré la présidente de l'université de "
    "Bretagne Occidentale, Anne Morel. Celle-ci s'est engagée à accueillir dix doctorants. "
    "En fin de séjour, l'ambassadeur a invité les élus bretons à se rendre au Vietnam et a "
    "exprimé l'espoir qu'un accord soit signé en 2027."
)


def test_the_delegation_visits_and_meets_its_host() -> None:
    doc = _extract(FR_TRIP, "fr")
    visits = _events(doc, "visit")
    assert ({"Vu Minh Khoa"}, "Brest") in visits
    assert all("Marie Kerjean" not in who for who, _ in visits)  # the host does not travel
    meetings = [who for who, _ in _events(doc, "meeting")]
    assert {"Vu Minh Khoa", "Marie Kerjean"} in meetings
    assert {"Vu Minh Khoa", "Anne Morel"} in meetings


def test_an_invited_trip_at_the_end_of_a_stay_is_no_visit() -> None:
    doc = _extract(FR_TRIP, "fr")
    assert all(place != "Vietnam" for _, place in _events(doc, "visit"))


def test_demonstrative_and_hope_commitments() -> None:
    got = _commitments(_extract(FR_TRIP, "fr"))
    assert ("Anne Morel", "pledge") in got  # "Celle-ci s'est engagée": the person named last
    assert ("Vu Minh Khoa", "intent") in got  # "a exprimé l'espoir"
    assert ("Vu Minh Khoa", "invitation") in got


def test_assurance_about_the_future_is_a_pledge_but_a_relative_wish_is_nobodys() -> None:
    doc = _extract("Le consul général, M. Hoang Duc Minh, a assuré que le consulat aiderait "
                   "les sociétés qui souhaitent investir à Can Tho.", "fr")
    assert _commitments(doc) == {("Hoang Duc Minh", "pledge")}


def test_assurance_about_the_past_is_no_pledge() -> None:
    doc = _extract("La préfète Anne Roux a assuré que la réunion était utile.", "fr")
    assert doc.commitments == []


# --- French: organisations and landmarks ---------------------------------------------


def test_a_capitalised_region_is_the_regional_council_not_a_lower_case_one() -> None:
    upper = _extract("La Région Bretagne financera les bourses.", "fr")
    lower = _extract("Les entreprises de la région Bretagne exportent.", "fr")
    assert [(o.name, o.kind) for o in upper.organizations] == [("Région Bretagne", "government")]
    assert lower.organizations == []


def test_port_authorities_and_possessive_committees() -> None:
    doc = _extract("Une délégation de la ville de Da Nang, conduite par le président de son "
                   "comité populaire, Tran Van Son, a été reçue au Grand Port Maritime du Havre.",
                   "fr")
    names = {o.name: o.kind for o in doc.organizations}
    assert names.get("Grand Port Maritime du Havre") == "agency"
    assert names.get("comité populaire de Da Nang") == "government"
    son = next(p for p in doc.people if p.name == "Tran Van Son")
    assert [(t.role, t.of) for t in son.titles] == [("Chairman", "comité populaire de Da Nang")]
    assert son.country == "VN"


def test_a_committee_without_a_vietnamese_place_before_it_is_not_named() -> None:
    doc = _extract("Le maire de Lille a salué son comité populaire partenaire.", "fr")
    assert not any("comité populaire" in o.name for o in doc.organizations)


def test_landmarks_are_places_as_written() -> None:
    doc = _extract("Le dîner a eu lieu à l'Abbaye-aux-Hommes, puis au palais des Papes, "
                   "près de la cathédrale de Chartres.", "fr")
    places = {p.name: p.kind for p in doc.places}
    assert places.get("Abbaye-aux-Hommes") == "other"
    assert places.get("palais des Papes") == "other"
    assert places.get("cathédrale de Chartres") == "other"
    assert places.get("Chartres") == "city"  # a town written as such stays


# --- Vietnamese ------------------------------------------------------------------------


def test_visiting_a_school_and_working_with_its_head_is_one_meeting() -> None:
    doc = _extract("Sáng 10/5, bà Claire Dubois đến thăm Trường Đại học Huế, làm việc với "
                   "Hiệu trưởng Lê Văn Minh.", "vi")
    assert [who for who, _ in _events(doc, "meeting")] == [
        {"Claire Dubois", "Trường Đại học Huế", "Lê Văn Minh"}]


def test_an_official_of_elsewhere_met_after_a_school_is_a_meeting_of_its_own() -> None:
    doc = _extract("Chiều 11/5, bà Claire Dubois đến thăm Trường Đại học Vinh và làm việc với "
                   "Chủ tịch UBND tỉnh Nghệ An Trần Văn Hải.", "vi")
    meetings = [who for who, _ in _events(doc, "meeting")]
    assert {"Claire Dubois", "Trần Văn Hải"} in meetings
    assert {"Claire Dubois", "Trường Đại học Vinh"} in meetings


def test_working_with_a_government_department_is_a_meeting() -> None:
    doc = _extract("Ngày 8/5, Tổng Lãnh sự Pháp Marc Lefort đã đến Quy Nhơn, làm việc với Sở "
                   "Ngoại vụ tỉnh Bình Định về du lịch.", "vi")
    assert ({"Marc Lefort", "Sở Ngoại vụ tỉnh Bình Định"}, None) in _events(doc, "meeting")


def test_a_department_is_no_side_when_its_people_are_named() -> None:
    doc = _extract("Ngày 8/5, Tổng Lãnh sự Marc Lefort làm việc với Sở Ngoại vụ tỉnh Bình Định "
                   "do Giám đốc Nguyễn Văn Tâm chủ trì.", "vi")
    assert all("Sở Ngoại vụ tỉnh Bình Định" not in who for who, _ in _events(doc, "meeting"))


def test_foreign_councils_and_domains_are_organisations_with_presidents() -> None:
    doc = _extract("Đoàn đã hội đàm với ông Pierre Lemoine, Phó Chủ tịch Hội đồng vùng "
                   "Provence-Alpes-Côte d'Azur phụ trách đối ngoại. Bà Julie Fabre, Giám đốc "
                   "Khu lâu đài quốc gia Versailles, tiếp đoàn.", "vi")
    orgs = {o.name: o.kind for o in doc.organizations}
    assert orgs.get("Hội đồng vùng Provence-Alpes-Côte d'Azur") == "government"
    assert orgs.get("Khu lâu đài quốc gia Versailles") == "agency"
    assert "Vice President" in _titles(doc)["Pierre Lemoine"]


def test_a_vietnamese_peoples_council_chair_stays_chairman() -> None:
    doc = _extract("Ông Nguyễn Văn Hùng, Chủ tịch HĐND tỉnh Quảng Nam, tiếp đoàn.", "vi")
    assert "Chairman" in _titles(doc)["Nguyễn Văn Hùng"]


def test_affirming_every_favourable_condition_is_a_pledge() -> None:
    doc = _extract("Phó Chủ tịch UBND tỉnh Lê Quang Huy khẳng định tỉnh Quảng Trị sẽ tạo mọi "
                   "điều kiện thuận lợi để doanh nghiệp Pháp đầu tư.", "vi")
    assert ("Lê Quang Huy", "pledge") in _commitments(doc)
