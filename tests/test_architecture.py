"""The package's import graph, read from the source (imports inside functions included): layers point down only,
and no module reaches itself again through its imports.

The layers, lowest first (docs/architecture.md says why): core < schema < io < text < semantics < use < release
< cli (the command line, `__main__` and the package root, the public API). A module may import its own layer and
those below; an import inside a function is an import all the same, so a cycle cannot hide in one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tongxiang_digital_economy

PACKAGE = "tongxiang_digital_economy"
ROOT = Path(tongxiang_digital_economy.__file__).parent
LAYERS = ["core", "schema", "io", "text", "semantics", "use", "release", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join([PACKAGE, *parts])


def layer(module: str) -> str:
    """The layer of a module of the package: its first sub-package, or cli for the top-level modules."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS[:-1] else "cli"


def imported(path: Path, module: str) -> set[str]:
    """The package's modules `path` imports, at any depth of its code (`from . import x` names module x)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith(PACKAGE))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith(PACKAGE):
                continue
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in ROOT.rglob("*.py")}
    return {name: imported(path, name) & modules.keys() - {name} for name, path in modules.items()}


def test_the_graph_is_read_from_the_source() -> None:
    edges = graph()
    assert f"{PACKAGE}.semantics.validation" in edges
    assert f"{PACKAGE}.io.reader" in edges[f"{PACKAGE}.semantics.validation"]
    assert f"{PACKAGE}.core.report" in edges[f"{PACKAGE}.io.reader"]


def test_the_views_are_put_together_from_one_module_per_concept() -> None:
    """semantics.views builds each table's view from the modules that each hold one concept (joins, the quotes' and
    the sources' readings, agreement, corroboration), and only the validation and `tde.schema` build views."""
    edges = graph()
    concepts = {"joins", "quotes", "source_readings", "agreement", "corroboration"}
    assert {f"{PACKAGE}.semantics.{c}" for c in concepts} <= edges[f"{PACKAGE}.semantics.views"]
    builders = {a for a, targets in edges.items() if f"{PACKAGE}.semantics.views" in targets}
    assert builders == {f"{PACKAGE}.semantics.validation", f"{PACKAGE}.semantics.dataframe_schema"}


def test_layers_point_down_only() -> None:
    upward = [
        f"{a} -> {b}"
        for a, targets in graph().items()
        for b in targets
        if LAYERS.index(layer(b)) > LAYERS.index(layer(a))
    ]
    assert upward == [], "imports pointing up a layer:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, [*stack, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_an_import_inside_a_function_is_an_import(tmp_path: Path) -> None:
    source = tmp_path / "views.py"
    source.write_text("def f():\n    from .rules import RULES\n    from ..core import report\n", encoding="utf-8")
    found = imported(source, f"{PACKAGE}.semantics.views")
    assert {f"{PACKAGE}.semantics.rules", f"{PACKAGE}.core.report"} <= found
    assert LAYERS.index(layer(f"{PACKAGE}.semantics.rules")) > LAYERS.index(layer(f"{PACKAGE}.core.problems"))


def target_of(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module a `from … import` reads from."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def re_exports() -> set[tuple[str, str]]:
    """(module, name) for each name a module of the package imports only to offer it (`from .x import a as a`)."""
    out: set[tuple[str, str]] = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                out.update((module_name(path), a.name) for a in node.names if a.asname == a.name)
    return out


def moved_names_read(path: Path, offered: set[tuple[str, str]]) -> list[str]:
    """The names `path` reads through a module that only re-exports them, imported by name or as the module's
    attribute (`from . import citations` … `citations.as_text`)."""
    module, is_package = module_name(path), path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, str] = {}  # a local name -> the package's module it is bound to
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = target_of(node, module, is_package)
            for a in node.names:
                if (target, a.name) in offered:
                    found.append(f"{module} imports {a.name} from {target}")
                modules[a.asname or a.name] = f"{target}.{a.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            home = modules.get(node.value.id)
            if home is not None and (home, node.attr) in offered:
                found.append(f"{module} reads {home}.{node.attr}")
    return found


def test_the_library_reads_a_moved_name_from_its_home() -> None:
    """Review 13 R9: a name a module re-exports after a split (`from .citation_formats import as_text as as_text`,
    kept so the tests' imports still work) is read by the library from its new home, so the old one can lose it."""
    offered = {(m, n) for m, n in re_exports() if m != PACKAGE}  # the package root's are the public API
    found = [line for path in sorted(ROOT.rglob("*.py")) for line in moved_names_read(path, offered)]
    assert found == []


def test_the_rules_are_in_the_order_their_modules_are_declared() -> None:
    """The report lists each table's problems rule by rule, so the order of RULES is the report's. It follows
    rules.MODULES, not the import graph (which registers an imported rule module first): every module of rules/
    that declares a rule is listed there once, and RULES holds their rules module by module in that order."""
    from tongxiang_digital_economy.semantics import rules

    declaring = {p.stem for p in (ROOT / "semantics" / "rules").glob("*.py") if "@rule(" in p.read_text("utf-8")}
    assert sorted(rules.MODULES) == sorted(declaring)
    in_order = [r.check.__module__.rsplit(".", 1)[1] for r in rules.RULES]
    assert list(dict.fromkeys(in_order)) == list(rules.MODULES)
    assert in_order == sorted(in_order, key=rules.MODULES.index)
