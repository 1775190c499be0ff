"""Query functions and the knowledge CLI over the made-up articles of test_knowledge."""

from __future__ import annotations

import importlib
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from passerelle import query
from passerelle.cli import cli
from passerelle.query.graph import export_graph
from passerelle.store import open_db
from test_knowledge import articles, load


@pytest.fixture
def kb(db_url):
    db = open_db(db_url)
    load(db, articles())
    yield db
    db.dispose()


@pytest.fixture
def kb_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    db = open_db(url)
    load(db, articles())
    db.dispose()
    return url


def test_search_ignores_diacritics_and_case(kb):
    found = query.search(kb, "TRAN minh", kinds=["person"])
    assert [r["title"] for r in found["results"]] == ["Trần Minh Khoa"]
    docs = query.search(kb, "étudiants", kinds=["document"])
    assert [r["id"] for r in docs["results"]] == ["fr-visit"]
    assert "tudiants" in docs["results"][0]["snippet"]


@pytest.mark.parametrize("nasty", [
    'lyon" OR 1=1 --', "'; DROP TABLE kb_events; --", "NEAR(lyon training)", "lyon*) AND (",
    "a & b | !c", ":* <-> ()", '"""', "%_%",
])
def test_search_metacharacters_are_harmless(kb, nasty):
    found = query.search(kb, nasty)
    assert isinstance(found["total"], int)
    assert query.stats(kb)["events"] > 0  # nothing was dropped


def test_search_prefix_filters_and_facets(kb):
    everything = query.search(kb, "vocation")
    kinds = {r["kind"] for r in everything["results"]}
    assert {"document", "commitment", "event"} <= kinds
    assert everything["facets"]["outlet"] == {"Journal B": 1, "Wire A": 2}
    assert everything["facets"]["sector"]["education"] == 3
    french = query.search(kb, "lyon", language="fr")
    assert {r["id"] for r in french["results"] if r["kind"] == "document"} == {"fr-visit"}
    assert query.search(kb, "lyon", person="Nobody Known")["total"] == 0


def test_search_caps_the_count_of_a_common_word(kb, monkeypatch):
    exact = query.search(kb, "lyon")
    assert exact["total_exact"] and exact["ranked"] and exact["total"] > 2
    search_module = importlib.import_module("passerelle.query.search")
    monkeypatch.setattr(search_module, "MAX_MATCHES", 3)  # as if "lyon" were very common:
    monkeypatch.setattr(search_module, "RANK_LIMIT", 4)  # more matches than are read or counted
    capped = query.search(kb, "lyon")
    assert capped["total"] == 4 and not capped["total_exact"] and not capped["ranked"]
    assert len(capped["results"]) == 3
    assert {(r["kind"], r["id"]) for r in capped["results"]} <= \
        {(r["kind"], r["id"]) for r in exact["results"]}


def test_timeline_filters(kb):
    assert [e["type"] for e in query.timeline(kb, sector="fisheries")] == ["meeting"]
    assert {e["type"] for e in query.timeline(kb, date_from="2025-11")} == {"agreement"}
    assert {e["type"] for e in query.timeline(kb, date_to="2025-03")} == {"visit", "meeting"}
    vietnam = {e["place"]["name"] for e in query.timeline(kb, country="vn")}
    assert {"Da Nang", "Lyon"} <= vietnam  # Lyon: a Vietnamese participant
    assert query.timeline(kb, country="US") == []
    page = query.timeline(kb, limit=2, offset=1)
    assert len(page) == 2 and page[0] == query.timeline(kb)[1]
    with pytest.raises(Exception, match="unknown filter"):
        query.timeline(kb, planet="Mars")


def test_places_map_counts_and_partners(kb):
    lyon = next(p for p in query.places_map(kb) if p["name"] == "Lyon")
    assert (lyon["lat"], lyon["lon"]) == (45.75, 4.85)
    assert lyon["visits"] == 1 and lyon["meetings"] == 1 and lyon["events"] == 3
    assert lyon["partners"][0]["name"] in {"Trần Minh Khoa", "Claire Dumont"}
    assert lyon["parents"] == ["Rhône", "Auvergne-Rhône-Alpes", "France"]


def test_places_map_on_an_open_connection_leaves_its_settings_alone(kb):
    """The partners query plans without parallel workers on PostgreSQL, then restores
    the caller's setting; SQLite has nothing to restore."""
    from passerelle.store.knowledge import q

    with kb.connect() as conn:
        if conn.dialect.name == "postgresql":
            q(conn, "SET LOCAL max_parallel_workers_per_gather = 3")
        assert any(p["name"] == "Lyon" and p["partners"] for p in query.places_map(conn))
        if conn.dialect.name == "postgresql":
            assert q(conn, "SHOW max_parallel_workers_per_gather").scalar() == "3"


