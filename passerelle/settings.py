"""Settings: each one declared once as (name, default, help), then layered.

``SETTINGS`` is the single list of tunable settings (datasette's ``SETTINGS`` is the
model). Their values come from four layers, each over the one before:

1. the defaults declared here;
2. a TOML file: ``--config FILE``, else ``$PASSERELLE_CONFIG``, else
   ``settings.toml`` in the user config dir (``~/.config/passerelle/`` on Linux);
3. environment variables (``PASSERELLE_DB``, ``PASSERELLE_FETCH_TIMEOUT``, ...);
4. ``-s KEY VALUE`` on the command line.

``load_config`` returns a ``Config`` that knows each value and where it came from;
``Config.check_components()`` checks ``extract.components`` against the registry
(the commands that extract call it at start-up, and ``Settings`` on construction);
``Config.ingest_options()`` and ``Config.pipeline_settings()`` build the option
objects the ingest and the pipeline take. ``Settings`` is the pipeline's options
object, validated once on construction (trafilatura's ``Extractor`` is the model).

Example ``settings.toml``::

    [db]
    url = "postgresql+psycopg://kb@localhost/kb"

    [fetch]
    timeout = 10
    user_agent = "my-lab-bot/1.0 (+https://lab.example/bot)"

    [extract.components.fr]
    events = "events.fr.v1"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from passerelle.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One declared setting.

    Attributes:
        name: dotted path, ``section.key`` (the TOML table and key).
        default: value when no layer sets it.
        help: one line for ``passerelle info`` and the documentation.
        type: ``str``, ``int``, ``float``, ``bool`` or ``dict``.
        env: the environment variable that sets it (``PASSERELLE_SECTION_KEY``).
    """

    name: str
    default: Any
    help: str
    type: type = str
    env: str = ""

    def __post_init__(self) -> None:
        if not self.env:
            object.__setattr__(self, "env", "PASSERELLE_" + self.name.upper().replace(".", "_"))


SETTINGS: tuple[Setting, ...] = (
    Setting("db.url", None, "Database URL; empty: a SQLite file in the user data dir.",
            env="PASSERELLE_DB"),
    Setting("fetch.timeout", 20.0, "Seconds to wait for an HTTP answer.", float),
    Setting("fetch.retries", 3, "Attempts per URL for timeouts, 429 and 5xx answers.", int),
    Setting("fetch.user_agent", "", "User agent sent and matched against robots.txt "
            "(empty: passerelle's own).", str),
    Setting("fetch.max_bytes", 20_000_000, "Larger files and answers are refused.", int),
    Setting("fetch.respect_robots", True, "Ask robots.txt before fetching a URL.", bool),
    Setting("web.host", "127.0.0.1", "Address `passerelle serve` binds.", str),
    Setting("web.port", 8000, "TCP port of `passerelle serve`.", int),
    Setting("extract.components", {}, "Component overrides: {language: {step: component}}.",
            dict),
    Setting("pipeline.progress", True, "Progress bar with counts and rate on stderr.", bool),
    Setting("pipeline.workers", 0, "Dask worker processes for extraction; 0: serial.", int),
    Setting("pipeline.scheduler", None, "Address of a running Dask scheduler (tcp://host:port)."),
    Setting("store.near_duplicate_jaccard", 0.6,
            "Smallest Jaccard similarity of word 3-shingles of a near-duplicate.", float),
    Setting("store.raw", True, "Keep the raw input bytes (compressed) in raw_inputs.", bool),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}

ENVIRONMENT: dict[str, str] = {
    **{s.env: f"Sets `{s.name}`: {s.help}" for s in SETTINGS},
    "PASSERELLE_CONFIG": "Settings file to read instead of the user's settings.toml.",
    "PASSERELLE_DATA_DIR": "Directory of the default SQLite file (default: the user data dir).",
    "PASSERELLE_TOKEN": "Secret the web app requires for writes (passerelle serve --token).",
    "PASSERELLE_SHARED": "Path of the shared corpus used by tests (default: ../shared).",
    "CI": "When set, tests fail instead of skipping when PostgreSQL or ../shared is missing.",
}

_CHECKS: dict[str, tuple[Any, str]] = {
    "fetch.timeout": (lambda v: v > 0, "must be positive"),
    "fetch.retries": (lambda v: v >= 1, "must be at least 1"),
    "fetch.max_bytes": (lambda v: v > 0, "must be positive"),
    "web.port": (lambda v: 0 < v < 65536, "must be a TCP port (1-65535)"),
    "pipeline.workers": (lambda v: v >= 0, "must be 0 (serial) or more"),
    "store.near_duplicate_jaccard": (lambda v: 0.0 < v <= 1.0, "must be in (0, 1]"),
    "extract.components": (lambda v: _is_component_table(v),
                           "must map a language to a table of step = component name"),
}


