"""Scoring rules of SCORING.md, on records made up for these tests, and the ``eval`` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.cli import cli
from passerelle.evaluate import (
    check_floors,
    normalize_name,
    normalize_place,
    normalize_title,
    parse_floor,
    read_jsonl,
    score,
)
from passerelle.evaluate.fields import haversine_km
from passerelle.evaluate.scoring import path_stem
from passerelle.errors import ConfigError, ParseError


def rec(doc_id: str = "d1", **fields: Any) -> dict[str, Any]:
    """A record with an id and the given fields."""
    return {"id": doc_id, **fields}


def person(name: str, *aliases: str, titles: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "titles": titles or []}


def named(name: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), **extra}


def event(etype: str, *participants: Any, place: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": etype, "participants": list(participants), "place": place, **extra}


def counts(report: Any, field: str) -> tuple[int, int, int]:
    s = report.fields[field]
    return s.tp, s.fp, s.fn


# --- normalisation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jean-Luc Marchand", "Jean Luc Marchand"),
        ("Mr. Jean-Luc Marchand", "jean luc marchand"),
        ("Mme Hélène Côté", "Helene Cote"),
        ("Ông Đỗ Văn Hùng", "Do Van Hung"),
        ("H.E. Lê Thị Mai", "Le Thi Mai"),
        ("O'Brien,  Kate", "O Brien Kate"),
        ("Dr Anne   Dupont", "anne dupont"),
    ],
)
def test_normalize_name_equal_forms(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_normalize_name_drops_only_leading_honorifics() -> None:
    assert normalize_name("H.E. Mr. Anne Dupont") == "anne dupont"
    assert normalize_name("Anne Mme Dupont") == "anne mme dupont"
    assert normalize_name("Mr.") == "mr"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thai Binh Province", "Thái Bình"),
        ("Lyon City", "lyon"),
        ("Region of Auvergne", "of auvergne"),
    ],
)
def test_normalize_place_drops_generic_words(a: str, b: str) -> None:
    assert normalize_place(a) == normalize_place(b)


def test_normalize_title_ignores_trailing_punctuation() -> None:
    same = normalize_title("Lyon Welcomes a Delegation")
    assert normalize_title("Lyon welcomes a delegation!") == same


# --- entities ------------------------------------------------------------------------


def test_people_alias_on_either_side_matches() -> None:
    gold = [rec(people=[person("Anne Dupont", "Mayor Dupont")])]
    pred = [rec(people=[person("Mme Dupont", "Mayor Dupont")])]
    assert counts(score(gold, pred), "people") == (1, 0, 0)


def test_people_need_an_equal_name_not_a_similar_one() -> None:
    gold = [rec(people=[person("Anne Dupont")])]
    pred = [rec(people=[person("Anne Dupond")])]
    report = score(gold, pred)
    assert counts(report, "people") == (0, 1, 1)
    assert report.documents[0].missed["people"] == ["Anne Dupont"]
    assert report.documents[0].extra["people"] == ["Anne Dupond"]


@pytest.mark.parametrize(
    ("gold_name", "pred_name", "matched"),
    [
        ("Lyon Chamber of Commerce", "lyon chamber of commerce", True),
        # containment, the shorter has 3 words
        ("Chamber of Commerce", "Lyon Chamber of Commerce and Industry", True),
        ("Lumière", "Lumière University", False),  # containment but the shorter has 1 word
        ("Lyon Institute of Applied Sciences", "Lyon Institute of Applied Science", True),  # >= 0.9
        ("Lyon Science Institute", "Grenoble Science Institute", False),
    ],
)
def test_organization_rule(gold_name: str, pred_name: str, matched: bool) -> None:
    report = score([rec(organizations=[named(gold_name)])], [rec(organizations=[named(pred_name)])])
    assert counts(report, "organizations") == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize(
    ("gold_name", "pred_name", "matched"),
    [
        ("Ho Tay District", "Ho Tay", True),
        ("Thai Binh", "Thai Binh province", True),
        ("Saint-Malo", "Saint Malo", True),
        ("Lyon", "Lyons Bay", False),
    ],
)
def test_place_rule(gold_name: str, pred_name: str, matched: bool) -> None:
    report = score([rec(places=[named(gold_name)])], [rec(places=[named(pred_name)])])
    assert counts(report, "places") == ((1, 0, 0) if matched else (0, 1, 1))


def test_matching_is_one_to_one() -> None:
    gold = [rec(people=[person("Anne Dupont")])]
    pred = [rec(people=[person("Anne Dupont"), person("Mme Anne Dupont")])]
    assert counts(score(gold, pred), "people") == (1, 1, 0)


def test_best_candidates_are_paired_first() -> None:
    orgs = [named("Lyon Science Institute"), named("Lyon Science Institute Foundation")]
    gold = [rec(organizations=orgs)]
    pred = [rec(organizations=[named("Lyon Science Institute Foundation")])]
    report = score(gold, pred)
    assert counts(report, "organizations") == (1, 0, 1)
    assert report.documents[0].missed["organizations"] == ["Lyon Science Institute"]


def test_people_titles_recall_counts_alt_roles() -> None:
    gold_people = [
        person("Marc Leroy", titles=[{"role": "Prefect", "of": "Rhône", "alt": ["Governor"]}]),
        person("Anne Dupont", titles=[{"role": "Mayor", "of": "Lyon"}, {"role": "Senator"}]),
        person("Nobody Found", titles=[{"role": "Minister"}]),
    ]
    pred_people = [
        person("Marc Leroy", titles=[{"role": "Governor", "of": "Rhône"}]),
        person("Anne Dupont", titles=[{"role": "mayor."}]),
    ]
    report = score([rec(people=gold_people)], [rec(people=pred_people)])
    titles = report.fields["people_titles"]
    assert (titles.tp, titles.fn) == (2, 1)  # the unmatched person's title is not counted
    assert report.documents[0].missed["people_titles"] == ["Anne Dupont: Senator"]


@pytest.mark.parametrize(
    ("kind", "offset_deg", "correct"),
    [("city", 0.3, True), ("city", 0.6, False), ("province", 1.2, True), ("country", 5.0, True),
     ("country", 6.0, False)],
)
def test_geocoding_limits_by_kind(kind: str, offset_deg: float, correct: bool) -> None:
    gold = [rec(places=[named("Dalat", kind=kind, lat=11.9, lon=108.4)])]
    pred = [rec(places=[named("Dalat", lat=11.9 + offset_deg, lon=108.4)])]
    geo = score(gold, pred).fields["geocoding"]
    assert (geo.tp, geo.fn) == ((1, 0) if correct else (0, 1))


def test_geocoding_skips_places_without_coordinates() -> None:
    gold = [rec(places=[named("Dalat", kind="city", lat=11.9, lon=108.4)])]
    pred = [rec(places=[named("Dalat", lat=None, lon=None)])]
    assert score(gold, pred).fields["geocoding"].value is None


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)


# --- events ------------------------------------------------------------------------


def test_visit_needs_a_common_participant_dates_and_place() -> None:
    gold_visit = event("visit", "Anne Dupont", place="Hue", place_aliases=["Thua Thien Hue"],
                       start="2024-05-02", end="2024-05-04")
    cases = [
        (event("visit", "Anne Dupont", "Paul Roux", place="Thua Thien Hue Province",
               start="2024-05-02", end="2024-05-04"), 1),
        (event("visit", "Anne Dupont", place="Hue", start="2024-05-02", end=None), 0),
        (event("visit", "Paul Roux", place="Hue", start="2024-05-02", end="2024-05-04"), 0),
        (event("visit", "Anne Dupont", place="Danang", start="2024-05-02", end="2024-05-04"), 0),
        (event("meeting", "Anne Dupont", place="Hue", start="2024-05-02", end="2024-05-04"), 0),
    ]
    for pred_event, tp in cases:
        report = score([rec(events=[gold_visit])], [rec(events=[pred_event])])
        assert report.fields["visits"].tp == tp, pred_event


def test_visit_without_gold_date_or_place_matches_on_participants() -> None:
    gold = [rec(events=[event("visit", "Anne Dupont")])]
    pred = [rec(events=[event("visit", "Anne Dupont", place="Hue", start="2024-05-02")])]
    assert counts(score(gold, pred), "visits") == (1, 0, 0)


def test_participants_resolve_through_the_records_aliases() -> None:
    gold = [rec(people=[person("Anne Dupont"), person("Tran Van Minh")],
                events=[event("meeting", "Anne Dupont", "Tran Van Minh")])]
    pred_people = [person("Anne Dupont", "Mayor Dupont"), person("Tran Van Minh", "Chairman Minh")]
    pred = [rec(people=pred_people, events=[event("meeting", "Mayor Dupont", "Chairman Minh")])]
    assert counts(score(gold, pred), "meetings") == (1, 0, 0)
    pred[0]["people"] = [person("Anne Dupont"), person("Tran Van Minh")]
    assert counts(score(gold, pred), "meetings") == (0, 1, 1)


def test_gold_participant_dicts_bring_their_aliases() -> None:
    side = {"name": "Rhône-Alpes Council", "aliases": ["Regional Council"]}
    gold = [rec(events=[event("meeting", "Anne Dupont", side)])]
    pred = [rec(events=[event("meeting", "Anne Dupont", "regional council")])]
    assert counts(score(gold, pred), "meetings") == (1, 0, 0)


def test_meeting_needs_two_participants_matched_one_to_one() -> None:
    sides = ("Anne Dupont", "Tran Van Minh", "Lyon Science Institute")
    gold = [rec(events=[event("meeting", *sides)])]
    one_side = [rec(events=[event("meeting", "Anne Dupont", "Mme Anne Dupont")])]
    two_sides = [rec(events=[event("meeting", "Anne Dupont", "Lyon Science Institute Foundation")])]
    assert counts(score(gold, one_side), "meetings") == (0, 1, 1)
    assert counts(score(gold, two_sides), "meetings") == (1, 0, 0)


def test_meeting_with_one_gold_participant_needs_it() -> None:
    gold = [rec(events=[event("meeting", "Anne Dupont")])]
    other = [rec(events=[event("meeting", "Paul Roux")])]
    same = [rec(events=[event("meeting", "Anne Dupont")])]
    assert counts(score(gold, other), "meetings") == (0, 1, 1)
    assert counts(score(gold, same), "meetings") == (1, 0, 0)


# --- commitments, sectors ---------------------------------------------------------------


def test_commitment_needs_actor_and_kind_actors_need_actor_only() -> None:
    gold = [rec(commitments=[
        {"actor": "Anne Dupont", "actor_aliases": ["Lyon"], "kind": "intent"},
        {"actor": "Tran Van Minh", "actor_aliases": [], "kind": "invitation"},
    ])]
    pred = [rec(commitments=[
        {"actor": "Lyon city", "kind": "intent"},
        {"actor": "Tran Van Minh", "kind": "proposal"},
    ])]
    report = score(gold, pred)
    assert counts(report, "commitments") == (1, 1, 1)
    assert counts(report, "commitment_actors") == (2, 0, 0)


def test_commitment_actor_resolves_through_people() -> None:
    gold = [rec(commitments=[{"actor": "Anne Dupont", "actor_aliases": [], "kind": "pledge"}])]
    pred = [rec(people=[person("Anne Dupont", "the mayor of Lyon")],
                commitments=[{"actor": "the Mayor of Lyon", "kind": "pledge"}])]
    assert counts(score(gold, pred), "commitments") == (1, 0, 0)


def test_sectors_and_micro_average_over_documents() -> None:
    gold = [rec("d1", sectors=["economy", "culture"]), rec("d2", sectors=["health"])]
    pred = [rec("d1", sectors=["economy", "economy", "tourism"]), rec("d2", sectors=["health"])]
    s = score(gold, pred).fields["sectors"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)


# --- document fields, pairing ------------------------------------------------------------


def test_title_and_published_accuracy() -> None:
    gold = [rec("d1", title="Lyon hosts a trade delegation.", published="2024-03-10"),
            rec("d2", title="Another story", published="2024-03-11")]
    pred = [rec("d1", title="Lyon Hosts a Trade Delegation", published="2024-03-10"),
            rec("d2", title="Another story", published="2024-03-12")]
    report = score(gold, pred)
    assert report.value("title") == 1.0
    assert report.value("published") == 0.5


def test_body_shingles_are_multisets() -> None:
    gold = [rec(body="one two three four five. one two three four")]
    pred = [rec(body="one two three four")]
    b = score(gold, pred).fields["body"]
    # gold has 6 shingles (one of them twice); the system has one of them once
    assert (b.tp, b.fp, b.fn) == (1, 0, 5)


def test_absent_gold_field_is_not_scored() -> None:
    report = score([rec(people=[person("Anne Dupont")])], [rec(sectors=["economy"])])
    assert report.fields["sectors"].documents == 0
    assert report.value("sectors") is None
    assert report.headline == 0.0  # only people was scored, and missed


@pytest.mark.parametrize(
    ("path", "stem"),
    [("a/b/x.html.gz", "x"), ("seed_01.txt", "seed_01"), ("C:\\in\\y.html", "y"), (None, "")],
)
def test_path_stem(path: str | None, stem: str) -> None:
    assert path_stem(path) == stem


def test_pairing_by_source_path_and_missing_records() -> None:
    gold = [
        rec("seed_01", people=[person("Anne Dupont")]),
        rec("seed_02", people=[person("Paul Roux")]),
    ]
    pred = [{"id": "whatever", "source": {"path": "/tmp/in/seed_01.html.gz"},
             "people": [person("Anne Dupont")]},
            {"id": "stray", "people": []}]
    report = score(gold, pred)
    assert counts(report, "people") == (1, 0, 1)
    assert [d.paired for d in report.documents] == [True, False]
    assert report.unpaired_predictions == ["stray"]


def test_language_restricts_to_gold_documents_of_that_language() -> None:
    gold = [
        rec("d1", language="en", sectors=["economy"]),
        rec("d2", language="fr", sectors=["culture"]),
    ]
    pred = [rec("d1", sectors=["economy"]), rec("d2", sectors=[])]
    assert score(gold, pred, language="en").value("sectors") == 1.0
    assert score(gold, pred).value("sectors") == pytest.approx(2 / 3)


def test_headline_is_mean_f1_of_the_seven_fields() -> None:
    gold = [rec(people=[person("Anne Dupont")], organizations=[named("Lyon Science Institute")],
                places=[named("Lyon")], events=[], commitments=[], sectors=["economy"])]
    pred = [rec(people=[person("Anne Dupont")], organizations=[], places=[named("Lyon")],
                events=[], commitments=[], sectors=["economy"])]
    # people, places, sectors 1; organizations 0;
    # visits, meetings, commitments empty on both sides: 1
    assert score(gold, pred).headline == pytest.approx(6 / 7)


def test_report_to_dict_is_json_ready() -> None:
    data = score([rec(people=[person("Anne Dupont")])], [rec(people=[])]).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["fields"]["people"]["fn"] == 1
    assert data["documents"][0]["missed"] == {"people": ["Anne Dupont"]}


# --- floors, files -------------------------------------------------------------------------


def test_floors_parse_and_check() -> None:
    report = score([rec(sectors=["economy", "culture"])], [rec(sectors=["economy"])])
    floors = [parse_floor(t) for t in ("sectors=0.6", "sectors.precision=1", "people=0.1")]
    assert check_floors(report, floors) == ["people: not scored < 0.100"]
    failed = check_floors(report, [parse_floor("sectors.recall=0.9")])
    assert failed == ["sectors.recall: 0.500 < 0.900"]


@pytest.mark.parametrize(
    ("text", "says"),
    [("sectors", "people_titles"), ("colour=1", "people_titles"), ("sectors.speed=1", "recall"),
     ("sectors=high", "not a number")],
)
def test_bad_floor_says_what_is_valid(text: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        parse_floor(text)


def test_read_jsonl_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "d1"}\n\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ParseError, match="line 3"):
        read_jsonl(path)


# --- the command -------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    gold = [rec("d1", language="en", people=[person("Anne Dupont"), person("Paul Roux")],
                sectors=["economy"])]
    pred = [rec("d1", people=[person("Anne Dupont"), person("Marc Leroy")], sectors=["economy"])]
    g, p = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    g.write_text("\n".join(json.dumps(r) for r in gold), encoding="utf-8")
    p.write_text("\n".join(json.dumps(r) for r in pred), encoding="utf-8")
    return str(g), str(p)


def test_eval_prints_the_table_first(files: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, ["eval", *files])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["field", "P", "R", "F1/acc"]
    people = next(line for line in lines if line.startswith("people "))
    assert people.split()[1:7] == ["0.500", "0.500", "0.500", "1", "1", "1"]


def test_eval_min_sets_exit_status(files: tuple[str, str]) -> None:
    ok = CliRunner().invoke(cli, ["eval", *files, "--min", "people=0.5", "--min", "sectors=1"])
    assert ok.exit_code == 0, ok.output
    low = CliRunner().invoke(cli, ["eval", *files, "--min", "people=0.6", "--min", "headline=0.2"])
    assert low.exit_code == 1
    assert "people: 0.500 < 0.600" in low.output
    assert "headline" not in low.output.split("below the floor")[-1]


def test_eval_bad_min_is_a_usage_error(files: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, ["eval", *files, "--min", "peoples=1"])
    assert result.exit_code == 2
    assert "people_titles" in result.output


def test_eval_json_shape(files: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, ["eval", *files, "--json", "--language", "en"])
    data = json.loads(result.output)
    assert set(data) >= {"language", "headline", "fields", "documents", "floors_failed"}
    assert data["language"] == "en"
    assert data["fields"]["people"] == {
        "metric": "prf", "documents": 1, "tp": 1, "fp": 1, "fn": 1,
        "precision": 0.5, "recall": 0.5, "f1": 0.5, "value": 0.5,
    }
    assert data["headline"] == pytest.approx(0.75)


def test_eval_details_lists_missed_and_extra(files: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, ["eval", *files, "--details"])
    assert "== d1" in result.output
    assert "people missed: Paul Roux" in result.output
    assert "people extra: Marc Leroy" in result.output


def test_eval_needs_one_prediction_file(files: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, ["eval", files[0]])
    assert result.exit_code == 2
    assert "PRED.jsonl" in result.output


ARTICLE = (
    "Lyon hosts a delegation\n\n"
    "The Mayor of Lyon Anne Dupont received a delegation from Hue on Monday to talk about "
    "heritage and tourism.\n\nBoth sides hope to sign a cooperation agreement next year.\n"
)


def test_eval_inputs_extracts_pairs_and_reports_failures(tmp_path: Path) -> None:
    (tmp_path / "lyon_visit.txt").write_text(ARTICLE, encoding="utf-8")
    body = ARTICLE.split("\n\n", 1)[1].strip()
    gold = [rec("lyon_visit", body=body), rec("missing_one", sectors=["culture"])]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("\n".join(json.dumps(r) for r in gold), encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "eval", str(gold_path), "--inputs", str(tmp_path / "lyon_visit.txt"),
        str(tmp_path / "missing_one.txt"), "--json",
    ])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["paired"] for d in data["documents"]] == [True, False]
    assert data["fields"]["body"]["recall"] > 0.9
    assert [f["origin"] for f in data["source_failures"]] == [str(tmp_path / "missing_one.txt")]


# --- properties ------------------------------------------------------------------------

NAME_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=30
)


@settings(max_examples=200, deadline=None)
@given(NAME_TEXT)
def test_normalisation_is_idempotent(text: str) -> None:
    assert normalize_name(normalize_name(text)) == normalize_name(text)
    assert normalize_place(normalize_place(text)) == normalize_place(text)


SIMPLE_NAME = st.text("abcdeđéôx -.", min_size=1, max_size=12).filter(lambda s: normalize_name(s))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(SIMPLE_NAME, max_size=4),
    st.lists(SIMPLE_NAME, max_size=4),
    st.lists(st.sampled_from(["economy", "culture", "health"]), unique=True),
)
def test_a_record_scored_against_itself_is_perfect(
    people: list[str], orgs: list[str], sectors: list[str]
) -> None:
    record = rec(
        people=[person(n) for n in people],
        organizations=[named(n) for n in orgs],
        events=[event("meeting", *people[:2])] if len(people) >= 2 else [],
        commitments=[{"actor": n, "kind": "intent"} for n in orgs],
        sectors=sectors,
    )
    report = score([record], [record])
    for name in ("people", "organizations", "meetings", "commitments", "sectors"):
        s = report.fields[name]
        assert s.fp == 0 and s.fn == 0, name


def test_equal_main_names_are_paired_before_equal_aliases() -> None:
    gold = [rec(people=[person("Tran Van Minh", "Minh"), person("Le Van Minh")])]
    pred = [rec(people=[person("Le Van Minh", "Minh")])]
    report = score(gold, pred)
    assert report.documents[0].missed["people"] == ["Tran Van Minh"]
