"""Versioned components, picked by name.

A component is registered under ``family.variant.vN`` (``people.en.v1``,
``geocode.gazetteer.v1``). A change of behaviour gets a new version; an old version
is never edited, so every record can name exactly what made it
(``Document.components``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from passerelle.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: dict[str, Callable[..., Any]] = {}


def register(name: str) -> Callable[[F], F]:
    """Decorator: register ``func`` under the versioned ``name``.

    Args:
        name: ``family.variant.vN``.

    Raises:
        ConfigError: if the name is taken by another object or lacks a version.
    """

    def deco(func: F) -> F:
        if not name.rsplit(".", 1)[-1].startswith("v"):
            raise ConfigError(f"component name {name!r} has no version", hint="end it with .v1")
        old = _REGISTRY.get(name)
        if old is not None and old is not func and getattr(old, "__qualname__", None) != getattr(
            func, "__qualname__", None
        ):
            raise ConfigError(f"component {name!r} is registered twice")
        _REGISTRY[name] = func
        return func

    return deco


def get(name: str) -> Callable[..., Any]:
    """The component registered as ``name``.

    Raises:
        ConfigError: listing the registered names of the same family.
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        family = name.split(".", 1)[0]
        known = sorted(n for n in _REGISTRY if n.startswith(family + ".")) or sorted(_REGISTRY)
        raise ConfigError(
            f"no component named {name!r}", hint=f"known: {', '.join(known) or 'none'}"
        ) from None


def names() -> list[str]:
    """All registered component names, sorted."""
    return sorted(_REGISTRY)
