"""Behaviour of the English entities step (``entities.en.v1``), on sentences of our own."""

from __future__ import annotations

import json

import pytest

from passerelle import registry
from passerelle.extract import entities as _entities  # noqa: F401 - registers entities.en.v1
from passerelle.extract import extract_document
from passerelle.extract.base import analyze
from passerelle.records import Document, Person


def _run(body: str, captions: list[str] | None = None) -> Document:
    doc = Document("t", body, captions=captions or [], language="en", published="2025-03-10")
    analysis = analyze(doc)
    registry.get("entities.en.v1")(analysis)
    return doc


def _person(doc: Document, name: str) -> Person:
    found = [p for p in doc.people if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in doc.people]}"
    return found[0]


def _roles(p: Person) -> dict[str, str | None]:
    return {t.role: t.of for t in p.titles}


# ------------------------------------------------------------------ offices


@pytest.mark.parametrize(
    ("body", "name", "role", "of", "country"),
    [
        ("The Thai Ambassador to Japan Somchai Wongsakul opened a fair in Osaka on Monday.",
         "Somchai Wongsakul", "Ambassador", "Thailand", "TH"),
        ("Mayor of Nantes Pierre Ravel welcomed the delegation at the town hall.",
         "Pierre Ravel", "Mayor", "Nantes", "FR"),
        ("Deputy Mayor of Bordeaux Claire Vidal chaired the session on river transport.",
         "Claire Vidal", "Deputy Mayor", "Bordeaux", "FR"),
        ("Mr. Paul Ardouin, Prefect of Gironde department, received the visitors.",
         "Paul Ardouin", "Prefect", "Gironde", "FR"),
        ("Chairman of the People's Committee of Can Tho city Pham Quoc Bao hosted the guests.",
         "Pham Quoc Bao", "Chairman", "People's Committee of Can Tho", "VN"),
        ("Vice Chairman of the People's Committee of Hue city Tran Thi Lan signed the deal.",
         "Tran Thi Lan", "Vice Chairman", "People's Committee of Hue", "VN"),
        ("Consul General Hoang Minh Duc attended the ceremony in Marseille.",
         "Hoang Minh Duc", "Consul General", None, None),
        ("Honorary Consul Marc Lefebvre opened the exhibition in Lille.",
         "Marc Lefebvre", "Honorary Consul", None, None),
        ("Sylvie Moreau, Deputy Mayor of Rennes, said the exchange would continue.",
         "Sylvie Moreau", "Deputy Mayor", "Rennes", "FR"),
        ("The German Chancellor Olaf Brenner arrived in Hanoi on Sunday.",
         "Olaf Brenner", "Chancellor", "Germany", "DE"),
    ],
)
def test_office_patterns(body: str, name: str, role: str, of: str | None, country: str | None) -> None:
    doc = _run(body)
    p = _person(doc, name)
    assert _roles(p).get(role, "missing") == of
    assert p.country == country


def test_two_titles_joined_by_and() -> None:
    doc = _run("The visit of General Secretary and President Luong Van Tam to Paris was a success.")
    assert set(_roles(_person(doc, "Luong Van Tam"))) == {"General Secretary", "President"}


def test_who_is_also_adds_a_title() -> None:
    body = ("In Sète, the ambassador met Mayor Louis Garnier, who is also President of the "
            "Sète Agglomeration Community, to discuss fishing.")
    roles = _roles(_person(_run(body), "Louis Garnier"))
    assert roles["President"] == "Sète Agglomeration Community"
    assert "Mayor" in roles


def test_company_role_takes_the_company_named_before() -> None:
    body = ("The delegation visited Aerotech Systems, a drone maker based in Lyon. "
            "Sophie Marchand, the company's Sales Director, presented its new models.")
    doc = _run(body)
    assert _roles(_person(doc, "Sophie Marchand")) == {"Sales Director": "Aerotech Systems"}
    assert any(o.name == "Aerotech Systems" and o.kind == "company" for o in doc.organizations)


