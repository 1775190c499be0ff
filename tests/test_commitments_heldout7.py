"""Commitment patterns found missing or wrong by held-out set 7, on sentences of our own."""

from __future__ import annotations

import pytest

from passerelle import registry
from passerelle.extract.base import analyze
from passerelle.records import Document, Person, Place, Title

import passerelle.extract.commitments  # noqa: F401  (registers the components)
import passerelle.extract.events  # noqa: F401

from extraction_support import make_doc, run_component

HOST = ("Tran Van Lam", ["Lam"], [("Vice Chairman", "Portville People's Committee")])
GUEST = ("Claire Dubois", ["Dubois"], [("Mayor", "Lyon")])
PEOPLE = [HOST, GUEST]
ORGS = [("Nordbank", []), ("Portville General Hospital", [])]
PLACES = [("Portville", [], "city"), ("Lyon", [], "city"), ("Savoie", [], "region")]
INTRO = "Vice Chairman Tran Van Lam received Mayor Claire Dubois in Portville. "


def _found(sentence: str) -> list[tuple[str, str]]:
    doc = make_doc(INTRO + sentence, PEOPLE, ORGS, PLACES)
    return [(c.actor, c.kind) for c in run_component(doc, "commitments.en.v1").commitments]


@pytest.mark.parametrize(("sentence", "expected"), [
    # leading a delegation is a travel plan, like "will visit"
    ("Dubois will lead a delegation of Lyon firms to Portville in May.", []),
    ("Lam said the city would lead a large business mission to Savoie next spring.", []),
    # ... while another promise of the same shape still is one
    ("Dubois will send two engineers to Portville in May.", [("Claire Dubois", "pledge")]),
])
def test_leading_a_delegation_is_no_pledge(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "..., adding that <own side> would <verb>": a new promise after an earlier wish
    ("Dubois said that Lyon wished to expand the exchange to nursing schools, adding that "
     "the city would offer ten Portville students a place next year.",
     [("Claire Dubois", "intent"), ("Claire Dubois", "pledge")]),
    ("Lam hoped to open a direct flight, adding that the Savoie Regional Council would "
     "fund two scholarships.", [("Tran Van Lam", "intent"), ("Tran Van Lam", "pledge")]),
    # a "would" still inside the wish itself is not a second commitment
    ("Dubois said she hoped that Lyon would open an office in Portville.",
     [("Claire Dubois", "intent")]),
])
def test_adding_that_opens_a_new_statement(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a lender's approved loan or grant is its pledge, with no person named
    ("The development bank Nordbank has approved a loan of 30 million USD to expand the "
     "Portville General Hospital.", [("Nordbank", "pledge")]),
    ("Nordbank has also granted a 2 million EUR grant for the port.", [("Nordbank", "pledge")]),
    # a loan talked about is not one approved
    ("Nordbank officials discussed a possible loan for the port.", []),
])
def test_an_approved_loan_is_a_pledge(sentence, expected):
    assert _found(sentence) == expected


LAO = ("Somchai Vongsa", [], [("Governor", "Savan")])
THIRD = ("Nguyen Van Tam", ["Tam"], [("Chairman", "Portville People's Committee")])


def _found_lao(sentence: str) -> list[tuple[str, str]]:
    doc = make_doc("Governor Somchai Vongsa received Chairman Nguyen Van Tam. " + sentence,
                   [LAO, THIRD], [], PLACES)
    return [(c.actor, c.kind) for c in run_component(doc, "commitments.en.v1").commitments]


