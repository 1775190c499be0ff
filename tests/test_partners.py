"""Partner localities with similar conditions, over made-up articles (our own words)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from passerelle.cli import cli
from passerelle.cli import act as _act  # noqa: F401  registers partners and brief
from passerelle.errors import ConfigError
from passerelle.query.partners import natural_regions, partners
from passerelle.records import Commitment, Document, Event, Person, Place, Source, Title
from passerelle.store import open_db
from test_knowledge import load

VALRAS = dict(kind="city", country="FR", lat=43.248, lon=3.290, geonames_id=2970839,
              parents=["Hérault", "Occitanie", "France"])
HOI_AN = dict(kind="city", country="VN", lat=15.879, lon=108.335, geonames_id=1580541,
              parents=["Quảng Nam", "Da Nang", "Vietnam"])
PLEIKU = dict(kind="city", country="VN", lat=13.983, lon=108.0, geonames_id=1569684,
              parents=["Gia Lai", "Vietnam"])
AMBASSADOR = Person("Le Van Son", ["Ambassador Son"], [Title("Ambassador", "Vietnam")], "VN")
MAYOR = Person("Sophie Marchand", ["Mayor Marchand"], [Title("Mayor", "Valras-Plage")], "FR")


def _doc(doc_id: str, published: str, body: str, outlet: str = "Coast Daily",
         **facts: list) -> Document:
    return Document(id=doc_id, body=body, published=published, language="en",
                    title=body.split(".")[0], source=Source(url=f"https://news.test/{doc_id}",
                                                            outlet=outlet), **facts)


def articles() -> list[Document]:
    """A French seaside town, a coastal Vietnamese town and an inland one."""
    return [
        _doc("valras-visit", "2025-06-20",
             "Ambassador Le Van Son visited Valras-Plage on 18 June and met Mayor Sophie "
             "Marchand. The seaside town is losing its beach to coastal erosion each winter. "
             "The mayor said Valras-Plage wants a sister city in Vietnam to share ways of "
             "protecting the shore and to develop tourism.",
             people=[AMBASSADOR, MAYOR], places=[Place("Valras-Plage", **VALRAS)],
             events=[Event("visit", ["Le Van Son"], "Valras-Plage", "2025-06-18", None, "day",
                           ["diplomacy", "climate"], "Ambassador Le Van Son visited Valras-Plage."),
                     Event("meeting", ["Le Van Son", "Sophie Marchand"], "Valras-Plage",
                           "2025-06-18", None, "day", ["climate", "tourism"],
                           "He met Mayor Sophie Marchand.")],
             commitments=[Commitment("Sophie Marchand", "intent", "Le Van Son",
                                     ["climate", "tourism"], "sister city in Vietnam",
                                     "Valras-Plage wants a sister city in Vietnam.")],
             sectors=["diplomacy", "climate", "tourism"]),
        _doc("hoian-shore", "2025-04-02",
             "In Hoi An, erosion has eaten the beach at Cua Dai, and the city fears sea-level "
             "rise. Hoi An lives from tourism and plans new sea walls.", outlet="Delta News",
             places=[Place("Hoi An", ["Hội An"], **HOI_AN)],
             sectors=["climate", "tourism"]),
        _doc("pleiku-coffee", "2025-05-11",
             "Pleiku, in the Central Highlands, held a coffee fair for farmers. Pleiku wants "
             "more agricultural exports.", outlet="Delta News",
             places=[Place("Pleiku", **PLEIKU)], sectors=["agriculture"]),
    ]


@pytest.fixture
def kb(db_url):
    db = open_db(db_url)
    load(db, articles())
    yield db
    db.dispose()


def test_coastal_town_ranks_coastal_partner_with_erosion_first(kb):
    ranked = partners(kb, "Valras-Plage", limit=500)
    covered = [c["name"] for c in ranked if c["coverage"]]
    assert covered[0] in ("Hoi An", "Hội An") and "Pleiku" in covered
    pleiku = next(c for c in ranked if c["name"] == "Pleiku")
    assert "coastal" not in pleiku["regions"]
    hoi_an = next(c for c in ranked if c["id"] and c["name"] in ("Hội An", "Hoi An"))
    kinds = {r["kind"] for r in hoi_an["reasons"]}
    assert {"concern", "region"} <= kinds
    erosion = next(r for r in hoi_an["reasons"] if r["text"] == "both: coastal erosion")
    cited = {s["document_id"] for s in erosion["sources"]}
    assert cited == {"valras-visit", "hoian-shore"}
    assert all(s["evidence"] and "erosion" in s["evidence"] for s in erosion["sources"])
    assert hoi_an["coverage"] is True and hoi_an["country"] == "VN"


def test_default_country_is_the_most_linked_and_gazetteer_fills_in(kb):
    ranked = partners(kb, "Valras-Plage", limit=60)
    assert {c["country"] for c in ranked} == {"VN"}
    uncovered = [c for c in ranked if not c["coverage"]]
    assert uncovered and all("no coverage yet" in c["flags"] for c in uncovered)
    # similar size and a coastal unit: every gazetteer candidate shares the region
    assert all("coastal" in c["regions"] for c in uncovered)
    assert all(c["population"] and c["population"] <= 5 * 4078 for c in uncovered)


def test_every_kb_reason_cites_a_document(kb):
    for cand in partners(kb, "Valras-Plage", country="VN", limit=5):
        for reason in cand["reasons"]:
            if reason["kind"] in ("concern", "sector"):
                assert reason["sources"], reason
                assert all(s["document_id"] for s in reason["sources"])


def test_existing_partner_is_flagged_and_ranked_lower(tmp_path):
    db = open_db(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    twin = _doc("twinning", "2025-09-01",
                "Valras-Plage and Hoi An signed a twinning charter; both face coastal erosion.",
                places=[Place("Valras-Plage", **VALRAS), Place("Hoi An", **HOI_AN)])
    load(db, [*articles(), twin])
    ranked = partners(db, "Valras-Plage", country="VN", limit=60)
    hoi_an = next(c for c in ranked if c["name"] in ("Hội An", "Hoi An") and c["id"])
    assert hoi_an["already_partner"] and "already partners" in hoi_an["flags"]
    assert hoi_an["ties"][0]["document_id"] == "twinning"
    plain = sum(r["weight"] for r in hoi_an["reasons"])
    assert hoi_an["score"] == pytest.approx(plain / 2, abs=0.01)
    db.dispose()


def test_unknown_place_and_natural_regions(kb):
    with pytest.raises(ConfigError, match="no place named"):
        partners(kb, "Zzyzxville Nowhere")
    assert "coastal" in natural_regions("Valras-Plage", "FR", ["Hérault", "Occitanie"])
    assert "mountain" in natural_regions("Sa Pa", "VN", ["Lào Cai", "Vietnam"])
    assert natural_regions("Pleiku", "VN", ["Gia Lai", "Vietnam"], 13.98, 108.0).get(
        "coastal") is None


def test_cli_partners(kb, tmp_path):
    url = kb.engine.url.render_as_string(hide_password=False)
    out = CliRunner().invoke(cli, ["partners", "Valras-Plage", "--country", "VN", "--limit",
                                   "3", "--db", url, "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert len(data) == 3 and data[0]["reasons"]
    table = CliRunner().invoke(cli, ["partners", "Valras-Plage", "--db", url])
    assert table.exit_code == 0, table.output
    assert "Hội An" in table.output or "Hoi An" in table.output
    bad = CliRunner().invoke(cli, ["partners", "Zzyzxville Nowhere", "--db", url])
    assert bad.exit_code == 1 and "no place named" in bad.output


def test_web_pages_and_json_twins(kb):
    import warnings

    pytest.importorskip("fastapi")
    from passerelle.web import WebOptions, create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    url = kb.engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(WebOptions(db_url=url)), raise_server_exceptions=False) as client:
        _check_web(client)


def _check_web(client) -> None:  # noqa: ANN001
    ranked = client.get("/partners.json", params={"place": "Valras-Plage", "country": "VN",
                                                  "limit": 3})
    assert ranked.status_code == 200, ranked.text[:300]
    assert ranked.json()[0]["name"] in ("Hoi An", "Hội An")
    page = client.get("/partners", params={"place": "Valras-Plage"})
    assert page.status_code == 200 and "coastal erosion" in page.text
    assert "/documents/hoian-shore" in page.text and " style=" not in page.text
    brief = client.get("/brief.json", params={"place": "Valras-Plage", "visitor": "Le Van Son"})
    assert brief.status_code == 200 and brief.json()["follow_ups"][0]["status"] == "open"
    html_brief = client.get("/brief", params={"place": "Valras-Plage"})
    assert html_brief.status_code == 200 and "Follow-ups to raise" in html_brief.text
    assert "sister city in Vietnam" in html_brief.text
    assert client.get("/brief.json").status_code == 400
    assert client.get("/partners.json", params={"place": "Zzyzxville Nowhere"}).status_code == 404
    assert client.get("/partners").status_code == 200
