"""Knowledge base across articles (issue 5), on SQLite and PostgreSQL.

The articles below are made up for these tests, in our own words.
"""

from __future__ import annotations

import random

import pytest

from passerelle import query
from passerelle.records import (
    Commitment,
    Document,
    Event,
    Organization,
    Person,
    Place,
    Source,
    Title,
)
from passerelle.store import open_db, store_document
from passerelle.store.knowledge import integrate_document

LYON = dict(country="FR", kind="city", lat=45.75, lon=4.85, geonames_id=2996944,
            parents=["Rhône", "Auvergne-Rhône-Alpes", "France"])
KHOA_EN = Person("Tran Minh Khoa", ["Ambassador Khoa"], [Title("Ambassador", "Vietnam")], "VN")
DUMONT = Person("Claire Dumont", ["Mayor Dumont"], [Title("Mayor", "Lyon")], "FR")


def _doc(doc_id: str, published: str, body: str, language: str = "en", outlet: str = "Wire A",
         **facts: list) -> Document:
    return Document(id=doc_id, body=body, published=published, language=language,
                    title=body.split(".")[0], source=Source(url=f"https://news.test/{doc_id}",
                                                            outlet=outlet), **facts)


def articles() -> list[Document]:
    """Six made-up articles: one visit told twice (English and French), two different
    Nguyens, a commitment repeated and later fulfilled."""
    return [
        _doc("en-visit", "2025-03-12",
             "Ambassador Tran Minh Khoa travelled to Lyon on 10 March and met Mayor Claire Dumont. "
             "They talked about student exchanges, and the mayor said Lyon hopes to build a "
             "vocational training partnership with him.",
             people=[KHOA_EN, DUMONT],
             organizations=[Organization("Agence française de développement", ["AFD"], "agency",
                                         "FR")],
             places=[Place("Lyon", **LYON)],
             events=[Event("visit", ["Tran Minh Khoa"], "Lyon", "2025-03-10", None, "day",
                           ["diplomacy"], "Ambassador Tran Minh Khoa travelled to Lyon."),
                     Event("meeting", ["Tran Minh Khoa", "Claire Dumont"], "Lyon", "2025-03-10",
                           None, "day", ["education"], "He met Mayor Claire Dumont.")],
             commitments=[Commitment("Claire Dumont", "intent", "Tran Minh Khoa", ["education"],
                                     "vocational training partnership",
                                     "Lyon hopes to build a vocational training partnership.")],
             sectors=["diplomacy", "education"]),
        _doc("fr-visit", "2025-03-13",
             "L'ambassadeur Trần Minh Khoa est venu à Lyon où il a rencontré la maire Claire "
             "Dumont pour parler d'échanges d'étudiants.", language="fr", outlet="Journal B",
             people=[Person("Trần Minh Khoa", ["M. Khoa"], [Title("Ambassador", "Vietnam")]),
                     Person("Claire Dumont", [], [Title("Mayor", "Lyon")], "FR")],
             places=[Place("Lyon", country="FR")],
             events=[Event("visit", ["Trần Minh Khoa"], "Lyon", None, None, None, ["diplomacy"],
                           "L'ambassadeur est venu à Lyon."),
                     Event("meeting", ["Trần Minh Khoa", "Claire Dumont"], "Lyon", "2025-03-10",
                           None, "day", ["education"], "Il a rencontré la maire.")],
             sectors=["education"]),
        _doc("danang", "2025-04-02",
             "In Da Nang, vice chairman Nguyen Van Hai received Nguyen Thi Lan, a delegate from "
             "Ha Noi, to discuss seafood exports.",
             people=[Person("Nguyen Van Hai", ["Mr Nguyen"], [Title("Vice Chairman", "Da Nang")],
                            "VN"),
                     Person("Nguyen Thi Lan", ["Ms Nguyen"], [], "VN"),
                     Person("Minh Nguyen", [], [], "FR")],
             places=[Place("Da Nang", [], "city", "VN"), Place("Hà Nội", [], "city", "VN")],
             events=[Event("meeting", ["Nguyen Van Hai", "Nguyen Thi Lan"], "Da Nang",
                           "2025-04-01", None, "day", ["fisheries"], "He received her.")],
             sectors=["fisheries"]),
        _doc("hanoi", "2025-05-05",
             "Nguyen Van Hai went to Hanoi, where he met Minh Nguyen, a businessman from the "
             "United States.", outlet="Journal B",
             people=[Person("Nguyen Van Hai", ["Mr Nguyen"], [], "VN"),
                     Person("Minh Nguyen", [], [], "US")],
             places=[Place("Hanoi", ["Ha Noi"], "city", "VN")],
             events=[Event("visit", ["Nguyen Van Hai"], "Hanoi", "2025-05-04", None, "day",
                           ["economy"], "Nguyen Van Hai went to Hanoi.")],
             sectors=["economy"]),
        _doc("repeat", "2025-09-02",
             "Deputy Mayor Claire Dumont said again that Lyon wants a vocational training "
             "partnership with Vietnam.",
             people=[Person("Claire Dumont", [], [Title("Deputy Mayor", "Lyon")], "FR")],
             places=[Place("Lyon", **LYON)],
             commitments=[Commitment("Claire Dumont", "intent", None, ["education"],
                                     "vocational training partnership",
                                     "Lyon wants a vocational training partnership.")],
             sectors=["education"]),
        _doc("signed", "2025-11-15",
             "Claire Dumont and Ambassador Tran Minh Khoa signed a vocational training agreement "
             "in Lyon, funded by the French Development Agency (AFD).", outlet="Journal B",
             people=[KHOA_EN, DUMONT],
             organizations=[Organization("French Development Agency", ["AFD"], "agency", "FR")],
             places=[Place("Lyon", **LYON)],
             events=[Event("agreement", ["Claire Dumont", "Tran Minh Khoa"], "Lyon",
                           "2025-11-14", None, "day", ["education"],
                           "They signed a vocational training agreement in Lyon.")],
             sectors=["education"]),
    ]