def test_place_glued_before_a_name_is_cut_off() -> None:
    doc = _run("Deputy Mayor of Toulouse Marie Lambert received the students.")
    p = _person(doc, "Marie Lambert")
    assert _roles(p) == {"Deputy Mayor": "Toulouse"}
    assert not doc.organizations
    assert [pl.name for pl in doc.places] == ["Toulouse"]


def test_capacity_clause_gives_a_former_office() -> None:
    body = ("Mayor of Le Havre city Henri Dupuis, who visited Vietnam in 2019 in his capacity "
            "as French Prime Minister, spoke first.")
    roles = _roles(_person(_run(body), "Henri Dupuis"))
    assert roles == {"Mayor": "Le Havre", "Prime Minister": "France"}


# ------------------------------------------------------------------ names and coreference


def test_surname_title_and_office_are_one_person() -> None:
    body = ("Vietnamese Ambassador to Italy Duong Hai Hung visited Milan on May 2.\n\n"
            "Ambassador Hung met local business leaders. Hung said trade was growing.\n\n"
            "The Vietnamese Ambassador also visited a textile school.")
    doc = _run(body)
    assert [p.name for p in doc.people] == ["Duong Hai Hung"]
    p = doc.people[0]
    assert {"Ambassador Hung", "Hung", "Vietnamese Ambassador"} <= set(p.aliases)
    assert len(p.mentions) == 4
    assert p.country == "VN"


def test_honorific_is_dropped_and_merged() -> None:
    body = ("Mayor Robert Lemaire greeted the guests. Mr. Robert Lemaire then spoke about "
            "tourism in the region.")
    doc = _run(body)
    assert [p.name for p in doc.people] == ["Robert Lemaire"]
    assert len(doc.people[0].mentions) == 2


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Deputy Minister Đặng Thị Hồng Nhung opened the forum in Hà Nội.", "Đặng Thị Hồng Nhung"),
        ("Ambassador Dinh Quoc Viet handed over the gifts.", "Dinh Quoc Viet"),
        ("The guests were welcomed by Chairman To Van Lam of the provincial council.", "To Van Lam"),
    ],
)
def test_vietnamese_names_are_whole_with_diacritics(body: str, name: str) -> None:
    assert [p.name for p in _run(body).people] == [name]


def test_hyphen_variants_are_one_person() -> None:
    body = ("Governor Jean-Marc Perrin opened the talks. Later, Jean Marc Perrin toured the port "
            "of Sète with the guests.")
    doc = _run(body)
    assert len(doc.people) == 1
    assert doc.people[0].aliases


# ------------------------------------------------------------------ not people


@pytest.mark.parametrize(
    ("body", "captions"),
    [
        ("Hanoi (VNA) – The two sides agreed to expand trade in rice and coffee.", []),
        ("The delegation toured the port.", ["The delegation at the port. Photo: NGUYEN HUNG"]),
        ("The delegation toured the harbour.", ["Boats in the harbour (Photo: Tran Anh Vu)"]),
        ("Officials from the two sides met in Valras-Plage to discuss coastal erosion.", []),
    ],
)
def test_credits_outlets_and_places_are_not_people(body: str, captions: list[str]) -> None:
    doc = _run(body, captions)
    assert doc.people == []
    assert all(o.name not in ("VNA", "the two sides") for o in doc.organizations)


def test_town_mislabelled_by_the_model_is_a_place() -> None:
    doc = _run("Talks in the seaside town of Valras-Plage focused on the erosion of the beach.")
    assert doc.people == []
    assert [(p.name, p.country) for p in doc.places] == [("Valras-Plage", "FR")]


# ------------------------------------------------------------------ organisations


def test_acronym_and_long_form_are_one_organisation() -> None:
    body = ("Thanks to a loan granted by the French Development Agency (AFD), the city renovated "
            "two old markets. AFD will also finance a tram line.")
    doc = _run(body)
    assert len(doc.organizations) == 1
    org = doc.organizations[0]
    assert (org.name, org.kind, org.country) == ("French Development Agency", "agency", "FR")
    assert "AFD" in org.aliases and len(org.mentions) == 2


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        ("Students of the University of Nantes met the delegation.", "University of Nantes",
         "university"),
        ("The Lyon Chamber of Commerce and Industry hosted a dinner.",
         "Lyon Chamber of Commerce and Industry", "association"),
        ("Officials of the Da Nang People's Committee received the guests.",
         "Da Nang People's Committee", "government"),
        ("The talks at Orion Robotics, a French start-up, focused on automation.",
         "Orion Robotics", "company"),
    ],
)
def test_organisation_kinds(body: str, name: str, kind: str) -> None:
    orgs = {o.name: o.kind for o in _run(body).organizations}
    assert orgs.get(name) == kind


