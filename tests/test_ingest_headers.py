"""Page chrome around a headline: portal and office names, author labels, bare photo credits.

Pages in our own words. Press releases print the issuing office under the date
("City of X – International Relations Department"), provincial portals their own name
("Cổng Thông tin điện tử ..."), and some outlets an author label with an office
("Tác giả: NAME - ..."); French outlets credit photos in brackets without a colon
("(Photo Le Journal/A.B.)").
"""

from __future__ import annotations

import pytest

from passerelle.ingest import clean_text
from passerelle.ingest.lines import Kind, byline_shaped, classify, split_credit
from passerelle.ingest.text import site_header

HEADLINE = "Nantes and Hue agree to train restorers of historic buildings together"
STAMP = "Communiqué — 14 mai 2026"
LEAD = ("The city of Nantes and the province of Hue agreed on Tuesday to train restorers "
        "of old buildings together, the mayor's office said.")
SECOND = ("Ten apprentices from Hue will spend six months in the workshops of the Nantes "
          "cathedral from next spring.")

HEADERS = [
    "Ville de Nantes – Direction des relations internationales",
    "Region of Brittany - European Affairs Directorate",
    "City of Lyon, International Relations Department",
    "Cổng Thông tin điện tử thành phố Hải Phòng",
    "Trang thông tin điện tử Sở Ngoại vụ tỉnh Nghệ An",
    "Official portal of the city of Grenoble",
]


@pytest.mark.parametrize("header", HEADERS)
def test_portal_or_office_name_under_the_date_is_not_the_title(header):
    text = "\n\n".join([HEADLINE, STAMP, header, LEAD, SECOND])
    doc = clean_text(text, url="https://press.example.org/a.html")
    assert site_header(header)
    assert doc.title == HEADLINE
    assert doc.body == f"{LEAD}\n\n{SECOND}"


@pytest.mark.parametrize("header", HEADERS[:3])
def test_office_name_without_a_date_above_stays_the_last_headline(header):
    """Without a date stamp between them, the line nearest the lead is still the title."""
    text = "\n\n".join([HEADLINE, header, LEAD])
    assert clean_text(text).title == header


@pytest.mark.parametrize(
    "headline",
    [
        "Da Nang opens a new trade office in Lyon",
        "The French Foreign Office welcomes a delegation from Hue",
        "Direction du port : un nouveau chef nommé à Saint-Nazaire",
        "Service civique : vingt jeunes Vietnamiens accueillis à Rennes",
        "Phó Chủ tịch tỉnh tiếp Giám đốc Văn phòng Business France",
    ],
)
def test_headlines_about_offices_are_not_site_headers(headline):
    assert not site_header(headline)
    text = "\n\n".join(["World news and analysis today", STAMP, headline, LEAD])
    assert clean_text(text).title == headline


@pytest.mark.parametrize(
    "line",
    ["Tác giả: Thu Trang - Báo Quảng Ninh", "Tác giả: Hoàng Nam",
     "Auteur : Julie Marchand", "Author: Peter Nguyen – City Press Office"],
)
def test_author_label_is_a_byline(line):
    assert classify(line) is Kind.BYLINE
    assert byline_shaped(line)


@pytest.mark.parametrize(
    "line",
    ["Tác giả: những người lính trẻ trên đảo xa", "Author: how a novelist found Hue",
     "Auteur : le roman qui a fait connaître Hué en France"],
)
def test_author_label_before_words_is_not_a_byline(line):
    assert classify(line) is Kind.TITLELIKE


def test_author_line_under_the_date_is_neither_title_nor_body():
    headline = "Đoàn doanh nghiệp Bretagne làm việc tại tỉnh Nghệ An"
    lead = ("Ngày 12/5, lãnh đạo tỉnh Nghệ An đã tiếp đoàn doanh nghiệp vùng Bretagne đến "
            "tìm hiểu cơ hội đầu tư vào chế biến thủy sản.")
    text = "\n\n".join([headline, "Thứ Ba, 12/05/2026, 09:15",
                        "Tác giả: Thu Trang - Trung tâm Báo chí tỉnh", lead])
    doc = clean_text(text, url="https://nghean.example.vn/a.html")
    assert doc.title == headline
    assert doc.body == lead


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Les deux maires signent la charte à la mairie (Photo Ouest Matin/P.R.)",
         "Les deux maires signent la charte à la mairie", "Ouest Matin/P.R."),
        ("Le maire et la consule devant le port de commerce (Photo J.-M. L.)",
         "Le maire et la consule devant le port de commerce", "J.-M. L."),
        ("Phó Chủ tịch tỉnh tặng quà cho đoàn (Ảnh Thu Hà)",
         "Phó Chủ tịch tỉnh tặng quà cho đoàn", "Thu Hà"),
    ],
)
def test_bare_photo_credit_in_brackets_makes_a_caption(line, caption, credit):
    assert classify(line) is Kind.CAPTION
    assert split_credit(line) == (caption, credit)
    text = "\n\n".join([HEADLINE, LEAD, line, SECOND])
    doc = clean_text(text)
    assert doc.body == f"{LEAD}\n\n{SECOND}"
    assert doc.captions == [caption]


@pytest.mark.parametrize(
    "line",
    ["Les visiteurs ont vu les vitraux restaurés (photo ci-dessous) avant de partir.",
     "Le port de Brest en 1950, avant les travaux de la digue (Photo 3)",
     "Le maire a présenté le projet aux élus de la ville (photo d'archives)"],
)
def test_brackets_naming_no_credit_holder_are_not_credits(line):
    assert split_credit(line) is None
