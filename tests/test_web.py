"""API tests of the web app through the in-process client on a temp SQLite database.

The knowledge base is filled with passerelle's own made-up sample articles
(``passerelle.web.sample``), stored directly so these tests do not depend on the
extraction stage. Pages whose query function is not installed yet must answer with
an honest empty state (HTML) or a 503 JSON error, never with invented data.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi")

from passerelle.web import WebOptions, create_app  # noqa: E402
from passerelle.web import charts, highlight  # noqa: E402
from passerelle.web.backend import query_function  # noqa: E402
from passerelle.web.jobs import safe_upload_name  # noqa: E402
from passerelle.web.sample import HOSTILE_BODY, load_sample, sample_documents  # noqa: E402

PAGES = ["/", "/map", "/timeline", "/search?q=Lyon", "/commitments", "/entities/people",
         "/entities/places", "/entities/organizations", "/ingest", "/docs",
         "/documents/sample-lyon-visit", "/people/Tran%20Minh%20Khoa", "/places/Lyon"]
TWINS = [("/index.json", "stats"), ("/map.json", "places_map"), ("/timeline.json", "timeline"),
         ("/search.json?q=Lyon", "search"), ("/commitments.json", "commitments"),
         ("/entities/people.json", "entities"), ("/documents/sample-lyon-visit.json", "document"),
         ("/places/Lyon.json", "profile")]


def _client(app):  # noqa: ANN001, ANN202
    with warnings.catch_warnings():
        # starlette's TestClient warns that it will move to httpx2; not our concern here.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from passerelle.store import open_db

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'kb.sqlite'}"
    db = open_db(url)
    load_sample(db)
    db.dispose()
    return url


@pytest.fixture(scope="module")
def client(db_url: str):  # noqa: ANN201
    with _client(create_app(WebOptions(db_url=db_url))) as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_with_landmarks_and_security_headers(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    for marker in ('<main id="main"', 'class="skip-link"', '<nav class="wrap site-nav" aria-label="Main">'):
        assert marker in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and " style=" not in r.text  # no inline script or style


@pytest.mark.parametrize("path,function", TWINS)
def test_json_twin_is_data_or_an_honest_503(client, path: str, function: str) -> None:
    r = client.get(path)
    assert r.headers["content-type"].startswith("application/json")
    if query_function(function) is None:
        body = r.json()
        assert r.status_code == 503 and body["ok"] is False and "not available" in body["error"]
    else:
        assert r.status_code == 200, r.text[:300]
        assert r.json(), f"{path} is empty on the sample knowledge base"


@pytest.mark.parametrize("path,status", [("/no/such/page.json", 404), ("/timeline.json?date_from=yesterday", 400),
                                         ("/timeline.json?limit=-1", 400), ("/entities/robots.json", 404)])
def test_errors_have_one_json_shape(client, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_html_errors_are_a_page_with_the_status(client) -> None:
    r = client.get("/no/such/page", headers={"accept": "text/html"})
    assert r.status_code == 404
    assert "<h1" in r.text and "no page at /no/such/page" in r.text


def test_missing_document_is_404_or_unavailable(client) -> None:
    r = client.get("/documents/does-not-exist.json")
    assert r.status_code == (404 if query_function("document") else 503)


@pytest.mark.parametrize("q", ["'; DROP TABLE documents; --", "\" OR 1=1 --", "%_\\", "a' UNION SELECT *"])
def test_sql_metacharacters_in_search_are_harmless(client, q: str) -> None:
    r = client.get("/search.json", params={"q": q})
    assert r.status_code in (200, 503)
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200
    assert client.get("/documents/sample-lyon-visit").status_code == 200  # the table is still there


def test_hostile_article_is_escaped(client) -> None:
    r = client.get("/documents/sample-hostile")
    assert r.status_code == 200
    if not query_function("document"):
        pytest.skip("passerelle.query.document is not installed yet")
    assert "<script>alert" not in r.text and "<img src=x" not in r.text and "<svg onload" not in r.text
    assert "&lt;script&gt;alert(" in r.text and "&lt;i&gt;Mallory&lt;/i&gt;" in r.text


@pytest.mark.parametrize("name", ["..%2F..%2Fetc%2Fpasswd", "timeline.exe", "secrets.csv", "timeline"])
def test_export_rejects_unknown_views_and_formats(client, name: str) -> None:
    r = client.get(f"/export/{name}")
    assert r.status_code == 404
    assert r.json()["ok"] is False


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_timeline(client, fmt: str) -> None:
    r = client.get(f"/export/timeline.{fmt}")
    if not query_function("timeline"):
        assert r.status_code == 503
        return
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    assert r.text.strip(), "the sample has events, the export must not be empty"


def test_cross_site_write_is_refused(client) -> None:
    r = client.post("/ingest", data={"text": "x"}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403 and r.json()["ok"] is False


def test_ingest_needs_something(client) -> None:
    r = client.post("/ingest", data={"text": "  "}, headers={"accept": "application/json"})
    assert r.status_code == 400 and "nothing to ingest" in r.json()["error"]


def test_ingest_rejects_non_http_urls(client) -> None:
    r = client.post("/ingest", data={"urls": "file:///etc/passwd"}, headers={"accept": "application/json"})
    assert r.status_code == 400


def _wait(client, job: str, seconds: float = 60) -> dict:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(f"/ingest/jobs/{job}.json").json()
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.2)
    raise AssertionError(f"job {job} still running after {seconds}s")


def test_ingest_job_runs_in_background_and_reports(client, tmp_path: Path) -> None:
    pytest.importorskip("passerelle.pipeline")
    text = ("Web test article\n\nThe mayor of Grenoble, Anne Lefort, welcomed a business delegation "
            "from Hanoi on 4 February 2025 to discuss renewable energy projects.")
    files = {"files": ("../../escape.txt", b"", "text/plain")}
    r = client.post("/ingest", data={"text": text}, files=files, headers={"accept": "application/json"})
    assert r.status_code == 202, r.text
    state = _wait(client, r.json()["job"])
    assert state["total"] == 2 and state["done"] == 2
    assert state["stored"] + state["duplicates"] >= 1, state
    assert not (tmp_path.parent.parent / "escape.txt").exists()
    page = client.get(f"/ingest/jobs/{r.json()['job']}")
    assert page.status_code == 200 and 'data-status="/ingest/jobs/' in page.text


_JSONL_ARTICLES = [
    {"id": "web-jsonl-1", "url": "https://news.example.org/a1", "published": "2025-03-02",
     "title": "Delegation from Hue visits Nantes",
     "text": "A delegation from Hue visited Nantes on 2 March 2025. The two cities talked about "
             "river tourism and agreed to exchange students next year."},
    {"id": "web-jsonl-2", "url": "https://news.example.org/a2", "published": "2025-03-09",
     "title": "Rennes hosts Vietnamese engineers",
     "text": "Rennes hosted twelve engineers from Da Nang on 9 March 2025 for a week of training "
             "in water management at the regional agency."},
]


def test_ingest_job_counts_articles_of_a_jsonl_upload(client, db_url: str) -> None:
    pytest.importorskip("passerelle.pipeline")
    import json

    lines = [json.dumps(a) for a in _JSONL_ARTICLES]
    body = (lines[0] + "\n{this line is broken\n" + lines[1] + "\n").encode()
    files = {"files": ("three-articles.jsonl", body, "application/x-ndjson")}
    r = client.post("/ingest", files=files, headers={"accept": "application/json"})
    assert r.status_code == 202, r.text
    state = _wait(client, r.json()["job"])
    assert (state["done"], state["total"], state["total_exact"]) == (3, 3, True), state
    assert state["stored"] == 2 and state["failed"] == 1 and state["duplicates"] == 0, state
    [failure] = state["failures"]
    assert failure["source"].startswith("three-articles.jsonl") and "upload-" not in failure["reason"]
    assert {d["title"] for d in state["documents"]} == {a["title"] for a in _JSONL_ARTICLES}
    page = client.get(f"/ingest/jobs/{r.json()['job']}").text
    for doc in state["documents"]:
        assert f'href="/documents/{doc["id"]}"' in page and doc["title"] in page
    assert '<progress id="job-progress" max="3" value="3"' in page
    from sqlalchemy import select

    from passerelle.store import open_db
    from passerelle.store.schema import failures, runs

    db = open_db(db_url)
    with db.connect() as conn:
        run = conn.execute(select(runs).where(runs.c.id == state["run_id"])).mappings().one()
        of_run = failures.c.run_id == run["id"]
        origins = conn.execute(select(failures.c.origin).where(of_run)).scalars().all()
    db.dispose()
    assert (run["status"], run["stored"], run["failed"]) == ("done", 2, 1)
    assert run["sources"] == '["three-articles.jsonl"]' and origins == [failure["source"]]
    r = client.post("/ingest", files=files, headers={"accept": "application/json"})
    again = _wait(client, r.json()["job"])
    assert (again["stored"], again["duplicates"], again["failed"]) == (0, 2, 1), again


def test_upload_over_the_limit_is_413(db_url: str) -> None:
    with _client(create_app(WebOptions(db_url=db_url, max_upload=1000))) as c:
        r = c.post("/ingest", files={"files": ("big.txt", b"x" * 5000, "text/plain")})
    assert r.status_code == 413 and r.json()["status"] == 413


@pytest.mark.parametrize("given,status", [(None, 403), ("wrong", 403), ("s3cret", 202)])
def test_writes_need_the_token_beyond_loopback(db_url: str, given: str | None, status: int) -> None:
    app = create_app(WebOptions(db_url=db_url, host="0.0.0.0", token="s3cret"))
    data = {"urls": "http://127.0.0.1:9/nothing-here"}
    if given:
        data["token"] = given
    with _client(app) as c:
        r = c.post("/ingest", data=data, headers={"accept": "application/json"})
    assert r.status_code == status


def test_writes_disabled_beyond_loopback_without_token(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PASSERELLE_TOKEN", raising=False)
    with _client(create_app(WebOptions(db_url=db_url, host="0.0.0.0"))) as c:
        r = c.post("/people/X/merge", data={"other": "Y"}, headers={"accept": "application/json"})
    assert r.status_code == 403 and "token" in r.json()["error"]


@pytest.mark.parametrize("filename,expected", [("../../etc/passwd", "upload-0.txt"), ("a/b/c.HTML", "upload-0.html"),
                                               ("feed.warc.gz", "upload-0.warc.gz"), (None, "upload-0.txt")])
def test_upload_names_never_come_from_the_client(filename: str | None, expected: str) -> None:
    assert safe_upload_name(0, filename) == expected


def test_highlight_pieces_rebuild_the_body_and_anchor_each_fact() -> None:
    doc = sample_documents()[0]
    record = doc.to_record()
    facts = highlight.facts_of(record)
    pieces = highlight.pieces(doc.body, facts)
    assert "".join(p.text for p in pieces) == doc.body
    located = {f.id for f in facts if f.spans}
    assert located == {p.anchor for p in pieces if p.anchor}
    assert {"event-0", "commitment-0", "person-0", "place-0"} <= located


def test_highlight_of_hostile_body_keeps_text_verbatim() -> None:
    facts = highlight.facts_of({"body": HOSTILE_BODY, "events": [{"type": "meeting", "evidence": "nowhere"}]})
    assert facts[0].spans == []
    assert "".join(p.text for p in highlight.pieces(HOSTILE_BODY, facts)) == HOSTILE_BODY


@pytest.mark.parametrize("rows", [
    [{"period": "2025-01", "sector": "economy", "count": 2}, {"period": "2025-02", "sector": "culture", "count": 1}],
    [{"period": "2025-01", "sectors": {"economy": 2}}, {"period": "2025-02", "sectors": {"culture": 1}}],
])
def test_sector_chart_stacks_counts(rows: list[dict]) -> None:
    chart = charts.sector_chart(rows)
    assert len(chart["bars"]) == 2 and chart["top"] == 2
    assert [t["label"] for t in chart["ticks"]] == ["2025-01", "2025-02"]
    tallest = max(chart["bars"], key=lambda b: b["h"])
    assert tallest["colour"] == charts.SECTOR_COLOURS["economy"]


def test_sector_chart_is_empty_without_data() -> None:
    assert charts.sector_chart([])["bars"] == []


def test_network_puts_the_profile_in_the_middle() -> None:
    net = {"nodes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
           "edges": [{"source": "a", "target": "b"}, {"source": "a", "target": "c"}]}
    out = charts.network(net, "a")
    center = next(n for n in out["nodes"] if n["center"])
    assert center["id"] == "a" and (center["x"], center["y"]) == (out["size"] / 2, out["size"] / 2)
    assert len(out["edges"]) == 2


def test_serve_get_prints_a_page_without_a_server(db_url: str) -> None:
    from click.testing import CliRunner

    from passerelle.cli import cli

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = CliRunner().invoke(cli, ["serve", "--db", db_url, "--get", "/no/such.json"])
    assert result.exit_code == 1
    assert '"ok":false' in result.output.replace(" ", "")


@pytest.fixture()
def fresh_client(tmp_path: Path):  # noqa: ANN201
    """A client on its own filled database, for tests that change it."""
    from passerelle.store import open_db

    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    db = open_db(url)
    load_sample(db)
    db.dispose()
    with _client(create_app(WebOptions(db_url=url))) as c:
        yield c


def _person_id(client, name: str) -> int:  # noqa: ANN001
    people = client.get("/entities/people.json", params={"q": name}).json()
    return next(p["id"] for p in people if p["name"] == name)


def test_merge_then_split_from_a_profile(fresh_client) -> None:
    if not query_function("merge_entities"):
        pytest.skip("passerelle.query.merge_entities is not installed yet")
    keep = _person_id(fresh_client, "Tran Minh Khoa")
    r = fresh_client.post(f"/people/{keep}/merge", data={"other": "Claire Dubois"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/people/{keep}"
    profile = fresh_client.get(f"/people/{keep}.json").json()
    assert "Claire Dubois" in profile["aliases"] and profile["merges"]
    assert "absorbed" in fresh_client.get(f"/people/{keep}").text
    r = fresh_client.post(f"/people/{keep}/split", data={"alias": "Claire Dubois"},
                          headers={"accept": "application/json"})
    assert r.status_code == 200 and r.json()["ok"] is True
    assert "Claire Dubois" not in fresh_client.get(f"/people/{keep}.json").json()["aliases"]


def test_merge_with_unknown_entity_is_an_error_page(fresh_client) -> None:
    if not query_function("merge_entities"):
        pytest.skip("passerelle.query.merge_entities is not installed yet")
    r = fresh_client.post("/people/Tran%20Minh%20Khoa/merge", data={"other": "Nobody <At> All"})
    assert r.status_code == 404, r.text[:300]
    assert 'role="alert">no person named &#39;Nobody &lt;At&gt; All&#39;' in r.text
    assert 'name="other" required value="Nobody &lt;At&gt; All" aria-invalid="true"' in r.text
    assert "<h1>Tran Minh Khoa" in r.text or ">Tran Minh Khoa</h1>" in r.text
    r = fresh_client.post("/people/Tran%20Minh%20Khoa/merge", data={"other": "Nobody At All"},
                          headers={"accept": "application/json"})
    assert r.status_code == 404 and "no person named 'Nobody At All'" in r.json()["error"]


def test_split_of_an_unknown_alias_refills_the_form_with_400(fresh_client) -> None:
    if not query_function("split_entity"):
        pytest.skip("passerelle.query.split_entity is not installed yet")
    r = fresh_client.post("/people/Tran%20Minh%20Khoa/split", data={"alias": "Not A Name Of His"})
    assert r.status_code == 400 and 'id="split-error"' in r.text and "Not A Name Of His" in r.text
    assert 'name="alias" required value="Not A Name Of His"' in r.text and 'id="merge-error"' not in r.text


def test_correction_of_an_unknown_profile_is_a_404_page(fresh_client) -> None:
    if not query_function("merge_entities"):
        pytest.skip("passerelle.query.merge_entities is not installed yet")
    r = fresh_client.post("/people/Nobody%20Here/merge", data={"other": "Tran Minh Khoa"})
    assert r.status_code == 404 and "no person named &#39;Nobody Here&#39;" in r.text
    assert 'id="merge-other"' not in r.text


def test_plover_export_covers_the_documents_behind_events(client) -> None:
    if not (query_function("records_to_plover") and query_function("timeline")):
        pytest.skip("PLOVER or timeline not installed yet")
    r = client.get("/export/timeline.plover", params={"sector": "heritage"})
    assert r.status_code == 200
    import json

    events = [json.loads(line) for line in r.text.splitlines() if line.strip()]
    assert events and all("event" in e for e in events)


def test_csv_export_names_entities_and_defuses_formulas(client) -> None:
    if not query_function("commitments"):
        pytest.skip("passerelle.query.commitments is not installed yet")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(client.get("/export/commitments.csv").text)))
    assert {"Tran Minh Khoa", "Paul Martin"} <= {r["actor"] for r in rows}
    from passerelle.web.views.export import _cell

    assert _cell("=HYPERLINK(\"x\")").startswith("'") and _cell(["a", {"name": "B"}]) == "a; B"


@pytest.mark.parametrize("url,expected", [("https://a.example/x", "https://a.example/x"),
                                          ("javascript:alert(1)", "#"), (" JAVASCRIPT:x", "#"),
                                          ("data:text/html,<b>", "#"), (None, "#")])
def test_external_links_are_http_only(url: str | None, expected: str) -> None:
    from passerelle.web.filters_jinja import safe_url

    assert safe_url(url) == expected


def test_failures_are_named_by_what_the_user_gave() -> None:
    from passerelle.web.jobs import relabel

    shown = relabel("cannot read /tmp/x/job/upload-0.txt: empty", "/tmp/x/job/upload-0.txt", "notes.txt")
    assert shown == "cannot read notes.txt: empty"


def test_evidence_split_across_paragraphs_is_found_sentence_by_sentence() -> None:
    body = "First sentence about a visit to Lyon.\n\nSecond sentence about the mayor of Lyon."
    evidence = "First sentence about a visit to Lyon. Second sentence about the mayor of Lyon."
    [fact] = highlight.facts_of({"body": body, "events": [{"type": "visit", "evidence": evidence}]})
    assert [body[a:b] for a, b in fact.spans] == ["First sentence about a visit to Lyon.",
                                                  "Second sentence about the mayor of Lyon."]


def test_article_view_highlights_facts_and_links_profiles_by_id(client) -> None:
    if not query_function("document"):
        pytest.skip("passerelle.query.document is not installed yet")
    html = client.get("/documents/sample-lyon-visit").text
    khoa = _person_id(client, "Tran Minh Khoa")
    assert f'href="/people/{khoa}">profile' in html
    assert 'id="event-0"' in html and 'href="#event-0"' in html and 'id="commitment-0"' in html


def test_openapi_describes_the_json_twins_and_their_filters(client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/index.json", "/timeline.json", "/search.json", "/documents/{doc_id}.json"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/timeline.json"]["get"]["parameters"]}
    assert {"person", "country", "sector", "date_from", "limit"} <= params
    assert "/timeline" not in spec["paths"]  # HTML pages are not API operations


def test_openapi_lists_the_brief_visitor_parameter(client) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/brief.json"]["get"]["parameters"]}
    assert set(params) == {"place", "visitor"}
    assert params["visitor"]["in"] == "query" and "person" in params["visitor"]["description"]


@pytest.mark.parametrize("host,token,needs", [("127.0.0.1", None, False), ("localhost", None, False),
                                              ("::1", None, False), ("127.0.0.1", "t", True),
                                              ("0.0.0.0", None, True), ("192.168.1.4", "t", True)])
def test_when_writes_need_a_token(host: str, token: str | None, needs: bool,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PASSERELLE_TOKEN", raising=False)
    assert WebOptions(host=host, token=token).writes_need_token is needs


def test_token_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASSERELLE_TOKEN", "from-env")
    assert WebOptions().token == "from-env"


@given(body=st.text(max_size=60), spans=st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6))
def test_pieces_always_rebuild_the_body(body: str, spans: list[tuple[int, int]]) -> None:
    facts = [highlight.Fact(f"person-{i}", "person", "x", spans=[(a, b)]) for i, (a, b) in enumerate(spans)]
    facts.append(highlight.Fact("event-0", "event", "y", spans=[(min(spans[0]), max(spans[0]))] if spans else []))
    assert "".join(p.text for p in highlight.pieces(body, facts)) == body


def test_missing_query_function_gives_an_honest_empty_state(client, monkeypatch: pytest.MonkeyPatch) -> None:
    import passerelle.web.backend as backend

    real = backend.query_function
    monkeypatch.setattr(backend, "query_function", lambda name: None if name == "timeline" else real(name))
    page = client.get("/timeline")
    assert page.status_code == 200 and "Not available yet" in page.text and "<code>timeline</code>" in page.text
    assert 'class="event' not in page.text
    twin = client.get("/timeline.json")
    assert twin.status_code == 503 and twin.json()["ok"] is False
    assert client.get("/export/timeline.csv").status_code == 503


def test_regional_basemap_is_served_with_french_regions_and_vietnamese_provinces(client) -> None:
    r = client.get("/static/basemap/admin1-fr-vn.geojson")
    assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"
    assert len(r.content) < 1_500_000
    features = r.json()["features"]
    by_level: dict[tuple[str, str], set[str]] = {}
    for f in features:
        p = f["properties"]
        by_level.setdefault((p["country"], p["level"]), set()).add(p["name"])
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon") and f["geometry"]["coordinates"]
    regions = by_level[("FR", "region")]
    assert {"Occitanie", "Nouvelle-Aquitaine", "Auvergne-Rhône-Alpes", "Île-de-France", "Corse"} <= regions
    assert not regions & {"Languedoc-Roussillon", "Midi-Pyrénées", "Aquitaine"}  # the pre-2016 regions
    assert len(by_level[("FR", "department")]) == 96 and "Hérault" in by_level[("FR", "department")]
    provinces = by_level[("VN", "province")]
    assert len(provinces) == 63 and {"Hà Nội", "Đà Nẵng", "Cần Thơ", "Đồng Nai"} <= provinces
    assert all("2025" in f["properties"]["note"] for f in features if f["properties"]["country"] == "VN")


def test_regional_basemap_puts_cities_in_their_region() -> None:
    shapely = pytest.importorskip("shapely")  # build-time dev dependency
    import json

    from shapely.geometry import Point, shape

    path = Path(__file__).resolve().parent.parent / "passerelle/web/static/basemap/admin1-fr-vn.geojson"
    shapes = {f["properties"]["name"]: shape(f["geometry"]) for f in json.loads(path.read_text("utf-8"))["features"]}
    assert shapes["Occitanie"].contains(Point(1.444, 43.605))  # Toulouse
    assert shapes["Auvergne-Rhône-Alpes"].contains(Point(4.835, 45.764))  # Lyon
    assert shapes["Hà Nội"].contains(Point(105.834, 21.028)) and not shapes["Hà Nội"].contains(Point(106.7, 10.78))
    assert shapely.is_valid(shapes["Nouvelle-Aquitaine"])
