"""The library's layout is its architecture: geo/'s subpackages import only downwards along the
data flow (README, "Layout"), no modules import each other in a circle, no module of geo/
imports Streamlit, and no module of geo/ or pages/ is longer than a reader can hold (about
400 lines)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: geo/'s parts from the bottom up: each may import those before it, never one after it.
#: "" is geo/'s own modules (crs, projection, measure, paths, atomic): the foundations.
LAYERS = ["", "data", "ingest", "pace", "scenario", "maps", "update", "cli"]
#: ingest reads files for the layers above it; pace and scenario do not read files.
NOT_IMPORTING = {("pace", "ingest"), ("scenario", "ingest"), ("maps", "ingest")}
MAX_LINES = 400


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _part(module: str) -> str:
    """The layer of a dotted module name inside geo ("" for geo's own modules)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def _dotted(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    return ".".join(part for part in relative.parts if part != "__init__")


def _geo_imports(path: Path) -> set[str]:
    """The geo modules ``path`` imports (``from geo.x import y`` and ``from geo import x``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "geo" or node.module.removeprefix("geo.") in LAYERS:
                # a package's names: its modules, or what its __init__ defines
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif node.module.startswith("geo."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("geo."))
    return found


def _imports_upwards() -> list[str]:
    wrong = []
    for path in _modules("geo"):
        module = _dotted(path)
        if module == "geo.__main__":
            continue  # ``python -m geo`` stands on the CLI by design
        part = _part(module)
        for imported in _geo_imports(path):
            target = _part(imported)
            if (LAYERS.index(target) > LAYERS.index(part)
                    or (part, target) in NOT_IMPORTING):
                wrong.append(f"{module} imports {imported}")
    return wrong


def test_geo_subpackages_import_only_downwards_along_the_data_flow():
    assert _imports_upwards() == []


def _module_of(imported: str, modules: set[str]) -> str | None:
    """The module of geo that an imported name lives in (a name of a package's face is the
    package's ``__init__``)."""
    while imported and imported not in modules:
        imported = imported.rpartition(".")[0]
    return imported or None


def _circles() -> list[list[str]]:
    """Loops of modules that import each other, type-only imports included."""
    paths = {_dotted(path): path for path in _modules("geo")}
    graph = {module: {target for imported in _geo_imports(path)
                      if (target := _module_of(imported, set(paths))) not in (None, module)}
             for module, path in paths.items()}
    found, done = [], set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            found.append(trail[trail.index(module):] + [module])
            return
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, trail + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return found


def test_no_modules_of_geo_import_each_other_in_a_circle():
    assert _circles() == []


def test_every_layer_is_a_package_of_geo():
    assert [p.name for p in sorted((ROOT / "geo").iterdir())
            if (p / "__init__.py").is_file()] == sorted(LAYERS[1:])


def _top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_of_geo_imports_streamlit():
    assert [str(path.relative_to(ROOT)) for path in _modules("geo")
            if {"streamlit", "streamlit_folium"} & _top_level_imports(path)] == []


@pytest.mark.parametrize("folder", ["geo", "pages"])
def test_no_module_is_longer_than_about_400_lines(folder):
    long = {str(path.relative_to(ROOT)): n for path in _modules(folder)
            if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert long == {}
