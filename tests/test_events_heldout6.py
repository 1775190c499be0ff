"""Event patterns found by held-out set 6 (``events.en.v1``), on sentences written here.

Each pattern has sentences that must fire and, where the rule could over-fire,
sentences that must not. Entities are given by the test (``make_doc``) so only the
event rules are under test.
"""

from __future__ import annotations

import pytest

import passerelle.extract.events  # noqa: F401  (registers the component)

from extraction_support import (
    make_doc,
    run_component,
    english_events as _events,
    meetings_of as _meetings,
    visits_of as _visits,
)

HOST = ("Do Van Binh", ["Binh"], [("Vice Chairman", "People's Committee of Quang Ngai")])
GUEST = ("Agnès Perrin", ["Perrin"], [("Mayor", "Angers")])
ENVOY = ("Tran Quoc Viet", ["Viet"], [("Ambassador", "Vietnam")])
MAYOR = ("Yann Kervella", ["Kervella"], [("Mayor", "Brest")])
PREFECT = ("Odile Marchal", ["Marchal"], [("Prefect", "Finistère")])
RECTOR = ("Le Thi Hoa", ["Hoa"], [("Rector", "Hue University")])
DEAN = ("Paul Dufresne", ["Dufresne"], [("Vice President", "University of Nantes")])
DEPUTY = ("Marc Aubry", ["Mr Aubry"], [("Deputy Mayor", "Marseille")])
DIRECTOR = ("Julie Aubry", ["Ms Aubry"], [("Director", "Port of Marseille")])
OFFICER = ("Pierre Vasseur", ["Vasseur"], [("Naval Attaché", "French Embassy")])
QUANG_NGAI = ("Quang Ngai", [], "province")
BREST = ("Brest", [], "city")
QUIMPERLE = ("Quimperlé", [], "city")
NANTES = ("Nantes", [], "city")
PARIS = ("Paris", [], "city")
BRITTANY = ("Brittany", [], "region")
DA_NANG = ("Da Nang", [], "city")
PORT_ORG = ("Port of Marseille", [])
LAB = ("Institut Lumière", [])
CNRS = ("CNRS", [])
NANTES_UNI = ("University of Nantes", [])
WHO = ("WHO", [])
CAM_RANH = ("Cam Ranh", [])





@pytest.mark.parametrize("second", [
    "At the meeting, Binh told the guests that the WHO had praised the province.",
    "During the meeting, Binh asked the WHO to extend its programme.",
])
def test_at_the_meeting_refers_back_to_the_meeting_told(second):
    body = "On May 12, Do Van Binh received Agnès Perrin in Quang Ngai. " + second
    events = _events(body, people=[HOST, GUEST], orgs=[WHO], places=[QUANG_NGAI])
    assert _meetings(events) == [["Agnès Perrin", "Do Van Binh"]]


def test_a_meeting_between_named_sides_is_still_a_meeting():
    body = "A meeting between Do Van Binh and Agnès Perrin took place on May 12."
    assert _meetings(_events(body, people=[HOST, GUEST])) == [["Agnès Perrin", "Do Van Binh"]]


@pytest.mark.parametrize("sentence", [
    "Vasseur said the frigate, which called at Cam Ranh port last week, was well received.",
    "Vasseur recalled that the ship called at the port of Cam Ranh in March.",
])
def test_a_port_call_is_no_meeting(sentence):
    events = _events(sentence, people=[OFFICER], orgs=[CAM_RANH])
    assert _meetings(events) == []


def test_calling_at_an_organisation_is_still_a_visit_of_it():
    body = "On May 14, Agnès Perrin called at the Port of Marseille to discuss logistics."
    assert _meetings(_events(body, people=[GUEST], orgs=[PORT_ORG])) == [
        ["Agnès Perrin", "Port of Marseille"]]


@pytest.mark.parametrize("body, span", [
    ("Tran Quoc Viet on May 5 began a three-day working trip to Brittany.",
     ("2026-05-05", "2026-05-07")),
    ("Tran Quoc Viet arrived in Brittany on May 11 for a four-day stay.",
     ("2026-05-11", "2026-05-14")),
    ("Tran Quoc Viet paid a visit to Brittany from May 2 to 3 after a two-day stay in Paris.",
     ("2026-05-02", "2026-05-03")),
])
def test_the_length_of_a_trip_gives_its_last_day(body, span):
    events = _events(body, people=[ENVOY], places=[BRITTANY, PARIS])
    assert (["Tran Quoc Viet"], "Brittany", *span) in _visits(events)


