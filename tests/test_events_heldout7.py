"""Event patterns found by held-out set 7 (``events.en.v1``), on sentences written here.

Each pattern has sentences that must fire and, where the rule could over-fire,
sentences that must not. Entities are given by the test (``make_doc``) so only the
event rules are under test.
"""

from __future__ import annotations

import pytest

import passerelle.extract.events  # noqa: F401  (registers the component)

from extraction_support import (
    english_events as _events,
    meetings_of as _meetings,
)

HOST = ("Do Van Binh", ["Binh"], [("Chairman", "People's Committee of Quang Ngai")])
DEPUTY = ("Le Thi Thu", ["Thu"], [("Vice Chairwoman", "People's Committee of Quang Ngai")])
GUEST = ("Agnès Perrin", ["Perrin"], [("Mayor", "Angers")])
GOVERNOR = ("Somsak Vongsa", ["Somsak"], [("Governor", "Luang Namtha")])
SECRETARY = ("Vu Minh Duc", ["Duc"], [("Secretary", "Lai Chau provincial Party Committee")])
GENERAL = ("Tran Van Nam", ["Nam"], [("Commander", "Military Region 7")])
ATTACHE = ("Arjun Mehta", ["Mehta"], [("Defence Attaché", "India")])
QUANG_NGAI = ("Quang Ngai", [], "province")
ANGERS = ("Angers", [], "city")
LUANG_NAMTHA = ("Luang Namtha", [], "province")
LAI_CHAU = ("Lai Chau", [], "province")
BIEN_HOA = ("Bien Hoa", [], "city")
REGION = ("Military Region", [])
PARK = ("Da Nang Hi-Tech Park", [])
ZONE = ("Nam Dinh Industrial Zone", [])




def _visits(events):
    return [(sorted(e.participants), e.place) for e in events if e.type == "visit"]


@pytest.mark.parametrize("body", [
    "A delegation of Lai Chau province led by Secretary of the provincial Party Committee "
    "Vu Minh Duc paid a working visit to Luang Namtha province from May 6 to 8, at the "
    "invitation of Governor Somsak Vongsa.",
    "At the invitation of Somsak Vongsa, a group from Lai Chau headed by Vu Minh Duc made a "
    "visit to Luang Namtha province from May 6 to 8.",
])
def test_the_leader_of_the_delegation_travels_not_the_inviting_host(body):
    visits = _visits(_events(body, people=[SECRETARY, GOVERNOR], places=[LAI_CHAU, LUANG_NAMTHA]))
    assert (["Vu Minh Duc"], "Luang Namtha") in visits
    assert not any(v[0] == ["Somsak Vongsa"] for v in visits)


@pytest.mark.parametrize("body", [
    "Le Thi Thu met Agnès Perrin on May 3. She said that during a visit to Angers in June last "
    "year, a delegation led by Chairman Do Van Binh had signed a plan.",
    "Le Thi Thu recalled that on a trip to Angers in 2024, the provincial delegation headed by "
    "Do Van Binh agreed on a training plan.",
])
def test_a_past_trip_told_as_a_circumstance_is_its_leaders(body):
    visits = _visits(_events(body, people=[DEPUTY, GUEST, HOST], places=[ANGERS, QUANG_NGAI]))
    assert (["Do Van Binh"], "Angers") in visits
    assert not any(v[0] == ["Le Thi Thu"] for v in visits)


def test_his_visit_to_his_own_province_is_the_other_persons():
    body = ("Somsak Vongsa invited Vu Minh Duc. At the talks on May 7, Duc recalled that during "
            "his visit to Lai Chau last year, Governor Somsak Vongsa had asked for help.")
    visits = _visits(_events(body, people=[SECRETARY, GOVERNOR], places=[LAI_CHAU, LUANG_NAMTHA]))
    assert (["Somsak Vongsa"], "Lai Chau") in visits
    assert not any(v[0] == ["Vu Minh Duc"] for v in visits)


def test_nobody_visits_the_province_they_lead_when_no_one_else_is_named():
    body = "Duc said that during his visit to Lai Chau last year, the school had been opened."
    visits = _visits(_events(body, people=[SECRETARY], places=[LAI_CHAU]))
    assert visits == []


def test_his_visit_abroad_is_still_his():
    body = "Duc said that during his visit to Luang Namtha last year, Somsak Vongsa had asked for help."
    visits = _visits(_events(body, people=[SECRETARY, GOVERNOR], places=[LAI_CHAU, LUANG_NAMTHA]))
    assert (["Vu Minh Duc"], "Luang Namtha") in visits


@pytest.mark.parametrize("body", [
    "Do Van Binh and Mayor Agnès Perrin co-chaired the video conference on May 9.",
    "On May 9, Do Van Binh and Angers Mayor Agnès Perrin co-chaired an online meeting on trade.",
])
def test_co_chairs_of_an_online_meeting_meet(body):
    events = _events(body, people=[HOST, GUEST], places=[ANGERS])
    assert _meetings(events) == [["Agnès Perrin", "Do Van Binh"]]
    assert _visits(events) == []


def test_a_single_chair_is_no_meeting():
    body = "Do Van Binh co-chaired the online meeting on May 9."
    assert _meetings(_events(body, people=[HOST, GUEST])) == []


