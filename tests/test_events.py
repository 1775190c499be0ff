"""Events (``events.en.v1``) on documents whose entities the test fills itself."""

from __future__ import annotations

import json

import pytest

from passerelle.records import Document

import passerelle.extract.events  # noqa: F401  (registers the component)

from extraction_support import make_doc, run_component


def run_events(doc):
    return run_component(doc, "events.en.v1").events


AMB = ("Nguyen Van An", ["An"], [("Ambassador", "Vietnam")])
MAYOR = ("Claire Dubois", ["Dubois"], [("Mayor", "Lyonnais-sur-Mer")])
TOWN = ("Lyonnais-sur-Mer", [], "city")
REGION = ("Bretagne", [], "region")
FR = ("France", [], "country")


def _one(events, kind):
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("body,published,expected", [
    ("Vietnamese Ambassador to France Nguyen Van An paid a working visit to "
     "Lyonnais-sur-Mer, a town in Bretagne, from May 4-6, 2024.", None,
     ("Nguyen Van An", "Lyonnais-sur-Mer", "2024-05-04", "2024-05-06")),
    ("A working trip to Lyonnais-sur-Mer by Ambassador Nguyen Van An from June 2–3 "
     "opened new avenues.", "2024-06-10",
     ("Nguyen Van An", "Lyonnais-sur-Mer", "2024-06-02", "2024-06-03")),
    ("In the course of his visit and talks from April 10-12 in Lyonnais-sur-Mer, "
     "Ambassador Nguyen Van An spoke with local companies.", None,
     ("Nguyen Van An", "Lyonnais-sur-Mer", None, None)),
])
def test_visit(body, published, expected):
    doc = make_doc(body, people=[AMB], places=[TOWN, REGION, FR], published=published)
    visit = _one(run_events(doc), "visit")
    assert (visit.participants[0], visit.place, visit.start, visit.end) == expected
    assert visit.evidence in doc.body


def test_visit_enclosing_units_become_place_aliases():
    doc = make_doc("Ambassador Nguyen Van An made a working tour of Lyonnais-sur-Mer city in "
                   "Bretagne region from May 4-6.", people=[AMB], places=[TOWN, REGION],
                   published="2024-05-10")
    visit = _one(run_events(doc), "visit")
    assert visit.place_aliases == ["Bretagne"]


def test_planned_visit_with_month_precision():
    doc = make_doc("Both sides praised the official visit to France by President Tran Quoc Binh "
                   "in early October 2024.", people=[("Tran Quoc Binh", [], [])], places=[FR])
    visit = _one(run_events(doc), "visit")
    assert (visit.participants, visit.place) == (["Tran Quoc Binh"], "France")
    assert (visit.start, visit.precision) == ("2024-10-01", "month")
    exported = doc.to_record()["events"][0]
    assert (exported["start"], exported["start_month"]) == (None, "2024-10")


def test_past_visit_of_a_person_told_in_a_relative_clause_is_not_a_visit():
    doc = make_doc("He met Mayor Claire Dubois, who visited France in 2018.",
                   people=[MAYOR], places=[FR])
    assert [e for e in run_events(doc) if e.type == "visit"] == []


@pytest.mark.parametrize("body,sides", [
    ("In Lyonnais-sur-Mer, Ambassador Nguyen Van An met and worked with Mayor Claire Dubois.",
     {"Nguyen Van An", "Claire Dubois"}),
    ("Receiving the ambassador, Mayor Claire Dubois praised the ties.",
     {"Nguyen Van An", "Claire Dubois"}),
    ("The working session between Mayor Claire Dubois and Ambassador Nguyen Van An was warm.",
     {"Nguyen Van An", "Claire Dubois"}),
    ("Nguyen Van An also had a working session with Aerotech.", {"Nguyen Van An", "Aerotech"}),
    ("Ambassador Nguyen Van An visited the assembly plant of Aerotech.",
     {"Nguyen Van An", "Aerotech"}),
])
def test_meeting(body, sides):
    prelude = "Ambassador Nguyen Van An arrived. "
    doc = make_doc(prelude + body, people=[AMB, MAYOR], orgs=[("Aerotech", [])],
                   places=[TOWN])
    meeting = _one(run_events(doc), "meeting")
    assert set(meeting.participants) == sides
    assert meeting.evidence in doc.body


