"""French and Vietnamese events and commitments (``events.fr.v1``, ``events.vi.v1``,
``commitments.fr.v1``, ``commitments.vi.v1``) on documents whose entities the test
fills itself, and on the dev documents with the gold entities."""

from __future__ import annotations

import json

import pytest

from passerelle import registry
from passerelle.extract.base import analyze
from passerelle.extract.dates import find_dates, latest_dated
from passerelle.records import Document, Person, Place, Title

import passerelle.extract.commitments  # noqa: F401  (registers the components)
import passerelle.extract.events  # noqa: F401


def make_doc(body, language, people=(), places=(), published="2025-04-10"):
    doc = Document(id="t", body=body, published=published, language=language)
    doc.people = [Person(n, list(a), [Title(r, o) for r, o in t]) for n, a, t in people]
    doc.places = [Place(n, list(a), kind=k) for n, a, k in places]
    return doc


def run(doc):
    analysis = analyze(doc)
    registry.get(f"events.{doc.language}.v1")(analysis)
    registry.get(f"commitments.{doc.language}.v1")(analysis)
    return doc


MAIRE = ("Claire Dubois", [], [("Mayor", "Portville")])
HOA_FR = ("Le Van Hoa", [], [("Chairman", "Binh Son")])
HOA_VI = ("Lê Văn Hòa", ["Le Van Hoa"], [("Chairman", "Bình Sơn")])
PLACES_FR = [("Portville", [], "city"), ("Hué", [], "city"), ("Binh Son", [], "province")]
PLACES_VI = [("Portville", [], "city"), ("Bình Sơn", [], "province")]

FR_BODY = (
    "Une délégation de la ville de Portville, conduite par la maire Claire Dubois, a effectué "
    "une visite de travail à Hué du 3 au 5 avril. "
    "Lors de sa rencontre avec le président du Comité populaire, Le Van Hoa, la maire a "
    "souhaité développer les échanges d’étudiants. "
    "Elle a invité M. Hoa à se rendre à Portville à l’automne. "
    "Le Van Hoa a également proposé un jumelage entre les deux villes. "
    "Les deux parties sont convenus de créer un groupe de travail."
)
VI_BODY = (
    "Đoàn công tác của tỉnh Bình Sơn do Chủ tịch UBND tỉnh Lê Văn Hòa dẫn đầu đã có chuyến "
    "thăm và làm việc tại thành phố Portville từ ngày 3-5/4. "
    "Tại buổi làm việc với Thị trưởng Claire Dubois, ông Hòa mong muốn hai bên tăng cường "
    "hợp tác giáo dục. "
    "Bà Claire Dubois đề nghị tỉnh Bình Sơn cử sinh viên sang học tập. "
    "Hai bên thống nhất tổ chức diễn đàn doanh nghiệp vào năm 2026."
)


def test_french_visit_meeting_and_commitments():
    doc = run(make_doc(FR_BODY, "fr", [MAIRE, HOA_FR], PLACES_FR))
    visits = [(e.participants, e.place, e.start, e.end) for e in doc.events if e.type == "visit"]
    assert visits == [(["Claire Dubois"], "Hué", "2025-04-03", "2025-04-05")]
    meetings = [sorted(e.participants) for e in doc.events if e.type == "meeting"]
    assert meetings == [["Claire Dubois", "Le Van Hoa"]]
    assert [(c.actor, c.kind) for c in doc.commitments] == [
        ("Claire Dubois", "intent"), ("Claire Dubois", "invitation"),
        ("Le Van Hoa", "proposal"), ("Claire Dubois", "agreement"),
    ]
    assert all(c.evidence in doc.body for c in doc.commitments)


def test_vietnamese_visit_meeting_and_commitments():
    doc = run(make_doc(VI_BODY, "vi", [MAIRE, HOA_VI], PLACES_VI))
    visits = [(e.participants, e.place, e.start, e.end) for e in doc.events if e.type == "visit"]
    assert visits == [(["Lê Văn Hòa"], "Portville", "2025-04-03", "2025-04-05")]
    meetings = [sorted(e.participants) for e in doc.events if e.type == "meeting"]
    assert meetings == [["Claire Dubois", "Lê Văn Hòa"]]
    assert [(c.actor, c.kind) for c in doc.commitments] == [
        ("Lê Văn Hòa", "intent"), ("Claire Dubois", "proposal"), ("Lê Văn Hòa", "agreement"),
    ]