@pytest.mark.parametrize("body", [
    "Commander of Military Region 7 Major General Tran Van Nam on May 4 hosted a courtesy call "
    "by Colonel Arjun Mehta, Indian Defence Attaché, at the headquarters in Bien Hoa city.",
    "Tran Van Nam received a courtesy visit from Arjun Mehta on May 4.",
])
def test_hosting_a_courtesy_call_is_a_meeting_of_host_and_caller(body):
    events = _events(body, people=[GENERAL, ATTACHE], orgs=[REGION], places=[BIEN_HOA])
    assert _meetings(events) == [["Arjun Mehta", "Tran Van Nam"]]


@pytest.mark.parametrize("body", [
    "Arjun Mehta said he hoped to bring a delegation of young officers to visit Military Region "
    "7 next year.",
    "Arjun Mehta wished to visit the Military Region 7 museum one day.",
])
def test_hoping_to_visit_a_body_is_no_meeting(body):
    events = _events(body, people=[GENERAL, ATTACHE], orgs=[REGION], places=[BIEN_HOA])
    assert _meetings(events) == []


def test_visiting_a_body_is_still_a_meeting():
    body = "On May 5, Arjun Mehta visited the Military Region museum in Bien Hoa."
    events = _events(body, people=[ATTACHE], orgs=[REGION], places=[BIEN_HOA])
    assert _meetings(events) == [["Arjun Mehta", "Military Region"]]


@pytest.mark.parametrize("body", [
    "Do Van Binh welcomed the move and invited Angers firms to invest in the Da Nang Hi-Tech Park.",
    "Do Van Binh welcomed this decision of the Nam Dinh Industrial Zone.",
])
def test_welcoming_a_decision_is_no_meeting(body):
    assert _meetings(_events(body, people=[HOST], orgs=[PARK, ZONE])) == []


def test_welcoming_a_delegation_is_still_a_meeting():
    body = "On May 8, Do Van Binh welcomed a delegation of the Nam Dinh Industrial Zone led by Agnès Perrin."
    events = _events(body, people=[HOST, GUEST], orgs=[ZONE])
    assert ["Agnès Perrin", "Do Van Binh"] in _meetings(events)


@pytest.mark.parametrize("body", [
    "Le Thi Thu received on May 17 a delegation from Angers led by Mayor Agnès Perrin.",
    "Le Thi Thu received in Quang Ngai on May 17 a delegation of the Angers City Council led "
    "by Agnès Perrin.",
])
def test_a_date_between_receiving_verb_and_delegation(body):
    events = _events(body, people=[DEPUTY, GUEST], orgs=[("Angers City Council", [])],
                     places=[ANGERS, QUANG_NGAI])
    assert ["Agnès Perrin", "Le Thi Thu"] in _meetings(events)


def test_a_french_delegation_is_not_a_vietnamese_visitor_told_before():
    body = ("Le Thi Thu said that during a visit to Angers last year, a delegation led by Do Van "
            "Binh had signed a plan. The French delegation is due to visit Quang Ngai city.")
    events = _events(body, people=[DEPUTY, HOST], places=[ANGERS, QUANG_NGAI],
                     countries={"Do Van Binh": "VN", "Le Thi Thu": "VN"})
    assert (["Do Van Binh"], "Angers") in _visits(events)
    assert not any(v[1] == "Quang Ngai" and v[0] == ["Do Van Binh"] for v in _visits(events))


@pytest.mark.parametrize("second", [
    "At the talks in Luang Namtha town on May 7, Duc said the school was ready.",
    "During the working session on May 7, Duc said the school was ready.",
])
def test_at_the_talks_of_an_invited_visit_meets_the_inviter(second):
    body = ("A delegation of Lai Chau province led by Vu Minh Duc paid a working visit to Luang "
            "Namtha province from May 6 to 8, at the invitation of Governor Somsak Vongsa. " + second)
    events = _events(body, people=[SECRETARY, GOVERNOR], places=[LAI_CHAU, LUANG_NAMTHA])
    assert _meetings(events) == [["Somsak Vongsa", "Vu Minh Duc"]]
    assert [e.start for e in events if e.type == "meeting"] == ["2026-05-07"]


def test_at_the_talks_without_an_inviter_is_no_new_meeting():
    body = ("A delegation of Lai Chau province led by Vu Minh Duc paid a working visit to Luang "
            "Namtha province from May 6 to 8. At the talks on May 7, Duc said the school was ready, "
            "and Somsak Vongsa thanked him.")
    events = _events(body, people=[SECRETARY, GOVERNOR], places=[LAI_CHAU, LUANG_NAMTHA])
    assert _meetings(events) == []


LAO = ("Bounmy Keola", [], [("Governor", "Luang Namtha")])


@pytest.mark.parametrize("country, visitors", [("LA", [(["Bounmy Keola"], "Lai Chau")]),
                                               ("VN", []), (None, [])])
def test_a_title_before_a_first_name_names_the_person_of_a_given_name_first_country(
        country, visitors):
    body = ("Bounmy Keola invited Vu Minh Duc. Duc recalled that during his visit to Lai Chau "
            "last year, Governor Bounmy had asked for a school.")
    events = _events(body, people=[SECRETARY, LAO], places=[LAI_CHAU, LUANG_NAMTHA],
                     countries={"Bounmy Keola": country, "Vu Minh Duc": "VN"})
    assert _visits(events) == visitors


def test_the_full_name_wins_over_a_title_and_first_name():
    body = "Vu Minh Duc and Governor Bounmy Keola co-chaired the video conference on May 9."
    events = _events(body, people=[SECRETARY, LAO], countries={"Bounmy Keola": "LA"})
    assert _meetings(events) == [["Bounmy Keola", "Vu Minh Duc"]]
