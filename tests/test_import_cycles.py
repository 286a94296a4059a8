"""No import cycles between dyadwatch's modules, counting every import the source contains.

Lazy imports inside functions and ``if TYPE_CHECKING:`` imports count too: a cycle hidden that
way still means two modules cannot be understood (or tested) one without the other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import dyadwatch

PACKAGE_DIR = Path(dyadwatch.__file__).resolve().parent
# Covers the whole package except dyadwatch.store, whose cycles go once the store branch lands.
EXEMPT_PREFIX = "dyadwatch.store."


def module_names(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package is its __init__)."""
    names: dict[str, Path] = {}
    for path in root.rglob("*.py"):
        parts = ("dyadwatch", *path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imported_modules(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The package modules ``name`` imports anywhere in its source."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _longest_known(alias.name, known)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, name, is_package)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in known else from_base(base, known)


def from_base(base: str, known: dict[str, Path]) -> str:
    return next(iter(_longest_known(base, known)), "")


def _absolute(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = name.split(".")
    anchor = parts if is_package else parts[:-1]
    anchor = anchor[: len(anchor) - (node.level - 1)]
    return ".".join([*anchor, *([node.module] if node.module else [])])


def _longest_known(dotted: str, known: dict[str, Path]) -> Iterator[str]:
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            yield candidate
            return


def import_graph(root: Path) -> dict[str, set[str]]:
    known = module_names(root)
    return {
        name: {m for m in imported_modules(name, path, known) if m and m != name}
        for name, path in known.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_sees_a_lazy_and_a_type_checking_cycle(tmp_path: Path) -> None:
    root = tmp_path / "dyadwatch"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "sub" / "a.py").write_text("def f():\n    from dyadwatch.sub import b\n")
    (root / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import f\n"
    )
    (root / "sub" / "c.py").write_text("import dyadwatch.sub.a\n")
    graph = import_graph(root)
    assert graph["dyadwatch.sub.a"] == {"dyadwatch.sub.b"}
    assert graph["dyadwatch.sub.b"] == {"dyadwatch.sub.a"}
    assert cycles(graph) == [["dyadwatch.sub.a", "dyadwatch.sub.b"]]


def test_no_import_cycle_between_modules() -> None:
    graph = import_graph(PACKAGE_DIR)
    assert len(graph) > 50 and "dyadwatch.coding.coder" in graph
    found = [c for c in cycles(graph) if not all(m.startswith(EXEMPT_PREFIX) for m in c)]
    assert found == [], f"import cycles: {found}"
