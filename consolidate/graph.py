"""The article graph: containment, order and cross references of one document.

A :class:`~consolidate.model.Document` is a tree written as child lists;
:func:`build_graph` turns it into a ``networkx.MultiDiGraph`` with one node per
eId (attribute ``provision``, and ``order``: its place in document order) and
three kinds of edges, told apart by their ``kind`` attribute:

* ``contains``: container → child, with the child's ``index`` in the container;
* ``next``: each unit → its following sibling;
* ``refers``: a unit → each unit of this law its text names (attributes
  ``text``, the phrase as written, and ``reference``, the parsed
  :class:`~consolidate.references.Reference`).

References the document cannot resolve are not edges; :func:`dangling` lists
them.  :func:`verify` checks the structural invariants of a document (or of a
graph built from one) and reports all the violations at once; it is linear in
the number of units, so it can run after every step of a state machine.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, Union

import networkx as nx

from .errors import DataError
from .model import PREAMBLE, ROOT, Document, Kind, Provision, Status
from .numbering import child_eid, normalize_num, num_key
from .references import Reference, find_references, resolve

__all__ = [
    "CONTAINS", "NEXT", "REFERS", "build_graph", "children", "container", "dangling",
    "references_from", "referrers", "verify", "violations",
]

CONTAINS = "contains"
NEXT = "next"
REFERS = "refers"

# The article graph's type: nodes are eIds.  networkx's classes are generic
# only in its stubs (types-networkx), not at runtime, so the subscripted form
# exists for the type checker alone; at runtime ``Graph`` is the plain class.
if TYPE_CHECKING:
    Graph: TypeAlias = nx.MultiDiGraph[str]
else:
    Graph = nx.MultiDiGraph

# The kinds a unit of each kind may sit in.
CONTAINERS: Mapping[Kind, frozenset[Kind]] = {
    Kind.LAW: frozenset(),
    Kind.PREAMBLE: frozenset({Kind.LAW}),
    Kind.CHAPTER: frozenset({Kind.LAW}),
    Kind.ARTICLE: frozenset({Kind.LAW, Kind.CHAPTER}),
    Kind.PARAGRAPH: frozenset({Kind.ARTICLE}),
    Kind.SUBPARAGRAPH: frozenset({Kind.PARAGRAPH, Kind.ARTICLE}),
    Kind.PART: frozenset({Kind.PREAMBLE, Kind.ARTICLE, Kind.PARAGRAPH, Kind.SUBPARAGRAPH}),
}


def _document_order(units: Mapping[str, Provision]) -> list[str]:
    """Depth-first from the root through ``children``; units the walk does
    not reach (a broken document) follow in mapping order.  Never loops."""
    seen: set[str] = set()
    out: list[str] = []
    stack = [ROOT] if ROOT in units else []
    while stack:
        eid = stack.pop()
        if eid in seen or eid not in units:
            continue
        seen.add(eid)
        out.append(eid)
        stack.extend(reversed(units[eid].children))
    out.extend(e for e in units if e not in seen)
    return out


def build_graph(doc: Document) -> Graph:
    """The article graph of ``doc`` (see the module docstring).

    A broken document still gives a graph (a child listed but absent becomes
    a node without ``provision``), so that :func:`verify` can report on it.
    """
    graph = Graph(law=doc.law, lang=doc.lang, root=ROOT, dangling=[])
    order = _document_order(doc.units)
    for i, eid in enumerate(order):
        graph.add_node(eid, provision=doc.units[eid], order=i)
    for eid in order:
        kids = doc.units[eid].children
        for i, child in enumerate(kids):
            graph.add_edge(eid, child, key=CONTAINS, kind=CONTAINS, index=i)
        for a, b in zip(kids, kids[1:]):
            graph.add_edge(a, b, key=NEXT, kind=NEXT)
    dangling_refs: list[Reference] = graph.graph["dangling"]
    for eid in order:
        unit = doc.units[eid]
        if not unit.text:
            continue
        for n, ref in enumerate(find_references(unit.text, lang=doc.lang, context=eid)):
            target = resolve(ref, doc)
            if target is None:
                dangling_refs.append(ref)
            else:
                graph.add_edge(eid, target, key=(REFERS, n), kind=REFERS, text=ref.text, reference=ref)
    return graph


def _edges(graph: Graph, eid: str, kind: str, *, incoming: bool) -> Iterator[tuple[str, dict[str, Any]]]:
    """(other end, edge data) of the ``kind`` edges at ``eid``."""
    if eid not in graph:
        return
    if incoming:
        for src, _, data in graph.in_edges(eid, data=True):
            if data.get("kind") == kind:
                yield src, data
    else:
        for _, dst, data in graph.out_edges(eid, data=True):
            if data.get("kind") == kind:
                yield dst, data


def children(graph: Graph, eid: str) -> list[str]:
    """The units ``eid`` contains, in order."""
    found = sorted(((d["index"], c) for c, d in _edges(graph, eid, CONTAINS, incoming=False)))
    return [c for _, c in found]


def container(graph: Graph, eid: str) -> str | None:
    """The unit containing ``eid`` (``None`` for the root)."""
    return next((p for p, _ in _edges(graph, eid, CONTAINS, incoming=True)), None)


def referrers(graph: Graph, eid: str) -> list[str]:
    """The units whose text refers to ``eid``, in document order."""
    sources = {src for src, _ in _edges(graph, eid, REFERS, incoming=True)}
    return sorted(sources, key=lambda e: graph.nodes[e].get("order", len(graph)))


def references_from(graph: Graph, eid: str) -> list[str]:
    """The units the text of ``eid`` refers to, in the order the text names them."""
    found = sorted(
        ((d["reference"].start, n, dst) for n, (dst, d) in enumerate(_edges(graph, eid, REFERS, incoming=False))),
    )
    return list(dict.fromkeys(dst for _, _, dst in found))


def dangling(graph: Graph) -> list[Reference]:
    """References to units of this law that the document does not have, in document order."""
    return list(graph.graph.get("dangling", []))


# --- verify ------------------------------------------------------------------

def _units_of(doc_or_graph: Union[Document, Graph]) -> tuple[Mapping[str, Provision], str, list[str]]:
    """The units, a name for messages, and the problems of the graph's own edges."""
    if isinstance(doc_or_graph, Document):
        return doc_or_graph.units, f"{doc_or_graph.law} ({doc_or_graph.lang})", []
    graph = doc_or_graph
    units = {n: d["provision"] for n, d in graph.nodes(data=True) if "provision" in d}
    problems: list[str] = []
    listed = {(p, c, i) for p, unit in units.items() for i, c in enumerate(unit.children)}
    edges = {(p, c, d.get("index")) for p, c, d in graph.edges(data=True) if d.get("kind") == CONTAINS}
    for p, c, i in sorted(edges - listed, key=str):
        problems.append(f"contains edge {p} → {c} (index {i}) is not in {p}'s children")
    for p, c, i in sorted(listed - edges, key=str):
        problems.append(f"{p} lists {c} at index {i} but the graph has no contains edge for it")
    name = f"{graph.graph.get('law', '?')} ({graph.graph.get('lang', '?')})"
    return units, name, problems