def test_a_trip_without_a_first_day_gets_no_last_day():
    body = "Tran Quoc Viet began a three-day working trip to Brittany in May."
    visits = _visits(_events(body, people=[ENVOY], places=[BRITTANY]))
    assert all(v[3] != "2026-05-07" for v in visits)


@pytest.mark.parametrize("last", [
    "The tour ended in Brest on May 6, when Mayor Yann Kervella welcomed the ambassador.",
    "The trip ended in Brest on May 6, where Yann Kervella received the ambassador.",
])
def test_the_host_of_the_last_stop_is_not_the_traveller(last):
    body = ("Tran Quoc Viet on May 4 began a tour of Brittany. On May 5, Viet travelled to "
            "Quimperlé, where a group from Quang Ngai, led by Do Van Binh, had come last year. "
            + last)
    events = _events(body, people=[ENVOY, MAYOR, HOST],
                     places=[BRITTANY, BREST, QUIMPERLE, QUANG_NGAI])
    visits = _visits(events)
    assert (["Tran Quoc Viet"], "Brest", "2026-05-06", "2026-05-06") in visits
    assert not any(v[0] == ["Yann Kervella"] for v in visits)


@pytest.mark.parametrize("sentence", [
    "Do Van Binh on May 14 held talks with a delegation from Marseille, headed by Deputy "
    "Mayor Marc Aubry, and Julie Aubry, Director of the Port of Marseille.",
    "Do Van Binh had talks with the French delegation headed by Marc Aubry and Julie Aubry "
    "on May 14.",
])
def test_talks_with_a_delegation_are_one_meeting_with_its_heads(sentence):
    events = _events(sentence, people=[HOST, DEPUTY, DIRECTOR], orgs=[PORT_ORG])
    assert _meetings(events) == [["Do Van Binh", "Julie Aubry", "Marc Aubry"]]


def test_talks_with_two_named_people_stay_two_meetings():
    body = "Do Van Binh on May 14 held talks with Marc Aubry and Julie Aubry."
    events = _events(body, people=[HOST, DEPUTY, DIRECTOR])
    assert _meetings(events) == [["Do Van Binh", "Julie Aubry"], ["Do Van Binh", "Marc Aubry"]]


@pytest.mark.parametrize("sentence", [
    "On May 18 Le Thi Hoa met the team of the Institut Lumière, a joint laboratory of the "
    "CNRS and the University of Nantes, to discuss optics.",
    "On May 18 Le Thi Hoa visited the Institut Lumière, a research unit run by the CNRS.",
])
def test_a_description_after_a_body_names_no_other_side(sentence):
    events = _events(sentence, people=[RECTOR], orgs=[LAB, CNRS, NANTES_UNI])
    assert _meetings(events) == [["Institut Lumière", "Le Thi Hoa"]]


def test_a_story_told_out_of_order_gives_the_delegation_its_head():
    body = ("The Vietnamese delegation arrived in Nantes on May 16 and met the team of the "
            "Institut Lumière on May 18. Before that, Professor Le Thi Hoa had stopped in Paris "
            "on May 15. On May 19 the delegation was received by Paul Dufresne.")
    events = _events(body, people=[RECTOR, DEAN], orgs=[LAB], places=[NANTES, PARIS],
                     countries={"Le Thi Hoa": "VN", "Paul Dufresne": "FR"})
    assert (["Le Thi Hoa"], "Nantes", "2026-05-16", "2026-05-16") in _visits(events)
    assert (["Le Thi Hoa"], "Paris", "2026-05-15", "2026-05-15") in _visits(events)
    assert ["Le Thi Hoa", "Paul Dufresne"] in _meetings(events)
    assert ["Institut Lumière", "Le Thi Hoa"] in _meetings(events)


def test_a_delegation_of_another_nationality_is_not_the_protagonist():
    body = ("The French delegation arrived in Nantes on May 16. Professor Le Thi Hoa said "
            "the university was ready.")
    events = _events(body, people=[RECTOR], places=[NANTES], countries={"Le Thi Hoa": "VN"})
    assert _visits(events) == []


def test_a_host_is_not_the_protagonist_of_the_delegation():
    body = ("The delegation arrived in Da Nang on May 16. Do Van Binh will receive the "
            "guests on May 17.")
    events = _events(body, people=[HOST], places=[DA_NANG])
    assert _visits(events) == []


VICE = ("Ha Van Long", ["Long"], [("Permanent Vice Chairman", "Binh Dinh People's Committee")])
SECRETARY = ("Anne Roussel", ["Roussel"], [("Secretary-General", "Chamber of Commerce")])
CHAIR = ("Ngo Van Tam", ["Tam"], [("Chairman", "Binh Dinh People's Committee")])


