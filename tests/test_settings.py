"""Settings: declared once, layered (defaults < file < env < -s), shown by `passerelle info`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from passerelle.cli import cli
from passerelle.errors import ConfigError
from passerelle.ingest.options import IngestOptions
from passerelle.settings import BY_NAME, SETTINGS, load_config

NO_ENV: dict[str, str] = {}


@pytest.fixture(autouse=True)
def no_user_file(tmp_path, monkeypatch):
    """Point the user config dir at an empty folder and clear our variables."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("PASSERELLE_CONFIG", raising=False)


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_setting_is_declared_once_with_help_and_its_own_env_var():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert all(s.help and s.env.startswith("PASSERELLE_") for s in SETTINGS)
    assert BY_NAME["db.url"].env == "PASSERELLE_DB"
    assert len({s.env for s in SETTINGS}) == len(SETTINGS)


def test_fetch_defaults_match_the_ingest_options():
    ours = load_config(environ=NO_ENV).ingest_options()
    assert dataclasses.asdict(ours) == dataclasses.asdict(IngestOptions())


def test_layers_file_then_env_then_s(tmp_path):
    path = _toml(tmp_path, '[fetch]\ntimeout = 7\nretries = 5\n[web]\nport = 9000\n')
    env = {"PASSERELLE_FETCH_TIMEOUT": "8", "PASSERELLE_DB": "sqlite:///e.sqlite"}
    config = load_config(path, [("fetch.timeout", "9")], environ=env)
    assert config["fetch.timeout"] == 9.0 and config.origins["fetch.timeout"] == "-s"
    assert config["fetch.retries"] == 5 and config.origins["fetch.retries"] == f"file {path}"
    assert config["db.url"] == "sqlite:///e.sqlite"
    assert config.origins["db.url"] == "env PASSERELLE_DB"
    assert config["web.port"] == 9000
    assert config["web.host"] == "127.0.0.1" and config.origins["web.host"] == "default"


def test_user_file_is_read_from_the_config_dir(tmp_path):
    user = tmp_path / "xdg" / "passerelle" / "settings.toml"
    user.parent.mkdir(parents=True)
    user.write_text("[pipeline]\nprogress = false\n")
    config = load_config(environ=NO_ENV)
    assert config.file == user and config["pipeline.progress"] is False


@pytest.mark.parametrize("text, bad", [
    ("[fetch]\ntimout = 3\n", "fetch.timout"),
    ("[fecth]\ntimeout = 3\n", "fecth"),
    ("colour = 'blue'\n", "colour"),
])
def test_unknown_keys_name_their_path_and_list_valid_ones(tmp_path, text, bad):
    with pytest.raises(ConfigError) as info:
        load_config(_toml(tmp_path, text), environ=NO_ENV)
    message = str(info.value)
    assert repr(bad) in message and "settings.toml" in message
    assert "fetch.timeout" in message and "web.port" in message  # the valid ones


@pytest.mark.parametrize("name, value, problem", [
    ("fetch.timeout", "soon", "cannot read 'soon' as float"),
    ("fetch.timeout", "0", "must be positive"),
    ("web.port", "70000", "TCP port"),
    ("fetch.respect_robots", "maybe", "as bool"),
    ("nope.key", "1", "unknown setting 'nope.key'"),
])
def test_bad_values_are_refused_with_the_setting_named(name, value, problem):
    with pytest.raises(ConfigError, match=problem):
        load_config(overrides=[(name, value)], environ=NO_ENV)


def test_wrong_type_in_the_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="'fetch.retries'.*must be int"):
        load_config(_toml(tmp_path, '[fetch]\nretries = "three"\n'), environ=NO_ENV)


def test_invalid_toml_and_missing_file_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(_toml(tmp_path, "[fetch\n"), environ=NO_ENV)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "absent.toml", environ=NO_ENV)


def test_component_overrides_per_language_merge_from_file_and_s(tmp_path):
    path = _toml(tmp_path, '[extract.components.fr]\nentities = "entities.fr.v1"\n')
    config = load_config(path, [("extract.components.vi.entities", "entities.vi.v1")],
                         environ=NO_ENV)
    assert config["extract.components"] == {
        "fr": {"entities": "entities.fr.v1"}, "vi": {"entities": "entities.vi.v1"}}
    assert config.pipeline_settings().components == config["extract.components"]


