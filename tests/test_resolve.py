"""Pure merging rules of passerelle.resolve (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.resolve import (
    EventReport,
    NameForm,
    StepReport,
    canonical_name,
    commitment_steps_match,
    event_reports_match,
    fold,
    name_forms,
    names_compatible,
    place_key,
    step_labels,
)
from passerelle.resolve.normalize import org_key, person_key


@pytest.mark.parametrize("raw, folded", [
    ("Đinh Toàn Thắng", "dinh toan thang"),
    ("Hà-Nội", "ha noi"),
    ("  Agence française de développement ", "agence francaise de developpement"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize("name, key, matchable", [
    ("Ambassador Dinh Toan Thang", "dinh toan thang", True),
    ("Đại sứ Đinh Toàn Thắng", "dinh toan thang", True),
    ("Ambassador Thang", "thang", False),
    ("Mr Nguyen", "nguyen", False),
    ("Nguyen", "nguyen", False),
    ("Truong Tan Minh", "truong tan minh", True),  # a surname that starts a title phrase
    ("Thị trưởng Lê Văn Bình", "le van binh", True),
    ("M. Drapron", "drapron", False),
])
def test_person_keys(name, key, matchable):
    assert person_key(name) == (key, matchable)


@pytest.mark.parametrize("name, matchable", [
    ("AFD", True), ("Ministry", False), ("The Lyon Metropolis", True),
    ("Comité populaire municipal", False), ("Municipal People's Committee", False),
    ("People's Committee of Hai Phong", True), ("Ministry of Foreign Affairs", True),
])
def test_org_keys(name, matchable):
    assert org_key(name)[1] is matchable


def test_place_keys_ignore_spaces_and_diacritics():
    assert place_key("Hà Nội")[0] == place_key("Hanoi")[0] == place_key("Ha Noi")[0]


def test_name_forms_keep_each_spelling_main_first():
    forms = name_forms("place", "Hanoi", ["Ha Noi", "Hanoi", "Hà Nội"])
    assert [f[0] for f in forms] == ["Hanoi", "Ha Noi", "Hà Nội"]
    assert [f[2] for f in forms] == [True, False, False]


@pytest.mark.parametrize("a, b, same", [
    (NameForm("lyon", "FR"), NameForm("lyon", None), True),
    (NameForm("lyon", "FR"), NameForm("lyon", "US"), False),
    (NameForm("paris", "FR", 1), NameForm("paris", "FR", 2), False),
    (NameForm("paris", None, 1), NameForm("paris", "FR", 1), True),
    (NameForm("a b", None), NameForm("a c", None), False),
])
def test_names_compatible(a, b, same):
    assert names_compatible(a, b)[0] is same
    assert names_compatible(a, b)[0] == names_compatible(b, a)[0]


def _report(**kw) -> EventReport:
    base = dict(type="visit", participants=frozenset({1}), place_id=10,
                place_names=frozenset({"lyon"}), start="2025-03-10", precision="day",
                published="2025-03-12")
    base.update(kw)
    return EventReport(**base)


@pytest.mark.parametrize("other, same", [
    (_report(), True),
    (_report(start=None, precision=None, published="2025-03-14"), True),  # undated, close
    (_report(start=None, precision=None, published="2025-06-01"), False),  # undated, far
    (_report(start="2025-03-20"), False),
    (_report(start="2025-03-01", precision="month"), True),
    (_report(type="meeting"), False),
    (_report(participants=frozenset({2})), False),
    (_report(place_id=11, place_names=frozenset({"marseille"})), False),
    (_report(place_id=12, place_names=frozenset({"rhone", "france"})), False),
    (_report(place_id=None), True),
    (_report(start=None, precision=None, published=None), True),  # undated, same place
    (_report(start=None, precision=None, published=None, place_id=None), False),
])
def test_event_reports_match(other, same):
    mine = _report()
    assert event_reports_match(mine, other) is same
    assert event_reports_match(other, mine) is same


def test_event_inside_region_matches_region():
    city = _report(place_id=10, place_names=frozenset({"toulouse", "occitanie", "france"}))
    region = _report(place_id=20, place_names=frozenset({"occitanie", "france"}))
    assert event_reports_match(city, region)


@pytest.mark.parametrize("b, same", [
    (StepReport(1, 2, "pledge", frozenset({"education"})), True),
    (StepReport(1, None, "intent", frozenset({"education", "culture"})), True),
    (StepReport(1, 3, "intent", frozenset({"education"})), False),
    (StepReport(1, 2, "intent", frozenset({"energy"})), False),
    (StepReport(4, 2, "intent", frozenset({"education"})), False),
])
def test_commitment_steps_match(b, same):
    a = StepReport(1, 2, "intent", frozenset({"education"}))
    assert commitment_steps_match(a, b) is same


def test_step_labels():
    assert step_labels(["intent", "intent", "agreement", "pledge"]) == [
        "made", "repeated", "advanced", "repeated"]


def test_canonical_name_prefers_diacritics_within_most_frequent_key():
    forms = [("Dinh Toan Thang", "dinh toan thang")] * 3 + [("Đinh Toàn Thắng", "dinh toan thang"),
                                                         ("Thang", "thang")]
    assert canonical_name(forms) == "Đinh Toàn Thắng"


@given(st.permutations([("Ha Noi", "hanoi"), ("Hanoi", "hanoi"), ("Hà Nội", "hanoi"),
                        ("Hanoi", "hanoi"), ("Capital", "capital")]))
def test_canonical_name_ignores_order(forms):
    assert canonical_name(list(forms)) == "Hà Nội"