def load(db, docs) -> None:
    """Store each document in its own transaction (the pipeline's way)."""
    for doc in docs:
        with db.transaction() as conn:
            store_document(conn, doc, None, f"test:{doc.id}")


@pytest.fixture
def kb(db_url):
    db = open_db(db_url)
    load(db, articles())
    yield db
    db.dispose()


def _events(db, type_):
    return [e for e in query.timeline(db) if e["type"] == type_]


def test_two_outlets_one_visit(kb):
    march = [e for e in _events(kb, "visit") if e["place"] and e["place"]["name"] == "Lyon"]
    assert len(march) == 1
    assert march[0]["source_count"] == 2
    assert {s["document_id"] for s in march[0]["sources"]} == {"en-visit", "fr-visit"}
    assert march[0]["start"] == "2025-03-10"  # the dated report wins over the undated one
    meetings = [e for e in _events(kb, "meeting") if e["place"]["name"] == "Lyon"]
    assert len(meetings) == 1 and meetings[0]["source_count"] == 2


def test_english_and_french_spellings_are_one_person(kb):
    khoa = query.entities(kb, "person", q="tran minh")
    assert len(khoa) == 1
    profile = query.profile(kb, "person", "Trần Minh Khoa")
    assert profile["id"] == khoa[0]["id"]
    assert profile["name"] == "Trần Minh Khoa"  # the spelling with diacritics is shown
    assert {"Tran Minh Khoa", "Ambassador Khoa", "M. Khoa"} <= set(profile["aliases"])
    assert profile["country"] == "VN"
    assert query.profile(kb, "person", "Ambassador Tran Minh Khoa")["id"] == khoa[0]["id"]


def test_two_nguyens_stay_apart(kb):
    names = {p["name"] for p in query.entities(kb, "person", limit=100)}
    assert {"Nguyen Van Hai", "Nguyen Thi Lan"} <= names
    hai = query.profile(kb, "person", "Nguyen Van Hai")
    assert "Ms Nguyen" not in hai["aliases"]
    assert {s["document_id"] for s in hai["sources"]} == {"danang", "hanoi"}


