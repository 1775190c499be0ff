"""French and Vietnamese patterns found by held-out set 5, on sentences of our own.

Each pattern has sentences that must fire and at least one that must not (precision
first). The whole extraction runs (``extract_document``), as on an article.
"""

from __future__ import annotations

import pytest

from passerelle.records import Document

from extraction_support import extract_text as _extract
from extraction_support import titles_by_person as _titles


def _events(doc: Document, kind: str) -> list[tuple[set[str], str | None, str | None, str | None]]:
    return [(set(e.participants), e.place, e.start, e.end) for e in doc.events if e.type == kind]


def _commitments(doc: Document) -> set[tuple[str, str]]:
    return {(c.actor, c.kind) for c in doc.commitments}


def _orgs(doc: Document) -> set[str]:
    return {o.name for o in doc.organizations}


def _places(doc: Document) -> set[str]:
    return {p.name for p in doc.places}


# --- French people: an office's "of" phrase in plain words, "présidée par X" --------


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        ("Elle a été accueillie par le directeur de la ferme pilote, Paul Marchal, à Lyon.",
         "Paul Marchal", "Director"),
        ("Il a été reçu par la présidente de l'école rennaise, Claire Dubois, puis a visité Nantes.",
         "Claire Dubois", "President"),
        ("Ils ont dîné avec les membres du club franco-vietnamien, présidé par Lê Thị Hoa.",
         "Lê Thị Hoa", "President"),
        ("La délégation a visité la fondation, dirigée par M. Henri Vasseur depuis 2019.",
         "Henri Vasseur", "Director"),
    ],
)
def test_holder_after_plain_of_phrase_or_participle(body: str, name: str, role: str) -> None:
    assert role in _titles(_extract(body, "fr")).get(name, {})


def test_plain_words_without_a_comma_give_no_holder() -> None:
    doc = _extract("Le président de la région a déclaré lundi que Paul Marchal viendrait.", "fr")
    assert all(not p.titles for p in doc.people)


def test_led_by_a_body_is_no_person() -> None:
    doc = _extract("Une équipe dirigée par la Région Bretagne a visité Nantes.", "fr")
    assert doc.people == []


# --- French bodies and places -------------------------------------------------------


@pytest.mark.parametrize(("province", "leader"), [("Quảng Ninh", "Vũ Văn Diện"),
                                                  ("Bến Tre", "Trần Ngọc Tam")])
def test_committee_named_by_a_possessive_before_the_office(province: str, leader: str) -> None:
    doc = _extract(f"Une délégation de la province vietnamienne de {province}, conduite par son "
                   f"vice-président du comité populaire, {leader}, a été reçue à Nantes.", "fr")
    assert f"comité populaire de {province}" in _orgs(doc)
    assert _titles(doc)[leader] == {"Vice Chairman": f"comité populaire de {province}"}


@pytest.mark.parametrize(
    ("body", "place"),
    [("Le lendemain, elle s'est rendue à Saint-Jean-de-Luz.", "Saint-Jean-de-Luz"),
     ("Des étudiants de Villeneuve-d'Ascq ont suivi le stage.", "Villeneuve-d'Ascq"),
     ("Le vote de la Région Occitanie a suivi.", "Occitanie"),
     ("Il a rencontré la vice-présidente de la région Bretagne, Anne Morel.", "Bretagne")],
)
def test_hyphenated_towns_and_regions_named_without_de(body: str, place: str) -> None:
    assert place in _places(_extract(body, "fr"))


def test_a_hyphenated_first_name_is_no_town() -> None:
    assert _places(_extract("Elle a parlé à Jean-Pierre Morel et à Marie-Claire Dupont.", "fr")) \
        == set()


@pytest.mark.parametrize(
    ("body", "org"),
    [("L'université des sciences et technologies de Hanoï a signé un accord avec Lyon.",
      "université des sciences et technologies de Hanoï"),
     ("Il a visité l'université de médecine et de pharmacie de Huế, puis Lyon.",
      "université de médecine et de pharmacie de Huế")],
)
def test_university_named_by_its_fields_and_town(body: str, org: str) -> None:
    assert org in _orgs(_extract(body, "fr"))


def test_university_then_a_clause_is_no_name() -> None:
    doc = _extract("La délégation a rejoint l'université pour des cours de Lyon.", "fr")
    assert not any("université" in o.lower() for o in _orgs(doc))


# --- French events -----------------------------------------------------------------


FR_STAY = (
    "L'école de Nantes et l'université de Cần Thơ ont signé un accord, mardi 12 mai, au terme "
    "d'une visite de quatre jours du doyen vietnamien, Lê Văn Tâm, à Nantes. "
    "Reçu du 9 au 12 mai par le directeur de l'école nantaise, Marc Olivier, le professeur Tâm "
    "a visité les ateliers. Avant de partir, le professeur Tâm a déjeuné avec les membres de "
    "l'Amicale des Vietnamiens de l'Ouest, présidée par Phạm Thu Trang."
)


def test_visit_told_as_a_noun_with_its_length_then_its_span() -> None:
    doc = _extract(FR_STAY, "fr")
    assert _events(doc, "visit") == [({"Lê Văn Tâm"}, "Nantes", "2026-05-09", "2026-05-12")]
    meetings = [who for who, *_ in _events(doc, "meeting")]
    assert {"Lê Văn Tâm", "Marc Olivier"} in meetings
    assert {"Lê Văn Tâm", "Phạm Thu Trang"} in meetings


def test_received_guest_without_a_known_trip_visits_nothing() -> None:
    doc = _extract("Reçu le 3 mai par la maire, Anne Morel, le ministre Lê Văn Tâm a parlé.", "fr")
    assert _events(doc, "visit") == []
    assert {"Lê Văn Tâm", "Anne Morel"} in [who for who, *_ in _events(doc, "meeting")]


