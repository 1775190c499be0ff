"""Office recognition (``passerelle.extract.offices``) and office patterns around names."""

from __future__ import annotations

import pytest

from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers entities.en.v1
from passerelle.extract.base import analyze
from passerelle.extract.offices import match_role
from passerelle.extract.tokens import tokenize
from passerelle.records import Document


@pytest.mark.parametrize(
    ("text", "role", "length"),
    [
        ("Deputy Mayor of Lille", "Deputy Mayor", 2),
        ("Consul General Tran", "Consul General", 2),
        ("Permanent Vice Chairman of", "Permanent Vice Chairman", 3),
        ("Chief Commercial Officer and", "Chief Commercial Officer", 3),
        ("VicePresident of", "Vice President", 1),
        ("General Secretary and", "General Secretary", 2),
        ("Honorary Consul in", "Honorary Consul", 2),
        ("CEO of", "CEO", 1),
    ],
)
def test_match_role(text: str, role: str, length: int) -> None:
    hit = match_role(tokenize(text), 0)
    assert hit is not None and (hit.role, hit.end) == (role, length)


@pytest.mark.parametrize("text", ["Mayors gathered", "General Assembly", "Vietnam Airlines", "the mayor"])
def test_no_role(text: str) -> None:
    assert match_role(tokenize(text), 0) is None


def _people(body: str) -> dict[str, dict[str, str | None]]:
    doc = Document("t", body, language="en")
    registry.get("entities.en.v1")(analyze(doc))
    return {p.name: {t.role: t.of for t in p.titles} for p in doc.people}


@pytest.mark.parametrize(
    ("body", "name", "titles"),
    [
        ("Vietnamese Minister of Foreign Affairs Bui Van Son received the envoy.",
         "Bui Van Son", {"Minister": "Ministry of Foreign Affairs"}),
        ("Minister of Industry and Trade Nguyen Hong Phuc opened the fair.",
         "Nguyen Hong Phuc", {"Minister": "Ministry of Industry and Trade"}),
        ("Norwegian Minister for Climate and Environment Ola Berg opened the fair.",
         "Ola Berg", {"Minister": "Norway"}),
        ("The deal was announced by Brickworks chief executive Lars Holm on Friday.",
         "Lars Holm", {"Chief Executive": "Brickworks"}),
        ("The visitors were welcomed by Marie Dubois, Alderman for Sport of Namur, on Monday.",
         "Marie Dubois", {"Alderman": "Namur"}),
        ("The prize went to Chairwoman of the Brittany Regional Council Anne Le Floch on May 2.",
         "Anne Le Floch", {"Chairwoman": "Brittany Regional Council"}),
        ("The visit was led by Departmental Councillor Paul Roux in March.",
         "Paul Roux", {"Councillor": None}),
        ("Ambassador of Vietnam to Belgium Nguyen Thi Lan presented her credentials.",
         "Nguyen Thi Lan", {"Ambassador": "Vietnam"}),
        ("The delegation met Tran Quoc Nam – Vice Chairman of the Hue People's Committee.",
         "Tran Quoc Nam", {"Vice Chairman": "Hue People's Committee"}),
        ("Lyon Deputy Mayor Anne Girard spoke about urban transport.",
         "Anne Girard", {"Deputy Mayor": "Lyon"}),
        ("The agreement was signed by Orbis Airlines Managing Director Karl Weber.",
         "Karl Weber", {"Managing Director": "Orbis Airlines"}),
        ("Le Minh Tuan, chairman of the Can Tho People's Council, welcomed the guests.",
         "Le Minh Tuan", {"Chairman": "Can Tho People's Council"}),
        ("The meeting was chaired by President of the region Louis Aubert and others.",
         "Louis Aubert", {"President": None}),
    ],
)
def test_office_patterns_around_names(body: str, name: str, titles: dict[str, str | None]) -> None:
    assert _people(body)[name] == titles


def test_name_with_particles() -> None:
    assert "Ursula von der Leyen" in _people("The talks were led by Ursula von der Leyen in Brussels.")


def test_byline_is_no_person_but_led_by_is() -> None:
    people = _people("By Tran Hoa\n\nThe delegation was led by Nguyen Van Binh, who spoke first.")
    assert list(people) == ["Nguyen Van Binh"]


@pytest.mark.parametrize("word", ["Mayor", "mayor", "Deputy", "VicePresident", "Ambassador",
                                  "Toulouse", "the", "2025", ",", "\n"])
def test_could_start_role_never_rejects_a_role_start(word):
    from passerelle.extract.offices import could_start_role

    tokens = tokenize(f"{word} of Lille")
    hit = match_role(tokens, 0, need_cap=False)
    assert could_start_role(tokens[0]) or hit is None
    if word in ("Toulouse", "the", "2025", ","):
        assert not could_start_role(tokens[0])


def test_tokens_keep_value_equality_and_hashing():
    a, b = tokenize("Mayor Mayor")
    assert a == tokenize("Mayor")[0] and a != b
    assert len({a, tokenize("Mayor")[0], b}) == 2
    assert (a.lower, a.is_cap, a.is_word, b.start) == ("mayor", True, True, 6)
