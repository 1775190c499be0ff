"""Receptions imply visits; visits told as nouns (English and French, full extraction).

Sentences written for these tests; they run the whole default extraction so the
hosts' offices and the places' kinds come from the real entity and gazetteer steps.
"""

from __future__ import annotations

import pytest

from passerelle.extract import extract_document
from passerelle.records import Document


def _events(body: str, language: str) -> list[tuple]:
    doc = extract_document(Document(id="t", body=body, language=language, published="2025-05-20"))
    return sorted((e.type, tuple(e.participants), e.place, e.start) for e in doc.events)


@pytest.mark.parametrize("body", [
    "Hanoi Chairman Tran Sy Thanh received Pierre Durand, Deputy Mayor of Nantes, on May 3.",
    "Pierre Durand, Deputy Mayor of Nantes, was received by Hanoi Chairman Tran Sy Thanh on May 3.",
])
def test_a_local_host_receiving_a_guest_is_the_guests_visit(body):
    assert _events(body, "en") == [
        ("meeting", ("Tran Sy Thanh", "Pierre Durand"), "Hanoi", "2025-05-03")
        if body.startswith("Hanoi") else
        ("meeting", ("Pierre Durand", "Tran Sy Thanh"), "Hanoi", "2025-05-03"),
        ("visit", ("Pierre Durand",), "Hanoi", "2025-05-03"),
    ]


def test_receiving_opening_the_sentence_names_the_guest_first():
    body = ("Receiving Anne Martin, Vice President of the Occitanie Region, Can Tho Chairman "
            "Tran Viet Truong said the city wanted closer ties with Toulouse.")
    visits = [e for e in _events(body, "en") if e[0] == "visit"]
    assert visits == [("visit", ("Anne Martin",), "Can Tho", None)]


def test_a_host_without_a_local_office_implies_no_visit():
    body = "Ambassador Dinh Toan Thang received Gregory Doucet, Mayor of Lyon, on May 4."
    assert [e[0] for e in _events(body, "en")] == ["meeting"]


def test_a_guest_whose_visit_the_story_tells_gets_no_second_one():
    body = ("Anne Martin, Vice President of the Occitanie Region, paid a working visit to the "
            "Mekong Delta from May 3 to 6. Can Tho Chairman Tran Viet Truong received Anne Martin "
            "on May 4.")
    visits = [e for e in _events(body, "en") if e[0] == "visit"]
    assert [v[2] for v in visits] == ["Mekong Delta"]


def test_french_reception_opening_with_a_participle_sends_the_guest_not_the_host():
    body = ("Recevant le maire adjoint de Nantes, Pierre Durand, le président du Comité populaire "
            "de Hanoï, Tran Sy Thanh, a salué la coopération entre Hanoï et Nantes.")
    visits = [e for e in _events(body, "fr") if e[0] == "visit"]
    assert visits == [("visit", ("Pierre Durand",), "Hanoï", None)]


@pytest.mark.parametrize("body,expected", [
    ("Elles ont évoqué plusieurs visites officielles, dont celle du ministre Pham Van Hoa "
     "au Japon en mars 2019.",
     [("visit", ("Pham Van Hoa",), "Japon", "2019-03-01")]),
    ("Elle a évoqué la visite d'État du président Emmanuel Macron au Vietnam en mai 2025.",
     [("visit", ("Emmanuel Macron",), "Vietnam", "2025-05-01")]),
    ("Le maire souhaite préparer la visite de Pierre Durand à Hanoï l'an prochain.", []),
])
def test_french_visits_told_as_a_noun(body, expected):
    assert [e for e in _events(body, "fr") if e[0] == "visit"] == expected