def test_meetings_with_two_people_are_two_meetings_and_duplicates_merge():
    body = ("Ambassador Nguyen Van An had meetings with Mayor Claire Dubois and "
            "Governor Paul Martin. Later, Nguyen Van An met with Claire Dubois again.")
    doc = make_doc(body, people=[AMB, MAYOR, ("Paul Martin", [], [("Governor", "Bretagne")])])
    meetings = [e for e in run_events(doc) if e.type == "meeting"]
    assert sorted(sorted(m.participants) for m in meetings) == [
        ["Claire Dubois", "Nguyen Van An"], ["Nguyen Van An", "Paul Martin"]]


def test_caption_events_point_to_their_caption():
    doc = make_doc("The talks went well.", people=[AMB, MAYOR],
                   captions=["Ambassador Nguyen Van An meets with Mayor Claire Dubois."])
    meeting = _one(run_events(doc), "meeting")
    assert meeting.evidence_segment == "caption:0"
    assert meeting.evidence in doc.segment_text("caption:0")


def test_agreement_and_conference():
    body = ("Mayor Claire Dubois hosted a reception for Ambassador Nguyen Van An, during which "
            "they signed a memorandum of understanding. Nguyen Van An also attended a "
            "business forum in Lyonnais-sur-Mer.")
    doc = make_doc(body, people=[AMB, MAYOR], places=[TOWN])
    events = run_events(doc)
    assert set(_one(events, "agreement").participants) == {"Claire Dubois", "Nguyen Van An"}
    conf = _one(events, "conference")
    assert (conf.participants, conf.place) == (["Nguyen Van An"], "Lyonnais-sur-Mer")


def _gold_docs(shared_dir):
    inputs = {}
    for line in (shared_dir / "corpus/dev/input.jsonl").read_text().splitlines():
        rec = json.loads(line)
        inputs[rec["id"]] = rec.get("published")
    for name in ("gold.jsonl", "gold-seeds.jsonl"):
        for line in (shared_dir / "corpus/dev" / name).read_text().splitlines():
            gold = json.loads(line)
            if gold["language"] == "en":
                yield gold, inputs.get(gold["id"], gold.get("published"))


def test_dev_corpus_with_gold_entities(shared_dir):
    """Visits and meetings F1 on English dev documents whose entities come from gold."""
    from passerelle.evaluate import score

    golds, preds = [], []
    for gold, published in _gold_docs(shared_dir):
        rec = {k: gold.get(k) for k in ("id", "body", "captions", "people", "organizations",
                                        "places")}
        doc = Document.from_record({**rec, "published": published, "language": "en"})
        events = run_events(doc)
        assert all(e.evidence in doc.segment_text(e.evidence_segment) for e in events)
        golds.append(gold)
        preds.append(doc.to_record())
    report = score(golds, preds, language="en")
    assert report.fields["visits"].f1 >= 0.85
    assert report.fields["meetings"].f1 >= 0.70


@pytest.mark.parametrize("body", ["", "No names here at all.", "A visit. A meeting with."])
def test_documents_without_entities_give_no_events(body):
    assert run_events(make_doc(body)) == []


@pytest.mark.parametrize("body,expected", [
    ("Ambassador Nguyen Van An met Mayor Claire Dubois on the first day.",
     [{"Nguyen Van An", "Claire Dubois"}]),
    ("Mayor Claire Dubois received Ambassador Nguyen Van An at the town hall.",
     [{"Nguyen Van An", "Claire Dubois"}]),
    ("Mayor Claire Dubois said the port received support from Aerotech.", []),
    ("Ambassador Nguyen Van An paid a courtesy call on Mayor Claire Dubois.",
     [{"Nguyen Van An", "Claire Dubois"}]),
])
def test_more_meeting_patterns(body, expected):
    doc = make_doc(body, people=[AMB, MAYOR], orgs=[("Aerotech", [])], places=[TOWN])
    meetings = [set(e.participants) for e in run_events(doc) if e.type == "meeting"]
    assert meetings == expected


