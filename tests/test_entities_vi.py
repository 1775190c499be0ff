"""entities.vi.v2: Vietnamese people, organisations and places (sentences written for the test)."""

from __future__ import annotations

import pytest

from passerelle.extract import extract_document
from passerelle.extract.entities_vi import find_organizations_vi
from passerelle.records import Document

pytest.importorskip("passerelle.extract.entities_intl")

_STEPS = {"vi": {"entities": "entities.vi.v2", "events": "", "commitments": ""}}


def _run(body: str, captions: list[str] | None = None) -> Document:
    doc = Document(id="t", body=body, captions=captions or [], language="vi",
                   published="2025-03-10")
    return extract_document(doc, overrides=_STEPS)


def _orgs(doc: Document) -> dict[str, object]:
    return {o.name: o for o in doc.organizations}


def test_people_committee_stops_before_its_chairman() -> None:
    doc = _run("Sáng nay, Chủ tịch UBND tỉnh Quảng Nam Lê Văn Dũng đã tiếp đoàn công tác.")
    org = _orgs(doc)["UBND tỉnh Quảng Nam"]
    assert org.kind == "government" and org.country == "VN"
    assert "Lê Văn Dũng" in {p.name for p in doc.people}


def test_committee_without_its_place_takes_the_only_province_of_the_document() -> None:
    body = ("Đoàn đã đến tỉnh Quảng Nam. Tại buổi tiếp, Chủ tịch UBND tỉnh Lê Văn Dũng "
            "cảm ơn đoàn.")
    org = _orgs(_run(body))["UBND tỉnh Quảng Nam"]
    assert "UBND tỉnh" in org.aliases


def test_committee_without_its_place_keeps_the_written_name_when_two_provinces() -> None:
    body = ("Đoàn đã đến tỉnh Quảng Nam và tỉnh Quảng Ngãi. Chủ tịch UBND tỉnh Lê Văn Dũng "
            "cảm ơn đoàn.")
    assert "UBND tỉnh" in _orgs(_run(body))


def test_embassy_with_sending_country_and_seat() -> None:
    spans = find_organizations_vi("body", "Đại sứ quán Việt Nam tại Đức do Đại sứ dẫn đầu.", [])
    assert [(s.name, s.country) for s in spans] == [("Đại sứ quán Việt Nam tại Đức", "VN")]


def test_ministry_name_with_lower_case_second_syllable() -> None:
    spans = find_organizations_vi("body", "Bộ Ngoại giao cho biết chuyến thăm sẽ diễn ra.", [])
    assert [s.name for s in spans] == ["Bộ Ngoại giao"]


def test_government_of_a_country_and_bare_government() -> None:
    spans = find_organizations_vi(
        "body", "Sự quan tâm của Chính phủ Pháp đối với dự án. Chính phủ họp hôm qua.", [])
    assert [(s.name, s.country) for s in spans] == [("Chính phủ Pháp", "FR"), ("Chính phủ", "VN")]


def test_company_is_named_without_its_generic_word() -> None:
    spans = find_organizations_vi("body", "Hợp đồng với tập đoàn Airbus đã được ký.", [])
    assert [(s.name, s.aliases, s.kind) for s in spans] == [
        ("Airbus", ["tập đoàn Airbus"], "company")]


def test_chamber_with_acronym_and_province() -> None:
    spans = find_organizations_vi(
        "body", "Phòng Thương mại và Công nghiệp (CCI) tỉnh Gironde đã ký.", [])
    assert spans[0].name == "Phòng Thương mại và Công nghiệp (CCI) tỉnh Gironde"
    assert spans[0].aliases == ["CCI"] and spans[0].kind == "association"


def test_old_and_new_name_are_one_organisation() -> None:
    doc = _run("Ông từng học tại Trường Đại học Tổng hợp Hà Nội, nay là Đại học Quốc gia Hà Nội.")
    orgs = [o for o in doc.organizations if "Đại học Quốc gia Hà Nội" in [o.name, *o.aliases]]
    assert len(orgs) == 1 and "Trường Đại học Tổng hợp Hà Nội" in [orgs[0].name, *orgs[0].aliases]


def test_place_names_are_not_organisations() -> None:
    assert find_organizations_vi("body", "Hội An là thành phố du lịch nổi tiếng.", []) == []
    assert find_organizations_vi("body", "toàn bộ cán bộ sở tại đều có mặt.", []) == []


def test_republic_prefix_is_not_part_of_the_country() -> None:
    doc = _run("Đại sứ CH Pháp tại Việt Nam đã đến thăm.")
    assert "Pháp" in {p.name for p in doc.places}
    assert "CH Pháp" not in {p.name for p in doc.places}


def test_credit_is_not_a_person_or_an_organisation() -> None:
    doc = _run("Hai bên đã trao đổi về hợp tác.", ["Quang cảnh buổi làm việc. Ảnh: TTXVN"])
    assert doc.people == [] and doc.organizations == []


def test_department_name_with_a_list_closed_by_va() -> None:
    spans = find_organizations_vi(
        "body", "Sở Ngoại vụ, Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam đã dự.", [])
    assert [s.name for s in spans] == [
        "Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam"]


def test_two_universities_joined_by_va_stay_two() -> None:
    spans = find_organizations_vi(
        "body", "Trường Đại học Cần Thơ và Đại học Bordeaux đã ký biên bản.", [])
    assert [s.name for s in spans] == ["Trường Đại học Cần Thơ", "Đại học Bordeaux"]


def test_generic_bodies_are_not_organisations() -> None:
    assert find_organizations_vi("body", "Ban Tổ chức cho biết lễ hội sẽ kéo dài.", []) == []


def test_outlet_is_not_a_person_and_office_word_is_not_a_country() -> None:
    doc = _run("Theo báo Tuổi Trẻ, Bí thư Thành ủy Đà Nẵng Nguyễn Văn Quảng đã tiếp đoàn.")
    assert {p.name for p in doc.people} == {"Nguyễn Văn Quảng"}
    assert "BE" not in {p.country for p in doc.places}
    assert "Thành ủy Đà Nẵng" in _orgs(doc)


@pytest.mark.parametrize(("body", "place"), [
    ("Trong chuyến công tác, đoàn đã thăm Khu di tích Gò Sành Cao.", "Gò Sành Cao"),
    ("Chiều cùng ngày, đại biểu đến dâng hương tại khu di tích lịch sử Cồn Lân.", "Cồn Lân"),
])
def test_relic_site_names_a_place(body: str, place: str) -> None:
    assert place in {p.name for p in _run(body).places}


def test_relic_site_named_after_an_office_holder_is_no_place() -> None:
    doc = _run("Đoàn đã thăm Khu di tích Chủ tịch Tôn Đức Thắng tại tỉnh An Giang.")
    assert {p.name for p in doc.places} == {"An Giang"}