def test_document_same_story(kb):
    doc = query.document(kb, "fr-visit")
    assert [s["document_id"] for s in doc["same_story"]] == ["en-visit"]
    assert doc["same_story"][0]["shared_events"] == 2
    assert doc["record"]["language"] == "fr"
    assert {e["name"] for e in doc["entities"]} >= {"Trần Minh Khoa", "Claire Dumont"}


def test_stats_and_sectors_over_time(kb):
    stats = query.stats(kb)
    assert stats["documents"] == 6
    assert stats["commitments"] == {"open": 0, "repeated": 0, "fulfilled": 1, "total": 1}
    assert stats["latest_events"][0]["type"] == "agreement"
    months = {(r["month"], r["sector"]): r["count"] for r in query.sectors_over_time(kb)}
    assert months[("2025-03", "education")] == 1 and months[("2025-11", "education")] == 1
    # the summary kept while ingesting equals a fresh count over the events
    assert query.sectors_over_time(kb) == query.sectors_over_time(kb, date_from="0000")


def test_profile_network(kb):
    p = query.profile(kb, "person", "Claire Dumont")
    assert p["counterparts"][0]["name"] == "Trần Minh Khoa"
    assert p["counterparts"][0]["count"] == 2  # the March meeting and the signing
    assert len(p["network"]["edges"]) == len(p["counterparts"])


@pytest.mark.parametrize("fmt", ["graphml", "json-graph"])
def test_export_graph(kb, tmp_path, fmt):
    out = tmp_path / f"kb.{fmt}"
    counts = export_graph(kb, fmt, out)
    if fmt == "graphml":
        g = nx.read_graphml(out)
        relations = {d["relation"] for _, _, d in g.edges(data=True)}
    else:
        data = json.loads(out.read_text(encoding="utf-8"))
        relations = {e["relation"] for e in data["links"]}
        g = nx.node_link_graph(data, edges="links")
    assert g.number_of_nodes() == counts["nodes"]
    assert {"met", "visited", "holds_office_at", "committed_to"} <= relations


@pytest.mark.parametrize("args, expect", [
    (["timeline", "--place", "Lyon"], "agreement"),
    (["search", "vocational", "--format", "csv"], "kind,id,title,snippet"),
    (["commitments", "--status", "fulfilled"], "made > repeated > fulfilled"),
    (["show", "person", "Tran Minh Khoa"], "Trần Minh Khoa (person"),
    (["show", "place", "Lyon", "--format", "json"], '"geonames_id": 2996944'),
    (["people", "--q", "nguyen"], "Nguyen Van Hai"),
    (["places"], "Lyon"),
    (["orgs", "--format", "json"], "\"doc_count\": 2"),
])
def test_cli_questions(kb_file, args, expect):
    result = CliRunner().invoke(cli, [*args, "--db", kb_file])
    assert result.exit_code == 0, result.output
    assert expect in result.output


def test_cli_merge_split_and_errors(kb_file):
    runner = CliRunner()
    merged = runner.invoke(cli, ["merge", "person", "Nguyen Thi Lan", "Minh Nguyen", "--db",
                                 kb_file, "--format", "json"])
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.output)["kept"]
    split = runner.invoke(cli, ["split", "person", "Nguyen Thi Lan", "Minh Nguyen", "--db", kb_file])
    assert split.exit_code == 0, split.output
    missing = runner.invoke(cli, ["show", "person", "Nobody Known", "--db", kb_file])
    assert missing.exit_code == 1 and "no person named" in missing.output


@pytest.mark.parametrize("command", ["show", "timeline", "search", "commitments", "merge", "split",
                                     "people", "places", "orgs"])
def test_cli_help_has_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_public_api():
    assert set(query.__all__) >= {"stats", "timeline", "search", "profile", "commitments",
                                  "places_map", "document", "entities", "sectors_over_time",
                                  "merge_entities", "split_entity"}


def test_bench_kb_runs_on_a_small_corpus(tmp_path, capsys):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_kb.py"
    spec = importlib.util.spec_from_file_location("bench_kb", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["--n", "60", "--repeats", "2", "--db", f"sqlite:///{tmp_path / 'b.sqlite'}"])
    out = capsys.readouterr().out
    assert "documents 60" in out
    assert all(name in out for name in ("timeline person", "search filtered", "places_map"))
    db = open_db(f"sqlite:///{tmp_path / 'b.sqlite'}")
    retold = [e for e in query.timeline(db, limit=200) if e["source_count"] > 1]
    assert retold  # the generator's retold stories were merged
    db.dispose()


def test_stats_counts_follow_every_write(db_url):
    """stats may reuse its counts on PostgreSQL, but never across a committed write."""
    db = open_db(db_url)
    docs = articles()
    load(db, docs[:-1])
    before = query.stats(db)
    assert query.stats(db)["documents"] == before["documents"]  # the reused path
    load(db, docs[-1:])
    after = query.stats(db)
    assert after["documents"] == before["documents"] + 1
    assert after["events"] >= before["events"]
    db.dispose()