def test_same_name_different_countries_stay_apart(kb):
    minhs = [p for p in query.entities(kb, "person", q="minh nguyen")]
    assert sorted(p["country"] for p in minhs) == ["FR", "US"]


def test_place_spellings_are_one_place(kb):
    hanoi = query.entities(kb, "place", q="ha noi")
    assert len(hanoi) == 1
    hanoi = query.profile(kb, "place", "Hanoi")
    assert {hanoi["name"], *hanoi["aliases"]} >= {"Hà Nội", "Ha Noi", "Hanoi"}


def test_acronym_links_organisation_names(kb):
    afd = query.profile(kb, "org", "AFD")
    assert {"Agence française de développement", "French Development Agency"} <= (
        set(afd["aliases"]) | {afd["name"]})
    assert afd["merges"] and afd["merges"][0]["reason"]


def test_commitment_repeated_then_fulfilled(kb):
    items = query.commitments(kb, person="Claire Dumont")
    assert len(items) == 1
    item = items[0]
    assert item["status"] == "fulfilled"
    assert [s["step"] for s in item["trail"]] == ["made", "repeated", "fulfilled"]
    assert [s["document_id"] for s in item["trail"]] == ["en-visit", "repeat", "signed"]
    assert all(s["evidence"] for s in item["trail"])
    assert query.commitments(kb, status="open") == []


def test_commitment_status_grows_with_articles(db_url):
    db = open_db(db_url)
    docs = {d.id: d for d in articles()}
    load(db, [docs["en-visit"]])
    assert query.commitments(db)[0]["status"] == "open"
    load(db, [docs["repeat"]])
    assert query.commitments(db)[0]["status"] == "repeated"
    load(db, [docs["signed"]])
    assert query.commitments(db)[0]["status"] == "fulfilled"
    db.dispose()


def test_offices_over_time(kb):
    offices = {o["role"]: o for o in query.profile(kb, "person", "Claire Dumont")["offices"]}
    assert offices["Mayor"]["first_seen"] == "2025-03-12"
    assert offices["Mayor"]["last_seen"] == "2025-11-15"
    assert offices["Deputy Mayor"]["sources"] == ["repeat"]


def test_place_filter_includes_places_inside(kb):
    inside = query.timeline(kb, place="Auvergne-Rhône-Alpes")
    assert inside and all(e["place"]["name"] == "Lyon" for e in inside)
    assert query.timeline(kb, place="Nowhere at all") == []


@pytest.mark.parametrize("seed", [1, 7])
def test_result_is_independent_of_ingestion_order(db_url, tmp_path, seed):
    docs = articles()
    reference = open_db(f"sqlite:///{tmp_path / 'ref.sqlite'}")
    load(reference, docs)
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    other = open_db(db_url)
    load(other, list(reversed(shuffled)))
    assert query.canonical_dump(other) == query.canonical_dump(reference)
    assert query.sectors_over_time(other) == query.sectors_over_time(other, date_from="0000")
    reference.dispose()
    other.dispose()


def assert_place_counts_current(db):
    """The kb_place_counts summary equals a count of the events (what places_map reads)."""
    from sqlalchemy import text

    with db.connect() as conn:
        kept = set(conn.execute(text("SELECT place_id, type, n FROM kb_place_counts WHERE n != 0")))
        fresh = set(conn.execute(text("SELECT place_id, type, COUNT(*) FROM kb_events WHERE "
                                      "place_id IS NOT NULL GROUP BY place_id, type")))
    assert kept == fresh and fresh


