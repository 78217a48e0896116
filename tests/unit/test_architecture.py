"""The shape of the package: no import cycle, no module over 400 lines, layers pointing down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "bot"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def resolve(name: str) -> str | None:
    """The bot module an imported name lives in (a module, or the package that defines it)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def ancestors(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def imports_of(module: str) -> set[str]:
    """Every bot module `module` imports, anywhere in it (type-checking and local imports too).

    Importing `bot.a.b` also runs `bot/a/__init__.py` first, so the packages of an imported module
    count too — except the importer's own packages, which are already being imported.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    targets = {resolve(name) for name in found if name.split(".")[0] == "bot"}
    edges = set()
    for target in filter(None, targets):
        edges |= {target, *ancestors(target)} - ancestors(module) - {module}
    return edges


GRAPH = {module: imports_of(module) for module in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_in_bot():
    assert cycles(GRAPH) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


SOURCES = sorted(p.relative_to(PROJECT_ROOT) for folder in ("bot", "tests", "scripts")
                 for p in (PROJECT_ROOT / folder).rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("source", SOURCES, ids=str)
def test_no_module_over_400_lines(source):
    lines = len((PROJECT_ROOT / source).read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{source} has {lines} lines: split it by what it does"


# Who may import whom inside the gateway: telegram -> desk -> core; the console -> core.
FORBIDDEN = {
    "bot.gateway.core": ("bot.gateway.desk", "bot.gateway.telegram", "bot.gateway.console"),
    "bot.gateway.desk": ("bot.gateway.telegram", "bot.gateway.console"),
    "bot.gateway.console": ("bot.gateway.telegram", "bot.gateway.desk"),
}
LOWER_LAYERS = ("bot.db", "bot.cases", "bot.privacy", "bot.buttons", "bot.languages", "bot.clock",
                "bot.config", "bot.i18n", "bot.safety")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_dependencies_point_down(module):
    for layer, forbidden in FORBIDDEN.items():
        if module.startswith(layer):
            assert not {m for m in GRAPH[module] if m.startswith(forbidden)}, module
    if module.startswith(LOWER_LAYERS):
        assert not {m for m in GRAPH[module] if m.startswith("bot.gateway")}, module


def third_party_imports(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    return {name.split(".")[0] for name in names}


CHANNEL_FREE = ("bot.gateway.core", "bot.gateway.console", "bot.cases", "bot.db", "bot.privacy",
                "bot.buttons", "bot.nlg", "bot.actions", "bot.knowledge", "bot.estimate")


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith(CHANNEL_FREE)))
def test_only_the_telegram_channel_and_the_desk_know_telegram(module):
    assert "telegram" not in third_party_imports(module), module