def _expected_eid(container_eid: str, unit: Provision) -> str:
    if unit.kind is Kind.PREAMBLE:
        return PREAMBLE
    if unit.num is None:
        raise DataError(f"{unit.kind.value} {unit.eid} has no number")
    return child_eid(container_eid, unit.kind.value, unit.num)


def _check_number(unit: Provision) -> str | None:
    """What is wrong with the unit's number, if anything."""
    if unit.kind in (Kind.LAW, Kind.PREAMBLE):
        return None
    if unit.num is None:
        return f"{unit.kind.value} {unit.eid} has no number"
    try:
        normal = normalize_num(unit.num)
    except DataError:
        return f"{unit.eid}: number {unit.num!r} is not a provision number"
    if normal != unit.num:
        return f"{unit.eid}: number {unit.num!r} should be written {normal!r}"
    if unit.kind is Kind.PART and ("-" in unit.num or int(unit.num) < 1):
        return f"{unit.eid}: parts are counted 1, 2, 3…, got {unit.num!r}"
    return None


def _cycles(units: Mapping[str, Provision]) -> list[list[str]]:
    """The containment cycles, each once (colour depth-first search)."""
    gray, black = 1, 2
    color: dict[str, int] = {}
    cycles: list[list[str]] = []
    for start in units:
        if start in color:
            continue
        color[start] = gray
        path = [start]
        where = {start: 0}
        iters = [iter(units[start].children)]
        while iters:
            for child in iters[-1]:
                if child not in units:
                    continue
                state = color.get(child)
                if state is None:
                    color[child] = gray
                    where[child] = len(path)
                    path.append(child)
                    iters.append(iter(units[child].children))
                    break
                if state == gray:
                    cycles.append(path[where[child]:] + [child])
            else:
                done = path.pop()
                color[done] = black
                del where[done]
                iters.pop()
    return cycles