def test_place_summary_follows_merges_and_splits(kb):
    assert_place_counts_current(kb)
    query.merge_entities(kb, "place", "Lyon", "Da Nang", note="test: two places as one")
    assert_place_counts_current(kb)
    khoa = query.profile(kb, "person", "Tran Minh Khoa")
    query.split_entity(kb, "person", khoa["id"], "fr-visit")
    assert_place_counts_current(kb)
    for doc in articles()[:3]:
        with kb.transaction() as conn:
            integrate_document(conn, doc.id, doc)
    assert_place_counts_current(kb)
    shown = {p["name"]: p["events"] for p in query.places_map(kb)}
    assert shown
    lyon = query.profile(kb, "place", "Lyon")
    assert shown[lyon["name"]] == len(query.timeline(kb, place=lyon["id"], limit=1000))


def test_reintegration_changes_nothing(kb):
    before = query.canonical_dump(kb)
    for doc in articles()[:3]:
        with kb.transaction() as conn:
            integrate_document(conn, doc.id, doc)
    assert query.canonical_dump(kb) == before


def test_manual_merge_survives_reextraction(kb):
    result = query.merge_entities(kb, "person", "Nguyen Thi Lan", "Minh Nguyen",
                                  note="test merge")
    assert result["kept"] != result["merged"]
    merged = query.profile(kb, "person", "Nguyen Thi Lan")
    assert any("manual merge" in m["reason"] for m in merged["merges"])
    doc = articles()[2]
    with kb.transaction() as conn:
        integrate_document(conn, doc.id, doc)
    again = query.profile(kb, "person", "Nguyen Thi Lan")
    assert "Minh Nguyen" in again["aliases"]


def test_split_by_document_survives_reextraction(kb):
    khoa = query.profile(kb, "person", "Tran Minh Khoa")
    result = query.split_entity(kb, "person", khoa["id"], "fr-visit")
    assert result["moved_documents"] == ["fr-visit"]
    kept = query.profile(kb, "person", khoa["id"])
    assert "fr-visit" not in {s["document_id"] for s in kept["sources"]}
    doc = articles()[1]
    with kb.transaction() as conn:
        integrate_document(conn, doc.id, doc)
    assert "fr-visit" not in {s["document_id"] for s in
                              query.profile(kb, "person", khoa["id"])["sources"]}
    assert query.sectors_over_time(kb) == query.sectors_over_time(kb, date_from="0000")


def test_unknown_entity_is_a_clear_error(kb):
    from passerelle.errors import ConfigError

    with pytest.raises(ConfigError, match="no person named"):
        query.profile(kb, "person", "Nobody Here")
    with pytest.raises(ConfigError, match="unknown entity kind"):
        query.entities(kb, "planet")


def test_an_undated_article_recalling_an_old_visit_still_joins_the_current_one(db_url):
    """Without a publication date the latest event date anchors the article: a story
    that also recalls a visit of years ago must not fall outside the current visit's
    window."""
    db = open_db(db_url)
    recalled = Person("Le Quang Vinh", [], [Title("President", "Vietnam")], "VN")
    dated = _doc("dated", "2025-03-12", "Ambassador Tran Minh Khoa travelled to Lyon.",
                 people=[KHOA_EN], places=[Place("Lyon", **LYON)],
                 events=[Event("visit", ["Tran Minh Khoa"], "Lyon", "2025-03-10", "2025-03-11",
                               "day", [], "Ambassador Tran Minh Khoa travelled to Lyon.")])
    undated = _doc("undated", None, "L'ambassadeur Tran Minh Khoa est venu à Lyon.", "fr",
                   people=[KHOA_EN, recalled], places=[Place("Lyon", **LYON)],
                   events=[Event("visit", ["Tran Minh Khoa"], "Lyon", "2025-03-10", "2025-03-11",
                                 "day", [], "L'ambassadeur Tran Minh Khoa est venu à Lyon."),
                           Event("visit", ["Le Quang Vinh"], "Lyon", "2022-06-01", None,
                                 "month", [], "Le président Le Quang Vinh était venu en 2022.")])
    load(db, [dated, undated])
    lyon = [e for e in _events(db, "visit") if e["participants"][0]["name"] != "Le Quang Vinh"]
    assert len(lyon) == 1
    assert {s["document_id"] for s in lyon[0]["sources"]} == {"dated", "undated"}
    db.dispose()