def test_component_override_changes_what_extraction_runs(tmp_path):
    from passerelle.pipeline import extract_only

    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({
        "id": "x", "url": "https://news.example/x", "published": "2024-03-01",
        "text": "Le maire de Nantes a reçu une délégation de Hue le lundi 4 mars. "
                "Les deux villes veulent coopérer dans le tourisme."}) + "\n")
    default, = extract_only([str(article)])
    override = load_config(overrides=[("extract.components.fr.entities", "entities.fr.v1")],
                           environ=NO_ENV).pipeline_settings()
    swapped, = extract_only([str(article)], settings=override)
    assert default.doc.components["entities"] == "entities.fr.v2"
    assert swapped.doc.components["entities"] == "entities.fr.v1"


def test_info_shows_each_effective_setting_and_its_source(tmp_path, monkeypatch):
    path = _toml(tmp_path, "[fetch]\nretries = 4\n")
    monkeypatch.setenv("PASSERELLE_WEB_PORT", "8111")
    db = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    result = CliRunner().invoke(cli, ["--config", str(path), "-s", "fetch.timeout", "2.5",
                                      "info", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["settings"]
    assert rows["fetch.timeout"] == {"value": 2.5, "source": "-s"}
    assert rows["fetch.retries"] == {"value": 4, "source": f"file {path}"}
    assert rows["web.port"] == {"value": 8111, "source": "env PASSERELLE_WEB_PORT"}
    assert rows["web.host"]["source"] == "default"
    text = CliRunner().invoke(cli, ["-s", "fetch.timeout", "2.5", "info", "--db", db]).output
    assert "fetch.timeout" in text and "= 2.5  (-s)" in text


def test_db_url_setting_is_used_when_db_is_not_given(tmp_path, monkeypatch):
    target = tmp_path / "from-setting.sqlite"
    other = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("PASSERELLE_DB", f"sqlite:///{other}")
    result = CliRunner().invoke(cli, ["-s", "db.url", f"sqlite:///{target}", "info",
                                      "--format", "json"])
    assert json.loads(result.output)["database"]["path"] == str(target)
    env_only = CliRunner().invoke(cli, ["info", "--format", "json"])
    assert json.loads(env_only.output)["database"]["path"] == str(other)


def test_password_in_db_url_is_not_shown(tmp_path):
    result = CliRunner().invoke(cli, ["-s", "db.url", "postgresql+psycopg://kb:s3cret@h/kb",
                                      "info", "--db", f"sqlite:///{tmp_path / 'a.sqlite'}"])
    assert "s3cret" not in result.output and "db.url" in result.output


def test_bad_setting_on_the_command_line_is_a_clean_error():
    result = CliRunner().invoke(cli, ["-s", "fetch.timout", "3", "info"])
    assert result.exit_code == 1
    assert "unknown setting 'fetch.timout'" in result.output and "fetch.timeout" in result.output
    assert "Traceback" not in result.output


def test_web_settings_become_serve_defaults():
    result = CliRunner().invoke(cli, ["-s", "web.port", "8123", "-s", "web.host", "0.0.0.0",
                                      "serve", "--help"])
    assert "[default: 8123]" in result.output and "[default: 0.0.0.0]" in result.output


def test_progress_setting_turns_the_bar_off(tmp_path, write_articles):
    db = f"sqlite:///{tmp_path / 'p.sqlite'}"
    source = str(write_articles(2))
    quiet = CliRunner().invoke(cli, ["-s", "pipeline.progress", "off", "ingest", source,
                                     "--db", db])
    noisy = CliRunner().invoke(cli, ["ingest", str(write_articles(2, "b.jsonl", start=5)),
                                     "--db", db])
    assert quiet.exit_code == 0 and "doc/s" not in quiet.stderr and "it/s" not in quiet.stderr
    assert noisy.exit_code == 0 and "doc" in noisy.stderr
