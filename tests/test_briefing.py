"""Briefing before a visit, over made-up articles (our own words)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from passerelle.cli import cli
from passerelle.cli import act as _act  # noqa: F401  registers partners and brief
from passerelle.errors import ConfigError
from passerelle.query.briefing import briefing, render_html, render_markdown
from passerelle.records import Commitment, Event, Organization, Person, Place, Title
from passerelle.store import open_db
from test_partners import AMBASSADOR, MAYOR, VALRAS, _doc, articles, load


def later() -> list:
    """The mayor repeats her wish; a wine cooperative meets a Vietnamese delegation."""
    coop = Organization("Cave Coopérative de Valras", [], "company", "FR")
    return [
        _doc("valras-repeat", "2025-10-03",
             "Mayor Sophie Marchand said again that Valras-Plage hopes to twin with a Vietnamese "
             "coastal town. The Cave Coopérative de Valras hosted a delegation from Vietnam.",
             people=[Person("Sophie Marchand", [], [Title("Mayor", "Valras-Plage")], "FR"),
                     Person("Pham Thu Ha", [], [Title("Consul General", "Vietnam")], "VN")],
             organizations=[coop], places=[Place("Valras-Plage", **VALRAS)],
             events=[Event("meeting", ["Cave Coopérative de Valras", "Pham Thu Ha"],
                           "Valras-Plage", "2025-10-02", None, "day", ["agriculture"],
                           "The cooperative hosted a delegation from Vietnam.")],
             commitments=[Commitment("Sophie Marchand", "intent", None, ["climate", "tourism"],
                                     "twin with a Vietnamese coastal town",
                                     "Valras-Plage hopes to twin with a Vietnamese coastal "
                                     "town.")],
             sectors=["agriculture", "climate"]),
    ]


@pytest.fixture
def kb(db_url):
    db = open_db(db_url)
    load(db, articles() + later())
    yield db
    db.dispose()


def test_brief_lists_officials_events_and_follow_ups(kb):
    b = briefing(kb, "Valras-Plage")
    assert b["place"]["hierarchy"] == ["Valras-Plage", "Hérault", "Occitanie", "France"]
    mayor = next(o for o in b["officials"] if o["name"] == "Sophie Marchand")
    assert mayor["role"] == "Mayor" and mayor["last_seen"] == "2025-10-03"
    assert {s["document_id"] for s in mayor["sources"]} == {"valras-visit", "valras-repeat"}
    dates = [e["date"] for e in b["events"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-10-02"
    assert all(e["sources"] and e["sources"][0]["document_id"] for e in b["events"])
    wish = b["follow_ups"][0]
    assert wish["status"] == "repeated" and wish["actor"] == "Sophie Marchand"
    steps = [(t["step"], t["document_id"]) for t in wish["trail"]]
    assert steps == [("made", "valras-visit"), ("repeated", "valras-repeat")]
    assert all(t["evidence"] for t in wish["trail"])


def test_brief_organisations_sectors_partners(kb):
    b = briefing(kb, "Valras-Plage")
    coop = next(o for o in b["organizations"] if "Coop" in o["name"])
    assert coop["relation"] == "met at an event there"
    assert coop["sources"][0]["document_id"] == "valras-repeat"
    sectors = {s["sector"]: s["count"] for s in b["sectors"]}
    assert sectors["climate"] >= 2 and "agriculture" in sectors
    assert len(b["partners"]) == 3 and b["partners"][0]["name"] in ("Hoi An", "Hội An")


def test_visitor_contacts_and_unknown_visitor(kb):
    b = briefing(kb, "Valras-Plage", visitor="Ambassador Le Van Son")
    assert b["visitor"]["name"] == "Le Van Son"
    contact = b["visitor"]["contacts"][0]
    assert contact["name"] == "Sophie Marchand"
    assert contact["events"][0]["sources"][0]["document_id"] == "valras-visit"
    with pytest.raises(ConfigError, match="no person named"):
        briefing(kb, "Valras-Plage", visitor="Nobody Atall")


def test_markdown_and_html_cite_every_line(kb):
    text = render_markdown(briefing(kb, "Valras-Plage", visitor="Le Van Son"))
    assert "# Briefing: Valras-Plage" in text
    assert "**repeated** intent: Sophie Marchand" in text
    for section in ("## Officials", "## Past visits", "## Follow-ups"):
        block = text.split(section, 1)[1].split("\n## ", 1)[0]
        items = [ln for ln in block.splitlines() if ln.strip().startswith("- ")]
        assert items and all("[valras-" in ln for ln in items), block
    page = render_html(briefing(kb, "Valras-Plage"))
    assert page.startswith("<!doctype html>") and "<h2>Officials</h2>" in page


def test_cli_brief(kb, tmp_path):
    url = kb.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "brief.md"
    run = CliRunner().invoke(cli, ["brief", "Valras-Plage", "--visitor", "Le Van Son", "--db",
                                   url, "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "Le Van Son's past contacts here" in out.read_text(encoding="utf-8")
    js = CliRunner().invoke(cli, ["brief", "Valras-Plage", "--db", url, "--format", "json"])
    assert js.exit_code == 0 and json.loads(js.output)["place"]["name"] == "Valras-Plage"
    bad = CliRunner().invoke(cli, ["brief", "Atlantis Under", "--db", url])
    assert bad.exit_code == 1 and "no place named" in bad.output
