"""Event patterns found by held-out set 4 (``events.en.v1``), on sentences written here.

Each pattern has sentences that must fire and, where the rule could over-fire,
sentences that must not. Entities are given by the test (``make_doc``) so only the
event rules are under test.
"""

from __future__ import annotations

import pytest

import passerelle.extract.events  # noqa: F401  (registers the component)
from passerelle.extract.actors import ActorIndex
from passerelle.extract.eventkit import trip_day

from extraction_support import (
    make_doc,
    english_events as _events,
    meetings_of as _meetings,
)

GUEST = ("Hoang Minh Duc", ["Duc", "Ambassador Duc"], [("Ambassador", "Vietnam")])
VICE = ("Le Thi Hoa", ["Hoa", "Deputy Minister Hoa"], [("Deputy Minister", "Vietnam")])
MAYOR = ("Sylvie Moreau", ["Moreau"], [("Mayor", "Quimperlé")])
RECTOR = ("Paul Garnier", ["Garnier"], [("Rector", None)])
CHAIR = ("Pham Van Son", ["Son"], [("Chairman", "Quang Tri People's Committee")])
LEADER = ("Marc Olivier", ["Olivier"], [("President", "Friendship Group")])
TOWN = ("Quimperlé", [], "city")
OTHER_TOWN = ("Concarneau", [], "city")
PROVINCE = ("Quang Tri", [], "province")
DISTRICT = ("Gio Linh", [], "district")
COUNTRY = ("France", [], "country")
UNI = ("Brest Polytechnic", [])
COUNCIL = ("Finistère Departmental Council", [])
ACME = ("Acme Marine", [])




def _visits(events):
    return [(e.participants, e.place, e.start, e.end) for e in events if e.type == "visit"]


# --- receptions and talks with the place written before "by"/"with" -----------------


@pytest.mark.parametrize("body", [
    "On May 4, Ambassador Hoang Minh Duc was received at the town hall by Mayor Sylvie Moreau.",
    "Hoang Minh Duc was warmly welcomed in Quimperlé by Mayor Sylvie Moreau on May 4.",
    "The ambassador was received at the headquarters of Acme Marine by Sylvie Moreau.",
])
def test_reception_with_the_place_before_by(body):
    events = _events("Ambassador Hoang Minh Duc arrived in Quimperlé on May 3. " + body,
                     people=[GUEST, MAYOR], orgs=[ACME], places=[TOWN])
    assert ["Hoang Minh Duc", "Sylvie Moreau"] in _meetings(events)


@pytest.mark.parametrize("body", [
    "On May 5, Hoang Minh Duc held talks in Quimperlé with Mayor Sylvie Moreau.",
    "Hoang Minh Duc met at the offices of Acme Marine with Sylvie Moreau.",
])
def test_talks_with_the_place_before_with(body):
    events = _events(body, people=[GUEST, MAYOR], orgs=[ACME], places=[TOWN])
    assert ["Hoang Minh Duc", "Sylvie Moreau"] in _meetings(events)


def test_work_somewhere_with_support_is_no_meeting():
    events = _events("Hoang Minh Duc praised their work in Quimperlé with Acme Marine.",
                     people=[GUEST], orgs=[ACME], places=[TOWN])
    assert _meetings(events) == []


# --- a bare "meet" before a person --------------------------------------------------


@pytest.mark.parametrize("body", [
    "The ambassador then travelled to Concarneau to tour the harbour and meet Sylvie Moreau.",
    "Hoang Minh Duc will meet Mayor Sylvie Moreau on May 6.",
])
def test_meet_before_a_person(body):
    events = _events(body, people=[GUEST, MAYOR], places=[OTHER_TOWN])
    assert _meetings(events) == [["Hoang Minh Duc", "Sylvie Moreau"]]


def test_meet_before_a_body_is_no_meeting():
    events = _events("Hoang Minh Duc said the port could meet the needs of Acme Marine.",
                     people=[GUEST], orgs=[ACME])
    assert _meetings(events) == []


# --- the last stop of a trip at an organisation ------------------------------------