def test_a_wished_visit_of_some_days_is_no_visit() -> None:
    doc = _extract("Il souhaite une visite de trois jours du maire vietnamien, Lê Văn Tâm, à "
                   "Lyon.", "fr")
    assert _events(doc, "visit") == []


# --- French commitments ------------------------------------------------------------


FR_TALKS = (
    "Une délégation de Huế, conduite par le vice-président du comité populaire de Huế, "
    "Lê Văn Tâm, a été reçue le 4 mai à Lyon par Anne Morel, "
    "adjointe au maire. Lê Văn Tâm a, de son côté, souhaité que des entreprises lyonnaises "
    "investissent à Huế, et a invité l'élue au festival de Huế. Anne Morel a, pour sa part, "
    "proposé un échange d'étudiants. Au terme de la rencontre, les deux parties sont convenues "
    "de se revoir en 2027. La présidente du club, Claire Dubois, qui s'est dit prête à loger des "
    "étudiants, a annoncé que la Région financerait dix bourses."
)


def test_asides_relatives_announcements_and_the_host_agreeing() -> None:
    got = _commitments(_extract(FR_TALKS, "fr"))
    assert {("Lê Văn Tâm", "intent"), ("Lê Văn Tâm", "invitation"),
            ("Anne Morel", "proposal"), ("Anne Morel", "agreement"),
            ("Claire Dubois", "pledge")} <= got
    assert ("Lê Văn Tâm", "agreement") not in got


def test_an_announced_event_is_no_pledge() -> None:
    doc = _extract("Le maire, Paul Marchal, a annoncé que la réunion serait reportée.", "fr")
    assert _commitments(doc) == set()


# --- Vietnamese --------------------------------------------------------------------


VI_TRIP = (
    "Sáng 12/5, Chủ tịch UBND tỉnh Vĩnh Long Lê Văn Hùng đã tiếp đoàn công tác của Hội đồng "
    "vùng Occitanie do bà Claire Dubois, Phó Chủ tịch Hội đồng vùng, làm trưởng đoàn. "
    "Đoàn đang có chuyến thăm và làm việc tại Vĩnh Long từ ngày 10 đến 14/5. "
    "Trước đó, ngày 11/5, đoàn đã làm việc với Trung tâm Khuyến nông và phát triển giống "
    "Vĩnh Long."
)


def test_vi_delegation_led_by_its_head_and_its_whole_stay() -> None:
    doc = _extract(VI_TRIP, "vi")
    assert _events(doc, "visit") == [({"Claire Dubois"}, "Vĩnh Long", "2026-05-10", "2026-05-14")]
    assert "Trung tâm Khuyến nông và phát triển giống Vĩnh Long" in _orgs(doc)
    meetings = [who for who, *_ in _events(doc, "meeting")]
    assert {"Claire Dubois", "Trung tâm Khuyến nông và phát triển giống Vĩnh Long"} in meetings


@pytest.mark.parametrize(
    "body",
    ["Thành phố có thêm đô thị cổ Hội An và Khu đền tháp Mỹ Sơn là hai di sản.",
     "Tỉnh có Hội An và khu phố cổ rộng lớn."],
)
def test_vi_a_place_after_hoi_is_no_body(body: str) -> None:
    assert _orgs(_extract(body, "vi")) == set()


def test_vi_a_centre_then_a_clause_keeps_its_short_name() -> None:
    doc = _extract("Ông làm việc với Trung tâm Phát triển nông thôn và đi thăm Huế.", "vi")
    assert _orgs(doc) == {"Trung tâm Phát triển"}


@pytest.mark.parametrize(
    ("body", "place", "kind"),
    [("Tỉnh phát triển du lịch sinh thái vùng Đồng Tháp Mười.", "Đồng Tháp Mười", "region"),
     ("Doanh nghiệp đầu tư vào khu công nghiệp chế biến thủy sản Thọ Quang.", "Thọ Quang", "other"),
     ("Hai bên bàn về khu kinh tế Nhơn Hội và cảng biển.", "Nhơn Hội", "other")],
)
def test_vi_unknown_regions_and_named_parks(body: str, place: str, kind: str) -> None:
    doc = _extract(body, "vi")
    assert (place, kind) in {(p.name, p.kind) for p in doc.places}


@pytest.mark.parametrize(
    "body",
    ["Ông kêu gọi đầu tư vào khu công nghiệp của tỉnh Nam Định.",
     "Ông đề nghị vùng Bretagne Pháp chia sẻ kinh nghiệm."],
)
def test_vi_parks_and_regions_need_a_name_of_their_own(body: str) -> None:
    kinds = {(p.name, p.kind) for p in _extract(body, "vi").places}
    assert not any(kind == "other" or name.endswith("Pháp") and kind == "region"
                   for name, kind in kinds)


def test_a_compass_compound_is_no_town() -> None:
    doc = _extract("Les pays d'Asie du Sud-Est et du Nord-Ouest ont signé à Paris.", "fr")
    assert "Sud-Est" not in _places(doc)


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [("Au terme d'une visite du recteur vietnamien, Lê Văn Tâm, à Nantes.", "Lê Văn Tâm",
      {"Rector": None}),
     ("L'ambassadeur vietnamien, Ngô Minh Quân, a visité Lyon.", "Ngô Minh Quân",
      {"Ambassador": "Vietnam"})],
)
def test_a_nationality_is_not_what_an_office_is_of(body: str, name: str,
                                                   title: dict[str, str | None]) -> None:
    doc = _extract(body, "fr")
    assert _titles(doc)[name] == title