@pytest.mark.parametrize(
    "body",
    [
        "The two sides agreed to meet again. The People's Committee will send a reply.",
        "France and Vietnam signed a Memorandum of Understanding on culture.",
        "The Comprehensive Strategic Partnership was upgraded in 2024.",
    ],
)
def test_junk_is_not_an_organisation(body: str) -> None:
    assert _run(body).organizations == []


# ------------------------------------------------------------------ places and evidence


def test_continents_and_datelines_are_not_places() -> None:
    doc = _run("Paris (VNA) – Vietnam is a key partner of France in Europe and Asia.")
    assert sorted(p.name for p in doc.places) == ["France", "Vietnam"]


def test_office_before_a_name_that_is_also_a_place() -> None:
    doc = _run("The late President Ho Chi Minh visited France in 1946. Ho Chi Minh City is large.")
    assert [p.name for p in doc.people] == ["Ho Chi Minh"]
    assert len(doc.people[0].mentions) == 1
    assert "Ho Chi Minh City" in [p.name for p in doc.places]


def test_apposition_with_a_preposition_is_no_organisation() -> None:
    doc = _run("Nguyen Thi Mai, a lecturer at Hanoi University, said students were eager.")
    assert [o.name for o in doc.organizations] == ["Hanoi University"]


def test_sentence_initial_capital_is_no_small_town() -> None:
    doc = _run("Mobile payments are spreading fast in Vietnam and in Laos.")
    assert sorted(p.name for p in doc.places) == ["Laos", "Vietnam"]


def test_every_entity_has_mentions_that_point_at_its_name() -> None:
    body = ("Mayor of Nantes Pierre Ravel met Vietnamese Ambassador to France Le Van Son. "
            "Son thanked the mayor of Nantes and the University of Nantes.")
    doc = _run(body, ["Pierre Ravel (left) and Le Van Son in Nantes."])
    entities = [*doc.people, *doc.organizations, *doc.places]
    assert entities
    for e in entities:
        assert e.mentions
        for m in e.mentions:
            text = doc.segment_text(m.segment)[m.start : m.end]
            names = [e.name, *e.aliases]
            assert any(text in n or n in text for n in names), (e.name, text)


def test_component_runs_through_extract_document() -> None:
    doc = Document("x", "Mayor of Nantes Pierre Ravel visited Hanoi.", language="en")
    extract_document(doc)
    assert doc.components["entities"] == "entities.en.v1"
    assert [p.name for p in doc.people] == ["Pierre Ravel"]
    record = doc.to_record()
    assert record["people"][0]["titles"][0]["role"] == "Mayor"
    json.dumps(record)


def test_model_runs_the_recogniser_alone_and_still_finds_names():
    """The shared tok2vec is left out (the NER embeds words itself): same entities."""
    import gc

    from passerelle.extract import nlp

    pipeline = nlp.english()
    assert pipeline.pipe_names == ["ner"]
    assert not nlp._ner_listens(pipeline)
    assert gc.get_freeze_count() > 0  # the loaded model is kept out of full GC passes
    sdoc = pipeline("The mayor of Lyon, Claire Dubois, met officials from Airbus in Toulouse.")
    found = {(e.text, e.label_) for e in sdoc.ents}
    assert ("Claire Dubois", "PERSON") in found and ("Toulouse", "GPE") in found


# ------------------------------------------------- names that must not run on


def _orgs(doc: Document) -> list[str]:
    return sorted(o.name for o in doc.organizations)


def _places(doc: Document) -> dict[str, str | None]:
    return {p.name: p.kind for p in doc.places}