@pytest.mark.parametrize("body,expected", [
    ("Ambassador Nguyen Van An arrived in Lyonnais-sur-Mer on May 4.",
     ("Nguyen Van An", "Lyonnais-sur-Mer", "2024-05-04", "past")),
    ("Ambassador Nguyen Van An will visit Lyonnais-sur-Mer on June 12.",
     ("Nguyen Van An", "Lyonnais-sur-Mer", "2024-06-12", "planned")),
    ("Mayor Claire Dubois invited him to visit Lyonnais-sur-Mer.", None),
])
def test_verb_visits(body, expected):
    doc = make_doc(body, people=[AMB, MAYOR], places=[TOWN], published="2024-05-20")
    visits = [e for e in run_events(doc) if e.type == "visit"]
    if expected is None:
        assert visits == []
    else:
        (v,) = visits
        assert (v.participants[0], v.place, v.start, v.tense) == expected


def test_being_at_an_organisation_is_a_meeting_with_it():
    doc = make_doc("At Aerotech, Ambassador Nguyen Van An looked at drone projects.",
                   people=[AMB], orgs=[("Aerotech", [])])
    assert [e.participants for e in run_events(doc)] == [["Nguyen Van An", "Aerotech"]]


def test_the_two_sides_signing_takes_the_sides_of_the_last_meeting():
    body = ("Ambassador Nguyen Van An held talks with Mayor Claire Dubois. "
            "At the talks, the two sides signed a memorandum of understanding.")
    doc = make_doc(body, people=[AMB, MAYOR])
    assert _one(run_events(doc), "agreement").participants == ["Nguyen Van An", "Claire Dubois"]


def test_the_delegation_is_led_by_the_story_protagonist():
    body = ("Ambassador Nguyen Van An arrived with a business group. "
            "Mayor Claire Dubois spoke about the port. "
            "The delegation then visited the workshops of Aerotech.")
    doc = make_doc(body, people=[AMB, MAYOR], orgs=[("Aerotech", [])])
    assert _one(run_events(doc), "meeting").participants == ["Nguyen Van An", "Aerotech"]


@pytest.mark.parametrize("body", [
    "Ambassador Nguyen Van An arrived. Many tourists visited the workshops of Aerotech.",
    "Ambassador Nguyen Van An arrived. The port received new cranes from Aerotech.",
    "Ambassador Nguyen Van An arrived. The port received Aerotech engineers last year.",
])
def test_no_meeting_without_a_named_host(body):
    doc = make_doc(body, people=[AMB], orgs=[("Aerotech", [])])
    assert [e for e in run_events(doc) if e.type == "meeting"] == []


def test_towns_that_sign_a_charter_are_its_parties():
    doc = make_doc("In 2019, Lyonnais-sur-Mer and Bretagne signed a twinning charter.",
                   places=[TOWN, REGION])
    agreement = _one(run_events(doc), "agreement")
    assert agreement.participants == ["Lyonnais-sur-Mer", "Bretagne"]
    assert agreement.start is None  # a year alone does not date a signing


@pytest.mark.parametrize("body,expected", [
    ("Mayor Claire Dubois, who is on a working visit to Bretagne, met the governor.",
     [("Claire Dubois", "Bretagne")]),
    ("Ambassador Nguyen Van An led a business delegation to Lyonnais-sur-Mer. "
     "The delegation is scheduled to visit Bretagne next.",
     [("Nguyen Van An", "Lyonnais-sur-Mer"), ("Nguyen Van An", "Bretagne")]),
    ("The delegation is scheduled to visit Bretagne next.", []),
    ("Ambassador Nguyen Van An paid a visit to the Red River Delta city.", []),
])
def test_visitor_from_relative_clause_and_delegation(body, expected):
    doc = make_doc(body, people=[AMB, MAYOR],
                   places=[TOWN, REGION, ("Red River Delta", [], "natural")])
    visits = [(e.participants[0], e.place) for e in run_events(doc) if e.type == "visit"]
    assert visits == expected


DIR = ("Marc Leroy", ["Leroy"], [("Director General", "Ocean Institute")])
INSTITUTE = ("Ocean Institute", [])