@pytest.mark.parametrize(("sentence", "expected"), [
    # an office and a given name right before the verb name the actor, not the speaker
    ("Tam recalled that last year Governor Somchai had asked the city to help build a clinic.",
     [("Somchai Vongsa", "appeal")]),
    ("Tam said Governor Somchai also urged Portville firms to invest in the valley.",
     [("Somchai Vongsa", "appeal")]),
    # a given name under another office is not that person
    ("Tam recalled that Mayor Somchai had asked the city to help build a clinic.",
     [("Nguyen Van Tam", "appeal")]),
])
def test_office_and_given_name_before_the_verb(sentence, expected):
    assert _found_lao(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # what a meeting settled: "met X, where the two sides agreed to ..."
    ("Earlier, Dubois met leaders of Portville General Hospital, where the two sides agreed "
     "to exchange nurses.", [("Claire Dubois", "agreement")]),
    ("Lam received the Savoie delegation, where both sides agreed on a joint fair.",
     [("Tran Van Lam", "agreement")]),
    # a later moment is still no one's statement
    ("The memorandum will be ready in May, when the two sides hope to sign it.", []),
])
def test_agreement_reached_where_they_met(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Mayor Dubois announced that Lyon would offer 20 scholarships to Portville students.",
     [("Claire Dubois", "pledge")]),
    ("Lam announced that the province would grant land for the new campus.",
     [("Tran Van Lam", "pledge")]),
])
def test_announced_that_own_side_would(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # plans being drafted are a work item, not a stated wish
    ("Lam said the committee was preparing plans to widen the coastal road.", []),
    ("Dubois said Lyon was drawing up plans to renovate its river port.", []),
    # ... while a side that plans to do something states an intent
    ("Dubois said Lyon plans to open a trade office in Portville.", [("Claire Dubois", "intent")]),
])
def test_plans_being_drafted_are_no_intent(sentence, expected):
    assert _found(sentence) == expected


# --- French and Vietnamese: a verb after "và" / "et" keeps the clause's subject ------

HA = ("Nguyễn Thị Mai", [], [("Vice Chairwoman", "Bình Sơn")])
CONSUL = ("Pierre Laval", [], [("Consul General", "France")])
PLACES_VI = [("Bình Sơn", [], "province"), ("Lyon", [], "city")]


def _run(body: str, language: str) -> list[tuple[str, str]]:
    doc = Document(id="t", body=body, published="2025-04-10", language=language)
    doc.people = [Person(n, list(a), [Title(r, o) for r, o in t]) for n, a, t in (HA, CONSUL)]
    doc.places = [Place(n, list(a), kind=k) for n, a, k in PLACES_VI]
    analysis = analyze(doc)
    registry.get(f"events.{language}.v1")(analysis)
    registry.get(f"commitments.{language}.v1")(analysis)
    return [(c.actor, c.kind) for c in doc.commitments]


def test_vietnamese_coordinated_appeal_keeps_the_speaker():
    body = ("Bà Nguyễn Thị Mai tiếp ông Pierre Laval tại Bình Sơn. "
            "Bà Mai đề nghị ông Laval hỗ trợ kết nối doanh nghiệp Pháp và kêu gọi các "
            "trường đại học Pháp hợp tác đào tạo kỹ sư.")
    found = _run(body, "vi")
    assert ("Nguyễn Thị Mai", "appeal") in found
    assert ("Pierre Laval", "appeal") not in found


def test_coordination_takes_the_subject_of_its_own_sentence():
    body = ("Bà Nguyễn Thị Mai tiếp ông Pierre Laval tại Bình Sơn. "
            "Bà Mai đề nghị tăng cường hợp tác giáo dục. "
            "Ông Pierre Laval bày tỏ mong muốn mở văn phòng tại Bình Sơn và mời lãnh đạo tỉnh "
            "tham dự diễn đàn tại Lyon.")
    assert _run(body, "vi") == [("Nguyễn Thị Mai", "proposal"), ("Pierre Laval", "intent"),
                                ("Pierre Laval", "invitation")]


def test_french_coordinated_invitation_keeps_the_speaker():
    body = ("M. Pierre Laval a reçu Mme Nguyễn Thị Mai à Lyon. "
            "Mme Mai a proposé que M. Laval soutienne un jumelage, et invite les entreprises "
            "lyonnaises à venir à Bình Sơn.")
    found = _run(body, "fr")
    assert ("Nguyễn Thị Mai", "invitation") in found
    assert ("Pierre Laval", "invitation") not in found
