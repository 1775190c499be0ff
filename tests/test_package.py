"""The curated public API, the record round-trip, the registry and the sentence splitter."""

from __future__ import annotations

import json

import pytest

import passerelle
from passerelle import registry
from passerelle.errors import ConfigError, PasserelleError
from passerelle.extract.base import split_sentences
from passerelle.records import Document, Event, Mention, Person, Place, Title


def test_public_api_is_curated():
    exported = set(passerelle.__all__)
    assert {"Document", "PasserelleError", "__version__"} <= exported
    public = {n for n in dir(passerelle) if not n.startswith("_")}
    # everything public in the package namespace is either exported or a subpackage/module
    import types

    stray = {
        n for n in public - exported if not isinstance(getattr(passerelle, n), types.ModuleType)
    }
    assert stray == set()


def test_every_error_is_a_passerelle_error_and_names_its_source():
    err = ConfigError("bad key", source="settings.toml", hint="use one of: a, b")
    assert isinstance(err, PasserelleError)
    assert str(err) == "settings.toml: bad key (use one of: a, b)"


def _sample() -> Document:
    return Document(
        id="d1",
        body="Mayor of Lyon Anne Dupont met Ambassador Tran.",
        published="2024-05-02",
        language="en",
        people=[
            Person(
                "Anne Dupont",
                ["Dupont"],
                [Title("Mayor", "Lyon")],
                "FR",
                [Mention(14, 25)],
            )
        ],
        places=[Place("Lyon", kind="city", country="FR", lat=45.76, lon=4.83, geonames_id=2996944)],
        events=[Event("visit", ["Tran"], "Lyon", "2024-10-01", None, precision="month")],
    )


def test_record_round_trip_keeps_every_field():
    doc = _sample()
    rec = json.loads(json.dumps(doc.to_record()))
    again = Document.from_record(rec)
    assert again == doc


@pytest.mark.parametrize(
    "key", ["id", "source", "title", "published", "language", "body", "captions", "people",
            "organizations", "places", "events", "commitments", "sectors"],
)
def test_record_has_every_key_of_the_spec(key):
    assert key in _sample().to_record()


def test_month_precision_exports_null_days_but_keeps_the_month():
    ev = _sample().to_record()["events"][0]
    assert ev["start"] is None and ev["start_month"] == "2024-10"


def test_registry_rejects_unversioned_names_and_lists_known_ones():
    with pytest.raises(ConfigError, match="no version"):
        registry.register("people.en")(lambda a: None)
    with pytest.raises(ConfigError, match="known"):
        registry.get("nosuch.family.v9")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Robert Brun met Dr. Lan. They talked.", ["Mr. Robert Brun met Dr. Lan.", "They talked."]),
        ("It rained.\n\nThen “Yes,” he said. Done!", ["It rained.", "Then “Yes,” he said.", "Done!"]),
        ("On Feb. 3 the mayor came", ["On Feb. 3 the mayor came"]),
        ("Sáng 5/6, UBND TP. Cần Thơ tiếp đoàn. Hai bên trao đổi.",
         ["Sáng 5/6, UBND TP. Cần Thơ tiếp đoàn.", "Hai bên trao đổi."]),
    ],
)
def test_split_sentences_keeps_offsets(text, expected):
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.end] == s.text for s in got)
