"""The French and Vietnamese word tables are consistent, and phrase lookup uses them right."""

from __future__ import annotations

import unicodedata

import pycountry
import pytest

from passerelle.errors import ConfigError
from passerelle.extract.lang import LANGUAGES, find_phrases, find_roles, tables
from passerelle.records import COMMITMENT_KINDS, EVENT_TYPES, ORG_KINDS, PLACE_KINDS

SMALL_WORDS = {"of", "the", "and"}


def keys_of(mod: object) -> list[tuple[str, str]]:
    """(table name, key) for every key of every table of ``mod``."""
    out = []
    for name in ("ROLES", "HONORIFICS", "PLACE_WORDS", "COUNTRIES", "ORGANIZATION_WORDS",
                 "NATIONALITIES", "MONTHS", "ABBREVIATIONS"):
        out += [(name, k) for k in getattr(mod, name, ())]
    for name in ("EVENT_TRIGGERS", "COMMITMENT_TRIGGERS"):
        out += [(name, p) for phrases in getattr(mod, name).values() for p in phrases]
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_keys_are_lower_case_nfc_single_spaced(language: str) -> None:
    for table, key in keys_of(tables(language)):
        assert key == unicodedata.normalize("NFC", key).lower(), (table, key)
        assert key == " ".join(key.split()) and key, (table, key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_roles_are_title_cased_english(language: str) -> None:
    for phrase, role in tables(language).ROLES.items():
        words = role.split(" ")
        assert all(w in SMALL_WORDS or w[0].isupper() for w in words), (phrase, role)
        assert role.isascii(), (phrase, role)


@pytest.mark.parametrize("language", LANGUAGES)
def test_trigger_kinds_are_record_kinds(language: str) -> None:
    mod = tables(language)
    assert set(mod.EVENT_TRIGGERS) <= set(EVENT_TYPES)
    assert set(mod.COMMITMENT_TRIGGERS) == set(COMMITMENT_KINDS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("table", ["EVENT_TRIGGERS", "COMMITMENT_TRIGGERS"])
def test_no_trigger_belongs_to_two_kinds(language: str, table: str) -> None:
    seen: dict[str, str] = {}
    for kind, phrases in getattr(tables(language), table).items():
        assert len(set(phrases)) == len(phrases), kind
        for phrase in phrases:
            assert seen.setdefault(phrase, kind) == kind, (phrase, seen[phrase], kind)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kinds_and_country_codes_are_valid(language: str) -> None:
    mod = tables(language)
    assert set(mod.PLACE_WORDS.values()) <= set(PLACE_KINDS)
    assert set(getattr(mod, "ORGANIZATION_WORDS", {}).values()) <= set(ORG_KINDS)
    codes = set(mod.COUNTRIES.values()) | set(getattr(mod, "NATIONALITIES", {}).values())
    assert all(pycountry.countries.get(alpha_2=c) for c in codes)


def test_vietnamese_organisation_words_are_not_offices() -> None:
    vi = tables("vi")
    assert not set(vi.ROLES) & set(vi.ORGANIZATION_WORDS)


def test_french_months_cover_the_year() -> None:
    assert set(tables("fr").MONTHS.values()) == set(range(1, 13))


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [("maire adjoint", "maire adjointe"), ("préfet", "préfète"), ("ambassadeur", "ambassadrice"),
     ("vice-président", "vice-présidente"), ("directeur général", "directrice générale"),
     ("sénateur", "sénatrice"), ("consul général", "consule générale")],
)
def test_french_genders_share_the_role(masculine: str, feminine: str) -> None:
    roles = tables("fr").ROLES
    assert roles[masculine] == roles[feminine]


@pytest.mark.parametrize(
    ("language", "text", "role"),
    [
        ("fr", "Le maire de Lyon", "Mayor"),
        ("fr", "le préfet de la Drôme", "Prefect"),
        ("fr", "une adjointe au maire", "Deputy Mayor"),
        ("fr", "L'Ambassadeur du Vietnam", "Ambassador"),
        ("fr", "la vice-présidente de la région", "Vice President"),
        ("fr", "le président du Comité populaire de Hué", "Chairman"),
        ("fr", "le vice-président du Comité populaire de Hué", "Vice Chairman"),
        ("vi", "Chủ tịch UBND tỉnh Bắc Ninh", "Chairman"),
        ("vi", "Phó Chủ tịch UBND tỉnh Bắc Ninh", "Vice Chairman"),
        ("vi", "Bí thư Tỉnh ủy Bắc Ninh", "Secretary"),
        ("vi", "Đại sứ Việt Nam tại Pháp", "Ambassador"),
        ("vi", "Phó Chủ tịch Thường trực UBND tỉnh", "Permanent Vice Chairman"),
        ("vi", "Thị trưởng thành phố Lyon", "Mayor"),
    ],
)
def test_find_roles_takes_the_longest_office(language: str, text: str, role: str) -> None:
    assert find_roles(text, language)[0][1] == role


def test_an_embassy_is_not_an_ambassador() -> None:
    assert find_roles("Đại sứ quán Việt Nam tại Pháp", "vi") == []


def test_find_phrases_ignores_composition_and_needs_whole_words() -> None:
    decomposed = unicodedata.normalize("NFD", "Ông ấy bày tỏ mong muốn hợp tác")
    intents = tables("vi").COMMITMENT_TRIGGERS["intent"]
    assert [p for p, _, _ in find_phrases(decomposed, intents)] == ["bày tỏ mong muốn"]
    assert find_phrases("il a promisé", ["a promis"]) == []


def test_unknown_language_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="fr, vi"):
        tables("de")