@pytest.mark.parametrize("language,body", [
    ("fr", "Claire Dubois est venue à Hué à l’invitation de Le Van Hoa."),
    ("vi", "Bà Claire Dubois đến Bình Sơn theo lời mời của ông Lê Văn Hòa."),
    ("vi", "Chương trình nhận được sự quan tâm của ông Lê Văn Hòa."),
    ("vi", "Bà Claire Dubois nói về sự thống nhất của đất nước."),
    ("fr", "Aucun nom ici, seulement une visite de travail et une rencontre avec."),
])
def test_no_commitment_without_a_statement(language, body):
    people = [MAIRE, HOA_FR if language == "fr" else HOA_VI]
    places = PLACES_FR if language == "fr" else PLACES_VI
    assert run(make_doc(body, language, people, places)).commitments == []


def test_a_place_speaks_for_itself_in_vietnamese():
    body = "Tỉnh Bình Sơn mong muốn Portville tiếp tục giúp đỡ trong lĩnh vực y tế."
    doc = run(make_doc(body, "vi", [HOA_VI], PLACES_VI))
    assert [(c.actor, c.kind) for c in doc.commitments] == [("Bình Sơn", "intent")]


def test_years_from_the_latest_dated_mention_when_unpublished():
    body = ("La dernière visite remonte à octobre 2024. "
            "La maire Claire Dubois a effectué une visite de travail à Hué du 6 au 8 mars.")
    assert latest_dated(body) == "2024-10-01"
    span = find_dates("du 6 au 8 mars", published="2024-10-01", tense="after")[0]
    assert (span.start, span.end) == ("2025-03-06", "2025-03-08")
    doc = run(make_doc(body, "fr", [MAIRE], PLACES_FR, published=None))
    visit = next(e for e in doc.events if e.type == "visit")
    assert (visit.start, visit.end) == ("2025-03-06", "2025-03-08")


def _gold_docs(shared_dir, language):
    published = {}
    for line in (shared_dir / "corpus/dev/input.jsonl").read_text().splitlines():
        rec = json.loads(line)
        published[rec["id"]] = rec.get("published")
    for line in (shared_dir / "corpus/dev/gold.jsonl").read_text().splitlines():
        gold = json.loads(line)
        if gold["language"] == language:
            yield gold, published.get(gold["id"])


@pytest.mark.parametrize("language,floors", [
    ("fr", {"visits": 0.55, "meetings": 0.85, "commitments": 0.95}),
    ("vi", {"visits": 0.75, "meetings": 0.95, "commitments": 0.75}),
])
def test_dev_documents_with_gold_entities(shared_dir, language, floors):
    from passerelle.evaluate import score

    golds, preds = [], []
    for gold, published in _gold_docs(shared_dir, language):
        keep = {k: gold.get(k) for k in ("id", "body", "captions", "people", "organizations",
                                         "places")}
        doc = run(Document.from_record({**keep, "published": published, "language": language}))
        assert all(e.evidence in doc.segment_text(e.evidence_segment) for e in doc.events)
        golds.append(gold)
        preds.append(doc.to_record())
    report = score(golds, preds, language=language)
    for field, floor in floors.items():
        assert report.fields[field].f1 >= floor, (field, report.fields[field].f1)


@pytest.mark.parametrize("language,body,expected", [
    # the person "en visite" travels, not the host who received her
    ("fr", "Le 12 mai, Le Van Hoa a reçu la maire de Portville, Claire Dubois, en visite à "
           "Binh Son.", [("meeting", ["Le Van Hoa", "Claire Dubois"], "2025-05-12"),
                         ("visit", ["Claire Dubois"], "2025-05-12")]),
    ("fr", "Claire Dubois s'est entretenue avec Le Van Hoa sur la coopération universitaire.",
     [("meeting", ["Claire Dubois", "Le Van Hoa"], None)]),
    ("vi", "Sáng 12/5, Chủ tịch UBND tỉnh Lê Văn Hòa đã tiếp Thị trưởng Claire Dubois đang "
           "thăm và làm việc tại tỉnh Bình Sơn.",
     [("meeting", ["Lê Văn Hòa", "Claire Dubois"], "2025-05-12"),
      ("visit", ["Claire Dubois"], "2025-05-12")]),
    # being invited to attend is not attending
    ("vi", "Ông Lê Văn Hòa mời bà Claire Dubois tham dự lễ hội.", []),
    ("vi", "Lê Văn Hòa và Claire Dubois đã ký kết biên bản ghi nhớ về giáo dục.",
     [("agreement", ["Lê Văn Hòa", "Claire Dubois"], None)]),
])
def test_more_event_patterns(language, body, expected):
    people = [MAIRE, HOA_FR if language == "fr" else HOA_VI]
    places = PLACES_FR if language == "fr" else PLACES_VI
    doc = run(make_doc(body, language, people, places, published="2025-05-20"))
    assert [(e.type, e.participants, e.start) for e in doc.events] == expected
