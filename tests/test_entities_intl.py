"""French and Vietnamese entities (``entities.fr.v1``, ``entities.vi.v1``), on our own sentences."""

from __future__ import annotations

import pytest

from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers the components
from passerelle.extract.base import analyze
from passerelle.records import Document


def _run(body: str, language: str) -> Document:
    doc = Document("t", body, language=language)
    registry.get(f"entities.{language}.v1")(analyze(doc))
    return doc


def _titles(doc: Document) -> dict[str, dict[str, str | None]]:
    return {p.name: {t.role: t.of for t in p.titles} for p in doc.people}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Le maire de Lille, Martine Aubert, a reçu la délégation vietnamienne.",
         {"Martine Aubert": {"Mayor": "Lille"}}),
        ("L’ambassadeur du Vietnam en Italie Duong Hai Hung a visité Milan.",
         {"Duong Hai Hung": {"Ambassador": "Vietnam"}}),
        ("M. Paul Ardouin, préfet de la Gironde, a salué les projets communs.",
         {"Paul Ardouin": {"Prefect": None}}),
        ("Recevant l'adjoint au maire de Nantes, Pierre Ravel, également vice-président de "
         "Nantes Métropole, le président du Comité populaire Tran Van Hoa a parlé de culture.",
         {"Pierre Ravel": {"Deputy Mayor": "Nantes", "Vice President": "Nantes Métropole"},
          "Tran Van Hoa": {"Chairman": None}}),
    ],
)
def test_french_offices(body: str, expected: dict[str, dict[str, str | None]]) -> None:
    got = _titles(_run(body, "fr"))
    for name, titles in expected.items():
        assert name in got, got
        for role, of in titles.items():
            assert role in got[name]
            if of is not None:
                assert got[name][role] == of


@pytest.mark.parametrize(
    ("body", "name", "roles"),
    [
        ("Đại sứ Nguyễn Thị Lan đã tiếp đoàn công tác của tỉnh Lâm Đồng.", "Nguyễn Thị Lan",
         {"Ambassador"}),
        ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Văn Hòa tiếp ngài Marc Durand, Đại sứ Pháp.",
         "Trần Văn Hòa", {"Deputy Secretary", "Chairman"}),
        ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Văn Hòa tiếp ngài Marc Durand, Đại sứ Pháp.",
         "Marc Durand", {"Ambassador"}),
    ],
)
def test_vietnamese_offices(body: str, name: str, roles: set[str]) -> None:
    got = _titles(_run(body, "vi"))
    assert set(got[name]) == roles


def test_places_and_no_false_people() -> None:
    doc = _run("La délégation s'est rendue à Montpellier, dans le Sud de la France.", "fr")
    assert doc.people == []
    assert {p.name for p in doc.places} == {"Montpellier", "France"}
