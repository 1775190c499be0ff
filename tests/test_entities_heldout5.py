"""Patterns found by held-out set 5 (English people, offices, organisations and
commitments), each on sentences of our own: the rule fires, and it does not fire where
it must not."""

from __future__ import annotations

import pytest

import passerelle.extract.commitments  # noqa: F401  (registers commitments.en.v1)
from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers entities.en.v1
from passerelle.extract.base import analyze
from passerelle.records import Document

from extraction_support import make_doc, run_component


def _run(body: str) -> Document:
    doc = Document("t", body, captions=[], language="en", published="2026-05-10")
    registry.get("entities.en.v1")(analyze(doc))
    return doc


def _titles(doc: Document) -> dict[str, list[tuple[str, str | None]]]:
    return {p.name: [(t.role, t.of) for t in p.titles] for p in doc.people}


def _orgs(doc: Document) -> list[str]:
    return [o.name for o in doc.organizations]


# ------------------------------------------------------------------ people and offices


@pytest.mark.parametrize(("body", "name", "title"), [
    # a two-word place before the name, the first word of which is also a surname
    ("The minister greeted Deputy Mayor of Le Mans Paul Vidal on Friday.", "Paul Vidal",
     ("Deputy Mayor", "Le Mans")),
    ("Deputy Mayor of Le Havre Sophie Lemaire opened the fair.", "Sophie Lemaire",
     ("Deputy Mayor", "Le Havre")),
    # a lower-case portfolio between the office and the name
    ("Deputy Mayor of Nantes in charge of culture and sport Anne Petit also spoke.",
     "Anne Petit", ("Deputy Mayor", "Nantes")),
    # a provincial body inside the "of" phrase, then the name
    ("Chairman of the Quang Tri provincial People's Committee Vo Van Hung met them.",
     "Vo Van Hung", ("Chairman", "Quang Tri provincial People's Committee")),
    # military offices and ranks
    ("Colonel Anne Dufour, Defence Attaché of the French Embassy in Japan, arrived.",
     "Anne Dufour", ("Defence Attaché", "French Embassy in Japan")),
    ("Also present was Colonel Tran Duc Binh, deputy commander of the unit.",
     "Tran Duc Binh", ("Deputy Commander", None)),
    ("Jan Meyer, Chief Representative of the Bavarian Trade Office in Vietnam, spoke.",
     "Jan Meyer", ("Chief Representative", "Bavarian Trade Office in Vietnam")),
    # an honorific between a lower-case office and the name
    ("A team of the Hue Department of Health led by its director, Dr Le Van Tam, came.",
     "Le Van Tam", ("Director", "Hue Department of Health")),
    # a state's consul sits in a city: the title is of the state
    ("Karl Weber, Consul General of Germany in Ho Chi Minh City, attended.", "Karl Weber",
     ("Consul General", "Germany")),
    # "X, chaired by Jane Roe": the chair of X
    ("The envoy thanked the club, chaired by Ngo Minh Chau, for its work.", "Ngo Minh Chau",
     ("Chair", None)),
])
def test_office_and_name(body, name, title):
    titles = _titles(_run(body))
    assert name in titles, titles
    assert title in titles[name]


def test_a_body_named_before_a_lower_case_head_is_no_person():
    doc = _run("The group included Marie Roche, President of the Annecy Lac Agglo "
               "tourism office, and two guides.")
    assert "Lac Agglo" not in _titles(doc) and "Marie Roche" in _titles(doc)


def test_chaired_by_a_place_is_no_person():
    assert _titles(_run("The fund, headed by Lyon, grew fast.")) == {}


def test_rank_is_not_part_of_the_name():
    doc = _run("Colonel Nguyen Van Tien welcomed the ship.")
    assert list(_titles(doc)) == ["Nguyen Van Tien"]


# ------------------------------------------------------------------ organisations


def test_two_hospitals_joined_by_and_are_two_names():
    doc = _run("The accord links Hue Central Hospital and La Conception. The doctors "
               "later toured La Conception hospital.")
    orgs = _orgs(doc)
    assert "Hue Central Hospital" in orgs
    assert not any(" and " in o for o in orgs)
    conception = next(o for o in doc.organizations if "Conception" in o.name)
    assert "La Conception" in [conception.name, *conception.aliases]


def test_a_chamber_of_commerce_and_industry_stays_whole():
    assert any(o.startswith("Chamber of Commerce and Industry") for o in _orgs(
        _run("They met the Chamber of Commerce and Industry of Lyon.")))


def test_short_name_of_a_hospital_is_no_person():
    doc = _run("Dr Pham Thu Ha runs Viet Duc Hospital. Surgeons from Lyon spent a month "
               "at Viet Duc to train staff.")
    assert "Viet Duc" not in _titles(doc)
    hospital = next(o for o in doc.organizations if o.name == "Viet Duc Hospital")
    assert "Viet Duc" in hospital.aliases


def test_a_city_keeps_its_place_beside_its_hospital():
    doc = _run("Doctors of Da Nang hospital met the mayor in Da Nang.")
    assert "Da Nang" in [p.name for p in doc.places]


def test_numbered_command_and_provincial_command():
    doc = _run("The ship was welcomed by the Naval Region 3 Command. Officers of the "
               "Quang Ninh provincial Military Command attended.")
    orgs = _orgs(doc)
    assert "Naval Region 3 Command" in orgs
    assert any("Military Command" in o for o in orgs)


def test_a_date_number_does_not_join_a_name():
    doc = _run("On November 20 Hanoi People's Committee received the guests.")
    assert not any("20" in o for o in _orgs(doc))


