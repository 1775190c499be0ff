"""The knowledge base on the real dev corpus (read at run time from ../shared).

The gold records stand in for extraction, so these tests check merging alone: the
June 2025 Toulouse visit told by the second seed page and by article a046 is one
event with two sources, and the Vietnamese ambassador is one person everywhere.
"""

from __future__ import annotations

import json

import pytest

from passerelle import query
from passerelle.records import Document
from passerelle.store import open_db, store_document


def _gold_documents(shared_dir) -> list[Document]:
    dev = shared_dir / "corpus" / "dev"
    published = {}
    for line in (dev / "input.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published[row["id"]] = row.get("published")
    docs = []
    for name in ("gold.jsonl", "gold-seeds.jsonl"):
        for line in (dev / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            doc = Document.from_record(record)
            doc.published = doc.published or published.get(doc.id)
            docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def corpus_kb(shared_dir, tmp_path_factory):
    db = open_db(f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'kb.sqlite'}")
    for doc in _gold_documents(shared_dir):
        with db.transaction() as conn:
            store_document(conn, doc, None, f"gold:{doc.id}", near_threshold=1.01)
    yield db
    db.dispose()


def test_toulouse_visit_is_one_event_with_two_sources(corpus_kb):
    visits = query.timeline(corpus_kb, place="Toulouse", person="Dinh Toan Thang")
    visits = [e for e in visits if e["type"] == "visit"]
    assert len(visits) == 1
    sources = {s["document_id"] for s in visits[0]["sources"]}
    assert {"a046", "002_bd6d6478c13ced61"} <= sources
    assert visits[0]["start"] == "2025-06-23"


def test_ambassador_is_one_person_everywhere(corpus_kb):
    found = query.entities(corpus_kb, "person", q="dinh toan")
    assert len(found) == 1
    profile = query.profile(corpus_kb, "person", "Đinh Toàn Thắng")
    assert profile["country"] == "VN"
    assert len(profile["sources"]) >= 8
    assert any(o["role"] == "Ambassador" for o in profile["offices"])