@pytest.mark.parametrize("sentence", [
    "On May 18, the Vice Chairman met our Secretary-General, Anne Roussel, in Lyon.",
    "The Vice Chairman on May 18 held a working session with Anne Roussel.",
])
def test_the_vice_chairman_is_the_person_of_that_office(sentence):
    body = "Ha Van Long led a delegation to Lyon. " + sentence
    events = _events(body, people=[VICE, SECRETARY])
    assert ["Anne Roussel", "Ha Van Long"] in _meetings(events)


def test_the_chairman_is_not_the_vice_chairman():
    body = "Ha Van Long led a delegation to Lyon. On May 18, the Chairman met Anne Roussel."
    events = _events(body, people=[VICE, SECRETARY])
    assert ["Anne Roussel", "Ha Van Long"] not in _meetings(events)


@pytest.mark.parametrize("caption", [
    "Vice Chairman of the Binh Dinh People's Committee Ha Van Long (left) and Agnès Perrin at "
    "the meeting",
    "Ha Van Long, Permanent Vice Chairman of the Binh Dinh People's Committee, and Agnès "
    "Perrin at the working session",
])
def test_a_caption_meeting_does_not_add_the_host_body(caption):
    doc = make_doc("On May 12, Ha Van Long received Agnès Perrin.", people=[VICE, GUEST],
                   orgs=[("Binh Dinh People's Committee", [])], captions=[caption],
                   published="2026-05-20")
    events = run_component(doc, "events.en.v1").events
    assert _meetings(events) == [["Agnès Perrin", "Ha Van Long"]]


@pytest.mark.parametrize("sentence", [
    "This follows the visit to Nantes of a delegation from Hue University, led by its rector "
    "Le Thi Hoa, from 8 to 10 October.",
    "It came after the trip to Nantes of the Vietnamese delegation headed by Le Thi Hoa from "
    "8 to 10 October.",
])
def test_the_visit_of_a_delegation_led_by_someone(sentence):
    body = "Paul Dufresne announced a new programme. " + sentence
    events = _events(body, people=[DEAN, RECTOR], places=[NANTES], published="2026-11-20")
    assert (["Le Thi Hoa"], "Nantes", "2026-10-08", "2026-10-10") in _visits(events)
    assert not any(v[0] == ["Paul Dufresne"] for v in _visits(events))


@pytest.mark.parametrize("sentence, span", [
    ("A delegation led by Ngo Van Tam spent 16 to 18 March in Nantes.",
     ("2026-03-16", "2026-03-18")),
    ("Ngo Van Tam spent March 4-6 in Nantes to meet investors.", ("2026-03-04", "2026-03-06")),
])
def test_spending_dates_in_a_place_is_a_visit(sentence, span):
    events = _events(sentence, people=[CHAIR], places=[NANTES], published="2026-03-20")
    assert (["Ngo Van Tam"], "Nantes", *span) in _visits(events)


def test_spending_money_in_a_place_is_no_visit():
    body = "Ngo Van Tam said investors spent 40 million euros in Nantes last year."
    assert _visits(_events(body, people=[CHAIR], places=[NANTES])) == []


@pytest.mark.parametrize("who", ["who are on a working visit", "who were on a working trip"])
def test_two_visitors_of_one_relative_clause(who):
    body = (f"Ngo Van Tam received Agnès Perrin and Paul Dufresne, Vice President of the "
            f"University of Nantes, {who} to Da Nang from May 16 to 19.")
    events = _events(body, people=[CHAIR, GUEST, DEAN], orgs=[NANTES_UNI], places=[DA_NANG])
    assert (["Agnès Perrin", "Paul Dufresne"], "Da Nang", "2026-05-16", "2026-05-19") \
        in _visits(events)


def test_a_singular_relative_clause_keeps_one_visitor():
    body = ("Ngo Van Tam received Agnès Perrin and Paul Dufresne, Vice President of the "
            "University of Nantes, who is on a working visit to Da Nang from May 16 to 19.")
    events = _events(body, people=[CHAIR, GUEST, DEAN], orgs=[NANTES_UNI], places=[DA_NANG])
    assert (["Paul Dufresne"], "Da Nang", "2026-05-16", "2026-05-19") in _visits(events)