# --- the pipeline's options object ------------------------------------------------------------


@dataclass
class Settings:
    """The options object passed to the pipeline and the store.

    Attributes mirror the ``pipeline.*``, ``store.*`` and ``extract.*`` settings;
    unknown names raise ``ConfigError``.
    """

    db_url: str | None = None
    near_duplicate_jaccard: float = 0.6
    store_raw: bool = True
    workers: int = 0
    scheduler: str | None = None
    progress: bool = True
    components: dict[str, dict[str, str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 < self.near_duplicate_jaccard <= 1.0:
            raise ConfigError("near_duplicate_jaccard must be in (0, 1]", hint="try 0.6")
        if self.workers < 0:
            raise ConfigError(f"workers={self.workers} is negative", hint="use 0 for serial")
        check_components(self.components)

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Settings:
        """Build settings from a mapping, rejecting unknown keys.

        Raises:
            ConfigError: naming the unknown key and listing the valid ones.
        """
        known = {f.name for f in fields(cls)} - {"extra"}
        for key in values:
            if key not in known:
                hint = f"known: {', '.join(sorted(known))}"
                raise ConfigError(f"unknown setting {key!r}", hint=hint)
        return cls(**values)


# --- layered configuration ---------------------------------------------------------------------


@dataclass
class Config:
    """Effective settings: each value and the layer it came from.

    Attributes:
        values: setting name -> value.
        origins: setting name -> ``default``, ``file <path>``, ``env <VAR>`` or ``-s``.
        file: the settings file read, if any.
    """

    values: dict[str, Any]
    origins: dict[str, str]
    file: Path | None = None

    def __getitem__(self, name: str) -> Any:
        if name not in self.values:
            raise ConfigError(f"unknown setting {name!r}", hint=_valid_names())
        return self.values[name]

    def rows(self) -> list[tuple[str, Any, str]]:
        """``(name, value, origin)`` for every setting, in declaration order."""
        return [(s.name, self.values[s.name], self.origins[s.name]) for s in SETTINGS]

    def check_components(self) -> None:
        """Check that ``extract.components`` names only registered components.

        The commands that extract call this at start-up (``passerelle.cli._group``).

        Raises:
            ConfigError: naming the unknown component or step, listing the known ones.
        """
        check_components(self["extract.components"])

    def ingest_options(self, **overrides: Any) -> Any:
        """An ``IngestOptions`` from the ``fetch.*`` settings; ``None`` overrides are ignored."""
        from passerelle.ingest.options import IngestOptions

        values = {
            "timeout": self["fetch.timeout"], "retries": self["fetch.retries"],
            "max_bytes": self["fetch.max_bytes"], "respect_robots": self["fetch.respect_robots"],
        }
        if self["fetch.user_agent"]:
            values["user_agent"] = self["fetch.user_agent"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return IngestOptions(**values)

    def pipeline_settings(self, **overrides: Any) -> Settings:
        """A ``Settings`` from the pipeline/store/extract settings; ``None`` overrides ignored."""
        values = {
            "db_url": self["db.url"], "workers": self["pipeline.workers"],
            "scheduler": self["pipeline.scheduler"], "progress": self["pipeline.progress"],
            "near_duplicate_jaccard": self["store.near_duplicate_jaccard"],
            "store_raw": self["store.raw"], "components": self["extract.components"],
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return Settings(**values)


def load_config(
    config_file: str | Path | None = None,
    overrides: Iterable[tuple[str, str]] = (),
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Layer defaults, the settings file, the environment and ``-s`` overrides.

    Args:
        config_file: a TOML file; ``None``: ``$PASSERELLE_CONFIG`` or the user's file.
        overrides: ``(name, text)`` pairs, as given to ``-s``; they win over everything.
        environ: the environment (``os.environ`` when ``None``).

    Raises:
        ConfigError: unreadable file, unknown key (named with its path, valid ones
            listed), or a value of the wrong type or range.
    """
    env = os.environ if environ is None else environ
    config = Config({s.name: s.default for s in SETTINGS}, dict.fromkeys(BY_NAME, "default"))
    path = _settings_file(config_file, env)
    if path is not None:
        config.file = path
        _apply(config, _read_toml(path), f"file {path}", parse=False)
    for setting in SETTINGS:
        if env.get(setting.env) is not None:
            _apply(config, {setting.name: env[setting.env]}, f"env {setting.env}", parse=True)
    for name, text in overrides:
        _apply(config, _nest(name, text), "-s", parse=True)
    return config


def user_config_path() -> Path:
    """``settings.toml`` in the user config dir (``~/.config/passerelle/`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("passerelle")) / "settings.toml"


def _settings_file(config_file: str | Path | None, env: Mapping[str, str]) -> Path | None:
    if config_file is None and env.get("PASSERELLE_CONFIG"):
        config_file = env["PASSERELLE_CONFIG"]
    if config_file is not None:
        path = Path(config_file).expanduser()
        if not path.is_file():
            raise ConfigError(f"settings file {path} does not exist",
                              hint="check the path given to --config or PASSERELLE_CONFIG")
        return path
    path = user_config_path()
    return path if path.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}", hint="fix the line named") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}") from exc


def _nest(name: str, text: str) -> dict[str, Any]:
    """``-s extract.components.fr.events NAME`` sets one entry of a table setting."""
    for setting in SETTINGS:
        prefix = setting.name + "."
        if setting.type is dict and name.startswith(prefix):
            path = name[len(prefix):].split(".")
            return {setting.name: _nested_value(path, text)}
    return {name: text}


def _nested_value(path: list[str], leaf: Any) -> dict[str, Any]:
    value = leaf
    for key in reversed(path):
        value = {key: value}
    return value


def _apply(config: Config, table: Mapping[str, Any], origin: str, *, parse: bool) -> None:
    for name, value in _flatten(table, origin):
        setting = BY_NAME[name]
        value = _parse(setting, value, origin) if parse else value
        value = _checked(setting, value, origin)
        if setting.type is dict and origin == "-s":
            value = _merge(config.values[name], value)
        config.values[name] = value
        config.origins[name] = origin


def _flatten(table: Mapping[str, Any], origin: str, prefix: str = "") -> Iterable[tuple[str, Any]]:
    """Yield ``(setting name, value)`` from nested TOML tables; unknown keys raise."""
    for key, value in table.items():
        path = prefix + key
        if path in BY_NAME:
            yield path, value
        elif isinstance(value, dict) and any(n.startswith(path + ".") for n in BY_NAME):
            yield from _flatten(value, origin, path + ".")
        else:
            raise ConfigError(f"unknown setting {path!r} (from {origin})", hint=_valid_names())


def _valid_names() -> str:
    return "valid settings: " + ", ".join(BY_NAME)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _parse(setting: Setting, value: Any, origin: str) -> Any:
    """Turn the text of an environment variable or ``-s`` into the setting's type."""
    if not isinstance(value, str):
        return value  # a nested table from -s extract.components.LANG.STEP
    text = value.strip()
    try:
        if setting.type is bool and text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        if setting.type in (int, float):
            return setting.type(text)
        if setting.type is dict:
            return tomllib.loads(f"v = {text}")["v"] if text else {}
    except (ValueError, tomllib.TOMLDecodeError):
        pass
    else:
        if setting.type is str:
            return text or None if setting.default is None else text
    raise ConfigError(f"setting {setting.name!r} (from {origin}): cannot read {value!r} "
                      f"as {setting.type.__name__}", hint=f"default is {setting.default!r}")


def _checked(setting: Setting, value: Any, origin: str) -> Any:
    if setting.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    allowed_none = setting.default is None and value is None
    if not allowed_none and type(value) is not setting.type:
        raise ConfigError(
            f"setting {setting.name!r} (from {origin}) must be {setting.type.__name__}, "
            f"not {type(value).__name__} {value!r}", hint=setting.help)
    check = _CHECKS.get(setting.name)
    if check and value is not None and not check[0](value):
        raise ConfigError(f"setting {setting.name!r} (from {origin}) {check[1]}, got {value!r}",
                          hint=setting.help)
    return value


def check_components(components: Mapping[str, Mapping[str, str]]) -> None:
    """Check component overrides against the registry (see ``passerelle.extract``).

    Imports the extraction package only when there is something to check, so that
    settings without overrides stay cheap to build.

    Raises:
        ConfigError: naming the unknown component or step, listing the known ones.
    """
    if components:
        from passerelle.extract import check_components as check

        check(components)


def _is_component_table(value: Any) -> bool:
    return all(
        isinstance(steps, dict) and all(isinstance(c, str) for c in steps.values())
        for steps in value.values()
    )


def _merge(base: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    merged = {k: dict(v) for k, v in base.items()}
    for lang, steps in new.items():
        merged.setdefault(lang, {}).update(steps)
    return merged


# --- paths -------------------------------------------------------------------------------------


def data_dir() -> Path:
    """The directory of passerelle's default files ($PASSERELLE_DATA_DIR or the user data dir)."""
    env = os.environ.get("PASSERELLE_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("passerelle"))


def default_db_url() -> str:
    """The database URL used when none is given: $PASSERELLE_DB, else a SQLite file."""
    env = os.environ.get("PASSERELLE_DB")
    if env:
        return env
    return f"sqlite:///{data_dir() / 'passerelle.sqlite'}"


__all__ = [
    "Setting", "SETTINGS", "ENVIRONMENT", "Settings", "Config", "load_config",
    "user_config_path", "data_dir", "default_db_url",
]