@pytest.mark.parametrize("verb", ["ended its trip at", "began their visit at",
                                  "wrapped up the tour at"])
def test_a_trip_ending_at_an_organisation_meets_it(verb):
    body = ("A delegation led by Hoang Minh Duc paid a working visit to Quimperlé from May 3 "
            f"to 5. The delegation {verb} Brest Polytechnic, where lecturers presented their "
            "research.")
    events = _events(body, people=[GUEST], orgs=[UNI], places=[TOWN])
    assert _meetings(events) == [["Brest Polytechnic", "Hoang Minh Duc"]]


def test_a_trip_ending_at_a_town_is_no_meeting():
    body = ("Hoang Minh Duc paid a working visit to France from May 3 to 5. He ended his trip "
            "at Quimperlé.")
    events = _events(body, people=[GUEST], places=[TOWN, COUNTRY])
    assert _meetings(events) == []


# --- the visiting party named by a plural noun --------------------------------------


@pytest.mark.parametrize("second", [
    "On May 4, the French lawmakers were received by Chairman Pham Van Son.",
    "On May 4, the visitors were welcomed by Pham Van Son, Chairman of the province.",
    "The deputies also visited Acme Marine, where its director, Pham Van Son, showed them "
    "the yard.",
])
def test_the_visiting_party_is_its_leader(second):
    body = ("A delegation of the Friendship Group, led by its president, Marc Olivier, "
            "visited Quang Tri from May 3 to 6. " + second)
    events = _events(body, people=[LEADER, CHAIR], orgs=[ACME, ("Friendship Group", [])],
                     places=[PROVINCE])
    assert any({"Marc Olivier", "Pham Van Son"} <= set(m) for m in _meetings(events))


def test_local_officials_receiving_are_not_the_visitors():
    body = ("Marc Olivier paid a working visit to Quang Tri on May 3. Local officials received "
            "Pham Van Son at the airport.")
    events = _events(body, people=[LEADER, CHAIR], places=[PROVINCE])
    assert ["Marc Olivier", "Pham Van Son"] not in _meetings(events)


# --- two people on the same side ----------------------------------------------------


@pytest.mark.parametrize("body,other", [
    ("On May 4, Ambassador Duc and Deputy Minister Hoa held talks with Mayor Sylvie Moreau.",
     "Sylvie Moreau"),
    ("Ambassador Duc and Deputy Minister Hoa held talks at the headquarters of the Finistère "
     "Departmental Council with its vice president for external affairs.",
     "Finistère Departmental Council"),
])
def test_two_hosts_joined_by_and(body, other):
    events = _events(body, people=[GUEST, VICE, MAYOR], orgs=[COUNCIL])
    assert _meetings(events) == [sorted(["Hoang Minh Duc", "Le Thi Hoa", other])]


def test_a_host_and_an_appositive_are_not_two_hosts():
    events = _events("Hoang Minh Duc, Ambassador, met with Sylvie Moreau.",
                     people=[GUEST, MAYOR])
    assert _meetings(events) == [["Hoang Minh Duc", "Sylvie Moreau"]]


# --- a body the gazetteer does not know, and its named head ---------------------------


@pytest.mark.parametrize("body", [
    "On May 4, the delegation held a working session with Rennes Tech, where its rector, "
    "Paul Garnier, presented programmes in marine engineering.",
    "The delegation had talks with the Lorient Academy of Fisheries and its rector, "
    "Paul Garnier.",
])
def test_the_named_head_of_an_unknown_body_is_the_side(body):
    start = "Ambassador Hoang Minh Duc paid a working visit to Quimperlé from May 3 to 5. "
    events = _events(start + body, people=[GUEST, RECTOR], places=[TOWN])
    assert _meetings(events) == [["Hoang Minh Duc", "Paul Garnier"]]


