"""The layering rule of docs/architecture.md, enforced: walk every import (module level, inside
functions and under TYPE_CHECKING alike) with ``ast`` and fail on an upward one or a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dyadwatch"

# A module may import its own layer and the layers below it, never one above.
LAYERS: list[set[str]] = [
    {
        "model",
        "errors",
        "settings",
        "registry",
        "filters",
        "filters_derived",
        "filter_masks",
        "files",
    },  # base: contracts and plumbing
    {"dictionaries"},  # data files and their loaders, used by nlp (prefilter) and up
    {"ingest"},
    {"nlp"},
    {"coding"},
    {"engine", "api", "evaluation", "verifier"},  # running the coder, and judging it
    {"store"},
    {"pipeline"},  # read -> decide -> code -> write -> cluster -> watch
    {"live"},  # follow sources: fetch -> extract -> pipeline (the watch hook passed in)
    {"analytics"},
    {"cli", "web", "__init__", "__main__"},  # interfaces
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str | None = None) -> set[str]:
    """Every dyadwatch module ``path`` (module ``name``) imports, wherever the import sits."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name or _module_name(path)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:  # `from pkg import module` imports the module
                name = f"{base}.{alias.name}"
                found.add(name if name in MODULES else base)
    return {name for name in found if name == "dyadwatch" or name.startswith("dyadwatch.")}


MODULES: dict[str, Path] = {}


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


MODULES.update({_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))})


def test_every_package_has_a_layer() -> None:
    assert {_top(m) for m in MODULES} - set(RANK) == set()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    here = RANK[_top(module)]
    upward = sorted(
        name for name in _imports(MODULES[module]) if name in MODULES and RANK[_top(name)] > here
    )
    assert upward == [], f"{module} (layer {here}) imports from a higher layer: {upward}"


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (module -> modules it imports), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycles() -> None:
    graph = {m: {n for n in _imports(p) if n in MODULES and n != m} for m, p in MODULES.items()}
    # a package's __init__ re-exporting its modules is not a cycle of design: drop parent links
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not module.startswith(t + ".")}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_find_cycle_sees_a_three_module_loop() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_count_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from dyadwatch.store import store\n"
        "def later():\n    import dyadwatch.pipeline\n",
        encoding="utf-8",
    )
    found = _imports(source, "dyadwatch.probe")
    assert {"dyadwatch.store.store", "dyadwatch.pipeline"} <= found
