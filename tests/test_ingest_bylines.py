"""Bylines with and without "By", and the title they must not take (pages in our own words).

A byline that the cleaner took for a headline used to become the title, and the walk
over the story then started below it, losing the photo caption above it.
"""

from __future__ import annotations

import pytest

from passerelle.ingest import clean_text
from passerelle.ingest.lines import Kind, byline_shaped, classify

BYLINES = [
    "Reported by Minh Chau",
    "Reported by Le Hoang Yen.",
    "From our correspondent in Paris",
    "From our special correspondent in Ho Chi Minh City",
    "From our correspondent",
    "De notre envoyé spécial",
    "By Anna Roux and Tran Van Binh",
    "By Nguyen Thi Minh Chau, Tran Van Anh and Le Hoang Yen",
    "Minh Chau reports from Da Nang",
    "Story: Hoang Lan",
    "Text and photos: Pham Duy",
    "Bài và ảnh: Ngọc Hân",
    "Bài, ảnh: HỮU PHƯỚC",
    "Par Camille Bertin",
    "Par Camille Bertin et Hugo Lemaire",
    "Correspondance de Lyon",
    "De notre correspondante à Berlin",
    "— Le Van Hai, VNA correspondent in Paris",
    "Lan Anh, Staff Reporter",
    "Nguyễn Hà, phóng viên TTXVN tại Pháp",
]

NOT_BYLINES = [
    ("By 2030, Hanoi aims to double its exports to France", Kind.TITLELIKE),
    ("Story: how a Breton port learned to trade", Kind.TITLELIKE),
    ("Par amour du Vietnam, un chef breton ouvre un restaurant à Hué", Kind.TITLELIKE),
    ("Hanoi reports from the front of climate change", Kind.TITLELIKE),
    ("Tourism in Da Nang, a reporter's view", Kind.TITLELIKE),
    ("From our correspondent's notebook: a week in Lyon", Kind.TITLELIKE),
    ("Our correspondent in Hanoi says the talks went well", Kind.TITLELIKE),
    ("Photo by Nam Tran", Kind.TITLELIKE),
    ("Correspondance de guerre : un siècle de photos", Kind.TITLELIKE),
    ("Reported by the mayor of Lyon, the plan was approved by the council.", Kind.PARAGRAPH),
    ("Photo: Lan Anh/PEN", Kind.CREDIT),
    ("Guests welcome the minister at the airport. (Photo: PEN)", Kind.CAPTION),
]


@pytest.mark.parametrize("line", BYLINES)
def test_byline_shapes(line):
    assert classify(line) is Kind.BYLINE
    assert byline_shaped(line)


@pytest.mark.parametrize(("line", "kind"), NOT_BYLINES)
def test_lines_that_start_like_bylines_keep_their_shape(line, kind):
    assert classify(line) is kind


TITLE = "Hai Phong and Le Havre plan a school for port pilots"
CAPTION = "Vice Chairman Do Van Kien shows the container terminal to the guests"
LEAD = ("Hai Phong city and the French port of Le Havre agreed on June 3 to open a joint "
        "school for harbour pilots, the city's People's Committee said.")
SECOND = ("Vice Chairman Do Van Kien said the city would provide the building and asked the "
          "French side to send instructors for the first two years.")


def _page(byline: str, *, kicker: str = "") -> str:
    top = f"{kicker}\n\n" if kicker else ""
    return (f"{top}{TITLE}\n\nPort City Times - 05/06/2025\n\n{CAPTION} (Photo: Bao Ngoc)\n\n"
            f"{byline}\n\n{LEAD}\n\n{SECOND}\n\nSame category\n\n"
            "Fishing fleet returns early as storm nears\nNew bridge opens over the Cam river\n")


@pytest.mark.parametrize("byline", BYLINES)
def test_a_byline_below_the_caption_is_neither_title_nor_body(byline):
    doc = clean_text(_page(byline))
    assert doc.title == TITLE
    assert doc.captions == [CAPTION]
    assert doc.body == f"{LEAD}\n\n{SECOND}"
    assert doc.published == "2025-06-05"


@pytest.mark.parametrize("kicker", ["Home / World / Europe", "PORTS", "World news",
                                    "By Minh Chau", "Text and photos: Pham Duy"])
def test_title_when_the_first_line_is_not_the_title(kicker):
    doc = clean_text(_page("Reported by Minh Chau", kicker=kicker))
    assert doc.title == TITLE
    assert doc.captions == [CAPTION]
    assert kicker not in doc.body
