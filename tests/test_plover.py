"""PLOVER export of document records (``passerelle.query.plover``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from passerelle.query.plover import COMMITMENT_MAP, EVENT_MAP, records_to_plover
from passerelle.records import Commitment, Document, Event, Place, Source

PLOVER_FIELDS = {"id", "date", "enddate", "actor", "recipient", "event", "mode", "context",
                 "event_loc", "event_text", "text_info", "cite_info"}


def _record():
    doc = Document(id="doc-1", body="(body)", published="2025-03-10", language="en",
                   source=Source(url="https://news.example/a", outlet="Example News"))
    doc.places = [Place("Portville", ["Port-Ville"], kind="city", country="FR", lat=47.1,
                        lon=-2.2, geonames_id=123)]
    doc.events = [
        Event("visit", ["Nguyen Van An"], "Portville", "2025-03-06", "2025-03-08", "day",
              ["diplomacy"], evidence="An toured Portville."),
        Event("meeting", ["Nguyen Van An", "Claire Dubois"], None, evidence="They met."),
        Event("agreement", ["Portville", "Aerotech"], "Port-Ville", evidence="They signed."),
        Event("visit", ["Tran Quoc Binh"], "France", "2024-10-01", "2024-10-01", "month",
              evidence="A visit in early October 2024."),
    ]
    doc.commitments = [
        Commitment("Nguyen Van An", "appeal", "Aerotech", ["economy", "community"],
                   "invest more", "He called on Aerotech to invest more."),
        Commitment("Claire Dubois", "agreement", None, [], "hold talks", "They agreed.",
                   ["Portville"], status="agreed"),
    ]
    return doc.to_record()


def test_every_plover_field_is_present():
    out = list(records_to_plover([_record()]))
    assert len(out) == 6
    for item in out:
        assert PLOVER_FIELDS <= set(item)
    assert len({item["id"] for item in out}) == 6


def test_visit_is_consult_visit_with_location_and_dates():
    visit = next(records_to_plover([_record()]))
    assert (visit["event"], visit["mode"]) == ("CONSULT", "visit")
    assert (visit["date"], visit["enddate"]) == ("2025-03-06", "2025-03-08")
    assert visit["actor"]["name"] == "Nguyen Van An"
    assert visit["recipient"]["name"] == "Portville"
    assert visit["event_loc"] == {"name": "Portville", "lat": 47.1, "lon": -2.2,
                                  "geonames_id": 123, "country": "FR"}
    assert visit["context"] == ["political"]
    assert visit["cite_info"]["url"] == "https://news.example/a"
    assert visit["cite_info"]["document_id"] == "doc-1"


def test_month_precision_date_is_null_with_month_kept():
    visit = list(records_to_plover([_record()]))[3]
    assert visit["date"] is None
    assert visit["x_passerelle_month"] == "2024-10"


def test_agreement_is_support_and_signed_with_alias_location():
    agreement = list(records_to_plover([_record()]))[2]
    assert agreement["event"] == "SUPPORT"
    assert agreement["x_passerelle_status"] == "signed"
    assert agreement["event_loc"]["geonames_id"] == 123


def test_commitments_carry_status_and_sectors_extension():
    appeal, agreed = list(records_to_plover([_record()]))[4:]
    assert (appeal["event"], appeal["mode"]) == ("REQUEST", "assist")
    assert appeal["recipient"]["name"] == "Aerotech"
    assert appeal["context"] == ["economic", "cultural"]
    assert appeal["x_passerelle_sectors"] == ["economy", "community"]
    assert appeal["x_passerelle_status"] == "proposed"
    assert (agreed["event"], agreed["x_passerelle_status"]) == ("AGREE", "agreed")
    assert agreed["actor"]["aliases"] == ["Portville"]


def test_ids_are_stable_across_runs():
    first = [x["id"] for x in records_to_plover([_record()])]
    assert first == [x["id"] for x in records_to_plover([_record()])]


@pytest.mark.parametrize("table", [EVENT_MAP, COMMITMENT_MAP])
def test_docs_describe_every_mapping(table):
    doc = (Path(__file__).resolve().parent.parent / "docs" / "plover.md").read_text()
    for key, (event, _mode) in table.items():
        assert re.search(rf"`{key}`.*{event}", doc), key