def violations(doc_or_graph: Union[Document, Graph]) -> list[str]:
    """Every structural invariant the document (or its graph) breaks, one
    message each, in a stable order; an empty list when it is sound."""
    units, _, problems = _units_of(doc_or_graph)
    return problems + _check(units)


def _check(units: Mapping[str, Provision]) -> list[str]:
    problems: list[str] = []
    for key, unit in units.items():
        if unit.eid != key:
            problems.append(f"unit stored under {key!r} has eId {unit.eid!r}")
    if ROOT not in units:
        problems.append(f"no root: expected a unit {ROOT!r} of kind law")
    elif units[ROOT].kind is not Kind.LAW:
        problems.append(f"root {ROOT!r} has kind {units[ROOT].kind.value}, expected law")
    extra_roots = [k for k, u in units.items() if u.kind is Kind.LAW and k != ROOT]
    if extra_roots:
        problems.append(f"only the root may be of kind law, found also {', '.join(extra_roots)}")

    containers: dict[str, list[str]] = {}
    for key, unit in units.items():
        if unit.status is Status.UNKNOWN and unit.text:
            problems.append(f"{key} has status unknown but a text ({unit.text[:40]!r})")
        if unit.status is Status.REPEALED and unit.children:
            problems.append(f"{key} is repealed but has children ({', '.join(unit.children)})")
        if (bad := _check_number(unit)) is not None:
            problems.append(bad)
        last: dict[Kind, tuple[tuple[int, ...], str]] = {}
        for child_key in unit.children:
            containers.setdefault(child_key, []).append(key)
            child = units.get(child_key)
            if child is None:
                problems.append(f"{key} lists child {child_key}, which does not exist")
                continue
            if unit.kind not in CONTAINERS[child.kind]:
                allowed = " or ".join(sorted(k.value for k in CONTAINERS[child.kind])) or "nothing"
                problems.append(
                    f"{child_key} is a {child.kind.value} inside {unit.kind.value} {key}: "
                    f"expected it inside {allowed}"
                )
            try:
                expected = _expected_eid(key, child)
            except DataError:
                expected = None  # reported by _check_number
            if expected is not None and expected != child_key:
                problems.append(f"{child_key} in {key}: expected eId {expected!r} for {child.kind.value} {child.num}")
            if child.num is not None and child.kind not in (Kind.LAW, Kind.PREAMBLE):
                try:
                    k = num_key(child.num)
                except DataError:
                    continue  # reported by _check_number
                if child.kind in last and k <= last[child.kind][0]:
                    problems.append(
                        f"in {key}, {child.kind.value} {child.num} ({child_key}) follows "
                        f"{last[child.kind][1]}: numbers of one kind must increase"
                    )
                last[child.kind] = (k, child_key)

    if ROOT in containers:
        problems.append(f"the root is listed as a child of {', '.join(containers[ROOT])}")
    for key in units:
        if key == ROOT:
            continue
        held = containers.get(key, [])
        if not held:
            problems.append(f"{key} has no container")
        elif len(held) > 1:
            problems.append(f"{key} has {len(held)} containers, expected one: {', '.join(held)}")

    for cycle in _cycles(units):
        problems.append(f"containment cycle: {' → '.join(cycle)}")
    return problems


def verify(doc_or_graph: Union[Document, Graph]) -> None:
    """Raise :class:`~consolidate.errors.DataError` listing every invariant
    the document (or its graph) breaks:

    exactly one root ``law``; every other unit in exactly one container;
    every child listed exists; no containment cycles; eIds consistent with
    the container (:func:`~consolidate.numbering.child_eid`; parts are
    ``part_K``); kinds nest properly; numbered siblings of one kind in
    strictly increasing :func:`~consolidate.numbering.num_key` order; a unit
    of status unknown has no text; a repealed unit has no children.
    Dangling cross references are not violations (see :func:`dangling`).
    """
    units, name, problems = _units_of(doc_or_graph)
    problems += _check(units)
    if problems:
        raise DataError(f"{name}: {len(problems)} invariant(s) violated: " + "; ".join(problems))
