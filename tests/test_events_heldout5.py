"""Event patterns found by held-out set 5 (``events.en.v1``), on sentences written here.

Each pattern has sentences that must fire and, where the rule could over-fire,
sentences that must not. Entities are given by the test (``make_doc``) so only the
event rules are under test.
"""

from __future__ import annotations

import pytest

import passerelle.extract.events  # noqa: F401  (registers the component)
from passerelle.extract.actors import resolve_sentences
from passerelle.extract.base import analyze

from extraction_support import (
    make_doc,
    english_events as _events,
    meetings_of as _meetings,
    visits_of as _visits,
)

HOST = ("Do Van Binh", ["Binh"], [("Vice Chairman", "People's Committee of Quang Nam")])
CITY_HOST = ("Mai Thi Thu", ["Thu"], [("Chairwoman", "Da Nang City People's Committee")])
LEAD = ("Agnès Perrin", ["Perrin"], [("Vice President", "Brittany Regional Council")])
AIDE = ("Loïc Tanguy", ["Tanguy"], [("Director", "Chamber of Commerce of Morbihan")])
ENGINEER = ("Hans Vogel", ["Vogel"], [("Managing Director", "Vogel Hydraulik")])
BANKER = ("Petra Lang", ["Lang"], [("Head", "German Chamber of Commerce")])
RECTOR = ("Vo Thi Lien", ["Lien"], [("Rector", "Quang Nam University")])
DEAN = ("Julien Roux", ["Roux"], [("President", "University of Rennes")])
OFFICER = ("Commander Eric Daval", ["Daval"], [("Naval Attaché", "French Embassy")])
DOCTOR = ("Pham Minh Khoa", ["Khoa"], [("Director", "Hue Department of Health")])
SURGEON = ("Tran Thi Yen", ["Yen"], [("Director", "Hue Central Hospital")])
CHIEF = ("Sandrine Aubert", ["Aubert"], [("Director General", "Lyon Hospitals")])
MAYOR = ("Gérard Pichon", ["Mayor Pichon", "Pichon"], [("Mayor", "Annecy")])
VICE = ("Hoang Thi Nga", ["Nga"], [("Vice Chairwoman", "Quang Nam People's Committee")])
PROVINCE = ("Quang Nam", [], "province")
DA_NANG = ("Da Nang", [], "city")
HOI_AN = ("Hoi An", [], "city")
BRITTANY = ("Brittany", [], "region")
ANNECY = ("Annecy", [], "city")
RENNES = ("Rennes", [], "city")
LYON = ("Lyon", [], "city")
NORMANDY = ("Normandy", [], "region")
UNI = ("Quang Nam University", [])
RENNES_UNI = ("University of Rennes", [])
COMMITTEE = ("People's Committee of Quang Nam", [])





# --- a delegation received, named by its leader and companions ----------------------


@pytest.mark.parametrize("body", [
    "Do Van Binh on May 12 received a delegation from Brittany led by Agnès Perrin, "
    "Vice President of the Brittany Regional Council, who was accompanied by Loïc Tanguy.",
    "On May 12, Do Van Binh welcomed a business delegation led by Agnès Perrin and "
    "including Director Loïc Tanguy.",
])
def test_a_received_delegation_is_its_leader_and_companions(body):
    events = _events(body, people=[HOST, LEAD, AIDE], places=[BRITTANY, PROVINCE])
    assert _meetings(events) == [["Agnès Perrin", "Do Van Binh", "Loïc Tanguy"]]


def test_a_delegation_received_without_a_leader_named_is_no_meeting():
    body = "Do Van Binh on May 12 received a delegation from Brittany to discuss tourism."
    assert _meetings(_events(body, people=[HOST], places=[BRITTANY])) == []


# --- the guests named later by a group phrase ---------------------------------------


@pytest.mark.parametrize("second", [
    "The French guests also worked with Quang Nam University, where Rector Vo Thi Lien "
    "presented its courses.",
    "The following day the delegation met Vo Thi Lien, Rector of Quang Nam University.",
])
def test_the_guests_are_the_received_party_not_the_host(second):
    body = ("Do Van Binh on May 12 received Agnès Perrin and Loïc Tanguy in Tam Ky. " + second)
    events = _events(body, people=[HOST, LEAD, AIDE, RECTOR], orgs=[UNI], places=[PROVINCE])
    with_rector = [m for m in _meetings(events) if "Vo Thi Lien" in m]
    assert with_rector and all("Do Van Binh" not in m for m in with_rector)
    assert all({"Agnès Perrin", "Loïc Tanguy"} <= set(m) for m in with_rector)