@pytest.mark.parametrize("body,expected", [
    ("Ambassador Nguyen Van An was received by Mayor Claire Dubois on May 3.",
     ["Nguyen Van An", "Claire Dubois"]),
    ("A delegation led by Ambassador Nguyen Van An arrived in Lyonnais-sur-Mer. "
     "On May 3, the delegation was warmly welcomed by Mayor Claire Dubois.",
     ["Nguyen Van An", "Claire Dubois"]),
])
def test_passive_reception_is_a_meeting(body, expected):
    doc = make_doc(body, [AMB, MAYOR], places=[TOWN], published="2024-05-10")
    meeting = _one(run_events(doc), "meeting")
    assert meeting.participants == expected


def test_talks_with_a_person_do_not_add_their_body_as_another_meeting():
    body = ("In Lyonnais-sur-Mer, Nguyen Van An held talks with Marc Leroy, Director General "
            "of Ocean Institute.")
    doc = make_doc(body, [AMB, DIR], orgs=[INSTITUTE], places=[TOWN])
    meetings = [e.participants for e in run_events(doc) if e.type == "meeting"]
    assert meetings == [["Nguyen Van An", "Marc Leroy"]]


def test_touring_an_organisation_is_a_meeting_with_it():
    body = "Ambassador Nguyen Van An later toured the Ocean Institute."
    doc = make_doc(body, [AMB], orgs=[INSTITUTE])
    assert _one(run_events(doc), "meeting").participants == ["Nguyen Van An", "Ocean Institute"]


@pytest.mark.parametrize("body,expected", [
    ("A delegation of the ministry led by Ambassador Nguyen Van An was in Bretagne "
     "from May 27 to 30 to study ports.", ("Nguyen Van An", "Bretagne", "2024-05-27")),
    ("Mayor Claire Dubois hosted a delegation led by Ambassador Nguyen Van An. "
     "The delegation was in Bretagne to study ports.", ("Nguyen Van An", "Bretagne", None)),
    ("The accord was signed by Ambassador Nguyen Van An, who is leading a delegation to "
     "Bretagne from 2 to 5 June.", ("Nguyen Van An", "Bretagne", "2024-06-02")),
])
def test_delegation_stays_are_visits(body, expected):
    doc = make_doc(body, [AMB, MAYOR], places=[REGION], published="2024-06-10")
    visit = _one(run_events(doc), "visit")
    assert (visit.participants[0], visit.place, visit.start) == expected


def test_a_resident_being_in_a_place_is_not_a_visit():
    doc = make_doc("Mayor Claire Dubois was in Bretagne last week.", [MAYOR], places=[REGION])
    assert [e for e in run_events(doc) if e.type == "visit"] == []


def test_passive_attendance_and_signing():
    body = ("Nguyen Van An met Mayor Claire Dubois. An agreement on scholarships was signed "
            "by the two "
            "officials. The opening ceremony was attended by Ambassador Nguyen Van An and "
            "Mayor Claire Dubois.")
    doc = make_doc(body, [AMB, MAYOR], places=[TOWN])
    events = run_events(doc)
    assert _one(events, "agreement").participants == ["Nguyen Van An", "Claire Dubois"]
    assert _one(events, "conference").participants == ["Nguyen Van An", "Claire Dubois"]


def test_the_delegation_visiting_a_body_and_discussing_with_its_head():
    """The delegation (not the host named after the verb) visits; "discussed X with its
    director, Y" is one meeting with Y and the body Y stands for (annotators name either)."""
    body = ("Ambassador Nguyen Van An paid a working visit to Bretagne. "
            "The delegation also visited the Ocean Institute, where they discussed "
            "fisheries with its director, Marc Leroy.")
    doc = make_doc(body, [AMB, DIR], orgs=[INSTITUTE], places=[REGION])
    meetings = [e.participants for e in run_events(doc) if e.type == "meeting"]
    assert meetings == [["Nguyen Van An", "Marc Leroy", "Ocean Institute"]]
    assert all("Marc Leroy" not in m or "Nguyen Van An" in m for m in meetings)


# --- generalisation fixes found on the second held-out set ---------------------------

GOV = ("Paul Lemaire", ["Lemaire"], [("Governor", "Bretagne")])
PORT = ("Port-Vert", [], "city")


