"""Documentation that a test keeps honest (datasette's and sqlite-utils' test_docs.py).

Every CLI command has help, an ``Example:`` block that runs that command, options with
help, and a section in the generated ``docs/cli-reference.md``; it and the generated
tables of environment.md and extending.md must be up to date. Every environment
variable the code reads, every declared setting, every registered component and every
exception class is documented. Every docs page is
linked from ``docs/index.md``, relative links resolve, and the ``passerelle ...`` lines
in the code blocks of every hand-written page name real commands and options.
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
# The pages of this area (their relative links are checked).
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


def test_generated_docs_are_up_to_date() -> None:
    diff = GENERATOR.stale_diff()
    assert not diff, f"generated docs are stale: run {GENERATOR.REGENERATE}\n" + diff[:3000]
    assert GENERATOR.check()


def test_check_detects_stale_files(tmp_path: Path) -> None:
    for page, block in GENERATOR.BLOCKS:
        (tmp_path / page).write_text(GENERATOR.render_page(DOCS / page, block), encoding="utf-8")
    (tmp_path / GENERATOR.REFERENCE).write_text(GENERATOR.render(), encoding="utf-8")
    assert GENERATOR.check(tmp_path)
    edits = [(GENERATOR.REFERENCE, "Usage:", "Usage :"), ("environment.md", "| `db.url` |", "|"),
             ("extending.md", "| `en` |", "| `de` |")]
    for page, old, new in edits:
        path = tmp_path / page
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        assert not GENERATOR.check(tmp_path), page
        assert GENERATOR.main(["--check", "--docs", str(tmp_path)]) == 1
        assert GENERATOR.main(["--docs", str(tmp_path)]) == 0
        assert GENERATOR.check(tmp_path)


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


_FENCE = re.compile(r"^\s*```[^\n]*\n(.*?)^\s*```", re.S | re.M)


def _invocations(text: str) -> list[list[str]]:
    """The argument lists of the ``passerelle ...`` lines inside the fenced code blocks.

    In a block with ``$`` prompts only the prompted lines count (the rest is output);
    synopsis lines (``[OPTIONS]``, ``SOURCE...``) are skipped, and a pipe or a
    redirection ends the command.
    """
    found = []
    for block in _FENCE.findall(text):
        lines = [line.strip() for line in block.splitlines()]
        if any(line.startswith("$ ") for line in lines):  # a console: the rest is output
            lines = [line[2:] for line in lines if line.startswith("$ ")]
        for line in lines:
            if not line.startswith("passerelle ") or "[" in line or "..." in line:
                continue
            words = shlex.split(line.split(" | ", 1)[0].split(" > ", 1)[0], comments=True)
            found.append(words[1:])
    return found


def _options(command: click.Command) -> dict[str, int]:
    """Every option string of ``command`` -> how many values follow it (0 for flags)."""
    table = {"--help": 0, "-h": 0}
    for param in command.params:
        if isinstance(param, click.Option):
            count = 0 if param.is_flag or param.count else param.nargs
            table.update(dict.fromkeys((*param.opts, *param.secondary_opts), count))
    return table


def _check_invocation(args: list[str]) -> None:
    """Fail unless ``passerelle ARGS`` names a real command and only its options."""
    group_options, rest = _options(GENERATOR._root_group()), list(args)
    while rest and rest[0].startswith("-"):  # options of the group, before the command
        option = rest.pop(0).split("=", 1)[0]
        assert option in group_options, f"`passerelle {' '.join(args)}`: unknown {option}"
        del rest[: group_options[option]]
    if not rest:
        return
    path = (rest[0],)
    assert path in dict(COMMANDS), f"no command `passerelle {rest[0]}`"
    known = _options(_command(path))
    used = {a.split("=", 1)[0] for a in rest[1:] if a.startswith("-") and a != "-"}
    assert used <= set(known), f"`passerelle {' '.join(args)}`: unknown {sorted(used - set(known))}"


@pytest.mark.parametrize("page", [p for p in PAGES if p != GENERATOR.REFERENCE])
def test_documented_command_lines_are_real(page: str) -> None:
    for args in _invocations(_read(page)):
        _check_invocation(args)


def test_quickstart_shows_commands() -> None:
    assert len(_invocations(_read("quickstart.md"))) >= 5


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("```console\n$ passerelle ingest a.txt --no-progress\nstored 1\n```\n", None),
        ("```\npasserelle ingest a.txt --bogus 1\n```\n", "unknown"),
        ("```console\n$ passerelle ingestt a.txt\n```\n", "no command"),
        ("```\npasserelle ingest SOURCE... [--db URL]\n```\n", None),
        ("```\npasserelle -s fetch.timeout 5 -v ingest a.txt --timeout 3\n```\n", None),
        ("```\npasserelle --bogus ingest a.txt\n```\n", "unknown"),
        ("```\npasserelle --help\n```\n", None),
    ],
)
def test_command_line_check_itself(page: str, problem: str | None) -> None:
    if problem is None:
        for args in _invocations(page):
            _check_invocation(args)
        return
    with pytest.raises(AssertionError, match=problem):
        for args in _invocations(page):
            _check_invocation(args)