def test_organisation_stops_before_a_person_and_a_date() -> None:
    doc = _run("Chairman of the Can Tho City People's Committee Tran Van Long met the consul "
               "on March 3.")
    assert _orgs(doc) == ["Can Tho City People's Committee"]
    assert _roles(_person(doc, "Tran Van Long")) == {"Chairman": "Can Tho City People's Committee"}


def test_organisation_stops_before_a_weekday_and_a_possessive() -> None:
    doc = _run("The Orbis Group on Tuesday opened a plant. Visitors later toured Mekong "
               "Shipping Corporation's Tan Thuan terminal.")
    assert _orgs(doc) == ["Mekong Shipping Corporation", "Orbis Group"]
    assert doc.people == []


def test_office_of_a_council_named_after_a_french_region() -> None:
    doc = _run("President of the Pays de la Loire Regional Council Marc Le Bihan opened the forum.")
    assert _roles(_person(doc, "Marc Le Bihan")) == {
        "President": "Pays de la Loire Regional Council"}
    assert _orgs(doc) == ["Pays de la Loire Regional Council"]
    assert "Loire" not in _places(doc)


def test_ministry_named_only_in_its_ministers_title() -> None:
    doc = _run("Deputy Minister of Culture and Sports Vo Thi Lan opened the fair.")
    assert _roles(_person(doc, "Vo Thi Lan")) == {
        "Deputy Minister": "Ministry of Culture and Sports"}
    assert _orgs(doc) == ["Ministry of Culture and Sports"]
    org = doc.organizations[0]
    assert doc.body[org.mentions[0].start : org.mentions[0].end] == "Minister of Culture and Sports"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Paris transport operator SNCF will train the drivers.", "SNCF"),
        ("The Tokyo Port Authority will share its software.", "Tokyo Port Authority"),
        ("They toured the Lyon University Hospital on Friday.", "Lyon University Hospital"),
        ("Talks were held with the Goethe-Institut Hanoi on courses.", "Goethe-Institut Hanoi"),
        ("She visited the Saigon Metro Management Board in May.", "Saigon Metro Management Board"),
    ],
)
def test_organisations_with_less_common_heads(body: str, name: str) -> None:
    assert _orgs(_run(body)) == [name]


@pytest.mark.parametrize(
    "body",
    ["Education - May 4, 2024\n\nThe school reopened. Education matters, said Education.",
     "The visit was led by Departmental Councillor Paul Roux in March.",
     "Visitors toured the Ho Chi Minh Museum and the Hai Phong Port."],
)
def test_no_organisation_from_section_labels_adjectives_or_landmarks(body: str) -> None:
    assert _orgs(_run(body)) == []


def test_places_with_generic_words_connectors_and_function_words() -> None:
    doc = _run("The Lao guests went to Vinh city and Ba Tri district, then to Xieng Khouang "
               "province. They met in Nghe An and Hoi An, near the Temple of Literature.")
    places = _places(doc)
    assert places["Vinh"] == "city" and places["Ba Tri"] == "district"
    assert places["Xieng Khouang"] == "province"
    assert {"Nghe An", "Hoi An", "Temple of Literature"} <= set(places)
    assert "Temple" not in places and doc.people == []


def test_place_inside_a_university_name_is_no_place_but_country_long_form_is() -> None:
    doc = _run("Students of the University of Nantes sailed to the Republic of Korea.")
    assert _places(doc) == {"Republic of Korea": "country"}
    assert doc.places[0].country == "KR"


def test_lower_case_office_after_its_and_a_comma() -> None:
    doc = _run("They toured the Lyon University Hospital and talked with its director, "
               "Paul Martin.")
    assert _roles(_person(doc, "Paul Martin")) == {"Director": "Lyon University Hospital"}


