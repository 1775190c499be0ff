"""The store gateway: migrations, dedup, round-trips, on SQLite and PostgreSQL."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import inspect, select, text

from passerelle.errors import ConfigError, MigrationError
from passerelle.records import Document, Event, Person, Source, Title
from passerelle.store import (
    count_documents,
    get_document,
    get_raw,
    iter_documents,
    normalize_url,
    open_db,
    store_document,
)
from passerelle.store import documents as store_documents
from passerelle.store import migrations
from passerelle.store.schema import documents

_VOCAB = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "pu", "ra", "si", "to") for b in
          ("bel", "dor", "fin", "gas", "hul", "jem", "kot", "lun", "mar", "nop", "qis", "rut")]


def body(seed: int, words: int = 220) -> str:
    """A made-up article body, different for each seed."""
    rng = random.Random(seed)
    sents = []
    while sum(len(s.split()) for s in sents) < words:
        sentence = " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(8, 16)))
        sents.append(sentence.capitalize() + ".")
    return " ".join(sents)


def lightly_edited(text_: str, seed: int) -> str:
    """``text_`` with three words replaced and a closing line added."""
    rng = random.Random(seed)
    words = text_.split()
    for _ in range(3):
        words[rng.randrange(len(words))] = "changed"
    return " ".join(words) + " Reprinted with permission."


def make_doc(seed: int, url: str | None = None, **kw) -> Document:
    return Document(id=f"d{seed}", body=body(seed), source=Source(url=url), **kw)


def store(db, doc: Document, raw: bytes | None = None):
    with db.transaction() as conn:
        return store_document(conn, doc, raw, origin=f"test:{doc.id}")


def test_open_db_applies_every_migration_once(db_url):
    db = open_db(db_url)
    names = [m.name for m in migrations.discover()]
    assert db.migrations() == names
    assert "m0001_documents" in names
    assert db.migrate() == []
    db.dispose()
    again = open_db(db_url)
    assert again.migrations() == names
    assert {"documents", "raw_inputs", "runs", "failures", "lsh_bands"} <= set(
        inspect(again.engine).get_table_names()
    )
    again.dispose()


def test_failed_migration_leaves_nothing(store_db):
    def up(conn):
        conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
        conn.execute(text("SELECT * FROM no_such_table"))

    bad = migrations.Migration("m9999_bad", "tests.bad", up)
    with pytest.raises(MigrationError, match="m9999_bad"):
        migrations._apply_one(store_db, bad)
    assert "half_done" not in inspect(store_db.engine).get_table_names()
    assert "m9999_bad" not in store_db.migrations()


def test_sqlite_runs_wal_with_foreign_keys(tmp_path):
    db = open_db(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    with db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert db.path == tmp_path / "kb.sqlite"
    db.dispose()


@pytest.mark.parametrize(
    ("given", "expected_start"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.sqlite", "sqlite:///x.sqlite"),
        ("relative/kb.sqlite", "sqlite:////"),
    ],
)
def test_normalize_url(given, expected_start):
    assert normalize_url(given).startswith(expected_start)


def test_unsupported_url_says_what_to_use():
    with pytest.raises(ConfigError, match="postgresql"):
        normalize_url("mysql://u@h/db")


def test_default_url_comes_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PASSERELLE_DB", f"sqlite:///{tmp_path / 'env.sqlite'}")
    assert normalize_url(None).endswith("env.sqlite")
    monkeypatch.delenv("PASSERELLE_DB")
    monkeypatch.setenv("PASSERELLE_DATA_DIR", str(tmp_path / "data"))
    assert normalize_url(None) == f"sqlite:///{tmp_path / 'data' / 'passerelle.sqlite'}"


def test_record_round_trip(store_db):
    doc = make_doc(1, "https://example.org/a", title="A visit", published="2024-10-02",
                   language="en", captions=["A caption."])
    doc.people = [Person("Jane Roe", titles=[Title("Mayor", "Sampleville")])]
    doc.events = [Event("visit", ["Jane Roe"], "Sampleville", "2024-10-01", precision="day",
                        evidence="Jane Roe visited Sampleville.")]
    expected = doc.to_record()
    assert store(store_db, doc).status == "stored"
    assert get_document(store_db, "d1").to_record() == expected
    assert get_document(store_db, "nope") is None


@pytest.mark.parametrize("variant", ["same-url", "same-body", "same-body-other-spacing"])
def test_exact_duplicates_are_stored_once(store_db, variant):
    first = make_doc(2, "https://example.org/2")
    store(store_db, first)
    if variant == "same-url":
        twin = make_doc(3, "https://example.org/2")
    else:
        twin = make_doc(2, "https://other.example/9")
    if variant == "same-body-other-spacing":
        twin.body = "  " + first.body.replace(" ", "\n  ", 5) + "\n"
    result = store(store_db, twin)
    assert (result.status, result.doc_id, result.duplicate_of) == ("duplicate", "d2", "d2")
    assert count_documents(store_db)["documents"] == 1


def test_near_duplicate_is_stored_and_linked(store_db):
    store(store_db, make_doc(4, "https://a.example/4"))
    store(store_db, make_doc(5, "https://a.example/5"))
    edited = lightly_edited(body(4), 7)
    reprint = Document(id="r4", body=edited, source=Source(url="https://b.example/x"))
    result = store(store_db, reprint)
    assert (result.status, result.doc_id, result.duplicate_of) == ("near-duplicate", "r4", "d4")
    with store_db.connect() as conn:
        link = conn.execute(select(documents.c.near_duplicate_of).where(documents.c.id == "r4"))
        assert link.scalar_one() == "d4"
    assert count_documents(store_db)["near_duplicates"] == 1
    assert [d.id for d in iter_documents(store_db, near_duplicates=False)] == ["d4", "d5"]


def test_unrelated_documents_are_not_near_duplicates(store_db):
    results = [store(store_db, make_doc(seed)).status for seed in range(10, 20)]
    assert results == ["stored"] * 10


def test_taken_id_gets_a_suffix(store_db):
    store(store_db, make_doc(6))
    other = Document(id="d6", body=body(60))
    assert store(store_db, other).doc_id == "d6-2"
    assert get_document(store_db, "d6-2").body == body(60)


def test_raw_bytes_are_kept_compressed(store_db):
    raw = ("<html>" + body(8) + "</html>").encode()
    store(store_db, make_doc(8), raw)
    with store_db.connect() as conn:
        sha = conn.execute(select(documents.c.raw_sha256)).scalar_one()
        assert get_raw(conn, sha) == raw


def test_failed_transaction_writes_nothing(store_db):
    with pytest.raises(RuntimeError):
        with store_db.transaction() as conn:
            store_document(conn, make_doc(9), b"raw", "test")
            raise RuntimeError("interrupted")
    assert count_documents(store_db) == {"documents": 0, "near_duplicates": 0, "raw_inputs": 0}


def test_iter_documents_filters_and_pages(store_db, monkeypatch):
    monkeypatch.setattr(store_documents, "_PAGE", 2)
    for seed in range(20, 27):
        lang = "fr" if seed % 2 else "en"
        store(store_db, make_doc(seed, published=f"2024-01-{seed:02d}", language=lang))
    assert [d.id for d in iter_documents(store_db)] == [f"d{s}" for s in range(20, 27)]
    assert [d.id for d in iter_documents(store_db, language="fr")] == ["d21", "d23", "d25"]
    since = iter_documents(store_db, since="2024-01-22", until="2024-01-24")
    assert [d.id for d in since] == ["d22", "d23", "d24"]
    assert len(list(iter_documents(store_db, limit=3))) == 3


def test_unknown_filter_is_refused(store_db):
    with pytest.raises(ConfigError, match="colour"):
        list(iter_documents(store_db, colour="red"))


def test_unreachable_server_is_a_store_error():
    from passerelle.errors import StoreError

    port = 1  # nothing listens there
    with pytest.raises(StoreError, match="cannot"):
        open_db(f"postgresql+psycopg://nobody@127.0.0.1:{port}/none?connect_timeout=2")


def test_docs_list_every_setting_and_its_environment_variable():
    # Variables that are not settings (PASSERELLE_TOKEN, CI, ...) are checked against
    # docs/environment.md by tests/test_docs.py.
    from pathlib import Path

    from passerelle.settings import SETTINGS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "store.md").read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in doc]
    missing += [s.env for s in SETTINGS if f"`{s.env}`" not in doc]
    assert missing == []


def test_two_processes_opening_a_new_database_migrate_it_once(db_url):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        dbs = list(pool.map(lambda _: open_db(db_url), range(4)))
    assert dbs[0].migrations() == [m.name for m in migrations.discover()]
    for db in dbs:
        db.dispose()


@pytest.mark.parametrize("key", ["near_duplicate_jaccard", "workers"])
def test_settings_refuse_nonsense(key):
    from passerelle.settings import Settings

    with pytest.raises(ConfigError, match=key):
        Settings.from_mapping({key: -1})
    with pytest.raises(ConfigError, match="known"):
        Settings.from_mapping({"near_dup": 0.5})


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.lists(st.text(alphabet="abcdéz ", min_size=1, max_size=8), min_size=1, max_size=30),
       st.sampled_from([" ", "  ", "\n", "\t ", " \n\n "]))
def test_body_hash_ignores_spacing(words, sep):
    from passerelle.store.dedup import body_hash

    assert body_hash(sep.join(words)) == body_hash(" ".join(words))


def test_tracer_sees_every_statement(tmp_path):
    seen: list[str] = []
    db = open_db(f"sqlite:///{tmp_path / 't.sqlite'}", tracer=lambda sql, params: seen.append(sql))
    assert any("CREATE TABLE documents" in sql for sql in seen)
    seen.clear()
    get_document(db, "x")
    assert [sql.split()[0] for sql in seen] == ["BEGIN", "SELECT"]
    assert "FROM documents" in seen[1]
    db.dispose()
