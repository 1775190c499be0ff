"""Extraction: a cleaned ``Document`` in, the same document with its facts filled out.

Pure: no I/O. The order is fixed: entities (people, organisations, places) ->
geocoding -> sectors -> events -> commitments, because each later step reads what
the earlier ones found. Which component runs for which language is picked by
versioned name from ``passerelle.registry`` (see ``DEFAULT_COMPONENTS``).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from passerelle import registry
from passerelle.errors import ConfigError
from passerelle.extract.base import Analysis, Sentence, analyze, split_sentences
from passerelle.records import Document

# The modules that register built-in components when imported.
_BUILTIN_MODULES = (
    "passerelle.extract.entities",
    "passerelle.extract.entities_fr",
    "passerelle.extract.entities_vi",
    "passerelle.extract.sectors",
    "passerelle.extract.events",
    "passerelle.extract.commitments",
    "passerelle.geo.geocode",
)

# Which component does each step, per language. "*" is the fallback for languages
# without their own entry; a step that is missing for a language is skipped, because
# precision comes before recall: we output nothing rather than guess in a language we
# have no rules for.
DEFAULT_COMPONENTS: dict[str, dict[str, str]] = {
    "en": {
        "entities": "entities.en.v1",
        "geocode": "geocode.gazetteer.v1",
        "sectors": "sectors.keywords.v1",
        "events": "events.en.v1",
        "commitments": "commitments.en.v1",
    },
    "fr": {
        "entities": "entities.fr.v2",
        "events": "events.fr.v1",
        "commitments": "commitments.fr.v1",
    },
    "vi": {
        "entities": "entities.vi.v2",
        "events": "events.vi.v1",
        "commitments": "commitments.vi.v1",
    },
    "*": {
        "geocode": "geocode.gazetteer.v1",
        "sectors": "sectors.keywords.v1",
    },
}

STEPS = ("entities", "geocode", "sectors", "events", "commitments")


def load_builtins() -> None:
    """Import the modules that register the built-in components."""
    for mod in _BUILTIN_MODULES:
        importlib.import_module(mod)


def check_components(overrides: Mapping[str, Mapping[str, str]] | None) -> None:
    """Check, before any article is read, that every override names a known component.

    ``extract_document`` would only find a wrong name on the first article of that
    language, maybe hours into a run; the commands that extract call this at start-up.
    An empty name is allowed: it switches the step off for that language.

    Args:
        overrides: ``{language: {step: component name}}`` (setting ``extract.components``).

    Raises:
        ConfigError: naming the first unknown step or component (in sorted order),
            listing the valid ones and saying how to fix the setting.
    """
    if not overrides:
        return
    load_builtins()
    known = registry.names()
    for language, steps in sorted(overrides.items()):
        for step, name in sorted(steps.items()):
            key = f"extract.components.{language}.{step}"
            if step not in STEPS:
                raise ConfigError(
                    f"setting {key!r} names an unknown step {step!r}",
                    hint=f"steps: {', '.join(STEPS)}; {_where(key, 'rename or remove')}")
            if name and name not in known:
                action = f"put one of them in place of {name!r} or remove"
                raise ConfigError(
                    f"setting {key!r} names an unknown component {name!r}",
                    hint=f"known components: {', '.join(known)}; {_where(key, action)}")


def _where(key: str, action: str) -> str:
    """How to fix the setting ``key``: where it can be set (end of a ``check_components`` hint)."""
    table, _, step = key.rpartition(".")
    return (f"{action} '{step}' in [{table}] of the settings file, in "
            f"PASSERELLE_EXTRACT_COMPONENTS or in -s {key}; `passerelle info` shows which "
            "one set it")


def components_for(
    language: str | None, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> dict[str, str]:
    """The component name for each step, for ``language``."""
    table = {k: dict(v) for k, v in DEFAULT_COMPONENTS.items()}
    for lang, steps in (overrides or {}).items():
        table.setdefault(lang, {}).update(steps)
    chosen = dict(table.get("*", {}))
    chosen.update(table.get(language or "en", {}))
    return chosen


def extract_document(
    doc: Document, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> Document:
    """Fill people, organisations, places, sectors, events and commitments of ``doc``.

    Args:
        doc: a cleaned document (body, captions, published, language set).
        overrides: ``{language: {step: component name}}`` to swap components.

    Returns:
        The same document, filled in, with ``doc.components`` naming what ran.

    Raises:
        ExtractionError: when a component fails.
        ConfigError: when a component name is unknown.
    """
    load_builtins()
    chosen = components_for(doc.language, overrides)
    analysis = analyze(doc)
    for step in STEPS:
        name = chosen.get(step)
        if not name:
            continue
        registry.get(name)(analysis)
        doc.components[step] = name
    return doc


__all__ = [
    "Analysis",
    "Sentence",
    "analyze",
    "split_sentences",
    "extract_document",
    "components_for",
    "check_components",
    "DEFAULT_COMPONENTS",
]
