"""The plain-text cleaner on pages shaped like other outlets' (fixtures written by us).

Each page in ``tests/fixtures/pages`` imitates the furniture of one kind of outlet
(an English-language Vietnamese daily, a French regional paper, a Vietnamese-language
page, a government portal, a news agency, a wire story, a page with "READ MORE:" boxes,
a page with subheadings and uncredited captions), then seven more kinds written later
as an unseen check (a VietNamNet-like page, a French paper with reading time and
"Réagir", a Vietnamese page with an image line and "Quảng cáo", a German local paper,
a Japanese daily with a subscription plea, a Vietnamese government portal, a list
with a credit above its caption), then five pages whose bylines have no "By"
("Reported by", "From our correspondent in", "Par ... et ...", "Bài và ảnh:", "Text and
photos:", "NAME reports from PLACE", "— NAME, VNA correspondent in PLACE"), most with a
breadcrumb or kicker above the title. ``expected.jsonl`` holds, for each, the body,
captions, title and date a reader would keep, written before the cleaner was run on
them, and the page furniture that must not reach the body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from passerelle.ingest import clean_text
from passerelle.ingest.quality import body_scores

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = [json.loads(line) for line in
            (PAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
PAGE_FLOOR = 0.95  # body shingle F1 per page
ALL_FLOOR = 0.97  # summed over the pages


def _clean(case: dict):
    text = (PAGES / f"{case['id']}.txt").read_text(encoding="utf-8")
    return clean_text(text, url=case.get("url"), meta={"path": str(PAGES / f"{case['id']}.txt")})


@pytest.fixture(scope="module")
def cleaned() -> dict[str, object]:
    return {case["id"]: _clean(case) for case in EXPECTED}


def test_there_are_at_least_eight_kinds_of_page():
    assert len(EXPECTED) >= 8
    assert all((PAGES / f"{c['id']}.txt").is_file() for c in EXPECTED)


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: c["id"])
def test_body_f1_per_page(cleaned, case):
    assert body_scores([(cleaned[case["id"]].body, case["body"])])[2] >= PAGE_FLOOR


def test_body_f1_over_the_pages(cleaned):
    pairs = [(cleaned[c["id"]].body, c["body"]) for c in EXPECTED]
    assert body_scores(pairs)[2] >= ALL_FLOOR


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: c["id"])
def test_page_furniture_is_not_in_the_body(cleaned, case):
    body = cleaned[case["id"]].body
    assert [a for a in case["absent"] if a in body] == []


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: c["id"])
def test_first_and_last_paragraphs_are_kept(cleaned, case):
    paragraphs = cleaned[case["id"]].body.split("\n\n")
    expected = case["body"].split("\n\n")
    assert paragraphs[0] == expected[0]
    assert paragraphs[-1] == expected[-1]


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: c["id"])
def test_title(cleaned, case):
    assert cleaned[case["id"]].title == case["title"]


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: c["id"])
def test_published(cleaned, case):
    assert cleaned[case["id"]].published == case["published"]


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: c["id"])
def test_captions(cleaned, case):
    assert cleaned[case["id"]].captions == case["captions"]


def test_captions_are_not_in_the_body(cleaned):
    for case in EXPECTED:
        body = cleaned[case["id"]].body
        assert [c for c in cleaned[case["id"]].captions if c in body] == []


def test_stamp_labels_are_not_outlets(cleaned):
    outlets = {cleaned[c["id"]].source.outlet for c in EXPECTED}
    assert not any(o and o.casefold().startswith(("publi", "posted", "mis à jour", "thứ"))
                   for o in outlets)
