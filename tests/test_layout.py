"""The package's layout: modules import only what lies below them (no circle), and the
quick path loads nothing heavy."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PKG = Path(__file__).resolve().parents[1] / "consolidate"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether ``node`` sits inside an ``if TYPE_CHECKING:`` block."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return True
    return False


def imports_of(path: Path) -> set[str]:
    """The consolidate modules ``path`` imports (anywhere in it, but for TYPE_CHECKING blocks)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("consolidate")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("consolidate"):
                continue
            modules = {module_name(p) for p in PKG.rglob("*.py")}
            named = {f"{target}.{a.name}" for a in node.names} & modules
            out |= named or {target}
    return out - {here}


def graph() -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    for path in PKG.rglob("*.py"):
        name = module_name(path)
        g.add_node(name)
        for target in imports_of(path):
            g.add_edge(name, target)
    return g


def test_no_import_circle() -> None:
    cycles = list(nx.simple_cycles(graph()))
    assert cycles == [], "\n".join(" → ".join(c + [c[0]]) for c in sorted(cycles, key=len)[:10])


def test_renderers_ask_the_library_nothing() -> None:
    """render/* are functions of values: they import neither the library nor the store,
    nor compile, replay or read corpus files."""
    g = graph()
    engine = {"consolidate.library", "consolidate.cli", "consolidate.store", "consolidate.timeline.compile",
              "consolidate.replay", "consolidate.corpus", "consolidate.formats", "consolidate.importer"}
    for node in g:
        if node.startswith("consolidate.render"):
            bad = {t for t in nx.descendants(g, node) if any(t == e or t.startswith(e + ".") for e in engine)}
            assert not bad, (node, sorted(bad))


def test_the_store_files_import_nothing_of_the_engine() -> None:
    assert imports_of(PKG / "store" / "files.py") == set()