@pytest.mark.parametrize("places,expected", [
    ([REGION, FR, TOWN], [("Nguyen Van An", "Bretagne")]),
    # two regions named: "the western region" is ambiguous, no visit is made up
    ([REGION, FR, TOWN, ("Normandie", [], "region")], []),
])
def test_destination_named_by_its_kind_is_the_one_such_place(places, expected):
    body = ("Ambassador Nguyen Van An met officials of Bretagne and Normandie in "
            "Lyonnais-sur-Mer on May 4, during the diplomat's three-day trip to the "
            "western region.")
    doc = make_doc(body, [AMB], places=places, published="2024-05-10")
    visits = [(e.participants[0], e.place) for e in run_events(doc) if e.type == "visit"]
    assert visits == expected


def test_visit_by_a_delegation_is_led_by_the_sentence_subject_and_set_where_it_met():
    body = ("Governor Paul Lemaire held talks with Ambassador Nguyen Van An in Port-Vert on "
            "June 2, during a visit by a 30-member delegation from the region from June 1 to 4.")
    doc = make_doc(body, [GOV, AMB], places=[PORT, REGION], published="2024-06-20")
    visit = _one(run_events(doc), "visit")
    assert (visit.participants, visit.place, visit.start, visit.end) == (
        ["Paul Lemaire"], "Port-Vert", "2024-06-01", "2024-06-04")


def test_delegation_head_named_in_a_later_sentence_travels_and_is_received():
    body = ("A delegation of the Bretagne Regional Council paid a working visit to "
            "Lyonnais-sur-Mer from May 4 to 6. On May 5, the delegation was received by "
            "Mayor Claire Dubois. The head of the delegation, Paul Lemaire, praised the port.")
    doc = make_doc(body, [GOV, MAYOR], orgs=[("Bretagne Regional Council", [])],
                   places=[TOWN], published="2024-05-20")
    events = run_events(doc)
    visit = _one(events, "visit")
    assert (visit.participants, visit.place, visit.start) == (
        ["Paul Lemaire", "Bretagne Regional Council"], "Lyonnais-sur-Mer", "2024-05-04")
    assert _one(events, "meeting").participants == ["Paul Lemaire", "Claire Dubois"]


@pytest.mark.parametrize("body,expected", [
    ("In late 2022, a Bretagne delegation led by Governor Paul Lemaire visited "
     "Lyonnais-sur-Mer to study its fish market.",
     ("Paul Lemaire", "Lyonnais-sur-Mer", "2022-01-01")),
    ("On 3-5 March 2024, a group of teachers from the Ocean Institute led by Governor "
     "Paul Lemaire visited Port-Vert to attend a course.",
     ("Paul Lemaire", "Port-Vert", "2024-03-03")),
    ("Governor Paul Lemaire led a delegation of bankers and shipbuilders to Port-Vert "
     "on 8-9 April.", ("Paul Lemaire", "Port-Vert", "2024-04-08")),
])
def test_a_led_group_visiting_a_place_is_a_visit_of_its_leader(body, expected):
    doc = make_doc(body, [GOV], orgs=[INSTITUTE], places=[TOWN, PORT, REGION],
                   published="2024-06-20")
    visit = _one(run_events(doc), "visit")
    assert (visit.participants[0], visit.place, visit.start) == expected


@pytest.mark.parametrize("body,place", [
    ("The ambassador's programme also included a visit to the Harbour Tower.",
     ("Harbour Tower", [], "other")),
    # the entity step cut the landmark's name: "Temple" of "the Temple of Peace"
    ("The ambassador's programme also included a visit to the Temple of Peace.",
     ("Temple", [], "city")),
])
def test_a_landmark_seen_during_a_trip_is_not_a_visit(body, place):
    doc = make_doc("Ambassador Nguyen Van An paid a visit to Port-Vert. " + body,
                   [AMB], places=[PORT, place])
    visits = [(e.participants[0], e.place) for e in run_events(doc) if e.type == "visit"]
    assert visits == [("Nguyen Van An", "Port-Vert")]