def test_a_working_session_with_a_known_body_and_its_head_is_one_meeting():
    body = ("Ambassador Hoang Minh Duc paid a working visit to Quimperlé from May 3 to 5. "
            "On May 4, the delegation held a working session with Brest Polytechnic, where its "
            "rector, Paul Garnier, presented programmes.")
    events = _events(body, people=[GUEST, RECTOR], orgs=[UNI], places=[TOWN])
    assert _meetings(events) == [["Brest Polytechnic", "Hoang Minh Duc", "Paul Garnier"]]


# --- more sides joining the meeting just told ----------------------------------------


def test_sides_taking_part_in_the_meeting_join_it():
    body = ("On May 4, Pham Van Son received Hoang Minh Duc. Representatives of Acme Marine and "
            "of the Quimperlé Port Authority also took part in the working session. Sylvie "
            "Moreau, who attended the meeting, said the port was ready.")
    events = _events(body, people=[CHAIR, GUEST, MAYOR], orgs=[ACME], places=[TOWN])
    meetings = [e for e in events if e.type == "meeting"]
    assert len(meetings) == 1
    assert meetings[0].participants == ["Pham Van Son", "Hoang Minh Duc", "Acme Marine",
                                        "Sylvie Moreau"]
    assert meetings[0].start == "2026-05-04"


def test_a_place_inside_an_unknown_body_name_is_no_side():
    body = ("Representatives of the Quimperlé Port Authority and of Acme Marine held a working "
            "session.")
    assert _meetings(_events(body, orgs=[ACME], places=[TOWN])) == []


def test_attending_another_named_meeting_joins_nothing():
    body = ("On May 4, Pham Van Son received Hoang Minh Duc. Sylvie Moreau attended the meeting "
            "of the Acme Marine board in Quimperlé.")
    events = _events(body, people=[CHAIR, GUEST, MAYOR], orgs=[ACME], places=[TOWN])
    meetings = _meetings(events)
    assert ["Hoang Minh Duc", "Pham Van Son"] in meetings
    assert not any("Sylvie Moreau" in m and "Hoang Minh Duc" in m for m in meetings)


def test_taking_part_without_a_meeting_told_adds_nothing():
    body = "Sylvie Moreau and Acme Marine took part in the working session."
    assert _meetings(_events(body, people=[MAYOR], orgs=[ACME])) == []


# --- invitations are not visits or meetings yet ---------------------------------------


@pytest.mark.parametrize("body", [
    "Before leaving, Marc Olivier invited a delegation of Quang Tri's People's Council to "
    "visit Acme Marine in Concarneau this autumn.",
    "Marc Olivier invited the province's leaders to visit the harbour in Concarneau next year.",
    "Marc Olivier invited Pham Van Son to meet Sylvie Moreau in Concarneau.",
])
def test_an_invitation_to_visit_or_meet_is_neither(body):
    events = _events(body, people=[LEADER, CHAIR, MAYOR], orgs=[ACME],
                     places=[PROVINCE, OTHER_TOWN])
    assert _visits(events) == []
    assert _meetings(events) == []


# --- who travels: the subject written before the verb --------------------------------


@pytest.mark.parametrize("body", [
    "On May 5, the Vietnamese officials travelled to Concarneau, where they met Sylvie "
    "Moreau, Mayor of Concarneau.",
    "On May 5, the delegation arrived in Concarneau, where Sylvie Moreau welcomed them.",
])
def test_a_person_named_after_the_verb_does_not_travel(body):
    start = "A delegation led by Hoang Minh Duc visited France from May 3 to 7. "
    people = [GUEST, ("Sylvie Moreau", ["Moreau"], [("Mayor", "Concarneau")])]
    events = _events(start + body, people=people, places=[OTHER_TOWN, COUNTRY])
    assert (["Hoang Minh Duc"], "Concarneau", "2026-05-05", "2026-05-05") in _visits(events)
    assert all(v[0] != ["Sylvie Moreau"] for v in _visits(events))


