"""Language of an article: lingua, offline, restricted to the languages we support.

The detector is built once, on first use (building it loads models, ~a second).
"""

from __future__ import annotations

import threading
from typing import Any

# The languages passerelle's extractors and gold cover (en, fr, vi), plus neighbours
# that appear in cooperation news (de, es, ja, zh). Restricting lingua to them keeps
# it fast and stops rare look-alike languages from being guessed.
SUPPORTED = ("en", "fr", "vi", "de", "es", "ja", "zh")
# Characters read: enough for a stable answer on news text (all seeds and dev pages
# agree with gold at 1000), and a bounded cost on long articles.
SAMPLE_CHARS = 1000
# Below this many letters lingua guesses wildly; we answer None instead.
MIN_LETTERS = 20

_detector: Any = None
_lock = threading.Lock()


def _build() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _get() -> Any:
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = _build()
    return _detector


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None if unsure.

    Args:
        text: article text; only the first ``SAMPLE_CHARS`` characters are read.

    Returns:
        One of ``SUPPORTED``, or None for empty or too short text.
    """
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    found = _get().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None