def test_the_same_pair_meeting_in_two_places_is_two_meetings():
    body = ("Last March, Mayor Claire Dubois led a city delegation to Bretagne, where she "
            "met Ambassador Nguyen Van An. In May, Nguyen Van An paid his first visit to "
            "Lyonnais-sur-Mer, during which he held talks with Dubois.")
    doc = make_doc(body, [AMB, MAYOR], places=[TOWN, REGION], published="2024-06-20")
    meetings = sorted((e.place, sorted(e.participants)) for e in run_events(doc)
                      if e.type == "meeting")
    assert meetings == [("Bretagne", ["Claire Dubois", "Nguyen Van An"]),
                        ("Lyonnais-sur-Mer", ["Claire Dubois", "Nguyen Van An"])]


ACADEMY = ("Port-Vert Academy", [])


@pytest.mark.parametrize("body", [
    "The Port-Vert Academy and the Ocean Institute signed a memorandum on marine research.",
    "Ambassador Nguyen Van An witnessed the signing of a memorandum of understanding "
    "between the Port-Vert Academy and the Ocean Institute.",
])
def test_two_organisations_signing_are_the_signatories(body):
    doc = make_doc(body, [AMB], orgs=[ACADEMY, INSTITUTE], places=[PORT])
    agreement = _one(run_events(doc), "agreement")
    assert agreement.participants == ["Port-Vert Academy", "Ocean Institute"]


def test_a_document_still_to_be_signed_is_no_agreement_event():
    body = ("Nguyen Van An met Mayor Claire Dubois. They agreed to prepare a cooperation "
            "agreement on ports, to be signed next year.")
    doc = make_doc(body, [AMB, MAYOR], places=[TOWN])
    assert [e for e in run_events(doc) if e.type == "agreement"] == []


def test_a_capital_named_by_description_is_the_one_city_named_so_far():
    body = ("Ambassador Nguyen Van An was received by Mayor Claire Dubois of Lyonnais-sur-Mer "
            "on May 4, during a three-day working trip to the former royal capital. "
            "He later flew on to Port-Vert.")
    doc = make_doc(body, [AMB, MAYOR], places=[TOWN, PORT, FR], published="2024-05-10")
    visits = [(e.participants[0], e.place) for e in run_events(doc) if e.type == "visit"]
    assert visits == [("Nguyen Van An", "Lyonnais-sur-Mer")]


def test_a_town_followed_by_its_enclosing_unit_is_not_a_cut_landmark_name():
    body = "Ambassador Nguyen Van An paid a working trip to Port-Vert city of Bretagne."
    doc = make_doc(body, [AMB], places=[("Port-Vert", ["Port-Vert city"], "city"), REGION])
    visits = [(e.participants[0], e.place) for e in run_events(doc) if e.type == "visit"]
    assert visits == [("Nguyen Van An", "Port-Vert")]


def test_meeting_with_a_local_official_during_a_visit_takes_place_in_the_town():
    from passerelle.extract import extract_document
    from passerelle.records import Document

    body = (
        "From May 4 to 6, Vietnamese Consul General Tran Minh Quan paid a working visit "
        "to the Occitanie region.\n\n"
        "Consul General Tran Minh Quan then held talks with Mayor of Sète François Commeinhes "
        "on student exchanges."
    )
    doc = extract_document(Document(id="t", body=body, language="en", published="2024-05-08"))
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert meetings and meetings[0].place == "Sète"


GUEST = ("Marta Kowalczyk", ["Kowalczyk"], [("Councillor", "Grodno")])
GUEST_TOWN = ("Grodno", [], "city")


@pytest.mark.parametrize("body,expected", [
    ("Councillor Marta Kowalczyk travelled to Lyonnais-sur-Mer in Bretagne from 14 to 17 "
     "October to study its harbour.", ("Lyonnais-sur-Mer", "2026-10-14", "2026-10-17")),
    ("Councillor Marta Kowalczyk spent four days in Lyonnais-sur-Mer on the 3rd of May.",
     ("Lyonnais-sur-Mer", "2026-05-03", "2026-05-03")),
    ("Councillor Marta Kowalczyk toured Bretagne from the 15th to the 19th of September.",
     ("Bretagne", "2026-09-15", "2026-09-19")),
    ("Councillor Marta Kowalczyk arrived in Bretagne on October 14 to 17.",
     ("Bretagne", "2026-10-14", "2026-10-17")),
])
def test_more_visit_verbs(body, expected):
    doc = make_doc(body, [GUEST], places=[TOWN, REGION], published="2026-10-20")
    visit = _one(run_events(doc), "visit")
    assert visit.participants == ["Marta Kowalczyk"]
    assert (visit.place, visit.start, visit.end) == expected


