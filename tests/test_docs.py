"""Documentation that a test keeps honest (datasette's and sqlite-utils' test_docs.py).

Every CLI command has help, an ``Example:`` block that runs that command, options with
help, and a section in the generated ``docs/cli-reference.md``, which must be up to
date. Every environment variable the code reads, every declared setting, every
registered component and every exception class is documented. Every docs page is
linked from ``docs/index.md``, relative links resolve, and the ``$ passerelle ...``
lines of the hand-written pages name real commands and options.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
import shlex
import textwrap
from pathlib import Path
from types import ModuleType

import click
import pytest

import passerelle
from passerelle import errors, registry, settings
from passerelle.extract import DEFAULT_COMPONENTS, load_builtins

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PACKAGE = ROOT / "passerelle"
# Hand-written pages whose "$ passerelle ..." lines are checked against the CLI.
OWN_PAGES = ("index.md", "quickstart.md", "architecture.md", "environment.md",
             "extending.md", "changelog.md")


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _load_generator()
COMMANDS = list(GENERATOR.iter_commands())
PATHS = [path for path, _ in COMMANDS]
IDS = [" ".join(path) for path in PATHS]


def _command(path: tuple[str, ...]) -> click.Command:
    return dict(COMMANDS)[path]


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# --- CLI ---------------------------------------------------------------------------


def test_the_walk_finds_the_core_commands() -> None:
    assert {("ingest",), ("extract",), ("export",), ("info",), ("eval",), ("serve",)} <= set(
        PATHS
    )


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_command_has_help(path: tuple[str, ...]) -> None:
    command = _command(path)
    assert (command.help or "").strip(), f"`passerelle {' '.join(path)}` has no help text"
    assert command.get_short_help_str().strip()


def _example_problem(help_text: str, path: tuple[str, ...]) -> str | None:
    """Why the ``Example:`` block of this help text is missing or wrong (None: fine)."""
    command = f"passerelle {' '.join(path)}"
    if "Example:" not in help_text:
        return f"`{command} --help` has no Example: block"
    block = help_text.split("Example:", 1)[1].split("\nOptions:", 1)[0]
    if not re.search(rf"^\s+{re.escape(command)}(\s|$)", block, re.M):
        return f"the Example: block of `{command}` never runs that command"
    return None


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_command_help_has_example_running_it(path: tuple[str, ...]) -> None:
    problem = _example_problem(GENERATOR.help_text(path), path)
    assert problem is None, problem


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Usage: x\n\n  Does x.\n\n  Example:\n\n      passerelle info --db a\n", True),
        ("Usage: x\n\n  Does x.\n\nOptions:\n  --db URL\n", False),
        ("Usage: x\n\n  Example:\n\n      passerelle information\n", False),
        ("Usage: x\n\n  Example:\n      see the docs\nOptions:\n  passerelle info\n", False),
    ],
)
def test_example_check_itself(text: str, ok: bool) -> None:
    assert (_example_problem(text, ("info",)) is None) is ok


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_option_has_help(path: tuple[str, ...]) -> None:
    bare = [p.opts[0] for p in _command(path).params
            if isinstance(p, click.Option) and not (p.help or "").strip()]
    assert not bare, f"`passerelle {' '.join(path)}` options without help: {bare}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_command_is_in_the_reference(path: tuple[str, ...]) -> None:
    assert f"## `passerelle {' '.join(path)}`" in _read("cli-reference.md")


def test_cli_reference_is_up_to_date() -> None:
    diff = GENERATOR.stale_diff()
    assert not diff, (
        f"docs/cli-reference.md is stale: run {GENERATOR.REGENERATE}\n" + diff[:3000]
    )
    assert GENERATOR.check()


def test_check_detects_stale_files(tmp_path: Path) -> None:
    reference, environment = tmp_path / "cli-reference.md", tmp_path / "environment.md"
    reference.write_text(GENERATOR.render(), encoding="utf-8")
    environment.write_text(GENERATOR.render_environment(), encoding="utf-8")
    assert GENERATOR.check(reference, environment)
    args = ["--output", str(reference), "--environment", str(environment)]
    for path, old, new in ((reference, "Usage:", "Usage :"), (environment, "| `db.url` |", "|")):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        assert not GENERATOR.check(reference, environment)
        assert GENERATOR.main(["--check", *args]) == 1
        assert GENERATOR.main(args) == 0
        assert GENERATOR.check(reference, environment)


# --- environment variables and settings ----------------------------------------------

_ENV_READ = re.compile(
    r"""(?:\.get\(|environ\[|env\[|getenv\(|envvar=)\s*["'](PASSERELLE_[A-Z0-9_]+)["']"""
)


def _env_vars_read() -> list[str]:
    """``PASSERELLE_*`` names read through ``environ``/``env`` lookups or click's envvar=.

    Variables of declared settings are read generically (``Setting.env``); they are
    covered through ``settings.ENVIRONMENT``.
    """
    found = set()
    for path in PACKAGE.rglob("*.py"):
        found.update(_ENV_READ.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


ENV_READ = _env_vars_read()


def test_the_env_scan_finds_what_settings_reads() -> None:
    assert "PASSERELLE_DB" in ENV_READ and "PASSERELLE_DATA_DIR" in ENV_READ


@pytest.mark.parametrize("name", sorted(set(ENV_READ) | set(settings.ENVIRONMENT)))
def test_environment_variable_is_documented(name: str) -> None:
    assert f"`{name}`" in _read("environment.md"), f"{name} is not in docs/environment.md"


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=[s.name for s in settings.SETTINGS])
def test_setting_is_documented_with_its_default(setting: settings.Setting) -> None:
    rows = [line for line in _read("environment.md").splitlines()
            if line.startswith(f"| `{setting.name}` |")]
    assert rows, f"setting {setting.name} has no row in docs/environment.md"
    assert f"`{setting.default!r}`" in rows[0], (
        f"docs/environment.md gives another default for {setting.name} "
        f"(declared: {setting.default!r})"
    )


# --- components and errors -------------------------------------------------------------


def _registered_components() -> list[str]:
    """Every component passerelle itself registers (tests may register their own)."""
    load_builtins()
    for package in ("passerelle.extract", "passerelle.geo", "passerelle.ingest"):
        pkg = importlib.import_module(package)
        for info in pkgutil.walk_packages(pkg.__path__, package + "."):
            importlib.import_module(info.name)
    return [name for name in registry.names()
            if getattr(registry.get(name), "__module__", "").startswith("passerelle.")]


COMPONENTS = _registered_components()


def test_components_include_the_defaults() -> None:
    defaults = {name for steps in DEFAULT_COMPONENTS.values() for name in steps.values()}
    assert defaults and defaults <= set(COMPONENTS)


@pytest.mark.parametrize("name", COMPONENTS)
def test_component_is_documented(name: str) -> None:
    assert f"`{name}`" in _read("extending.md"), f"component {name} is not in docs/extending.md"


def _defaults_rows() -> dict[str, list[str]]:
    """The rows of the "Which component runs" table of extending.md, by language."""
    text = _read("extending.md").split("## Which component runs", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in text.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if line.startswith("| `"):
            rows[cells[0]] = cells[1:]
    return rows


def test_default_components_table_matches_the_code() -> None:
    from passerelle.extract import STEPS

    expected = {lang: [steps.get(step, "—") for step in STEPS]
                for lang, steps in DEFAULT_COMPONENTS.items()}
    assert _defaults_rows() == expected, (
        "the table under 'Which component runs' in docs/extending.md differs from "
        f"passerelle.extract.DEFAULT_COMPONENTS (steps {STEPS}): {expected}"
    )


def test_extending_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", _read("extending.md"), re.S)
    assert blocks, "docs/extending.md lost its example"
    try:
        exec(compile(textwrap.dedent(blocks[-1]), "docs/extending.md", "exec"),
             {"__name__": "docs_extending"})
    finally:  # the example's component must not leak into other tests' registry.names()
        registry._REGISTRY.pop("people.de.v1", None)


@pytest.mark.parametrize("name", errors.__all__)
def test_exception_is_in_the_architecture_page(name: str) -> None:
    assert name in _read("architecture.md")


def test_version_has_a_changelog_entry() -> None:
    assert f"## {passerelle.__version__}" in _read("changelog.md")


# --- pages and links -------------------------------------------------------------------

PAGES = sorted(p.name for p in DOCS.glob("*.md"))


@pytest.mark.parametrize("page", [p for p in PAGES if p != "index.md"])
def test_page_is_linked_from_the_index(page: str) -> None:
    assert f"]({page})" in _read("index.md"), f"docs/index.md does not link {page}"


_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", OWN_PAGES)
def test_relative_links_resolve(page: str) -> None:
    targets = [t for t in _LINK.findall(_read(page)) if "://" not in t]
    missing = [t for t in targets if not (DOCS / t).exists()]
    assert not missing, f"docs/{page} links to missing files: {missing}"


def _invocations(text: str) -> list[list[str]]:
    """The argument lists of the ``$ passerelle ...`` lines of a page."""
    lines = [line.split("$ passerelle", 1)[1] for line in text.splitlines()
             if line.lstrip().startswith("$ passerelle")]
    return [shlex.split(line.split("|", 1)[0].split(">", 1)[0], comments=True)
            for line in lines]


def _check_invocation(args: list[str]) -> None:
    group = GENERATOR._root_group()
    known = {o for p in group.params for o in (*p.opts, *p.secondary_opts)}
    args = [a for a in args if a not in known]
    path = tuple(args[:1])
    assert path in dict(COMMANDS), f"no command `passerelle {args[0]}`"
    params = _command(path).params
    known |= {o for p in params for o in (*p.opts, *p.secondary_opts)} | {"--help", "-h"}
    used = {a.split("=", 1)[0] for a in args if a.startswith("-")}
    assert used <= known, f"`passerelle {' '.join(args)}`: unknown {sorted(used - known)}"


@pytest.mark.parametrize("page", OWN_PAGES)
def test_documented_command_lines_are_real(page: str) -> None:
    for args in _invocations(_read(page)):
        _check_invocation(args)


def test_quickstart_shows_commands() -> None:
    assert len(_invocations(_read("quickstart.md"))) >= 5
