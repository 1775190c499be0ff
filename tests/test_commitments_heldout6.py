"""Commitment actors found wrong by held-out set 6, on sentences of our own."""

from __future__ import annotations

import pytest

import passerelle.extract.commitments  # noqa: F401  (registers the component)

from extraction_support import make_doc, run_component

HOST = ("Tran Van Lam", ["Lam"], [("Vice Chairman", "Portville People's Committee")])
GUEST = ("Claire Dubois", ["Dubois"], [("Consul General", "France")])
AIDE = ("Paul Martin", ["Martin"], [("Secretary-General", None)])
PEOPLE = [HOST, GUEST, AIDE]
PLACES = [("Portville", [], "city"), ("Lyon", [], "city"), ("Savoie", [], "region")]
INTRO = "Vice Chairman Tran Van Lam received Consul General Claire Dubois in Portville. "


def _found(sentence: str, intro: str = INTRO) -> list[tuple[str, str]]:
    doc = make_doc(intro + sentence, PEOPLE, [], PLACES)
    return [(c.actor, c.kind) for c in run_component(doc, "commitments.en.v1").commitments]


@pytest.mark.parametrize(("sentence", "expected"), [
    # "the host" is the protagonist who received the guests, not the last person named
    ("Dubois thanked him. The host proposed that the two cities twin their ports.",
     [("Tran Van Lam", "proposal")]),
    # a verb right after "and" shares the subject of the clause before it
    ("The host proposed a joint fair, and asked French firms to invest in the port.",
     [("Tran Van Lam", "proposal"), ("Tran Van Lam", "appeal")]),
    ("Dubois suggested a summer school and then invited students to apply to it.",
     [("Claire Dubois", "proposal"), ("Claire Dubois", "invitation")]),
    # a quotation attributed after it is its speaker's statement
    ('"Lyon hopes to welcome many more students," said Claire Dubois.',
     [("Claire Dubois", "intent")]),
    ('"We look forward to a joint lab in 2027," Dubois said.', [("Claire Dubois", "intent")]),
    # "X met Y, and the two sides agreed": the subject of the sentence, not its object
    ("Later the Vice Chairman met Paul Martin, and the two sides agreed to hold a forum.",
     [("Tran Van Lam", "agreement")]),
    # "<a named region> will ..." reported by a person is that person's pledge
    ("Dubois affirmed that the Savoie region will fund two study trips.",
     [("Claire Dubois", "pledge")]),
    # an office named as the subject of a proposal
    ("The Vice Chairman suggested that both sides build a pilot farm.",
     [("Tran Van Lam", "proposal")]),
])
def test_actor(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # looking forward to the other side's visit commits no one
    "Dubois said her team looked forward to the visit of Vietnamese doctors in May.",
    "Lam said he looks forward to the arrival of the French delegation.",
])
def test_awaiting_the_other_side_is_no_commitment(sentence):
    assert _found(sentence) == []


def test_a_quotation_without_attribution_keeps_the_usual_actor():
    assert _found('"Lyon hopes to host the fair," the statement read.') != \
        [("Claire Dubois", "intent")]


def test_own_side_expected_to_is_an_intent():
    assert _found("Dubois said her agency is expected to open an office in Portville.") == \
        [("Claire Dubois", "intent")]
    # a forecast about others is no one's commitment
    assert _found("Dubois said exports are expected to grow next year.") == []