def test_two_forms_of_one_provincial_committee_merge():
    doc = _run("Vice Chairman of the People's Committee of Ha Tinh province Le Ngoc Chau "
               "spoke. The Ha Tinh provincial People's Committee will host the forum.")
    committees = [o for o in doc.organizations if "Committee" in o.name]
    assert len(committees) == 1


def test_the_provincial_committee_is_the_one_the_article_named():
    doc = _run("Chairman of the Hue provincial People's Committee Tran Van Loc will receive "
               "them. Hue was merged with Quang Tri province in 2025. Vice Chairwoman of the "
               "provincial People's Committee Ngo Thi Lan led the talks.")
    assert not any(o.startswith("Quang Tri") for o in _orgs(doc))


# ------------------------------------------------------------------ commitments


PEOPLE = [("Tran Van Ba", ["Ba"], [("Chairman", "Hue")]),
          ("Claire Dubois", ["Dubois", "Deputy Mayor Dubois"], [("Deputy Mayor", "Portville")]),
          ("Ly Ha", ["Ha"], [("Vice Chairman", "Hue People's Committee")])]
PLACES = [("Portville", [], "city"), ("Hue", [], "city"), ("France", [], "country"),
          ("Can Tho", [], "city")]
ORGS = [("Hue Central Hospital", []), ("La Conception", [])]
INTRO = "Chairman Tran Van Ba received Deputy Mayor Claire Dubois in Hue. "


def _commitments(sentence: str) -> list[tuple[str, str]]:
    doc = make_doc(INTRO + sentence, PEOPLE, ORGS, PLACES)
    return [(c.actor, c.kind) for c in run_component(doc, "commitments.en.v1").commitments]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a courtesy call or a port call is no appeal
    ("Dubois paid a courtesy call on the city ahead of a port call by a French ship.", []),
    # an order to one's own administration commits no partner
    ("Tran Van Ba asked the competent agencies of the city to prepare the visit.", []),
    ("Tran Van Ba urged the relevant departments to help French investors.", []),
    ("Tran Van Ba asked Portville to send engineers.", [("Tran Van Ba", "appeal")]),
    # a programme item is no pledge
    ("The guests are scheduled to visit the port, where Tran Van Ba will present the plan.",
     []),
    # the subject right before the verb, even inside a "that" clause
    ("Tran Van Ba recalled that Deputy Mayor Dubois had then promised to send engineers.",
     [("Claire Dubois", "pledge")]),
    # where people come from is not who commits
    ("Engineers from Can Tho and France will work together on the dykes.", []),
    ("France will train ten engineers.", [("France", "pledge")]),
    # interest in a noun
    ("Dubois expressed interest in a sister-city agreement.", [("Claire Dubois", "intent")]),
    # the two parties named after the agreement
    ("The two sides agreed to set up a twinning between Hue Central Hospital and "
     "La Conception.", [("Hue Central Hospital", "agreement")]),
    ("The two sides agreed to set up a working group.", [("Tran Van Ba", "agreement")]),
    # a short name or an office saying it
    ("After a long preamble about the city, Ha said the city was ready and called on "
     "French firms to invest.", [("Ly Ha", "appeal")]),
    ("The Vice Chairman said Hue proposed a joint school.", [("Ly Ha", "proposal")]),
])
def test_commitment_actor_and_kind(sentence, expected):
    assert _commitments(sentence) == expected


# ------------------------------------------------------------------ known bodies and places


def test_international_body_by_its_acronym():
    doc = _run("The citadel, a UNESCO World Heritage site, drew crowds. FAO experts came.")
    assert {"UNESCO", "FAO"} <= set(_orgs(doc))
    assert "UNESCO" not in _orgs(_run("The Unesco-listed town drew crowds."))


def test_french_hospital_group_with_a_dash_and_acronym():
    doc = _run("The team trained at the Assistance Publique – Hôpitaux de Paris (AP-HP) "
               "for a month.")
    group = next(o for o in doc.organizations if o.name.startswith("Assistance Publique"))
    assert group.name == "Assistance Publique – Hôpitaux de Paris" and "AP-HP" in group.aliases


def _place_kinds(doc: Document) -> dict[str, str | None]:
    return {p.name: p.kind for p in doc.places}


def test_river_after_a_bank_cue_is_the_river():
    kinds = _place_kinds(_run("Vienne, a town on the left bank of the Rhône, hosts the fair."))
    assert kinds.get("Rhône") == "natural"
    kinds = _place_kinds(_run("The guests toured the Rhône department for three days."))
    assert kinds.get("Rhône") == "province"


def test_long_site_names_and_ports():
    kinds = _place_kinds(_run("The guests will tour the Trang An Scenic Landscape Complex "
                              "on Friday. A frigate will dock at Cam Ranh International "
                              "Port. Farms lie around Phan Rang."))
    assert kinds.get("Trang An Scenic Landscape Complex") == "other"
    assert "Trang" not in kinds
    assert kinds.get("Cam Ranh International Port") == "other"
    assert kinds.get("Phan Rang") == "city"


def test_terms_of_a_signed_agreement_are_the_signers_agreement():
    people = [("Jean Roy", ["Roy"], [("President", "Lille University")])]
    orgs = [("Hue University", []), ("Lille University", [])]
    body = ("Hue University and Lille University signed a cooperation agreement on Monday. "
            "Under the agreement, the two universities will exchange five lecturers a year.")
    doc = make_doc(body, people, orgs, [("Hue", [], "city")])
    found = run_component(doc, "commitments.en.v1").commitments
    assert [(c.actor, c.kind) for c in found] == [("Hue University", "agreement")]
    # without a signing sentence before it, nobody is said to agree
    doc = make_doc(body.split(". ", 1)[1], people, orgs, [("Hue", [], "city")])
    assert run_component(doc, "commitments.en.v1").commitments == []
