"""The package's folders show its architecture: layers import one way, no cycles, no giant modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "src" / "release_nlp"
# What each layer may import of release_nlp (besides itself). The README's architecture section says the same.
ALLOWED = {
    "core": set(),
    "readers": {"core"},
    "io": {"core", "schema", "errors"},
    "nlp": {"core", "readers", "io", "schema", "errors"},
    "schema": set(),
    "errors": set(),
    "display": {"schema"},
    "api": {"core", "io", "nlp", "schema", "errors"},
    "batch": {"core", "io", "nlp", "api", "schema", "errors"},
    "dask": {"api", "schema"},
    "cli": {"core", "io", "nlp", "api", "batch", "display", "schema", "errors"},
    "__init__": {"api", "display", "errors", "io", "nlp", "schema"},
}


def _modules() -> dict[str, set[str]]:
    """Every module of the package and the release_nlp modules it imports."""
    names = {".".join(p.relative_to(ROOT).with_suffix("").parts) for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("release_nlp"):
                base = node.module.removeprefix("release_nlp").lstrip(".")
                for alias in node.names:
                    full = f"{base}.{alias.name}".lstrip(".")
                    deps.add(full if full in names else base or "__init__")
            elif isinstance(node, ast.Import):
                deps |= {a.name.removeprefix("release_nlp.") for a in node.names if a.name.startswith("release_nlp.")}
        graph[name] = {d for d in deps if d != name}
    return graph


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_layers_import_only_what_they_may() -> None:
    wrong = [(m, d) for m, deps in _modules().items() for d in deps
             if _layer(d) != _layer(m) and _layer(d) not in ALLOWED[_layer(m)]]
    assert wrong == []


def test_no_import_cycle() -> None:
    graph = _modules()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph.get(module, ())):
            if dep.endswith("__init__") or dep not in graph:
                continue
            if state.get(dep) == 1:
                cycles.append([*path, module, dep])
            elif dep not in state:
                visit(dep, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_top_level_is_small_and_subpackages_have_one_job() -> None:
    top = [p for p in ROOT.glob("*.py")]
    packages = [p for p in ROOT.iterdir() if (p / "__init__.py").exists()]
    assert len(top) <= 12
    assert len(packages) >= 3
    for package in packages:
        assert ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_over_600_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


def test_readme_names_every_subpackage() -> None:
    readme = (ROOT.parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    for package in ROOT.iterdir():
        if (package / "__init__.py").exists():
            assert f"`{package.name}/`" in section
