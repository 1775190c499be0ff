"""``passerelle runs``: the run log from the command line (real SQLite, real ingest)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from passerelle.cli import cli


def _ingest(tmp_path, db: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Le maire de Sète, Jean Dupont, a reçu une délégation de Hué.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), str(tmp_path / "missing.txt"),
                                      "--db", db, "--no-progress"])
    assert result.exit_code == 1, result.output  # one input failed


def test_runs_lists_the_ingest_with_its_counts(tmp_path):
    db = f"sqlite:///{tmp_path}/kb.sqlite"
    _ingest(tmp_path, db)
    result = CliRunner().invoke(cli, ["runs", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    (run,) = json.loads(result.output)
    assert (run["via"], run["stored"], run["failed"]) == ("cli", 1, 1)
    assert run["failures"][0]["origin"].endswith("missing.txt")


def test_one_run_shows_every_failure_and_an_unknown_run_is_an_error(tmp_path):
    db = f"sqlite:///{tmp_path}/kb.sqlite"
    _ingest(tmp_path, db)
    shown = CliRunner().invoke(cli, ["runs", "1", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "run 1: done (via cli)" in shown.output and "missing.txt" in shown.output
    missing = CliRunner().invoke(cli, ["runs", "99", "--db", db])
    assert missing.exit_code == 1
    assert "no run 99" in missing.output
