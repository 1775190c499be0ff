"""The plain-text cleaner, on pages written for these tests (our own words)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.ingest import clean_text
from passerelle.ingest.dates import find_date, normalise_date
from passerelle.ingest.lines import Kind, classify, split_credit, stamp_labelled
from passerelle.ingest.meta import id_for_path, id_for_url

PAGE = """River towns of Anjou court partners in the Mekong Delta

Two mayors of the Loire valley said they want joint projects on flood control with Vietnamese provinces.

Gazette du FleuveGazette du Fleuve14/02/2024

On February 12 and 13, Vietnamese Consul General Le Van An toured the Loire valley and met the mayors of Saumur and Angers.

Mayor of Saumur Claire Dubois said her town hoped to sign a friendship charter with a city of Can Tho province before the end of the year.

River towns of Anjou court partners in the Mekong Delta photo 1

Mayor of Saumur Claire Dubois shows the flood wall to the consul. (Photo: PAUL MARTIN)

In Angers, Mayor Jacques Morel proposed an exchange of engineers who manage river dikes.

The consul invited both mayors to a forum on river management in Can Tho next spring./.

Source: https://gazette.example.fr/monde/anjou-mekong.html

Comment (2)

Same category

Farmers in the delta test new salt-tolerant rice
Hue opens its citadel at night for visitors
"""


@pytest.fixture(scope="module")
def page():
    return clean_text(PAGE, meta={"path": "/tmp/anjou_01.txt"})


def test_title_is_the_first_headline_line(page):
    assert page.title == "River towns of Anjou court partners in the Mekong Delta"


def test_stamp_gives_a_day_first_date(page):
    assert page.published == "2024-02-14"


def test_source_line_gives_url_and_outlet_host(page):
    assert page.source.url == "https://gazette.example.fr/monde/anjou-mekong.html"
    assert page.source.outlet == "gazette.example.fr"
    assert page.source.path == "/tmp/anjou_01.txt"
    assert page.id == "anjou_01"


@pytest.mark.parametrize(
    "kept",
    [
        "Two mayors of the Loire valley said they want joint projects",  # the standfirst
        "On February 12 and 13, Vietnamese Consul General Le Van An toured",
        "The consul invited both mayors to a forum on river management in Can Tho next spring./.",
    ],
)
def test_story_sentences_are_in_the_body(page, kept):
    assert kept in page.body


@pytest.mark.parametrize(
    "dropped",
    ["photo 1", "PAUL MARTIN", "Gazette du Fleuve", "Source:", "Comment (2)", "Same category",
     "salt-tolerant rice", "citadel at night", "River towns of Anjou", "shows the flood wall"],
)
def test_page_furniture_is_not_in_the_body(page, dropped):
    assert dropped not in page.body


def test_caption_is_kept_without_its_credit(page):
    assert page.captions == ["Mayor of Saumur Claire Dubois shows the flood wall to the consul."]


def test_the_cleaner_is_named_in_components(page):
    assert page.components == {"ingest": "ingest.text.v1"}


def test_paragraphs_are_joined_by_a_blank_line(page):
    assert page.body.count("\n\n") == 4  # five paragraphs
    assert page.language == "en"


def test_standfirst_repeated_by_the_lead_counts_once():
    text = (
        "Port cities sign a new maritime charter\n"
        "The ports of Le Havre and Hai Phong signed a charter on training pilots and sharing data.\n"
        "Le Havre (PEN) – The ports of Le Havre and Hai Phong signed a charter on training pilots "
        "and sharing data on Monday.\n"
        "The charter runs for three years and may be extended.\n"
    )
    doc = clean_text(text)
    assert doc.body.count("signed a charter on training pilots") == 1
    assert doc.body.startswith("Le Havre (PEN)")


def test_agency_stamp_ends_the_story_and_is_cut():
    text = (
        "The two provinces agreed to exchange teachers of French from next September. - PEN\n"
        "Flooding closes roads in the north of the country after heavy rain over the weekend.\n"
    )
    doc = clean_text(text)
    assert doc.body == "The two provinces agreed to exchange teachers of French from next September."


def test_credit_on_its_own_line_makes_the_line_above_a_caption():
    text = (
        "A French delegation visited the old quarter of the city on Tuesday morning.\n"
        "The mayor and the delegation walk along the lake, on 4 March.\n"
        "Photo: Minh Chau/PEN\n"
        "Both sides agreed to restore two more houses of the quarter next year.\n"
    )
    doc = clean_text(text)
    assert doc.captions == ["The mayor and the delegation walk along the lake, on 4 March."]
    assert "walk along the lake" not in doc.body
    assert "restore two more houses" in doc.body


def test_tail_of_headlines_without_end_mark_is_cut():
    text = (
        "The governor welcomed the delegation and praised the results of the cooperation.\n"
        "She hoped the two regions would open a joint office for students in the autumn.\n"
        "\n"
        "Economy\n"
        "Exports of coffee rise sharply in the first half of the year\n"
        "A new bridge opens over the Red River\n"
    )
    doc = clean_text(text)
    assert doc.body.endswith("open a joint office for students in the autumn.")


def test_stamps_in_the_tail_do_not_date_the_story():
    text = (
        "The two provinces agreed to exchange teachers of French from next September./.\n"
        "Same category\n"
        "Daily Example 02/01/2020\n"
        "Old story about a bridge\n"
    )
    assert clean_text(text).published is None


@pytest.mark.parametrize("tail", [" - VNA", " -VNA", " – VNA/CVN", " — VNS"])
def test_agency_stamp_variants(tail):
    doc = clean_text(f"The mayor thanked the delegation for its visit to the city.{tail}\nNext.")
    assert doc.body == "The mayor thanked the delegation for its visit to the city."


def test_headline_ending_with_a_question_mark():
    text = ("Can two river ports share one training school?\n"
            "The ports of Rouen and Can Tho want to train their pilots together, their heads said.\n")
    doc = clean_text(text)
    assert doc.title == "Can two river ports share one training school?"
    assert doc.body.startswith("The ports of Rouen")


def test_author_name_before_navigation_is_not_a_subheading():
    text = ("The governor said the province would send ten engineers to the port next year.\n\n"
            "Lan Chi\n\nTin cùng chuyên mục\n\nA story about rice\n")
    assert clean_text(text).body.endswith("to the port next year.")


def test_subheading_between_paragraphs_is_kept():
    text = ("The governor said the province would send ten engineers to the port next year.\n"
            "Training comes first\n"
            "The engineers will spend six months at the school of the port authority.\n")
    assert "\n\nTraining comes first\n\n" in clean_text(text).body


def test_list_items_inside_the_story_do_not_end_it():
    text = (
        "The two provinces agreed on three priorities for the coming years:\n"
        "- exchanges of teachers and students\n"
        "- joint projects on clean water\n"
        "- a yearly festival of both cultures\n"
        "The agreement will be reviewed at the end of next year by both sides.\n"
    )
    doc = clean_text(text)
    assert "- joint projects on clean water" in doc.body
    assert doc.body.endswith("reviewed at the end of next year by both sides.")


def test_site_chrome_before_the_headline_is_skipped():
    text = (
        "Visitor Counter : 2211\n"
        "Published: 05/11/2019 - 10:20\n"
        "Grenoble and Da Nang open a joint innovation centre\n"
        "\n"
        "The cities of Grenoble and Da Nang opened a joint innovation centre for start-ups on "
        "Monday, the mayor of Grenoble said.\n"
    )
    doc = clean_text(text, url="https://news.example.vn/a.html")
    assert doc.title == "Grenoble and Da Nang open a joint innovation centre"
    assert doc.published == "2019-11-05"
    assert doc.body.startswith("The cities of Grenoble")


def test_update_line_after_the_headline_is_not_the_title():
    text = ("Home › World › Europe › France\n"
            "Nice and Ha Long sign a tourism charter\n"
            "Last updated 10:20 GMT+7 Thursday\n"
            "The cities of Nice and Ha Long signed a charter on sea tourism on Thursday.\n")
    assert clean_text(text).title == "Nice and Ha Long sign a tourism charter"


def test_given_metadata_wins_over_the_page():
    doc = clean_text(PAGE, meta={"id": "x1", "title": "Given title", "published": "2024-02-20",
                                 "url": "https://given.example.org/p"})
    assert (doc.id, doc.title, doc.published) == ("x1", "Given title", "2024-02-20")
    assert doc.source.url == "https://given.example.org/p"
    assert doc.source.outlet == "given.example.org"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("", Kind.BLANK),
        ("Same tag", Kind.NAV),
        ("TIN LIÊN QUAN", Kind.NAV),
        ("Bình luận (0)", Kind.NAV),
        ("Source: https://a.example.org/x", Kind.SOURCE),
        ("Photo: Lan Anh/PEN", Kind.CREDIT),
        ("Guests welcome the minister at the airport. (Photo: PEN)", Kind.CAPTION),
        ("Hội nghị diễn ra tại Huế - (Ảnh: hue.example.vn).", Kind.CAPTION),
        ("Mayors meet in Lyon photo 3", Kind.PLACEHOLDER),
        ("![]() |", Kind.IMAGE),
        (">>Festival of lights in the old town", Kind.RELATED),
        ("Total Counter : 13034", Kind.COUNTER),
        ("Báo Mẫu 10/03/2025", Kind.STAMP),
        ("By Nguyen Lan", Kind.BYLINE),
        ("MINH DUY", Kind.BYLINE),
        ("Ports of two nations sign a training charter", Kind.TITLELIKE),
        ("The mayor said the city would open an office in Hanoi next year.", Kind.PARAGRAPH),
        ("Rice prices climb in AsiaNew metro line opens in HanoiFarmers test drones", Kind.RELATED),
        ("We use cookies to improve this site. By continuing you agree to their use.", Kind.JUNK),
        ("Lecture : 3 min.", Kind.JUNK),
        ("Sign up here.", Kind.JUNK),
        ("Advertisement · Scroll to continue", Kind.JUNK),
        ("Reporting by Lan Pham; Editing by Tom Hart", Kind.NAV),
        ("READ MORE: Ports of two nations sign a training charter", Kind.RELATED),
        ("Lire aussi : Le port de Sète accueille des stagiaires", Kind.RELATED),
        ("Rice prices climb in Asia | New metro line opens in Hanoi", Kind.RELATED),
        ("Print | Email", Kind.NAV),
        ("VNA/VNP", Kind.NAV),
        ("The mayor opens the fair on Monday. Photo courtesy of City Hall", Kind.CAPTION),
        ("Le maire ouvre la foire, lundi. Photo Le Courrier / Paul Roy", Kind.CAPTION),
        ("Engineers inspect the dike. | KYODO", Kind.CAPTION),
        ("The mayor greets the guests (Photo courtesy of the city)", Kind.CAPTION),
        ("The ministers sign the deal (Credit: Ministry of Trade)", Kind.CAPTION),
    ],
)
def test_line_shapes(line, kind):
    assert classify(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said the city would sign up three schools for the exchange next year.",
        "Subscribers to the city's newsletter learnt of the visit on Monday morning.",
        "The delegation toured the port. Photos of the visit were shown at the town hall.",
        "Officials said the programme would support quality training for young engineers.",
        "The bakery accepted an order of cookies from a hotel chain in Da Nang last month.",
    ],
)
def test_story_sentences_are_not_page_chrome(line):
    assert classify(line) is Kind.PARAGRAPH


def _body_and_captions(text: str) -> tuple[list[str], list[str]]:
    doc = clean_text(text)
    return doc.body.split("\n\n"), doc.captions


LEAD = "The mayor of a river town received a delegation of engineers from the Mekong Delta on Monday."
NEXT = "The two sides agreed to exchange data from their flood sensors every month from now on."
LAST = "A first group of technicians will travel to the delta in the autumn to install new gauges."


def test_caption_without_credit_under_a_placeholder():
    text = "\n\n".join(["River towns share flood data", LEAD,
                        "River towns share flood data photo 1",
                        "Engineers inspect a flood gauge on the river bank.", NEXT, LAST])
    body, captions = _body_and_captions(text)
    assert captions == ["Engineers inspect a flood gauge on the river bank."]
    assert body == [LEAD, NEXT, LAST]


def test_long_paragraph_under_a_placeholder_stays_in_the_body():
    long_para = " ".join([NEXT[:-1], "and to meet twice a year to compare the results of their work"
                          " on dikes, pumps, warning systems and the training of local staff."])
    text = "\n\n".join(["River towns share flood data", LEAD,
                        "River towns share flood data photo 1", long_para, LAST])
    body, captions = _body_and_captions(text)
    assert captions == []
    assert body == [LEAD, long_para, LAST]


def test_box_of_links_inside_the_story_is_skipped_and_the_story_goes_on():
    text = "\n\n".join(["River towns share flood data", LEAD, "Related news",
                        "Delta provinces test salt sensors\nA new bridge opens in Can Tho",
                        NEXT, LAST, "Related news", "Farmers try drones\nHue lights up its citadel"])
    body, _ = _body_and_captions(text)
    assert body == [LEAD, NEXT, LAST]


def test_box_word_followed_by_headlines_only_ends_the_story():
    teaser = "Farmers in the delta are testing drones to spray their fields, officials said."
    text = "\n\n".join(["River towns share flood data", LEAD, NEXT, "Tin liên quan",
                        "Farmers try drones\nHue lights up its citadel", "Comment (0)", teaser])
    body, _ = _body_and_captions(text)
    assert body == [LEAD, NEXT]


def test_credit_above_its_caption():
    text = "\n".join(["River towns share flood data", "", LEAD, "", "Photo: City Hall",
                      "The mayor and the engineers at the dike.", "", NEXT])
    body, captions = _body_and_captions(text)
    assert captions == ["The mayor and the engineers at the dike."]
    assert body == [LEAD, NEXT]


def test_chrome_before_the_lead_is_not_the_story():
    text = "\n".join(["Lecture : 2 min.", "", "River towns share flood data", "",
                      "La Gazette Paul Roy.", "Publié le 03/05/2024 à 18h30", "Partager", "",
                      LEAD, "", NEXT])
    doc = clean_text(text)
    assert doc.title == "River towns share flood data"
    assert doc.body.split("\n\n") == [LEAD, NEXT]
    assert doc.published == "2024-05-03"
    assert doc.source.outlet is None  # "Publié le" is a label, not an outlet


def test_split_credit_keeps_the_caption_punctuation():
    assert split_credit("The mayor speaks. (Photo: KIM)") == ("The mayor speaks.", "KIM")
    assert split_credit("A line without credit.") is None


@pytest.mark.parametrize(
    ("stamp", "host", "iso"),
    [
        ("Báo Mẫu10/03/2025", "nhandan.vn", "2025-03-10"),
        ("10/03/2025", "news.example.us", "2025-10-03"),
        ("25/06/2022 16:10", None, "2022-06-25"),
        ("Apr 13, 2023 / 15:50", None, "2023-04-13"),
        ("Mis à jour le 3 février 2024", None, "2024-02-03"),
        ("Thứ Hai, ngày 3 tháng 2 năm 2024", None, "2024-02-03"),
        ("2024-02-03T10:00", None, "2024-02-03"),
        ("31/02/2024", None, None),
        ("le 21 février", None, None),
    ],
)
def test_find_date(stamp, host, iso):
    assert find_date(stamp, host=host) == iso


def test_normalise_date_accepts_iso_and_stamps():
    assert normalise_date("2023-05-14T08:00:00Z") == "2023-05-14"
    assert normalise_date("") is None and normalise_date(None) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [("000_154c2c7d1d8aac01.txt", "000_154c2c7d1d8aac01"), ("a/b/x.html.gz", "x"),
     ("noext", "noext")],
)
def test_id_for_path(path, expected):
    assert id_for_path(path) == expected


def test_id_for_url_is_short_and_stable():
    a = id_for_url("https://x.example.org/a")
    assert a == id_for_url("https://x.example.org/a") and len(a) == 16
    assert a != id_for_url("https://x.example.org/b")


LINES = st.sampled_from([
    "", "Same tag", "Photo: KIM", "The mayor welcomed the delegation. (Photo: PEN)",
    "Ports sign a charter photo 1", "Example Daily 03/04/2024", "By LAN ANH",
    "Two cities open a joint school", "The governor proposed a new training programme.",
    "He said the two sides would meet again in Hue next spring. - PEN",
    "The visit ended on Friday./.", "- exchanges of teachers and students", "Comment (3)",
    "Source: https://x.example.org/p", "Tin liên quan", ">>A related story",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=25))
def test_cleaning_never_invents_text(lines):
    text = "\n".join(lines)
    doc = clean_text(text)
    flat = " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())
    for paragraph in doc.body.split("\n\n") if doc.body else []:
        assert " ".join(paragraph.split()) in flat
    for caption in doc.captions:
        assert " ".join(caption.split()) in flat


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("Publié le 03/06/2025 à 09h15 - Mis à jour le 03/06/2025 à 11h40", "2025-06-03"),
        ("Publié le 5 mai 2025 à 8h30 - Mis à jour le 6 mai 2025", "2025-05-05"),
        ("Updated: June 3, 2025, 11:40 AM - Published: June 3, 2025, 9:15 AM", "2025-06-03"),
        ("Cập nhật lúc 11:40 ngày 03/06/2025 - Đăng lúc 09:15 ngày 03/06/2025", "2025-06-03"),
    ],
)
def test_publication_and_update_stamps_are_never_the_title(stamp, iso):
    text = ("Nantes et Hai Phong signent une charte portuaire\n"
            f"{stamp}\n"
            "\n"
            "Les villes de Nantes et de Hai Phong ont signé mardi une charte de coopération "
            "entre leurs ports, a indiqué la mairie de Nantes.\n")
    doc = clean_text(text, url="https://journal.example.fr/a.html")
    assert doc.title == "Nantes et Hai Phong signent une charte portuaire"
    assert doc.published == iso
    assert stamp not in doc.body


def test_stamp_alone_above_the_lead_is_not_taken_for_a_headline():
    text = ("Accueil > Monde\n"
            "Publié le 03/06/2025 à 09h15 - Mis à jour le 03/06/2025 à 11h40\n"
            "\n"
            "Les villes de Nantes et de Hai Phong ont signé mardi une charte de coopération "
            "entre leurs ports, a indiqué la mairie de Nantes.\n")
    doc = clean_text(text, url="https://journal.example.fr/a.html")
    assert doc.title is None or "Publié" not in doc.title


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        ("Publié le 03/06/2025 à 09h15 - Mis à jour le 03/06/2025 à 11h40", True),
        ("Mis à jour à 16h20", True),
        ("Updated: 11:40 GMT+7", True),
        ("Updated guidelines for student visas published by the embassy", False),
        ("Published 40 years ago, a novel returns to Hue", False),
    ],
)
def test_stamp_labelled(line, labelled):
    assert stamp_labelled(line) is labelled


# Held-out set 4 shapes: a credited caption between the headline and the lead, the
# outlet's name under the headline, an abbreviation inside a long headline.

@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Les deux maires signent la charte dans le salon d'honneur © Ville de Brest",
         "Ville de Brest"),
        ("The governor and the consul plant a tree in the park (© Harbour Times)", "Harbour Times"),
        ("Hai bên ký biên bản ghi nhớ tại trụ sở tỉnh Photo © Minh Khoa", "Minh Khoa"),
        ("Delegates tour the new dry dock on the east quay ©Quayside Press", "Quayside Press"),
    ],
)
def test_copyright_credit_makes_a_caption_without_full_stop(caption, credit):
    assert classify(caption) is Kind.CAPTION
    assert split_credit(caption)[1] == credit


@pytest.mark.parametrize(
    "line",
    ["© 2026 Gazette du Rhône", "Tous droits réservés © Gazette du Rhône",
     "All rights reserved © Harbour Times 2026", "Copyright © Harbour Times"],
)
def test_copyright_notice_of_the_site_is_not_a_caption(line):
    assert classify(line) is not Kind.CAPTION


@pytest.mark.parametrize(
    ("headline", "caption", "lead"),
    [
        ("Brest et Da Nang relancent leur jumelage maritime",
         "Les deux maires posent devant la frégate école © Ville de Brest",
         "Le maire de Brest a reçu mardi une délégation de la ville de Da Nang conduite par "
         "son vice-président, pour relancer le jumelage signé en 2001."),
        ("Harbour pilots from Quy Nhon train in Le Havre",
         "Trainee pilots on the bridge of a tug in the outer harbour Photo: Marc Didier",
         "Six harbour pilots from Quy Nhon began a month of training in Le Havre on Monday, "
         "the port authority said."),
        ("Tỉnh Bình Định tiếp đoàn doanh nghiệp Bretagne",
         "Phó Chủ tịch tỉnh trao đổi với đoàn doanh nghiệp (Ảnh: Thu Hà)",
         "Sáng 5/4, Phó Chủ tịch UBND tỉnh Bình Định đã tiếp đoàn doanh nghiệp vùng Bretagne "
         "đến tìm hiểu cơ hội đầu tư."),
    ],
)
def test_credited_caption_under_the_headline_is_never_the_title(headline, caption, lead):
    text = "\n\n".join([headline, "Gazette Ouest", "Mardi 14 avril 2026 - 09:40", caption,
                        "Rédaction : Léa Fournier", lead])
    doc = clean_text(text, url="https://gazette.example.fr/a.html")
    assert doc.title == headline
    assert doc.body == lead
    assert doc.captions == [split_credit(caption)[0]]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Chủ tịch UBND tỉnh Khánh Hòa tiếp Đại sứ Bỉ tại TP. Nha Trang trong chuyến thăm",
         Kind.TITLELIKE),
        ("Mr. Okafor and the St. Malo harbour master open a new training school for pilots",
         Kind.TITLELIKE),
        ("U.S. and Vietnamese port officials agree on a joint study of the river channel",
         Kind.TITLELIKE),
        ("The mayor opened the fair on Monday. Visitors then toured the stands of six towns",
         Kind.PARAGRAPH),
        ("Delegates met at the town hall in Lyon. The talks went on until late at night",
         Kind.PARAGRAPH),
        ("The mayor met the envoy in Hue. Then the two talked about a new school, for girls",
         Kind.PARAGRAPH),
    ],
)
def test_abbreviation_stop_is_not_a_sentence_break(line, kind):
    assert classify(line) is kind


@pytest.mark.parametrize(
    ("masthead", "url"),
    [
        ("Báo Khánh Hòa điện tử", "https://baokhanhhoa.example.vn/xa-hoi/tin-1.html"),
        ("Riviera Matin Online Edition", "https://www.riviera-matin.example/monde/a.html"),
        ("Delta Herald Morning Edition", "https://news.deltaherald.example/world/b"),
    ],
)
def test_outlet_name_under_the_headline_is_not_the_title(masthead, url):
    headline = "Provincial leaders receive the consul of Belgium in Nha Trang city"
    lead = ("The chairman of the provincial people's committee received the consul of "
            "Belgium on Tuesday to discuss tourism and renewable energy.")
    text = "\n\n".join([headline, masthead, "10/04/2026 08:15", lead])
    doc = clean_text(text, url=url)
    assert doc.title == headline
    assert doc.body == lead


def test_outlet_name_from_another_host_is_still_a_headline():
    lead = ("The chairman of the provincial people's committee received the consul of "
            "Belgium on Tuesday to discuss tourism and renewable energy.")
    text = "\n\n".join(["Báo Khánh Hòa điện tử", lead])
    assert clean_text(text, url="https://other.example.vn/a").title == "Báo Khánh Hòa điện tử"
    headline = "Delta Herald wins a prize for its reporting on the river floods"
    text = "\n\n".join([headline, lead])
    assert clean_text(text, url="https://deltaherald.example/a").title == headline