def test_a_nationality_picks_the_party_of_that_country():
    """The host's own past trip told in between is not "the French delegation"."""
    body = ("Do Van Binh on May 12 hosted a reception for Agnès Perrin. Binh recalled his "
            "trip to Normandy last year. On May 13 the French delegation is scheduled to "
            "visit Quang Nam University, where Rector Vo Thi Lien will present its courses.")
    events = _events(body, people=[HOST, LEAD, RECTOR], orgs=[UNI], places=[NORMANDY, PROVINCE],
                     countries={"Do Van Binh": "VN", "Agnès Perrin": "FR", "Vo Thi Lien": "VN"})
    assert ["Agnès Perrin", "Quang Nam University", "Vo Thi Lien"] in _meetings(events)


@pytest.mark.parametrize("second", [
    "Chairwoman Mai Thi Thu will receive the guests on May 14.",
    "On May 14 the visitors were received by Mai Thi Thu.",
])
def test_a_host_receiving_the_announced_delegation(second):
    body = ("A delegation from Annecy will pay a working visit to Da Nang from May 13 to 16. "
            "The delegation will be led by Gérard Pichon, Mayor of Annecy. " + second)
    events = _events(body, people=[MAYOR, CITY_HOST], places=[ANNECY, DA_NANG])
    assert ["Gérard Pichon", "Mai Thi Thu"] in _meetings(events)
    assert (["Gérard Pichon"], "Da Nang", "2026-05-13", "2026-05-16") in _visits(events)


def test_receiving_the_guests_with_no_party_known_is_no_meeting():
    body = "Chairwoman Mai Thi Thu will receive the guests on May 14."
    assert _meetings(_events(body, people=[CITY_HOST], places=[DA_NANG])) == []


@pytest.mark.parametrize("verb", ["met", "held talks with"])
def test_a_delegation_which_included_someone_is_led_by_its_leader(verb):
    body = ("A delegation of the Hue Department of Health led by Pham Minh Khoa paid a working "
            "visit to Lyon from May 3 to 8. During the trip, the delegation, which included "
            f"Dr Tran Thi Yen, director of Hue Central Hospital, {verb} Sandrine Aubert.")
    events = _events(body, people=[DOCTOR, SURGEON, CHIEF], places=[LYON])
    assert _meetings(events) == [["Pham Minh Khoa", "Sandrine Aubert", "Tran Thi Yen"]]


# --- a reception implies the guests' visit to the host's town or province -----------


@pytest.mark.parametrize("host,place", [(HOST, PROVINCE), (CITY_HOST, DA_NANG)])
def test_a_local_government_host_implies_the_guests_visit(host, place):
    body = (f"{host[0]} on May 12 received Hans Vogel and Petra Lang, who came to seek a "
            "factory site. During their stay from May 11 to 14, the German guests also "
            "toured an industrial park.")
    events = _events(body, people=[host, ENGINEER, BANKER], places=[place])
    assert _visits(events) == [(["Hans Vogel", "Petra Lang"], place[0], "2026-05-11",
                                "2026-05-14")]


def test_a_host_of_no_local_government_implies_no_visit():
    body = "Rector Vo Thi Lien on May 12 received Hans Vogel and Petra Lang."
    events = _events(body, people=[RECTOR, ENGINEER, BANKER], orgs=[UNI], places=[PROVINCE])
    assert _visits(events) == []


def test_a_local_guest_does_not_visit_his_own_province():
    body = "Do Van Binh on May 12 received Hoang Thi Nga and Hans Vogel."
    events = _events(body, people=[HOST, VICE, ENGINEER], places=[PROVINCE])
    assert _visits(events) == [(["Hans Vogel"], "Quang Nam", "2026-05-12", "2026-05-12")]


# --- who travelled: "by" after a date, a delegation named after its town -------------


@pytest.mark.parametrize("body", [
    "The visit follows a trip to Annecy in March by Vice Chairwoman Hoang Thi Nga, during "
    "which Mayor Pichon proposed a twinning.",
    "It comes after a visit to Annecy on March 3 by Hoang Thi Nga, when Gérard Pichon "
    "welcomed the idea.",
])
def test_the_traveller_is_after_by_even_after_a_date(body):
    events = _events(body, people=[MAYOR, VICE], places=[ANNECY])
    assert [v[:2] for v in _visits(events)] == [(["Hoang Thi Nga"], "Annecy")]


