"""Third-party text in ../shared is read at test time, never copied into the project.

This guard looks for any run of ``RUN`` consecutive words that a project file shares
with the seeds or the dev corpus. Names and short phrases may recur (they are facts);
a copied sentence will not pass.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = 10  # words; long enough that only a copied sentence matches, short enough to catch one
_SKIP_DIRS = {".venv", "node_modules", ".git", "vendor", "__pycache__", ".pytest_cache", "screenshots"}
_SUFFIXES = {".py", ".md", ".txt", ".html", ".json", ".jsonl", ".xml", ".rss", ".atom", ".csv",
             ".tsv", ".js", ".css", ".toml", ".cfg", ".yml", ".yaml", ".jinja", ""}
_WORD = re.compile(r"\w+", re.UNICODE)


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFC", text))]
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _shared_texts(shared: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    for line in (shared / "corpus" / "dev" / "input.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line).get("text") or "")
    return texts


def _project_files() -> list[Path]:
    out = []
    for p in ROOT.rglob("*"):
        rel = p.relative_to(ROOT)
        if any(part in _SKIP_DIRS for part in rel.parts) or not p.is_file():
            continue
        if p.suffix in _SUFFIXES and p.stat().st_size < 5_000_000:
            out.append(p)
    return out


def test_no_sentence_of_the_shared_corpus_is_copied_into_the_project(shared_dir):
    third_party: set[tuple[str, ...]] = set()
    for text in _shared_texts(shared_dir):
        third_party |= _runs(text)
    copied = {}
    for path in _project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        hits = _runs(text) & third_party
        if hits:
            copied[str(path.relative_to(ROOT))] = " ".join(sorted(hits)[0])
    assert copied == {}, f"third-party text copied into: {copied}"
