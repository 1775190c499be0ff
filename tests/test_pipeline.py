"""The pipeline (read -> extract -> store) and its Dask scale-out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from passerelle import scale
from passerelle.pipeline import extract_only, ingest
from passerelle.records import Document
from passerelle.settings import Settings
from passerelle.store import open_db
from passerelle.store.schema import failures, runs

_SENTENCES = [
    "On 3 October 2024 the ambassador met the mayor of a river town to talk about schools.",
    "The regional council signed an agreement on rice farming and water management.",
    "A delegation of teachers will visit the university next spring, the rector said.",
    "Both sides pledged to open a direct flight and to support young entrepreneurs.",
]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _english(tmp_path: Path, n: int) -> Path:
    rows = [{"id": f"p{i}", "url": f"https://example.org/{i}", "published": "2024-10-05",
             "text": " ".join(_SENTENCES[i % 4:] + _SENTENCES[: i % 4]) + f" Item {i}."}
            for i in range(n)]
    return _write(tmp_path / "english.jsonl", rows)


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


@pytest.fixture
def db(db_url):
    database = open_db(db_url)
    yield database
    database.dispose()


def test_ingest_counts_and_records_failures(db, write_articles, tmp_path):
    summary = ingest([str(write_articles(3)), str(_empty(tmp_path))], db, progress=False)
    counts = (summary.stored, summary.duplicates, summary.near_duplicates, summary.failed)
    assert counts == (3, 0, 0, 1)
    assert not summary.ok
    assert summary.line().startswith("stored 3, duplicate 0, near-duplicate 0, failed 1 in ")
    with db.connect() as conn:
        run = conn.execute(select(runs.c.status, runs.c.stored, runs.c.failed)).one()
        origin = conn.execute(select(failures.c.origin, failures.c.run_id)).one()
    assert tuple(run) == ("done", 3, 1)
    assert origin[0].endswith("empty.txt") and origin[1] == summary.run_id


def test_rerun_skips_stored_documents_before_extraction(db, write_articles, monkeypatch):
    source = [str(write_articles(4))]
    ingest(source, db, progress=False)
    calls: list[str] = []
    real = scale.extract_one
    monkeypatch.setattr(scale, "extract_one", lambda doc: calls.append(doc.id) or real(doc))
    again = ingest(source, db, progress=False)
    assert (again.stored, again.duplicates) == (0, 4)
    assert calls == []


def test_near_duplicate_in_one_batch_is_linked(db, write_articles):
    path = write_articles(2)
    first = json.loads(path.read_text().splitlines()[0])
    words = first["text"].split()
    words[5] = words[40] = "changed"
    reprint = {"id": "reprint", "url": "https://other.example/r", "published": "2024-05-02",
               "text": " ".join(words) + " Republished with permission."}
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(reprint) + "\n")
    summary = ingest([str(path)], db, progress=False)
    assert (summary.stored, summary.near_duplicates) == (2, 1)


def test_extract_only_needs_no_database(tmp_path, monkeypatch):
    monkeypatch.setenv("PASSERELLE_DB", f"sqlite:///{tmp_path / 'never.sqlite'}")
    items = list(extract_only([str(_english(tmp_path, 2))]))
    assert [i.doc.id for i in items] == ["p0", "p1"]
    assert not (tmp_path / "never.sqlite").exists()


def _as_lines(items) -> list[str]:
    return [json.dumps(i.doc.to_record(), sort_keys=True) if hasattr(i, "doc")
            else f"failed {Path(i.origin).name}" for i in items]


@pytest.mark.timeout(240)
def test_local_dask_cluster_gives_the_serial_results_in_order(tmp_path):
    sources = [str(_english(tmp_path, 5)), str(_empty(tmp_path))]
    serial = _as_lines(extract_only(sources))
    parallel = _as_lines(extract_only(sources, settings=Settings(workers=2)))
    assert parallel == serial
    assert len(serial) == 6 and serial[-1] == "failed empty.txt"
    assert all(json.loads(line)["components"] for line in serial[:5])


def test_extract_one_reports_failure_instead_of_raising():
    doc, reason = scale.extract_one(Document(id="b", body=None))  # type: ignore[arg-type]
    assert doc is None
    assert reason.startswith("extraction failed")


def test_knowledge_base_failure_stores_nothing_of_that_document(db, write_articles, monkeypatch):
    from passerelle.store import count_documents, knowledge

    def broken_kb(conn, doc_id, doc):
        raise RuntimeError("knowledge base refused the facts")

    source = [str(write_articles(2))]
    monkeypatch.setattr(knowledge, "integrate_document", broken_kb)
    failed = ingest(source, db, progress=False)
    assert (failed.stored, failed.failed) == (0, 2)
    assert "knowledge base refused" in failed.failures[0].reason
    assert count_documents(db)["documents"] == 0
    monkeypatch.undo()
    assert ingest(source, db, progress=False).stored == 2
