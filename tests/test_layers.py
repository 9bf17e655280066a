"""Imports run one way: no module of newsgraph imports one from a layer above its own.

The layers, bottom first, are listed once, here (``ARCHITECTURE.md`` draws them).  A
unit is a top-level module or subpackage of ``newsgraph``; every import counts, the
ones inside functions (imported on first use) and under ``TYPE_CHECKING`` too.  Within
a layer, units may import each other, but not in a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsgraph"

LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("records, settings, errors", frozenset({
        "records", "settings", "errors", "closing", "textnorm", "version",
    })),
    ("stages", frozenset({
        "sources", "extract", "nlp", "actors", "eventdates", "events", "geo", "tone",
    })),
    ("executors and the store", frozenset({"runners", "store"})),
    ("analysis", frozenset({"stories", "export"})),
    ("the ingest chain", frozenset({"ingest"})),
    ("surfaces", frozenset({"cli", "web", "__init__", "__main__"})),
)  # fmt: skip
LAYER_OF = {unit: i for i, (_, units) in enumerate(LAYERS) for unit in units}


def modules() -> Iterator[tuple[str, Path]]:
    """(dotted name, file) of every module of the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def imports(name: str, path: Path) -> Iterator[tuple[str, int, str | None]]:
    """(imported newsgraph module, line, name imported from it or None) of a module."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "newsgraph":
                    yield alias.name, node.lineno, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "newsgraph":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if (PACKAGE.parent / sub.replace(".", "/")).with_suffix(".py").is_file() or (
                    PACKAGE.parent / sub.replace(".", "/") / "__init__.py"
                ).is_file():
                    yield sub, node.lineno, None
                else:
                    yield target, node.lineno, alias.name


def unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_unit_has_a_layer() -> None:
    units = {unit(name) for name, _ in modules()}
    assert units - set(LAYER_OF) == set(), "give these units a layer in LAYERS"
    assert set(LAYER_OF) - units == set(), "these units are gone: take them out of LAYERS"


def test_no_module_imports_one_above_it() -> None:
    uphill = []
    for name, path in modules():
        mine = LAYER_OF[unit(name)]
        for target, line, _ in imports(name, path):
            theirs = LAYER_OF[unit(target)]
            if theirs > mine:
                uphill.append(
                    f"{path.relative_to(PACKAGE)}:{line} imports {target} "
                    f"({LAYERS[theirs][0]}, above {LAYERS[mine][0]})"
                )
    assert uphill == []


def test_units_of_a_layer_import_each_other_without_cycles() -> None:
    graph: dict[str, set[str]] = {}
    for name, path in modules():
        for target, _, _ in imports(name, path):
            if unit(target) != unit(name):
                graph.setdefault(unit(name), set()).add(unit(target))

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = sorted(u for u in graph if reaches(u, u, {u}))
    assert cycles == []


OWN_PRIVATE = ("newsgraph.events", "newsgraph.actors", "newsgraph.extract", "newsgraph.geo")


def test_no_private_name_is_imported_across_modules() -> None:
    """``from x import _name`` only within one stage package (the stages keep their own
    helpers); the store, the chain and the surfaces share public names only."""
    found = []
    for name, path in modules():
        for target, line, imported in imports(name, path):
            if imported is None or not imported.startswith("_") or imported.startswith("__"):
                continue
            if name.startswith(OWN_PRIVATE) and target.startswith(name.rsplit(".", 1)[0]):
                continue
            found.append(f"{path.relative_to(PACKAGE)}:{line} imports {imported} from {target}")
    assert found == []