@pytest.mark.parametrize("body", [
    "The agreement was signed during a visit to Hoi An by a Rennes delegation from May 4 to 7.",
    "Talks were held during a trip to Hoi An by a delegation from Rennes from May 4 to 7.",
])
def test_a_delegation_named_after_its_town_is_led_by_its_official(body):
    body = "Julien Roux, President of the University of Rennes, praised the talks. " + body
    events = _events(body, people=[DEAN], orgs=[RENNES_UNI], places=[RENNES, HOI_AN])
    assert (["Julien Roux"], "Hoi An", "2026-05-04", "2026-05-07") in _visits(events)


def test_a_town_delegation_with_nobody_of_that_town_has_no_visitor():
    body = ("Vo Thi Lien praised the talks. They were held during a visit to Hoi An by a "
            "Rennes delegation from May 4 to 7.")
    events = _events(body, people=[RECTOR], orgs=[UNI], places=[RENNES, HOI_AN])
    assert _visits(events) == []


# --- sites and announced returns ------------------------------------------------------


@pytest.mark.parametrize("site", ["hospital", "university", "institute"])
def test_a_site_named_after_a_place_is_no_destination(site):
    body = (f"During the trip, the delegation visited Lyon {site}, where doctors presented "
            "their work.")
    events = _events("Pham Minh Khoa paid a working visit to France on May 3. " + body,
                     people=[DOCTOR], places=[LYON, ("France", [], "country")])
    assert [v[1] for v in _visits(events)] == ["France"]


@pytest.mark.parametrize("body", [
    "Commander Daval said he would return to Da Nang with the crew for the ceremony on June 2.",
    "Commander Eric Daval will come back to Da Nang on June 2 for the ceremony.",
])
def test_an_announced_return_is_a_visit(body):
    events = _events(body, people=[OFFICER], places=[DA_NANG])
    assert _visits(events) == [(["Commander Eric Daval"], "Da Nang", "2026-06-02", "2026-06-02")]


def test_others_returning_are_not_the_speakers_visit():
    body = "Commander Daval said the cadets would return to Da Nang on June 2."
    assert _visits(_events(body, people=[OFFICER], places=[DA_NANG])) == []


# --- an office with "and" in its name is still the subject -----------------------------


@pytest.mark.parametrize("office", ["Deputy Minister of Industry and Trade",
                                    "Director of the Department of Science and Technology"])
def test_an_office_with_and_keeps_its_holder_as_subject(office):
    body = f"{office} Le Thi Hoa opened the fair. She urged firms to invest."
    doc = make_doc(body, people=[("Le Thi Hoa", ["Hoa"], [("Deputy Minister", "Vietnam")])])
    sentences = resolve_sentences(analyze(doc))
    assert [s.subject.name if s.subject else None for s in sentences] == ["Le Thi Hoa"] * 2


def test_two_people_joined_by_and_keep_the_first_as_subject():
    body = "Tran Van An and Le Thi Hoa signed the plan."
    doc = make_doc(body, people=[("Tran Van An", [], []), ("Le Thi Hoa", [], [])])
    sentence = resolve_sentences(analyze(doc))[0]
    assert sentence.subject.name == "Tran Van An"
    assert [h.is_object for h in sentence.hits] == [False, True]


def test_a_guest_named_with_his_body_still_visits():
    body = ("Mai Thi Thu on May 12 received Hans Vogel, Managing Director of Vogel Hydraulik, "
            "and Petra Lang.")
    events = _events(body, people=[CITY_HOST, ENGINEER, BANKER], orgs=[("Vogel Hydraulik", [])],
                     places=[DA_NANG])
    assert [v[:2] for v in _visits(events)] == [(["Hans Vogel", "Petra Lang"], "Da Nang")]


def test_a_nationality_of_no_known_party_is_not_the_host():
    """"The German guests" is not the Vietnamese protagonist when no guest is known."""
    body = ("Mai Thi Thu chaired a meeting on May 12. The German guests also worked with "
            "Rector Vo Thi Lien.")
    events = _events(body, people=[CITY_HOST, RECTOR], places=[DA_NANG],
                     countries={"Mai Thi Thu": "VN", "Vo Thi Lien": "VN"})
    assert all("Mai Thi Thu" not in m for m in _meetings(events))


def test_a_party_of_mixed_countries_fits_its_nationality():
    body = ("Do Van Binh on May 12 received Agnès Perrin and Hans Vogel. The German guests "
            "also worked with Rector Vo Thi Lien.")
    events = _events(body, people=[HOST, LEAD, ENGINEER, RECTOR], places=[PROVINCE],
                     countries={"Do Van Binh": "VN", "Agnès Perrin": "FR", "Hans Vogel": "DE"})
    assert ["Agnès Perrin", "Hans Vogel", "Vo Thi Lien"] in _meetings(events)
