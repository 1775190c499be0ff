"""Patterns found by held-out set 7 (English offices, people and organisations), each on
sentences of our own: the rule fires, and it does not fire where it must not."""

from __future__ import annotations

import pytest

from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers entities.en.v1
from passerelle.extract.base import analyze
from passerelle.records import Document


def _run(body: str) -> Document:
    doc = Document("t", body, captions=[], language="en", published="2026-05-10")
    registry.get("entities.en.v1")(analyze(doc))
    return doc


def _titles(doc: Document) -> dict[str, list[str]]:
    return {p.name: [t.role for t in p.titles] for p in doc.people}


# ------------------------------------------------------------------ offices


@pytest.mark.parametrize(("body", "name", "role"), [
    # a nationality, a diplomatic office, "in" the city of the post, then the name
    ("Italian Consul General in Lyon Marco Bellini opened the fair.",
     "Marco Bellini", "Consul General"),
    ("The talks were hosted by Japanese Consul General in Ho Chi Minh City Aiko Tanaka.",
     "Aiko Tanaka", "Consul General"),
    # "Chairman of the X Committee NAME and PLACE Office NAME": the "and" joins two people
    ("Chairman of the Quang Nam provincial People's Committee Le Van Tam and Hyogo "
     "Vice Governor Taro Sato signed the memorandum.", "Taro Sato", "Vice Governor"),
    ("Chairman of the Quang Nam provincial People's Committee Le Van Tam and Hyogo "
     "Vice Governor Taro Sato signed the memorandum.", "Le Van Tam", "Chairman"),
    # a lower-case office after "the" and an organisation noun, the name set off by commas
    ("The hospital director, Dr Nguyen Thi Lan, welcomed the surgeons.",
     "Nguyen Thi Lan", "Director"),
    ("The school principal, Anne Leroy, showed the guests around.", "Anne Leroy", "Principal"),
    # a numbered unit, then a two-word military rank before the name
    ("Commander of Military Region 5 Lieutenant General Do Van Quan met the guests.",
     "Do Van Quan", "Commander"),
    # a two-word rank before a name, the office after the comma
    ("They received Major General Tep Sophal, Cambodian Defence Attaché to Laos, on Monday.",
     "Tep Sophal", "Defence Attaché"),
])
def test_office_is_read(body, name, role):
    assert role in _titles(_run(body)).get(name, [])


def test_numbered_unit_is_an_organisation():
    doc = _run("Commander of Military Region 7 Major General Tran Van Binh met them.")
    assert "Military Region 7" in [o.name for o in doc.organizations]


@pytest.mark.parametrize("body", [
    # no name after the city of the post: no person
    "The Italian Consul General in Lyon said the fair went well.",
    # "General Electric" is a company, not a general
    "General Electric and General Motors signed the deal in Hanoi.",
    # a lower-case office not followed by a comma and a name
    "The hospital director said the new wing would open soon.",
])
def test_office_rules_do_not_over_fire(body):
    assert _run(body).people == []


def test_place_before_and_without_office_stays_one_phrase():
    doc = _run("The Chairman of the Da Nang Tourism Association and Hue Heritage Centre spoke.")
    assert all(p.name != "Hue Heritage Centre" for p in doc.people)


# ------------------------------------------------------------------ people


@pytest.mark.parametrize(("body", "name"), [
    # a two-word place ends the "of" phrase: its last word does not start the name
    ("Rector of the University of Da Nang Pham Quoc Viet opened the forum.", "Pham Quoc Viet"),
    ("Director of the Port of Hai Phong Tran Van Nam welcomed the ship.", "Tran Van Nam"),
])
def test_place_word_is_not_glued_to_the_name(body, name):
    names = [p.name for p in _run(body).people]
    assert names == [name]


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(("body", "places"), [
    # two names joined by "and" before a plural place noun are places, not people
    ("Growers in the Phu Luong and Dong Hy districts were trained.", ["Phu Luong", "Dong Hy"]),
    ("Roads in the Vo Nhai and La Bang communes were repaired.", ["Vo Nhai", "La Bang"]),
])
def test_names_before_a_plural_place_noun_are_places(body, places):
    doc = _run(body)
    assert doc.people == []
    assert all(p in [x.name for x in doc.places] for p in places)


def test_two_people_joined_by_and_stay_people():
    doc = _run("On Monday, Nguyen Van Tam and Tran Minh Duc visited the flooded districts.")
    assert [p.name for p in doc.people] == ["Nguyen Van Tam", "Tran Minh Duc"]
    assert doc.places == []


# ------------------------------------------------------------------ organisations


@pytest.mark.parametrize(("body", "org"), [
    # "Administration" and "Armed Forces" end the name of a public body
    ("Port traffic rose, according to the Thai Marine Administration.", "Thai Marine Administration"),
    ("Officers of the Royal Thai Armed Forces joined the drill.", "Royal Thai Armed Forces"),
    # a capitalised name before a lower-case "institute"
    ("Two experts from the Cirad institute will join the team.", "Cirad"),
])
def test_organisation_is_found(body, org):
    assert org in [o.name for o in _run(body).organizations]


@pytest.mark.parametrize("body", [
    "The administration of the province said the road would open.",
    "The armed forces of both countries held a drill.",
    "Two experts from the French institute will join the team.",
])
def test_lower_case_nouns_name_no_organisation(body):
    assert _run(body).organizations == []


def test_with_between_two_finished_names_splits_them():
    orgs = [o.name for o in _run(
        "Vinh University signed with Curtin University on training, and Dalat University "
        "with Griffith University on ecology.").organizations]
    assert "Dalat University" in orgs and "Griffith University" in orgs


def test_with_inside_a_name_stays():
    orgs = [o.name for o in _run("The Association for Friendship with Vietnam met.").organizations]
    assert orgs == ["Association for Friendship with Vietnam"]


def test_small_namesake_town_is_read_as_the_district_the_text_names():
    doc = _run("A clinic opened in Hat district of the province last week.")
    assert [(p.name, p.kind) for p in doc.places] == [("Hat", "district")]


@pytest.mark.parametrize(("body", "place"), [
    ("A new road will link the Cha Lo border gate with the district town.", "Cha Lo border gate"),
    ("Lorries queued at the Huu Nghi border gate on Monday.", "Huu Nghi border gate"),
])
def test_named_border_gate_is_a_place(body, place):
    doc = _run(body)
    assert [p.name for p in doc.places] == [place]
    assert doc.people == []


def test_a_gate_that_is_no_border_gate_is_no_place():
    assert _run("The guests waited at the Grand Palace main gate.").places == []


@pytest.mark.parametrize(("body", "org"), [
    ("The call linked the city hall with the Aichi prefectural government office.",
     "Aichi prefectural government"),
    ("Officials of the Quang Ninh provincial government attended.",
     "Quang Ninh provincial government"),
])
def test_place_with_a_lower_case_government_is_a_body(body, org):
    assert org in [o.name for o in _run(body).organizations]


def test_nationality_with_a_lower_case_government_is_no_body():
    assert _run("The Japanese prefectural government said so.").organizations == []