def test_the_leader_named_in_a_relative_clause_travels_not_the_first_person():
    body = ("The charter was signed by Mayor Claire Dubois and Marta Kowalczyk, councillor "
            "of Grodno, who led a ten-member delegation to Bretagne from June 1 to 3.")
    doc = make_doc(body, [MAYOR, GUEST], places=[REGION, GUEST_TOWN], published="2026-06-08")
    visit = _one(run_events(doc), "visit")
    assert (visit.participants, visit.place, visit.start) == (["Marta Kowalczyk"], "Bretagne",
                                                              "2026-06-01")


def test_a_group_in_a_place_is_led_by_the_leader_named_next():
    body = ("A trade delegation from Grodno was in Bretagne on March 10-11. Led by Councillor "
            "Marta Kowalczyk, the group met Mayor Claire Dubois.")
    doc = make_doc(body, [GUEST, MAYOR], places=[REGION, GUEST_TOWN], published="2026-03-15")
    visit = _one(run_events(doc), "visit")
    assert (visit.participants, visit.start, visit.end) == (["Marta Kowalczyk"], "2026-03-10",
                                                            "2026-03-11")


def test_receiving_the_guests_is_a_meeting_of_the_host_with_the_delegation_leader():
    body = ("A delegation led by Councillor Marta Kowalczyk paid a visit to Lyonnais-sur-Mer. "
            "Receiving the guests on May 6, Claire Dubois, Mayor of Lyonnais-sur-Mer and head "
            "of the Harbour Board, said the town wanted closer ties.")
    doc = make_doc(body, [GUEST, MAYOR], orgs=[("Harbour Board", [])], places=[TOWN],
                   published="2026-05-10")
    meetings = [e for e in run_events(doc) if e.type == "meeting"]
    assert [sorted(e.participants) for e in meetings] == [["Claire Dubois", "Marta Kowalczyk"]]


@pytest.mark.parametrize("body", [
    "Councillor Marta Kowalczyk stopped at the Ocean Institute to discuss grants with its "
    "director, Claire Dubois.",
    "Councillor Marta Kowalczyk visited the Ocean Institute, where she worked with its "
    "director, Claire Dubois.",
])
def test_calling_at_an_organisation_meets_its_named_head(body):
    doc = make_doc(body, [GUEST, MAYOR], orgs=[("Ocean Institute", [])])
    meetings = [e for e in run_events(doc) if e.type == "meeting"]
    assert any({"Marta Kowalczyk", "Claire Dubois"} <= set(e.participants) for e in meetings)


@pytest.mark.parametrize("body,place", [
    ("In Lyonnais-sur-Mer, Ambassador Nguyen Van An met Mayor Claire Dubois.",
     "Lyonnais-sur-Mer"),
    ("Ambassador Nguyen Van An met Mayor Claire Dubois at the town hall of Lyonnais-sur-Mer.",
     "Lyonnais-sur-Mer"),
])
def test_a_meeting_takes_the_place_its_sentence_states(body, place):
    doc = make_doc(body, [AMB, MAYOR], places=[TOWN])
    assert _one(run_events(doc), "meeting").place == place


def test_a_host_receiving_the_delegation_at_a_body_does_not_meet_that_body():
    body = ("A delegation led by Ambassador Nguyen Van An arrived in Bretagne. Mayor Claire "
            "Dubois hosted the delegation at the Ocean Institute.")
    doc = make_doc(body, [AMB, MAYOR], orgs=[INSTITUTE], places=[REGION])
    meetings = sorted(sorted(e.participants) for e in run_events(doc) if e.type == "meeting")
    assert meetings == [["Claire Dubois", "Nguyen Van An"], ["Nguyen Van An", "Ocean Institute"]]


def test_a_visitor_on_a_working_trip_travels():
    doc = make_doc("Ambassador Nguyen Van An is on a working trip to Bretagne this week.",
                   [AMB], places=[REGION])
    assert _one(run_events(doc), "visit").place == "Bretagne"
