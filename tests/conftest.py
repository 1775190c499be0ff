"""Shared fixtures.

``shared_dir`` is the third-party material beside the project (``../shared``): tests
read it at run time and never copy its text. In CI (``CI=true``) its absence is an
error; elsewhere the tests that need it are skipped with a message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PASSERELLE_SHARED", ROOT.parent / "shared"))


def _shared_or_skip() -> Path:
    if SHARED.is_dir() and (SHARED / "corpus" / "dev").is_dir():
        return SHARED
    msg = f"../shared not found at {SHARED} (set PASSERELLE_SHARED to its path)"
    if os.environ.get("CI"):
        pytest.fail(msg + ": CI must have it")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Path of ``../shared`` (fails in CI, skips elsewhere when missing)."""
    return _shared_or_skip()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The project's own example corpus, written by us."""
    return ROOT / "examples"
