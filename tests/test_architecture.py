"""Stages depend in one direction: ingest -> extract -> resolve -> store -> query -> web/cli.

Read from the source with ``ast`` (nothing is imported), so a forbidden import fails
here even when it sits in a function body.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "passerelle"

# package -> packages of passerelle it must never import
FORBIDDEN = {
    "ingest": {"extract", "resolve", "store", "query", "web", "cli", "pipeline"},
    "extract": {"ingest", "store", "query", "web", "cli", "pipeline"},
    "geo": {"ingest", "extract", "store", "query", "web", "cli", "pipeline"},
    "resolve": {"store", "query", "web", "cli", "pipeline"},
    "store": {"query", "web", "cli"},
    "query": {"web", "cli"},
    "evaluate": {"store", "query", "web"},
}
# The geocoding step is an extraction component living beside the gazetteer it wraps.
ALLOWED = {"geo/geocode.py": {"extract"}}
CORE = {"records", "errors", "version"}  # import nothing of ours but each other


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("passerelle."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("passerelle.")}
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_stage_does_not_import_later_stages(package):
    bad = {}
    for path in (PKG / package).rglob("*.py"):
        rel = str(path.relative_to(PKG))
        hits = _imports(path) & FORBIDDEN[package] - ALLOWED.get(rel, set())
        if hits:
            bad[rel] = sorted(hits)
    assert bad == {}


@pytest.mark.parametrize("module", sorted(CORE))
def test_core_modules_import_only_each_other(module):
    assert _imports(PKG / f"{module}.py") <= CORE


def test_the_core_never_imports_click_or_the_web_framework():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).parts
        if rel[0] in {"cli", "web"}:
            continue
        text = path.read_text(encoding="utf-8")
        if "import click" in text or "from fastapi" in text or "import fastapi" in text:
            offenders.append("/".join(rel))
    assert offenders == []