@pytest.mark.parametrize("body,expected", [
    ("The Mayor of Quimperlé will lead a delegation of about 30 artisans to Quang Tri from 3 "
     "to 6 November.", ("Sylvie Moreau", "2026-11-03", "2026-11-06")),
    ("Sylvie Moreau is due to lead a business delegation to Quang Tri on 10-12 November.",
     ("Sylvie Moreau", "2026-11-10", "2026-11-12")),
])
def test_announced_lead_of_a_delegation_is_a_visit(body, expected):
    people = [("Sylvie Moreau", ["Moreau"], [("Mayor", None)]),
              ("Yves Le Roux", ["Le Roux"], [("Deputy Mayor", "Quimperlé")])]
    events = _events(body + " Mayor Sylvie Moreau will hold talks in Quang Tri.",
                     people=people, places=[TOWN, PROVINCE], published="2026-10-20")
    visits = _visits(events)
    assert [(v[0][0], v[2], v[3]) for v in visits] == [expected]


def test_the_mayor_is_not_the_deputy_mayor():
    doc = make_doc("x", people=[("Sylvie Moreau", [], [("Mayor", None)]),
                                ("Yves Le Roux", [], [("Deputy Mayor", "Quimperlé")])])
    index = ActorIndex(doc)
    assert index.role_holder("mayor", "Quimperlé", []) is None
    assert index.role_holder("mayor", None, []).name == "Sylvie Moreau"
    assert index.role_holder("deputy mayor", "Quimperlé", []).name == "Yves Le Roux"


# --- "on the last day of the trip" ----------------------------------------------------


@pytest.mark.parametrize("opening,day", [
    ("On the last day of the trip", "2026-03-14"),
    ("On the second day of his visit", "2026-03-13"),
])
def test_a_day_of_the_trip_dates_the_side_trip_and_meeting(opening, day):
    body = ("Ambassador Hoang Minh Duc paid a working visit to Quimperlé from 12 to 14 March. "
            f"{opening}, the ambassador travelled to Concarneau to meet Sylvie Moreau.")
    events = _events(body, people=[GUEST, MAYOR], places=[TOWN, OTHER_TOWN],
                     published="2026-03-16")
    assert (["Hoang Minh Duc"], "Concarneau", day, day) in _visits(events)
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.start == day


def test_trip_day():
    trip = ("2026-03-12", "2026-03-14")
    assert trip_day("On the first day of the tour, they met.", trip).start == "2026-03-12"
    assert trip_day("During the final day of their stay, they met.", trip).end == "2026-03-14"
    assert trip_day("On the fourth day of the trip, they met.", trip) is None  # past its end
    assert trip_day("On the last day of the trip, they met.", None) is None
    assert trip_day("The last day was busy.", trip) is None


# --- a site named after its place is not a destination ---------------------------------


def test_touring_an_industrial_park_is_no_visit_to_its_district():
    body = ("A delegation led by Hoang Minh Duc visited Quang Tri from May 3 to 6. On May 4, "
            "the visitors toured the Gio Linh industrial park.")
    events = _events(body, people=[GUEST], places=[PROVINCE, DISTRICT])
    assert [v[1] for v in _visits(events)] == ["Quang Tri"]


def test_travelling_to_the_district_is_a_visit():
    body = ("A delegation led by Hoang Minh Duc visited Quang Tri from May 3 to 6. On May 4, "
            "the visitors travelled to Gio Linh.")
    events = _events(body, people=[GUEST], places=[PROVINCE, DISTRICT])
    assert [v[1] for v in _visits(events)] == ["Quang Tri", "Gio Linh"]


# --- the date written right before the verb dates the meeting ---------------------------


@pytest.mark.parametrize("body,day", [
    ("Chairman Pham Van Son on May 20 received Hoang Minh Duc, who is on a working trip to "
     "France from May 18 to 23.", "2026-05-20"),
    ("Pham Van Son received Hoang Minh Duc on May 21, during his trip from May 18 to 23.",
     "2026-05-21"),
])
def test_the_meeting_date_is_the_one_next_to_its_verb(body, day):
    events = _events(body, people=[CHAIR, GUEST], places=[COUNTRY])
    meeting = next(e for e in events if e.type == "meeting")
    assert (meeting.start, meeting.end) == (day, day)
