"""Components named in ``extract.components`` are checked at start-up, not on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from passerelle import registry
from passerelle.cli import cli
from passerelle.errors import ConfigError, PasserelleError
from passerelle.extract import check_components
from passerelle.settings import SETTINGS, Settings, load_config

BAD = ("extract.components.fr.events", "events.fr.v9")
# A made-up French article (our own words): the mayor of a town welcomes a delegation.
ARTICLE = {
    "id": "fr-1", "url": "https://news.example/fr-1", "published": "2024-05-02",
    "text": "Le maire de Brest a reçu une délégation de Da Nang le mardi 30 avril. "
            "Les deux villes veulent travailler ensemble sur la pêche et le tourisme.",
}


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path, monkeypatch):
    """No user settings file and none of our variables: only what a test sets counts."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("PASSERELLE_CONFIG", raising=False)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """An article, a gold file and the path of a database that must stay uncreated."""
    article = tmp_path / "articles.jsonl"
    article.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "fr-1", "people": []}) + "\n", encoding="utf-8")
    return {"article": article, "gold": gold, "db": tmp_path / "kb.sqlite"}


def _commands(f: dict[str, Path]) -> dict[str, list[str]]:
    db = f"sqlite:///{f['db']}"
    return {
        "ingest": ["ingest", str(f["article"]), "--db", db, "--no-progress"],
        "extract": ["extract", str(f["article"])],
        "serve": ["serve", "--db", db, "--get", "/index.json"],
        "eval --inputs": ["eval", str(f["gold"]), "--inputs", str(f["article"])],
    }


def _assert_one_line_error(output: str, name: str, key: str) -> None:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    line = lines[0]
    assert line.startswith("Error: ") and f"{key!r}" in line and f"{name!r}" in line
    assert "known components: " in line and "events.fr.v1" in line and "entities.en.v1" in line
    assert f"-s {key}" in line and "settings file" in line  # says how to fix it
    assert "Traceback" not in output


@pytest.mark.parametrize("command", ["ingest", "extract", "serve", "eval --inputs"])
def test_command_that_extracts_refuses_an_unknown_component_at_once(command, files):
    result = CliRunner().invoke(cli, ["-s", *BAD, *_commands(files)[command]])
    assert result.exit_code == 2, result.output
    _assert_one_line_error(result.output, BAD[1], BAD[0])
    assert not files["db"].exists()  # nothing was opened, read or extracted


@pytest.mark.parametrize("layer", ["file", "env"])
def test_the_check_covers_the_settings_file_and_the_environment(layer, files, tmp_path):
    args, env = ["extract", str(files["article"])], {}
    if layer == "file":
        path = tmp_path / "settings.toml"
        path.write_text('[extract.components.vi]\nentities = "entities.vi.v7"\n', encoding="utf-8")
        args = ["--config", str(path), *args]
    else:
        env["PASSERELLE_EXTRACT_COMPONENTS"] = '{vi = {entities = "entities.vi.v7"}}'
    result = CliRunner(env=env).invoke(cli, args)
    assert result.exit_code == 2, result.output
    _assert_one_line_error(result.output, "entities.vi.v7", "extract.components.vi.entities")


def test_an_unknown_step_is_refused_with_the_steps_listed(files):
    bad_step = ["-s", "extract.components.fr.event", "events.fr.v1"]
    result = CliRunner().invoke(cli, [*bad_step, "extract", str(files["article"])])
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "unknown step 'event'" in result.output
    assert "entities, geocode, sectors, events, commitments" in result.output


@pytest.mark.parametrize("args", [["info"], ["ingest", "--help"], ["eval", "--help"]])
def test_commands_that_do_not_extract_still_run(args):
    result = CliRunner().invoke(cli, ["-s", *BAD, *args])
    assert result.exit_code == 0, result.output
    assert "unknown component" not in result.output


def test_a_known_override_still_extracts(files):
    result = CliRunner().invoke(
        cli, ["-s", "extract.components.fr.entities", "entities.fr.v1",
              "extract", str(files["article"])])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.strip().splitlines()[-1])
    assert record["components"]["entities"] == "entities.fr.v1"


def test_the_installed_command_prints_one_line_on_stderr_and_exits_2(files):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PASSERELLE_")}
    done = subprocess.run(
        [sys.executable, "-m", "passerelle", "-s", *BAD, "extract", str(files["article"])],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    _assert_one_line_error(done.stderr, BAD[1], BAD[0])


# --------------------------------------------------------------------------- Python API


def test_settings_refuse_an_unknown_component_on_construction():
    with pytest.raises(ConfigError, match=r"unknown component 'events\.fr\.v9'") as caught:
        Settings(components={"fr": {"events": "events.fr.v9"}})
    assert isinstance(caught.value, PasserelleError)
    assert "events.fr.v1" in caught.value.hint and "-s extract.components.fr.events" in str(
        caught.value)


def test_config_checks_its_components_and_pipeline_settings_inherit_the_check():
    config = load_config(overrides=[BAD], environ={})
    with pytest.raises(ConfigError, match="known components: .*events.fr.v1"):
        config.check_components()
    with pytest.raises(ConfigError, match="events.fr.v9"):
        config.pipeline_settings()


@pytest.mark.parametrize("overrides", [
    None, {}, {"fr": {"events": "events.fr.v1"}}, {"vi": {"geocode": ""}},  # "" turns a step off
    {"*": {"sectors": "sectors.keywords.v1"}},
])
def test_known_components_pass(overrides):
    check_components(overrides)
    if overrides:
        assert Settings(components=overrides).components == overrides


def test_a_component_registered_at_run_time_is_known():
    name = "events.test.v1"
    with pytest.raises(ConfigError, match=name):
        check_components({"de": {"events": name}})
    registry.register(name)(lambda analysis: None)
    try:
        check_components({"de": {"events": name}})
    finally:
        registry._REGISTRY.pop(name, None)  # keep other tests' registry.names() unchanged
