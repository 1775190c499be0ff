"""Read JSON Lines record files (the only file access of the evaluate package)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from passerelle.errors import ParseError


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read one JSON object per non-blank line.

    Args:
        path: a ``.jsonl`` file of document records.

    Returns:
        The records, in file order.

    Raises:
        ParseError: when the file cannot be read, or a line is not a JSON object.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(f"cannot read {path}: {exc}", hint="give a UTF-8 JSON Lines file") from exc
    return [_parse_line(line, path, n) for n, line in enumerate(lines, 1) if line.strip()]


def _parse_line(line: str, path: str | Path, number: int) -> dict[str, Any]:
    """One record from one line."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"line {number} is not valid JSON ({exc.msg})", source=str(path),
            hint="each line must be one record object",
        ) from exc
    if not isinstance(value, dict):
        raise ParseError(
            f"line {number} is a JSON {type(value).__name__}, not an object", source=str(path),
            hint="each line must be one record object",
        )
    return value


__all__ = ["read_jsonl"]