def test_a_province_named_by_its_region():
    body = ("Agnès Perrin, Mayor of Angers in Maine-et-Loire, is on a working visit to the "
            "South Central Coast province from May 16 to 19. Quang Ngai hopes to cooperate.")
    places = [QUANG_NGAI, ("Maine-et-Loire", [], "province"),
              ("South Central Coast", [], "region")]
    doc = make_doc(body, people=[GUEST], places=places, published="2026-05-20")
    countries = {"Quang Ngai": "VN", "Maine-et-Loire": "FR", "South Central Coast": "VN"}
    for place in doc.places:
        place.country = countries[place.name]
    body2 = "Quang Ngai and Maine-et-Loire are partners. " + body
    doc2 = make_doc(body2, people=[GUEST], places=places, published="2026-05-20")
    for place in doc2.places:
        place.country = countries[place.name]
    visits = _visits(run_component(doc2, "events.en.v1").events)
    assert (["Agnès Perrin"], "Quang Ngai", "2026-05-16", "2026-05-19") in visits
    visits = _visits(run_component(doc, "events.en.v1").events)
    assert not any(v[1] == "South Central Coast" for v in visits)


def test_a_planned_visit_of_the_delegation_is_the_trip_to_come():
    body = ("A delegation led by Agnès Perrin will travel to Vietnam from 30 November to "
            "4 December. The trip follows the visit to Angers of a delegation from Hue "
            "University, led by Le Thi Hoa, from 8 to 10 October. In Hue, the delegation "
            "plans to visit Hue University.")
    events = _events(body, people=[GUEST, RECTOR], orgs=[("Hue University", [])],
                     places=[("Vietnam", [], "country"), ("Angers", [], "city"),
                             ("Hue", [], "city")], published="2026-11-20")
    assert ["Agnès Perrin", "Hue University"] in _meetings(events)
    assert ["Hue University", "Le Thi Hoa"] not in _meetings(events)


def test_a_past_visit_of_the_delegation_keeps_its_traveller():
    body = ("A delegation led by Agnès Perrin will travel to Vietnam in December. Last "
            "month, a delegation led by Le Thi Hoa visited Angers. The delegation toured the "
            "Angers Institute.")
    events = _events(body, people=[GUEST, RECTOR], orgs=[("Angers Institute", [])],
                     places=[("Vietnam", [], "country"), ("Angers", [], "city")],
                     published="2026-11-20")
    assert ["Agnès Perrin", "Angers Institute"] not in _meetings(events)


PLACES_FR_VN = [("Marseille", [], "city"), ("Paris", [], "city"), ("Hai Phong", [], "city")]
COUNTRY_OF = {"Marseille": "FR", "Paris": "FR", "Hai Phong": "VN"}


def _foreign_visit_events(body):
    doc = make_doc(body, people=[HOST, DEPUTY, DIRECTOR], places=PLACES_FR_VN,
                   published="2026-10-16")
    for place in doc.places:
        place.country = COUNTRY_OF[place.name]
    for person in doc.people:
        person.country = {"Do Van Binh": "VN", "Marc Aubry": "FR"}.get(person.name)
    return run_component(doc, "events.en.v1").events


@pytest.mark.parametrize("second", [
    "The two French officials arrived in the northern port city on October 13 for a "
    "four-day stay.",
    "The French guests, who flew in from Paris, arrived in the city on October 13 for a "
    "four-day stay.",
])
def test_the_party_arrives_in_the_city_of_their_hosts(second):
    body = ("In Hai Phong, Do Van Binh held talks with a delegation from Marseille, headed by "
            "Marc Aubry, and Julie Aubry, Director of the Port of Marseille. " + second)
    visits = _visits(_foreign_visit_events(body))
    assert (["Julie Aubry", "Marc Aubry"], "Hai Phong", "2026-10-13", "2026-10-16") in \
        [(sorted(v[0]), *v[1:]) for v in visits]


def test_a_described_city_stays_unknown_when_several_fit():
    body = ("Do Van Binh held talks with Marc Aubry in Hai Phong. Marc Aubry had visited "
            "Paris. He arrived in the port city on October 13.")
    doc = make_doc(body, people=[HOST, DEPUTY], places=PLACES_FR_VN, published="2026-10-16")
    visits = _visits(run_component(doc, "events.en.v1").events)
    assert not any(v[2] == "2026-10-13" for v in visits)


@pytest.mark.parametrize("body, place", [
    ("Agnès Perrin will travel to Vietnam from 30 November to 4 December, with stops in "
     "Hue and Da Nang.", "Vietnam"),
    ("Professor Le Thi Hoa had stopped in Angers on 15 November for a working session.",
     "Angers"),
])
def test_travel_and_stops(body, place):
    places = [("Vietnam", [], "country"), ("Hue", [], "city"), ("Da Nang", [], "city"),
              ("Angers", [], "city")]
    visits = _visits(_events(body, people=[GUEST, RECTOR], places=places,
                             published="2026-11-20"))
    assert [v[1] for v in visits] == [place]
