"""The pipeline and its Dask scale-out: same results serially and in parallel."""

from __future__ import annotations

import json

import pytest

from passerelle.records import Document, Source
from passerelle.scale import extract_one, extract_parallel

_SENTENCES = [
    "On 3 October 2024 the ambassador met the mayor of a river town to talk about schools.",
    "The regional council signed an agreement on rice farming and water management.",
    "A delegation of teachers will visit the university next spring, the rector said.",
    "Both sides pledged to open a direct flight and to support young entrepreneurs.",
]


def _docs(n: int) -> list[Document]:
    return [
        Document(
            id=f"p{i}", body=" ".join(_SENTENCES[i % 4 :] + _SENTENCES[: i % 4]),
            language="en", published="2024-10-05", source=Source(url=f"https://example.org/{i}"),
        )
        for i in range(n)
    ]


def _records(results) -> list[str]:
    return [json.dumps(doc.to_record(), sort_keys=True) for doc, _ in results]


def test_extract_one_reports_failure_instead_of_raising():
    broken = Document(id="b", body=None)  # type: ignore[arg-type]
    doc, reason = extract_one(broken)
    assert doc is None
    assert reason.startswith("extraction failed")


@pytest.mark.timeout(120)
def test_local_cluster_gives_the_serial_results_in_order():
    serial_results = [extract_one(d) for d in _docs(6)]
    assert [err for _, err in serial_results] == [None] * 6
    serial = _records(serial_results)
    parallel = list(extract_parallel(iter(_docs(6)), workers=2))
    assert [err for _, err in parallel] == [None] * 6
    assert _records(parallel) == serial
    assert [doc.id for doc, _ in parallel] == [f"p{i}" for i in range(6)]
