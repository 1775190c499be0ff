"""The HTML cleaner, on pages written for these tests."""

from __future__ import annotations

import pytest

from passerelle.errors import ParseError
from passerelle.ingest import clean_html

LEAD = ("Mayors from Brittany spent a week in Quang Ninh to prepare a joint programme on "
        "coastal tourism and the protection of bays.")
STORY = [
    "The delegation, led by Mayor of Brest Anne Leclerc, arrived in Ha Long on Monday and met "
    "the chairman of the provincial People's Committee, Tran Quoc Minh, the next morning.",
    "Both sides discussed how to limit the pressure of cruise ships on the bay and how to train "
    "local guides in French, a language many European visitors still prefer on tours.",
    "Anne Leclerc said Brest wished to sign a cooperation charter with Ha Long before the end "
    "of the year, covering port services, marine research and exchanges of students.",
    "Tran Quoc Minh proposed that the two cities first run a pilot project on waste collection "
    "in fishing villages, with experts from the university of Brest.",
]


def _page(*, lead_outside: bool = True, lead_class: str = "sapo", description: str = LEAD) -> str:
    lead = f'<p class="{lead_class}">{LEAD}</p>' if lead_outside else ""
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Breton mayors visit Quang Ninh | Example Times</title>
<meta property="og:title" content="Breton mayors visit Quang Ninh">
<meta property="og:site_name" content="Example Times">
<meta name="description" content="{description}">
<meta property="article:published_time" content="2024-05-22T09:00:00+07:00">
<link rel="canonical" href="https://times.example.vn/world/breton-mayors.html">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="header"><h1>Breton mayors visit Quang Ninh</h1>{lead}</div>
<div class="article-content">
<figure><img src="a.jpg"><figcaption>Anne Leclerc and Tran Quoc Minh in Ha Long. (Photo: LINH)</figcaption></figure>
{body}
</div>
<div class="footer">Contact us - Advertising - Terms of use</div>
</body></html>"""


def test_sapo_outside_the_article_container_is_kept():
    doc = clean_html(_page())
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[0] == LEAD
    assert paragraphs[1:] == STORY


@pytest.mark.parametrize("lead_class", ["sapo", "article__chapo", "standfirst"])
def test_lead_class_names_are_recognised(lead_class):
    doc = clean_html(_page(lead_class=lead_class, description="Another summary of the story."))
    assert doc.body.startswith(LEAD)


def test_description_shown_before_the_body_counts_as_lead():
    doc = clean_html(_page(lead_class="x-intro-text"))
    assert doc.body.startswith(LEAD)


def test_description_not_shown_on_the_page_is_not_added():
    doc = clean_html(_page(lead_outside=False))
    assert LEAD not in doc.body
    assert doc.description == LEAD
    assert doc.body.split("\n\n") == STORY


def test_metadata_and_captions():
    doc = clean_html(_page(), meta={"path": "/tmp/breton.html"})
    assert doc.title == "Breton mayors visit Quang Ninh"
    assert doc.published == "2024-05-22"
    assert doc.site_name == "Example Times"
    assert doc.source.url == "https://times.example.vn/world/breton-mayors.html"
    assert doc.source.outlet == "times.example.vn"
    assert doc.id == "breton"
    assert doc.captions == ["Anne Leclerc and Tran Quoc Minh in Ha Long."]
    assert "Photo: LINH" not in doc.body and "Terms of use" not in doc.body
    assert doc.language == "en"
    assert doc.components == {"ingest": "ingest.html.v1"}


def test_xhtml_with_an_xml_declaration():
    doc = clean_html('<?xml version="1.0" encoding="utf-8"?>\n' + _page())
    assert doc.body.startswith(LEAD)


def test_end_mark_ends_the_story():
    story = "".join(f"<p>{p}</p>" for p in STORY[:2]) + f"<p>{STORY[2]}./.</p>"
    html = (f"<html><body><article>{story}<p>Brest opens a new marina for sailing boats "
            "next to the naval museum of the city.</p></article></body></html>")
    doc = clean_html(html)
    assert doc.body.endswith("./.") and "marina" not in doc.body


@pytest.mark.parametrize(
    "html",
    ["<html><body></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>",
     "<<<>>> <div"],
)
def test_pages_without_article_text_raise_parse_error(html):
    with pytest.raises(ParseError):
        clean_html(html)