@pytest.mark.parametrize(
    ("body", "name", "roles"),
    [
        ("Deputy Le Thi Hoa of Hai Phong city said small firms needed time.",
         "Le Thi Hoa", {"Deputy": None}),
        ("The deal was signed by Vice President for International Relations Claire Dumas.",
         "Claire Dumas", {"Vice President": None}),
        ("The Delta Centre for Forecasting issued a warning. Tran Van Minh, deputy director "
         "of the centre, said rivers were rising.",
         "Tran Van Minh", {"Deputy Director": "Delta Centre for Forecasting"}),
    ],
)
def test_more_office_patterns(body: str, name: str, roles: dict[str, str | None]) -> None:
    assert _roles(_person(_run(body), name)) == roles


def test_two_rivers_named_before_one_plural_feature_word() -> None:
    doc = _run("Water levels on the Ma Da and Song Lam rivers rose quickly on Sunday.")
    assert _places(doc) == {"Ma Da": "natural", "Song Lam": "natural"}
    assert doc.people == []


def test_river_with_lower_case_generic_word_when_the_gazetteer_knows_it() -> None:
    doc = _run("Engineers walked along the Han river, where storms flooded old houses. "
               "They later crossed the Bluewater river by ferry.")
    assert _places(doc) == {"Han": "natural"}


# ------------------------------------------------------------------ heldout-3 patterns


def _org_kinds(doc: Document) -> dict[str, str | None]:
    return {o.name: o.kind for o in doc.organizations}


def test_lower_case_role_after_a_lower_case_word_titles_the_name() -> None:
    doc = _run("The guests toured Hue University, where rector Le Thi Mai presented its "
               "programmes. Later they met mayor Anne Rigaud at the town hall.")
    assert "Rector" in _roles(_person(doc, "Le Thi Mai"))
    assert "Mayor" in _roles(_person(doc, "Anne Rigaud"))


def test_possessive_place_before_a_lower_case_office() -> None:
    doc = _run("The chairman invited Lyon's mayor, Paul Girard, to the lantern festival.")
    assert _roles(_person(doc, "Paul Girard")) == {"Mayor": "Lyon"}


def test_lower_case_role_is_no_title_without_a_name_after_it() -> None:
    doc = _run("Voters in the town will elect a mayor in June, the Lyon Daily News reported.")
    assert all(p.titles == [] for p in doc.people)


def test_hospitals_parks_and_corporate_words_are_organisations() -> None:
    doc = _run("Officials from Kyoto visited the Osaka Hi-Tech Park and the Kobe City General "
               "Hospital on Monday. Le Van Minh, Chairman of the Hai Duong provincial People's "
               "Committee, met managers of the Brest-Marine port company and of Lotte "
               "Electronics.")
    kinds = _org_kinds(doc)
    assert kinds["Osaka Hi-Tech Park"] == "agency"
    assert kinds["Kobe City General Hospital"] == "other"
    assert kinds["Hai Duong provincial People's Committee"] == "government"
    assert kinds["Brest-Marine port company"] == "company"
    assert kinds["Lotte Electronics"] == "company"


def test_plain_parks_and_ports_stay_out_of_organisations() -> None:
    doc = _run("Visitors walked in the Software Garden Park and toured Lorient Port on Friday.")
    assert doc.organizations == []


def test_companies_introduced_by_a_descriptor_or_an_apposition() -> None:
    doc = _run("The electronics giant Foxlink opened a plant in Bac Giang. Hanwha, a Korean "
               "conglomerate, will invest more. Investors, notably Kumho Electronics, want "
               "local suppliers.")
    assert _org_kinds(doc) == {"Foxlink": "company", "Hanwha": "company",
                               "Kumho Electronics": "company"}


def test_office_of_a_town_then_two_people_joined_by_and():
    """"Mayor of <town> <name> and <name>": the town's mayor is the first person only."""
    from passerelle.extract import extract_document
    from passerelle.records import Document

    body = ("The ambassador met Mayor of Lyon Grégory Doucet and Anne Martin, "
            "a member of parliament, at the city hall.")
    doc = extract_document(Document(id="t", body=body, language="en"))
    titles = {p.name: [(t.role, t.of) for t in p.titles] for p in doc.people}
    assert titles["Grégory Doucet"] == [("Mayor", "Lyon")]
    assert ("Mayor", "Lyon") not in titles.get("Anne Martin", [])
    assert not any("and" in (t.of or "") for p in doc.people for t in p.titles)
