"""The layering holds: no import cycle among govern's packages, no private name imported across a
package boundary, and the domain core (and the service over it) never reaches a web framework.

Imports are read with `ast` (lazy imports inside functions count too). The checks run on the real
package and, to show they can fail, on small synthetic trees that break each rule.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import govern

FRAMEWORKS = ("fastapi", "starlette")
CORE = ("policy", "checks", "access", "drafts", "moderation", "service")


@dataclass(frozen=True)
class Import:
    module: str  # the module imported from (absolute)
    name: str | None  # the name imported from it (`from m import name`), None for `import m`
    line: int


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def read_imports(root: Path) -> dict[str, list[Import]]:
    """Every module under the package folder `root` and what it imports."""
    found: dict[str, list[Import]] = {}
    for path in sorted(root.rglob("*.py")):
        module = _module_name(root, path)
        imports: list[Import] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                imports += [Import(alias.name, None, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(module, path.name == "__init__.py", node)
                imports += [Import(source, alias.name, node.lineno) for alias in node.names]
        found[module] = imports
    return found


def unit(module: str) -> str:
    """The package a module belongs to: `govern.api.app` -> `govern.api`; `govern.cli` -> itself."""
    return ".".join(module.split(".")[:2])


def _internal(imported: Import, modules: dict[str, list[Import]]) -> str | None:
    """The module of the package an import reaches (a submodule imported by name included)."""
    if imported.name and f"{imported.module}.{imported.name}" in modules:
        return f"{imported.module}.{imported.name}"
    return imported.module if imported.module in modules else None


def cycles(modules: dict[str, list[Import]]) -> list[list[str]]:
    """The package-level import cycles (each strongly connected set of more than one package)."""
    graph: dict[str, set[str]] = {}
    for module, imports in modules.items():
        edges = graph.setdefault(unit(module), set())
        for imported in imports:
            target = _internal(imported, modules)
            if target and unit(target) != unit(module):
                edges.add(unit(target))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def private_imports(modules: dict[str, list[Import]]) -> list[str]:
    """`from other_package... import _name` (or a `_module`), across a package boundary."""
    out = []
    for module, imports in modules.items():
        for imported in imports:
            target = _internal(imported, modules)
            if target is None or unit(target) == unit(module):
                continue
            names = [*target.split(".")[2:], *([imported.name] if imported.name else [])]
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                out.append(f"{module}:{imported.line} imports {'.'.join([imported.module, *private[-1:]])}")
    return out


def _reaches(module: str, modules: dict[str, list[Import]]) -> Iterator[tuple[str, str]]:
    """(module, framework) for every framework import in `module`'s import closure."""
    seen, todo = {module}, [module]
    while todo:
        current = todo.pop()
        for imported in modules.get(current, []):
            top = imported.module.split(".")[0]
            if top in FRAMEWORKS:
                yield current, top
            target = _internal(imported, modules)
            if target and target not in seen:
                seen.add(target)
                todo.append(target)


def framework_leaks(modules: dict[str, list[Import]], package: str) -> list[str]:
    """Core modules whose imports (directly or through other govern modules) reach a framework."""
    core = {f"{package}.{name}" for name in CORE}
    out = []
    for module in modules:
        if unit(module) in core:
            out += [
                f"{module} reaches {framework} (in {where})" for where, framework in _reaches(module, modules)
            ]
    return sorted(set(out))


def problems(root: Path) -> list[str]:
    modules = read_imports(root)
    return [
        *(f"import cycle: {' <-> '.join(c)}" for c in cycles(modules)),
        *(f"private import across packages: {p}" for p in private_imports(modules)),
        *(f"framework in the core: {p}" for p in framework_leaks(modules, root.name)),
    ]


# Cycles still there, each with why; the list may only shrink: a cycle not listed fails, and so
# does a listed one that has gone (remove it from here).
KNOWN_CYCLES: set[str] = set()  # none left: the loader is handed the detectors' schemas


def test_govern_keeps_its_layers() -> None:
    found = problems(Path(govern.__file__).parent)
    assert [p for p in found if p not in KNOWN_CYCLES] == []
    assert KNOWN_CYCLES - set(found) == set(), "a known cycle has gone: remove it from KNOWN_CYCLES"


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "govern"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


CLEAN = {
    "policy/__init__.py": "",
    "policy/model.py": "X = 1\n_HIDDEN = 2\n",
    "policy/_yaml.py": "from govern.policy.model import _HIDDEN\n",  # private, but inside its package
    "service/__init__.py": "from govern.policy.model import X\n",
    "api/__init__.py": "",
    "api/app.py": "import fastapi\nfrom govern.service import X\n",
}


@pytest.mark.parametrize(
    "files,expected",
    [
        pytest.param({}, [], id="clean"),
        pytest.param(
            {"policy/model.py": "from govern.service import X\n_HIDDEN = 2\n"},
            ["import cycle: govern.policy <-> govern.service"],
            id="cycle",
        ),
        pytest.param(
            {"policy/model.py": "X = 1\n_HIDDEN = 2\n\ndef lazy():\n    from govern import service\n"},
            ["import cycle: govern.policy <-> govern.service"],
            id="lazy-import-cycle",
        ),
        pytest.param(
            {"api/app.py": "from govern.policy.model import _HIDDEN\n"},
            ["private import across packages: govern.api.app:1 imports govern.policy.model._HIDDEN"],
            id="private-name",
        ),
        pytest.param(
            {"api/app.py": "from govern.policy import _yaml\n"},
            ["private import across packages: govern.api.app:1 imports govern.policy._yaml"],
            id="private-module",
        ),
        pytest.param(
            {"service/__init__.py": "from starlette.requests import Request\n"},
            ["framework in the core: govern.service reaches starlette (in govern.service)"],
            id="framework-directly",
        ),
        pytest.param(
            {"service/__init__.py": "from govern.web import page\n", "web/__init__.py": "import fastapi\n"},
            ["framework in the core: govern.service reaches fastapi (in govern.web)"],
            id="framework-through-another-package",
        ),
    ],
)
def test_the_checks_find_what_breaks_the_layers(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    assert problems(_tree(tmp_path, {**CLEAN, **files})) == expected
